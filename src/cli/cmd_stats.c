/* dockertutor stats: the learner's progress in text or JSON: per lesson
 * (sections read, practice accuracy, questions mastered, best exam score,
 * exercises passed), per exercise (checks, first pass, hints seen),
 * reviews due today and over the next days, exam history and time
 * studied.  The JSON layout is documented in docs/cli.md
 * and only ever grows. */
#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "cli_int.h"

const char cmd_stats_usage[] =
	"usage: dockertutor stats [--format text|json]\n"
	"\n"
	"Shows your progress: per lesson the sections read, practice accuracy,\n"
	"questions mastered (last answered right), best exam score and\n"
	"exercises passed; per exercise started the checks run, when it first\n"
	"passed and the hints seen; reviews due today and on each of the next\n"
	"6 days; exam history; time studied.  --learner NAME shows another\n"
	"profile.\n"
	"\n"
	"Options:\n"
	"  -f, --format FORMAT   text (default) or json (stable; docs/cli.md)\n"
	"  -h, --help            show this help\n";

enum stats_format { STATS_TEXT, STATS_JSON };

static int parse_opts(int argc, char **argv, enum stats_format *fmt)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help",   no_argument,       NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				*fmt = STATS_TEXT;
			else if (strcmp(optarg, "json") == 0)
				*fmt = STATS_JSON;
			else
				return cli_usage_error(cmd_stats_usage, "--format is "
				                       "text or json, not '%s'", optarg);
			break;
		case 'h': fputs(cmd_stats_usage, stdout); return CLI_OK;
		default: fputs(cmd_stats_usage, stderr); return CLI_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd_stats_usage, "stats takes no arguments, "
		                       "found '%s'", argv[optind]);
	return -1;
}

