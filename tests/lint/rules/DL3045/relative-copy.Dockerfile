# expect: DL3045:3
FROM node:20.11
COPY package.json .
