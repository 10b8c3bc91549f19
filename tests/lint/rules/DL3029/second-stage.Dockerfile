# expect: DL3029:3
FROM debian:12
FROM --platform=linux/arm64 alpine:3.19
