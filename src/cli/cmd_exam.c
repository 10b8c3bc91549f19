/* dockertutor exam: a timed practice exam in plain line mode.  Questions
 * one by one with the time left in every prompt, DOMC options one at a
 * time, commands to jump, flag, review and submit; end of input leaves the
 * attempt open for later, and the deadline submits it with what was
 * answered.
 * Design: one loop reads a line at a time with the time left as its
 * timeout, so the deadline is met even while nobody types; every answer
 * is stored by the app layer before the next prompt appears, which is what
 * makes a killed exam resume with every answer given. */
#include <ctype.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_int.h"

const char cmd_exam_usage[] =
	"usage: dockertutor exam [OPTIONS] [EXAM | BLUEPRINT-FILE] --plain\n"
	"\n"
	"Sits a timed practice exam in plain text.  EXAM is an exam of the course\n"
	"(--list shows them); BLUEPRINT-FILE is an instructor's blueprint (a\n"
	"path, e.g. data/samples/class-midterm.yaml).  An open attempt of the\n"
	"same exam is resumed with its paper, answers and flags; without an\n"
	"exam, your open attempt is resumed.  Every answer is saved as it is\n"
	"given.  At the deadline the exam is submitted with what was answered.\n"
	"\n"
	"Each prompt shows the time left, e.g. [12:34 left].  Answer with a\n"
	"letter (B), letters (A,C), true or false, or the text asked for; in a\n"
	"DOMC exam each option comes alone: answer y if it is correct, else n.\n"
	"Commands at any prompt (on typed-answer questions, prefix them with\n"
	"':', e.g. :3; answer a statement false with 'false' or 'no', as f\n"
	"flags):\n"
	"  N    go to question N\n"
	"  f    flag or unflag this question for review\n"
	"  r    list the questions answered, flagged and unanswered\n"
	"  s    submit (asks first when questions are unanswered)\n"
	"  q    leave; end of input leaves too: the attempt stays open and\n"
	"       the clock keeps running until you resume it\n"
	"\n"
	"Options:\n"
	"      --seed N   draw the paper from seed N instead of the blueprint's\n"
	"      --list     list the exams of the course and your open attempt\n"
	"      --plain    line mode (also the default for now: the terminal\n"
	"                 course opens exams from its own menu)\n"
	"  -h, --help     show this help\n"
	"\n"
	"Exit status: 0 when the exam was taken, left or listed, 1 when it\n"
	"cannot be opened, 2 on a usage error.\n";

struct exam_opts {
	struct app_exam_options e;
	bool list;
};

struct run {
	struct app *app;
	struct app_exam *exam;
	struct cli_input in;
	const char *name;               /* as given, for the resume hint */
	size_t cur;                     /* the item on screen, or QUIZ_NONE */
	bool show;                      /* print the whole item next turn */
	bool done;
	int status;
};

