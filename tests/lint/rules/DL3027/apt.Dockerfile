# expect: DL3027:3
FROM debian:12
RUN apt install -y curl
