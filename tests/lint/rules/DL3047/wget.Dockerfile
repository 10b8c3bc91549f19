# expect: DL3047:3
FROM debian:12
RUN wget https://example.com/file.tar.gz
