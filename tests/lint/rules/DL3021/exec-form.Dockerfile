# expect: DL3021:3
FROM debian:12
COPY ["a.txt", "b.txt", "/app"]
