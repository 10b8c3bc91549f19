"""A greeting service whose code changes often and dependencies rarely."""
from flask import Flask, jsonify, request

app = Flask(__name__)

GREETING = "Hello"


@app.get("/")
def greet():
    name = request.args.get("name", "world")
    return jsonify(greeting=f"{GREETING}, {name}!")


@app.get("/healthz")
def healthz():
    return "ok\n", 200, {"Content-Type": "text/plain"}
