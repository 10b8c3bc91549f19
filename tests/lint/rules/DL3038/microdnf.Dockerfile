# expect: DL3038:3
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3
RUN microdnf install httpd-2.4.57 && microdnf clean all
