# expect-none: FromAsCasing
# A FROM in mixed case is left to ConsistentInstructionCasing.
From debian:12 as builder
