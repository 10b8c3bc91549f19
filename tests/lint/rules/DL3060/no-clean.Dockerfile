# expect: DL3060:3
FROM node:20.11
RUN yarn install --frozen-lockfile
