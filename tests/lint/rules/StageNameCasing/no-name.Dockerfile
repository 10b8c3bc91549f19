# expect-none: StageNameCasing
FROM Alpine
FROM alpine:3.20
