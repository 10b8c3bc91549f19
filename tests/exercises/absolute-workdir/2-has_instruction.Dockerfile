FROM python:3.12-slim

COPY requirements.txt /srv/app/
RUN pip install --no-cache-dir -r /srv/app/requirements.txt
COPY . /srv/app/

USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "--chdir", "/srv/app", "--bind", "0.0.0.0:8000", "app:app"]
