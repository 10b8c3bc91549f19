# expect: UndefinedArgInFrom:3
ARG VERSION=3.20
FROM alpine:${VERSON}
