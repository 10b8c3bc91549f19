# expect: StageNameCasing:2
FROM alpine:3.20 AS BuilderBase
