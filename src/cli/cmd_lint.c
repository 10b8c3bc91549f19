/* dockertutor lint: the Dockerfile linter on the command line, a drop-in
 * for hadolint in CI (same flags, configuration file, environment
 * variables, pragmas and exit statuses), plus --list-rules, --explain and
 * --dump.
 *
 * Settings are applied in hadolint's order: configuration file, then
 * HADOLINT_* variables, then flags.  Each file is linted, written and freed
 * before the next, so a directory of any size runs in constant memory; one
 * unreadable or broken file never stops the run. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dockertutor/lint.h"
#include "cli_int.h"

#define LINT_MAX_DEPTH   64      /* folder nesting followed */
#define LINT_MAX_ENTRIES 100000  /* names read from one folder */

const char cmd_lint_usage[] =
	"usage: dockertutor lint [OPTIONS] FILE|DIR|-...\n"
	"\n"
	"Checks Dockerfiles with hadolint's rules (same ids, configuration file,\n"
	"HADOLINT_* variables and '# hadolint ignore=' comments).  A folder is\n"
	"searched for Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile;\n"
	"'-' reads standard input.  Exit status: 1 when a finding at or above the\n"
	"failure threshold exists or a file cannot be read or parsed, 2 on a usage\n"
	"error, else 0.\n"
	"\n"
	"Options:\n"
	"  -c, --config FILE             configuration (default: ./.hadolint.yaml,\n"
	"                                then hadolint's other places)\n"
	"  -f, --format FORMAT           tty, json, gnu, checkstyle, sarif, codeclimate,\n"
	"                                gitlab_codeclimate, junit (default: tty)\n"
	"  -t, --failure-threshold SEV   error, warning, info, style, ignore or none\n"
	"                                (default: info)\n"
	"      --ignore RULE             do not report RULE (repeatable)\n"
	"      --error RULE              report RULE as an error; likewise --warning,\n"
	"                                --info and --style\n"
	"      --trusted-registry REG    allow base images from REG only (DL3026)\n"
	"      --require-label LABEL:TYPE  require a label (text, url, semver, hash,\n"
	"                                rfc3339, spdx, email)\n"
	"      --strict-labels           report labels outside the schema\n"
	"      --disable-ignore-pragma   ignore '# hadolint ignore=' comments\n"
	"      --no-fail                 exit 0 whatever is found\n"
	"      --no-color                plain output (also NO_COLOR)\n"
	"      --no-shellcheck           do not run shellcheck on RUN scripts\n"
	"      --only-hadolint           run hadolint's rules only (DL, and SC with\n"
	"                                shellcheck), as a drop-in for hadolint in CI;\n"
	"                                also DOCKERTUTOR_ONLY_HADOLINT=1\n"
	"      --file-path-in-report P   name files P in the report\n"
	"  -V, --verbose                 say which configuration and files are used\n"
	"      --list-rules              list the rules (--format markdown: the docs)\n"
	"      --explain RULE            explain one rule\n"
	"      --dump FILE               print the parse tree of FILE\n"
	"  -h, --help                    show this help\n";

enum {
	OPT_IGNORE = 256, OPT_ERROR, OPT_WARNING, OPT_INFO, OPT_STYLE,
	OPT_TRUSTED, OPT_LABEL, OPT_STRICT, OPT_NO_PRAGMA, OPT_NO_FAIL,
	OPT_NO_COLOR, OPT_NO_SHELLCHECK, OPT_PATH_IN_REPORT, OPT_LIST,
	OPT_EXPLAIN, OPT_DUMP, OPT_ONLY_HADOLINT,
};

static const struct option lint_opts[] = {
	{"config", required_argument, NULL, 'c'},
	{"format", required_argument, NULL, 'f'},
	{"failure-threshold", required_argument, NULL, 't'},
	{"verbose", no_argument, NULL, 'V'},
	{"help", no_argument, NULL, 'h'},
	{"ignore", required_argument, NULL, OPT_IGNORE},
	{"error", required_argument, NULL, OPT_ERROR},
	{"warning", required_argument, NULL, OPT_WARNING},
	{"info", required_argument, NULL, OPT_INFO},
	{"style", required_argument, NULL, OPT_STYLE},
	{"trusted-registry", required_argument, NULL, OPT_TRUSTED},
	{"require-label", required_argument, NULL, OPT_LABEL},
	{"strict-labels", no_argument, NULL, OPT_STRICT},
	{"disable-ignore-pragma", no_argument, NULL, OPT_NO_PRAGMA},
	{"no-fail", no_argument, NULL, OPT_NO_FAIL},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
	{"no-shellcheck", no_argument, NULL, OPT_NO_SHELLCHECK},
	{"only-hadolint", no_argument, NULL, OPT_ONLY_HADOLINT},
	{"file-path-in-report", required_argument, NULL, OPT_PATH_IN_REPORT},
	{"list-rules", no_argument, NULL, OPT_LIST},
	{"explain", required_argument, NULL, OPT_EXPLAIN},
	{"dump", required_argument, NULL, OPT_DUMP},
	{NULL, 0, NULL, 0},
};

