# expect: NoEmptyContinuation:4
FROM alpine:3.20
RUN apk add --no-cache \

    gnupg \
    curl
