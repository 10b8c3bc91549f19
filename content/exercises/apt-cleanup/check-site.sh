#!/bin/sh
# Prints the HTTP status of each URL given, and fails if any is not 2xx/3xx.
set -eu

status=0
for url in "$@"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || echo 000)
	printf '%s %s\n' "$code" "$url"
	case $code in
	2??|3??) ;;
	*) status=1 ;;
	esac
done
exit "$status"
