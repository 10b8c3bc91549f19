# expect-none: ExposeInvalidFormat
FROM alpine:3.20
ARG PORT=8080
EXPOSE 8000-8010 ${PORT}
