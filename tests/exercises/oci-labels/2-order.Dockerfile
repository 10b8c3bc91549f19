FROM nginxinc/nginx-unprivileged:1.27-alpine

ARG VERSION=dev
LABEL org.opencontainers.image.title="acme-docs" \
      org.opencontainers.image.authors="Dana Reyes <dana@acme.example>" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"

COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY site/ /usr/share/nginx/html/

# The unprivileged nginx image runs as UID 101.
USER 101
EXPOSE 8080
