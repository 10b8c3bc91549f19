FROM python:3.12-slim

WORKDIR /app
# Changes rarely: only when the dependencies change.
COPY requirements.txt .
RUN pip install -r requirements.txt
# Changes on every commit.
COPY . .

USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]
