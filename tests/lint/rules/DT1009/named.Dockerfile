# expect-none: DT1009
FROM golang:1.23 AS build
FROM alpine:3.20
COPY --from=build /go/bin /bin
RUN --mount=type=bind,from=build,source=/go,target=/mnt ls /mnt
