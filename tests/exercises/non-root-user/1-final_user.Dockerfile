FROM node:22-alpine

WORKDIR /srv/app
COPY app/ ./
# The files stay owned by root: the service can read them, not change them.
RUN addgroup -S app && adduser -S -G app app

ENV NODE_ENV=production
EXPOSE 8080
CMD ["node", "server.js"]
