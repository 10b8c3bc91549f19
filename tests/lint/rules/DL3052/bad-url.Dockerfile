# args: --require-label documentation:url
# expect: DL3052:4
FROM debian:12
LABEL documentation="not a url"
