FROM python:3.12-slim

WORKDIR /app
COPY app.py healthcheck.py ./
USER 10001:10001

EXPOSE 80
# The slim image has no curl: the check is a small Python script.
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD ["python", "healthcheck.py"]
CMD ["python", "app.py"]
