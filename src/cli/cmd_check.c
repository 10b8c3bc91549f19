/* dockertutor check: validates a content tree for its authors and prints
 * every problem as FILE:LINE:COL: error|warning: MESSAGE, sorted by file
 * and line, then a one-line summary.  Exit status: 1 on any error (or any
 * warning with --strict), 2 on a usage error, else 0. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "dockertutor/course.h"
#include "cli_int.h"

const char cmd_check_usage[] =
	"usage: dockertutor check [OPTIONS] [DIR]\n"
	"\n"
	"Checks the course in DIR (default: --content, $DOCKERTUTOR_CONTENT,\n"
	"./content, then the installed course): YAML syntax, keys, types, ids,\n"
	"references between files, question rules, exam draws, text and limits.\n"
	"Prints every problem as FILE:LINE:COL: error|warning: MESSAGE, sorted by\n"
	"file and line, then a summary.  Exit status: 1 when there is an error\n"
	"(or a warning, with --strict), 2 on a usage error, else 0.\n"
	"\n"
	"Options:\n"
	"  -s, --strict     warnings fail the check too\n"
	"  -q, --quiet      no summary line\n"
	"      --no-color   plain output (also NO_COLOR)\n"
	"  -h, --help       show this help\n";

struct check_opts {
	bool strict;
	bool quiet;
	bool color;
};

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static void print_summary(const struct course_diags *diags)
{
	if (diags->n_errors == 0 && diags->n_warnings == 0)
		printf("check: no problems in %zu file%s\n", diags->n_files,
		       plural(diags->n_files));
	else
		printf("check: %zu error%s, %zu warning%s in %zu file%s\n",
		       diags->n_errors, plural(diags->n_errors), diags->n_warnings,
		       plural(diags->n_warnings), diags->n_files,
		       plural(diags->n_files));
}

static int parse_opts(int argc, char **argv, struct check_opts *o)
{
	static const struct option opts[] = {
		{"strict",   no_argument, NULL, 's'},
		{"quiet",    no_argument, NULL, 'q'},
		{"no-color", no_argument, NULL, 'N'},
		{"help",     no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "sqh", opts, NULL)) != -1) {
		switch (c) {
		case 's': o->strict = true; break;
		case 'q': o->quiet = true; break;
		case 'N': o->color = false; break;
		case 'h': fputs(cmd_check_usage, stdout); return CLI_OK;
		default: fputs(cmd_check_usage, stderr); return CLI_USAGE;
		}
	}
	if (argc - optind > 1) {
		cli_errorf("check takes one folder, found %d arguments",
		           argc - optind);
		fputs(cmd_check_usage, stderr);
		return CLI_USAGE;
	}
	return -1;
}

/* The folder to check from the argument: a folder, or its course.yaml. */
static int folder_of(const char *arg, char *dir, size_t size)
{
	struct stat st;
	size_t n;

	if (!dt_strlcpy(dir, arg, size)) {
		cli_errorf("the folder name is too long");
		return CLI_USAGE;
	}
	if (stat(arg, &st) != 0 || !S_ISREG(st.st_mode))
		return -1;
	n = strlen(dir);
	if (strcmp(dir, "course.yaml") == 0)
		dt_strlcpy(dir, ".", size);
	else if (dt_str_has_suffix(dir, "/course.yaml"))
		dir[n - strlen("/course.yaml")] = '\0';
	else {
		cli_errorf("'%s' is a file; check takes a content folder (the one "
		           "holding course.yaml)", arg);
		return CLI_USAGE;
	}
	return -1;
}

int cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	struct check_opts o = { false, false, ctx->color };
	struct course_diags diags;
	struct course *course;
	struct dt_error err;
	char dir[4096];
	enum dt_status rc;
	int status;
	size_t i;

	if ((status = parse_opts(argc, argv, &o)) >= 0)
		return status;
	dt_error_clear(&err);
	if (optind < argc) {
		if ((status = folder_of(argv[optind], dir, sizeof dir)) >= 0)
			return status;
	} else if (!cli_find_content(ctx, dir, sizeof dir, &err)) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	course_diags_init(&diags);
	rc = course_load(dir, &course, &diags, &err);
	course_free(course);
	if (rc != DT_OK && rc != DT_ERR_INVALID) {
		cli_print_error(&err);
		course_diags_fini(&diags);
		return CLI_FAIL;
	}
	for (i = 0; i < diags.n; i++)
		cli_print_diag(stdout, &diags.items[i], o.color);
	if (!o.quiet)
		print_summary(&diags);
	status = diags.n_errors || (o.strict && diags.n_warnings) ? CLI_FAIL
	                                                         : CLI_OK;
	course_diags_fini(&diags);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_errorf("cannot write the report");
		return CLI_FAIL;
	}
	return status;
}
