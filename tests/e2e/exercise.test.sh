# dockertutor exercise: list, show, check (and --watch), hint, solution,
# edit and reset, as a learner sees them.
. tests/e2e/lib.sh

DT="$DT_BIN --learner ana"
EX=exec-form-cmd
WS="$XDG_DATA_HOME/dockertutor/exercises/ana/$EX"
SOLUTION="content/exercises/$EX/solution/Dockerfile"
STARTER="content/exercises/$EX/Dockerfile"

# wait_for FILE TEXT: waits until FILE contains TEXT, at most 20 s; the
# caller's assertion tells a timeout apart.
wait_for() {
	i=0
	while [ $i -lt 400 ] && ! grep -qF -- "$2" "$1" 2>/dev/null; do
		sleep 0.05
		i=$((i + 1))
	done
}

t_run "no subcommand" $DT exercise
t_expect_status 2
t_expect_err "usage: dockertutor exercise COMMAND"

t_run "unknown subcommand" $DT exercise frob
t_expect_status 2
t_expect_err "unknown command 'frob'"

t_run "an ID is needed" $DT exercise check
t_expect_status 2
t_expect_err "'check' needs an exercise ID"

t_run "an option of another subcommand" $DT exercise check $EX --force
t_expect_status 2
t_expect_err "does not apply to 'check'"

t_run "list before starting" $DT exercise list
t_expect_status 0
t_expect_out "Lesson 4: Writing Dockerfiles"
t_expect_out "Lesson 10: Containers in Production"
t_expect_out "exec-form-cmd         not started  Let the server hear docker stop"
t_expect_out "0 of 14 exercises passed."

t_run "an unknown exercise" $DT exercise show exec-form-cnd
t_expect_status 1
t_expect_err "no exercise 'exec-form-cnd'; did you mean 'exec-form-cmd'?"

t_run "a learner name that cannot be a folder" $DT_BIN --learner ../x exercise show $EX
t_expect_status 1
t_expect_err "'../x' cannot name a learner"

t_run "show makes the workspace" $DT exercise show $EX
t_expect_status 0
t_expect_out "Your workspace for exec-form-cmd is ready: $WS"
t_expect_out "exec-form-cmd: Let the server hear docker stop"
t_expect_out "Lesson 4, Writing Dockerfiles"
t_expect_out "The reason is in the Dockerfile."
t_expect_out "  Dockerfile   (checked)"
t_expect_out "  server.js"
if cmp -s "$WS/Dockerfile" "$STARTER" && [ -f "$WS/server.js" ]; then t_ok; else
	t_bad "the workspace does not hold the starter files"; fi

t_run "the starter fails its checks" $DT exercise check $EX
t_expect_status 1
t_expect_out "  ✗ Dockerfile:4   Fix the linter's error DL3020: Use COPY instead of ADD"
t_expect_out "  ✗ Dockerfile:10  DL3025 still fires"
t_expect_out "  ✗ Dockerfile     The final stage has no instruction like"
t_expect_out "Linter findings:"
t_expect_out "  Dockerfile:4:1: error: Use COPY instead of ADD for files and folders"
t_expect_out "exec-form-cmd: 0 of 3 checks pass."
t_expect_out "Stuck? Hint 1 of 3:"

t_run "PASS and FAIL without UTF-8" env LC_ALL=C $DT exercise check $EX
t_expect_status 1
t_expect_out "  FAIL Dockerfile:4   Fix the linter's error DL3020"

t_run "the solution is locked at first" $DT exercise solution $EX
t_expect_status 1
t_expect_out "opens once you pass, or after 3 failed checks (1 more to go)."
t_expect_no_out "CMD [\"node\", \"server.js\"]"

t_run "first hint" $DT exercise hint $EX
t_expect_status 0
t_expect_out "Hint 1 of 3"
t_expect_out "2 more hints: run this again for the next one."
# The hint is in the database, not in a file beside the workspace.
if [ ! -e "$WS.hints" ] && [ -z "$(ls -A "$XDG_DATA_HOME/dockertutor/exercises/ana" | grep -v "^$EX\$")" ]
then t_ok; else t_bad "hint files beside the workspace: $(ls -A "$XDG_DATA_HOME/dockertutor/exercises/ana")"; fi
t_run "the hint seen shows in the exported progress" $DT progress export -
t_expect_status 0
t_expect_out '"hints":[{"exercise":"exec-form-cmd","lesson":"writing-dockerfiles","hints":1,'
t_run "show counts the hint seen" $DT exercise show $EX
t_expect_out "Status: in progress; 3 checks, 3 hints (1 seen)"

