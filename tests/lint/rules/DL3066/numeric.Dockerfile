# expect-none: DL3066
FROM debian:12
USER 10001:10001
