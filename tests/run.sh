#!/bin/sh
# Runs every suite of `make check` and totals them.  Each suite ends its
# output with "N passed, N failed" (cmocka binaries are read from their own
# summary lines); a suite that crashes or prints no count counts as one
# failure.  The last line is the total over every suite.
# Environment: DT_BIN (the binary), DT_BUILD (the build folder).
set -u
cd "$(dirname "$0")/.." || exit 1
: "${DT_BIN:?}" "${DT_BUILD:?}"
export DT_BIN DT_BUILD
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=

total_pass=0
total_fail=0
total_skip=0
failed_suites=""
log_dir="$DT_BUILD/test-logs"
mkdir -p "$log_dir"

# count NAME LOG STATUS: add the suite's figures from its log.
count() {
	name=$1 log=$2 status=$3
	p=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$log" | awk '{s+=$4} END {print s+0}')
	f=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$log" | awk '{s+=$4} END {print s+0}')
	s=$(grep -E '^\[  SKIPPED \] [0-9]+ test' "$log" | awk '{s+=$4} END {print s+0}')
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		line=$(grep -E '^([A-Za-z-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
		if [ -n "$line" ]; then
			p=$(echo "$line" | sed -E 's/^([A-Za-z-]+: )?([0-9]+) passed.*/\2/')
			f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
			case "$line" in *skipped*) s=$(echo "$line" | sed -E 's/.* ([0-9]+) skipped.*/\1/') ;; esac
		fi
	fi
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1     # crashed, or failed without saying what
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		f=1     # a suite that ran nothing is a failure, not a pass
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + s))
	if [ "$f" -ne 0 ]; then
		failed_suites="$failed_suites $name"
		echo "FAIL  $name: $p passed, $f failed (log: $log)"
		tail -n 40 "$log" | sed 's/^/    /'
	else
		if [ "$s" -ne 0 ]; then
			echo "ok    $name: $p passed, $s SKIPPED"
		else
			echo "ok    $name: $p passed"
		fi
	fi
}

# run NAME COMMAND...: run one suite with its output in a log.
run() {
	name=$1
	shift
	log="$log_dir/$name.log"
	"$@" >"$log" 2>&1 </dev/null
	count "$name" "$log" $?
}

run layering sh tests/layering.sh
for t in "$DT_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	run "unit-$(basename "$t")" "$t"
done
for s in tests/*/run.sh; do
	[ -f "$s" ] || continue
	case "$s" in tests/bench/*) continue ;; esac
	run "$(basename "$(dirname "$s")")" sh "$s"
done

echo
[ -n "$failed_suites" ] && echo "failed suites:$failed_suites"
if [ "$total_skip" -ne 0 ]; then
	echo "$total_pass passed, $total_fail failed, $total_skip skipped"
else
	echo "$total_pass passed, $total_fail failed"
fi
[ "$total_fail" -eq 0 ]
