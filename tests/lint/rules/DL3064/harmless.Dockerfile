# expect-none: DL3064
FROM debian:12
ARG VERSION=1
ENV APP_HOME=/app
