# The documents stay true: every command of --help is in the man page, and
# the README starts with the two commands a newcomer needs.
. tests/e2e/lib.sh

t_run "help" "$DT_BIN" --help
commands=$(printf '%s\n' "$T_OUT" | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }')
[ -n "$commands" ] && t_ok || t_bad "no commands in --help"
for c in $commands; do
	T_NAME="man page lists $c"
	if grep -qE "^\.B $c( |\$)" docs/dockertutor.1; then t_ok; else t_bad "docs/dockertutor.1 lacks a .B $c entry"; fi
	T_NAME="help $c"
	"$DT_BIN" help "$c" >/dev/null 2>&1 && t_ok || t_bad "'dockertutor help $c' failed"
done

T_NAME="man page has no roff warnings (groff, from groff-base)"
warnings=$(groff -man -ww -z docs/dockertutor.1 2>&1)
[ $? -eq 0 ] && [ -z "$warnings" ] && t_ok || t_bad "$warnings"

T_NAME="README starts with make run and make check"
first=$(grep -n -m 1 -E '^make (run|check)' README.md | cut -d: -f1)
second=$(grep -n -E '^make (run|check)' README.md | sed -n 2p | cut -d: -f1)
if [ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt 20 ]; then t_ok; else
	t_bad "README.md does not show make run and make check near its top"; fi

t_done
