# expect: DL3016:3
FROM node:20.11
ONBUILD RUN npm install express
