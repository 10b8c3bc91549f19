# expect-none: DL3042
FROM python:3.12
ENV PIP_NO_CACHE_DIR=1
RUN pip install requests==2.31.0
FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.0
