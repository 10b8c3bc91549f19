# args: --require-label documentation:url
# expect-none: DL3052
FROM debian:12
ARG DOCS=https://example.com
LABEL documentation=$DOCS
