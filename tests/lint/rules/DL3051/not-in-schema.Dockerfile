# args: --require-label maintainer:text
# expect-none: DL3051
FROM debian:12
LABEL other=""
