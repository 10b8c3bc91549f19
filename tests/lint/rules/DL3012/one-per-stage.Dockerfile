# expect-none: DL3012
FROM debian:12 AS a
HEALTHCHECK CMD true
FROM debian:12
HEALTHCHECK CMD true
