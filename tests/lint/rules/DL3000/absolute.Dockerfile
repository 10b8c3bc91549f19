# expect-none: DL3000
FROM alpine:3.19
WORKDIR /usr/src/app
