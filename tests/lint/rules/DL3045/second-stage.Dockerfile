# expect: DL3045:6
FROM node:20.11 AS build
WORKDIR /app
COPY package.json .
FROM node:20.11
COPY --from=build /app/dist dist
