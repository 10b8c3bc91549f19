# expect-none: DL3016
FROM node:20.11
RUN npm ci && npm install
