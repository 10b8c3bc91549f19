/* Unit tests for src/app/: opening (learner, bank sync, bad content, bad
 * databases), typed answers, practice sessions, progress summaries, banks,
 * reports and the fault-injection loops.  They run on the sample course in
 * tests/content/sample with a database in a private folder and a fixed
 * clock.  Exams are in test_app_exam.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/app.h"
#include "fixture_quiz.h"

#define SAMPLE "tests/content/sample"
#define T0 1700000000               /* 2023-11-14 22:13:20 UTC */
#define DAY 86400

static int64_t now = T0;

static int64_t test_clock(void *arg)
{
	(void)arg;
	return now;
}

struct env {
	char dir[256];
	char db[320];
};

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof *e);

	if (!e || !fixture_tmpdir(e->dir, sizeof e->dir))
		return -1;
	snprintf(e->db, sizeof e->db, "%s/test.db", e->dir);
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

static struct app *open_as(const struct env *e, const char *learner)
{
	struct app_options o = { SAMPLE, e->db, learner, 0, test_clock, NULL };
	struct dt_error err;
	struct app *app = NULL;

	dt_error_clear(&err);
	if (app_open(&o, &app, NULL, &err) != DT_OK)
		fail_msg("app_open: %s: %s", err.path, err.msg);
	return app;
}

/* A response that is right (or, with right false, wrong) for q. */
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
		if (!right)
			r->picked &= r->picked & -r->picked;    /* one wrong choice */
		break;
	case COURSE_Q_TRUEFALSE:
		r->value = right ? q->answer : !q->answer;
		break;
	default:
		r->text = !right ? "no idea" : q->n_answers ? q->answers[0]
		                                             : "docker rm web";
		break;
	}
}

/* ---- opening ---- */

/* The names of every profile in the database, comma-separated. */
static const char *profiles(struct app *app, char *out, size_t size)
{
	struct store_learner *all;
	struct dt_arena arena;
	struct dt_error err;
	size_t n, i, len = 0;

	out[0] = '\0';
	dt_arena_init(&arena);
	assert_int_equal(store_learners(app_store(app), &arena, &all, &n, &err),
	                 DT_OK);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? "," : "",
		                        all[i].name);
	dt_arena_fini(&arena);
	return out;
}

/* Opening finds the learner but makes the profile only with the first
 * thing recorded: reading commands on a shared database leave none. */
