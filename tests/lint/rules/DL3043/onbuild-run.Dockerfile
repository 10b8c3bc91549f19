# expect-none: DL3043
FROM debian:12
ONBUILD RUN echo hi
