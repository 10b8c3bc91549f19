# expect: ExposeProtoCasing:3 ExposeProtoCasing:4
FROM alpine:3.20
EXPOSE 53/UDP 80/tcp
ONBUILD EXPOSE 8080/TCP