/* A flag that adds to the configuration, kept until the file and the
 * environment have been read. */
struct flag_item {
	int opt;
	const char *arg;
};

struct lint_cli {
	struct lint_config cfg;
	struct dt_arena arena;       /* the configuration's lists */
	struct flag_item *items;     /* argc entries */
	size_t n_items;
	const char *config_path;
	const char *format;          /* as given, NULL: configuration's */
	const char *threshold;
	const char *report_path;
	const char *explain, *dump;
	bool help, list, verbose, no_fail, no_color, no_shellcheck, strict, no_pragma;
	bool only_hadolint;
	bool color;
	int status;                  /* CLI_OK or CLI_FAIL so far */
	struct lint_report rep;
	struct dt_buf out;
};

static const char *env_get(const char *name)
{
	return getenv(name);
}

static int usage_error(void)
{
	fputs(cmd_lint_usage, stderr);
	return CLI_USAGE;
}

static bool parse_args(struct lint_cli *c, int argc, char **argv)
{
	int o;

	while ((o = getopt_long(argc, argv, "c:f:t:Vh", lint_opts, NULL)) != -1) {
		switch (o) {
		case 'c': c->config_path = optarg; break;
		case 'f': c->format = optarg; break;
		case 't': c->threshold = optarg; break;
		case 'V': c->verbose = true; break;
		case 'h': c->help = true; break;
		case OPT_STRICT: c->strict = true; break;
		case OPT_NO_PRAGMA: c->no_pragma = true; break;
		case OPT_NO_FAIL: c->no_fail = true; break;
		case OPT_NO_COLOR: c->no_color = true; break;
		case OPT_NO_SHELLCHECK: c->no_shellcheck = true; break;
		case OPT_ONLY_HADOLINT: c->only_hadolint = true; break;
		case OPT_PATH_IN_REPORT: c->report_path = optarg; break;
		case OPT_LIST: c->list = true; break;
		case OPT_EXPLAIN: c->explain = optarg; break;
		case OPT_DUMP: c->dump = optarg; break;
		case OPT_IGNORE: case OPT_ERROR: case OPT_WARNING: case OPT_INFO:
		case OPT_STYLE: case OPT_TRUSTED: case OPT_LABEL:
			c->items[c->n_items].opt = o;
			c->items[c->n_items++].arg = optarg;
			break;
		default:
			return false;
		}
	}
	return true;
}

/* Applies one flag that adds to the configuration. */
static enum dt_status apply_item(struct lint_cli *c, const struct flag_item *it,
                                 struct dt_error *err)
{
	static const enum lint_severity sev[] = {
		LINT_SEV_ERROR, LINT_SEV_WARNING, LINT_SEV_INFO, LINT_SEV_STYLE,
	};

	switch (it->opt) {
	case OPT_IGNORE:
		return lint_config_ignore(&c->cfg, &c->arena, it->arg, err);
	case OPT_TRUSTED:
		return lint_config_trust(&c->cfg, &c->arena, it->arg, err);
	case OPT_LABEL:
		return lint_config_require_label(&c->cfg, &c->arena, it->arg, err);
	default:
		return lint_config_override(&c->cfg, &c->arena, it->arg,
		                            sev[it->opt - OPT_ERROR], err);
	}
}

/* File, environment, flags.  Returns CLI_OK, CLI_FAIL (a bad file or
 * variable) or CLI_USAGE (a bad flag value). */
