# expect-none: DL3045
FROM node:20.11
WORKDIR /app
COPY package.json .
