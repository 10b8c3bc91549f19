"""A small inventory API."""
from flask import Flask, abort, jsonify

app = Flask(__name__)

ITEMS = {
    "anchor": {"name": "anchor", "stock": 12},
    "buoy": {"name": "buoy", "stock": 40},
}


@app.get("/items")
def list_items():
    return jsonify(sorted(ITEMS))


@app.get("/items/<name>")
def get_item(name):
    if name not in ITEMS:
        abort(404)
    return jsonify(ITEMS[name])


@app.get("/healthz")
def healthz():
    return "ok\n", 200, {"Content-Type": "text/plain"}
