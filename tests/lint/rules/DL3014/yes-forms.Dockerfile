# expect-none: DL3014
FROM debian:12
RUN apt-get install -y curl=7.88.1-10 && apt-get -qq install wget=1.21 \
 && apt-get install --yes gcc=12 && apt-get -qy install make=4.3
