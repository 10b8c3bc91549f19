#!/bin/sh
# The linter's golden cases, run through the real binary:
#   rules/RULE/*.Dockerfile  each states what it expects in its first
#                            comments: "# expect: DL3008:4 DL3008:7" (the
#                            rule fires exactly there), "# expect-none:
#                            DL3008" (it does not fire), "# args: ..."
#                            (flags; run from the case's folder).  Every
#                            rule of --list-rules needs 2 cases of each kind.
#   config/NAME.yaml         lints config/Dockerfile with -c NAME.yaml; its
#                            comments say "# expect: ...", "# expect-none:
#                            ...", "# expect-severity: RULE SEV" or
#                            "# expect-error: LINE:COL: message" (the
#                            configuration is refused with that message)
#   parse/NAME/Dockerfile    `lint --dump` must print parse/NAME/expected.dump
#   formats/*.Dockerfile     every output format against formats/NAME.FORMAT,
#                            JSON and XML outputs parsed, SARIF's required
#                            fields checked
#   docs/lint-rules.md       equals `lint --list-rules --format markdown`
# Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 1
: "${DT_BIN:?}"
pass=0
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dt-lint.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# No user configuration or HADOLINT_* setting may leak into a case.
export HOME="$tmp/home" NO_COLOR=1
unset XDG_CONFIG_HOME HADOLINT_NOFAIL HADOLINT_NOCOLOR HADOLINT_VERBOSE \
	HADOLINT_FORMAT HADOLINT_FAILURE_THRESHOLD HADOLINT_OVERRIDE_ERROR \
	HADOLINT_OVERRIDE_WARNING HADOLINT_OVERRIDE_INFO HADOLINT_OVERRIDE_STYLE \
	HADOLINT_IGNORE HADOLINT_TRUSTED_REGISTRIES HADOLINT_REQUIRE_LABELS \
	HADOLINT_STRICT_LABELS HADOLINT_DISABLE_IGNORE_PRAGMA \
	DOCKERTUTOR_ONLY_HADOLINT
mkdir -p "$HOME"

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -n 20 | sed 's/^/    /'
}

# findings FILE: "RULE:LINE" for each line of gnu output, sorted.
findings() {
	sed -nE 's/^[^:]*:([0-9]+):[0-9]+: [a-z]+: .* \[([A-Za-z0-9]+)\]$/\2:\1/p' "$1" | sort
}

