# expect: DL3003:3
FROM debian:12
ONBUILD RUN cd /app && npm ci
