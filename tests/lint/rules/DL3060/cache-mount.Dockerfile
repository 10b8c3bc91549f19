# expect-none: DL3060
FROM node:20.11
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