# case_file FILE [TARGET ARGS]: runs one case: FILE holds the expectations;
# TARGET (default FILE) is linted with ARGS (default FILE's "# args:").
case_file() {
	f=$1
	dir=$(dirname "$f")
	base=$(basename "${2:-$f}")
	if [ $# -ge 3 ]; then
		args=$3
	else
		args=$(sed -n 's/^# args: //p' "$f" | head -n 1)
	fi
	expect=$(sed -n 's/^# expect: //p' "$f" | tr ' ' '\n' | sed '/^$/d' | sort)
	none=$(sed -n 's/^# expect-none: //p' "$f" | tr ' ' '\n' | sed '/^$/d')
	if [ -z "$expect" ] && [ -z "$none" ]; then
		bad "$f: no '# expect:' or '# expect-none:' line"
		return
	fi
	# shellcheck disable=SC2086
	(cd "$dir" && "$DT_BIN" lint --no-color -f gnu $args "$base") \
		>"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -gt 1 ] || [ -s "$tmp/err" ]; then
		bad "$f: exit status $status" "$(cat "$tmp/err" "$tmp/out")"
		return
	fi
	got=$(findings "$tmp/out")
	for rule in $(printf '%s\n' "$expect" | cut -d: -f1 | sort -u); do
		want=$(printf '%s\n' "$expect" | grep "^$rule:")
		have=$(printf '%s\n' "$got" | grep "^$rule:")
		if [ "$want" = "$have" ]; then ok; else
			bad "$f: $rule fired at [$(echo $have)], expected [$(echo $want)]" "$(cat "$tmp/out")"
		fi
	done
	for rule in $none; do
		have=$(printf '%s\n' "$got" | grep "^$rule:")
		if [ -z "$have" ]; then ok; else
			bad "$f: $rule fired at [$(echo $have)], expected none" "$(cat "$tmp/out")"
		fi
	done
	sed -n 's/^# expect-severity: //p' "$f" | while read -r rule sev; do
		if grep -q ": $sev: .* \[$rule\]\$" "$tmp/out"; then
			echo ok >>"$tmp/sev"
		else
			echo "FAIL: $f: $rule is not reported as $sev" >>"$tmp/sev"
		fi
	done
	if [ -f "$tmp/sev" ]; then
		while read -r line; do
			if [ "$line" = ok ]; then ok; else bad "${line#FAIL: }" "$(cat "$tmp/out")"; fi
		done <"$tmp/sev"
		rm -f "$tmp/sev"
	fi
}

# config_file FILE: a configuration case (see the top of this file).
config_file() {
	f=$1
	want=$(sed -n 's/^# expect-error: //p' "$f" | head -n 1)
	if [ -z "$want" ]; then
		case_file "$f" tests/lint/config/Dockerfile "-c $(basename "$f")"
		return
	fi
	want="dockertutor: $(basename "$f"):${want%%: *}: error: ${want#*: }"
	(cd tests/lint/config && "$DT_BIN" lint -f gnu -c "$(basename "$f")" Dockerfile) \
		>"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "$status" -eq 1 ] && [ ! -s "$tmp/out" ] && grep -qF "$want" "$tmp/err"; then
		ok
	else
		bad "$f: expected '$want' and exit 1, got $status" "$(cat "$tmp/err" "$tmp/out")"
	fi
}

for f in tests/lint/rules/*/*.Dockerfile; do
	[ -f "$f" ] && case_file "$f"
done
for f in tests/lint/config/*.yaml; do
	[ -f "$f" ] && config_file "$f"
done

# Every rule of the table has at least two cases that fire and two that
# do not.
rules=$("$DT_BIN" lint --list-rules | awk '{print $1}')
if [ -z "$rules" ]; then
	bad "lint --list-rules printed nothing"
fi
for rule in $rules; do
	# SCxxxx stands for every ShellCheck code: any SCnnnn case fires it.
	pat=$rule
	case $rule in *xxxx) pat="${rule%xxxx}[0-9][0-9]*" ;; esac
	fires=$(grep -l "^# expect:.*\\b$pat:" tests/lint/rules/*/*.Dockerfile 2>/dev/null | wc -l)
	quiet=$(grep -l "^# expect-none:.*\\b$rule\\b" tests/lint/rules/*/*.Dockerfile 2>/dev/null | wc -l)
	if [ "$fires" -ge 2 ] && [ "$quiet" -ge 2 ]; then ok; else
		bad "$rule has $fires cases that fire and $quiet that do not (need 2 and 2)"
	fi
done

# Parser cases.
for d in tests/lint/parse/*/; do
	[ -f "$d/Dockerfile" ] || continue
	"$DT_BIN" lint --dump "$d/Dockerfile" >"$tmp/dump" 2>"$tmp/err"
	if [ ! -f "$d/expected.dump" ]; then
		bad "$d: no expected.dump"
	elif [ "$(cat "$tmp/dump")" = "$(cat "$d/expected.dump")" ]; then ok; else
		bad "$d: --dump differs" "$(diff "$d/expected.dump" "$tmp/dump")"
	fi
done

# Output formats.  Only the rules the sample is about are on, so that new
# rules elsewhere in the table do not change the fixtures.
formats="tty json gnu checkstyle sarif codeclimate gitlab_codeclimate junit"
keep=" DL1000 DL3006 DL3008 DL3014 DL3015 DL3025 DL3049 "
off=""
for rule in $rules; do
	case "$keep" in *" $rule "*) ;; *) off="$off --ignore $rule" ;; esac
done
for src in tests/lint/formats/*.Dockerfile; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .Dockerfile)
	for fmt in $formats; do
		exp="tests/lint/formats/$name.$fmt"
		# shellcheck disable=SC2086
		(cd tests/lint/formats && "$DT_BIN" lint --no-color --no-shellcheck -f "$fmt" \
			--require-label "maintainer:text" $off "$name.Dockerfile") >"$tmp/$fmt" 2>"$tmp/err"
		# SARIF lists every rule of the table; check.py checks that list,
		# the fixture holds the rest.
		if [ "$fmt" = sarif ]; then
			grep -v '^            {"id": ' "$tmp/$fmt" >"$tmp/$fmt.cmp"
		else
			cp "$tmp/$fmt" "$tmp/$fmt.cmp"
		fi
		if [ ! -f "$exp" ]; then
			bad "$exp is missing"
		elif cmp -s "$exp" "$tmp/$fmt.cmp"; then ok; else
			bad "$src as $fmt differs from $exp" "$(diff "$exp" "$tmp/$fmt.cmp" | head -c 3000)"
		fi
	done
	if command -v python3 >/dev/null 2>&1; then
		if python3 tests/lint/formats/check.py "$tmp"; then ok; else
			bad "$src: outputs are not well-formed JSON/XML or SARIF lacks fields"
		fi
	else
		bad "python3 is needed to check the JSON, XML and SARIF outputs"
	fi
done

# The rules page is generated from the table.
"$DT_BIN" lint --list-rules --format markdown >"$tmp/rules.md"
if cmp -s docs/lint-rules.md "$tmp/rules.md"; then ok; else
	bad "docs/lint-rules.md is not the output of 'dockertutor lint --list-rules --format markdown'" \
		"$(diff docs/lint-rules.md "$tmp/rules.md" | head -n 20)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