static double pct(size_t part, size_t whole)
{
	return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

/* ---- text ---- */

static void text_lessons(const struct app_summary *s)
{
	size_t i;

	printf("  %-36s%5s  %8s  %8s  %9s  %s\n", "Lesson", "read", "accuracy",
	       "mastered", "best exam", "exercises");
	for (i = 0; i < s->n_lessons; i++) {
		const struct app_lesson_summary *l = &s->lessons[i];
		char acc[16] = "-", best[16] = "-", title[64];

		if (l->answers && !dt_snprintf(acc, sizeof acc, "%.0f%%",
		                               pct(l->correct, l->answers)))
			dt_strlcpy(acc, "?", sizeof acc);
		if (l->best_exam_pct >= 0 &&
		    !dt_snprintf(best, sizeof best, "%.0f%%", l->best_exam_pct))
			dt_strlcpy(best, "?", sizeof best);
		if (!dt_snprintf(title, sizeof title, "%2d. %s", l->lesson->number,
		                 l->lesson->title))
			title[sizeof title - 1] = '\0';     /* cut long titles */
		fputs("  ", stdout);
		cli_put_safe(stdout, title);
		printf("%*s%2zu/%-2zu  %8s  %4zu/%-3zu  %9s  %5zu/%zu\n",
		       (int)(36 > dt_utf8_width(title, strlen(title))
		             ? 36 - dt_utf8_width(title, strlen(title)) : 1), "",
		       l->sections_read, l->sections_total, acc, l->mastered,
		       l->questions, best, l->exercises_passed, l->exercises_total);
	}
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* The exercises started (checked or hinted), in course order. */
static void text_exercises(const struct app_summary *s)
{
	size_t i, started = 0;
	int width = 8;

	for (i = 0; i < s->n_exercises; i++) {
		const struct app_exercise_summary *x = &s->exercises[i];

		if (x->attempts == 0 && x->hints == 0)
			continue;
		started++;
		if ((int)strlen(x->exercise->id) > width)
			width = (int)strlen(x->exercise->id);
	}
	if (started == 0) {
		puts("\nExercises: none started yet.");
		return;
	}
	puts("\nExercises:");
	for (i = 0; i < s->n_exercises; i++) {
		const struct app_exercise_summary *x = &s->exercises[i];

		if (x->attempts == 0 && x->hints == 0)
			continue;
		fputs("  ", stdout);
		cli_put_safe(stdout, x->exercise->id);
		printf("%*s  %-7s  %zu check%s", width -
		       (int)strlen(x->exercise->id), "",
		       x->passed ? "passed" : "started", x->attempts,
		       plural(x->attempts));
		if (x->passed)
			printf(" (passed at check %zu)", x->attempts_to_pass);
		printf(", %d of %zu hint%s seen\n", x->hints, x->exercise->n_hints,
		       plural(x->exercise->n_hints));
	}
}

static void text_reviews(const struct app_summary *s)
{
	size_t i, week = 0;

	for (i = 1; i < APP_FORECAST_DAYS; i++)
		week += s->forecast[i];
	printf("\nReviews: %zu due now, %zu due today, %zu in the next %d days (",
	       s->reviews_due, s->forecast[0], week, APP_FORECAST_DAYS - 1);
	for (i = 1; i < APP_FORECAST_DAYS; i++)
		printf("%s%zu", i > 1 ? " " : "", s->forecast[i]);
	puts(")");
}

static void text_exams(const struct app_summary *s)
{
	size_t i;

	if (s->n_exams == 0) {
		puts("\nExams: none taken yet.");
		return;
	}
	puts("\nExams (newest first):");
	for (i = 0; i < s->n_exams; i++) {
		const struct store_attempt *a = &s->exams[i];
		char when[32];

		cli_format_time(when, sizeof when, a->started);
		printf("  %s  ", when);
		cli_put_safe(stdout, a->exam);
		if (a->status == STORE_ATTEMPT_OPEN) {
			puts("  open");
			continue;
		}
		printf("  %.0f/%.0f (%.0f%%)  %s%s\n", a->score, a->max_score,
		       a->max_score > 0 ? 100.0 * a->score / a->max_score : 0.0,
		       a->passed ? "passed" : "not passed",
		       a->status == STORE_ATTEMPT_EXPIRED ? " (time ran out)" : "");
	}
}

static void text_time(const struct app_summary *s)
{
	char total[32], week[32], today[32];

	cli_format_duration(total, sizeof total, s->studied_total.ms / 1000);
	cli_format_duration(week, sizeof week, s->studied_week.ms / 1000);
	cli_format_duration(today, sizeof today, s->studied_today.ms / 1000);
	printf("\nTime studied: %s in all, %s in the last 7 days, %s today.\n",
	       total, week, today);
}

static void print_text(const struct app *app, const struct app_summary *s)
{
	fputs("Progress of ", stdout);
	cli_put_safe(stdout, app_learner(app));
	fputs(" in ", stdout);
	cli_put_safe(stdout, app_course(app)->title);
	printf(": %zu/%zu sections read, %zu/%zu exercises passed.\n\n",
	       s->sections_read, s->sections_total, s->exercises_passed,
	       s->exercises_total);
	text_lessons(s);
	text_exercises(s);
	text_reviews(s);
	text_exams(s);
	text_time(s);
}

/* ---- JSON ---- */

static void json_key(const char *key)
{
	cli_json_str(stdout, key);
	fputs(": ", stdout);
}

static void json_lesson(const struct app_lesson_summary *l)
{
	fputs("    {", stdout);
	json_key("id");
	cli_json_str(stdout, l->lesson->id);
	fputs(", ", stdout);
	json_key("title");
	cli_json_str(stdout, l->lesson->title);
	printf(", \"number\": %d, \"sections_read\": %zu, \"sections_total\": %zu, "
	       "\"questions\": %zu, \"seen\": %zu, \"answers\": %zu, "
	       "\"correct\": %zu, \"accuracy\": ", l->lesson->number,
	       l->sections_read, l->sections_total, l->questions, l->seen,
	       l->answers, l->correct);
	if (l->answers)
		cli_json_num(stdout, (double)l->correct / (double)l->answers);
	else
		fputs("null", stdout);
	printf(", \"mastered\": %zu, \"best_exam_pct\": ", l->mastered);
	if (l->best_exam_pct >= 0)
		cli_json_num(stdout, l->best_exam_pct);
	else
		fputs("null", stdout);
	printf(", \"exercises_passed\": %zu, \"exercises_total\": %zu, "
	       "\"ms\": %" PRId64 "}", l->exercises_passed, l->exercises_total,
	       l->ms);
}

static void json_exam(const struct store_attempt *a)
{
	printf("    {\"id\": %" PRId64 ", ", a->id);
	json_key("exam");
	cli_json_str(stdout, a->exam);
	fputs(", ", stdout);
	json_key("title");
	cli_json_str(stdout, a->title);
	printf(", \"status\": \"%s\", \"started\": %" PRId64 ", \"deadline\": %"
	       PRId64 ", \"finished\": ", store_attempt_status_name(a->status),
	       a->started, a->deadline);
	if (a->status == STORE_ATTEMPT_OPEN) {
		fputs("null, \"score\": null, \"max_score\": null, \"pct\": null, "
		      "\"passed\": null}", stdout);
		return;
	}
	printf("%" PRId64 ", \"score\": ", a->finished);
	cli_json_num(stdout, a->score);
	fputs(", \"max_score\": ", stdout);
	cli_json_num(stdout, a->max_score);
	fputs(", \"pct\": ", stdout);
	cli_json_num(stdout, a->max_score > 0 ? 100.0 * a->score / a->max_score
	                                      : 0.0);
	printf(", \"passed\": %s}", a->passed ? "true" : "false");
}

static void json_exercise(const struct app_exercise_summary *x)
{
	fputs("    {", stdout);
	json_key("id");
	cli_json_str(stdout, x->exercise->id);
	fputs(", ", stdout);
	json_key("lesson");
	cli_json_str(stdout, x->exercise->lesson_id ? x->exercise->lesson_id : "");
	printf(", \"attempts\": %zu, \"passed\": %s, \"first_pass\": ",
	       x->attempts, x->passed ? "true" : "false");
	if (x->passed)
		printf("%" PRId64 ", \"attempts_to_pass\": %zu", x->first_pass,
		       x->attempts_to_pass);
	else
		fputs("null, \"attempts_to_pass\": null", stdout);
	printf(", \"hints\": %d, \"hints_total\": %zu}", x->hints,
	       x->exercise->n_hints);
}

static void json_day(const char *key, const struct store_study_day *d,
                     bool last)
{
	printf("    \"%s\": {\"answers\": %zu, \"correct\": %zu, \"ms\": %" PRId64
	       "}%s\n", key, d->answers, d->correct, d->ms, last ? "" : ",");
}

static void print_json(const struct app *app, const struct app_summary *s)
{
	size_t i;

	printf("{\n  \"format\": \"dockertutor-stats\",\n  \"version\": 1,\n  ");
	json_key("learner");
	cli_json_str(stdout, app_learner(app));
	fputs(",\n  ", stdout);
	json_key("course");
	cli_json_str(stdout, app_course(app)->id);
	printf(",\n  \"now\": %" PRId64 ",\n  \"lessons\": [\n", app_now(app));
	for (i = 0; i < s->n_lessons; i++) {
		json_lesson(&s->lessons[i]);
		puts(i + 1 < s->n_lessons ? "," : "");
	}
	printf("  ],\n  \"sections\": {\"read\": %zu, \"total\": %zu},\n"
	       "  \"exercises\": {\"passed\": %zu, \"total\": %zu},\n"
	       "  \"reviews\": {\"due_now\": %zu, \"day_start\": %" PRId64
	       ", \"per_day\": [", s->sections_read, s->sections_total,
	       s->exercises_passed, s->exercises_total, s->reviews_due,
	       s->day_start);
	for (i = 0; i < APP_FORECAST_DAYS; i++)
		printf("%s%zu", i ? ", " : "", s->forecast[i]);
	puts("]},\n  \"exercise_progress\": [");
	for (i = 0; i < s->n_exercises; i++) {
		json_exercise(&s->exercises[i]);
		puts(i + 1 < s->n_exercises ? "," : "");
	}
	puts("  ],\n  \"exams\": [");
	for (i = 0; i < s->n_exams; i++) {
		json_exam(&s->exams[i]);
		puts(i + 1 < s->n_exams ? "," : "");
	}
	puts("  ],\n  \"time\": {");
	json_day("total", &s->studied_total, false);
	json_day("last_7_days", &s->studied_week, false);
	json_day("today", &s->studied_today, true);
	puts("  }\n}");
}

static int run(struct app *app, const void *opts)
{
	const enum stats_format *fmt = opts;
	struct app_summary s;
	struct dt_arena arena;
	struct dt_error err;
	int status = CLI_OK;

	dt_arena_init(&arena);
	dt_error_clear(&err);
	if (app_summary(app, &arena, &s, &err) != DT_OK) {
		cli_print_error(&err);
		status = CLI_FAIL;
	} else if (*fmt == STATS_JSON) {
		print_json(app, &s);
	} else {
		print_text(app, &s);
	}
	dt_arena_fini(&arena);
	return status;
}

int cmd_stats(struct cli_ctx *ctx, int argc, char **argv)
{
	enum stats_format fmt = STATS_TEXT;
	int status;

	if ((status = parse_opts(argc, argv, &fmt)) >= 0)
		return status;
	return cli_with_app(ctx, run, &fmt);
}
