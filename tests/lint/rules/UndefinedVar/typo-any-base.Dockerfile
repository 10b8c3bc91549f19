# expect: UndefinedVar:4 UndefinedVar:7
FROM node:20 AS build
ARG NODE_ENV=production
ENV MODE=$NODE_EMV
FROM alpine:3.20
# NODE_ENV belongs to the other stage.
WORKDIR /srv/${NODE_ENV}
