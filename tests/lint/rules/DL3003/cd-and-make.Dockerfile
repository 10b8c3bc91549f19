# expect: DL3003:3
FROM debian:12
RUN cd /src && make
