# expect: ExposeInvalidFormat:3 ExposeInvalidFormat:4 ExposeInvalidFormat:4
FROM alpine:3.20
EXPOSE 8080:80 443
ONBUILD EXPOSE 9000:9000/udp [::1]:53:53
