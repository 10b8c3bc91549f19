# args: --require-label version:semver
# expect-none: DL3056
FROM debian:12
LABEL version=1.2.3