static int parse_opts(int argc, char **argv, struct exam_opts *o)
{
	static const struct option opts[] = {
		{"seed",  required_argument, NULL, 'S'},
		{"list",  no_argument,       NULL, 'L'},
		{"plain", no_argument,       NULL, 'P'},
		{"help",  no_argument,       NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'S':
			if (!cli_parse_number(optarg, UINT64_MAX, &o->e.seed))
				return cli_usage_error(cmd_exam_usage, "--seed takes a "
				                       "whole number, not '%s'", optarg);
			o->e.has_seed = true;
			break;
		case 'L': o->list = true; break;
		case 'P': break;
		case 'h': fputs(cmd_exam_usage, stdout); return CLI_OK;
		default: fputs(cmd_exam_usage, stderr); return CLI_USAGE;
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(cmd_exam_usage, "exam takes one exam, found "
		                       "also '%s'", argv[optind + 1]);
	if (optind < argc)
		o->e.blueprint = argv[optind];
	return -1;
}

/* ---- listing ---- */

static size_t paper_size(const struct course_blueprint *bp)
{
	size_t i, n = 0;

	for (i = 0; i < bp->n_draws; i++)
		n += (size_t)bp->draws[i].count;
	return n;
}

static void list_exams(FILE *f, struct app *app)
{
	const struct course *c = app_course(app);
	struct store_attempt *open;
	struct dt_arena arena;
	struct dt_error err;
	size_t i, n = 0;

	fputs("Exams of this course:\n", f);
	for (i = 0; i < c->n_blueprints; i++) {
		const struct course_blueprint *bp = &c->blueprints[i];
		char limit[32];

		cli_format_duration(limit, sizeof limit, bp->time_limit_s);
		fputs("  ", f);
		cli_put_safe(f, bp->id);
		fputs(": ", f);
		cli_put_safe(f, bp->title);
		fprintf(f, " (%zu questions, %s, pass mark %d%%%s)\n", paper_size(bp),
		        limit, bp->pass_mark_pct,
		        bp->presentation == COURSE_PRESENT_DOMC ? ", DOMC" : "");
	}
	dt_arena_init(&arena);
	if (store_open_attempts(app_store(app), app_learner_id(app), &arena, &open,
	                        &n, &err) == DT_OK) {
		for (i = 0; i < n; i++) {
			fputs("Open attempt: ", f);
			cli_put_safe(f, open[i].exam);
			fputs(" (resume it with 'dockertutor exam ", f);
			cli_put_safe(f, open[i].exam);
			fputs("')\n", f);
		}
	}
	dt_arena_fini(&arena);
}

/* ---- showing ---- */

static void format_left(char *out, size_t size, int64_t s)
{
	bool ok = s >= 3600
	    ? dt_snprintf(out, size, "%" PRId64 ":%02" PRId64 ":%02" PRId64,
	                  s / 3600, s / 60 % 60, s % 60)
	    : dt_snprintf(out, size, "%02" PRId64 ":%02" PRId64, s / 60, s % 60);

	if (!ok)
		dt_strlcpy(out, "?", size);
}

/* The choices lettered in display order, after margin spaces. */
static void print_choices(const struct app_item *it, int margin)
{
	char first[16], rest[16];
	size_t i;

	if (!dt_snprintf(rest, sizeof rest, "%*s", margin + 3, ""))
		return;
	for (i = 0; i < it->n_choices; i++) {
		if (!dt_snprintf(first, sizeof first, "%*s%c. ", margin, "",
		                 app_letter(i)))
			return;
		cli_print_text(stdout, it->q->choices[it->order[i]].text, rest,
		               first);
	}
}

static void print_item(struct run *r)
{
	const struct app_exam_item *x = app_exam_item(r->exam, r->cur);

	printf("\nQuestion %zu of %zu%s\n", r->cur + 1, app_exam_count(r->exam),
	       x->flagged ? " (flagged)" : "");
	cli_print_text(stdout, x->item.q->stem, "", NULL);
	if (!x->domc)
		print_choices(&x->item, 2);
	if (x->answered && !x->domc) {
		struct dt_buf b;

		dt_buf_init(&b);
		app_format_response(&x->item, &x->r, &b);
		fputs("Your answer so far: ", stdout);
		cli_put_safe(stdout, b.data ? b.data : "?");
		puts(" (type another to change it)");
		dt_buf_fini(&b);
	}
}

static void print_option(const struct app_exam_item *x)
{
	int idx = quiz_domc_next(&x->d);
	char first[32];

	if (idx < 0)
		return;
	if (!dt_snprintf(first, sizeof first, "Option %u: ",
	                 (unsigned)x->d.shown + 1u))
		first[0] = '\0';
	cli_print_text(stdout, x->item.q->choices[idx].text, "  ", first);
}

static void prompt(struct run *r)
{
	const struct app_exam_item *x;
	char left[32];

	format_left(left, sizeof left, app_exam_remaining(r->exam));
	x = app_exam_item(r->exam, r->cur);
	if (!x) {
		cli_prompt("[%s left] Command (s submits, r reviews, N goes to "
		           "question N): ", left);
		return;
	}
	if (x->domc && x->d.finished) {
		cli_prompt("[%s left] Question %zu is answered; a DOMC answer cannot "
		           "change. Command: ", left, r->cur + 1);
		return;
	}
	if (x->domc) {
		print_option(x);
		cli_prompt("[%s left] Is this option correct? (y/n): ", left);
		return;
	}
	switch (x->item.q->type) {
	case COURSE_Q_SINGLE:
		cli_prompt("[%s left] Answer (one letter, A-%c): ", left,
		           app_letter(x->item.n_choices - 1u));
		break;
	case COURSE_Q_MULTIPLE:
		cli_prompt("[%s left] Answer (one or more letters, A-%c): ", left,
		           app_letter(x->item.n_choices - 1u));
		break;
	case COURSE_Q_TRUEFALSE:
		cli_prompt("[%s left] Answer (true or false): ", left);
		break;
	default:
		cli_prompt("[%s left] Answer (commands start with ':'): ", left);
		break;
	}
}

static bool item_answered(const struct app_exam_item *x)
{
	return x->answered;
}

static bool item_flagged(const struct app_exam_item *x)
{
	return x->flagged;
}

static bool item_unanswered(const struct app_exam_item *x)
{
	return !x->answered;
}

/* The three lines of the review list, as a table. */
static const struct {
	const char *label;
	bool (*has)(const struct app_exam_item *x);
} review_lines[] = {
	{ "Answered", item_answered },
	{ "Flagged", item_flagged },
	{ "Unanswered", item_unanswered },
};

/* "LABEL: 1-3, 5" for the items that have the property; "none" if none. */
static void print_ranges(const struct app_exam *e, const char *label,
                         bool (*has)(const struct app_exam_item *x))
{
	size_t n = app_exam_count(e), i, start = QUIZ_NONE, count = 0;

	printf("%s: ", label);
	for (i = 0; i <= n; i++) {
		bool in = i < n && has(app_exam_item(e, i));

		if (in && start == QUIZ_NONE)
			start = i;
		if (in || start == QUIZ_NONE)
			continue;
		printf("%s%zu", count++ ? ", " : "", start + 1);
		if (i - 1 > start)
			printf("%s%zu", i - 1 == start + 1 ? ", " : "-", i);
		start = QUIZ_NONE;
	}
	puts(count ? "" : "none");
}

static void print_review(const struct app_exam *e)
{
	size_t answered, flagged, i;

	app_exam_counts(e, &answered, &flagged);
	printf("%zu of %zu answered, %zu flagged.\n", answered,
	       app_exam_count(e), flagged);
	for (i = 0; i < sizeof review_lines / sizeof review_lines[0]; i++)
		print_ranges(e, review_lines[i].label, review_lines[i].has);
}

/* ---- results ---- */

static void print_item_review(const struct app_exam_item *x)
{
	struct dt_buf yours, key;

	dt_buf_init(&yours);
	dt_buf_init(&key);
	printf("\n%zu. %s\n", x->item.number,
	       x->result.correct ? "Right." : x->answered ? "Wrong." : "Not answered.");
	cli_print_text(stdout, x->item.q->stem, "   ", NULL);
	print_choices(&x->item, 3);
	app_format_key(&x->item, &key);
	if (x->domc) {
		struct quiz_response r = { x->result.right | x->result.wrong, false,
		                           NULL, !x->answered };

		app_format_response(&x->item, &r, &yours);
		fputs("   Options you accepted: ", stdout);
	} else {
		app_format_response(&x->item, &x->r, &yours);
		fputs("   Your answer: ", stdout);
	}
	cli_put_safe(stdout, yours.data ? yours.data : "?");
	fputs(". Right answer: ", stdout);
	cli_put_safe(stdout, key.data ? key.data : "?");
	puts(".");
	if (x->item.q->explanation)
		cli_print_text(stdout, x->item.q->explanation, "   ", NULL);
	dt_buf_fini(&yours);
	dt_buf_fini(&key);
}

static void print_results(struct run *r)
{
	const struct quiz_exam_result *res = app_exam_result(r->exam);
	const struct store_attempt *at = app_exam_attempt(r->exam);
	char took[32];
	size_t i;

	if (!res)
		return;
	cli_format_duration(took, sizeof took, at->finished - at->started);
	printf("\nResult: %.0f/%.0f (%.0f%%): %s (pass mark %d%%)\n", res->score,
	       res->max_score, res->pct, res->passed ? "passed" : "not passed",
	       at->pass_mark_pct);
	printf("Answered %zu of %zu in %s%s.\n", res->n_answered, res->n_items, took,
	       at->status == STORE_ATTEMPT_EXPIRED ? " (time ran out)" : "");
	puts("By lesson:");
	for (i = 0; i < res->n_lessons; i++) {
		fputs("  ", stdout);
		cli_put_safe(stdout, cli_lesson_title(app_course(r->app),
		                                      res->lessons[i].lesson_id));
		printf(": %zu/%zu (%.0f%%)\n", res->lessons[i].n_correct,
		       res->lessons[i].n_items, res->lessons[i].pct);
	}
	if (!app_exam_shows_answers(r->exam)) {
		puts("The answers of this exam are not shown.");
		return;
	}
	puts("\nQuestions:");
	for (i = 0; i < app_exam_count(r->exam); i++)
		print_item_review(app_exam_item(r->exam, i));
}

/* ---- commands and answers ---- */

/* Milliseconds to wait for a line: until the deadline, at most a day
 * (with a stopped test clock the wait simply starts again). */
static int wait_ms(const struct run *r)
{
	int64_t left = app_exam_remaining(r->exam);

	return left > 86400 ? 86400 * 1000 : (int)(left * 1000 + 250);
}

static void move_on(struct run *r)
{
	r->cur = app_exam_next_unanswered(r->exam, r->cur);
	r->show = r->cur != QUIZ_NONE;
	if (r->cur == QUIZ_NONE)
		puts("\nEvery question is answered. Type s to submit, r to review, "
		     "or a question number to change an answer.");
}

static bool fail(struct run *r, const struct dt_error *err)
{
	if (err->code == DT_ERR_STATE) {   /* the deadline passed: results */
		printf("\n%c%s.\n", toupper((unsigned char)err->msg[0]),
		       err->msg[0] ? err->msg + 1 : "");
		r->done = true;
		return true;
	}
	cli_print_error(err);
	r->status = CLI_FAIL;
	r->done = true;
	return false;
}

static void submit(struct run *r)
{
	struct dt_error err;
	size_t answered;
	char question[64];

	app_exam_counts(r->exam, &answered, NULL);
	if (answered < app_exam_count(r->exam)) {
		if (!dt_snprintf(question, sizeof question, "Submit with %zu unanswered?",
		                 app_exam_count(r->exam) - answered) ||
		    !cli_confirm(&r->in, question, wait_ms(r))) {
			puts("Not submitted.");
			return;
		}
	}
	dt_error_clear(&err);
	if (app_exam_submit(r->exam, &err) != DT_OK && !fail(r, &err))
		return;
	r->done = true;
}

static void jump(struct run *r, const char *arg)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);

	if (*end || n < 1 || n > app_exam_count(r->exam)) {
		fputs("There is no question ", stdout);
		cli_put_safe(stdout, arg);
		printf(": the exam has %zu.\n", app_exam_count(r->exam));
		return;
	}
	r->cur = n - 1;
	r->show = true;
}

