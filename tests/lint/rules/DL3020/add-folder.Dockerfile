# expect: DL3020:3
FROM debian:12
ADD src /app/src
