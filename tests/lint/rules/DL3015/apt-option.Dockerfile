# expect-none: DL3015
FROM debian:12
RUN apt-get -o APT::Install-Recommends=false install -y curl=7.88.1-10
