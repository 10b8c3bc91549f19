# args: --require-label documentation:url
# expect-none: DL3052
FROM debian:12
LABEL documentation=https://example.com/docs
