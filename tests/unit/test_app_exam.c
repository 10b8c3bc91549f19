/* Unit tests for the exams of src/app/: starting, answering, flagging,
 * resuming from the database alone, the deadline (ticks, answers after it,
 * expired attempts found when opening), DOMC items, results per lesson,
 * the review policy and practising an exam's mistakes; on the sample
 * course (and the screen tests' course, whose exams show their answers)
 * with a fixed clock. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/app.h"
#include "fixture_quiz.h"

#define SAMPLE "tests/content/sample"
/* The screen tests' course: ui-exam draws six questions in a fixed order
 * and shows its answers after submitting, ui-blitz never does. */
#define UI_COURSE "tests/ui/content"
#define T0 1700000000
#define LIMIT_S (90 * 60)           /* the sample final's time limit */

static int64_t now = T0;

static int64_t test_clock(void *arg)
{
	(void)arg;
	return now;
}

struct env {
	char dir[256];
	char db[320];
	char blueprint[320];
};

/* A standard, shuffled blueprint with answers shown after submitting. */
static const char blueprint_yaml[] =
	"id: class-quiz\n"
	"title: Class quiz\n"
	"time_limit: 10m\n"
	"pass_mark: 50%\n"
	"presentation: standard\n"
	"draw:\n"
	"  - {lesson: basics, count: 5}\n"
	"  - {lesson: images, count: 3}\n"
	"shuffle: {questions: true, choices: true}\n"
	"seed: 7\n"
	"review: after_submit\n";

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof *e);
	FILE *f;

	if (!e || !fixture_tmpdir(e->dir, sizeof e->dir))
		return -1;
	snprintf(e->db, sizeof e->db, "%s/test.db", e->dir);
	snprintf(e->blueprint, sizeof e->blueprint, "%s/class-quiz.yaml", e->dir);
	f = fopen(e->blueprint, "w");
	if (!f || fputs(blueprint_yaml, f) < 0 || fclose(f) != 0)
		return -1;
	now = T0;
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	fixture_rmtree(e->dir);
	free(e);
	return 0;
}

static struct app *open_course(const struct env *e, const char *content,
                               const char *learner)
{
	struct app_options o = { content, e->db, learner, 0, test_clock, NULL };
	struct dt_error err;
	struct app *app = NULL;

	if (app_open(&o, &app, NULL, &err) != DT_OK)
		fail_msg("app_open: %s", err.msg);
	return app;
}

static struct app *open_as(const struct env *e, const char *learner)
{
	return open_course(e, SAMPLE, learner);
}

static struct app_exam *open_exam(struct app *app, const char *blueprint)
{
	struct app_exam_options o = { blueprint, false, 0 };
	struct course_diags diags;
	struct dt_error err;
	struct app_exam *x = NULL;

	course_diags_init(&diags);
	if (app_exam_open(app, &o, &x, &diags, &err) != DT_OK)
		fail_msg("app_exam_open: %s (%zu problems)", err.msg, diags.n);
	course_diags_fini(&diags);
	return x;
}

static void respond(const struct course_question *q, bool right,
                    struct quiz_response *r)
{
	size_t i;

	memset(r, 0, sizeof *r);
	switch (q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		for (i = 0; i < q->n_choices; i++)
			if (q->choices[i].correct == right)
				r->picked |= 1u << i;
		break;
	case COURSE_Q_TRUEFALSE:
		r->value = right ? q->answer : !q->answer;
		break;
	default:
		r->text = !right ? "wrong" : q->n_answers ? q->answers[0]
		                                           : "docker rm web";
		break;
	}
}

/* Answers item i right or wrong, option by option when it is DOMC. */
static void answer(struct app_exam *x, size_t i, bool right)
{
	const struct app_exam_item *it = app_exam_item(x, i);
	struct quiz_response r;
	struct dt_error err;

	while (it->domc && !it->d.finished) {
		int opt = quiz_domc_next(&it->d);

		assert_int_equal(app_exam_domc(x, i, it->item.q->choices[opt].correct ==
		                                         right, &err), DT_OK);
	}
	if (!it->domc) {
		respond(it->item.q, right, &r);
		assert_int_equal(app_exam_answer(x, i, &r, &err), DT_OK);
	}
}

