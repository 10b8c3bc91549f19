# expect-none: DL3023
FROM debian:12 AS app
COPY x /y
