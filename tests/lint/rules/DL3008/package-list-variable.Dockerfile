# expect-none: DL3008
FROM debian:12
ARG PACKAGES
RUN apt-get install -y $PACKAGES
