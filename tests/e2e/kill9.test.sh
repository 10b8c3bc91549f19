# Killing an exam with SIGKILL loses nothing: every answer given before the
# kill is in the database, and the next run resumes with them.  The exam
# reads from a fifo so answers arrive one by one, as from a learner.
. tests/e2e/lib.sh

COURSE=tests/e2e/data/course
export DOCKERTUTOR_NOW=1700000000
DB="$T_TMP/db"
WAIT_TRIES=2000                 # 2000 x 10 ms: a generous cap

# wait_for FILE TEXT: until FILE contains TEXT (fixed string); false after
# the cap.
wait_for() {
	tries=0
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		tries=$((tries + 1))
		[ "$tries" -ge "$WAIT_TRIES" ] && return 1
		sleep 0.01
	done
	return 0
}

# The answers, from a probe that visits each question.
printf '1\n2\n3\n4\n5\n6\n:q\n' >"$T_TMP/in"
"$DT_BIN" -C "$COURSE" --db "$T_TMP/probe.db" --learner probe exam final --plain \
	<"$T_TMP/in" >"$T_TMP/probe" 2>&1
awk -f tests/e2e/data/answer.awk "$T_TMP/probe" | sort -n | awk '{ print $2 }' >"$T_TMP/right"

mkfifo "$T_TMP/fifo"
"$DT_BIN" -C "$COURSE" --db "$DB" --learner kim exam final --plain \
	<"$T_TMP/fifo" >"$T_TMP/out" 2>&1 &
pid=$!
exec 3>"$T_TMP/fifo"
T_NAME="the exam starts"
T_STATUS=0 T_OUT="" T_ERR=""
if wait_for "$T_TMP/out" "Question 1 of 6"; then t_ok; else t_bad "no first question"; fi

# Three answers, each waited for: the next question appears only after
# the answer before it was committed.
k=0
for a in $(head -n 3 "$T_TMP/right"); do
	printf '%s\n' "$a" >&3
	k=$((k + 1))
	T_NAME="answer $k is taken"
	if wait_for "$T_TMP/out" "Question $((k + 1)) of 6"; then t_ok; else
		T_OUT=$(cat "$T_TMP/out"); t_bad "question $((k + 1)) never came"; fi
done
kill -9 "$pid"
wait "$pid"
T_STATUS=$?
T_NAME="killed by SIGKILL"
if [ "$T_STATUS" -eq 137 ]; then t_ok; else t_bad "exit status $T_STATUS"; fi
exec 3>&-

T_STDIN=
t_run "the stats see the open attempt" "$DT_BIN" -C "$COURSE" --db "$DB" --learner kim stats --format json
t_expect_status 0
t_expect_out '"status": "open"'

t_run "the next run resumes with the three answers" "$DT_BIN" -C "$COURSE" --db "$DB" --learner kim exam final --plain
t_expect_status 0
t_expect_out "Resuming Final exam: 3 of 6 answered"
t_expect_out "Question 4 of 6"

{ tail -n 3 "$T_TMP/right"; echo s; } >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "and finishes with every answer counted" "$DT_BIN" -C "$COURSE" --db "$DB" --learner kim exam final --plain
t_expect_status 0
t_expect_out "Result: 6/6 (100%): passed"

t_done
