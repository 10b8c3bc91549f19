# args: --require-label version:semver
# expect-none: DL3049
FROM debian:12
LABEL version=1.0.0
