# expect-none: DL3010
FROM debian:12
COPY backup.tar.gz /backups/
