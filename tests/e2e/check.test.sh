# dockertutor check: the sample course passes, every malformed fixture in
# tests/content/bad/ prints exactly its expected problems, limits hold, and
# the command line behaves (usage errors, the content lookup, options).
. tests/e2e/lib.sh

ROOT=$(pwd)

# check_in DIR ARGS...: runs `dockertutor check ARGS` from DIR.
check_in() {
	dir=$1
	shift
	(cd "$dir" && exec "$DT_BIN" check "$@")
}

t_run "sample course is clean" "$DT_BIN" check tests/content/sample
t_expect_status 0
t_expect_out "check: no problems in 7 files"

t_run "minimal course is clean" "$DT_BIN" check tests/content/minimal/
t_expect_status 0
t_expect_out "check: no problems in 3 files"

# Every fixture: the minimal course with the fixture's files laid over it.
n_fixtures=0
for fixture in tests/content/bad/*/; do
	name=$(basename "$fixture")
	tree="$T_TMP/trees/$name"
	mkdir -p "$tree"
	cp -R tests/content/minimal/. "$tree/"
	cp -R "$fixture." "$tree/"
	rm -f "$tree/expected"
	t_run "fixture $name" check_in "$T_TMP/trees" "$name"
	if grep -q ': error: ' "$fixture/expected"; then
		t_expect_status 1
	else
		t_expect_status 0
	fi
	t_expect_out_file "$fixture/expected"
	n_fixtures=$((n_fixtures + 1))
done
T_NAME="fixtures present"
T_OUT="" T_ERR="" T_STATUS=0
if [ "$n_fixtures" -ge 30 ]; then t_ok; else t_bad "only $n_fixtures fixtures"; fi

# A file over 1 MiB is refused before it is parsed.
big="$T_TMP/big"
cp -R tests/content/minimal "$big"
{
	cat tests/content/minimal/questions/one.yaml
	i=0
	while [ $i -lt 20000 ]; do
		echo "# padding line $i of a question bank that grew far too large"
		i=$((i + 1))
	done
} >"$big/questions/one.yaml"
t_run "file over 1 MiB" check_in "$T_TMP" big
t_expect_status 1
t_expect_out "big/questions/one.yaml:1:1: error: the file is larger than 1048576 bytes (1 MiB), the limit per content file; split it"
t_expect_out "check: 1 error, 0 warnings in 3 files"

# A FIFO named as a content file is refused, not opened (it would block).
fifo="$T_TMP/fifo"
cp -R tests/content/minimal "$fifo"
rm "$fifo/questions/one.yaml"
mkfifo "$fifo/questions/one.yaml"
t_run "a FIFO as a question file" timeout 60 "$DT_BIN" check "$fifo"
t_expect_status 1
t_expect_out "$fifo/lessons/one.yaml:16:12: error: the question file '$fifo/questions/one.yaml' is not a regular file"

# A broken tree: every problem, sorted by file then line.
t_run "every problem is listed" check_in "$T_TMP/trees" blueprint-problems
t_expect_status 1
if [ "$(printf '%s\n' "$T_OUT" | grep -c ': error: ')" -eq 9 ]; then t_ok; else
	t_bad "wanted 9 errors"; fi
if printf '%s\n' "$T_OUT" | grep ': error: ' | cut -d: -f1,2 |
	sort -t: -k1,1 -k2,2n -c 2>/dev/null; then t_ok; else t_bad "not sorted"; fi

# Options.
t_run "--strict fails on warnings" check_in "$T_TMP/trees" --strict warn-above
t_expect_status 1
t_expect_out "check: 0 errors, 2 warnings in 3 files"

t_run "--quiet drops the summary" check_in "$T_TMP/trees" -q warn-no-explanation
t_expect_status 0
t_expect_out "warning: question 'one-process' has no explanation"
t_expect_no_out "check:"

t_run "--quiet on a clean course prints nothing" "$DT_BIN" check --quiet tests/content/sample
t_expect_status 0
if [ -z "$T_OUT" ]; then t_ok; else t_bad "printed something"; fi

# The content lookup: --content, $DOCKERTUTOR_CONTENT, ./content.
mkdir -p "$T_TMP/cwd"
cp -R tests/content/minimal "$T_TMP/cwd/content"
t_run "default is ./content" check_in "$T_TMP/cwd"
t_expect_status 0
t_expect_out "check: no problems in 3 files"

t_run "--content DIR" "$DT_BIN" --content tests/content/sample check
t_expect_status 0
t_expect_out "check: no problems in 7 files"

t_run "DOCKERTUTOR_CONTENT" env DOCKERTUTOR_CONTENT="$ROOT/tests/content/sample" \
	"$DT_BIN" check
t_expect_status 0
t_expect_out "check: no problems in 7 files"

t_run "a folder without course.yaml" "$DT_BIN" check tests/content/bad
t_expect_status 1
t_expect_err "dockertutor: tests/content/bad: error: no course.yaml in this folder"

t_run "course.yaml names its folder" "$DT_BIN" check tests/content/minimal/course.yaml
t_expect_status 0
t_expect_out "check: no problems in 3 files"

# Usage errors.
t_run "another file" "$DT_BIN" check tests/content/minimal/lessons/one.yaml
t_expect_status 2
t_expect_err "dockertutor: 'tests/content/minimal/lessons/one.yaml' is a file; check takes a content folder (the one holding course.yaml)"

t_run "two folders" "$DT_BIN" check tests/content/sample tests/content/minimal
t_expect_status 2
t_expect_err "usage: dockertutor check [OPTIONS] [DIR]"

t_run "unknown option" "$DT_BIN" check --frobnicate tests/content/sample
t_expect_status 2
t_expect_err "usage: dockertutor check [OPTIONS] [DIR]"

t_run "help" "$DT_BIN" check --help
t_expect_status 0
t_expect_out "usage: dockertutor check [OPTIONS] [DIR]"

# Output that cannot be written is a failure, for every way of printing.
if [ -w /dev/full ]; then
	t_run "help into a full disk" sh -c '"$1" check --help >/dev/full' sh "$DT_BIN"
	t_expect_status 1
	t_expect_err "dockertutor: cannot write the output"
	t_run "the version into a full disk" sh -c '"$1" --version >/dev/full' sh "$DT_BIN"
	t_expect_status 1
	t_run "a report into a full disk" sh -c '"$1" check tests/content/sample >/dev/full' sh "$DT_BIN"
	t_expect_status 1
	t_expect_err "dockertutor: cannot write the report"
else
	T_NAME="output into a full disk" T_STATUS=0 T_OUT= T_ERR=
	t_bad "/dev/full is missing: the write-failure cases cannot run"
fi

t_done
