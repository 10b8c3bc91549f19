# expect-none: DT1006
FROM fedora:40
RUN dnf -y update openssl && dnf clean all
