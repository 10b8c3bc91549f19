# The course screen without a terminal: a pointer to the plain modes and
# exit status 2, never a broken screen.  (The screens themselves are tested
# in a pseudo-terminal by tests/ui/.)
. tests/e2e/lib.sh

t_run "no terminal points to the plain modes" "$DT_BIN" --content tests/ui/content
t_expect_status 2
t_expect_err "dockertutor quiz --plain"
t_expect_err "dockertutor exam --plain"
t_expect_no_out "Containers for Screen Tests"

t_run "TERM=dumb points to the plain modes" env TERM=dumb "$DT_BIN" --content tests/ui/content
t_expect_status 2
t_expect_err "--plain"

t_run "no TERM points to the plain modes" env -u TERM "$DT_BIN"
t_expect_status 2
t_expect_err "--plain"

t_run "the help says what no command does" "$DT_BIN" --help
t_expect_status 0
t_expect_out "Without a command, on a terminal, it opens the course"

t_done
