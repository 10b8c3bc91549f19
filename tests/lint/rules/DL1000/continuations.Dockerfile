# expect-none: DL1000
FROM alpine:3.19
RUN echo one \
    two \
    three
