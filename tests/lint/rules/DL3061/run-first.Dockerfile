# expect: DL3061:2
RUN echo hi
FROM debian:12
