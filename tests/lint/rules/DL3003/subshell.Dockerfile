# expect-none: DL3003
FROM debian:12
RUN (cd /src && make) && echo done
