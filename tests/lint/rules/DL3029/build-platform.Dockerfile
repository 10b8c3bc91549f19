# expect-none: DL3029
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