static void test_open_finds_learner_and_syncs_bank(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct store_bank *banks;
	struct app_summary s;
	struct dt_arena arena;
	struct dt_error err;
	char names[256];
	int64_t id;
	size_t n;

	assert_string_equal(app_learner(app), "ann");
	assert_string_equal(app_course(app)->id, "sample-course");
	assert_string_equal(app_db_path(app), e->db);
	assert_int_equal(app_now(app), T0);
	dt_arena_init(&arena);
	assert_int_equal(store_banks(app_store(app), &arena, &banks, &n, &err), DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(banks[0].name, "course:sample-course");
	assert_int_equal(banks[0].n_questions, 8);
	/* Reads see an empty profile and create nothing. */
	assert_int_equal(app_learner_id(app), 0);
	assert_int_equal(app_summary(app, &arena, &s, &err), DT_OK);
	assert_int_equal(s.sections_read, 0);
	assert_int_equal(s.n_exams, 0);
	assert_int_equal(app_reset(app, NULL, &err), DT_OK);
	assert_string_equal(profiles(app, names, sizeof names), "");
	/* The first write does. */
	assert_int_equal(app_mark_read(app, "basics", "running", &err), DT_OK);
	id = app_learner_id(app);
	assert_true(id > 0);
	assert_string_equal(profiles(app, names, sizeof names), "ann");
	dt_arena_fini(&arena);
	app_close(app);

	app = open_as(e, "ann");
	assert_int_equal(app_learner_id(app), id);
	app_close(app);
	app = open_as(e, "bob");
	assert_int_equal(app_learner_id(app), 0);
	assert_string_equal(profiles(app, names, sizeof names), "ann");
	app_close(app);
}

static void test_open_reports_content_errors(void **state)
{
	struct env *e = *state;
	struct app_options o = { NULL, e->db, "ann", 0, test_clock, NULL };
	struct course_diags diags;
	struct dt_error err;
	struct app *app = (struct app *)&o;
	char course[400];
	FILE *f;

	snprintf(course, sizeof course, "%s/course.yaml", e->dir);
	f = fopen(course, "w");
	assert_non_null(f);
	fputs("id: broken\ntitle: [unclosed\n", f);
	fclose(f);
	o.content_dir = e->dir;
	course_diags_init(&diags);
	assert_int_equal(app_open(&o, &app, &diags, &err), DT_ERR_INVALID);
	assert_null(app);
	assert_true(diags.n_errors > 0);
	assert_string_equal(err.path, e->dir);
	assert_non_null(strstr(diags.items[0].file, "course.yaml"));
	assert_true(diags.items[0].line > 0);
	course_diags_fini(&diags);
	/* Without diags the problems are still counted. */
	assert_int_equal(app_open(&o, &app, NULL, &err), DT_ERR_INVALID);
	assert_non_null(strstr(err.msg, "error"));
}

static void test_open_leaves_a_bad_database_untouched(void **state)
{
	static const char junk[] = "this is not a database, just some text\n";
	struct env *e = *state;
	struct app_options o = { SAMPLE, e->db, "ann", 0, test_clock, NULL };
	struct dt_error err;
	struct app *app;
	char *data;
	size_t len;
	FILE *f = fopen(e->db, "w");

	assert_non_null(f);
	fputs(junk, f);
	fclose(f);
	assert_int_not_equal(app_open(&o, &app, NULL, &err), DT_OK);
	assert_null(app);
	assert_string_equal(err.path, e->db);
	assert_true(err.msg[0] != '\0');
	assert_int_equal(dt_read_file(e->db, 4096, &data, &len, &err), DT_OK);
	assert_string_equal(data, junk);
	dt_free(data);
}

static void test_open_rejects_bad_learner_names(void **state)
{
	struct env *e = *state;
	struct app_options o = { SAMPLE, e->db, "", 0, test_clock, NULL };
	char longname[200];
	struct dt_error err;
	struct app *app;

	assert_int_equal(app_open(&o, &app, NULL, &err), DT_ERR_INVALID);
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	o.learner = longname;
	assert_int_equal(app_open(&o, &app, NULL, &err), DT_ERR_LIMIT);
	o.learner = "esc\033[2J";  /* refused before anything is written */
	assert_int_equal(app_open(&o, &app, NULL, &err), DT_ERR_INVALID);
	o.learner = NULL;           /* the login name */
	assert_int_equal(app_open(&o, &app, NULL, &err), DT_OK);
	assert_true(strlen(app_learner(app)) > 0);
	{
		char login[APP_MAX_LEARNER + 1], tiny[2];

		assert_int_equal(app_default_learner(login, sizeof login, &err), DT_OK);
		assert_string_equal(app_learner(app), login);
		assert_int_equal(app_default_learner(tiny, sizeof tiny, &err),
		                 DT_ERR_LIMIT);
		assert_non_null(strstr(err.msg, "--learner NAME"));
	}
	app_close(app);
}

/* ---- typed answers ---- */

static void test_parse_and_format_responses(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	const struct course *c = app_course(app);
	struct app_item single = { course_find_question(c, "basics-kernel-features"),
	                           1, { 2, 0, 1 }, 3 };
	struct app_item multi = { course_find_question(c, "basics-run-steps"),
	                          1, { 1, 2, 0 }, 3 };
	struct app_item tf = { course_find_question(c, "basics-container-is-vm"),
	                       1, { 0 }, 0 };
	struct app_item fill = { course_find_question(c, "basics-list-flag"),
	                         1, { 0 }, 0 };
	struct quiz_response r;
	struct dt_error err;
	struct dt_buf b;

	/* Letters name the display order: C shows content choice 1. */
	assert_int_equal(app_parse_response(&single, " c ", &r, &err), DT_OK);
	assert_int_equal(r.picked, 1u << 1);
	assert_int_equal(app_parse_response(&single, "A,B", &r, &err), DT_ERR_SYNTAX);
	assert_string_equal(err.msg, "answer with one letter from A to C");
	assert_int_equal(app_parse_response(&single, "D", &r, &err), DT_ERR_SYNTAX);
	assert_int_equal(app_parse_response(&single, "", &r, &err), DT_ERR_SYNTAX);
	assert_int_equal(app_parse_response(&multi, "A,c", &r, &err), DT_OK);
	assert_int_equal(r.picked, (1u << 1) | (1u << 0));
	assert_int_equal(app_parse_response(&multi, "ab", &r, &err), DT_OK);
	assert_int_equal(r.picked, (1u << 1) | (1u << 2));
	assert_int_equal(app_parse_response(&multi, "A A", &r, &err), DT_ERR_SYNTAX);
	assert_int_equal(app_parse_response(&multi, "A;B", &r, &err), DT_ERR_SYNTAX);
	assert_int_equal(app_parse_response(&tf, "No", &r, &err), DT_OK);
	assert_false(r.value);
	assert_int_equal(app_parse_response(&tf, "t", &r, &err), DT_OK);
	assert_true(r.value);
	assert_int_equal(app_parse_response(&tf, "maybe", &r, &err), DT_ERR_SYNTAX);
	assert_string_equal(err.msg, "answer true or false");
	assert_int_equal(app_parse_response(&fill, "  --all ", &r, &err), DT_OK);
	assert_string_equal(r.text, "  --all ");
	assert_int_equal(app_parse_response(&fill, "   ", &r, &err), DT_ERR_SYNTAX);

	dt_buf_init(&b);
	assert_true(app_format_key(&single, &b));
	assert_string_equal(b.data, "C");
	dt_buf_reset(&b);
	assert_true(app_format_key(&multi, &b));
	assert_string_equal(b.data, "A, C");
	dt_buf_reset(&b);
	app_format_key(&tf, &b);
	assert_string_equal(b.data, "false");
	dt_buf_reset(&b);
	app_format_key(&fill, &b);
	assert_string_equal(b.data, "-a");
	dt_buf_reset(&b);
	r = (struct quiz_response){ (1u << 0) | (1u << 2), false, NULL, false };
	app_format_response(&multi, &r, &b);
	assert_string_equal(b.data, "B, C");
	dt_buf_reset(&b);
	r.blank = true;
	app_format_response(&multi, &r, &b);
	assert_string_equal(b.data, "(no answer)");
	dt_buf_fini(&b);
	app_close(app);
}

/* ---- practice ---- */

static void test_practice_stores_answer_with_review_state(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_practice_options po = {
		QUIZ_FROM_LESSON, "basics", NULL, 1, 7, 0
	};
	struct store_lesson_progress *lp;
	struct app_practice_summary sum;
	const struct app_item *it;
	struct app_practice *p;
	struct app_feedback fb;
	struct quiz_response r;
	struct quiz_review rev;
	struct dt_arena arena;
	struct dt_error err;
	size_t n;

	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	assert_int_equal(app_practice_pool(p), 5);
	assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_ERR_STATE);
	assert_true(app_practice_next(p, &it));
	assert_int_equal(it->number, 1);
	assert_string_equal(it->q->lesson_id, "basics");
	respond(it->q, true, &r);
	assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
	assert_true(fb.result.correct);
	assert_ptr_equal(fb.explanation, it->q->explanation);
	assert_true(fb.ms >= 0);
	assert_int_equal(fb.review.reps, 1);
	assert_int_equal(fb.review.last_review, T0);
	assert_true(fb.review.due > T0);
	assert_false(app_practice_next(p, &it));        /* count reached */
	app_practice_summary(p, &sum);
	assert_int_equal(sum.asked, 1);
	assert_int_equal(sum.correct, 1);
	assert_int_equal(sum.n_lessons, 1);
	assert_string_equal(sum.lessons[0].lesson_id, "basics");
	app_practice_free(p);

	/* What the database kept, read back from a fresh connection. */
	app_close(app);
	app = open_as(e, "ann");
	dt_arena_init(&arena);
	assert_int_equal(store_lesson_progress(app_store(app), app_learner_id(app),
	                                       app_bank_id(app), &arena, &lp, &n,
	                                       &err), DT_OK);
	assert_string_equal(lp[0].lesson, "basics");
	assert_int_equal(lp[0].n_answers, 1);
	assert_int_equal(lp[0].n_correct, 1);
	assert_int_equal(lp[1].n_answers, 0);
	dt_arena_fini(&arena);
	assert_int_equal(store_reviews_due(app_store(app), app_learner_id(app),
	                                   app_bank_id(app), fb.review.due, &n,
	                                   &err), DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_get_review(app_store(app), app_learner_id(app),
	                                  app_bank_id(app), "basics-kernel-features",
	                                  &rev, &err), DT_OK);
	app_close(app);
}

