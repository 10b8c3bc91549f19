# expect-none: DL3041
FROM fedora:39
RUN dnf module install -y nodejs:20 && dnf clean all
