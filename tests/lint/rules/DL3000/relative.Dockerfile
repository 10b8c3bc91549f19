# expect: DL3000:3
FROM alpine:3.19
WORKDIR app
