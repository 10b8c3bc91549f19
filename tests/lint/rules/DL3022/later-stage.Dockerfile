# expect: DL3022:3
FROM debian:12 AS first
COPY --from=second /x /x
FROM debian:12 AS second