static void test_exam_starts_with_the_blueprint_paper(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_exam *x = open_exam(app, "final");
	const struct store_attempt *at = app_exam_attempt(x);
	const struct app_exam_item *it;
	size_t answered, flagged, i, domc = 0;

	assert_false(app_exam_resumed(x));
	assert_true(app_exam_is_open(x));
	assert_string_equal(at->exam, "final");
	assert_string_equal(at->title, "Sample final exam");
	assert_int_equal(at->presentation, COURSE_PRESENT_DOMC);
	assert_int_equal(at->pass_mark_pct, 65);
	assert_int_equal(at->started, T0);
	assert_int_equal(at->deadline, T0 + LIMIT_S);
	assert_int_equal(at->seed, 42);
	assert_int_equal(app_exam_count(x), 5);
	assert_int_equal(app_exam_remaining(x), LIMIT_S);
	assert_ptr_equal(app_exam_blueprint(x),
	                 course_find_blueprint(app_course(app), "final"));
	assert_false(app_exam_shows_answers(x));        /* review: never */
	assert_null(app_exam_result(x));
	assert_null(app_exam_item(x, 5));
	for (i = 0; i < 5; i++) {
		it = app_exam_item(x, i);
		assert_int_equal(it->item.number, i + 1);
		assert_false(it->answered);
		assert_string_equal(it->response, "");
		/* DOMC applies to choice questions only. */
		assert_int_equal(it->domc, it->item.q->type == COURSE_Q_SINGLE ||
		                           it->item.q->type == COURSE_Q_MULTIPLE);
		domc += it->domc;
		/* Draw order: three of basics, then two of images (layers). */
		assert_string_equal(it->item.q->lesson_id, i < 3 ? "basics" : "images");
	}
	assert_true(domc >= 1);
	app_exam_counts(x, &answered, &flagged);
	assert_int_equal(answered, 0);
	assert_int_equal(flagged, 0);
	assert_int_equal(app_exam_next_unanswered(x, QUIZ_NONE), 0);
	assert_int_equal(app_exam_next_unanswered(x, 4), 0);
	app_exam_free(x);
	app_close(app);
}

