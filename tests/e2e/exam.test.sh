# dockertutor exam --plain: whole exams with answers piped on stdin, the
# commands (jump, flag, review, submit), resuming after end of input, the
# deadline, DOMC items, instructor blueprint files, and the errors a
# learner can meet (unknown exam, broken blueprint, bad database).
. tests/e2e/lib.sh

COURSE=tests/e2e/data/course
NOW=1700000000
export DOCKERTUTOR_NOW=$NOW
# exam LEARNER ARGS...: an exam of the e2e course for LEARNER.
exam() {
	who=$1
	shift
	"$DT_BIN" -C "$COURSE" --db "$T_TMP/db" --learner "$who" exam --plain "$@"
}
# answers_of FILE: the right answers of a transcript, one per line, in
# question order.
answers_of() {
	awk -f tests/e2e/data/answer.awk "$1" | sort -n | awk '{ print $2 }'
}

# The paper of a blueprint with a seed is the same for everyone: a probe
# learner visits every question (jumping to each), which shows the answers.
printf '1\n2\n3\n4\n5\n6\n:q\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "a probe visits every question" exam probe final
t_expect_status 0
printf '%s\n' "$T_OUT" >"$T_TMP/probe"
answers_of "$T_TMP/probe" >"$T_TMP/right"
n=$(wc -l <"$T_TMP/right")
if [ "$n" -eq 6 ]; then t_ok; else t_bad "6 answers derived, found $n"; fi
# The number of a question that wants a typed answer.
fill=$(awk '/^Question [0-9]+ of/ { q = $2 } /^Type the word/ { print q; exit }' "$T_TMP/probe")

# ann answers every question right and submits.
{ cat "$T_TMP/right"; echo s; } >"$T_TMP/in"
t_run "a whole exam answered right" exam ann final
t_expect_status 0
t_expect_out "Final exam: 6 questions in 10m, pass mark 60%."
t_expect_out "[10:00 left] Answer ("
t_expect_out "Every question is answered. Type s to submit"
t_expect_out "Result: 6/6 (100%): passed (pass mark 60%)"
t_expect_out "Answered 6 of 6 in 0s."
t_expect_out "  Alpha Lesson: 4/4 (100%)"
t_expect_out "  Beta Lesson: 2/2 (100%)"
# review: after_submit shows each question with its answer.
t_expect_out "Questions:"
t_expect_out "1. Right."
t_expect_out "6. Right."
t_expect_out "Right answer:"
t_expect_out "   The word was whale."
t_expect_no_out "Wrong."

# bob answers everything wrong: not passed, the right answers shown.
{ while read -r a; do
	case "$a" in
	true) echo false ;; false) echo true ;;
	[A-P]*) echo "$a" | awk '{ print ($0 ~ /B/) ? "C" : "B" }' ;;
	*) echo zebra ;;
	esac
done <"$T_TMP/right"; echo s; } >"$T_TMP/in"
t_run "an exam answered wrong" exam bob final
t_expect_status 0
t_expect_out "Result: 0/6 (0%): not passed (pass mark 60%)"
t_expect_out "Your answer: zebra. Right answer: "

# Commands: flag, review list, jumps, submit with questions unanswered
# (on a typed-answer question commands take a colon).
printf 'f\nr\n9\n%s\n:s\nn\n:s\ny\n' "$fill" >"$T_TMP/in"
t_run "flag, review, jump and submit" exam cat final
t_expect_status 0
t_expect_out "Question 1 flagged for review."
t_expect_out "0 of 6 answered, 1 flagged."
t_expect_out "Answered: none"
t_expect_out "Flagged: 1"
t_expect_out "Unanswered: 1-6"
t_expect_out "There is no question 9: the exam has 6."
t_expect_out "Question $fill of 6"
t_expect_out "Submit with 6 unanswered? [y/N]"
t_expect_out "Not submitted."
t_expect_out "Result: 0/6 (0%): not passed"
t_expect_out "Answered 0 of 6"

# A typed answer longer than its 1024-byte cap is refused with a hint.
{ echo "$fill"; awk 'BEGIN { s = ""; for (i = 0; i < 2000; i++) s = s "w"; print s }'; } >"$T_TMP/in"
t_run "a typed answer longer than the cap" exam cap final
t_expect_status 0
t_expect_out "Not understood: an answer has at most 1024 bytes."
t_expect_out "You left the exam with 0 of 6 answered."

