# expect: DL3044:3
FROM debian:12
ENV APP_HOME=/app PATH=$APP_HOME/bin:$PATH
