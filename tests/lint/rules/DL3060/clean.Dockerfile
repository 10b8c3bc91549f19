# expect-none: DL3060
FROM node:20.11
RUN yarn install --frozen-lockfile && yarn cache clean
