# expect-none: DL4001
FROM debian:12
RUN curl -fsSL https://example.com/a && curl -fsSLO https://example.com/b