static int configure(struct lint_cli *c)
{
	char found[4096];
	const char *path = c->config_path;
	struct dt_error err;
	size_t i;

	dt_error_clear(&err);
	if (!path && lint_config_find(env_get, found, sizeof found))
		path = found;
	if (path) {
		if (c->verbose)
			cli_errorf("using configuration %s", path);
		if (lint_config_load(&c->cfg, &c->arena, path, &err) != DT_OK) {
			cli_print_error(&err);
			return CLI_FAIL;
		}
	}
	if (lint_config_apply_env(&c->cfg, &c->arena, env_get, &err) != DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	for (i = 0; i < c->n_items; i++) {
		if (apply_item(c, &c->items[i], &err) != DT_OK) {
			cli_print_error(&err);
			return CLI_USAGE;
		}
	}
	if (c->threshold && !lint_severity_parse(c->threshold, &c->cfg.failure_threshold)) {
		cli_errorf("unknown failure threshold '%s' (use error, warning, info, "
		           "style, ignore or none)", c->threshold);
		return CLI_USAGE;
	}
	if (c->format && strcmp(c->format, "markdown") != 0) {
		if (!lint_format_parse(c->format, &c->cfg.format)) {
			cli_errorf("unknown format '%s'", c->format);
			return CLI_USAGE;
		}
		c->cfg.has_format = true;
	}
	c->cfg.strict_labels |= c->strict;
	c->cfg.disable_ignore_pragma |= c->no_pragma;
	c->cfg.no_fail |= c->no_fail;
	c->cfg.no_color |= c->no_color;
	c->cfg.verbose |= c->verbose;
	c->cfg.only_hadolint |= c->only_hadolint;
	if (c->no_shellcheck)
		c->cfg.shellcheck = false;
	return CLI_OK;
}

/* Writes and empties the output buffer. */
static void flush_out(struct lint_cli *c)
{
	if (c->out.failed) {
		cli_errorf("out of memory writing the report");
		c->status = CLI_FAIL;
	} else if (c->out.len &&
	           fwrite(c->out.data, 1, c->out.len, stdout) != c->out.len) {
		c->status = CLI_FAIL;
	}
	dt_buf_reset(&c->out);
	c->out.failed = false;
}

static void lint_one(struct lint_cli *c, const char *path)
{
	struct lint_result *res = NULL;
	struct dt_error err;
	char *data;
	size_t len;
	const char *name = c->report_path ? c->report_path : path;

	dt_error_clear(&err);
	if (c->cfg.verbose)
		cli_errorf("linting %s", path);
	if (dt_read_file(path, LINT_MAX_FILE, &data, &len, &err) != DT_OK) {
		cli_print_error(&err);
		c->status = CLI_FAIL;
		return;
	}
	if (lint_run(name, data, len, &c->cfg, &res, &err) != DT_OK) {
		cli_print_error(&err);
		c->status = CLI_FAIL;
		dt_free(data);
		return;
	}
	dt_free(data);
	lint_report_add(&c->rep, res, &c->out);
	if (lint_result_fails(res, &c->cfg))
		c->status = CLI_FAIL;
	lint_result_free(res);
	flush_out(c);
}

static bool is_dockerfile_name(const char *n)
{
	return strcmp(n, "Dockerfile") == 0 || strcmp(n, "Containerfile") == 0 ||
	       dt_str_has_prefix(n, "Dockerfile.") ||
	       (dt_str_has_suffix(n, ".Dockerfile") && strlen(n) > 11) ||
	       (dt_str_has_suffix(n, ".dockerfile") && strlen(n) > 11);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void lint_dir(struct lint_cli *c, const char *dir, int depth);

/* Reads a folder's names, sorted, into *names (free each and the array).
 * False when the folder cannot be read (errno says why). */
static bool read_names(const char *dir, char ***names, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (!d)
		return false;
	while ((e = readdir(d)) != NULL && *n < LINT_MAX_ENTRIES) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, ".git") == 0)
			continue;
		if (*n == cap) {
			char **p = dt_realloc(*names, (cap = cap ? cap * 2 : 32) * sizeof *p);

			if (!p)
				break;
			*names = p;
		}
		if (!((*names)[*n] = dt_strdup(e->d_name)))
			break;
		(*n)++;
	}
	closedir(d);
	if (*n > 1)
		qsort(*names, *n, sizeof **names, name_cmp);
	return true;
}

static void lint_entry(struct lint_cli *c, const char *dir, const char *name,
                       int depth)
{
	char path[4096];
	struct stat st;

	if (!dt_snprintf(path, sizeof path, "%s/%s", dir, name)) {
		cli_errorf("%s/%s: path is too long", dir, name);
		c->status = CLI_FAIL;
		return;
	}
	if (lstat(path, &st) != 0)
		return;
	/* Links to files are followed, links to folders are not (no loops). */
	if (S_ISDIR(st.st_mode))
		lint_dir(c, path, depth + 1);
	else if (is_dockerfile_name(name) && (S_ISREG(st.st_mode) ||
	         (S_ISLNK(st.st_mode) && stat(path, &st) == 0 && S_ISREG(st.st_mode))))
		lint_one(c, path);
}

static void lint_dir(struct lint_cli *c, const char *dir, int depth)
{
	size_t n, i;
	char **names;

	if (depth > LINT_MAX_DEPTH) {
		cli_errorf("%s: folders nested deeper than %d are skipped", dir,
		           LINT_MAX_DEPTH);
		c->status = CLI_FAIL;
		return;
	}
	if (!read_names(dir, &names, &n)) {
		cli_errorf("%s: cannot read the folder: %s", dir, strerror(errno));
		c->status = CLI_FAIL;
		return;
	}
	for (i = 0; i < n; i++) {
		lint_entry(c, dir, names[i], depth);
		dt_free(names[i]);
	}
	dt_free(names);
}

