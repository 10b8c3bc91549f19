# The tag is a note for humans; the digest decides what is pulled.
FROM node:22-alpine@sha256:432fb824fd7eef26aea47f1b9d71d95b374f5da4488e3fce3bcd18db72d4a512

WORKDIR /app
ENV NODE_ENV=production PORT=8080
COPY package.json server.js ./

# The node images ship an unprivileged user "node" (UID 1000).
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1
# PAYMENTS_API_TOKEN is given at run time: docker run -e PAYMENTS_API_TOKEN
CMD ["node", "server.js"]
