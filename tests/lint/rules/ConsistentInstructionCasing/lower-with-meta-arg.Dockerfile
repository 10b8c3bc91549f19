# expect-none: ConsistentInstructionCasing
# An ARG before the first FROM belongs to no stage and is not counted.
ARG VERSION=3.20
from alpine:${VERSION}
run echo hello
onbuild run echo child
