# expect: DL3000:4
FROM alpine:3.19
WORKDIR /srv
WORKDIR ./build
