FROM node:22-alpine

WORKDIR /app
# .dockerignore keeps .env, tests and docs out of the context.
ADD . .

ENV NODE_ENV=production
USER node
EXPOSE 3000
CMD ["node", "server.js"]
