# expect-none: DL3021
FROM debian:12
COPY a.txt /app
