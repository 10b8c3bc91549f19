# dockertutor stats: progress per lesson, reviews due, exams, time studied,
# in text and in the documented JSON layout.
. tests/e2e/lib.sh

COURSE=tests/e2e/data/course
NOW=1700000000                  # 2023-11-14 22:13:20 UTC
export DOCKERTUTOR_NOW=$NOW TZ=UTC
dt() { "$DT_BIN" -C "$COURSE" --db "$T_TMP/db" --learner lea "$@"; }

t_run "a fresh learner" dt stats
t_expect_status 0
t_expect_out "Progress of lea in End-to-end Course: 0/3 sections read, 0/0 exercises passed."
t_expect_out " 1. Alpha Lesson"
t_expect_out " 2. Beta Lesson"
t_expect_out "Reviews: 0 due now, 0 due today, 0 in the next 6 days (0 0 0 0 0 0)"
t_expect_out "Exams: none taken yet."
t_expect_out "Time studied: 0s in all, 0s in the last 7 days, 0s today."

# Three answers in beta: the single right, the statement wrong, the word
# right (answer.awk finds the right ones; the statement gets the opposite).
answers=""
i=1
while [ "$i" -le 3 ]; do
	printf '%b' "$answers" >"$T_TMP/in"
	"$DT_BIN" -C "$COURSE" --db "$T_TMP/probe$i.db" quiz --plain --lesson beta --seed 4 -n 3 \
		<"$T_TMP/in" >"$T_TMP/probe" 2>&1
	a=$(awk -f tests/e2e/data/answer.awk "$T_TMP/probe" | awk -v n="$i" '$1 == n { print $2 }')
	case "$a" in false) a=true ;; esac
	answers="$answers$a\n"
	i=$((i + 1))
done
printf '%b' "$answers" >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "a practice session" dt quiz --plain --lesson beta --seed 4 -n 3
t_expect_out "Score: 2/3 (67%)"
T_STDIN=

t_run "text after practice" dt stats
t_expect_status 0
t_expect_out "67%"
t_expect_out "2/3"

t_run "json after practice" dt stats --format json
t_expect_status 0
t_expect_out '"format": "dockertutor-stats"'
t_expect_out '"version": 1'
t_expect_out '"learner": "lea"'
t_expect_out '"course": "e2e-course"'
t_expect_out "\"now\": $NOW"
t_expect_out '{"id": "beta", "title": "Beta Lesson", "number": 2, "sections_read": 0, "sections_total": 1, "questions": 3, "seen": 3, "answers": 3, "correct": 2, "accuracy": 0.6667, "mastered": 2, "best_exam_pct": null, "exercises_passed": 0, "exercises_total": 0'
t_expect_out '"accuracy": null'
# The wrong answer is due tomorrow, the right ones later in the week.
t_expect_out '"reviews": {"due_now": 0, "day_start": 1699920000, "per_day": [0, 1, 0, 2, 0, 0, 0]}'
t_expect_out '"today": {"answers": 3, "correct": 2,'
if command -v python3 >/dev/null 2>&1; then
	if printf '%s' "$T_OUT" | python3 -c 'import json,sys; json.load(sys.stdin)'; then t_ok
	else t_bad "not valid JSON"; fi
fi

# Reviews fall due: a day later one, four days later all three.
export DOCKERTUTOR_NOW=$((NOW + 86400))
t_run "a day later" dt stats
t_expect_out "Reviews: 1 due now, 1 due today"
export DOCKERTUTOR_NOW=$((NOW + 4 * 86400))
t_run "four days later" dt stats --format json
t_expect_out '"due_now": 3'
t_expect_out '"last_7_days": {"answers": 3'
t_expect_out '"today": {"answers": 0'
export DOCKERTUTOR_NOW=$NOW

# An exam shows in the history and as the best score per lesson.
printf 's\ny\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "an empty exam" dt exam final --plain
T_STDIN=
t_run "exam history" dt stats
t_expect_out "Exams (newest first):"
t_expect_out "2023-11-14 22:13  final  0/6 (0%)  not passed"
t_run "exam history in json" dt stats --format json
t_expect_out '"exam": "final", "title": "Final exam", "status": "submitted", "started": 1700000000'
t_expect_out '"best_exam_pct": 0'

# A DOMC exam logs an answer per option shown; time studied counts each
# of its five items once.  Each run answers the option (or question) shown,
# the next one resumes, until every item is decided.
dom() { "$DT_BIN" -C "$COURSE" --db "$T_TMP/db" --learner dom "$@"; }
: >"$T_TMP/in"
i=0
while [ $i -lt 40 ]; do
	dom exam domc --plain <"$T_TMP/in" >"$T_TMP/out" 2>&1
	grep -q '^Every question is answered' "$T_TMP/out" && break
	if tail -n 4 "$T_TMP/out" | grep -q 'Is this option correct'; then
		awk -v mode=option -f tests/e2e/data/answer.awk "$T_TMP/out" >"$T_TMP/in"
	else
		q=$(sed -n 's/^Question \([0-9]*\) of.*/\1/p' "$T_TMP/out" | tail -n 1)
		awk -f tests/e2e/data/answer.awk "$T_TMP/out" | awk -v q="$q" '$1 == q { print $2 }' >"$T_TMP/in"
	fi
	i=$((i + 1))
done
printf 's\n' | dom exam domc --plain >"$T_TMP/out" 2>&1
T_OUT=$(cat "$T_TMP/out") T_ERR="" T_STATUS=0 T_NAME="a DOMC exam answered option by option"
t_expect_out "Result: 5/5 (100%): passed"
t_run "a DOMC exam counts one answer per item" dom stats --format json
t_expect_out '"today": {"answers": 5, "correct": 5,'

# Exercises: the checks run, the first pass and the hints seen.
ex() { "$DT_BIN" -C content --db "$T_TMP/ex.db" --learner exa "$@"; }
exws="$XDG_DATA_HOME/dockertutor/exercises/exa/exec-form-cmd"
ex exercise hint exec-form-cmd >/dev/null 2>&1
ex exercise hint add-healthcheck >/dev/null 2>&1
ex exercise hint add-healthcheck >/dev/null 2>&1
ex exercise check exec-form-cmd >/dev/null 2>&1
cp content/exercises/exec-form-cmd/solution/Dockerfile "$exws/Dockerfile"
ex exercise check exec-form-cmd >/dev/null 2>&1
t_run "exercises in text" ex stats
t_expect_out "Exercises:"
t_expect_out "  add-healthcheck  started  0 checks, 2 of 3 hints seen"
t_expect_out "  exec-form-cmd    passed   2 checks (passed at check 2), 1 of 3 hints seen"
t_expect_no_out "apt-cleanup"
t_run "exercises in json" ex stats --format json
t_expect_out '{"id": "exec-form-cmd", "lesson": "writing-dockerfiles", "attempts": 2, "passed": true, "first_pass": '
t_expect_out '"attempts_to_pass": 2, "hints": 1, "hints_total": 3}'
t_expect_out '{"id": "apt-cleanup", "lesson": "efficient-images", "attempts": 0, "passed": false, "first_pass": null, "attempts_to_pass": null, "hints": 0, "hints_total": 3}'
t_run "no exercise started" dt stats
t_expect_out "Exercises: none started yet."

t_run "bad format" dt stats --format xml
t_expect_status 2
t_expect_err "--format is text or json"
t_run "no arguments" dt stats extra
t_expect_status 2

t_done
