#!/bin/sh
# make bench: runs every benchmark (tests/bench/bench_* binaries and
# tests/bench/*.bench.sh scripts); each prints its figures against its
# target.  Figures only: nothing here passes or fails on time.
set -u
cd "$(dirname "$0")/../.." || exit 1
: "${DT_BIN:?}" "${DT_BUILD:?}"
export DT_BIN DT_BUILD
for b in "$DT_BUILD"/bench/bench_*; do
	[ -x "$b" ] || continue
	"$b" || echo "$(basename "$b"): failed (status $?)"
done
for s in tests/bench/*.bench.sh; do
	[ -f "$s" ] || continue
	sh "$s" || echo "$s: failed (status $?)"
done
