# args: --warning DL1001
# expect-none: DL1001
# hadolint is a linter; this is no pragma
FROM alpine:3.19
