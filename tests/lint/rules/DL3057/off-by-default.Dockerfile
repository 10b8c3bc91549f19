# expect-none: DL3057
FROM debian:12
