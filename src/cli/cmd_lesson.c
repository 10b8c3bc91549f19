/* dockertutor lesson: the lessons as plain text, for screen readers, pagers
 * and scripts.  `list` shows the course order; `show` renders one lesson (or
 * one section of it) wrapped to the terminal width. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "dockertutor/course.h"
#include "dockertutor/text.h"
#include "cli_int.h"

const char cmd_lesson_usage[] =
	"usage: dockertutor lesson list\n"
	"       dockertutor lesson show ID|NUMBER [--section ID] [--width N]\n"
	"\n"
	"Lists the lessons, or prints one lesson as plain text: its sections,\n"
	"code blocks and tables wrapped to the terminal width (or N columns),\n"
	"then its key takeaways.\n"
	"\n"
	"Options:\n"
	"  -s, --section ID  print only this section\n"
	"  -w, --width N     wrap to N columns (20 to 500; default: the\n"
	"                    terminal's width, else 80)\n"
	"  -h, --help        show this help\n";

#define WIDTH_MIN 20
#define WIDTH_MAX 500           /* --width */
#define COLUMNS_MAX 65535       /* $COLUMNS, as wide as a terminal gets */

/* The terminal's width, else $COLUMNS when it is a number (atoi would take
 * "12abc" and overflow on a long one). */
static int terminal_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	uint64_t cols;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= WIDTH_MIN)
		return ws.ws_col;
	if (env && cli_parse_number(env, COLUMNS_MAX, &cols) &&
	    cols >= WIDTH_MIN)
		return (int)cols;
	return 80;
}

static bool print_text(const char *md, int width)
{
	struct text_options opts = {width, false};
	struct text_doc *doc;
	struct dt_buf buf;
	struct dt_error err;
	bool ok;

	if (text_render(md, strlen(md), &opts, &doc, &err) != DT_OK) {
		cli_print_error(&err);
		return false;
	}
	dt_buf_init(&buf);
	ok = text_doc_to_plain(doc, &buf);
	if (ok)
		fputs(buf.data ? buf.data : "", stdout);
	dt_buf_fini(&buf);
	text_doc_free(doc);
	return ok;
}

/* A heading wrapped to the width and underlined as wide as its longest
 * line, so pagers and screen readers see a plain-text heading. */
static bool print_heading(const char *title, char rule, int width)
{
	struct text_options opts = {width, false};
	struct text_doc *doc;
	size_t i, k, w = 0;

	if (text_render(title, strlen(title), &opts, &doc, NULL) != DT_OK)
		return false;
	for (i = 0; i < doc->n_lines; i++) {
		for (k = 0; k < doc->lines[i].n_spans; k++)
			fputs(doc->lines[i].spans[k].text, stdout);
		putchar('\n');
		if (doc->lines[i].width > w)
			w = doc->lines[i].width;
	}
	text_doc_free(doc);
	while (w--)
		putchar(rule);
	putchar('\n');
	return true;
}

static int list(const struct course *course)
{
	size_t i;

	for (i = 0; i < course->n_lessons; i++) {
		const struct course_lesson *l = &course->lessons[i];

		printf("%2d  %-22s  %3d min  %zu sections  %3zu questions  ",
		       l->number, l->id, l->minutes, l->n_sections, l->n_questions);
		cli_put_safe(stdout, l->title);
		putchar('\n');
	}
	return CLI_OK;
}

static const struct course_lesson *find(const struct course *course,
                                        const char *key)
{
	char *end;
	long n = strtol(key, &end, 10);
	size_t i;

	if (*key && *end == '\0') {
		for (i = 0; i < course->n_lessons; i++)
			if (course->lessons[i].number == n)
				return &course->lessons[i];
		return NULL;
	}
	return course_find_lesson(course, key);
}

