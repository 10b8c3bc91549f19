# args: --require-label license:spdx
# expect-none: DL3054
FROM debian:12
LABEL license=Apache-2.0
