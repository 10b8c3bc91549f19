# expect: DL1000:3
FROM alpine:3.19
FROMM alpine
RUN echo ok
