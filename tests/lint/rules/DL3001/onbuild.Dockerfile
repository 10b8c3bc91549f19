# expect: DL3001:3
FROM debian:12
ONBUILD RUN top -b -n 1
