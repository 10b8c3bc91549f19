# expect-none: DT1002
FROM debian:12
RUN chmod 755 /usr/local/bin/app && chmod +x /entrypoint.sh && chmod u+w /data
COPY --chmod=0644 config.yaml /etc/app/
