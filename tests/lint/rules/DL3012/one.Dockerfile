# expect-none: DL3012
FROM debian:12
HEALTHCHECK CMD curl -f http://localhost/
