# expect-none: DL3010
FROM debian:12
ADD app.tar.gz /opt/
