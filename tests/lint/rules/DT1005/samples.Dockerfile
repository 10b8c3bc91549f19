# expect-none: DT1005
FROM node:20
WORKDIR /app
COPY .env.example package.json ./
COPY . .
