# expect: DL3047:3
FROM debian:12
ONBUILD RUN wget -O /tmp/x https://example.com/x
