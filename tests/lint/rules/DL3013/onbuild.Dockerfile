# expect: DL3013:3
FROM python:3.12
ONBUILD RUN pip3 install --no-cache-dir django
