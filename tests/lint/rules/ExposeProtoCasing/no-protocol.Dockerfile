# expect-none: ExposeProtoCasing
FROM alpine:3.20
EXPOSE 80 8080:80
