# args: --require-label maintainer:text
# expect-none: DL3049
FROM debian:12 AS base
LABEL maintainer=me
FROM base
