# expect-none: DL3045
FROM node:20.11 AS base
WORKDIR /app
FROM base
COPY package.json ./
COPY x /abs/x