static void test_practice_never_repeats_and_shuffles(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_practice_options po = {
		QUIZ_FROM_LESSON, "basics", NULL, 40, 3, 0
	};
	const struct course_question *last = NULL;
	const struct app_item *it;
	struct app_practice *p;
	struct app_feedback fb;
	struct quiz_response r;
	struct dt_error err;
	unsigned first_pos = 0, asked = 0;
	bool seen[5] = { false };
	size_t i;

	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	while (app_practice_next(p, &it)) {
		assert_ptr_not_equal(it->q, last);
		/* The first five are the five questions of the lesson. */
		for (i = 0; asked < 5 && i < 5; i++)
			if (&app_course(app)->questions[i] == it->q) {
				assert_false(seen[i]);
				seen[i] = true;
			}
		if (it->q->type == COURSE_Q_SINGLE)
			first_pos |= 1u << it->order[0];
		respond(it->q, asked % 3 != 0, &r);
		assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
		last = it->q;
		asked++;
		now += 60;
	}
	assert_int_equal(asked, 40);
	for (i = 0; i < 5; i++)
		assert_true(seen[i]);
	/* Choices are shuffled: the first letter is not always one choice. */
	assert_true(first_pos & (first_pos - 1));
	app_practice_free(p);
	app_close(app);
}

