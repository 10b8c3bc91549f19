# expect-none: DT1001
FROM python:3.12-slim
RUN groupadd -r app && useradd -r -u 1000 -g app app
USER app
CMD ["python", "server.py"]
