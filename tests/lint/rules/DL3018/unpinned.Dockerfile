# expect: DL3018:3
FROM alpine:3.19
RUN apk add --no-cache curl
