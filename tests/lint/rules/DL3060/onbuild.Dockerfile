# expect: DL3060:3
FROM node:20.11
ONBUILD RUN yarn install
