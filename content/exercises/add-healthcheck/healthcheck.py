"""Exit 0 when the service answers on /healthz, 1 when it does not.

Meant for the image's HEALTHCHECK: the slim base image has no curl.
"""
import os
import sys
import urllib.request

PORT = os.environ.get("PORT", "8080")

try:
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
