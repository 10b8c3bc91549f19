#!/bin/sh
# Replays every corpus file of every fuzz target (tests/fuzz/corpus/TARGET/)
# through the target built without libFuzzer.  Each file is one test.
set -u
cd "$(dirname "$0")/../.." || exit 1
: "${DT_BUILD:?}"
pass=0
fail=0
for src in tests/fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .c)
	bin="$DT_BUILD/replay/$name"
	dir="tests/fuzz/corpus/$name"
	if [ ! -x "$bin" ]; then
		echo "$name: not built"
		fail=$((fail + 1))
		continue
	fi
	n=$(find "$dir" -type f 2>/dev/null | wc -l)
	if [ "$n" -eq 0 ]; then
		echo "$name: no corpus in $dir"
		fail=$((fail + 1))
		continue
	fi
	# One process per file, so a crash names its input.
	for f in "$dir"/*; do
		if "$bin" "$f" >/dev/null 2>"$DT_BUILD/replay/$name.err"; then
			pass=$((pass + 1))
		else
			echo "$name: $f crashed or failed:"
			head -n 20 "$DT_BUILD/replay/$name.err"
			fail=$((fail + 1))
		fi
	done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
