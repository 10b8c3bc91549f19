# syntax=docker/dockerfile:1
FROM python:3.12-slim

WORKDIR /app
ARG MAXMIND_LICENSE_KEY
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY fetch_geoip.py .
RUN python fetch_geoip.py
COPY app.py .

USER nobody
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
