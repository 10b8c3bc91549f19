# expect: DT1001:2
FROM alpine:3.20
RUN apk add --no-cache curl
CMD ["curl", "--version"]
