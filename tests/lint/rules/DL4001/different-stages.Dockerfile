# expect-none: DL4001
FROM debian:12 AS a
RUN wget -q https://example.com/a
FROM debian:12
RUN curl -fsSLO https://example.com/b
