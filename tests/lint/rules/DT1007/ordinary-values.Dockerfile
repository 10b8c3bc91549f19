# expect-none: DT1007
FROM alpine:3.20
ENV NODE_ENV=production GH_CLI_VERSION=2.50.0 API_URL=https://api.example.com/v1
