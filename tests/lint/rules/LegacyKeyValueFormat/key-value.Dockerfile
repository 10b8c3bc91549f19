# expect-none: LegacyKeyValueFormat
FROM alpine:3.20
ENV APP_HOME=/srv/app MODE="a b"
ONBUILD ENV MODE=production
