# expect: DL3023:3
FROM debian:12 AS app
COPY --from=app /x /y
