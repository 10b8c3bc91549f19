# expect: DL3019:3
FROM alpine:3.19
ONBUILD RUN apk add --update git=2.43.0-r0
