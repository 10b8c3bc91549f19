/* dockertutor quiz: practice in plain line mode, for classrooms, scripts,
 * screen readers and tests: a question on stdout, an answer per line on
 * stdin, feedback at once, a summary at the end (also at end of input). */
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_int.h"

#define QUIZ_DEFAULT_COUNT 10
#define QUIZ_MAX_COUNT 100000u      /* --count */
#define QUIZ_TRIES 2                /* tries per question before skipping */

const char cmd_quiz_usage[] =
	"usage: dockertutor quiz [OPTIONS] --plain\n"
	"\n"
	"Practises questions of the course in plain text: each question on\n"
	"standard output with its choices lettered A, B, C..., one answer per\n"
	"line on standard input, feedback after each answer and a summary at\n"
	"the end (also when the input ends).  Every answer is saved as it is\n"
	"given and schedules the question's next review.  An answer that cannot\n"
	"be read is asked again once, with a hint, then the question is skipped.\n"
	"\n"
	"Answers: a letter (B) for one choice, letters (A,C or AC) for several,\n"
	"true or false (t/f, yes/no) for a statement, text for a typed answer.\n"
	"\n"
	"Options:\n"
	"  -l, --lesson ID   questions of one lesson (see 'dockertutor stats')\n"
	"  -t, --tag TAG     questions with one tag\n"
	"  -m, --mode MODE   mistakes: questions you last answered wrong;\n"
	"                    unseen: never answered first, then the least recent\n"
	"                    (the default without --lesson or --tag);\n"
	"                    review: reviews due now, then new questions\n"
	"                    (with --lesson or --tag the mode works within them)\n"
	"  -n, --count N     questions to ask (default 10; 0: no limit, and\n"
	"                    mistakes and review stop when none is left)\n"
	"      --seed N      replay the same choice of questions and orders\n"
	"      --plain       line mode (also the default for now: the terminal\n"
	"                    course opens practice from its own menu)\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 when the session ran (even if stopped early), 1 when\n"
	"the course or database cannot be used, 2 on a usage error.\n";

struct quiz_opts {
	struct app_practice_options p;
	bool has_mode;
};

