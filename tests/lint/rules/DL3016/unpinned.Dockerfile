# expect: DL3016:3
FROM node:20.11
RUN npm install -g typescript
