# expect-none: DL3044
FROM debian:12
ENV PATH=/opt/bin:$PATH A=1 AB=$ABC
