FROM python:3.12-slim

WORKDIR /srv/app
COPY requirements.txt .
RUN cd /srv/app && pip install --no-cache-dir -r requirements.txt
COPY . .

USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
