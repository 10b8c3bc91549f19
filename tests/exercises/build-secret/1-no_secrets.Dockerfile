# syntax=docker/dockerfile:1
FROM python:3.12-slim

WORKDIR /app
ARG MAXMIND_LICENSE_KEY=Xq3vT9mK2pLw8RzN_mmk
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY fetch_geoip.py .
# The key exists only while this step runs:
#   docker build --secret id=maxmind_key,env=MAXMIND_LICENSE_KEY .
RUN --mount=type=secret,id=maxmind_key,env=MAXMIND_LICENSE_KEY \
    python fetch_geoip.py
COPY app.py .

USER nobody
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
