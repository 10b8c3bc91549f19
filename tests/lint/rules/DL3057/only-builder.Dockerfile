# args: --info DL3057
# expect: DL3057:5
FROM debian:12 AS build
HEALTHCHECK CMD true
FROM alpine:3.19
