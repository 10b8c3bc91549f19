# expect-none: DL3006
ARG BASE=debian:12
FROM ${BASE} AS build
FROM build
FROM scratch
