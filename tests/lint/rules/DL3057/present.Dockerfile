# args: --info DL3057
# expect-none: DL3057
FROM debian:12
HEALTHCHECK CMD true
