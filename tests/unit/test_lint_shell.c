/* Unit tests for the shell reader (src/lint/shell.c): scripts split into
 * simple commands with exact words, separators and nesting depth.
 *
 * Each command is written as one line "DEPTH SEP {ASSIGN}... [WORD]...",
 * with SEP "-" for the end of a list, so a whole expected split reads at a
 * glance and every word is compared exactly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "dockertutor/lint.h"

static char *render(const struct lint_script *s)
{
	struct dt_buf b;
	size_t i, j;

	dt_buf_init(&b);
	for (i = 0; i < s->n_cmds; i++) {
		const struct lint_shell_cmd *c = &s->cmds[i];

		dt_buf_printf(&b, "%d %s", c->depth, c->sep[0] ? c->sep : "-");
		for (j = 0; j < c->n_assigns; j++)
			dt_buf_printf(&b, " {%s}", c->assigns[j]);
		for (j = 0; j < c->argc; j++)
			dt_buf_printf(&b, " [%s]", c->argv[j]);
		assert_null(c->argv[c->argc]);
		dt_buf_putc(&b, '\n');
	}
	return dt_buf_steal(&b);
}

static void expect(const char *script, const char *want)
{
	struct dt_arena a;
	struct lint_script s;
	char *got;

	dt_arena_init(&a);
	assert_true(lint_shell_parse(&a, script, 1, &s));
	got = render(&s);
	if (strcmp(got, want) != 0)
		fail_msg("script:\n%s\n--- expected\n%s--- got\n%s", script, want, got);
	dt_free(got);
	dt_arena_fini(&a);
}

static void test_simple_and_lists(void **state)
{
	(void)state;
	expect("apt-get update && apt-get install -y curl",
	       "0 && [apt-get] [update]\n"
	       "0 - [apt-get] [install] [-y] [curl]\n");
	expect("a || b ; c & d | e |& f",
	       "0 || [a]\n0 ; [b]\n0 & [c]\n0 | [d]\n0 | [e]\n0 - [f]\n");
	expect("a;b&&c", "0 ; [a]\n0 && [b]\n0 - [c]\n");
	expect("one\ntwo\n\nthree\n", "0 ; [one]\n0 ; [two]\n0 ; [three]\n");
	expect("", "");
	expect("   \n\t ;; ", "");
}

static void test_quotes_and_escapes(void **state)
{
	(void)state;
	expect("echo \"a b\" 'c \"d\"' e\\ f \"g\\\"h\" 'i\\j' \"\\$k\"",
	       "0 - [echo] [a b] [c \"d\"] [e f] [g\"h] [i\\j] [$k]\n");
	expect("echo \"\" ''x'' a\"b\"'c'",
	       "0 - [echo] [] [x] [abc]\n");
	expect("echo $'tab\\there' $\"loc\"",
	       "0 - [echo] [tab\there] [loc]\n");
	expect("echo 'unclosed && rm -rf /",
	       "0 - [echo] [unclosed && rm -rf /]\n");
	expect("echo \"x\\\ny\" a\\\nb",
	       "0 - [echo] [xy] [ab]\n");
}

static void test_line_continuations(void **state)
{
	struct dt_arena a;
	struct lint_script s;

	(void)state;
	expect("apt-get install \\\n    curl \\\n    git && \\\n    rm -rf /x",
	       "0 && [apt-get] [install] [curl] [git]\n0 - [rm] [-rf] [/x]\n");
	dt_arena_init(&a);
	assert_true(lint_shell_parse(&a, "a \\\n  && b\n  c", 10, &s));
	assert_int_equal(s.n_cmds, 3);
	assert_int_equal(s.cmds[1].line, 11);
	assert_int_equal(s.cmds[1].col, 6);
	assert_int_equal(s.cmds[2].line, 12);
	assert_int_equal(s.cmds[2].col, 3);
	assert_int_equal(s.cmds[2].offset, 13);
	dt_arena_fini(&a);
}

static void test_comments(void **state)
{
	(void)state;
	expect("echo a # not words && rm\necho b#c",
	       "0 ; [echo] [a]\n0 - [echo] [b#c]\n");
	expect("# only a comment", "");
}

static void test_assignments(void **state)
{
	(void)state;
	expect("DEBIAN_FRONTEND=noninteractive apt-get install -y x",
	       "0 - {DEBIAN_FRONTEND=noninteractive} [apt-get] [install] [-y] [x]\n");
	expect("A=1 B=\"two words\" cmd C=3 make CC=gcc",
	       "0 - {A=1} {B=two words} [cmd] [C=3] [make] [CC=gcc]\n");
	expect("X=1; Y=$(id -u) && echo $Y",
	       "1 - [id] [-u]\n0 - [echo] [$Y]\n");
	expect("PATH+=:/x \"Q=1\" cmd 1A=2",
	       "0 - {PATH+=:/x} [Q=1] [cmd] [1A=2]\n");
	expect("arr=(a b c) cmd", "0 - {arr=(a b c)} [cmd]\n");
	/* The first unquoted '=' decides, from what comes before it. */
	expect("A=b=c A=\"x y\"z cmd", "0 - {A=b=c} {A=x yz} [cmd]\n");
	expect("x'A'=1; A\\=1; $A=1; +=x; A+B=1; 1A=2",
	       "0 ; [xA=1]\n0 ; [A=1]\n0 ; [$A=1]\n0 ; [+=x]\n0 ; [A+B=1]\n"
	       "0 - [1A=2]\n");
	expect("_=1 A=$(echo a=b) cmd",
	       "0 - {_=1} {A=$(echo a=b)} [cmd]\n1 - [echo] [a=b]\n");
}

