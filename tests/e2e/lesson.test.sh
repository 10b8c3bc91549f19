# dockertutor lesson: the course as plain text.
. tests/e2e/lib.sh

t_run "list shows every lesson in order" "$DT_BIN" --content tests/content/sample lesson list
t_expect_status 0
t_expect_out " 1  "

t_run "list of the shipped course" "$DT_BIN" --content content lesson list
t_expect_status 0
t_expect_out "10  production"
t_expect_out " 1  what-is-a-container"

t_run "show by number wraps to the width" "$DT_BIN" --content content lesson show 10 --width 60
t_expect_status 0
t_expect_out "Lesson 10: Containers in Production"
t_expect_out "Key takeaways"
widest=$(printf '%s\n' "$T_OUT" | LC_ALL=C.UTF-8 wc -L)
if [ "$widest" -le 60 ]; then t_ok; else t_bad "the widest line has $widest columns"; fi

t_run "show one section by id" "$DT_BIN" --content content lesson show production --section observability --width 70
t_expect_status 0
t_expect_out "Observability"
t_expect_no_out "Key takeaways"

t_run "unknown lesson" "$DT_BIN" --content content lesson show nope
t_expect_status 1
t_expect_err "no lesson 'nope'"

t_run "unknown section" "$DT_BIN" --content content lesson show 10 --section nope
t_expect_status 1
t_expect_err "lesson 'production' has no section 'nope'"

t_run "bad width" "$DT_BIN" --content content lesson show 10 --width 5
t_expect_status 2
t_expect_err "--width takes a number from 20 to 500"

t_run "a width with trailing junk" "$DT_BIN" --content content lesson show 10 --width 60x
t_expect_status 2
t_expect_err "--width takes a number from 20 to 500"

t_run "junk in COLUMNS falls back to 80 columns" env COLUMNS=40abc "$DT_BIN" --content content lesson show 10
t_expect_status 0
widest=$(printf '%s\n' "$T_OUT" | LC_ALL=C.UTF-8 wc -L)
if [ "$widest" -gt 40 ] && [ "$widest" -le 80 ]; then t_ok; else t_bad "the widest line has $widest columns"; fi

t_run "missing verb" "$DT_BIN" --content content lesson
t_expect_status 2
t_expect_err "usage: dockertutor lesson list"

t_done
