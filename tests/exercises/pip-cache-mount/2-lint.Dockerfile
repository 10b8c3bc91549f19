# syntax=docker/dockerfile:1
FROM python:3.12-slim

WORKDIR /app
COPY requirements.txt .
# The cache stays in the builder between builds, never in the image.
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install -r requirements.txt
COPY worker.py feeds.txt ./

USER nobody
CMD python worker.py
