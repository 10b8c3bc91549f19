/* The command line: global options, the subcommand table, help and the
 * shared error printing.  Exit statuses: 0 ok, 1 failure, 2 usage. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dockertutor/cli.h"
#include "dockertutor/course.h"
#include "dockertutor/ui.h"
#include "cli_int.h"

struct command {
	const char *name;
	cli_command_fn *fn;
	const char *summary;
	const char *usage;
};

static const struct command commands[] = {
#define DT_COMMAND(name, fn, summary) { #name, fn, summary, fn##_usage },
#include "commands.def"
#undef DT_COMMAND
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static const char global_usage[] =
	"usage: dockertutor [OPTIONS] [COMMAND [ARGS]]\n"
	"\n"
	"A terminal course and exam trainer for Docker and Containers Basics.\n"
	"Without a command, on a terminal, it opens the course: lessons with\n"
	"search and progress; press ? there for every key.\n"
	"\n"
	"Options:\n"
	"  -C, --content DIR   the course content folder (default: $DOCKERTUTOR_CONTENT,\n"
	"                      ./content, then the installed course)\n"
	"      --db PATH       the database (default: $DOCKERTUTOR_DB, else\n"
	"                      $XDG_DATA_HOME/dockertutor/dockertutor.db)\n"
	"      --learner NAME  the learner profile (default: your login name)\n"
	"  -h, --help          show this help\n"
	"  -V, --version       show the version\n"
	"\n"
	"Commands:\n";

static void print_usage(FILE *f)
{
	size_t i;

	fputs(global_usage, f);
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-10s  %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun 'dockertutor help COMMAND' for a command's options.\n", f);
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

bool cli_print_command_help(FILE *f, const char *name)
{
	const struct command *cmd = find_command(name);

	if (!cmd)
		return false;
	fputs(cmd->usage, f);
	return true;
}

void cli_reset_getopt(void)
{
	optind = 0;     /* glibc: 0 also re-reads GNU extensions */
	opterr = 1;
}

void cli_put_safe(FILE *f, const char *s)
{
	char *clean = dt_sanitize(s, strlen(s), true);

	fputs(clean ? clean : "?", f);
	dt_free(clean);
}

static void verrorf(const char *fmt, va_list ap)
{
	char msg[1024];

	if (vsnprintf(msg, sizeof msg, fmt, ap) < 0)
		dt_strlcpy(msg, "error", sizeof msg);
	fputs("dockertutor: ", stderr);
	cli_put_safe(stderr, msg);
	fputc('\n', stderr);
}

void cli_errorf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrorf(fmt, ap);
	va_end(ap);
}

int cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrorf(fmt, ap);
	va_end(ap);
	fputs(usage, stderr);
	return CLI_USAGE;
}

void cli_print_error(const struct dt_error *err)
{
	fputs("dockertutor: ", stderr);
	if (err->path[0]) {
		cli_put_safe(stderr, err->path);
		if (err->line > 0)
			fprintf(stderr, ":%d", err->line);
		if (err->line > 0 && err->col > 0)
			fprintf(stderr, ":%d", err->col);
		fputs(": ", stderr);
	}
	fputs("error: ", stderr);
	cli_put_safe(stderr, err->msg[0] ? err->msg : dt_status_str(err->code));
	fputc('\n', stderr);
}

static bool has_course(const char *dir, char *out, size_t size)
{
	char path[4096];
	struct stat st;

	if (!dt_snprintf(path, sizeof path, "%s/course.yaml", dir))
		return false;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	return dt_strlcpy(out, dir, size);
}

bool cli_find_content(const struct cli_ctx *ctx, char *out, size_t size,
                      struct dt_error *err)
{
	const char *env = getenv("DOCKERTUTOR_CONTENT");

	if (ctx->content_dir) {
		if (has_course(ctx->content_dir, out, size))
			return true;
		dt_error_set(err, DT_ERR_NOTFOUND, ctx->content_dir, 0, 0,
		             "no course.yaml in this folder");
		return false;
	}
	if (env && *env) {
		if (has_course(env, out, size))
			return true;
		dt_error_set(err, DT_ERR_NOTFOUND, env, 0, 0,
		             "no course.yaml in this folder (from $DOCKERTUTOR_CONTENT)");
		return false;
	}
	if (has_course("content", out, size) ||
	    has_course(DT_DATADIR "/content", out, size))
		return true;
	dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
	             "no course found in ./content or " DT_DATADIR
	             "/content; name one with --content DIR");
	return false;
}

const char cmd_help_usage[] =
	"usage: dockertutor help [COMMAND]\n"
	"\n"
	"Shows the help of COMMAND, or the list of commands.\n";

int cmd_help(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc < 2) {
		print_usage(stdout);
		return CLI_OK;
	}
	if (argc > 2) {
		fputs(cmd_help_usage, stderr);
		return CLI_USAGE;
	}
	if (!cli_print_command_help(stdout, argv[1])) {
		cli_errorf("unknown command '%s'", argv[1]);
		print_usage(stderr);
		return CLI_USAGE;
	}
	return CLI_OK;
}

/* Without a command: the course on a terminal, else a pointer to the
 * modes that work without one.  The app is opened before curses starts,
 * so a course or database problem prints as one clear line (cli_app_open)
 * on a normal terminal. */
static int no_command(const struct cli_ctx *ctx)
{
	struct ui_options opts = {0};
	struct app *app;
	int status;

	if (!ui_terminal_ok()) {
		fputs("dockertutor: the course needs a full-screen terminal; without "
		      "one use 'dockertutor quiz --plain' or 'dockertutor exam --plain' "
		      "(usage: dockertutor --help)\n", stderr);
		return CLI_USAGE;
	}
	status = cli_app_open(ctx, &app);
	if (status != CLI_OK)
		return status;
	opts.app = app;
	status = ui_run(&opts);
	app_close(app);
	return status;
}

/* A command whose output could not be written failed, whatever it says. */
static int finish(int status)
{
	if (status == CLI_OK && !cli_flush_ok())
		return CLI_FAIL;
	return status;
}

int cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"content", required_argument, NULL, 'C'},
		{"db",      required_argument, NULL, 'D'},
		{"learner", required_argument, NULL, 'L'},
		{"help",    no_argument,       NULL, 'h'},
		{"version", no_argument,       NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli_ctx ctx = {0};
	const struct command *cmd;
	const char *no_color = getenv("NO_COLOR");
	int c;

	ctx.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
	ctx.db_path = getenv("DOCKERTUTOR_DB");
	if (ctx.db_path && !*ctx.db_path)
		ctx.db_path = NULL;
	/* "+": stop at the first non-option, the subcommand. */
	while ((c = getopt_long(argc, argv, "+C:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'C': ctx.content_dir = optarg; break;
		case 'D': ctx.db_path = optarg; break;
		case 'L': ctx.learner = optarg; break;
		case 'h': print_usage(stdout); return finish(CLI_OK);
		case 'V': puts("dockertutor " DT_VERSION); return finish(CLI_OK);
		default: print_usage(stderr); return CLI_USAGE;
		}
	}
	if (optind >= argc)
		return no_command(&ctx);
	cmd = find_command(argv[optind]);
	if (!cmd) {
		cli_errorf("unknown command '%s'", argv[optind]);
		print_usage(stderr);
		return CLI_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (argc == 2 && (strcmp(argv[1], "--help") == 0 ||
	                  strcmp(argv[1], "-h") == 0)) {
		fputs(cmd->usage, stdout);
		return finish(CLI_OK);
	}
	cli_reset_getopt();
	return finish(cmd->fn(&ctx, argc, argv));
}
