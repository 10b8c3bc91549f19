# expect: DL3059:4
FROM debian:12
RUN echo one
RUN echo two
