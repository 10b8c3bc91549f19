# args: --require-label version:semver
# expect: DL3051:4
FROM debian:12
LABEL version=
