# expect-none: DL3029
FROM debian:12
