# expect: DL4006:3
FROM debian:12
ONBUILD RUN cat a | grep b
