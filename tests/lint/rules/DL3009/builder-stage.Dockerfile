# expect-none: DL3009
FROM debian:12 AS build
RUN apt-get update && apt-get install -y gcc=4:12.2.0-3
FROM alpine:3.19
