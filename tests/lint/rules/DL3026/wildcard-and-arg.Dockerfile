# args: --trusted-registry *.gcr.io
# expect-none: DL3026
ARG REG=eu.gcr.io
FROM ${REG}/project/app:1
FROM scratch
