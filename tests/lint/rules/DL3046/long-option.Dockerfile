# expect: DL3046:3
FROM debian:12
RUN useradd --uid=1000000 --create-home app
