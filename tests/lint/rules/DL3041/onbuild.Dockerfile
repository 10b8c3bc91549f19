# expect: DL3041:3
FROM fedora:39
ONBUILD RUN dnf install -y git && dnf clean all
