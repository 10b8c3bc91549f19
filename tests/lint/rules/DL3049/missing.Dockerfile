# args: --require-label version:semver
# expect: DL3049:3
FROM debian:12
LABEL other=1
