# expect: DT1001:5
FROM golang:1.23 AS build
USER 10001
RUN go version
FROM scratch
COPY --from=build /go/bin /bin
