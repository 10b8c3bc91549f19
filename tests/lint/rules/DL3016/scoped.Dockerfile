# expect: DL3016:3
FROM node:20.11
RUN npm i @angular/cli
