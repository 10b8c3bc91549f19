/* dockertutor bank: question banks for instructors: list them, show one
 * question, per-question answer statistics, import a YAML, GIFT or Aiken
 * file (validated with file:line:col errors) beside the course bank, and
 * export any bank in any of the three formats. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"

const char cmd_bank_usage[] =
	"usage: dockertutor bank list\n"
	"       dockertutor bank show ID\n"
	"       dockertutor bank stats [--bank NAME]\n"
	"       dockertutor bank import FILE [--format FORMAT] [--name NAME]\n"
	"       dockertutor bank export [--format FORMAT] [--lesson ID]\n"
	"                               [--bank NAME] [-o FILE]\n"
	"\n"
	"Question banks: the course's own (synced from its content) and those\n"
	"imported beside it.\n"
	"  list     every bank with its number of questions\n"
	"  show     one question, rendered, with its answer and explanation\n"
	"  stats    per question: learners, answers, right answers, facility\n"
	"  import   reads FILE, reports every problem as FILE:LINE:COL, and\n"
	"           stores its questions as bank NAME (default: the file name\n"
	"           without its folder), replacing an earlier import of NAME\n"
	"  export   writes the course bank (or --bank NAME) to standard output\n"
	"           or FILE; importing the file again gives the same questions\n"
	"\n"
	"Options:\n"
	"  -f, --format FORMAT   yaml, gift or aiken (import: guessed from the\n"
	"                        extension .yaml/.yml, .gift, .aiken/.txt;\n"
	"                        export: yaml)\n"
	"  -n, --name NAME       import: the bank's name\n"
	"  -b, --bank NAME       stats, export: an imported bank (see list)\n"
	"  -l, --lesson ID       export: one lesson's questions\n"
	"  -o, --output FILE     export: write FILE instead of standard output\n"
	"  -h, --help            show this help\n"
	"\n"
	"A format that cannot carry a construct (a pattern in Aiken, a multiple\n"
	"choice question in Aiken...) leaves that question out with a warning.\n";

struct bank_opts {
	const char *sub;
	const char *arg;
	bool has_format;
	enum course_bank_format format;
	const char *name;
	const char *bank;
	const char *lesson;
	const char *output;
};

/* Which options each subcommand takes, and whether it needs an argument. */
static const struct {
	const char *name;
	const char *options;        /* short letters */
	bool arg;
} subs[] = {
	{ "list", "", false },
	{ "show", "", true },
	{ "stats", "b", false },
	{ "import", "fn", true },
	{ "export", "fblo", false },
};

static int check_sub(struct bank_opts *o, const char *given)
{
	size_t i, j;

	for (i = 0; i < sizeof subs / sizeof subs[0]; i++) {
		if (strcmp(o->sub, subs[i].name) != 0)
			continue;
		for (j = 0; given[j]; j++)
			if (!strchr(subs[i].options, given[j]))
				return cli_usage_error(cmd_bank_usage, "that option "
				                       "does not apply to 'bank %s'",
				                       o->sub);
		if (subs[i].arg != (o->arg != NULL))
			return cli_usage_error(cmd_bank_usage,
			                       subs[i].arg ? "'bank %s' needs an argument"
			                                   : "'bank %s' takes no argument",
			                       o->sub);
		return -1;
	}
	return cli_usage_error(cmd_bank_usage, "unknown bank command '%s'",
	                       o->sub);
}