static void test_redirections(void **state)
{
	(void)state;
	expect("make > /dev/null 2>&1 && cat < in >> out 2> err",
	       "0 && [make]\n0 - [cat]\n");
	expect("cmd &> log; cmd2 &>> log; cmd3 >|f <>g 3<&0",
	       "0 ; [cmd]\n0 ; [cmd2]\n0 - [cmd3]\n");
	expect(">out echo hi", "0 - [echo] [hi]\n");
	expect("grep x <<< \"$v\" | wc -l", "0 | [grep] [x]\n0 - [wc] [-l]\n");
	expect("echo 2>x 22 a2>b", "0 - [echo] [22] [a2]\n");
}

static void test_shell_heredocs(void **state)
{
	(void)state;
	expect("cat <<EOF > /etc/conf\nrm -rf /\nEOF\necho after",
	       "0 ; [cat]\n0 - [echo] [after]\n");
	expect("cat <<-'X' | sh\n\trm a\n\tX\ndone_cmd",
	       "0 | [cat]\n0 ; [sh]\n0 - [done_cmd]\n");
	expect("a <<A; b <<B\n1\nA\n2\nB\nc", "0 ; [a]\n0 ; [b]\n0 - [c]\n");
}

static void test_substitutions(void **state)
{
	(void)state;
	expect("echo $(date +%s) `uname -r` $((1 + 2)) ${HOME:-/root}",
	       "0 - [echo] [$(date +%s)] [`uname -r`] [$((1 + 2))] [${HOME:-/root}]\n"
	       "1 - [date] [+%s]\n"
	       "1 - [uname] [-r]\n");
	expect("$(which python3) -m pip install x",
	       "0 - [$(which python3)] [-m] [pip] [install] [x]\n"
	       "1 - [which] [python3]\n");
	expect("echo \"v=$(cat /v | tr -d '\\n')\" && x",
	       "0 && [echo] [v=$(cat /v | tr -d '\\n')]\n"
	       "1 | [cat] [/v]\n"
	       "1 - [tr] [-d] [\\n]\n"
	       "0 - [x]\n");
	expect("a $(b $(c) d) e",
	       "0 - [a] [$(b $(c) d)] [e]\n1 - [b] [$(c)] [d]\n2 - [c]\n");
	expect("echo `echo \\`id\\``",
	       "0 - [echo] [`echo \\`id\\``]\n1 - [echo] [`id`]\n2 - [id]\n");
	expect("echo $(unclosed && rm x",
	       "0 - [echo] [$(unclosed && rm x]\n1 && [unclosed]\n1 - [rm] [x]\n");
}

static void test_subshells_and_groups(void **state)
{
	(void)state;
	expect("(cd /src && make) || { echo failed; exit 1; }",
	       "1 && [cd] [/src]\n1 - [make]\n1 ; [echo] [failed]\n1 ; [exit] [1]\n");
	expect("( ( a ) ); b", "2 - [a]\n0 - [b]\n");
	expect("f() { echo in; }; f", "1 ; [echo] [in]\n0 - [f]\n");
	expect("function g { h; }", "1 ; [h]\n");
	expect("(( i++ )) && echo $i", "0 - [echo] [$i]\n");
}

