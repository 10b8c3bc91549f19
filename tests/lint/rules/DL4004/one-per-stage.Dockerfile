# expect-none: DL4004
FROM debian:12 AS a
ENTRYPOINT ["a"]
FROM debian:12
ENTRYPOINT ["b"]
