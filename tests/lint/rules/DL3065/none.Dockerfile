# expect-none: DL3065
FROM debian:12
