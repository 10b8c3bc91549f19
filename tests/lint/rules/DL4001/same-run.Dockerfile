# expect: DL4001:3
FROM debian:12
RUN curl -fsSL https://example.com/a && wget -q https://example.com/b
