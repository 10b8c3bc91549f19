# expect-none: DL4004
FROM debian:12
ENTRYPOINT ["a"]
