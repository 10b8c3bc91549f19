# expect-none: DL3047
FROM debian:12
RUN wget --progress=dot:giga https://example.com/file.tar.gz
