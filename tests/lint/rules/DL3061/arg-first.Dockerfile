# expect-none: DL3061
ARG V=12
FROM debian:${V}
