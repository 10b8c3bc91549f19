# expect: StageNameCasing:2 StageNameCasing:4
FROM golang:1.23 AS Build
RUN go version
FROM alpine:3.20 AS FINAL
