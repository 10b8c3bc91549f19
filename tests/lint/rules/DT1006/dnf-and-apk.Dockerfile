# expect: DT1006:3 DT1006:5
FROM fedora:40
RUN dnf -y update && dnf clean all
FROM alpine:3.20
RUN apk upgrade --no-cache
