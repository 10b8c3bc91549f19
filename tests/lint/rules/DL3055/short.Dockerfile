# args: --require-label git-revision:hash
# expect-none: DL3055
FROM debian:12
LABEL git-revision=0a1b2c3d
