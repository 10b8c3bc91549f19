# args: --require-label license:spdx
# expect: DL3054:4
FROM debian:12
LABEL license=MyLicense
