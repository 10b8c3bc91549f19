# args: --trusted-registry registry.example.com --trusted-registry docker.io
# expect-none: DL3026
FROM registry.example.com/base:1
FROM docker.io/library/debian:12
FROM alpine:3.19
