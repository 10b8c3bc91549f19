"""Answers which country an IP address belongs to."""
import geoip2.database
import geoip2.errors
from flask import Flask, jsonify, request

app = Flask(__name__)
reader = geoip2.database.Reader("data/country.mmdb")


@app.get("/country")
def country():
    ip = request.args.get("ip", request.remote_addr)
    try:
        found = reader.country(ip)
    except (geoip2.errors.AddressNotFoundError, ValueError):
        return jsonify(ip=ip, country=None), 404
    return jsonify(ip=ip, country=found.country.iso_code)
