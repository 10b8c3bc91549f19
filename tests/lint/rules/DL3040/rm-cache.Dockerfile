# expect-none: DL3040
FROM fedora:39
RUN dnf install -y httpd-2.4.57 && rm -rf /var/cache/dnf
