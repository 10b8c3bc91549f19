# expect-none: DL3020
FROM debian:12
ADD https://example.com/tool.tar.gz /opt/
ADD rootfs.tar.xz /
