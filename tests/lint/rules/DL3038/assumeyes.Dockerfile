# expect-none: DL3038
FROM fedora:39
RUN dnf --assumeyes install httpd-2.4.57 && dnf clean all
