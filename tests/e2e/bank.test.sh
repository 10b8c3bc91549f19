# dockertutor bank: list, show, stats, import (the sample GIFT and Aiken
# files import cleanly; a broken file reports FILE:LINE:COL) and export,
# with round trips in each format that keep every question.
. tests/e2e/lib.sh

COURSE=tests/e2e/data/course
export DOCKERTUTOR_NOW=1700000000
bank() { "$DT_BIN" -C "$COURSE" --db "$T_TMP/db" bank "$@"; }

t_run "the course bank" bank list
t_expect_status 0
t_expect_out "course:e2e-course"
t_expect_out "8 questions  End-to-end Course"

# The samples name lessons of the shipped course: imported beside it, not
# a single problem.
t_run "import the sample GIFT file into the shipped course" \
	"$DT_BIN" -C content --db "$T_TMP/shipped.db" bank import data/samples/extra-questions.gift
t_expect_status 0
t_expect_out "Imported 5 questions from data/samples/extra-questions.gift as bank extra-questions.gift."
if [ -z "$T_ERR" ]; then t_ok; else t_bad "import printed problems"; fi
t_run "import the sample Aiken file into the shipped course" \
	"$DT_BIN" -C content --db "$T_TMP/shipped.db" bank import data/samples/extra-questions.aiken
t_expect_status 0
t_expect_out "Imported 3 questions from data/samples/extra-questions.aiken as bank extra-questions.aiken."
if [ -z "$T_ERR" ]; then t_ok; else t_bad "import printed problems"; fi

# Beside this course their lessons are unknown: a warning each, stored.
t_run "import the GIFT file beside another course" bank import data/samples/extra-questions.gift
t_expect_status 0
t_expect_err "extra-questions.gift:13:1: warning: question 'stop-signal' names lesson 'running-containers', which the course does not have"
t_run "import the Aiken file under a name" bank import data/samples/extra-questions.aiken --name aiken-sample
t_expect_status 0
t_expect_out "Imported 3 questions from data/samples/extra-questions.aiken as bank aiken-sample."
t_run "both listed" bank list
t_expect_out "extra-questions.gift"
t_expect_out "aiken-sample"

t_run "show an imported question" bank show published-port-flags
t_expect_status 0
t_expect_out "published-port-flags (multiple, difficulty 2, lesson running-containers; bank extra-questions.gift)"
t_expect_out "  A. -p (correct)"
t_expect_out "     Why: Only documents a port; it publishes nothing."
t_run "show a course question" bank show alpha-fill
t_expect_status 0
t_expect_out "Type the word: whale"
t_expect_out "Accepted answers: whale"
t_expect_out "Explanation: The word was whale."
t_run "show an unknown question" bank show nope
t_expect_status 1
t_expect_err "no bank has a question 'nope'"

# A broken file: every problem with its position, nothing stored.
printf '::ok::Fine?{T}\n\n::m::Match{=a -> b =c -> d}\n' >"$T_TMP/broken.gift"
t_run "a broken GIFT file" bank import "$T_TMP/broken.gift"
t_expect_status 1
t_expect_err "$T_TMP/broken.gift:3:"
t_expect_err ": error: "
t_run "not stored" bank list
t_expect_no_out "broken.gift"
t_run "an unknown extension" bank import "$T_TMP/notes.csv"
t_expect_status 2
t_expect_err "give --format"
t_run "a missing file" bank import "$T_TMP/missing.gift"
t_expect_status 1
t_expect_err "missing.gift"

# Export and import back: the same file again, in every format.
for f in yaml gift aiken; do
	t_run "export $f" bank export --format "$f" -o "$T_TMP/out.$f"
	t_expect_status 0
	t_run "import $f" bank import "$T_TMP/out.$f" --name "round-$f"
	t_expect_status 0
	t_run "export $f again" bank export --bank "round-$f" --format "$f" -o "$T_TMP/again.$f"
	t_expect_status 0
	if cmp -s "$T_TMP/out.$f" "$T_TMP/again.$f"; then t_ok; else
		t_bad "$f round trip differs: $(diff "$T_TMP/out.$f" "$T_TMP/again.$f" | head -n 5)"; fi
done
t_run "yaml keeps every question" bank list
t_expect_out "round-yaml                    imported      8 questions"
# Aiken has single-answer questions only: the others are left out, said.
t_run "aiken warns what it leaves out" bank export --format aiken
t_expect_err "warning: question 'alpha-multiple' left out"
t_expect_out "ANSWER: "

t_run "export one lesson" bank export --lesson beta
t_expect_status 0
t_expect_out "- id: beta-single"
t_expect_no_out "alpha-single-1"
t_run "export an unknown lesson" bank export --lesson gamma
t_expect_status 1
t_expect_err "the course has no lesson 'gamma'"

# Per-question statistics after some practice.
printf 'x\nx\nx\nx\nx\nx\n' >"$T_TMP/in"
T_STDIN="$T_TMP/in"
t_run "practice" "$DT_BIN" -C "$COURSE" --db "$T_TMP/db" quiz --plain --lesson beta -n 3 --seed 1
T_STDIN=
t_run "stats" bank stats
t_expect_status 0
t_expect_out "question                         lesson                   learners  answers  right  facility"
t_expect_out "beta-single"
t_run "stats of an imported bank" bank stats --bank aiken-sample
t_expect_status 0
t_run "stats of an unknown bank" bank stats --bank nope
t_expect_status 1

# Imported text reaches other people's terminals (a classroom shares one
# database): a file with an escape sequence is refused at its position.
printf '::q::Clear \033[2J the screen?{T}\n' >"$T_TMP/esc.gift"
t_run "a GIFT file with an escape sequence" bank import "$T_TMP/esc.gift"
t_expect_status 1
t_expect_err "esc.gift:1:12: error: the escape character U+001B is not allowed"
t_expect_no_out "Imported"
t_run "nothing stored" bank list
t_expect_no_out "esc.gift"

t_run "no subcommand" bank
t_expect_status 2
t_run "unknown subcommand" bank frob
t_expect_status 2
t_expect_err "unknown bank command 'frob'"
t_run "an option of another subcommand" bank list --name x
t_expect_status 2
t_run "bad format" bank export --format csv
t_expect_status 2

t_done
