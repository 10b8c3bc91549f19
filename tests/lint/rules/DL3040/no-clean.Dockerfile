# expect: DL3040:3
FROM fedora:39
RUN dnf install -y httpd-2.4.57
