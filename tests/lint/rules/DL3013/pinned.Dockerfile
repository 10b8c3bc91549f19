# expect-none: DL3013
FROM python:3.12
RUN pip install --no-cache-dir requests==2.31.0 "flask>=3,<4" ./local
