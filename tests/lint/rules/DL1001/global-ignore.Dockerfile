# args: --warning DL1001
# expect: DL1001:3
# hadolint global ignore=DL3006
FROM alpine
