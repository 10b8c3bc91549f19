# args: --require-label created:rfc3339
# expect: DL3053:4
FROM debian:12
LABEL created=2024-03-01T12:00:00
