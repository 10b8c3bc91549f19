# args: --require-label created:rfc3339
# expect-none: DL3053
FROM debian:12
LABEL created=2024-03-01T12:00:00Z
