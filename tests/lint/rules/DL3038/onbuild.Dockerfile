# expect: DL3038:3
FROM fedora:39
ONBUILD RUN dnf install httpd-2.4.57 && dnf clean all
