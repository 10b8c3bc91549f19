# expect: DT1005:3 DT1005:4 DT1005:5
FROM debian:12
COPY id_rsa /root/.ssh/id_rsa
ADD certs/server.key /etc/ssl/private/
ONBUILD COPY .npmrc /root/
