# expect: DL3004:4
FROM debian:12
RUN echo hi && \
    sudo -u app make
