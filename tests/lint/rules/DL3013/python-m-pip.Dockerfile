# expect: DL3013:3
FROM python:3.12
RUN python3 -m pip install --no-cache-dir flask==3.0.0 requests
