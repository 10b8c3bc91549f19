# expect-none: DL3065
FROM --platform=$BUILDPLATFORM debian:12
