# args: --strict-labels
# expect: DL3050:4
FROM debian:12
LABEL anything=1
