# expect: DL3012:4
FROM debian:12
HEALTHCHECK CMD curl -f http://localhost/
HEALTHCHECK CMD wget -q -O /dev/null http://localhost/
