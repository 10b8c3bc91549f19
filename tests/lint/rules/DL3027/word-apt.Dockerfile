# expect-none: DL3027
FROM debian:12
RUN echo apt
