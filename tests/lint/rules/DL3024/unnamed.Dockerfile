# expect-none: DL3024
FROM debian:12
FROM debian:12
