# expect: DL3020:3
FROM debian:12
ADD requirements.txt /app/