static void test_practice_mistakes_and_review(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_practice_options po = {
		QUIZ_FROM_LESSON, "images", NULL, 3, 11, 0
	};
	const struct app_item *it;
	struct app_practice *p;
	struct app_feedback fb;
	struct quiz_response r;
	struct dt_error err;
	const char *wrong_id = NULL;
	size_t k = 0;

	/* Nothing to go over yet. */
	po.source = QUIZ_FROM_MISTAKES;
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	assert_false(app_practice_next(p, &it));
	app_practice_free(p);

	/* Answer the three questions of the lesson, one of them wrong. */
	po.source = QUIZ_FROM_LESSON;
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	while (app_practice_next(p, &it)) {
		respond(it->q, k != 1, &r);
		if (k++ == 1)
			wrong_id = it->q->id;
		assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
	}
	app_practice_free(p);

	/* Mistakes offers just that one; answered right, it is gone. */
	po.source = QUIZ_FROM_MISTAKES;
	po.lesson_id = NULL;
	po.count = 0;
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	assert_true(app_practice_next(p, &it));
	assert_string_equal(it->q->id, wrong_id);
	respond(it->q, true, &r);
	assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
	assert_false(app_practice_next(p, &it));
	app_practice_free(p);

	/* Review: nothing of images is due now; a month later all three are,
	 * and the new questions of basics follow them. */
	po.source = QUIZ_FROM_REVIEW;
	po.lesson_id = "images";
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	assert_false(app_practice_next(p, &it));
	app_practice_free(p);
	now += 400 * DAY;
	po.lesson_id = NULL;
	po.count = 4;
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	for (k = 0; k < 4; k++) {
		assert_true(app_practice_next(p, &it));
		assert_string_equal(it->q->lesson_id, k < 3 ? "images" : "basics");
		respond(it->q, true, &r);
		assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
	}
	app_practice_free(p);
	app_close(app);
}

static void test_practice_tag_and_unknown_names(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_practice_options po = {
		QUIZ_FROM_TAG, NULL, "layers", 0, 5, 0
	};
	const struct app_item *it;
	struct app_practice *p;
	struct dt_error err;

	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	assert_int_equal(app_practice_pool(p), 3);
	assert_true(app_practice_next(p, &it));
	app_practice_free(p);
	po.tag = "layer";
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_ERR_NOTFOUND);
	assert_string_equal(err.msg,
	                    "no question has the tag 'layer'; did you mean 'layers'?");
	po = (struct app_practice_options){
		QUIZ_FROM_LESSON, "basic", NULL, 0, 5, 0
	};
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_ERR_NOTFOUND);
	assert_string_equal(err.msg,
	                    "the course has no lesson 'basic'; did you mean 'basics'?");
	po.lesson_id = NULL;
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_ERR_INVALID);
	app_close(app);
}

/* ---- progress ---- */

static void test_summary_counts_everything(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_practice_options po = {
		QUIZ_FROM_LESSON, "basics", NULL, 2, 9, 0
	};
	struct app_exam_options xo = { "final", false, 0 };
	const struct app_item *it;
	struct app_practice *p;
	struct app_exam *x;
	struct app_feedback fb;
	struct app_summary s;
	struct quiz_response r;
	struct dt_arena arena;
	struct dt_error err;
	size_t i, n;

	assert_int_equal(app_mark_read(app, "basics", "running", &err), DT_OK);
	assert_int_equal(app_mark_read(app, "basics", "gone-section", &err), DT_OK);
	assert_int_equal(app_record_hint(app, "first-dockerfile", 1, &err), DT_OK);
	assert_int_equal(app_record_exercise(app, "first-dockerfile", false, 1, &err), DT_OK);
	assert_int_equal(app_record_hint(app, "first-dockerfile", 2, &err), DT_OK);
	assert_int_equal(app_record_exercise(app, "first-dockerfile", true, 2, &err), DT_OK);
	assert_int_equal(app_record_exercise(app, "nope", true, 0, &err), DT_ERR_NOTFOUND);
	assert_int_equal(app_record_hint(app, "nope", 1, &err), DT_ERR_NOTFOUND);
	assert_int_equal(app_record_hint(app, "first-dockerfile", 3, &err),
	                 DT_ERR_INVALID);
	assert_string_equal(err.msg, "exercise 'first-dockerfile' has 2 hints, not 3");
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	for (i = 0; app_practice_next(p, &it); i++) {
		respond(it->q, i == 0, &r);
		assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
	}
	app_practice_free(p);
	/* An exam with every item right on basics, nothing on images. */
	assert_int_equal(app_exam_open(app, &xo, &x, NULL, &err), DT_OK);
	for (i = 0; i < app_exam_count(x); i++) {
		const struct app_exam_item *xi = app_exam_item(x, i);

		if (strcmp(xi->item.q->lesson_id, "basics") != 0)
			continue;
		respond(xi->item.q, true, &r);
		assert_int_equal(app_exam_answer(x, i, &r, &err), DT_OK);
	}
	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	app_exam_free(x);

	dt_arena_init(&arena);
	assert_int_equal(app_summary(app, &arena, &s, &err), DT_OK);
	assert_int_equal(s.n_lessons, 2);
	assert_string_equal(s.lessons[0].lesson->id, "basics");
	assert_int_equal(s.lessons[0].sections_read, 1);
	assert_int_equal(s.lessons[0].sections_total, 2);
	assert_int_equal(s.lessons[0].questions, 5);
	assert_int_equal(s.lessons[0].answers, 2);
	assert_int_equal(s.lessons[0].correct, 1);
	assert_int_equal(s.lessons[0].seen, 2);
	assert_int_equal(s.lessons[0].mastered, 1);
	assert_int_equal(s.lessons[0].exercises_passed, 1);
	assert_int_equal(s.lessons[0].exercises_total, 1);
	assert_true(fabs(s.lessons[0].best_exam_pct - 100.0) < 1e-9);
	assert_true(fabs(s.lessons[1].best_exam_pct) < 1e-9);
	assert_int_equal(s.lessons[1].answers, 0);
	assert_int_equal(s.sections_read, 1);
	assert_int_equal(s.sections_total, 3);
	assert_int_equal(s.exercises_passed, 1);
	assert_int_equal(s.n_exams, 1);
	assert_int_equal(s.exams[0].status, STORE_ATTEMPT_SUBMITTED);
	assert_int_equal(s.n_exercises, app_course(app)->n_exercises);
	assert_string_equal(s.exercises[0].exercise->id, "first-dockerfile");
	assert_int_equal(s.exercises[0].attempts, 2);
	assert_true(s.exercises[0].passed);
	assert_int_equal(s.exercises[0].first_pass, T0);
	assert_int_equal(s.exercises[0].attempts_to_pass, 2);
	assert_int_equal(s.exercises[0].hints, 2);
	/* Both answers schedule a review within the week, the wrong one
	 * (tomorrow) before the right one; none is due today. */
	assert_int_equal(s.reviews_due, 0);
	assert_int_equal(s.forecast[0], 0);
	assert_int_equal(s.forecast[1], 1);
	for (i = 2, n = 0; i < APP_FORECAST_DAYS; i++)
		n += s.forecast[i];
	assert_int_equal(n, 1);
	assert_true(s.day_start <= T0 && s.day_start > T0 - DAY);
	assert_true(s.studied_total.answers >= 2);
	assert_int_equal(s.studied_week.answers, s.studied_total.answers);
	dt_arena_fini(&arena);

	/* Reset one lesson, then everything. */
	assert_int_equal(app_reset(app, "basic", &err), DT_ERR_NOTFOUND);
	assert_int_equal(app_reset(app, "basics", &err), DT_OK);
	dt_arena_init(&arena);
	assert_int_equal(app_summary(app, &arena, &s, &err), DT_OK);
	assert_int_equal(s.lessons[0].answers, 0);
	assert_int_equal(s.lessons[0].sections_read, 0);
	assert_int_equal(s.n_exams, 1);
	dt_arena_fini(&arena);
	assert_int_equal(app_reset(app, NULL, &err), DT_OK);
	dt_arena_init(&arena);
	assert_int_equal(app_summary(app, &arena, &s, &err), DT_OK);
	assert_int_equal(s.n_exams, 0);
	dt_arena_fini(&arena);
	app_close(app);
}

