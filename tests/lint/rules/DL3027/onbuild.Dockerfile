# expect: DL3027:3
FROM debian:12
ONBUILD RUN apt update
