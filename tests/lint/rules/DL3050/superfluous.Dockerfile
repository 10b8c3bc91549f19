# args: --strict-labels --require-label version:semver
# expect: DL3050:4
FROM debian:12
LABEL version=1.0.0 other=x
