# expect: DL3059:5
FROM debian:12
RUN echo one
# a comment does not separate
RUN echo two
