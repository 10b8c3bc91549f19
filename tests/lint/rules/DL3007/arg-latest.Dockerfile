# expect: DL3007:3
ARG TAG=latest
FROM node:${TAG}
