"""Downloads the GeoLite2 country database into data/ at build time.

The license key comes from the MAXMIND_LICENSE_KEY environment variable,
or from the secret file /run/secrets/maxmind_key.
"""
import io
import os
import sys
import tarfile
import urllib.parse
import urllib.request

URL = "https://download.maxmind.com/app/geoip_download"
SECRET_FILE = "/run/secrets/maxmind_key"


def license_key():
    key = os.environ.get("MAXMIND_LICENSE_KEY", "").strip()
    if not key and os.path.exists(SECRET_FILE):
        with open(SECRET_FILE, encoding="utf-8") as f:
            key = f.read().strip()
    if not key:
        sys.exit("no license key: pass it as the build secret maxmind_key")
    return key


def main():
    query = urllib.parse.urlencode(
        {"edition_id": "GeoLite2-Country", "license_key": license_key(), "suffix": "tar.gz"}
    )
    with urllib.request.urlopen(f"{URL}?{query}", timeout=60) as r:
        archive = tarfile.open(fileobj=io.BytesIO(r.read()), mode="r:gz")
    os.makedirs("data", exist_ok=True)
    for member in archive.getmembers():
        if member.name.endswith(".mmdb"):
            with archive.extractfile(member) as src, open("data/country.mmdb", "wb") as dst:
                dst.write(src.read())
            return 0
    sys.exit("the archive holds no .mmdb file")


if __name__ == "__main__":
    sys.exit(main())
