# expect: DL3009:3
FROM debian:12
ONBUILD RUN apt-get update
