# expect: DT1004:3
FROM debian:12
ADD https://example.com/tool.bin /usr/local/bin/tool
