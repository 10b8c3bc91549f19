# expect-none: DL3002
FROM debian:12
USER root
RUN apt-get update
USER app
