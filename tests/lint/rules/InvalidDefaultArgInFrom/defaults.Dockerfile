# expect-none: InvalidDefaultArgInFrom
ARG TAG=latest
ARG REPO=busybox
FROM ${REPO}:${TAG}
