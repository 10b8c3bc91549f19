# expect: DL3010:3
FROM debian:12
COPY dist/site.tgz /srv/site.tgz
RUN cd /srv && tar xf site.tgz
