# expect: DL3009:3
FROM debian:12
RUN apt-get update && apt-get install -y curl=7.88.1-10
