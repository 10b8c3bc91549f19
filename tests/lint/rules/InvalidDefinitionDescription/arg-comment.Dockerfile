# args: --warning InvalidDefinitionDescription
# expect: InvalidDefinitionDescription:7

FROM scratch AS base

# another non-descriptive comment
ARG VERSION=1
