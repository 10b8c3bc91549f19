/* dockertutor report: what an instructor reads after a classroom exam:
 * scores and times per student, item analysis per question as Moodle's quiz
 * statistics define it, coefficient alpha, and how often each choice was
 * picked; as text, CSV (RFC 4180, one table at a time) or JSON. */
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "cli_int.h"

const char cmd_report_usage[] =
	"usage: dockertutor report [--exam ID] [--format text|csv|json]\n"
	"                          [--table students|items|distractors]\n"
	"\n"
	"Reports on the finished attempts of an exam by every learner in the\n"
	"database (use --db for a classroom's shared one); without --exam, on\n"
	"every exam that has finished attempts.\n"
	"  students     per attempt: learner, status, start, time taken,\n"
	"               questions answered, score, percentage, pass or fail\n"
	"  items        per question, over the attempts that had it: facility\n"
	"               index, standard deviation, discrimination index and\n"
	"               discriminative efficiency (Moodle's quiz statistics, in\n"
	"               %; '-' where undefined), then the test's mean, standard\n"
	"               deviation and coefficient alpha\n"
	"  distractors  per choice question: how often each choice was picked\n"
	"Text and JSON hold all three; CSV holds the --table asked for\n"
	"(default students), with a header row and an exam column.\n"
	"\n"
	"Options:\n"
	"  -e, --exam ID         one exam (its blueprint id)\n"
	"  -f, --format FORMAT   text (default), csv or json\n"
	"  -t, --table TABLE     csv: students, items or distractors\n"
	"  -h, --help            show this help\n";

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_JSON };
enum report_table { TABLE_STUDENTS, TABLE_ITEMS, TABLE_DISTRACTORS };

struct report_opts {
	const char *exam;
	enum report_format format;
	enum report_table table;
};

static const char *const format_names[] = { "text", "csv", "json" };
static const char *const table_names[] = { "students", "items", "distractors" };

static bool lookup(const char *s, const char *const *names, size_t n,
                   unsigned *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = (unsigned)i;
			return true;
		}
	}
	return false;
}

static int usage_error(const char *fmt, const char *arg)
{
	cli_errorf(fmt, arg);
	fputs(cmd_report_usage, stderr);
	return CLI_USAGE;
}

