# expect-none: DL3001
FROM debian:12
RUN ["echo", "service"]
