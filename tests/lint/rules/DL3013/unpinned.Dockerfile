# expect: DL3013:3
FROM python:3.12
RUN pip install --no-cache-dir requests
