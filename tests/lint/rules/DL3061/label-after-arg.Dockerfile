# expect: DL3061:3
ARG V=12
LABEL x=1
FROM debian:${V}
