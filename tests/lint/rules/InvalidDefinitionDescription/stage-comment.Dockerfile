# args: --warning InvalidDefinitionDescription
# expect: InvalidDefinitionDescription:4
# a non-descriptive comment
FROM scratch AS base
