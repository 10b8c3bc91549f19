# expect: DL3008:3
FROM debian:12
RUN ["apt-get", "install", "-y", "curl"]
