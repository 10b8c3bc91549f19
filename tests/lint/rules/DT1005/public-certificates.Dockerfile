# expect-none: DT1005
FROM debian:12
COPY certs/fullchain.pem certs/ca.pem /etc/ssl/certs/
COPY --from=alpine:3.20 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
