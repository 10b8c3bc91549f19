# expect: DL4001:4
FROM debian:12
RUN wget -q https://example.com/a
RUN curl -fsSLO https://example.com/b
