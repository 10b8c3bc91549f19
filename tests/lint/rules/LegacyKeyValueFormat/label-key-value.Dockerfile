# expect-none: LegacyKeyValueFormat
FROM alpine:3.20
LABEL org.opencontainers.image.title="web" \
      org.opencontainers.image.version="1.4.2"
