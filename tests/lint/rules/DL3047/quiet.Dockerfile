# expect-none: DL3047
FROM debian:12
RUN wget -q https://example.com/a && wget -nv https://example.com/b
