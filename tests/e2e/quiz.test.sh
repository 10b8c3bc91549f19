# dockertutor quiz --plain: whole practice sessions with answers piped on
# stdin, feedback, hints for answers it cannot read, the summary (also at
# end of input), the practice modes, and usage errors.
. tests/e2e/lib.sh

COURSE=tests/e2e/data/course
export DOCKERTUTOR_NOW=1700000000
# quiz DB ARGS...: a session on database DB.
quiz() {
	db=$1
	shift
	"$DT_BIN" -C "$COURSE" --db "$T_TMP/$db.db" quiz --plain "$@"
}

# The questions a fixed seed asks depend on the answers given, so the right
# answers are found one question at a time: each run (on a fresh database)
# replays the answers found so far and shows the next question.
answers=""
i=1
while [ "$i" -le 5 ]; do
	printf '%b' "$answers" >"$T_TMP/in"
	"$DT_BIN" -C "$COURSE" --db "$T_TMP/probe$i.db" quiz --plain --seed 7 -n 5 \
		<"$T_TMP/in" >"$T_TMP/probe.out" 2>&1
	a=$(awk -f tests/e2e/data/answer.awk "$T_TMP/probe.out" | awk -v n="$i" '$1 == n { print $2 }')
	answers="$answers$a\n"
	i=$((i + 1))
done
printf '%b' "$answers" >"$T_TMP/right"

T_STDIN="$T_TMP/right"
t_run "a whole session answered right" "$DT_BIN" -C "$COURSE" --db "$T_TMP/s.db" quiz --plain --seed 7 -n 5
t_expect_status 0
t_expect_out "Practice: questions never answered first (8 questions in the pool)."
t_expect_out "Question 1 of 5 ("
t_expect_out "Question 5 of 5 ("
t_expect_no_out "Question 6"
t_expect_no_out "Wrong:"
t_expect_out "Correct."
t_expect_out "Score: 5/5 (100%)"
t_expect_no_out "End of input"
n=$(printf '%s\n' "$T_OUT" | grep -c '^Correct\.$')
if [ "$n" -eq 5 ]; then t_ok; else t_bad "5 answers right, found $n"; fi

# The same answers stored: stats sees five right practice answers.
T_STDIN=
t_run "answers are stored" "$DT_BIN" -C "$COURSE" --db "$T_TMP/s.db" stats --format json
t_expect_status 0
total=$(printf '%s\n' "$T_OUT" | grep -o '"answers": [0-9]*' | awk '{ s += $2 } END { print s }')
if [ "$total" -ge 5 ]; then t_ok; else t_bad "stats counts $total answers"; fi

# Wrong answers: the right letter, the explanation, the why of the pick.
# A first run shows the question; the second answers it wrong.
T_STDIN=
t_run "a question to get wrong" quiz wrong1 --lesson alpha --tag letters --seed 3 -n 1
right=$(printf '%s\n' "$T_OUT" | awk -f tests/e2e/data/answer.awk | awk '$1 == 1 { print $2 }')
wrong=$(printf '%s\n' "$T_OUT" | sed -n 's/^  \([A-P]\)\. Wrong, a plain distractor$/\1/p')
if [ -n "$right" ] && [ -n "$wrong" ]; then t_ok; else t_bad "no question with a plain distractor"; fi
printf '%s\n' "$wrong" >"$T_TMP/wrong"
T_STDIN="$T_TMP/wrong"
t_run "a wrong answer is explained" quiz wrong2 --lesson alpha --tag letters --seed 3 -n 1
t_expect_status 0
t_expect_out "Wrong: the answer is $right."
t_expect_out "The right choice starts with Right."
t_expect_out "Why $wrong is wrong: A distractor explains itself here."
t_expect_out "Score: 0/1 (0%)"

printf 'Z\nA,B\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "an answer it cannot read is asked again once, then skipped" quiz bad --lesson beta -n 1 --seed 1
t_expect_status 0
t_expect_out "Not understood: "
t_expect_out "Skipped."
t_expect_out "No answers given."

printf 'Z\n' >"$T_TMP/in"
t_run "end of input ends the session with a summary" quiz eof --lesson alpha --seed 2 -n 3
t_expect_status 0
t_expect_out "Not understood: "
t_expect_out "End of input: the session stops here."
t_expect_out "No answers given."

# A line longer than the 4096-byte cap is refused with a hint, never cut
# (the typed-answer cap is exam.test.sh's).
awk 'BEGIN { s = ""; for (i = 0; i < 5000; i++) s = s "w"; print s; print s }' >"$T_TMP/long"
T_STDIN="$T_TMP/long"
t_run "a line longer than the cap" quiz long --lesson alpha -n 1 --seed 1
t_expect_status 0
t_expect_out "Not understood: that line is too long."
t_expect_out "Skipped."
T_STDIN=

t_run "unknown tag" quiz tf --tag nosuchtag -n 1
t_expect_status 1
t_expect_err "no question has the tag 'nosuchtag'"

# Mistakes mode: nothing at first; after a wrong answer, that question.
T_STDIN=
t_run "no mistakes yet" quiz modes --mode mistakes
t_expect_status 0
t_expect_out "No mistakes to go over"
T_STDIN="$T_TMP/wrong"
t_run "a mistake is made" quiz modes --lesson alpha --tag letters --seed 3 -n 1
t_expect_out "Wrong: the answer is"
T_STDIN=
t_run "mistakes mode offers it" quiz modes --mode mistakes -n 1
t_expect_status 0
t_expect_out "Practice: questions last answered wrong."
t_expect_out "Which choice is right, first of all?"

t_run "review mode, nothing due yet, offers new questions" quiz modes --mode review -n 1
t_expect_status 0
t_expect_out "Question 1 of 1"

t_run "unknown lesson" quiz x --lesson alpah
t_expect_status 1
t_expect_err "the course has no lesson 'alpah'; did you mean 'alpha'?"

t_run "bad count" quiz x --count many
t_expect_status 2
t_expect_err "--count takes a number"
t_expect_err "usage: dockertutor quiz"

# A number past 64 bits was taken as the largest one.
t_run "a seed that overflows" quiz x --seed 18446744073709551616
t_expect_status 2
t_expect_err "--seed takes a whole number, not '18446744073709551616'"
t_run "a count with a sign" quiz x --count +5
t_expect_status 2
t_expect_err "--count takes a number from 0 to 100000, not '+5'"

t_run "bad mode" quiz x --mode later
t_expect_status 2
t_expect_err "--mode is mistakes, unseen or review"

t_run "help" "$DT_BIN" quiz --help
t_expect_status 0
t_expect_out "usage: dockertutor quiz"

t_done
