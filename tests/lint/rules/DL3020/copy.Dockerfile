# expect-none: DL3020
FROM debian:12
COPY requirements.txt /app/