# End of input leaves the exam open; the next run resumes it.
head -n 2 "$T_TMP/right" >"$T_TMP/in"
t_run "end of input leaves the exam open" exam dan final
t_expect_status 0
t_expect_out "You left the exam with 2 of 6 answered. It stays open: 10m remain"
t_expect_out "Resume it with: dockertutor exam final --plain"
t_expect_no_out "Result:"
T_STDIN=
t_run "stats shows the open attempt" "$DT_BIN" -C "$COURSE" --db "$T_TMP/db" --learner dan stats
t_expect_out "final  open"
{ tail -n 4 "$T_TMP/right"; echo s; } >"$T_TMP/in"
T_STDIN="$T_TMP/in"
export DOCKERTUTOR_NOW=$((NOW + 100))
t_run "resumed where it stopped" exam dan final
t_expect_status 0
t_expect_out "Resuming Final exam: 2 of 6 answered, 08:20 left."
t_expect_out "Question 3 of 6"
t_expect_no_out "Question 1 of 6"
t_expect_out "Result: 6/6 (100%): passed"
t_expect_out "Answered 6 of 6 in 1m 40s."

# Without an exam named, the open attempt is resumed.
export DOCKERTUTOR_NOW=$NOW
T_STDIN=
t_run "an attempt to resume" exam eve final
printf 'true\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "resumed without naming it" exam eve
t_expect_status 0
t_expect_out "Resuming Final exam: 0 of 6 answered"

# The deadline: a 10 s exam, left with one answer, found expired later.
printf 'A\n' >"$T_TMP/in"
t_run "a short exam" exam fay short
t_expect_out "Short exam: 3 questions in 10s, pass mark 50%."
t_expect_out "[00:10 left] Answer"
t_expect_out "You left the exam with 1 of 3 answered"
export DOCKERTUTOR_NOW=$((NOW + 11))
T_STDIN=
t_run "submitted at the deadline with what was answered" exam fay short
t_expect_status 0
t_expect_out "Your attempt of Short exam ran out of time at "
t_expect_out "Answered 1 of 3 in 11s (time ran out)."
t_expect_out "Result: "
t_run "a new attempt after that" exam fay short
t_expect_out "Short exam: 3 questions in 10s"
export DOCKERTUTOR_NOW=$NOW

# DOMC: options one at a time.  Each run shows the option waiting for an
# answer; the next run (resuming) gives it, until every item is decided.
: >"$T_TMP/in"
i=0
done_=no
while [ $i -lt 40 ] && [ $done_ = no ]; do
	exam gus domc <"$T_TMP/in" >"$T_TMP/out" 2>&1
	if grep -q '^Every question is answered' "$T_TMP/out"; then
		done_=yes
	elif tail -n 4 "$T_TMP/out" | grep -q 'Is this option correct'; then
		awk -v mode=option -f tests/e2e/data/answer.awk "$T_TMP/out" >"$T_TMP/in"
	else
		q=$(sed -n 's/^Question \([0-9]*\) of.*/\1/p' "$T_TMP/out" | tail -n 1)
		awk -f tests/e2e/data/answer.awk "$T_TMP/out" | awk -v q="$q" '$1 == q { print $2 }' >"$T_TMP/in"
	fi
	i=$((i + 1))
done
T_OUT=$(cat "$T_TMP/out")
if [ $done_ = yes ]; then t_ok; else t_bad "the DOMC exam did not finish in 40 runs"; fi
t_expect_out "Options come one at a time: answer y if the option is correct, else n."
t_expect_out "Is this option correct? (y/n)"
printf 's\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "a DOMC exam answered right" exam gus domc
t_expect_status 0
t_expect_out "Result: 5/5 (100%): passed"
t_expect_out "The answers of this exam are not shown."
t_expect_no_out "Right answer:"

# An instructor's blueprint file.
T_STDIN=
t_run "a blueprint file" exam hal tests/e2e/data/class-test.yaml
t_expect_status 0
t_expect_out "Class test: 3 questions in 20m, pass mark 50%."
t_expect_out "Resume it with: dockertutor exam tests/e2e/data/class-test.yaml --plain"

