"""Fetches the feeds listed in feeds.txt and prints their newest entries."""
import sys

import feedparser
import requests


def newest(url, count=3):
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    feed = feedparser.parse(response.content)
    return feed.feed.get("title", url), feed.entries[:count]


def main(path="feeds.txt"):
    failed = 0
    with open(path, encoding="utf-8") as f:
        urls = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    for url in urls:
        try:
            title, entries = newest(url)
        except requests.RequestException as e:
            print(f"{url}: {e}", file=sys.stderr)
            failed += 1
            continue
        print(title)
        for entry in entries:
            print(f"  - {entry.get('title', '(untitled)')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
