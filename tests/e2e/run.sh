#!/bin/sh
# Runs every end-to-end script (tests/e2e/*.test.sh) and totals them.
set -u
cd "$(dirname "$0")/../.." || exit 1
pass=0
fail=0
for t in tests/e2e/*.test.sh; do
	[ -f "$t" ] || continue
	out=$(sh "$t" 2>&1)
	status=$?
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	p=$(echo "$line" | sed -nE 's/^([0-9]+) passed.*/\1/p')
	f=$(echo "$line" | sed -nE 's/.* ([0-9]+) failed.*/\1/p')
	p=${p:-0}
	f=${f:-0}
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	if [ "$f" -ne 0 ]; then
		echo "== $t"
		printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed'
	fi
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
