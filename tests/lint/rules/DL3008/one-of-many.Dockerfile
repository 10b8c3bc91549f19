# expect: DL3008:4
FROM debian:12
RUN apt-get update && \
    apt-get install -y --no-install-recommends curl=7.88.1-10 wget
