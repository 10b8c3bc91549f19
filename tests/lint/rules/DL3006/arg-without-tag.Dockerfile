# expect: DL3006:3
ARG BASE=debian
FROM ${BASE}
