#!/bin/sh
# The unit tests under valgrind: any leak or invalid access fails.
set -u
cd "$(dirname "$0")/.." || exit 1
: "${DT_BUILD:?}"
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed"
	echo "0 passed, 1 failed"
	exit 1
fi
pass=0
fail=0
for t in "$DT_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$t" >"$t.valgrind.log" 2>&1; then
		pass=$((pass + 1))
	else
		echo "valgrind: $(basename "$t") failed:"
		tail -n 30 "$t.valgrind.log"
		fail=$((fail + 1))
	fi
done
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