static int parse_opts(int argc, char **argv, struct quiz_opts *o)
{
	static const struct option opts[] = {
		{"lesson", required_argument, NULL, 'l'},
		{"tag",    required_argument, NULL, 't'},
		{"mode",   required_argument, NULL, 'm'},
		{"count",  required_argument, NULL, 'n'},
		{"seed",   required_argument, NULL, 'S'},
		{"plain",  no_argument,       NULL, 'P'},
		{"help",   no_argument,       NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	uint64_t count;
	int c;

	o->p.count = QUIZ_DEFAULT_COUNT;
	while ((c = getopt_long(argc, argv, "l:t:m:n:h", opts, NULL)) != -1) {
		switch (c) {
		case 'l': o->p.lesson_id = optarg; break;
		case 't': o->p.tag = optarg; break;
		case 'm':
			if (!quiz_source_parse(optarg, &o->p.source) ||
			    o->p.source == QUIZ_FROM_LESSON || o->p.source == QUIZ_FROM_TAG)
				return cli_usage_error(cmd_quiz_usage, "--mode is "
				                       "mistakes, unseen or review, not "
				                       "'%s'", optarg);
			o->has_mode = true;
			break;
		case 'n':
			if (!cli_parse_number(optarg, QUIZ_MAX_COUNT, &count))
				return cli_usage_error(cmd_quiz_usage, "--count takes a "
				                       "number from 0 to %u, not '%s'",
				                       QUIZ_MAX_COUNT, optarg);
			o->p.count = (size_t)count;
			break;
		case 'S':
			if (!cli_parse_number(optarg, UINT64_MAX, &o->p.seed))
				return cli_usage_error(cmd_quiz_usage, "--seed takes a "
				                       "whole number, not '%s'", optarg);
			break;
		case 'P': break;
		case 'h': fputs(cmd_quiz_usage, stdout); return CLI_OK;
		default: fputs(cmd_quiz_usage, stderr); return CLI_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd_quiz_usage, "quiz takes no arguments, "
		                       "found '%s'", argv[optind]);
	if (!o->has_mode)
		o->p.source = o->p.lesson_id ? QUIZ_FROM_LESSON
		            : o->p.tag       ? QUIZ_FROM_TAG
		                             : QUIZ_FROM_UNSEEN;
	return -1;
}

/* ---- showing a question ---- */

static void print_choices(const struct app_item *it)
{
	size_t i;

	for (i = 0; i < it->n_choices; i++) {
		char first[] = { ' ', ' ', app_letter(i), '.', ' ', '\0' };

		cli_print_text(stdout, it->q->choices[it->order[i]].text, "     ",
		               first);
	}
}

static void print_question(const struct app *app, const struct app_item *it,
                           size_t total)
{
	printf("\nQuestion %zu", it->number);
	if (total)
		printf(" of %zu", total);
	fputs(" (", stdout);
	cli_put_safe(stdout, cli_lesson_title(app_course(app), it->q->lesson_id));
	fputs(")\n", stdout);
	cli_print_text(stdout, it->q->stem, "", NULL);
	print_choices(it);
}

static void prompt_for(const struct app_item *it)
{
	switch (it->q->type) {
	case COURSE_Q_SINGLE:
		cli_prompt("Answer (one letter, A-%c): ",
		           app_letter(it->n_choices - 1u));
		break;
	case COURSE_Q_MULTIPLE:
		cli_prompt("Answer (one or more letters, A-%c): ",
		           app_letter(it->n_choices - 1u));
		break;
	case COURSE_Q_TRUEFALSE:
		cli_prompt("Answer (true or false): ");
		break;
	default:
		cli_prompt("Answer: ");
		break;
	}
}

/* ---- feedback ---- */

static void print_whys(const struct app_item *it, const struct app_feedback *fb)
{
	uint32_t picked = fb->result.right | fb->result.wrong;
	size_t i;

	for (i = 0; i < it->n_choices; i++) {
		const struct course_choice *ch = &it->q->choices[it->order[i]];
		char first[48];

		if (!(picked & (1u << it->order[i])) || !ch->why)
			continue;
		if (!dt_snprintf(first, sizeof first, "Why %c is %s: ", app_letter(i),
		                 ch->correct ? "right" : "wrong"))
			continue;
		cli_print_text(stdout, ch->why, "  ", first);
	}
}

static void print_feedback(const struct app_item *it,
                           const struct app_feedback *fb)
{
	struct dt_buf key;

	dt_buf_init(&key);
	if (fb->result.correct) {
		puts("Correct.");
	} else {
		app_format_key(it, &key);
		fputs("Wrong: the answer is ", stdout);
		cli_put_safe(stdout, key.data ? key.data : "?");
		puts(".");
	}
	dt_buf_fini(&key);
	if (fb->explanation)
		cli_print_text(stdout, fb->explanation, "", NULL);
	print_whys(it, fb);
}

static void print_summary(const struct app *app, const struct app_practice *p)
{
	struct app_practice_summary s;
	char took[32];
	size_t i;

	app_practice_summary(p, &s);
	if (s.skipped)
		printf("\nSkipped %zu question%s.", s.skipped, s.skipped == 1 ? "" : "s");
	if (s.asked == 0) {
		puts("\nNo answers given.");
		return;
	}
	cli_format_duration(took, sizeof took, s.ms / 1000);
	printf("\nScore: %zu/%zu (%.0f%%) in %s\n", s.correct, s.asked,
	       100.0 * (double)s.correct / (double)s.asked, took);
	for (i = 0; i < s.n_lessons; i++) {
		fputs("  ", stdout);
		cli_put_safe(stdout, cli_lesson_title(app_course(app),
		                                      s.lessons[i].lesson_id));
		printf(": %zu/%zu (%.0f%%)\n", s.lessons[i].n_correct,
		       s.lessons[i].n_items, s.lessons[i].pct);
	}
}

/* ---- the session ---- */

enum ask { ASK_ANSWERED, ASK_SKIPPED, ASK_EOF, ASK_ERROR };

/* Reads answers for one question: an answer that cannot be read is asked
 * again once, with a hint, before the question is skipped. */
static enum ask ask(struct app_practice *p, const struct app_item *it,
                    struct cli_input *in)
{
	char line[CLI_MAX_LINE + 1];
	struct app_feedback fb;
	struct quiz_response r;
	struct dt_error err;
	int tries;

	for (tries = 0; tries < QUIZ_TRIES; tries++) {
		enum cli_read got;

		prompt_for(it);
		got = cli_read_line(in, -1, line);
		if (got == CLI_READ_EOF)
			return ASK_EOF;
		dt_error_clear(&err);
		if (got == CLI_READ_LONG)
			dt_error_set(&err, DT_ERR_LIMIT, NULL, 0, 0,
			             "that line is too long");
		else if (app_parse_response(it, line, &r, &err) == DT_OK)
			break;
		printf("Not understood: %s.\n", err.msg);
	}
	if (tries == QUIZ_TRIES) {
		puts("Skipped.");
		app_practice_skip(p);
		return ASK_SKIPPED;
	}
	if (app_practice_answer(p, &r, &fb, &err) != DT_OK) {
		cli_print_error(&err);
		return ASK_ERROR;
	}
	print_feedback(it, &fb);
	return ASK_ANSWERED;
}

static void print_header(const struct app *app, const struct quiz_opts *o,
                         size_t pool)
{
	const struct app_practice_options *p = &o->p;

	fputs("Practice: ", stdout);
	cli_put_safe(stdout, quiz_source_help(p->source));
	if (p->lesson_id) {
		fputs(", lesson ", stdout);
		cli_put_safe(stdout, cli_lesson_title(app_course(app), p->lesson_id));
	}
	if (p->tag) {
		fputs(", tag ", stdout);
		cli_put_safe(stdout, p->tag);
	}
	/* The pool of mistakes and reviews changes as answers come in. */
	if (p->source == QUIZ_FROM_MISTAKES || p->source == QUIZ_FROM_REVIEW)
		puts(".");
	else
		printf(" (%zu question%s in the pool).\n", pool, pool == 1 ? "" : "s");
}

static const char *nothing_message(enum quiz_source source)
{
	switch (source) {
	case QUIZ_FROM_MISTAKES: return "No mistakes to go over: every question "
	                                "you answered was last answered right.";
	case QUIZ_FROM_REVIEW: return "Nothing to review now: no review is due "
	                              "and every question has been answered.";
	default: return "No questions to practise here.";
	}
}

static int run(struct app *app, const void *opts)
{
	const struct quiz_opts *o = opts;
	struct app_practice *p;
	const struct app_item *it;
	struct cli_input in;
	struct dt_error err;
	enum ask got = ASK_ANSWERED;
	size_t shown = 0;

	dt_error_clear(&err);
	if (app_practice_start(app, &o->p, &p, &err) != DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	print_header(app, o, app_practice_pool(p));
	cli_input_init(&in, STDIN_FILENO);
	while (got != ASK_EOF && got != ASK_ERROR && app_practice_next(p, &it)) {
		print_question(app, it, o->p.count);
		shown++;
		got = ask(p, it, &in);
	}
	if (shown == 0)
		puts(nothing_message(o->p.source));
	else if (got == ASK_EOF)
		puts("\nEnd of input: the session stops here.");
	if (shown)
		print_summary(app, p);
	app_practice_free(p);
	return got == ASK_ERROR ? CLI_FAIL : CLI_OK;
}

int cmd_quiz(struct cli_ctx *ctx, int argc, char **argv)
{
	struct quiz_opts o;
	int status;

	memset(&o, 0, sizeof o);
	if ((status = parse_opts(argc, argv, &o)) >= 0)
		return status;
	return cli_with_app(ctx, run, &o);
}
