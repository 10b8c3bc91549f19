# args: --require-label maintainer:text
# expect: DL3051:4
FROM debian:12
LABEL maintainer=""
