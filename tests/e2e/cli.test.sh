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

t_run "a database named with --db is made for a class" \
	"$DT_BIN" --content tests/content/sample --db "$T_TMP/class/dt.db" stats
t_expect_status 0
T_NAME="shared database modes"
modes="$(stat -c %a "$T_TMP/class") $(stat -c %a "$T_TMP/class/dt.db")"
[ "$modes" = "770 660" ] && t_ok || t_bad "folder and file modes are $modes, wanted 770 660"

t_run "the default database is private" "$DT_BIN" --content tests/content/sample stats
t_expect_status 0
T_NAME="private database modes"
modes="$(stat -c %a "$XDG_DATA_HOME/dockertutor") $(stat -c %a "$XDG_DATA_HOME/dockertutor/dockertutor.db")"
[ "$modes" = "700 600" ] && t_ok || t_bad "folder and file modes are $modes, wanted 700 600"

t_done