t_run "second hint repeats the first" $DT exercise hint $EX
t_expect_out "Hint 1 of 3 (seen)"
t_expect_out "Hint 2 of 3"
t_expect_out "Exec form is a JSON array"

t_run "hints are remembered by the check" $DT exercise check $EX
t_expect_out "Stuck? Hint 3 of 3:"

t_run "the solution opens after three failed checks" $DT exercise solution $EX
t_expect_status 0
t_expect_out "── solution/Dockerfile ──"
t_expect_out "CMD [\"node\", \"server.js\"]"

cp "$SOLUTION" "$WS/Dockerfile"
t_run "the fixed Dockerfile passes" $DT exercise check $EX
t_expect_status 0
t_expect_out "  ✓ Dockerfile     The linter reports nothing more serious than a warning."
t_expect_out "  ✓ Dockerfile:11  The final stage has"
t_expect_out "exec-form-cmd: all 3 checks pass. Well done!"
t_expect_out "  Dockerfile:7:1: info:"

t_run "list shows the pass" $DT exercise list
t_expect_out "exec-form-cmd         passed"
t_expect_out "1 of 14 exercises passed."

t_run "another learner starts from scratch" $DT_BIN --learner bo exercise list
t_expect_out "exec-form-cmd         not started"

t_run "reset needs confirming off a terminal" $DT exercise reset $EX
t_expect_status 1
t_expect_err "add --yes to confirm"
if cmp -s "$WS/Dockerfile" "$SOLUTION"; then t_ok; else
	t_bad "reset without --yes changed the workspace"; fi

t_run "reset --yes keeps a backup" $DT exercise reset $EX --yes
t_expect_status 0
t_expect_out "exec-form-cmd starts again from the starter files in $WS"
t_expect_out "Your version is kept in $WS.bak-"
backup=$(printf '%s\n' "$T_OUT" | sed -n 's/^Your version is kept in //p')
if cmp -s "$WS/Dockerfile" "$STARTER" && cmp -s "$backup/Dockerfile" "$SOLUTION"
then t_ok; else t_bad "reset did not restore the starter and keep the backup"; fi

t_run "the pass outlives a reset" $DT exercise list
t_expect_out "exec-form-cmd         passed"

t_run "so do the hints seen" $DT exercise hint $EX
t_expect_out "Hint 2 of 3 (seen)"
t_expect_out "Hint 3 of 3"
t_expect_out "That was the last hint."
if [ "$(ls -A "$WS" | sort | tr '\n' ' ')" = "Dockerfile package.json server.js " ]
then t_ok; else t_bad "the workspace holds more than the starter files: $(ls -A "$WS")"; fi

# Older versions kept the hints seen since the last check in WS.hints
# beside the workspace: the count moves to the database once, the file
# goes; an unreadable count is dropped.
LEX=add-healthcheck
LWS="$XDG_DATA_HOME/dockertutor/exercises/ana/$LEX"
$DT exercise show $LEX >/dev/null 2>&1
printf '2\n' >"$LWS.hints"
t_run "a hint file from an older version is taken over" $DT exercise show $LEX
t_expect_status 0
t_expect_out "3 hints (2 seen)"
if [ ! -e "$LWS.hints" ]; then t_ok; else t_bad "$LWS.hints is still there"; fi
t_run "and its hints stay seen" $DT exercise hint $LEX
t_expect_out "Hint 2 of 3 (seen)"
t_expect_out "Hint 3 of 3"
t_expect_out "That was the last hint."
t_run "a hint file never lowers the count" sh -c \
	"printf '1\n' >'$LWS.hints' && $DT exercise show $LEX"
t_expect_out "3 hints (3 seen)"
if [ ! -e "$LWS.hints" ]; then t_ok; else t_bad "$LWS.hints is still there"; fi
OEX=apt-cleanup
OWS="$XDG_DATA_HOME/dockertutor/exercises/ana/$OEX"
$DT exercise show $OEX >/dev/null 2>&1
printf 'lots\n' >"$OWS.hints"
t_run "a hint file that holds no count is dropped" $DT exercise show $OEX
t_expect_status 0
t_expect_out "3 hints (0 seen)"
if [ ! -e "$OWS.hints" ]; then t_ok; else t_bad "$OWS.hints is still there"; fi

# Without a usable database the hint still shows, with a note.
printf 'not a database\n' >"$T_TMP/notes.db"
t_run "a hint when progress cannot be saved" \
	$DT_BIN --db "$T_TMP/notes.db" --learner ana exercise hint $OEX
t_expect_status 0
t_expect_out "Hint 1 of 3"
t_expect_err "progress is not saved: $T_TMP/notes.db: not a dockertutor database"
if [ ! -e "$OWS.hints" ]; then t_ok; else t_bad "a hint file was written"; fi

