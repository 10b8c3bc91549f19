# expect: ExposeProtoCasing:3
FROM alpine:3.20
EXPOSE 80/TcP
