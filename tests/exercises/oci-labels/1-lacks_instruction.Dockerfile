FROM nginxinc/nginx-unprivileged:1.27-alpine
MAINTAINER Dana Reyes <dana@acme.example>

ARG VERSION=dev
LABEL org.opencontainers.image.title="acme-docs" \
      org.opencontainers.image.source="https://github.com/acme/docs-site" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"

COPY nginx.conf /etc/nginx/conf.d/default.conf
COPY site/ /usr/share/nginx/html/

# The unprivileged nginx image runs as UID 101.
USER 101
EXPOSE 8080
