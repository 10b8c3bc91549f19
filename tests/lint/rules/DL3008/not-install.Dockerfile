# expect-none: DL3008
FROM debian:12
RUN apt-get update && apt-get -o Dpkg::Options::=--force-confnew upgrade -y
