# expect: DT1011:5
FROM node:22-alpine
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