static void flag(struct run *r)
{
	const struct app_exam_item *x = app_exam_item(r->exam, r->cur);
	struct dt_error err;

	if (!x) {
		puts("Go to a question first (type its number).");
		return;
	}
	dt_error_clear(&err);
	if (app_exam_flag(r->exam, r->cur, !x->flagged, &err) != DT_OK) {
		fail(r, &err);
		return;
	}
	printf("Question %zu %s.\n", r->cur + 1,
	       x->flagged ? "flagged for review" : "no longer flagged");
}

/* A command: true when line was one (and was handled).  Commands are
 * lower case, so a capital F still answers choice F of a long question;
 * on typed-answer questions only ':'-prefixed lines are commands, since
 * an answer may well be a number. */
static bool command(struct run *r, const char *line)
{
	const struct app_exam_item *x = app_exam_item(r->exam, r->cur);
	bool prefixed = *line == ':';
	const char *c = line + prefixed;

	if (!prefixed && x && !x->domc && x->item.q->type == COURSE_Q_FILL)
		return false;
	if (*c >= '0' && *c <= '9')
		jump(r, c);
	else if (strcmp(c, "f") == 0)
		flag(r);
	else if (strcmp(c, "r") == 0)
		print_review(r->exam);
	else if (strcmp(c, "s") == 0)
		submit(r);
	else if (strcmp(c, "q") == 0)
		r->done = true;
	else if (prefixed || !x) {
		fputs("Unknown command '", stdout);
		cli_put_safe(stdout, c);
		puts("': N, f, r, s or q.");
	}
	else
		return false;
	return true;
}

