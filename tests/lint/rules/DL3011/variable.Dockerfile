# expect-none: DL3011
FROM debian:12
ARG PORT=8080
EXPOSE ${PORT}
