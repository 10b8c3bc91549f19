# expect-none: UndefinedVar
ARG VERSION=1.0
FROM alpine:3.20 AS base
ARG VERSION
ENV APP_VERSION=${VERSION} LITERAL='$not_a_variable'
ARG A=1 B=$A
FROM base
COPY app-${APP_VERSION}.tar.gz /opt/
LABEL version="${VERSION}"
