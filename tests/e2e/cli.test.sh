# The command line itself: help, version, usage errors.
. tests/e2e/lib.sh

t_run "version" "$DT_BIN" --version
t_expect_status 0
t_expect_out "dockertutor 0.1.0"

t_run "help lists commands" "$DT_BIN" --help
t_expect_status 0
t_expect_out "usage: dockertutor [OPTIONS] [COMMAND [ARGS]]"
t_expect_out "  help "

t_run "help COMMAND" "$DT_BIN" help help
t_expect_status 0
t_expect_out "usage: dockertutor help [COMMAND]"

t_run "unknown command" "$DT_BIN" frobnicate
t_expect_status 2
t_expect_err "dockertutor: unknown command 'frobnicate'"
t_expect_err "usage: dockertutor"

t_run "unknown option" "$DT_BIN" --frobnicate
t_expect_status 2
t_expect_err "usage: dockertutor"

t_run "help of an unknown command" "$DT_BIN" help frobnicate
t_expect_status 2
t_expect_err "unknown command 'frobnicate'"

t_run "no command without a terminal" "$DT_BIN"
t_expect_status 2
t_expect_err "usage: dockertutor"

t_done
