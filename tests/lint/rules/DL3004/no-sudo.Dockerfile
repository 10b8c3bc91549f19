# expect-none: DL3004
FROM debian:12
RUN apt-get update && echo sudo
