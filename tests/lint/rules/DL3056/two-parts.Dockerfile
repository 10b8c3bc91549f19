# args: --require-label version:semver
# expect: DL3056:4
FROM debian:12
LABEL version=1.0