static void test_compound_commands(void **state)
{
	(void)state;
	expect("if [ -f x ]; then cat x; elif true; then :; else echo no; fi",
	       "0 ; [[] [-f] [x] []]\n0 ; [cat] [x]\n0 ; [true]\n0 ; [:]\n"
	       "0 ; [echo] [no]\n");
	expect("for f in a b c; do cd $f && make; done",
	       "0 && [cd] [$f]\n0 ; [make]\n");
	expect("for i in 1 2\ndo\n  echo $i\ndone",
	       "0 ; [echo] [$i]\n");
	expect("while read -r l; do echo \"$l\"; done < file",
	       "0 ; [read] [-r] [l]\n0 ; [echo] [$l]\n");
	expect("until false; do break; done", "0 ; [false]\n0 ; [break]\n");
	expect("! grep -q x f && echo missing",
	       "0 && [grep] [-q] [x] [f]\n0 - [echo] [missing]\n");
	expect("echo if then fi done", "0 - [echo] [if] [then] [fi] [done]\n");
	expect("for ((i=0; i<3; i++)); do echo $i; done", "0 ; [echo] [$i]\n");
	/* The rest of the reserved words. */
	expect("time make; { cd /x; make; }; select x in a b; do echo $x; done",
	       "0 ; [make]\n1 ; [cd] [/x]\n1 ; [make]\n0 ; [echo] [$x]\n");
	expect("function f { echo; }", "1 ; [echo]\n");
}

static void test_case(void **state)
{
	(void)state;
	expect("case \"$x\" in\n  a|b) echo ab;;\n  (*) echo other ;;\nesac; echo after",
	       "0 ; [echo] [ab]\n0 ; [echo] [other]\n0 - [echo] [after]\n");
	expect("case $1 in start) run;; esac",
	       "0 ; [run]\n");
	expect("case x in y) a\nesac\nb", "0 ; [a]\n0 - [b]\n");
}

static void test_depth_of_everything(void **state)
{
	(void)state;
	expect("{ a; (b; $(c)); }",
	       "1 ; [a]\n2 ; [b]\n2 - [$(c)]\n3 - [c]\n");
}

static void test_pipefail(void **state)
{
	struct dt_arena a;
	struct lint_script s;
	static const struct {
		const char *script;
		bool pipe, pipefail;
	} cases[] = {
		{ "set -o pipefail && curl x | sh", true, true },
		{ "set -euxo pipefail; curl x | sh", true, true },
		{ "set -eo pipefail\nwget -O- x | tar xz", true, true },
		{ "set -o errexit -o pipefail; a | b", true, true },
		{ "curl x | sh; set -o pipefail", true, false },
		{ "set +o pipefail; a | b", true, false },
		{ "set -e; a | b", true, false },
		{ "echo pipefail | cat", true, false },
		{ "set -o pipefail", false, true },
		{ "a || b", false, false },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dt_arena_init(&a);
		assert_true(lint_shell_parse(&a, cases[i].script, 1, &s));
		if (s.has_pipe != cases[i].pipe || s.pipefail != cases[i].pipefail)
			fail_msg("%s: pipe %d pipefail %d", cases[i].script,
			         s.has_pipe, s.pipefail);
		dt_arena_fini(&a);
	}
}

static void test_hostile_input(void **state)
{
	struct dt_buf b;
	struct dt_arena a;
	struct lint_script s;
	int i;

	(void)state;
	dt_buf_init(&b);
	for (i = 0; i < 200000; i++)
		dt_buf_puts(&b, "$(");
	dt_buf_puts(&b, "x");
	for (i = 0; i < 200000; i++)
		dt_buf_puts(&b, "`\"'(){};|&<>\\");
	assert_false(b.failed);
	dt_arena_init(&a);
	assert_true(lint_shell_parse(&a, b.data, 1, &s));
	assert_true(s.n_cmds > 0);
	dt_arena_fini(&a);
	dt_buf_fini(&b);
	dt_arena_init(&a);
	assert_true(lint_shell_parse(&a, NULL, 1, &s));
	assert_int_equal(s.n_cmds, 0);
	dt_arena_fini(&a);
}

static void test_alloc_failures(void **state)
{
	static const char script[] =
		"set -eux; A=1 apt-get install $(cat list) `x` && "
		"for f in *; do (cd $f && make); done | tee log <<EOF\nbody\nEOF\nz";
	unsigned long n;
	bool done = false;

	(void)state;
	for (n = 1; !done && n < 5000; n++) {
		struct dt_arena a;
		struct lint_script s;

		dt_arena_init(&a);
		dt_alloc_fail_at(n);
		done = lint_shell_parse(&a, script, 1, &s);
		dt_alloc_fail_at(0);
		if (!done)
			assert_int_equal(s.n_cmds, 0);
		dt_arena_fini(&a);
	}
	assert_true(done);
	assert_true(n > 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_and_lists),
		cmocka_unit_test(test_quotes_and_escapes),
		cmocka_unit_test(test_line_continuations),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_assignments),
		cmocka_unit_test(test_redirections),
		cmocka_unit_test(test_shell_heredocs),
		cmocka_unit_test(test_substitutions),
		cmocka_unit_test(test_subshells_and_groups),
		cmocka_unit_test(test_compound_commands),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_depth_of_everything),
		cmocka_unit_test(test_pipefail),
		cmocka_unit_test(test_hostile_input),
		cmocka_unit_test(test_alloc_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
