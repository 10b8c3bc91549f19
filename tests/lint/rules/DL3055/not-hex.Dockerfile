# args: --require-label git-revision:hash
# expect: DL3055:4
FROM debian:12
LABEL git-revision=main
