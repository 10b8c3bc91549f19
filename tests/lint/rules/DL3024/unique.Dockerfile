# expect-none: DL3024
FROM debian:12 AS build
FROM debian:12 AS run