/* Asserts the learner's last reading position (lesson NULL: none). */
static void last_is(struct app *app, const char *lesson, const char *section,
                    int depth)
{
	const char *l, *sec;
	struct dt_arena arena;
	struct dt_error err;
	int d = -1;

	dt_arena_init(&arena);
	assert_int_equal(app_last_position(app, &arena, &l, &sec, &d, &err), DT_OK);
	if (!lesson) {
		assert_null(l);
		assert_null(sec);
	} else {
		assert_string_equal(l, lesson);
		assert_string_equal(sec, section);
	}
	assert_int_equal(d, depth);
	dt_arena_fini(&arena);
}

/* "Continue where you left off": the position set last, in whichever
 * lesson, also within one second of the clock; asking makes no profile;
 * each learner has their own. */
static void test_last_position(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann"), *bob;
	struct dt_error err;

	last_is(app, NULL, NULL, 0);
	assert_int_equal(app_learner_id(app), 0);
	assert_int_equal(app_set_position(app, "basics", "running", 2500, &err),
	                 DT_OK);
	assert_int_equal(app_set_position(app, "images", "layers", 0, &err),
	                 DT_OK);
	last_is(app, "images", "layers", 0);
	assert_int_equal(app_set_position(app, "basics", "running",
	                                  STORE_DEPTH_SCALE, &err), DT_OK);
	last_is(app, "basics", "running", STORE_DEPTH_SCALE);
	bob = open_as(e, "bob");
	last_is(bob, NULL, NULL, 0);
	app_close(bob);
	/* Reset, the lesson's position goes: the other one is the last. */
	assert_int_equal(app_reset(app, "basics", &err), DT_OK);
	last_is(app, "images", "layers", 0);
	app_close(app);
}

