# expect-none: DL3046
FROM debian:12
RUN useradd -u 10001 app
