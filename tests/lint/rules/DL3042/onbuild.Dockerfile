# expect: DL3042:3
FROM python:3.12
ONBUILD RUN pip3 install -r requirements.txt
