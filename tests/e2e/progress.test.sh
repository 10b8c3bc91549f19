# dockertutor progress export/import (a learner moved to a fresh database
# has the same stats; importing twice adds nothing) and dockertutor reset
# (asks on a terminal, refuses without one unless --yes).
. tests/e2e/lib.sh

COURSE=tests/e2e/data/course
export DOCKERTUTOR_NOW=1700000000
dt() { db=$1; shift; "$DT_BIN" -C "$COURSE" --db "$T_TMP/$db.db" --learner mo "$@"; }

# Some progress: a practice session, an exam, reading.
printf 'A\nB\ntrue\nwhale\nx\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "practice" dt a quiz --plain --seed 9 -n 5
t_expect_status 0
printf '1\n:s\ny\n' >"$T_TMP/in"
t_run "an exam" dt a exam final --plain
t_expect_out "Result: "
printf 'true\n' >"$T_TMP/in"
t_run "an exam left open" dt a exam domc --plain
T_STDIN=

t_run "export" dt a progress export "$T_TMP/mo.json"
t_expect_status 0
t_expect_out "Exported the progress of mo to $T_TMP/mo.json."
if grep -q '"format":"dockertutor-progress"' "$T_TMP/mo.json"; then t_ok; else t_bad "not a progress document"; fi

t_run "import into a fresh database" dt b progress import "$T_TMP/mo.json"
t_expect_status 0
t_expect_out "Imported $T_TMP/mo.json into the progress of mo: "
t_expect_out " records added, 0 already present."
t_expect_no_out ": 0 records added"

t_run "stats before" dt a stats --format json
before=$T_OUT
t_run "stats after" dt b stats --format json
if [ "$T_OUT" = "$before" ]; then t_ok; else
	t_bad "stats differ: $(printf '%s\n' "$before" | diff - "$T_TMP/out" | head -n 10)"; fi
t_run "text stats after" dt b stats
t_expect_out "final  "
t_expect_out "domc  open"

t_run "import twice adds nothing" dt b progress import "$T_TMP/mo.json"
t_expect_status 0
t_expect_out ": 0 records added,"

t_run "export to stdout" dt a progress export -
t_expect_status 0
t_expect_out '{"format":"dockertutor-progress","version":1,"learner":"mo"'

printf '{"format":"something-else"}' >"$T_TMP/other.json"
t_run "not a progress document" dt b progress import "$T_TMP/other.json"
t_expect_status 1
t_expect_err "dockertutor: "
t_expect_err "error: "
t_run "a missing file" dt b progress import "$T_TMP/missing.json"
t_expect_status 1
t_expect_err "missing.json"
t_run "usage" dt b progress
t_expect_status 2
t_expect_err "usage: dockertutor progress"
t_run "unknown subcommand" dt b progress send x
t_expect_status 2

# reset: refused without a terminal unless --yes.
t_run "reset without --yes and without a terminal" dt b reset
t_expect_status 1
t_expect_err "not resetting without confirmation: pass --yes"
t_run "nothing was reset" dt b stats --format json
if [ "$T_OUT" = "$before" ]; then t_ok; else t_bad "progress changed"; fi

t_run "reset an unknown lesson" dt b reset --lesson alpah --yes
t_expect_status 1
t_expect_err "the course has no lesson 'alpah'; did you mean 'alpha'?"
t_run "reset one lesson" dt b reset --lesson alpha --yes
t_expect_status 0
t_expect_out "Reset the progress of mo in lesson alpha."
t_run "alpha is reset, the exams stay" dt b stats --format json
t_expect_out '{"id": "alpha", "title": "Alpha Lesson", "number": 1, "sections_read": 0, "sections_total": 2, "questions": 5, "seen": 0, "answers": 0,'
t_expect_out '"exam": "final"'
t_run "reset everything" dt b reset --all --yes
t_expect_status 0
t_expect_out "Reset all progress of mo."
t_run "nothing is left" dt b stats --format json
t_expect_out '"exams": [
  ],'
t_expect_no_out '"answers": 1'
t_run "--lesson and --all together" dt b reset --lesson alpha --all
t_expect_status 2

# On a terminal reset asks first: script(1) (util-linux) gives it one.
printf 'n\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "reset asks on a terminal" script -qec "$DT_BIN -C $COURSE --db $T_TMP/a.db --learner mo reset" /dev/null
t_expect_out "Reset all progress of mo? [y/N]"
t_expect_out "Nothing was reset."
printf 'y\n' >"$T_TMP/in"
t_run "and resets on yes" script -qec "$DT_BIN -C $COURSE --db $T_TMP/a.db --learner mo reset --lesson beta" /dev/null
t_expect_out "Reset the progress of mo in lesson 2, Beta Lesson? [y/N]"
t_expect_out "Reset the progress of mo in lesson beta."
T_STDIN=

t_done
