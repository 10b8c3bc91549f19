# expect: UndefinedArgInFrom:4 UndefinedArgInFrom:7
ARG GO=1.23
FROM alpine:3.20 AS base
FROM --platform=$BULDPLATFORM golang:${GO} AS build
# An ARG inside a stage is not visible to a later FROM.
ARG STAGE_ARG
FROM alpine:${STAGE_ARG}
