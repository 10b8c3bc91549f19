# expect-none: NoEmptyContinuation
FROM alpine:3.20
RUN apk add --no-cache \
    # tools
    curl \
    git
