# expect: DL3043:3
FROM debian:12
ONBUILD FROM alpine:3.19
