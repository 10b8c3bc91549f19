# expect: DL3014:3
FROM debian:12
RUN apt-get install --no-install-recommends curl=7.88.1-10