static int parse_opts(int argc, char **argv, struct bank_opts *o)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"name",   required_argument, NULL, 'n'},
		{"bank",   required_argument, NULL, 'b'},
		{"lesson", required_argument, NULL, 'l'},
		{"output", required_argument, NULL, 'o'},
		{"help",   no_argument,       NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	char given[16] = "";
	size_t n_given = 0;
	int c;

	while ((c = getopt_long(argc, argv, "f:n:b:l:o:h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(cmd_bank_usage, stdout);
			return CLI_OK;
		}
		if (c == '?' || c == ':')
			return cli_usage_error(cmd_bank_usage, "see the options "
			                       "below");
		if (n_given + 1 < sizeof given && !strchr(given, c))
			given[n_given++] = (char)c;
		switch (c) {
		case 'f':
			if (!app_bank_format_parse(optarg, &o->format))
				return cli_usage_error(cmd_bank_usage, "--format is yaml, "
				                       "gift or aiken, not '%s'", optarg);
			o->has_format = true;
			break;
		case 'n': o->name = optarg; break;
		case 'b': o->bank = optarg; break;
		case 'l': o->lesson = optarg; break;
		default: o->output = optarg; break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd_bank_usage, "bank needs a command: list, "
		                       "show, stats, import or export");
	o->sub = argv[optind++];
	if (optind < argc)
		o->arg = argv[optind++];
	if (optind < argc)
		return cli_usage_error(cmd_bank_usage, "unexpected argument '%s'",
		                       argv[optind]);
	return check_sub(o, given);
}

/* ---- list ---- */

static int bank_list(struct app *app)
{
	struct store_bank *banks;
	struct dt_arena arena;
	struct dt_error err;
	size_t n, i;
	int status = CLI_OK;

	dt_arena_init(&arena);
	if (store_banks(app_store(app), &arena, &banks, &n, &err) != DT_OK) {
		cli_print_error(&err);
		status = CLI_FAIL;
	}
	/* Names and titles come from a database others may write to: every
	 * cell is sanitised. */
	for (i = 0; status == CLI_OK && i < n; i++) {
		fputs("  ", stdout);
		cli_put_cell(stdout, banks[i].name, 28);
		fputs("  ", stdout);
		cli_put_cell(stdout, banks[i].kind, 8);
		printf("  %5zu question%s  ", banks[i].n_questions,
		       banks[i].n_questions == 1 ? " " : "s");
		cli_put_safe(stdout, banks[i].title);
		putchar('\n');
	}
	dt_arena_fini(&arena);
	return status;
}

/* ---- show ---- */

static void show_choices(const struct course_question *q)
{
	size_t i;

	for (i = 0; i < q->n_choices && i < QUIZ_MAX_CHOICES; i++) {
		char first[] = { ' ', ' ', app_letter(i), '.', ' ', '\0' };
		struct dt_buf text;

		dt_buf_init(&text);
		dt_buf_printf(&text, "%s%s", q->choices[i].text,
		              q->choices[i].correct ? " (correct)" : "");
		cli_print_text(stdout, text.data ? text.data : q->choices[i].text,
		               "     ", first);
		if (q->choices[i].why)
			cli_print_text(stdout, q->choices[i].why, "     ", "     Why: ");
		dt_buf_fini(&text);
	}
}

static void show_key(const struct course_question *q)
{
	size_t i;

	if (q->type == COURSE_Q_TRUEFALSE)
		printf("Answer: %s\n", q->answer ? "true" : "false");
	if (q->type != COURSE_Q_FILL)
		return;
	if (q->n_answers) {
		fputs("Accepted answers: ", stdout);
		for (i = 0; i < q->n_answers; i++) {
			fputs(i ? ", " : "", stdout);
			cli_put_safe(stdout, q->answers[i]);
		}
		putchar('\n');
	}
	if (q->pattern) {
		fputs("Pattern: ", stdout);
		cli_put_safe(stdout, q->pattern);
		putchar('\n');
	}
	printf("Case %s.\n", q->case_sensitive ? "sensitive" : "insensitive");
}

static void show_question(const struct course_question *q, const char *bank)
{
	size_t i;

	cli_put_safe(stdout, q->id);
	printf(" (%s, difficulty %d", course_qtype_name(q->type), q->difficulty);
	if (q->lesson_id) {
		fputs(", lesson ", stdout);
		cli_put_safe(stdout, q->lesson_id);
	}
	for (i = 0; i < q->n_tags; i++) {
		fputs(i ? ", " : ", tags ", stdout);
		cli_put_safe(stdout, q->tags[i]);
	}
	fputs("; bank ", stdout);
	cli_put_safe(stdout, bank);
	puts(")");
	cli_print_text(stdout, q->stem, "", NULL);
	show_choices(q);
	show_key(q);
	if (q->explanation)
		cli_print_text(stdout, q->explanation, "  ", "Explanation: ");
}

static int bank_show(struct app *app, const char *id)
{
	const struct course_question *q;
	struct dt_arena arena;
	struct dt_error err;
	const char *bank;
	int status = CLI_OK;

	dt_arena_init(&arena);
	dt_error_clear(&err);
	if (app_find_question(app, id, &arena, &q, &bank, &err) != DT_OK) {
		cli_print_error(&err);
		status = CLI_FAIL;
	} else {
		show_question(q, bank);
	}
	dt_arena_fini(&arena);
	return status;
}

/* ---- stats ---- */

static int bank_stats(struct app *app, const char *name)
{
	struct store_question_totals *t;
	struct dt_arena arena;
	struct dt_error err;
	int64_t bank = app_bank_id(app);
	enum dt_status rc = DT_OK;
	size_t n, i;

	dt_arena_init(&arena);
	dt_error_clear(&err);
	if (name)
		rc = store_bank_find(app_store(app), name, &bank, &err);
	if (rc == DT_OK)
		rc = store_question_totals(app_store(app), bank, &arena, &t, &n, &err);
	if (rc != DT_OK) {
		cli_print_error(&err);
		dt_arena_fini(&arena);
		return CLI_FAIL;
	}
	printf("%-32s %-24s %8s %8s %6s %9s\n", "question", "lesson", "learners",
	       "answers", "right", "facility");
	for (i = 0; i < n; i++) {
		char facility[16] = "-";

		if (t[i].answers && !dt_snprintf(facility, sizeof facility, "%.0f%%",
		                                 100.0 * (double)t[i].correct /
		                                     (double)t[i].answers))
			dt_strlcpy(facility, "?", sizeof facility);
		cli_put_cell(stdout, t[i].question, 32);
		putchar(' ');
		cli_put_cell(stdout, t[i].lesson && *t[i].lesson ? t[i].lesson
		                                                 : "-", 24);
		printf(" %8zu %8zu %6zu %9s\n", t[i].learners, t[i].answers,
		       t[i].correct, facility);
	}
	dt_arena_fini(&arena);
	return CLI_OK;
}

/* ---- import and export ---- */

static const char *bank_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int bank_import(struct app *app, const struct bank_opts *o)
{
	enum course_bank_format format = o->format;
	struct course_diags diags;
	struct dt_error err;
	enum dt_status rc;
	size_t n;

	if (!o->has_format && !app_bank_format_guess(o->arg, &format))
		return cli_usage_error(cmd_bank_usage, "cannot tell the format of "
		                       "'%s' from its extension; give --format",
		                       o->arg);
	course_diags_init(&diags);
	dt_error_clear(&err);
	rc = app_bank_import(app, o->arg, format, o->name, &diags, &n, &err);
	course_diags_sort(&diags);
	cli_print_diags(&diags, true);
	course_diags_fini(&diags);
	if (rc != DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	printf("Imported %zu question%s from ", n, n == 1 ? "" : "s");
	cli_put_safe(stdout, o->arg);
	fputs(" as bank ", stdout);
	cli_put_safe(stdout, o->name ? o->name : bank_base(o->arg));
	puts(".");
	return CLI_OK;
}

static int write_out(const char *path, const struct dt_buf *buf)
{
	struct dt_error err;

	if (!path) {
		if (buf->len)
			fwrite(buf->data, 1, buf->len, stdout);
		return CLI_OK;
	}
	dt_error_clear(&err);
	if (dt_write_file(path, buf->data ? buf->data : "", buf->len, 0644, &err) !=
	    DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	return CLI_OK;
}

static int bank_export(struct app *app, const struct bank_opts *o)
{
	const struct course_question **qs;
	struct course_diags diags;
	struct dt_arena arena;
	struct dt_error err;
	struct dt_buf out;
	size_t n;
	int status = CLI_FAIL;

	dt_arena_init(&arena);
	dt_buf_init(&out);
	course_diags_init(&diags);
	dt_error_clear(&err);
	if (app_bank_questions(app, o->bank, o->lesson, &arena, &qs, &n, &err) !=
	    DT_OK) {
		cli_print_error(&err);
	} else if (!course_bank_export(qs, n, o->has_format ? o->format
	                                                    : COURSE_BANK_YAML,
	                               &out, &diags) || out.failed) {
		cli_errorf("out of memory");
	} else {
		cli_print_diags(&diags, true);
		status = write_out(o->output, &out);
	}
	course_diags_fini(&diags);
	dt_buf_fini(&out);
	dt_arena_fini(&arena);
	return status;
}

static int run(struct app *app, const void *opts)
{
	const struct bank_opts *o = opts;

	if (strcmp(o->sub, "list") == 0)
		return bank_list(app);
	if (strcmp(o->sub, "show") == 0)
		return bank_show(app, o->arg);
	if (strcmp(o->sub, "stats") == 0)
		return bank_stats(app, o->bank);
	if (strcmp(o->sub, "import") == 0)
		return bank_import(app, o);
	return bank_export(app, o);
}

int cmd_bank(struct cli_ctx *ctx, int argc, char **argv)
{
	struct bank_opts o;
	int status;

	memset(&o, 0, sizeof o);
	if ((status = parse_opts(argc, argv, &o)) >= 0)
		return status;
	return cli_with_app(ctx, run, &o);
}
