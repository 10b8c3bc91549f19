# expect: LegacyKeyValueFormat:3 LegacyKeyValueFormat:4
FROM alpine:3.20
LABEL description a small web server
ONBUILD ENV MODE production
