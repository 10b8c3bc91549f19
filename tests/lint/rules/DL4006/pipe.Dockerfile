# expect: DL4006:3
FROM debian:12
RUN curl -fsSL https://example.com/x | tar -xz