static void test_exam_resumes_answers_and_flags(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_exam *x = open_exam(app, "final");
	char ids[5][COURSE_MAX_ID + 1];     /* outlive the first course */
	struct quiz_response r;
	struct dt_error err;
	size_t i, answered, flagged, domc_item = QUIZ_NONE;
	int64_t attempt = app_exam_attempt(x)->id;

	for (i = 0; i < 5; i++) {
		assert_true(dt_strlcpy(ids[i], app_exam_item(x, i)->item.q->id,
		                       sizeof ids[i]));
		if (app_exam_item(x, i)->domc)
			domc_item = i;
	}
	assert_true(domc_item != QUIZ_NONE);
	answer(x, 0, true);
	answer(x, 1, false);
	/* Answering again replaces the answer. */
	answer(x, 1, true);
	assert_true(app_exam_item(x, 1)->result.correct);
	/* One option of the DOMC item, then leave it mid-way. */
	assert_int_equal(app_exam_domc(x, domc_item,
	                               !app_exam_item(x, domc_item)->item.q->choices[
	                                   quiz_domc_next(&app_exam_item(x, domc_item)->d)
	                               ].correct, &err), DT_OK);
	assert_int_equal(app_exam_flag(x, 2, true, &err), DT_OK);
	assert_int_equal(app_exam_flag(x, 9, true, &err), DT_ERR_NOTFOUND);
	respond(app_exam_item(x, domc_item)->item.q, true, &r);
	assert_int_equal(app_exam_answer(x, domc_item, &r, &err), DT_ERR_STATE);
	assert_int_equal(app_exam_domc(x, 0, true, &err), DT_ERR_STATE);
	app_exam_free(x);
	app_close(app);

	/* A new process: everything comes back from the database. */
	now += 600;
	app = open_as(e, "ann");
	x = open_exam(app, "final");
	assert_true(app_exam_resumed(x));
	assert_int_equal(app_exam_attempt(x)->id, attempt);
	assert_int_equal(app_exam_remaining(x), LIMIT_S - 600);
	for (i = 0; i < 5; i++)
		assert_string_equal(app_exam_item(x, i)->item.q->id, ids[i]);
	assert_true(app_exam_item(x, 0)->answered);
	assert_true(app_exam_item(x, 1)->answered);
	assert_true(app_exam_item(x, 1)->result.correct);
	assert_true(app_exam_item(x, 2)->flagged);
	/* The DOMC item kept its one option: decided (wrong) already. */
	assert_int_equal(app_exam_item(x, domc_item)->d.shown, 1);
	assert_true(app_exam_item(x, domc_item)->answered);
	assert_false(app_exam_item(x, domc_item)->result.correct);
	app_exam_counts(x, &answered, &flagged);
	assert_int_equal(answered, 3);
	assert_int_equal(flagged, 1);
	assert_int_equal(app_exam_flag(x, 2, false, &err), DT_OK);
	app_exam_free(x);
	/* Without a blueprint, the open attempt is resumed too. */
	x = open_exam(app, NULL);
	assert_int_equal(app_exam_attempt(x)->id, attempt);
	assert_false(app_exam_item(x, 2)->flagged);
	app_exam_free(x);
	app_close(app);
}

static void test_exam_submit_scores_per_lesson(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_exam *x = open_exam(app, "final");
	const struct quiz_exam_result *res;
	struct app_exam_options none = { NULL, false, 0 };
	struct dt_error err;
	size_t i;

	assert_non_null(x);
	/* basics right, images: one right, one unanswered: 4/5 = 80%. */
	for (i = 0; i < 4; i++)
		answer(x, i, true);
	now += 125;
	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	assert_false(app_exam_is_open(x));
	assert_int_equal(app_exam_remaining(x), 0);
	res = app_exam_result(x);
	assert_non_null(res);
	assert_int_equal(res->n_items, 5);
	assert_int_equal(res->n_answered, 4);
	assert_int_equal(res->n_correct, 4);
	assert_true(res->passed);
	assert_int_equal(res->n_lessons, 2);
	assert_string_equal(res->lessons[0].lesson_id, "basics");
	assert_int_equal(res->lessons[0].n_correct, 3);
	assert_string_equal(res->lessons[1].lesson_id, "images");
	assert_int_equal(res->lessons[1].n_items, 2);
	assert_int_equal(res->lessons[1].n_correct, 1);
	assert_int_equal(app_exam_attempt(x)->status, STORE_ATTEMPT_SUBMITTED);
	assert_int_equal(app_exam_attempt(x)->finished, T0 + 125);
	assert_int_equal(app_exam_submit(x, &err), DT_ERR_STATE);
	assert_int_equal(app_exam_flag(x, 4, true, &err), DT_ERR_STATE);
	app_exam_free(x);

	/* Closed: nothing to resume, and a new attempt starts afresh. */
	assert_int_equal(app_exam_open(app, &none, &x, NULL, &err), DT_ERR_NOTFOUND);
	assert_null(x);
	x = open_exam(app, "final");
	assert_false(app_exam_resumed(x));
	assert_false(app_exam_item(x, 0)->answered);
	app_exam_free(x);
	app_close(app);
}

