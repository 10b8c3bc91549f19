# expect-none: DL3018
FROM alpine:3.19
ARG CURL_VERSION=8.5.0-r0
RUN apk add --no-cache curl=${CURL_VERSION}
