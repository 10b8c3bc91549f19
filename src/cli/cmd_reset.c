/* dockertutor reset: deletes a learner's progress in one lesson or in
 * everything, after asking on a terminal; scripts must say --yes. */
#include <getopt.h>
#include <string.h>
#include <unistd.h>

#include "cli_int.h"

const char cmd_reset_usage[] =
	"usage: dockertutor reset [--lesson ID | --all] [--yes]\n"
	"\n"
	"Deletes your progress: in one lesson (sections read, reading position,\n"
	"practice answers and review schedule of its questions, exercises) or,\n"
	"with --all (the default), everything including exam attempts.  The\n"
	"profile itself stays.  On a terminal it asks first; without one it\n"
	"needs --yes.  --learner NAME resets another profile.\n"
	"\n"
	"Options:\n"
	"  -l, --lesson ID   reset one lesson\n"
	"  -a, --all         reset everything\n"
	"  -y, --yes         do not ask\n"
	"  -h, --help        show this help\n";

struct reset_opts {
	const char *lesson;
	bool all;
	bool yes;
};

static int parse_opts(int argc, char **argv, struct reset_opts *o)
{
	static const struct option opts[] = {
		{"lesson", required_argument, NULL, 'l'},
		{"all",    no_argument,       NULL, 'a'},
		{"yes",    no_argument,       NULL, 'y'},
		{"help",   no_argument,       NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "l:ayh", opts, NULL)) != -1) {
		switch (c) {
		case 'l': o->lesson = optarg; break;
		case 'a': o->all = true; break;
		case 'y': o->yes = true; break;
		case 'h': fputs(cmd_reset_usage, stdout); return CLI_OK;
		default: fputs(cmd_reset_usage, stderr); return CLI_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd_reset_usage, "reset takes no arguments");
	if (o->lesson && o->all)
		return cli_usage_error(cmd_reset_usage, "--lesson and --all do not "
		                       "go together");
	return -1;
}

static bool confirmed(struct app *app, const struct reset_opts *o,
                      const struct course_lesson *l)
{
	struct cli_input in;
	struct dt_buf q;
	bool yes;

	if (o->yes)
		return true;
	if (!isatty(STDIN_FILENO)) {
		cli_errorf("not resetting without confirmation: pass --yes to reset "
		           "when not on a terminal");
		return false;
	}
	dt_buf_init(&q);
	if (l)
		dt_buf_printf(&q, "Reset the progress of %s in lesson %d, %s?",
		              app_learner(app), l->number, l->title);
	else
		dt_buf_printf(&q, "Reset all progress of %s?", app_learner(app));
	cli_input_init(&in, STDIN_FILENO);
	yes = q.data && cli_confirm(&in, q.data, -1);
	dt_buf_fini(&q);
	if (!yes)
		puts("Nothing was reset.");
	return yes;
}

static int run(struct app *app, const void *opts)
{
	const struct reset_opts *o = opts;
	const struct course_lesson *l = NULL;
	struct dt_error err;

	dt_error_clear(&err);
	if (o->lesson && app_find_lesson(app, o->lesson, &l, &err) != DT_OK) {
		cli_print_error(&err);      /* before asking */
		return CLI_FAIL;
	}
	if (!confirmed(app, o, l))
		return CLI_FAIL;
	if (app_reset(app, o->lesson, &err) != DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	fputs(o->lesson ? "Reset the progress of " : "Reset all progress of ",
	      stdout);
	cli_put_safe(stdout, app_learner(app));
	if (o->lesson) {
		fputs(" in lesson ", stdout);
		cli_put_safe(stdout, o->lesson);
	}
	puts(".");
	return CLI_OK;
}

int cmd_reset(struct cli_ctx *ctx, int argc, char **argv)
{
	struct reset_opts o = { NULL, false, false };
	int status;

	if ((status = parse_opts(argc, argv, &o)) >= 0)
		return status;
	return cli_with_app(ctx, run, &o);
}
