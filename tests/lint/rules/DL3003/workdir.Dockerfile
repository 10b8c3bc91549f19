# expect-none: DL3003
FROM debian:12
WORKDIR /src
RUN make
