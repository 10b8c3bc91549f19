# expect: DT1009:5
FROM golang:1.23
RUN go build -o /out/app .
FROM alpine:3.20
COPY --from=0 /out/app /app
