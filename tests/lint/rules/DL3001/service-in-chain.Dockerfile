# expect: DL3001:4
FROM debian:12
RUN set -e; \
    service nginx start
