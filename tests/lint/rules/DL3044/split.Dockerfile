# expect-none: DL3044
FROM debian:12
ENV APP_HOME=/app
ENV PATH=$APP_HOME/bin:$PATH