static int show(const struct course *course, const char *key,
                const char *section, int width)
{
	const struct course_lesson *l = find(course, key);
	size_t i;
	char title[512];

	if (!l) {
		cli_errorf("no lesson '%s'; 'dockertutor lesson list' shows them", key);
		return CLI_FAIL;
	}
	if (section && !course_find_section(l, section)) {
		cli_errorf("lesson '%s' has no section '%s'", l->id, section);
		return CLI_FAIL;
	}
	if (!section) {
		if (!dt_snprintf(title, sizeof title, "Lesson %d: %s", l->number, l->title))
			dt_strlcpy(title, l->title, sizeof title);
		if (!print_heading(title, '=', width))
			return CLI_FAIL;
		putchar('\n');
		if (!print_text(l->summary, width))
			return CLI_FAIL;
	}
	for (i = 0; i < l->n_sections; i++) {
		const struct course_section *s = &l->sections[i];

		if (section && strcmp(section, s->id) != 0)
			continue;
		putchar('\n');
		if (!print_heading(s->title, '-', width))
			return CLI_FAIL;
		putchar('\n');
		if (!print_text(s->body, width))
			return CLI_FAIL;
	}
	if (!section && l->n_takeaways) {
		putchar('\n');
		if (!print_heading("Key takeaways", '-', width))
			return CLI_FAIL;
		putchar('\n');
		for (i = 0; i < l->n_takeaways; i++) {
			struct dt_buf item;

			dt_buf_init(&item);
			dt_buf_printf(&item, "- %s", l->takeaways[i]);
			if (item.failed || !print_text(item.data, width)) {
				dt_buf_fini(&item);
				return CLI_FAIL;
			}
			dt_buf_fini(&item);
		}
	}
	return CLI_OK;
}

struct lesson_opts {
	const char *verb;        /* "list" or "show" */
	const char *key;         /* show: the lesson's id or number */
	const char *section;
	int width;               /* 0: the terminal's */
};

static int parse_opts(int argc, char **argv, struct lesson_opts *o)
{
	static const struct option opts[] = {
		{"section", required_argument, NULL, 's'},
		{"width",   required_argument, NULL, 'w'},
		{"help",    no_argument,       NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	uint64_t w;
	int c;

	while ((c = getopt_long(argc, argv, "s:w:h", opts, NULL)) != -1) {
		switch (c) {
		case 's': o->section = optarg; break;
		case 'w':
			if (!cli_parse_number(optarg, WIDTH_MAX, &w) ||
			    w < WIDTH_MIN) {
				cli_errorf("--width takes a number from %d to %d",
				           WIDTH_MIN, WIDTH_MAX);
				return CLI_USAGE;
			}
			o->width = (int)w;
			break;
		case 'h': fputs(cmd_lesson_usage, stdout); return CLI_OK;
		default: fputs(cmd_lesson_usage, stderr); return CLI_USAGE;
		}
	}
	o->verb = optind < argc ? argv[optind] : NULL;
	o->key = argc - optind == 2 ? argv[optind + 1] : NULL;
	if (!o->verb || !((strcmp(o->verb, "list") == 0 && argc - optind == 1) ||
	                  (strcmp(o->verb, "show") == 0 && argc - optind == 2))) {
		fputs(cmd_lesson_usage, stderr);
		return CLI_USAGE;
	}
	return -1;
}

/* The course alone (lessons need no database); NULL after printing its
 * errors. */
static struct course *load_course(const struct cli_ctx *ctx)
{
	struct course_diags diags;
	struct course *course;
	struct dt_error err;
	char dir[4096];
	size_t i;

	if (!cli_find_content(ctx, dir, sizeof dir, &err)) {
		cli_print_error(&err);
		return NULL;
	}
	course_diags_init(&diags);
	if (course_load(dir, &course, &diags, &err) != DT_OK) {
		for (i = 0; i < diags.n; i++)
			if (diags.items[i].severity == COURSE_ERROR)
				cli_errorf("%s:%d:%d: error: %s", diags.items[i].file,
				           diags.items[i].line, diags.items[i].col,
				           diags.items[i].msg);
		if (diags.n_errors == 0)
			cli_print_error(&err);
	}
	course_diags_fini(&diags);
	return course;
}

int cmd_lesson(struct cli_ctx *ctx, int argc, char **argv)
{
	struct lesson_opts o = { NULL, NULL, NULL, 0 };
	struct course *course;
	int status;

	if ((status = parse_opts(argc, argv, &o)) >= 0)
		return status;
	if (!(course = load_course(ctx)))
		return CLI_FAIL;
	if (strcmp(o.verb, "list") == 0)
		status = list(course);
	else
		status = show(course, o.key, o.section,
		              o.width ? o.width : terminal_width());
	course_free(course);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_errorf("cannot write the lesson");
		return CLI_FAIL;
	}
	return status;
}
