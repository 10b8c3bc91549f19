# Shared by the end-to-end scripts: run the real binary, assert on what a
# user sees (stdout, stderr, exit status), count passes and failures.
# A script sources this file, calls t_run / t_expect_* and ends with t_done.
set -u
: "${DT_BIN:?DT_BIN must name the dockertutor binary}"
T_PASS=0
T_FAIL=0
T_NAME=""
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dt-e2e.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
# Every test runs with its own data folder, so no user's database is touched.
export XDG_DATA_HOME="$T_TMP/data" HOME="$T_TMP/home" NO_COLOR=1
unset DOCKERTUTOR_DB DOCKERTUTOR_CONTENT
mkdir -p "$HOME"

# t_run NAME CMD...: runs CMD with stdin from /dev/null unless T_STDIN names
# a file; stores $T_OUT, $T_ERR (file contents) and $T_STATUS.
t_run() {
	T_NAME=$1
	shift
	"$@" <"${T_STDIN:-/dev/null}" >"$T_TMP/out" 2>"$T_TMP/err"
	T_STATUS=$?
	T_OUT=$(cat "$T_TMP/out")
	T_ERR=$(cat "$T_TMP/err")
}

t_ok() { T_PASS=$((T_PASS + 1)); }
t_bad() {
	T_FAIL=$((T_FAIL + 1))
	echo "FAIL: $T_NAME: $1"
	echo "  status: $T_STATUS"
	echo "  stdout: $(printf '%s' "$T_OUT" | head -c 2000)"
	echo "  stderr: $(printf '%s' "$T_ERR" | head -c 2000)"
}

t_expect_status() {
	if [ "$T_STATUS" -eq "$1" ]; then t_ok; else t_bad "exit status $T_STATUS, wanted $1"; fi
}
# t_expect_out TEXT: stdout contains TEXT (fixed string).
t_expect_out() {
	if printf '%s' "$T_OUT" | grep -qF -- "$1"; then t_ok; else t_bad "stdout lacks: $1"; fi
}
t_expect_err() {
	if printf '%s' "$T_ERR" | grep -qF -- "$1"; then t_ok; else t_bad "stderr lacks: $1"; fi
}
t_expect_no_out() {
	if printf '%s' "$T_OUT" | grep -qF -- "$1"; then t_bad "stdout has: $1"; else t_ok; fi
}
# t_expect_out_file FILE: stdout equals the file exactly.
t_expect_out_file() {
	if printf '%s\n' "$T_OUT" | diff -u "$1" - >"$T_TMP/diff"; then t_ok; else
		t_bad "stdout differs from $1: $(head -c 2000 "$T_TMP/diff")"; fi
}

t_done() {
	echo "$T_PASS passed, $T_FAIL failed"
	[ "$T_FAIL" -eq 0 ]
}
