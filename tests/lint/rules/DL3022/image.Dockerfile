# expect-none: DL3022
FROM debian:12
COPY --from=nginx:1.25 /etc/nginx/nginx.conf /etc/nginx/
