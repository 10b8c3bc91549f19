# expect-none: InvalidDefaultArgInFrom
ARG VARIANT
ARG TAG
FROM busybox:stable${VARIANT} AS one
FROM alpine:${TAG:-3.20}
