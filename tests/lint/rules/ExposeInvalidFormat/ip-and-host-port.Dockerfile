# expect: ExposeInvalidFormat:3
FROM alpine:3.20
EXPOSE 127.0.0.1:80:80
