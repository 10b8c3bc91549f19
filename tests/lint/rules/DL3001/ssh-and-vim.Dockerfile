# expect: DL3001:3 DL3001:4
FROM debian:12
RUN ssh user@host uptime
RUN vim /etc/hosts
