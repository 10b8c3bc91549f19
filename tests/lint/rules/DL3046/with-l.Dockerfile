# expect-none: DL3046
FROM debian:12
RUN useradd -l -u 123456 app