static void test_progress_moves_between_databases(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	struct app_practice_options po = {
		QUIZ_FROM_LESSON, "images", NULL, 3, 2, 0
	};
	struct store_import_stats st;
	struct app_summary a, b;
	const struct app_item *it;
	struct app_practice *p;
	struct app_feedback fb;
	struct quiz_response r;
	struct dt_arena arena;
	struct dt_error err;
	struct dt_buf doc;
	struct env other;

	assert_int_equal(app_mark_read(app, "images", "layers", &err), DT_OK);
	assert_int_equal(app_practice_start(app, &po, &p, &err), DT_OK);
	while (app_practice_next(p, &it)) {
		respond(it->q, true, &r);
		assert_int_equal(app_practice_answer(p, &r, &fb, &err), DT_OK);
	}
	app_practice_free(p);
	dt_buf_init(&doc);
	assert_int_equal(app_progress_export(app, &doc, &err), DT_OK);
	dt_arena_init(&arena);
	assert_int_equal(app_summary(app, &arena, &a, &err), DT_OK);
	app_close(app);

	other = *e;
	snprintf(other.db, sizeof other.db, "%s/other.db", e->dir);
	app = open_as(&other, "ann");
	assert_int_equal(app_progress_import(app, doc.data, doc.len, &st, &err), DT_OK);
	assert_int_equal(st.added, 1 + 3 + 3);     /* a section, answers, reviews */
	assert_int_equal(app_progress_import(app, doc.data, doc.len, &st, &err), DT_OK);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.duplicates, 7);
	assert_int_equal(app_summary(app, &arena, &b, &err), DT_OK);
	assert_int_equal(b.lessons[1].answers, a.lessons[1].answers);
	assert_int_equal(b.lessons[1].correct, 3);
	assert_int_equal(b.lessons[1].sections_read, 1);
	assert_int_equal(b.forecast[3] + b.forecast[4] + b.forecast[5],
	                 a.forecast[3] + a.forecast[4] + a.forecast[5]);
	assert_int_equal(app_progress_import(app, "{}", 2, &st, &err), DT_ERR_SYNTAX);
	dt_arena_fini(&arena);
	dt_buf_fini(&doc);
	app_close(app);
}

/* ---- banks ---- */

