# expect: DL3048:3
FROM debian:12
LABEL com.docker.extension=1
