# expect-none: StageNameCasing
FROM alpine:3.20 AS builder-base
FROM builder-base AS final_2
