FROM node:22-alpine

WORKDIR /app
ADD package.json server.js ./

ENV NODE_ENV=production PORT=3000
USER node
EXPOSE 3000

# Exec form: node is PID 1 and receives SIGTERM from docker stop.
CMD ["node", "server.js"]
