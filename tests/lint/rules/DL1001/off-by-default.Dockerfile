# expect-none: DL1001
# hadolint ignore=DL3006
FROM alpine
