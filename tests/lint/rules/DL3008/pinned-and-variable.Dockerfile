# expect-none: DL3008
FROM debian:12
ARG CURL_VERSION=7.88.1-10
RUN apt-get install -y --no-install-recommends curl=${CURL_VERSION} ./local.deb