static int parse_opts(int argc, char **argv, struct report_opts *o)
{
	static const struct option opts[] = {
		{"exam",   required_argument, NULL, 'e'},
		{"format", required_argument, NULL, 'f'},
		{"table",  required_argument, NULL, 't'},
		{"help",   no_argument,       NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	unsigned v;
	int c;

	while ((c = getopt_long(argc, argv, "e:f:t:h", opts, NULL)) != -1) {
		switch (c) {
		case 'e': o->exam = optarg; break;
		case 'f':
			if (!lookup(optarg, format_names, 3, &v))
				return usage_error("--format is text, csv or json, not '%s'",
				                   optarg);
			o->format = (enum report_format)v;
			break;
		case 't':
			if (!lookup(optarg, table_names, 3, &v))
				return usage_error("--table is students, items or "
				                   "distractors, not '%s'", optarg);
			o->table = (enum report_table)v;
			break;
		case 'h': fputs(cmd_report_usage, stdout); return CLI_OK;
		default: fputs(cmd_report_usage, stderr); return CLI_USAGE;
		}
	}
	if (optind < argc)
		return usage_error("report takes no arguments, found '%s'",
		                   argv[optind]);
	return -1;
}

/* ---- shared figures ---- */

static size_t answered(const struct store_item *items, size_t n)
{
	size_t i, a = 0;

	for (i = 0; i < n; i++)
		a += items[i].response && *items[i].response;
	return a;
}

static double pct_of(const struct store_attempt *a)
{
	return a->max_score > 0 ? 100.0 * a->score / a->max_score : 0.0;
}

/* A statistic as text: "-" when undefined. */
static void stat(char *out, size_t size, double v)
{
	if (isnan(v) || !dt_snprintf(out, size, "%.1f", v))
		dt_strlcpy(out, "-", size);
}

/* ---- text ---- */

static void text_students(const struct app_report *r)
{
	size_t i;

	printf("\nStudents\n  %-20s %-9s  %-16s  %8s  %8s  %7s %5s  %s\n",
	       "learner", "status", "started", "time", "answered", "score", "pct",
	       "result");
	for (i = 0; i < r->attempts.n; i++) {
		const struct store_attempt *a = &r->attempts.attempts[i];
		char when[32], took[32], done[32], score[32];

		cli_format_time(when, sizeof when, a->started);
		cli_format_duration(took, sizeof took, a->finished - a->started);
		if (!dt_snprintf(done, sizeof done, "%zu/%zu",
		                 answered(r->attempts.items[i], r->attempts.n_items[i]),
		                 r->attempts.n_items[i]) ||
		    !dt_snprintf(score, sizeof score, "%.0f/%.0f", a->score,
		                 a->max_score))
			continue;
		fputs("  ", stdout);
		cli_put_safe(stdout, a->learner_name);
		printf("%*s %-9s  %-16s  %8s  %8s  %7s %4.0f%%  %s\n",
		       (int)(20 > dt_utf8_width(a->learner_name, strlen(a->learner_name))
		             ? 20 - dt_utf8_width(a->learner_name, strlen(a->learner_name))
		             : 0), "",
		       store_attempt_status_name(a->status), when, took, done, score,
		       pct_of(a), a->passed ? "pass" : "fail");
	}
}

static void text_items(const struct app_report *r)
{
	char fac[16], sd[16], disc[16], eff[16];
	size_t i;

	printf("\nItems (%% of the maximum; '-' where undefined)\n"
	       "  %-36s %5s %9s %7s %15s %13s\n", "question", "n", "facility",
	       "sd", "discrimination", "efficiency");
	for (i = 0; i < r->n_questions; i++) {
		const struct app_report_question *q = &r->questions[i];

		stat(fac, sizeof fac, q->stats.facility);
		stat(sd, sizeof sd, q->stats.sd);
		stat(disc, sizeof disc, q->stats.discrimination);
		stat(eff, sizeof eff, q->stats.efficiency);
		printf("  %-36s %5zu %9s %7s %15s %13s\n", q->id, q->stats.n, fac, sd,
		       disc, eff);
	}
	stat(fac, sizeof fac, r->test.mean);
	stat(sd, sizeof sd, r->test.sd);
	stat(disc, sizeof disc, r->test.alpha);
	printf("Test: %zu attempt%s, mean %s%%, standard deviation %s%%, "
	       "coefficient alpha %s%%\n", r->test.n_attempts,
	       r->test.n_attempts == 1 ? "" : "s", fac, sd, disc);
}

static void text_distractors(const struct app_report *r)
{
	size_t i, j;

	puts("\nDistractors (how often each choice was picked; * marks a right one)");
	for (i = 0; i < r->n_questions; i++) {
		const struct app_report_question *q = &r->questions[i];

		if (!q->picks)
			continue;
		printf("  %s (%zu response%s)\n", q->id, q->responses,
		       q->responses == 1 ? "" : "s");
		for (j = 0; j < q->q->n_choices; j++) {
			char first[16];

			if (!dt_snprintf(first, sizeof first, "  %c%c. %5zu  ",
			                 q->q->choices[j].correct ? '*' : ' ',
			                 app_letter(j), q->picks[j]))
				continue;
			cli_print_text(stdout, q->q->choices[j].text,
			               "                ", first);
		}
		if (q->none)
			printf("      %5zu  (none of them)\n", q->none);
		printf("      %5zu  (no answer)\n", q->blank);
	}
}

static void print_text(const struct app_report *r)
{
	printf("Exam %s", r->exam);
	if (r->title && *r->title) {
		fputs(": ", stdout);
		cli_put_safe(stdout, r->title);
	}
	printf(" (%zu finished attempt%s by %zu learner%s)\n", r->attempts.n,
	       r->attempts.n == 1 ? "" : "s", r->learners,
	       r->learners == 1 ? "" : "s");
	text_students(r);
	text_items(r);
	text_distractors(r);
}

/* ---- CSV ---- */

static void csv_row_end(void)
{
	fputs("\r\n", stdout);
}

static void csv_num(double v)
{
	if (!isnan(v))
		printf("%.2f", v);
}

static void csv_header(enum report_table t)
{
	static const char *const headers[] = {
		"exam,learner,attempt,status,started,finished,seconds,answered,"
		"items,score,max_score,pct,passed",
		"exam,question,lesson,attempts,facility,sd,discrimination,"
		"efficiency",
		"exam,question,choice,text,correct,picked",
	};

	fputs(headers[t], stdout);
	csv_row_end();
}

static void csv_students(const struct app_report *r)
{
	size_t i;

	for (i = 0; i < r->attempts.n; i++) {
		const struct store_attempt *a = &r->attempts.attempts[i];

		cli_csv_field(stdout, r->exam);
		putchar(',');
		cli_csv_field(stdout, a->learner_name);
		printf(",%" PRId64 ",%s,%" PRId64 ",%" PRId64 ",%" PRId64 ",%zu,%zu,"
		       "%.2f,%.2f,%.2f,%s", a->id, store_attempt_status_name(a->status),
		       a->started, a->finished, a->finished - a->started,
		       answered(r->attempts.items[i], r->attempts.n_items[i]),
		       r->attempts.n_items[i], a->score, a->max_score, pct_of(a),
		       a->passed ? "yes" : "no");
		csv_row_end();
	}
}

static void csv_items(const struct app_report *r)
{
	size_t i;

	for (i = 0; i < r->n_questions; i++) {
		const struct app_report_question *q = &r->questions[i];

		cli_csv_field(stdout, r->exam);
		putchar(',');
		cli_csv_field(stdout, q->id);
		putchar(',');
		cli_csv_field(stdout, q->lesson_id);
		printf(",%zu,", q->stats.n);
		csv_num(q->stats.facility);
		putchar(',');
		csv_num(q->stats.sd);
		putchar(',');
		csv_num(q->stats.discrimination);
		putchar(',');
		csv_num(q->stats.efficiency);
		csv_row_end();
	}
}

static void csv_choice(const struct app_report *r,
                       const struct app_report_question *q, const char *letter,
                       const char *text, const char *correct, size_t picked)
{
	cli_csv_field(stdout, r->exam);
	putchar(',');
	cli_csv_field(stdout, q->id);
	printf(",%s,", letter);
	cli_csv_field(stdout, text);
	printf(",%s,%zu", correct, picked);
	csv_row_end();
}

static void csv_distractors(const struct app_report *r)
{
	size_t i, j;

	for (i = 0; i < r->n_questions; i++) {
		const struct app_report_question *q = &r->questions[i];

		if (!q->picks)
			continue;
		for (j = 0; j < q->q->n_choices; j++) {
			char letter[2] = { app_letter(j), '\0' };

			csv_choice(r, q, letter, q->q->choices[j].text,
			           q->q->choices[j].correct ? "yes" : "no", q->picks[j]);
		}
		csv_choice(r, q, "", "(none of them)", "", q->none);
		csv_choice(r, q, "", "(no answer)", "", q->blank);
	}
}

static void print_csv(const struct app_report *r, enum report_table t)
{
	if (t == TABLE_STUDENTS)
		csv_students(r);
	else if (t == TABLE_ITEMS)
		csv_items(r);
	else
		csv_distractors(r);
}

/* ---- JSON ---- */

static void json_attempt(const struct app_report *r, size_t i)
{
	const struct store_attempt *a = &r->attempts.attempts[i];

	fputs("        {\"learner\": ", stdout);
	cli_json_str(stdout, a->learner_name);
	printf(", \"attempt\": %" PRId64 ", \"status\": \"%s\", \"started\": %"
	       PRId64 ", \"finished\": %" PRId64 ", \"seconds\": %" PRId64
	       ", \"answered\": %zu, \"items\": %zu, \"score\": ", a->id,
	       store_attempt_status_name(a->status), a->started, a->finished,
	       a->finished - a->started,
	       answered(r->attempts.items[i], r->attempts.n_items[i]),
	       r->attempts.n_items[i]);
	cli_json_num(stdout, a->score);
	fputs(", \"max_score\": ", stdout);
	cli_json_num(stdout, a->max_score);
	fputs(", \"pct\": ", stdout);
	cli_json_num(stdout, pct_of(a));
	printf(", \"passed\": %s}", a->passed ? "true" : "false");
}

static void json_choices(const struct app_report_question *q)
{
	size_t j;

	fputs(", \"choices\": [", stdout);
	for (j = 0; q->picks && j < q->q->n_choices; j++) {
		fputs(j ? ", {\"text\": " : "{\"text\": ", stdout);
		cli_json_str(stdout, q->q->choices[j].text);
		printf(", \"correct\": %s, \"picked\": %zu}",
		       q->q->choices[j].correct ? "true" : "false", q->picks[j]);
	}
	putchar(']');
}

static void json_item(const struct app_report_question *q)
{
	fputs("        {\"question\": ", stdout);
	cli_json_str(stdout, q->id);
	fputs(", \"lesson\": ", stdout);
	cli_json_str(stdout, q->lesson_id);
	printf(", \"attempts\": %zu, \"facility\": ", q->stats.n);
	cli_json_num(stdout, q->stats.facility);
	fputs(", \"sd\": ", stdout);
	cli_json_num(stdout, q->stats.sd);
	fputs(", \"discrimination\": ", stdout);
	cli_json_num(stdout, q->stats.discrimination);
	fputs(", \"efficiency\": ", stdout);
	cli_json_num(stdout, q->stats.efficiency);
	printf(", \"responses\": %zu, \"blank\": %zu, \"none\": %zu",
	       q->responses, q->blank, q->none);
	json_choices(q);
	putchar('}');
}

static void print_json(const struct app_report *r, bool first)
{
	size_t i;

	fputs(first ? "    {\"exam\": " : ",\n    {\"exam\": ", stdout);
	cli_json_str(stdout, r->exam);
	fputs(", \"title\": ", stdout);
	cli_json_str(stdout, r->title);
	printf(", \"learners\": %zu,\n      \"attempts\": [\n", r->learners);
	for (i = 0; i < r->attempts.n; i++) {
		json_attempt(r, i);
		puts(i + 1 < r->attempts.n ? "," : "");
	}
	puts("      ],\n      \"items\": [");
	for (i = 0; i < r->n_questions; i++) {
		json_item(&r->questions[i]);
		puts(i + 1 < r->n_questions ? "," : "");
	}
	printf("      ],\n      \"test\": {\"attempts\": %zu, \"mean\": ",
	       r->test.n_attempts);
	cli_json_num(stdout, r->test.mean);
	fputs(", \"sd\": ", stdout);
	cli_json_num(stdout, r->test.sd);
	fputs(", \"alpha\": ", stdout);
	cli_json_num(stdout, r->test.alpha);
	fputs("}}", stdout);
}

/* ---- running ---- */

static int report_one(struct app *app, const struct report_opts *o,
                      const char *exam, bool first)
{
	struct app_report r;
	struct dt_arena arena;
	struct dt_error err;
	int status = CLI_OK;

	dt_arena_init(&arena);
	dt_error_clear(&err);
	if (app_report(app, exam, &arena, &r, &err) != DT_OK) {
		cli_print_error(&err);
		status = CLI_FAIL;
	} else if (o->format == REPORT_TEXT) {
		if (!first)
			putchar('\n');
		print_text(&r);
	} else if (o->format == REPORT_CSV) {
		print_csv(&r, o->table);
	} else {
		print_json(&r, first);
	}
	dt_arena_fini(&arena);
	return status;
}

static int report(struct app *app, const struct report_opts *o)
{
	const char *one = o->exam;
	const char **exams = &one;
	struct dt_arena arena;
	struct dt_error err;
	size_t n = 1, i;
	int status = CLI_OK;

	dt_arena_init(&arena);
	dt_error_clear(&err);
	if (!o->exam && app_report_exams(app, &arena, &exams, &n, &err) != DT_OK) {
		cli_print_error(&err);
		n = 0;
		status = CLI_FAIL;
	} else if (n == 0) {
		cli_errorf("%s: no exam has finished attempts yet", app_db_path(app));
		status = CLI_FAIL;
	}
	if (n && o->format == REPORT_CSV)
		csv_header(o->table);
	if (n && o->format == REPORT_JSON)
		puts("{\n  \"format\": \"dockertutor-report\",\n  \"version\": 1,\n"
		     "  \"exams\": [");
	for (i = 0; i < n && status == CLI_OK; i++)
		status = report_one(app, o, exams[i], i == 0);
	if (n && o->format == REPORT_JSON && status == CLI_OK)
		puts("\n  ]\n}");
	dt_arena_fini(&arena);
	return status;
}

int cmd_report(struct cli_ctx *ctx, int argc, char **argv)
{
	struct report_opts o = { NULL, REPORT_TEXT, TABLE_STUDENTS };
	struct app *app;
	int status;

	if ((status = parse_opts(argc, argv, &o)) >= 0)
		return status;
	if ((status = cli_app_open(ctx, &app)) != CLI_OK)
		return status;
	status = report(app, &o);
	app_close(app);
	if (status == CLI_OK && !cli_flush_ok())
		status = CLI_FAIL;
	return status;
}
