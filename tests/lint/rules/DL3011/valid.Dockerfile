# expect-none: DL3011
FROM debian:12
EXPOSE 80 443/tcp 53/udp 65535 8000-8010
