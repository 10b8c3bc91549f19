# expect-none: DL3014
FROM debian:12
RUN apt-get install --assume-yes curl=7.88.1-10