printf 'id: broken\ntitle: Broken\ntime_limit: 10m\npass_mark: 50%%\ndraw:\n  - {lesson: nowhere, count: 1}\n' >"$T_TMP/broken.yaml"
t_run "a broken blueprint file" exam hal "$T_TMP/broken.yaml"
t_expect_status 1
t_expect_err "$T_TMP/broken.yaml:6:"
t_expect_err ": error: "

t_run "an unknown exam" exam hal fnal
t_expect_status 1
t_expect_err "dockertutor: error: the course has no exam 'fnal'; did you mean 'final'?"

t_run "no exam named and none open" exam ivy
t_expect_status 2
t_expect_err "you have no open exam; name one:"
t_expect_err "  final: Final exam (6 questions, 10m, pass mark 60%)"

t_run "the list of exams" exam ivy --list
t_expect_status 0
t_expect_out "  domc: DOMC exam (5 questions, 10m, pass mark 60%, DOMC)"

t_run "a bad seed" exam ivy final --seed -3
t_expect_status 2
t_expect_err "--seed takes a whole number"

t_run "a seed that overflows" exam ivy final --seed 99999999999999999999
t_expect_status 2
t_expect_err "--seed takes a whole number, not '99999999999999999999'"

t_run "--seed draws another paper" exam jon final --seed 5
t_expect_status 0
t_expect_out "Final exam: 6 questions"

# A file that is not a database: one line naming it, exit 1, untouched.
printf 'just some notes, not a database\n' >"$T_TMP/notes.db"
cp "$T_TMP/notes.db" "$T_TMP/notes.orig"
t_run "not a database" "$DT_BIN" -C "$COURSE" --db "$T_TMP/notes.db" exam final --plain
t_expect_status 1
t_expect_err "dockertutor: $T_TMP/notes.db: error: "
n=$(printf '%s\n' "$T_ERR" | wc -l)
if [ "$n" -eq 1 ]; then t_ok; else t_bad "$n lines of error"; fi
if cmp -s "$T_TMP/notes.db" "$T_TMP/notes.orig"; then t_ok; else t_bad "the file changed"; fi

# A database from a newer dockertutor (user_version 99 at offset 60).
cp "$T_TMP/db" "$T_TMP/newer.db"
printf '\000\000\000\143' | dd of="$T_TMP/newer.db" bs=1 seek=60 conv=notrunc 2>/dev/null
cp "$T_TMP/newer.db" "$T_TMP/newer.orig"
t_run "a database from a newer version" "$DT_BIN" -C "$COURSE" --db "$T_TMP/newer.db" stats
t_expect_status 1
t_expect_err "dockertutor: $T_TMP/newer.db: error: "
t_expect_err "newer"
if cmp -s "$T_TMP/newer.db" "$T_TMP/newer.orig"; then t_ok; else t_bad "the file changed"; fi

# A truncated database.
head -c 3000 "$T_TMP/db" >"$T_TMP/cut.db"
cp "$T_TMP/cut.db" "$T_TMP/cut.orig"
t_run "a truncated database" "$DT_BIN" -C "$COURSE" --db "$T_TMP/cut.db" stats
t_expect_status 1
t_expect_err "dockertutor: $T_TMP/cut.db: error: "
if cmp -s "$T_TMP/cut.db" "$T_TMP/cut.orig"; then t_ok; else t_bad "the file changed"; fi

# A place nobody can write, root included (/proc): one line naming it.
t_run "a database where nothing can be written" "$DT_BIN" -C "$COURSE" --db /proc/dockertutor-e2e.db stats
t_expect_status 1
t_expect_err "dockertutor: /proc/dockertutor-e2e.db: error: cannot create the database"
n=$(printf '%s\n' "$T_ERR" | wc -l)
if [ "$n" -eq 1 ]; then t_ok; else t_bad "$n lines of error"; fi

# Content with errors prints them as check does.
mkdir -p "$T_TMP/badcourse"
printf 'id: bad\ntitle: [oops\n' >"$T_TMP/badcourse/course.yaml"
t_run "content errors" "$DT_BIN" -C "$T_TMP/badcourse" --db "$T_TMP/db" exam final
t_expect_status 1
t_expect_err "$T_TMP/badcourse/course.yaml:"
t_expect_err ": error: "
t_expect_err "dockertutor check"

t_done
