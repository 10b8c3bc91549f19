/* The headless UI suite's runner: every test of every file in turn, each
 * with a fresh data folder, ending with "N passed, N failed".  A test that
 * waits for a clock (slow) runs in a child process started first, beside
 * the others, so its wait costs the suite nothing.
 * Run alone: DT_BIN=build/NAME/dockertutor build/NAME/tests/uitest [NAME...]
 * (from the repository root). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "uitest.h"

#define MAX_SLOW 8

static const struct {
	const struct uitest *tests;
	const size_t *n;
} tables[] = {
	{reader_tests, &n_reader_tests},
	{flow_tests, &n_flow_tests},
	{screen_tests, &n_screen_tests},
};

/* A program a test left running must still shut down in order on SIGTERM:
 * this is where a leak or a sanitizer report at exit shows up. */
static void end_cleanly(struct term *t)
{
	if (t->pid <= 0 || t->exited)
		return;
	term_signal(t, SIGTERM);
	if (!term_wait_exit(t) || !WIFEXITED(t->status) ||
	    WEXITSTATUS(t->status) != 128 + SIGTERM) {
		failure = "the program did not end cleanly on SIGTERM";
		failure_line = __LINE__;
		term_dump(t);
	}
}

static bool selected(const char *name, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return true;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return true;
	return false;
}

/* Runs one test in a fresh data folder; true when it passed. */
static bool run_one(const struct uitest *test, const char *dir, int number)
{
	struct term t;

	if (snprintf(data_home, sizeof data_home, "%s/%d", dir, number) >=
	    (int)sizeof data_home || mkdir(data_home, 0700) != 0) {
		perror("uitest: mkdir");
		return false;
	}
	memset(&t, 0, sizeof t);
	failure = NULL;
	test->fn(&t);
	if (!failure)
		end_cleanly(&t);
	term_close(&t);
	if (failure) {
		printf("FAIL %s: line %d: %s\n", test->name, failure_line, failure);
		fflush(stdout);
	}
	return failure == NULL;
}

struct slow {
	const char *name;
	pid_t pid;
};

static bool forked(const struct slow *slow, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(slow[i].name, name) == 0)
			return true;
	return false;
}

static void remove_tree(char *dir)
{
	char *rm[] = {"rm", "-rf", dir, NULL};
	pid_t pid = fork();

	if (pid == 0) {
		execvp("rm", rm);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

int main(int argc, char **argv)
{
	struct slow slow[MAX_SLOW];
	size_t k, i, n_slow = 0;
	int pass = 0, fail = 0, number = 0;
	char tmpl[] = "/tmp/dt-ui.XXXXXX";

	if (!mkdtemp(tmpl)) {
		perror("uitest: mkdtemp");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	for (k = 0; k < sizeof tables / sizeof tables[0]; k++)
		for (i = 0; i < *tables[k].n; i++) {
			const struct uitest *test = &tables[k].tests[i];
			pid_t pid;

			number++;
			if (!test->slow || !selected(test->name, argc, argv) ||
			    n_slow == MAX_SLOW)
				continue;
			fflush(stdout);
			pid = fork();
			if (pid == 0)
				_exit(run_one(test, tmpl, number) ? 0 : 1);
			if (pid > 0)
				slow[n_slow++] = (struct slow){test->name, pid};
		}
	number = 0;
	for (k = 0; k < sizeof tables / sizeof tables[0]; k++)
		for (i = 0; i < *tables[k].n; i++) {
			const struct uitest *test = &tables[k].tests[i];

			number++;
			if (!selected(test->name, argc, argv) ||
			    forked(slow, n_slow, test->name))
				continue;
			if (run_one(test, tmpl, number)) {
				pass++;
				printf("ok   %s\n", test->name);
				fflush(stdout);
			} else {
				fail++;
			}
		}
	for (i = 0; i < n_slow; i++) {
		int status = 0;
		bool ok = waitpid(slow[i].pid, &status, 0) == slow[i].pid &&
		          WIFEXITED(status) && WEXITSTATUS(status) == 0;

		if (ok)
			printf("ok   %s\n", slow[i].name);
		pass += ok;
		fail += !ok;
	}
	remove_tree(tmpl);
	printf("%d passed, %d failed\n", pass, fail);
	return fail ? 1 : 0;
}