static void test_bank_import_export_and_find(void **state)
{
	struct env *e = *state;
	struct app *app = open_as(e, "ann");
	const struct course_question **qs, *q;
	enum course_bank_format f;
	struct course_diags diags;
	struct dt_arena arena;
	struct dt_error err;
	const char *bank;
	char path[400];
	size_t n;
	FILE *file;

	assert_true(app_bank_format_guess("x/y.GIFT", &f));
	assert_int_equal(f, COURSE_BANK_GIFT);
	assert_true(app_bank_format_guess("bank.txt", &f));
	assert_int_equal(f, COURSE_BANK_AIKEN);
	assert_true(app_bank_format_guess("bank.yml", &f));
	assert_int_equal(f, COURSE_BANK_YAML);
	assert_false(app_bank_format_guess("bank.csv", &f));
	assert_false(app_bank_format_guess("gift", &f));
	assert_true(app_bank_format_parse("Aiken", &f));
	assert_string_equal(app_bank_format_name(f), "aiken");

	course_diags_init(&diags);
	assert_int_equal(app_bank_import(app, "data/samples/extra-questions.gift",
	                                 COURSE_BANK_GIFT, NULL, &diags, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 5);
	assert_int_equal(diags.n_errors, 0);
	course_diags_fini(&diags);
	dt_arena_init(&arena);
	assert_int_equal(app_bank_questions(app, "extra-questions.gift", NULL, &arena,
	                                    &qs, &n, &err), DT_OK);
	assert_int_equal(n, 5);
	assert_int_equal(app_bank_questions(app, NULL, "images", &arena, &qs, &n,
	                                    &err), DT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(app_bank_questions(app, "nope", NULL, &arena, &qs, &n,
	                                    &err), DT_ERR_NOTFOUND);
	assert_int_equal(app_find_question(app, "stop-signal", &arena, &q, &bank,
	                                   &err), DT_OK);
	assert_string_equal(bank, "extra-questions.gift");
	assert_int_equal(q->type, COURSE_Q_TRUEFALSE);
	assert_int_equal(app_find_question(app, "images-layers-shared", &arena, &q,
	                                   &bank, &err), DT_OK);
	assert_string_equal(bank, "course");
	assert_int_equal(app_find_question(app, "nope", &arena, &q, &bank, &err),
	                 DT_ERR_NOTFOUND);
	dt_arena_fini(&arena);

	/* A broken file: every problem with its line, nothing stored. */
	snprintf(path, sizeof path, "%s/broken.gift", e->dir);
	file = fopen(path, "w");
	assert_non_null(file);
	fputs("::ok::Fine?{T}\n\n::m::Match these{=a -> b =c -> d}\n", file);
	fclose(file);
	course_diags_init(&diags);
	assert_int_equal(app_bank_import(app, path, COURSE_BANK_GIFT, "broken",
	                                 &diags, &n, &err), DT_ERR_INVALID);
	assert_true(diags.n_errors >= 1);
	assert_int_equal(diags.items[0].line, 3);
	course_diags_fini(&diags);
	dt_arena_init(&arena);
	assert_int_equal(app_bank_questions(app, "broken", NULL, &arena, &qs, &n,
	                                    &err), DT_ERR_NOTFOUND);
	dt_arena_fini(&arena);
	app_close(app);
}

/* ---- reports ---- */

/* Sits the sample final exam for learner, answering items right when
 * their bit in right_mask is set, then submits. */
static void sit_final(const struct env *e, const char *learner,
                      unsigned right_mask)
{
	struct app_exam_options xo = { "final", false, 0 };
	struct app *app = open_as(e, learner);
	struct quiz_response r;
	struct app_exam *x;
	struct dt_error err;
	size_t i;

	assert_int_equal(app_exam_open(app, &xo, &x, NULL, &err), DT_OK);
	for (i = 0; i < app_exam_count(x); i++) {
		const struct app_exam_item *it = app_exam_item(x, i);
		bool right = (right_mask >> i) & 1u;

		while (it->domc && !it->d.finished) {
			int opt = quiz_domc_next(&it->d);
			bool yes = it->item.q->choices[opt].correct == right;

			assert_int_equal(app_exam_domc(x, i, yes, &err), DT_OK);
			it = app_exam_item(x, i);
		}
		if (!it->domc) {
			respond(it->item.q, right, &r);
			assert_int_equal(app_exam_answer(x, i, &r, &err), DT_OK);
		}
	}
	assert_int_equal(app_exam_submit(x, &err), DT_OK);
	app_exam_free(x);
	app_close(app);
}

static void test_report_item_analysis_and_distractors(void **state)
{
	struct env *e = *state;
	struct app *app;
	struct app_report r;
	struct dt_arena arena;
	struct dt_error err;
	const char **ids;
	size_t n, i;

	sit_final(e, "amy", 0x1f);          /* 5/5 */
	now += 60;
	sit_final(e, "ben", 0x07);          /* 3/5 */
	now += 60;
	sit_final(e, "cat", 0x01);          /* 1/5 */
	app = open_as(e, "teacher");
	dt_arena_init(&arena);
	assert_int_equal(app_report_exams(app, &arena, &ids, &n, &err), DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ids[0], "final");
	{
		char names[256];

		/* Reading the reports made no profile for the instructor. */
		assert_string_equal(profiles(app, names, sizeof names), "amy,ben,cat");
	}
	assert_int_equal(app_report(app, "nope", &arena, &r, &err), DT_ERR_NOTFOUND);
	assert_int_equal(app_report(app, "final", &arena, &r, &err), DT_OK);
	assert_string_equal(r.title, "Sample final exam");
	assert_int_equal(r.attempts.n, 3);
	assert_int_equal(r.learners, 3);
	assert_string_equal(r.attempts.attempts[0].learner_name, "amy");
	assert_true(r.attempts.attempts[0].passed);
	assert_false(r.attempts.attempts[1].passed);   /* 60% < 65% */
	assert_int_equal(r.n_questions, 5);
	assert_int_equal(r.test.n_attempts, 3);
	for (i = 0; i < r.n_questions; i++) {
		const struct app_report_question *q = &r.questions[i];
		double facility = i == 0 ? 100.0 : i < 3 ? 200.0 / 3 : 100.0 / 3;

		assert_non_null(q->q);
		assert_int_equal(q->stats.n, 3);
		assert_int_equal(q->responses, 3);
		assert_true(fabs(q->stats.facility - facility) < 1e-6);
		if (i == 0)
			assert_true(isnan(q->stats.discrimination));
		else
			assert_true(q->stats.discrimination > 0);
		if (q->picks) {     /* the last, a DOMC single choice */
			size_t j, right = 0, picked = 0;

			for (j = 0; j < q->q->n_choices; j++) {
				picked += q->picks[j];
				if (q->q->choices[j].correct)
					right += q->picks[j];
			}
			assert_int_equal(right, 1);     /* amy only */
			assert_int_equal(picked + q->none + q->blank, 3);
		}
	}
	assert_false(isnan(r.test.alpha));
	dt_arena_fini(&arena);
	app_close(app);
}

/* ---- allocation failures ---- */

/* Runs fn with the n-th allocation failing for n = 1, 2, ... until it
 * succeeds: every failure must be a clean error (ASan and valgrind see
 * leaks).  Returns how many allocations the successful run made. */
static unsigned long fail_each_allocation(const struct env *e, struct app *app,
                                          enum dt_status (*fn)(const struct env *,
                                                               struct app *))
{
	unsigned long n;
	enum dt_status rc = DT_ERR_NOMEM;

	for (n = 1; rc != DT_OK && n < 100000; n++) {
		dt_alloc_fail_at(n);
		rc = fn(e, app);
		dt_alloc_fail_at(0);
		assert_true(rc == DT_OK || rc == DT_ERR_NOMEM || rc == DT_ERR_DB);
	}
	assert_int_equal(rc, DT_OK);
	return n - 1;
}

static enum dt_status open_close(const struct env *e, struct app *unused)
{
	struct app_options o = { SAMPLE, e->db, "ann", 0, test_clock, NULL };
	struct dt_error err;
	struct app *app;
	enum dt_status rc = app_open(&o, &app, NULL, &err);

	(void)unused;
	app_close(app);
	return rc;
}

static enum dt_status practise_once(const struct env *e, struct app *app)
{
	struct app_practice_options po = {
		QUIZ_FROM_UNSEEN, NULL, NULL, 1, 1, 0
	};
	const struct app_item *it;
	struct app_practice *p = NULL;
	struct app_feedback fb;
	struct quiz_response r;
	struct dt_error err;
	enum dt_status rc = app_practice_start(app, &po, &p, &err);

	(void)e;
	if (rc == DT_OK && app_practice_next(p, &it)) {
		respond(it->q, true, &r);
		rc = app_practice_answer(p, &r, &fb, &err);
	}
	app_practice_free(p);
	return rc;
}

static enum dt_status summarise(const struct env *e, struct app *app)
{
	struct app_summary s;
	struct dt_arena arena;
	struct dt_error err;
	enum dt_status rc;

	(void)e;
	dt_arena_init(&arena);
	rc = app_summary(app, &arena, &s, &err);
	dt_arena_fini(&arena);
	return rc;
}

static enum dt_status report(const struct env *e, struct app *app)
{
	struct app_report r;
	struct dt_arena arena;
	struct dt_error err;
	enum dt_status rc;

	(void)e;
	dt_arena_init(&arena);
	rc = app_report(app, "final", &arena, &r, &err);
	dt_arena_fini(&arena);
	return rc;
}

static enum dt_status report_exams(const struct env *e, struct app *app)
{
	const char **ids;
	struct dt_arena arena;
	struct dt_error err;
	enum dt_status rc;
	size_t n;

	(void)e;
	dt_arena_init(&arena);
	rc = app_report_exams(app, &arena, &ids, &n, &err);
	if (rc == DT_OK && (n != 1 || strcmp(ids[0], "final") != 0))
		rc = DT_ERR_INVALID;
	dt_arena_fini(&arena);
	return rc;
}

/* Where the learner read last; NOMEM leaves nothing half-read. */
static enum dt_status read_last(const struct env *e, struct app *app)
{
	const char *lesson, *section;
	struct dt_arena arena;
	struct dt_error err;
	enum dt_status rc;
	int depth;

	(void)e;
	dt_arena_init(&arena);
	rc = app_last_position(app, &arena, &lesson, &section, &depth, &err);
	if (rc == DT_OK && (!lesson || strcmp(section, "running") != 0))
		rc = DT_ERR_INVALID;
	if (rc != DT_OK && (lesson || section))
		rc = DT_ERR_INVALID;
	dt_arena_fini(&arena);
	return rc;
}

/* The first write of a learner without a profile creates it on the way
 * (a try that failed after creating it leaves it for the next). */
static enum dt_status hint_as_newcomer(const struct env *e, struct app *app)
{
	struct dt_error err;

	(void)e;
	return app_record_hint(app, "first-dockerfile", 1, &err);
}

static enum dt_status import_bank(const struct env *e, struct app *app)
{
	struct dt_error err;
	size_t n;

	(void)e;
	return app_bank_import(app, "data/samples/extra-questions.aiken",
	                       COURSE_BANK_AIKEN, NULL, NULL, &n, &err);
}

/* Opening goes through the course loader and SQLite: about two thousand
 * allocations.  Creating the database under failures is the store's own
 * test (and slow: each try creates and syncs a file). */
static void test_open_allocation_failures(void **state)
{
	struct env *e = *state;
	struct app *held = open_as(e, "ann");   /* keeps the WAL in place */

	assert_true(fail_each_allocation(e, NULL, open_close) > 100);
	app_close(held);
}

static void test_use_case_allocation_failures(void **state)
{
	struct env *e = *state;
	struct dt_error err;
	struct app *app;

	sit_final(e, "amy", 0x0f);
	app = open_as(e, "ann");
	assert_true(fail_each_allocation(e, app, practise_once) > 2);
	assert_true(fail_each_allocation(e, app, summarise) > 2);
	assert_true(fail_each_allocation(e, app, report) > 2);
	assert_true(fail_each_allocation(e, app, report_exams) > 0);
	assert_int_equal(app_set_position(app, "basics", "running", 5, &err),
	                 DT_OK);
	assert_true(fail_each_allocation(e, app, read_last) > 1);
	app_close(app);
	app = open_as(e, "newcomer");
	assert_int_equal(app_learner_id(app), 0);
	assert_true(fail_each_allocation(e, app, hint_as_newcomer) > 0);
	assert_true(app_learner_id(app) > 0);
	assert_true(fail_each_allocation(e, app, import_bank) > 2);
	app_close(app);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_open_finds_learner_and_syncs_bank),
		T(test_open_reports_content_errors),
		T(test_open_leaves_a_bad_database_untouched),
		T(test_open_rejects_bad_learner_names),
		T(test_parse_and_format_responses),
		T(test_practice_stores_answer_with_review_state),
		T(test_practice_never_repeats_and_shuffles),
		T(test_practice_mistakes_and_review),
		T(test_practice_tag_and_unknown_names),
		T(test_summary_counts_everything),
		T(test_last_position),
		T(test_progress_moves_between_databases),
		T(test_bank_import_export_and_find),
		T(test_report_item_analysis_and_distractors),
		T(test_open_allocation_failures),
		T(test_use_case_allocation_failures),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
