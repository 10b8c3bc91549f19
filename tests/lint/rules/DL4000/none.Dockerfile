# expect-none: DL4000
FROM debian:12