static void answer_domc(struct run *r, const char *line)
{
	struct dt_error err;
	bool yes;

	if (dt_strcasecmp(line, "y") == 0 || dt_strcasecmp(line, "yes") == 0)
		yes = true;
	else if (dt_strcasecmp(line, "n") == 0 || dt_strcasecmp(line, "no") == 0)
		yes = false;
	else {
		puts("Not understood: answer y if this option is correct, else n.");
		return;
	}
	dt_error_clear(&err);
	if (app_exam_domc(r->exam, r->cur, yes, &err) != DT_OK) {
		fail(r, &err);
		return;
	}
	if (app_exam_item(r->exam, r->cur)->d.finished)
		move_on(r);
}

static void answer(struct run *r, const char *line)
{
	const struct app_exam_item *x = app_exam_item(r->exam, r->cur);
	struct quiz_response resp;
	struct dt_error err;

	dt_error_clear(&err);
	if (x->domc) {
		if (!x->d.finished)
			answer_domc(r, line);
		else
			puts("A DOMC answer cannot change: s submits, r reviews, N goes "
			     "to question N.");
		return;
	}
	if (app_parse_response(&x->item, line, &resp, &err) != DT_OK) {
		printf("Not understood: %s.\n", err.msg);
		return;
	}
	if (app_exam_answer(r->exam, r->cur, &resp, &err) != DT_OK) {
		fail(r, &err);
		return;
	}
	move_on(r);
}

