# expect: DL3015:3
FROM debian:12
ONBUILD RUN apt-get install -y curl=7.88.1-10
