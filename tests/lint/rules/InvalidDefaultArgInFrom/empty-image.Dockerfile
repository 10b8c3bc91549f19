# expect: InvalidDefaultArgInFrom:4
ARG IMAGE
FROM alpine:3.20 AS base
FROM ${IMAGE} AS final
