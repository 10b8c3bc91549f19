# args: --warning DL1001
# expect: DL1001:3
# hadolint ignore=DL3006
FROM alpine
