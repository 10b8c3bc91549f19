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

/* ---- cli_app.c: what the commands built on the app layer share ---- */

#include "dockertutor/app.h"

#define CLI_MAX_LINE 4096           /* bytes in one line of plain input */

/* Opens the app from the global options (content lookup, --db or
 * $DOCKERTUTOR_DB, --learner, $DOCKERTUTOR_NOW for a fixed clock).  On
 * failure prints the errors (content problems as `dockertutor check`
 * does, a database problem as one line naming the file) and returns
 * CLI_FAIL (CLI_USAGE for a malformed $DOCKERTUTOR_NOW); else CLI_OK with
 * *out owned by the caller (app_close). */
int cli_app_open(const struct cli_ctx *ctx, struct app **out);

/* Prints course diagnostics (errors only unless with_warnings) on stderr
 * as FILE:LINE:COL: error: MESSAGE. */
void cli_print_diags(const struct course_diags *diags, bool with_warnings);

/* Markdown-lite as plain text wrapped to the output width, each line
 * after indent; first (when not NULL) replaces indent on the first line. */
void cli_print_text(FILE *f, const char *md, const char *indent,
                    const char *first);
/* Columns to wrap plain text to: the terminal's width, else 78. */
int cli_text_width(void);

/* Plain line input from a file descriptor, with an optional timeout so
 * an exam can be submitted at its deadline while waiting for a line. */
enum cli_read {
	CLI_READ_LINE,      /* a line, without its newline */
	CLI_READ_EOF,
	CLI_READ_TIMEOUT,
	CLI_READ_LONG,      /* longer than CLI_MAX_LINE: dropped */
};

struct cli_input {
	int fd;
	char buf[CLI_MAX_LINE + 1];
	size_t len;
	bool eof;
	bool skipping;      /* inside a line too long to keep */
};

void cli_input_init(struct cli_input *in, int fd);
/* timeout_ms < 0 waits for ever.  line has CLI_MAX_LINE + 1 bytes. */
enum cli_read cli_read_line(struct cli_input *in, int timeout_ms,
                            char line[CLI_MAX_LINE + 1]);

/* Prints a prompt (at most 500 bytes) and flushes stdout.  When standard
 * input is not a terminal the prompt ends its line instead of its trailing
 * blanks, so scripts reading the output line by line see it and the
 * transcript stays readable (nothing echoes their answers). */
void cli_prompt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Asks QUESTION [y/N]; true only for y or yes.  timeout_ms as for
 * cli_read_line: no answer in time is no. */
bool cli_confirm(struct cli_input *in, const char *question, int timeout_ms);

/* "1h 02m", "2h", "3m 05s", "10m", "12s" (seconds under an hour). */
void cli_format_duration(char *out, size_t size, int64_t seconds);
/* "2026-11-27 14:05" in local time; "-" for 0. */
void cli_format_time(char *out, size_t size, int64_t unix_seconds);
/* The title of lesson id, or id itself; "(no lesson)" for "" or NULL. */
const char *cli_lesson_title(const struct course *course, const char *id);

/* JSON: a string with every control character escaped; a number with
 * NAN and infinities as null. */
void cli_json_str(FILE *f, const char *s);
void cli_json_num(FILE *f, double v);
/* CSV (RFC 4180): a field, quoted (quotes doubled) when it holds a comma,
 * a quote, CR or LF. */
void cli_csv_field(FILE *f, const char *s);

/* Flushes stdout; false (after printing an error) when writing failed. */
bool cli_flush_ok(void);

/* ---- Shared by the commands' option parsers and tables ---- */

/* Prints "dockertutor: MESSAGE" (as cli_errorf, in cli.c) and then usage
 * on stderr; returns CLI_USAGE, so a parser can `return
 * cli_usage_error(...)`. */
int cli_usage_error(const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parses a whole decimal number from 0 to max (digits only: no sign, no
 * blanks, no overflow); false otherwise. */
bool cli_parse_number(const char *s, uint64_t max, uint64_t *out);

/* The body of a command built on the app: it gets the open app and the
 * command's options, and returns the exit status. */
typedef int cli_app_fn(struct app *app, const void *opts);

/* Opens the app (cli_app_open), runs fn, closes the app and checks that
 * standard output was written.  Returns fn's status, or cli_app_open's
 * when the app cannot be opened, or CLI_FAIL when writing failed. */
int cli_with_app(const struct cli_ctx *ctx, cli_app_fn *fn, const void *opts);

/* One course diagnostic as FILE:LINE:COL: error|warning: MESSAGE and a
 * newline, sanitised; bold file and coloured severity when color. */
void cli_print_diag(FILE *f, const struct course_diag *d, bool color);

/* Prints s sanitised, then spaces up to width display columns (none when
 * s is as wide or wider): a table cell, like printf's %-Ns. */
void cli_put_cell(FILE *f, const char *s, int width);

#endif
