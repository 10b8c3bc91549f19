# expect-none: DL3019
FROM alpine:3.19
RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.5.0-r0
