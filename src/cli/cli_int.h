/* Private to src/cli/: the context shared by subcommands and the helpers
 * every command uses to print errors the same way. */
#ifndef DT_CLI_INT_H
#define DT_CLI_INT_H

#include <stdbool.h>
#include <stdio.h>

#include "dockertutor/util.h"

/* Exit statuses. */
enum {
	CLI_OK = 0,
	CLI_FAIL = 1,
	CLI_USAGE = 2,
};

/* Global options, parsed before the subcommand.  Strings point into argv or
 * the environment and live as long as the process. */
struct cli_ctx {
	const char *content_dir;   /* --content, NULL: the lookup order */
	const char *db_path;       /* --db, NULL: DOCKERTUTOR_DB or default */
	const char *learner;       /* --learner, NULL: the login name */
	bool color;                /* colour allowed on stdout */
};

/* A subcommand: argv[0] is the command name; getopt state is reset. */
typedef int cli_command_fn(struct cli_ctx *ctx, int argc, char **argv);

/* Each command's usage text is FN_usage, defined beside its function. */
#define DT_COMMAND(name, fn, summary) \
	cli_command_fn fn;              \
	extern const char fn##_usage[];
#include "commands.def"
#undef DT_COMMAND

/* Prints "dockertutor: FILE:LINE:COL: error: MESSAGE" (the parts that are
 * known) on stderr.  Text is sanitised. */
void cli_print_error(const struct dt_error *err);
/* Prints "dockertutor: MESSAGE" on stderr. */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints s to f with escape sequences and controls removed. */
void cli_put_safe(FILE *f, const char *s);

/* Usage of one command on f; returns false for an unknown command. */
bool cli_print_command_help(FILE *f, const char *name);

/* Resets getopt for a subcommand's own option parsing. */
void cli_reset_getopt(void);

/* The content folder to use: --content, $DOCKERTUTOR_CONTENT, ./content,
 * then the installed data folder.  Returns false (with err) when none has a
 * course.yaml. */
bool cli_find_content(const struct cli_ctx *ctx, char *out, size_t size,
                      struct dt_error *err);

#endif
