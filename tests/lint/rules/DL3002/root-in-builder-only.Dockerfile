# expect-none: DL3002
FROM debian:12 AS build
USER root
FROM debian:12
USER 10001
