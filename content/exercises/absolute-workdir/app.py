"""A small Flask service: a greeting and a health endpoint."""
import os
import socket

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/")
def index():
    return jsonify(message="hello", host=socket.gethostname(), cwd=os.getcwd())


@app.get("/healthz")
def healthz():
    return "ok\n", 200, {"Content-Type": "text/plain"}
