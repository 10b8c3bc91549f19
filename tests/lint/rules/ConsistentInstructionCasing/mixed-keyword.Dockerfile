# expect: ConsistentInstructionCasing:4 ConsistentInstructionCasing:5
FROM alpine:3.20
RUN echo hello > /greeting.txt
EntryPoint ["cat", "/greeting.txt"]
cmd ["--help"]