static void test_exam_deadline_submits_what_was_answered(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_exam *x = open_exam(app, "final");
	struct quiz_response r;
	struct dt_error err;
	bool expired;

	answer(x, 0, true);
	now += LIMIT_S - 1;
	assert_int_equal(app_exam_tick(x, &expired, &err), DT_OK);
	assert_false(expired);
	assert_int_equal(app_exam_remaining(x), 1);
	now += 1;
	/* An answer after the deadline is refused and closes the exam. */
	respond(app_exam_item(x, 1)->item.q, true, &r);
	assert_int_equal(app_exam_answer(x, 1, &r, &err), DT_ERR_STATE);
	assert_non_null(strstr(err.msg, "time is up"));
	assert_false(app_exam_is_open(x));
	assert_int_equal(app_exam_attempt(x)->status, STORE_ATTEMPT_EXPIRED);
	assert_int_equal(app_exam_result(x)->n_answered, 1);
	assert_int_equal(app_exam_result(x)->n_correct, 1);
	assert_int_equal(app_exam_tick(x, &expired, &err), DT_OK);
	assert_false(expired);
	app_exam_free(x);
	app_close(app);
}

static void test_exam_expired_while_away(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_exam *x = open_exam(app, "final");
	struct store_attempt *hist;
	struct dt_arena arena;
	struct dt_error err;
	size_t n;

	answer(x, 0, true);
	answer(x, 1, true);
	app_exam_free(x);
	app_close(app);

	/* Back after the deadline: the attempt opens submitted, as expired. */
	now += LIMIT_S + 3600;
	app = open_as(e, "ann");
	x = open_exam(app, "final");
	assert_true(app_exam_resumed(x));
	assert_false(app_exam_is_open(x));
	assert_int_equal(app_exam_attempt(x)->status, STORE_ATTEMPT_EXPIRED);
	assert_int_equal(app_exam_result(x)->n_answered, 2);
	assert_int_equal(app_exam_result(x)->n_correct, 2);
	assert_false(app_exam_result(x)->passed);
	app_exam_free(x);

	/* An attempt of another exam left past its deadline is closed when
	 * any exam opens. */
	x = open_exam(app, "final");
	answer(x, 0, true);
	app_exam_free(x);
	now += LIMIT_S;
	x = open_exam(app, e->blueprint);
	assert_false(app_exam_resumed(x));
	assert_string_equal(app_exam_attempt(x)->exam, "class-quiz");
	app_exam_free(x);
	dt_arena_init(&arena);
	assert_int_equal(store_exam_history(app_store(app), app_learner_id(app),
	                                    "final", &arena, &hist, &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(hist[0].status, STORE_ATTEMPT_EXPIRED);
	assert_true(hist[0].score > 0.5);
	dt_arena_fini(&arena);
	app_close(app);
}

static void test_exam_domc_items(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_exam *x = open_exam(app, "final");
	const struct app_exam_item *it = NULL;
	struct app_summary sum;
	struct dt_arena arena;
	struct dt_error err;
	size_t i, pos = QUIZ_NONE, other = QUIZ_NONE, logged = 0;
	int opt;

	for (i = 0; i < app_exam_count(x); i++) {
		if (app_exam_item(x, i)->domc)
			pos = i;
		else
			other = i;
	}
	assert_true(pos != QUIZ_NONE && other != QUIZ_NONE);
	it = app_exam_item(x, pos);
	assert_false(it->d.decided);
	/* Yes to the correct option decides a single-choice item right. */
	while (!it->d.decided) {
		opt = quiz_domc_next(&it->d);
		assert_true(opt >= 0);
		assert_int_equal(app_exam_domc(x, pos, it->item.q->choices[opt].correct,
		                               &err), DT_OK);
		it = app_exam_item(x, pos);
		logged++;
	}
	assert_true(it->answered);
	assert_true(it->result.correct);
	assert_true(strncmp(it->response, "domc:", 5) == 0);
	/* The extra option, when drawn, is shown and does not count. */
	if (!it->d.finished) {
		assert_int_equal(app_exam_domc(x, pos, true, &err), DT_OK);
		it = app_exam_item(x, pos);
		assert_true(it->result.correct);
		logged++;
	}
	assert_true(it->d.finished);
	assert_int_equal(app_exam_domc(x, pos, true, &err), DT_ERR_STATE);
	/* Another item answered right, then changed to wrong. */
	answer(x, other, true);
	answer(x, other, false);
	logged += 2;
	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	assert_int_equal(app_exam_result(x)->n_correct, 1);
	app_exam_free(x);

	/* Time studied counts the two items answered, not the answers logged
	 * for them; their last answers decide which were right. */
	assert_true(logged >= 3);
	dt_arena_init(&arena);
	assert_int_equal(app_summary(app, &arena, &sum, &err), DT_OK);
	assert_int_equal(sum.studied_today.answers, 2);
	assert_int_equal(sum.studied_today.correct, 1);
	assert_int_equal(sum.studied_total.answers, 2);
	dt_arena_fini(&arena);
	app_close(app);
}

static void test_exam_from_blueprint_file_and_seed(void **state)
{
	struct env *e = *state;
	struct app *a = open_as(e, "ann"), *b;
	struct app_exam *x, *y;
	struct app_exam_options o = { NULL, true, 12345 };
	struct course_diags diags;
	struct dt_error err;
	char bad[400];
	size_t i;
	bool differs = false;
	FILE *f;

	x = open_exam(a, e->blueprint);
	assert_int_equal(app_exam_count(x), 8);
	assert_int_equal(app_exam_attempt(x)->presentation, COURSE_PRESENT_STANDARD);
	assert_int_equal(app_exam_attempt(x)->deadline, T0 + 600);
	assert_true(app_exam_shows_answers(x));
	for (i = 0; i < 8; i++)
		assert_false(app_exam_item(x, i)->domc);
	/* The blueprint's seed: every learner gets the same paper. */
	b = open_as(e, "bob");
	y = open_exam(b, e->blueprint);
	for (i = 0; i < 8; i++) {
		assert_string_equal(app_exam_item(x, i)->item.q->id,
		                    app_exam_item(y, i)->item.q->id);
		assert_memory_equal(app_exam_item(x, i)->item.order,
		                    app_exam_item(y, i)->item.order, QUIZ_MAX_CHOICES);
	}
	for (i = 0; i < 8; i++)
		answer(x, i, i % 2 == 0);
	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	assert_true(app_exam_result(x)->passed);        /* 4/8 = 50% */
	app_exam_free(x);
	app_exam_free(y);
	app_close(b);

	/* --seed replaces the blueprint's seed. */
	o.blueprint = e->blueprint;
	assert_int_equal(app_exam_open(a, &o, &x, NULL, &err), DT_OK);
	assert_int_equal(app_exam_attempt(x)->seed, 12345);
	app_exam_free(x);
	o.seed = 54321;
	b = open_as(e, "cat");
	assert_int_equal(app_exam_open(b, &o, &y, NULL, &err), DT_OK);
	x = open_exam(a, e->blueprint);                 /* resumed, seed 12345 */
	assert_int_equal(app_exam_attempt(x)->seed, 12345);
	for (i = 0; i < 8; i++)
		differs |= strcmp(app_exam_item(x, i)->item.q->id,
		                  app_exam_item(y, i)->item.q->id) != 0;
	assert_true(differs);
	app_exam_free(x);
	app_exam_free(y);
	app_close(b);

	/* Unknown ids and broken files. */
	o = (struct app_exam_options){ "finl", false, 0 };
	assert_int_equal(app_exam_open(a, &o, &x, NULL, &err), DT_ERR_NOTFOUND);
	assert_string_equal(err.msg,
	                    "the course has no exam 'finl'; did you mean 'final'?");
	snprintf(bad, sizeof bad, "%s/bad.yaml", e->dir);
	f = fopen(bad, "w");
	assert_non_null(f);
	fputs("id: bad\ntitle: Bad\ntime_limit: 10m\npass_mark: 50%\n"
	      "draw:\n  - {lesson: nowhere, count: 2}\n", f);
	fclose(f);
	o.blueprint = bad;
	course_diags_init(&diags);
	assert_int_equal(app_exam_open(a, &o, &x, &diags, &err), DT_ERR_INVALID);
	assert_true(diags.n_errors > 0);
	assert_int_equal(diags.items[0].line, 6);
	course_diags_fini(&diags);
	app_close(a);
}

static enum dt_status exam_round(struct app *app)
{
	struct app_exam_options o = { "final", false, 0 };
	struct app_exam *x = NULL;
	struct dt_error err;
	enum dt_status rc = app_exam_open(app, &o, &x, NULL, &err);

	if (rc == DT_OK) {
		struct quiz_response r = { 0, true, NULL, false };

		rc = app_exam_answer(x, 0, &r, &err);
	}
	if (rc == DT_OK)
		rc = app_exam_submit(x, &err);
	app_exam_free(x);
	return rc;
}

/* Practises the mistakes of attempt, answering the first question asked
 * wrong and every other right, until the session runs dry; ids[] gets the
 * questions in the order asked.  Returns how many were asked. */
static size_t practise_mistakes(struct app *app, int64_t attempt,
                                const char *lesson, const char **ids,
                                size_t max)
{
	struct app_practice_options o = {
		QUIZ_FROM_MISTAKES, lesson, NULL, 0, 5, attempt
	};
	const struct app_item *it;
	struct app_practice *p;
	struct app_feedback fb;
	struct quiz_response r;
	struct dt_error err;
	size_t n = 0;

	assert_int_equal(app_practice_start(app, &o, &p, &err), DT_OK);
	while (n < max && app_practice_next(p, &it)) {
		respond(it->q, n > 0, &r);
		assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
		assert_int_equal(fb.result.correct, n > 0);
		ids[n++] = it->q->id;
	}
	app_practice_free(p);
	return n;
}

static bool has_id(const char *const *ids, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

/* The mistakes of an exam: its wrong and unanswered items, each until
 * answered right, whatever the practice history says; only the learner's
 * own finished attempts of exams that show their answers. */
static void test_practise_an_exams_mistakes(void **state)
{
	struct env *e = *state;
	struct app *app = open_course(e, UI_COURSE, "ann"), *bob;
	struct app_practice_options o = { QUIZ_FROM_MISTAKES, NULL, NULL, 0, 1, 0 };
	struct store_answer a;
	struct app_practice *p = NULL;
	struct app_exam *x;
	struct dt_error err;
	const char *ids[16];
	int64_t attempt;
	size_t n;

	o.attempt = 999;
	assert_int_equal(app_practice_start(app, &o, &p, &err), DT_ERR_NOTFOUND);
	assert_null(p);
	x = open_exam(app, "ui-exam");
	attempt = app_exam_attempt(x)->id;
	/* fs-single, fs-multi (wrong), fs-tf, fs-fill (wrong), ss-single right;
	 * ss-tf left unanswered. */
	answer(x, 0, true);
	answer(x, 1, false);
	answer(x, 2, true);
	answer(x, 3, false);
	answer(x, 4, true);
	o.attempt = attempt;
	assert_int_equal(app_practice_start(app, &o, &p, &err), DT_ERR_STATE);
	assert_non_null(strstr(err.msg, "still open"));
	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	app_exam_free(x);
	/* Practice had fs-multi right since: it is still one of the exam's. */
	a = (struct store_answer){ app_learner_id(app), app_bank_id(app),
	                           "fs-multi", "0,1", true, 1, 100, now };
	assert_int_equal(store_record_answer(app_store(app), &a, NULL, &err), DT_OK);
	o.source = QUIZ_FROM_LESSON;
	o.lesson_id = "first-steps";
	assert_int_equal(app_practice_start(app, &o, &p, &err), DT_ERR_INVALID);
	o.source = QUIZ_FROM_MISTAKES;
	o.lesson_id = NULL;
	assert_int_equal(app_practice_start(app, &o, &p, &err), DT_OK);
	assert_int_equal(app_practice_pool(p), 3);
	app_practice_free(p);
	/* The first asked is answered wrong: it comes back once the others
	 * are put right, then the session is over. */
	n = practise_mistakes(app, attempt, NULL, ids, 16);
	assert_int_equal(n, 4);
	assert_true(has_id(ids, 3, "fs-multi"));
	assert_true(has_id(ids, 3, "fs-fill"));
	assert_true(has_id(ids, 3, "ss-tf"));
	assert_string_equal(ids[3], ids[0]);
	/* The lesson filter narrows them; the exam's verdict still stands. */
	n = practise_mistakes(app, attempt, "short-stop", ids, 16);
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], "ss-tf");
	/* Another learner has no such attempt. */
	bob = open_course(e, UI_COURSE, "bob");
	assert_int_equal(app_practice_start(bob, &o, &p, &err), DT_ERR_NOTFOUND);
	app_close(bob);
	/* An exam that never shows its answers does not show its mistakes. */
	x = open_exam(app, "ui-blitz");
	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	o.attempt = app_exam_attempt(x)->id;
	app_exam_free(x);
	assert_int_equal(app_practice_start(app, &o, &p, &err), DT_ERR_STATE);
	assert_string_equal(err.msg, "the answers of exam 'ui-blitz' are not shown, "
	                             "so neither are its mistakes");
	app_close(app);
}

static enum dt_status mistakes_round(struct app *app, int64_t attempt)
{
	struct app_practice_options o = {
		QUIZ_FROM_MISTAKES, NULL, NULL, 0, 1, attempt
	};
	struct app_practice *p = NULL;
	struct dt_error err;
	enum dt_status rc = app_practice_start(app, &o, &p, &err);

	if (rc == DT_OK && app_practice_pool(p) != 6)
		rc = DT_ERR_INVALID;
	app_practice_free(p);
	return rc;
}

/* Starting on an exam's mistakes with the N-th allocation failing, for
 * N = 1, 2, ...: a clean error each time. */
static void test_exam_mistakes_allocation_failures(void **state)
{
	struct env *e = *state;
	struct app *app = open_course(e, UI_COURSE, "ann");
	struct app_exam *x = open_exam(app, "ui-exam");
	int64_t attempt = app_exam_attempt(x)->id;
	struct dt_error err;
	enum dt_status rc = DT_ERR_NOMEM;
	unsigned long n;

	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	app_exam_free(x);
	for (n = 1; rc != DT_OK && n < 100000; n++) {
		dt_alloc_fail_at(n);
		rc = mistakes_round(app, attempt);
		dt_alloc_fail_at(0);
		assert_true(rc == DT_OK || rc == DT_ERR_NOMEM);
	}
	assert_int_equal(rc, DT_OK);
	assert_true(n > 3);
	app_close(app);
}

static void test_exam_allocation_failures_are_clean(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	unsigned long n;
	enum dt_status rc = DT_ERR_NOMEM;

	/* Each failed round may leave an attempt open; the next round resumes
	 * it, which walks the resume path under failures as well. */
	for (n = 1; rc != DT_OK && n < 100000; n++) {
		dt_alloc_fail_at(n);
		rc = exam_round(app);
		dt_alloc_fail_at(0);
		assert_true(rc == DT_OK || rc == DT_ERR_NOMEM || rc == DT_ERR_DB);
	}
	assert_int_equal(rc, DT_OK);
	assert_true(n > 2);
	app_close(app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_exam_starts_with_the_blueprint_paper),
		T(test_exam_resumes_answers_and_flags),
		T(test_exam_submit_scores_per_lesson),
		T(test_exam_deadline_submits_what_was_answered),
		T(test_exam_expired_while_away),
		T(test_exam_domc_items),
		T(test_exam_from_blueprint_file_and_seed),
		T(test_practise_an_exams_mistakes),
		T(test_exam_mistakes_allocation_failures),
		T(test_exam_allocation_failures_are_clean),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