static void lint_operand(struct lint_cli *c, const char *path)
{
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		lint_dir(c, path, 0);
	else
		lint_one(c, path);
}

static int print_buf(struct dt_buf *b, bool ok)
{
	if (!ok || b->failed) {
		cli_errorf("out of memory");
		return CLI_FAIL;
	}
	if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len)
		return CLI_FAIL;
	return CLI_OK;
}

static int do_dump(const char *path)
{
	struct lint_file *file = NULL;
	struct dt_error err;
	struct dt_buf b;
	char *data;
	size_t len, i;
	int rc;

	dt_error_clear(&err);
	if (dt_read_file(path, LINT_MAX_FILE, &data, &len, &err) != DT_OK ||
	    lint_parse(path, data, len, &file, &err) != DT_OK) {
		if (data)
			dt_free(data);
		cli_print_error(&err);
		return CLI_FAIL;
	}
	dt_free(data);
	dt_buf_init(&b);
	if (lint_dump(file, &b) && b.len && b.data[b.len - 1] != '\n')
		dt_buf_putc(&b, '\n');
	rc = print_buf(&b, !b.failed);
	for (i = 0; i < file->n_errors; i++) {
		fprintf(stderr, "dockertutor: ");
		cli_put_safe(stderr, path);
		fprintf(stderr, ":%d:%d: error: ", file->errors[i].line, file->errors[i].col);
		cli_put_safe(stderr, file->errors[i].msg);
		fputc('\n', stderr);
		rc = CLI_FAIL;
	}
	dt_buf_fini(&b);
	lint_file_free(file);
	return rc;
}

static int do_info(struct lint_cli *c)
{
	struct dt_buf b;
	int rc;

	dt_buf_init(&b);
	if (c->explain) {
		if (!lint_rule_explain(c->explain, &b)) {
			dt_buf_fini(&b);
			if (b.failed)
				return CLI_FAIL;
			cli_errorf("unknown rule '%s'; 'dockertutor lint --list-rules' "
			           "lists them", c->explain);
			return CLI_USAGE;
		}
		rc = print_buf(&b, true);
	} else {
		bool markdown = c->format && strcmp(c->format, "markdown") == 0;
		bool ok = lint_rules_write(markdown, &b);

		/* The docs page stays the same on every machine; the terminal
		 * list says what this one lacks. */
		if (!markdown && !lint_shellcheck_available())
			dt_buf_puts(&b, "\nShellCheck is not installed: shell scripts are "
			                "not checked (SC codes).\n");
		rc = print_buf(&b, ok);
	}
	dt_buf_fini(&b);
	return rc;
}

static int run_files(struct lint_cli *c, int argc, char **argv)
{
	const char *no_color = getenv("NO_COLOR");
	int i;

	c->color = c->cfg.format == LINT_FORMAT_TTY && !c->cfg.no_color &&
	           !(no_color && *no_color) && isatty(STDOUT_FILENO);
	dt_buf_init(&c->out);
	lint_report_begin(&c->rep, c->cfg.format, c->color, &c->out);
	for (i = optind; i < argc; i++)
		lint_operand(c, argv[i]);
	lint_report_end(&c->rep, &c->out);
	flush_out(c);
	dt_buf_fini(&c->out);
	if (fflush(stdout) != 0) {
		cli_errorf("cannot write the report: %s", strerror(errno));
		return CLI_FAIL;
	}
	return c->status;
}

int cmd_lint(struct cli_ctx *ctx, int argc, char **argv)
{
	struct lint_cli c;
	int rc;

	(void)ctx;
	memset(&c, 0, sizeof c);
	lint_config_init(&c.cfg);
	dt_arena_init(&c.arena);
	c.items = dt_calloc((size_t)argc + 1, sizeof *c.items);
	if (!c.items) {
		cli_errorf("out of memory");
		return CLI_FAIL;
	}
	if (!parse_args(&c, argc, argv)) {
		rc = usage_error();
	} else if (c.help) {
		fputs(cmd_lint_usage, stdout);
		rc = CLI_OK;
	} else if (c.format && strcmp(c.format, "markdown") == 0 && !c.list) {
		cli_errorf("--format markdown goes with --list-rules");
		rc = usage_error();
	} else if (c.list || c.explain) {
		rc = optind < argc ? usage_error() : do_info(&c);
	} else if (c.dump) {
		rc = optind < argc ? usage_error() : do_dump(c.dump);
	} else if (optind >= argc) {
		cli_errorf("no Dockerfile given (use '-' for standard input)");
		rc = usage_error();
	} else if ((rc = configure(&c)) == CLI_OK) {
		rc = run_files(&c, argc, argv);
	} else if (rc == CLI_USAGE) {
		usage_error();
	}
	dt_free(c.items);
	dt_arena_fini(&c.arena);
	return rc;
}
