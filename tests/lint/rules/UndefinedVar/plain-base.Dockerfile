# expect: UndefinedVar:3
FROM alpine:3.20
COPY $foo .
