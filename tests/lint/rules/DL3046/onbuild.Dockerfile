# expect: DL3046:3
FROM debian:12
ONBUILD RUN useradd -u 2000000 app