static void turn(struct run *r)
{
	char line[CLI_MAX_LINE + 1];
	struct dt_error err;
	enum cli_read got;
	bool expired;

	dt_error_clear(&err);
	if (app_exam_tick(r->exam, &expired, &err) != DT_OK && !fail(r, &err))
		return;
	if (expired) {
		puts("\nTime is up: the exam was submitted with what was answered.");
		r->done = true;
		return;
	}
	if (r->show && r->cur != QUIZ_NONE) {
		print_item(r);
		app_exam_visit(r->exam, r->cur);
	}
	r->show = false;
	prompt(r);
	got = cli_read_line(&r->in, wait_ms(r), line);
	if (got == CLI_READ_EOF)
		r->done = true;
	else if (got == CLI_READ_LONG)
		puts("Not understood: that line is too long.");
	else if (got == CLI_READ_LINE && !command(r, line))
		answer(r, line);
}

static void print_start(struct run *r)
{
	const struct store_attempt *at = app_exam_attempt(r->exam);
	char left[32], limit[32];
	size_t answered;

	app_exam_counts(r->exam, &answered, NULL);
	format_left(left, sizeof left, app_exam_remaining(r->exam));
	cli_format_duration(limit, sizeof limit, at->deadline - at->started);
	if (app_exam_resumed(r->exam)) {
		fputs("Resuming ", stdout);
		cli_put_safe(stdout, at->title);
		printf(": %zu of %zu answered, %s left.\n", answered,
		       app_exam_count(r->exam), left);
	} else {
		cli_put_safe(stdout, at->title);
		printf(": %zu questions in %s, pass mark %d%%.\n",
		       app_exam_count(r->exam), limit, at->pass_mark_pct);
	}
	if (at->presentation == COURSE_PRESENT_DOMC)
		puts("Options come one at a time: answer y if the option is correct, "
		     "else n.");
	puts("Commands: N goes to question N, f flags, r reviews, s submits, q "
	     "leaves (on typed answers write :N, :f, :r, :s, :q).");
}

