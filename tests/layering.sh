#!/bin/sh
# The layering check: engines never include ncurses and never print; SQLite
# stays in store/, libyaml in course/ and the linter's config reader; a
# module includes only public headers of modules below it.
set -u
cd "$(dirname "$0")/.." || exit 1
pass=0
fail=0
check() {
	# check DESCRIPTION OFFENDERS
	if [ -z "$2" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "layering: $1:"
		echo "$2" | sed 's/^/    /'
	fi
}

engines="src/util src/text src/lint src/course src/quiz src/exercise src/store src/app"
hdr_engines=$(ls include/dockertutor/*.h 2>/dev/null | grep -v -e '/ui\.h$' -e '/cli\.h$')

check "ncurses included outside src/ui/" \
	"$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|term\.h|panel\.h)' src include | grep -v '^src/ui/')"
check "sqlite3.h included outside src/store/" \
	"$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h' src include | grep -v '^src/store/')"
check "yaml.h included outside src/course/ and src/lint/config.c" \
	"$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"]yaml\.h' src include | grep -v -e '^src/course/' -e '^src/lint/config\.c$')"
# shellcheck disable=SC2086
check "an engine prints (printf, puts, fputs, fprintf to stdout/stderr, perror)" \
	"$(grep -nE '(^|[^a-z_])(printf|puts|putchar|perror|vprintf)[[:space:]]*\(|f(put[sc]|printf|write)[[:space:]]*\(.*std(out|err)|std(out|err)' $(find $engines $hdr_engines -name '*.[ch]' 2>/dev/null) | grep -v -e 'snprintf' -e 'dt_buf_printf' -e 'dt_arena_printf' -e '^\S*:[0-9]*:[[:space:]]*\*' -e '^\S*:[0-9]*:[[:space:]]*/[*/]')"
check "an engine calls exit or abort" \
	"$(grep -nE '(^|[^a-z_])(exit|_exit|abort)[[:space:]]*\(' $(find $engines -name '*.[ch]' 2>/dev/null) | grep -v -e '^\S*:[0-9]*:[[:space:]]*\*')"

# Layer order: a module may include the public header of itself and of the
# modules below it only.  The CLI sits just above the UI because running
# `dockertutor` without a command opens it (docs/decisions.md).
layer() {
	case $1 in
	util) echo 0 ;; lint|text) echo 1 ;; course) echo 2 ;;
	exercise|quiz) echo 3 ;; store) echo 4 ;; app) echo 5 ;;
	ui) echo 6 ;; cli) echo 7 ;; main) echo 8 ;; *) echo 9 ;;
	esac
}
bad=""
for f in $(find src -name '*.[ch]'); do
	mod=$(echo "$f" | sed -E 's#^src/([a-z]+)/.*#\1#; s#^src/main\.c$#main#')
	ml=$(layer "$mod")
	for inc in $(grep -oE '#[[:space:]]*include[[:space:]]*"dockertutor/[a-z_]+\.h"' "$f" | sed -E 's#.*/([a-z_]+)\.h"#\1#'); do
		il=$(layer "$inc")
		if [ "$il" -ge "$ml" ] && [ "$inc" != "$mod" ]; then
			bad="$bad$f includes dockertutor/$inc.h (layer $il >= $ml)
"
		fi
	done
	for inc in $(grep -oE '#[[:space:]]*include[[:space:]]*"[a-z_]+_int\.h"' "$f" | sed -E 's#.*"([a-z_]+)_int\.h"#\1#'); do
		[ "$inc" = "$mod" ] || bad="$bad$f includes the private header ${inc}_int.h
"
	done
done
check "a module includes a header of its own layer or above" "$bad"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
