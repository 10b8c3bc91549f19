# expect: DT1010:3 DT1010:4
FROM alpine:3.20
RUN apk update
ONBUILD RUN apt update
