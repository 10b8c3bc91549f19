# expect-none: DL3007
FROM node:20.11-alpine