# On a terminal, reset asks first (script(1) gives it one).
t_run "reset on a terminal, declined" sh -c \
	"printf 'n\\n' | script -qec '$DT exercise reset $EX' /dev/null"
t_expect_status 1
t_expect_out "Start exec-form-cmd again from the starter files?"
t_expect_out "Nothing changed."
cp "$SOLUTION" "$WS/Dockerfile"
t_run "reset on a terminal, accepted" sh -c \
	"printf 'y\\n' | script -qec '$DT exercise reset $EX' /dev/null"
t_expect_status 0
t_expect_out "Your version is kept in $WS.bak-"
if cmp -s "$WS/Dockerfile" "$STARTER"; then t_ok; else
	t_bad "reset on a terminal did not restore the starter"; fi

# The editor: VISUAL is split into words without a shell, so the quotes
# group, and $HOME and ;echo reach the editor as they are.
export FAKE_EDITOR_LOG="$T_TMP/editor.log"
t_run "edit opens VISUAL without a shell, then checks" \
	env VISUAL="tests/e2e/fake-editor.sh --flag 'two words' \$HOME ;echo" \
	FAKE_EDITOR_COPY="$SOLUTION" $DT exercise edit $EX
t_expect_status 0
t_expect_out "exec-form-cmd: all 3 checks pass."
printf '%s\n' --flag 'two words' '$HOME' ';echo' "$WS/Dockerfile" >"$T_TMP/argv"
if diff -u "$T_TMP/argv" "$FAKE_EDITOR_LOG" >"$T_TMP/diff"; then t_ok; else
	t_bad "the editor got other arguments: $(cat "$T_TMP/diff")"; fi

t_run "EDITOR when VISUAL is unset" env -u VISUAL \
	EDITOR="tests/e2e/fake-editor.sh -w" FAKE_EDITOR_STATUS=3 \
	$DT exercise edit $EX
t_expect_status 0
t_expect_err "the editor exited with status 3"
printf '%s\n' -w "$WS/Dockerfile" >"$T_TMP/argv"
if diff -u "$T_TMP/argv" "$FAKE_EDITOR_LOG" >"$T_TMP/diff"; then t_ok; else
	t_bad "the editor got other arguments: $(cat "$T_TMP/diff")"; fi

t_run "an editor that does not exist" env VISUAL=/nonexistent/editor \
	$DT exercise edit $EX
t_expect_status 1
t_expect_err "/nonexistent/editor: error: cannot start the editor"

# Watch mode: a save triggers a new check, Ctrl-C ends it cleanly.
WEX=non-root-user
WWS="$XDG_DATA_HOME/dockertutor/exercises/ana/$WEX"
T_NAME="watch mode"
$DT exercise check $WEX --watch >"$T_TMP/watch" 2>&1 &
pid=$!
wait_for "$T_TMP/watch" "Watching for changes"
T_OUT=$(cat "$T_TMP/watch") T_ERR="" T_STATUS=0
t_expect_out "Watching $WWS: save Dockerfile to check again; Ctrl-C stops."
t_expect_out "non-root-user: 0 of 2 checks pass."
cp "content/exercises/$WEX/solution/Dockerfile" "$WWS/Dockerfile"
wait_for "$T_TMP/watch" "all 2 checks pass"
T_OUT=$(cat "$T_TMP/watch")
t_expect_out "──── Dockerfile saved at "
t_expect_out "non-root-user: all 2 checks pass. Well done!"
kill -INT $pid
wait $pid
T_STATUS=$?
T_OUT=$(cat "$T_TMP/watch")
t_expect_status 130
t_expect_out "Stopped watching."

T_NAME="watch mode ends on SIGTERM"
$DT exercise check $WEX --watch >"$T_TMP/watch2" 2>&1 &
pid=$!
wait_for "$T_TMP/watch2" "Watching for changes"
kill -TERM $pid
wait $pid
T_STATUS=$?
T_OUT=$(cat "$T_TMP/watch2")
t_expect_status 143
t_expect_out "Stopped watching."

head -c 2000000 /dev/zero | tr '\\0' '#' >"$WWS/Dockerfile"
t_run "a Dockerfile over the size limit" $DT exercise check $WEX
t_expect_status 1
t_expect_err "$WWS/Dockerfile: error: file is larger than the limit of 1048576 bytes"

t_run "a missing Dockerfile" sh -c "rm '$WWS/Dockerfile' && $DT exercise check $WEX"
t_expect_status 1
t_expect_err "the file to check is missing from the workspace"
t_expect_err "'dockertutor exercise reset non-root-user' brings back the starter files"

t_done