static void print_leave(struct run *r)
{
	const struct store_attempt *at = app_exam_attempt(r->exam);
	char left[32];
	size_t answered;

	app_exam_counts(r->exam, &answered, NULL);
	cli_format_duration(left, sizeof left, app_exam_remaining(r->exam));
	printf("\nYou left the exam with %zu of %zu answered. It stays open: %s "
	       "remain before it is submitted as it is.\nResume it with: "
	       "dockertutor exam ", answered, app_exam_count(r->exam), left);
	cli_put_safe(stdout, r->name ? r->name : at->exam);
	puts(" --plain");
}

static void print_expired_on_open(struct run *r)
{
	const struct store_attempt *at = app_exam_attempt(r->exam);
	char when[32];

	cli_format_time(when, sizeof when, at->deadline);
	fputs("Your attempt of ", stdout);
	cli_put_safe(stdout, at->title);
	printf(" ran out of time at %s; it was submitted with what was "
	       "answered.\n", when);
}

static int run_exam(struct run *r)
{
	if (!app_exam_is_open(r->exam)) {
		print_expired_on_open(r);
	} else {
		print_start(r);
		r->cur = app_exam_next_unanswered(r->exam, QUIZ_NONE);
		if (r->cur == QUIZ_NONE)
			move_on(r);
		r->show = true;
		while (!r->done)
			turn(r);
	}
	if (app_exam_is_open(r->exam) && r->status == CLI_OK)
		print_leave(r);
	else
		print_results(r);
	return r->status;
}

static int open_exam(struct app *app, const struct exam_opts *o)
{
	struct run r;
	struct course_diags diags;
	struct dt_error err;
	enum dt_status rc;
	int status;

	memset(&r, 0, sizeof r);
	dt_error_clear(&err);
	course_diags_init(&diags);
	rc = app_exam_open(app, &o->e, &r.exam, &diags, &err);
	cli_print_diags(&diags, false);
	course_diags_fini(&diags);
	if (rc == DT_ERR_NOTFOUND && !o->e.blueprint) {
		cli_errorf("you have no open exam; name one:");
		list_exams(stderr, app);
		return CLI_USAGE;
	}
	if (rc != DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	r.app = app;
	r.name = o->e.blueprint;
	r.status = CLI_OK;
	cli_input_init(&r.in, STDIN_FILENO);
	status = run_exam(&r);
	app_exam_free(r.exam);
	return status;
}

static int run(struct app *app, const void *opts)
{
	const struct exam_opts *o = opts;

	if (!o->list)
		return open_exam(app, o);
	list_exams(stdout, app);
	return CLI_OK;
}

int cmd_exam(struct cli_ctx *ctx, int argc, char **argv)
{
	struct exam_opts o;
	int status;

	memset(&o, 0, sizeof o);
	if ((status = parse_opts(argc, argv, &o)) >= 0)
		return status;
	return cli_with_app(ctx, run, &o);
}
