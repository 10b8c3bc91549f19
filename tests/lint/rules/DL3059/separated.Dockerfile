# expect-none: DL3059
FROM debian:12
RUN echo one
WORKDIR /x
RUN echo two
