# expect-none: ConsistentInstructionCasing
FROM alpine:3.20 AS base
RUN echo hello > /greeting.txt
ONBUILD RUN echo child
ENTRYPOINT ["cat", "/greeting.txt"]
