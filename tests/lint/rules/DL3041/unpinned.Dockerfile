# expect: DL3041:3
FROM fedora:39
RUN dnf install -y httpd && dnf clean all
