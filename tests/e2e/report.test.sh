# dockertutor report: a classroom of three sits the same exam on one
# database; the instructor's report in text, CSV (each table, RFC 4180)
# and JSON.
. tests/e2e/lib.sh

COURSE=tests/e2e/data/course
export DOCKERTUTOR_NOW=1700000000 TZ=UTC
dt() { "$DT_BIN" -C "$COURSE" --db "$T_TMP/class.db" "$@"; }

t_run "no exams yet" dt report
t_expect_status 1
t_expect_err "no exam has finished attempts yet"

printf '1\n2\n3\n4\n5\n6\n:q\n' >"$T_TMP/in"
"$DT_BIN" -C "$COURSE" --db "$T_TMP/probe.db" --learner probe exam final --plain \
	<"$T_TMP/in" >"$T_TMP/probe" 2>&1
awk -f tests/e2e/data/answer.awk "$T_TMP/probe" | sort -n | awk '{ print $2 }' >"$T_TMP/right"

# sit LEARNER PATTERN: answers question i right when character i of
# PATTERN is R, else with a word that is wrong everywhere; then submits.
sit() {
	i=0
	while read -r a; do
		i=$((i + 1))
		case $(printf '%s' "$2" | cut -c "$i") in
		R) echo "$a" ;;
		*) case "$a" in true) echo false ;; false) echo true ;;
		   [A-P]*) echo "$a" | awk '{ print ($0 ~ /B/) ? "C" : "B" }' ;;
		   *) echo zebra ;; esac ;;
		esac
	done <"$T_TMP/right" >"$T_TMP/answers"
	printf 's\ny\n' >>"$T_TMP/answers"
	dt --learner "$1" exam final --plain <"$T_TMP/answers" >/dev/null 2>&1
}
sit amy RRRRRR
sit ben RRRRXX
sit cat RXXXXX
T_STDIN=

t_run "text" dt report --exam final
t_expect_status 0
t_expect_out "Exam final: Final exam (3 finished attempts by 3 learners)"
t_expect_out "  amy                  submitted  2023-11-14 22:13        0s       6/6      6/6  100%  pass"
t_expect_out "  ben                  submitted  2023-11-14 22:13        0s       6/6      4/6   67%  pass"
t_expect_out "  cat                  submitted  2023-11-14 22:13        0s       6/6      1/6   17%  fail"
t_expect_out "Items (% of the maximum; '-' where undefined)"
t_expect_out "facility"
t_expect_out "discrimination"
t_expect_out "Test: 3 attempts, mean 61.1%"
t_expect_out "coefficient alpha"
t_expect_out "Distractors (how often each choice was picked; * marks a right one)"
t_expect_out "(3 responses)"
# Question 1 is right for all three: facility 100, no discrimination.
q1=$(printf '%s\n' "$T_OUT" | awk '/^Items/ { getline; getline; print; exit }')
case "$q1" in
*" 3     100.0     0.0               -             -") t_ok ;;
*) t_bad "first item row: $q1" ;;
esac

t_run "the default is every exam" dt report
t_expect_status 0
t_expect_out "Exam final: Final exam"

# A second exam: without --exam the report covers both, by id; an open
# attempt does not count.
printf 's\ny\n' | dt --learner dan exam short --plain >/dev/null 2>&1
printf '' | dt --learner eve exam domc --plain >/dev/null 2>&1
t_run "every exam with finished attempts, by id" dt report
t_expect_status 0
t_expect_out "Exam final: Final exam (3 finished attempts by 3 learners)"
t_expect_out "Exam short: Short exam (1 finished attempt by 1 learner)"
t_expect_no_out "Exam domc"
first=$(printf '%s\n' "$T_OUT" | grep -n '^Exam final' | cut -d: -f1)
second=$(printf '%s\n' "$T_OUT" | grep -n '^Exam short' | cut -d: -f1)
if [ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ]; then t_ok
else t_bad "exams not in id order"; fi
t_run "csv of every exam" dt report --format csv
n=$(printf '%s\n' "$T_OUT" | grep -c '^exam,')
if [ "$n" -eq 1 ]; then t_ok; else t_bad "$n header rows"; fi
t_expect_out "short,dan,"

# An instructor reading reports and banks leaves no profile behind: the
# name is nowhere in the database files.
t_run "a report as the instructor" dt --learner instructor-zed report --exam final
t_expect_status 0
t_run "the banks as the instructor" dt --learner instructor-zed bank list
t_expect_status 0
T_NAME="no profile for the instructor"
if cat "$T_TMP/class.db" "$T_TMP/class.db-wal" 2>/dev/null | grep -aq instructor-zed
then t_bad "the database holds the instructor's name"; else t_ok; fi
T_NAME="learners who sat an exam have profiles"
if cat "$T_TMP/class.db" "$T_TMP/class.db-wal" 2>/dev/null | grep -aq 'amy'
then t_ok; else t_bad "amy's profile is not in the database files"; fi

t_run "csv students" dt report --exam final --format csv
t_expect_status 0
printf '%s\n' "$T_OUT" | head -n 1 >"$T_TMP/head"
if printf 'exam,learner,attempt,status,started,finished,seconds,answered,items,score,max_score,pct,passed\r\n' |
	cmp -s - "$T_TMP/head"; then t_ok; else t_bad "header: $(cat -A "$T_TMP/head")"; fi
t_expect_out "final,ben,"
t_expect_out ",submitted,1700000000,1700000000,0,6,6,4.00,6.00,66.67,yes"
n=$(printf '%s\n' "$T_OUT" | wc -l)
if [ "$n" -eq 4 ]; then t_ok; else t_bad "$n lines, wanted a header and 3 rows"; fi

t_run "csv items" dt report --exam final --format csv --table items
t_expect_status 0
t_expect_out "exam,question,lesson,attempts,facility,sd,discrimination,efficiency"
t_expect_out ",3,100.00,0.00,,"

t_run "csv distractors" dt report --exam final --format csv --table distractors
t_expect_status 0
t_expect_out "exam,question,choice,text,correct,picked"
# Choice texts with commas are quoted; the right choice of alpha-single-1.
t_expect_out 'final,alpha-single-1,B,"Right, the one to pick",yes,'
t_expect_out ',(no answer),,0'

t_run "json" dt report --exam final --format json
t_expect_status 0
t_expect_out '"format": "dockertutor-report"'
t_expect_out '{"learner": "amy", "attempt": 1, "status": "submitted"'
t_expect_out '"test": {"attempts": 3, "mean": 61.1111'
t_expect_out '"choices": [{"text": '
if command -v python3 >/dev/null 2>&1; then
	if printf '%s' "$T_OUT" | python3 -c 'import json,sys; json.load(sys.stdin)'; then t_ok
	else t_bad "not valid JSON"; fi
fi

t_run "an exam without attempts" dt report --exam domc
t_expect_status 1
t_expect_err "exam 'domc' has no finished attempts"
t_run "bad table" dt report --format csv --table people
t_expect_status 2
t_expect_err "--table is students, items or distractors"
t_run "bad format" dt report --format pdf
t_expect_status 2

t_done
