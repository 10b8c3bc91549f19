# expect-none: DT1007
FROM alpine:3.20
ARG DB_PASSWORD
ENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app
ENV MIRROR=https://user@example.com/repo
