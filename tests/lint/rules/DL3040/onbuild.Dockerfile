# expect: DL3040:3
FROM fedora:39
ONBUILD RUN microdnf install -y httpd-2.4.57
