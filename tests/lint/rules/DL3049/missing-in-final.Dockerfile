# args: --require-label maintainer:text
# expect: DL3049:5
FROM debian:12 AS build
LABEL maintainer=me
FROM alpine:3.19
