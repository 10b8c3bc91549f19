# expect: DT1005:4
FROM node:20
WORKDIR /app
COPY package.json .env ./
