# expect-none: DL3048
FROM debian:12
LABEL org.opencontainers.image.source=https://example.com maintainer=me
