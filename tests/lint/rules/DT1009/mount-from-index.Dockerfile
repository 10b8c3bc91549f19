# expect: DT1009:4
FROM golang:1.23 AS build
FROM alpine:3.20
RUN --mount=type=bind,from=0,source=/go/bin,target=/mnt ls /mnt
