/* Unit tests for src/quiz/: scoring and stored responses, choosing the next
 * practice question, exam papers, the exam clock and DOMC items. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "dockertutor/quiz.h"
#include "fixture_quiz.h"

static int setup(void **state)
{
	*state = fixture_course_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	fixture_course_free(*state);
	return 0;
}

#define Q(id) fixture_question((const struct course *)*state, id)

static struct quiz_result score(const struct course_question *q,
                                struct quiz_response r)
{
	struct quiz_result res;
	struct dt_error err;

	assert_int_equal(quiz_score(q, &r, &res, &err), DT_OK);
	return res;
}

static struct quiz_response picks(uint32_t mask)
{
	struct quiz_response r = { .picked = mask };

	return r;
}

static struct quiz_response typed(const char *text)
{
	struct quiz_response r = { .text = text };

	return r;
}

/* ---- scoring ---- */

static void test_score_single(void **state)
{
	struct quiz_result r;

	r = score(Q("q1"), picks(1u << 0));
	assert_true(r.correct);
	assert_true(r.score == 1.0);
	r = score(Q("q1"), picks(1u << 2));
	assert_false(r.correct);
	assert_true(r.score == 0.0);
	assert_int_equal(r.wrong, 1u << 2);
	assert_int_equal(r.missed, 1u << 0);
	/* Two picks on a single question: wrong even if one is right. */
	assert_false(score(Q("q1"), picks(3)).correct);
	struct quiz_response blank = { .blank = true, .picked = 1 };
	assert_false(score(Q("q1"), blank).correct);
}

static void test_score_multiple_gives_partial_feedback(void **state)
{
	/* q2: choices 0, 1 and 3 are correct. */
	struct quiz_result r = score(Q("q2"), picks(0x1 | 0x4));

	assert_false(r.correct);
	assert_true(r.score == 0.0);            /* all or nothing */
	assert_int_equal(r.right, 0x1);
	assert_int_equal(r.wrong, 0x4);
	assert_int_equal(r.missed, 0x2 | 0x8);
	r = score(Q("q2"), picks(0x1 | 0x2 | 0x8));
	assert_true(r.correct);
	assert_int_equal(r.missed, 0);
}

static void test_score_truefalse(void **state)
{
	struct quiz_response yes = { .value = true }, no = { .value = false };

	assert_true(score(Q("q3"), yes).correct);
	assert_false(score(Q("q3"), no).correct);
	assert_true(score(Q("q7"), no).correct);
}

static void test_score_fill_normalises(void **state)
{
	assert_true(score(Q("q4"), typed("-d")).correct);
	assert_true(score(Q("q4"), typed("  --DETACH \t")).correct);
	assert_false(score(Q("q4"), typed("-it")).correct);
	assert_false(score(Q("q4"), typed("")).correct);
	/* case: sensitive */
	assert_true(score(Q("q8"), typed(" PATH ")).correct);
	assert_false(score(Q("q8"), typed("path")).correct);
}

static void test_score_fill_pattern_is_anchored(void **state)
{
	assert_true(score(Q("q6"), typed("docker images")).correct);
	assert_true(score(Q("q6"), typed("Docker   IMAGE   ls")).correct);
	assert_false(score(Q("q6"), typed("docker images -a")).correct);
	assert_false(score(Q("q6"), typed("run docker images")).correct);
}

static void test_score_errors(void **state)
{
	struct course_question bad = *Q("q6");
	struct quiz_response r = typed("x");
	struct quiz_result res;
	struct dt_error err;
	char big[QUIZ_MAX_ANSWER + 2];

	bad.pattern = "docker (images";
	assert_int_equal(quiz_score(&bad, &r, &res, &err), DT_ERR_INVALID);
	assert_string_equal(err.path, "questions.yaml");
	assert_non_null(strstr(err.msg, "q6"));
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	r = typed(big);
	assert_int_equal(quiz_score(Q("q4"), &r, &res, &err), DT_ERR_LIMIT);
}

static void test_normalize(void **state)
{
	char out[16];

	(void)state;
	assert_true(quiz_normalize_answer("  a \t B\n c ", true, out, sizeof out));
	assert_string_equal(out, "a b c");
	assert_true(quiz_normalize_answer("A  B", false, out, sizeof out));
	assert_string_equal(out, "A B");
	assert_false(quiz_normalize_answer("0123456789abcdefgh", false, out, 16));
}

static void test_response_round_trip(void **state)
{
	struct quiz_response r, back;
	struct dt_error err;
	char text[64];

	r = picks(0x1 | 0x8);
	assert_true(quiz_response_encode(Q("q2"), &r, text, sizeof text));
	assert_string_equal(text, "0,3");
	assert_int_equal(quiz_response_decode(Q("q2"), text, &back, &err), DT_OK);
	assert_int_equal(back.picked, 0x9);
	r.value = false;
	assert_true(quiz_response_encode(Q("q3"), &r, text, sizeof text));
	assert_string_equal(text, "false");
	assert_int_equal(quiz_response_decode(Q("q3"), "true", &back, &err), DT_OK);
	assert_true(back.value);
	assert_int_equal(quiz_response_decode(Q("q4"), "--detach", &back, &err),
	                 DT_OK);
	assert_string_equal(back.text, "--detach");
	assert_int_equal(quiz_response_decode(Q("q1"), "", &back, &err), DT_OK);
	assert_true(back.blank);
	/* Malformed or out of range: a clear error, never a crash. */
	assert_int_equal(quiz_response_decode(Q("q1"), "7", &back, &err),
	                 DT_ERR_SYNTAX);
	assert_non_null(strstr(err.msg, "q1"));
	assert_int_equal(quiz_response_decode(Q("q1"), "0,", &back, &err),
	                 DT_ERR_SYNTAX);
	assert_int_equal(quiz_response_decode(Q("q3"), "yes", &back, &err),
	                 DT_ERR_SYNTAX);
	assert_false(quiz_response_encode(Q("q2"), &r, text, 2));
}

/* ---- choosing the next question ---- */

static size_t fill_candidates(void **state, struct quiz_candidate *c)
{
	const struct course *course = *state;
	size_t i;

	for (i = 0; i < course->n_questions; i++) {
		memset(&c[i], 0, sizeof c[i]);
		c[i].q = &course->questions[i];
	}
	return course->n_questions;
}

static void test_pick_never_twice_in_a_row(void **state)
{
	struct quiz_candidate c[16];
	struct quiz_pick p = { .source = QUIZ_FROM_LESSON, .lesson_id = "basics" };
	struct quiz_rng rng;
	size_t n = fill_candidates(state, c), i, seen[16] = { 0 };
	const char *last = NULL;

	quiz_rng_seed(&rng, 7);
	for (i = 0; i < 400; i++) {
		size_t k;

		p.last_id = last;
		k = quiz_pick_next(c, n, &p, &rng);
		assert_true(k != QUIZ_NONE);
		assert_string_equal(c[k].q->lesson_id, "basics");
		if (last)
			assert_string_not_equal(c[k].q->id, last);
		last = c[k].q->id;
		seen[k]++;
	}
	/* Every question of the lesson comes up. */
	for (i = 0; i < 4; i++)
		assert_true(seen[i] > 0);
	/* A one-question pool whose only question was just asked: nothing. */
	p.lesson_id = NULL;
	p.source = QUIZ_FROM_TAG;
	p.tag = "cli";
	p.last_id = NULL;
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 3);
	p.tag = "kernel";
	p.last_id = "q2";
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), QUIZ_NONE);
}

static void test_pick_mistakes_and_unseen(void **state)
{
	struct quiz_candidate c[16];
	struct quiz_pick p = { .source = QUIZ_FROM_MISTAKES };
	struct quiz_rng rng;
	size_t n = fill_candidates(state, c), i;

	quiz_rng_seed(&rng, 1);
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), QUIZ_NONE);
	c[4].h = (struct quiz_history){ .seen = 2, .wrong = 1, .last_wrong = true,
	                                .last_at = 100 };
	c[6].h = (struct quiz_history){ .seen = 1, .wrong = 1, .last_wrong = false,
	                                .last_at = 50 };
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 4);
	p.last_id = "q5";
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), QUIZ_NONE);

	/* unseen: never-answered questions first ... */
	p.source = QUIZ_FROM_UNSEEN;
	p.last_id = NULL;
	for (i = 0; i < 50; i++) {
		size_t k = quiz_pick_next(c, n, &p, &rng);

		assert_true(k != 4 && k != 6);
	}
	/* ... then the least recently answered. */
	for (i = 0; i < n; i++)
		if (c[i].h.seen == 0)
			c[i].h = (struct quiz_history){ .seen = 1, .last_at = 1000 + (int64_t)i };
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 6);
}

static void test_pick_review_due_first(void **state)
{
	struct quiz_candidate c[16];
	struct quiz_pick p = { .source = QUIZ_FROM_REVIEW, .now = 10000 };
	struct quiz_rng rng;
	size_t n = fill_candidates(state, c), i;

	quiz_rng_seed(&rng, 3);
	for (i = 0; i < n; i++)
		c[i].h = (struct quiz_history){ .seen = 1, .due = 20000 };
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), QUIZ_NONE);
	c[2].h.seen = 0;
	c[2].h.due = 0;                         /* a new question */
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 2);
	c[8].h.due = 9000;
	c[5].h.due = 5000;                      /* the most overdue */
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 5);
	p.last_id = "q6";
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 8);
}

/* Due and answer times come from the database: extreme values order
 * correctly instead of overflowing a subtraction. */
static void test_pick_extreme_times(void **state)
{
	struct quiz_candidate c[16];
	struct quiz_pick p = { .source = QUIZ_FROM_REVIEW, .now = 10000 };
	struct quiz_rng rng;
	size_t n = fill_candidates(state, c), i;

	quiz_rng_seed(&rng, 3);
	for (i = 0; i < n; i++)
		c[i].h = (struct quiz_history){ .seen = 1, .due = 9000 };
	c[3].h.due = INT64_MIN;                 /* the most overdue */
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 3);

	p.source = QUIZ_FROM_UNSEEN;
	for (i = 0; i < n; i++)
		c[i].h = (struct quiz_history){ .seen = 1, .last_at = INT64_MAX };
	c[4].h.last_at = INT64_MIN + 1;         /* the least recent */
	assert_int_equal(quiz_pick_next(c, n, &p, &rng), 4);
}

static void test_sources_table(void **state)
{
	enum quiz_source s;

	(void)state;
	assert_true(quiz_source_parse("mistakes", &s));
	assert_int_equal(s, QUIZ_FROM_MISTAKES);
	assert_string_equal(quiz_source_name(QUIZ_FROM_REVIEW), "review");
	assert_false(quiz_source_parse("bogus", &s));
	assert_string_equal(quiz_source_name((enum quiz_source)99), "?");
}

/* ---- exams ---- */

static void pool_of(const struct course *c, const struct course_question **pool)
{
	size_t i;

	for (i = 0; i < c->n_questions; i++)
		pool[i] = &c->questions[i];
}

static void test_draw_exam_follows_blueprint(void **state)
{
	const struct course *c = *state;
	const struct course_question *pool[16];
	struct quiz_paper paper;
	struct dt_error err;
	size_t i, j, per_lesson[3] = { 0 };

	pool_of(c, pool);
	assert_int_equal(quiz_draw_exam(&c->blueprints[0], pool, c->n_questions,
	                                42, &paper, &err), DT_OK);
	assert_int_equal(paper.n_items, 6);
	for (i = 0; i < paper.n_items; i++) {
		const struct quiz_paper_item *it = &paper.items[i];
		uint32_t seen = 0;

		for (j = 0; j < 3; j++)
			per_lesson[j] += strcmp(it->q->lesson_id,
			                        c->lessons[j].id) == 0;
		for (j = 0; j < i; j++)
			assert_ptr_not_equal(paper.items[j].q, it->q);
		/* choice order is a permutation */
		for (j = 0; j < it->n_choices; j++)
			seen |= 1u << it->order[j];
		assert_int_equal(seen, (1u << it->n_choices) - 1);
		assert_false(it->domc_extra);
	}
	for (j = 0; j < 3; j++)
		assert_int_equal(per_lesson[j], 2);
	quiz_paper_fini(&paper);
	quiz_paper_fini(NULL);
}

static void test_draw_exam_is_seeded(void **state)
{
	const struct course *c = *state;
	const struct course_question *pool[16];
	struct quiz_paper a, b;
	struct dt_error err;
	size_t i, same_papers = 0;
	uint64_t seed;

	pool_of(c, pool);
	for (seed = 1; seed <= 20; seed++) {
		bool same = true;

		assert_int_equal(quiz_draw_exam(&c->blueprints[0], pool, 12, seed,
		                                &a, &err), DT_OK);
		assert_int_equal(quiz_draw_exam(&c->blueprints[0], pool, 12, seed,
		                                &b, &err), DT_OK);
		assert_int_equal(a.n_items, b.n_items);
		for (i = 0; i < a.n_items; i++) {
			assert_ptr_equal(a.items[i].q, b.items[i].q);
			assert_memory_equal(a.items[i].order, b.items[i].order,
			                    QUIZ_MAX_CHOICES);
		}
		quiz_paper_fini(&b);
		assert_int_equal(quiz_draw_exam(&c->blueprints[0], pool, 12,
		                                seed + 1000, &b, &err), DT_OK);
		for (i = 0; i < a.n_items; i++)
			same = same && a.items[i].q == b.items[i].q &&
			       !memcmp(a.items[i].order, b.items[i].order, 16);
		same_papers += same;
		quiz_paper_fini(&a);
		quiz_paper_fini(&b);
	}
	assert_true(same_papers < 3);   /* other seeds, other papers */
	{
		struct course_blueprint bp = c->blueprints[0];

		assert_int_equal(quiz_paper_seed(&bp, 99), 99);
		bp.seed = 5;
		assert_int_equal(quiz_paper_seed(&bp, 99), 5);
	}
}

static void test_draw_exam_unshuffled_keeps_order(void **state)
{
	const struct course *c = *state;
	const struct course_question *pool[16];
	struct course_blueprint bp = c->blueprints[0];
	struct course_draw draws[1] = { { .lesson_id = "basics", .count = 4 } };
	struct quiz_paper p;
	struct dt_error err;
	size_t i, j;

	pool_of(c, pool);
	bp.draws = draws;
	bp.n_draws = 1;
	bp.shuffle_questions = false;
	bp.shuffle_choices = false;
	assert_int_equal(quiz_draw_exam(&bp, pool, 12, 9, &p, &err), DT_OK);
	for (i = 0; i < 4; i++) {
		assert_string_equal(p.items[i].q->id, c->questions[i].id);
		for (j = 0; j < p.items[i].n_choices; j++)
			assert_int_equal(p.items[i].order[j], j);
	}
	quiz_paper_fini(&p);
}

/* A difficulty read from a database row may be anything: one out of the
 * mask's range matches no filter (34 once wrapped to 2 in the shift). */
static void test_draw_exam_odd_difficulty_never_fits(void **state)
{
	const struct course *c = *state;
	struct course_question odd[16];
	const struct course_question *pool[16];
	struct course_blueprint bp = c->blueprints[0];
	struct course_draw draws[1] = {
		{ .lesson_id = "images", .count = 1, .difficulty_mask = 1u << 2 },
	};
	struct quiz_paper p;
	struct dt_error err;
	size_t i;

	for (i = 0; i < c->n_questions; i++) {
		odd[i] = c->questions[i];
		odd[i].difficulty = 34;
		pool[i] = &odd[i];
	}
	bp.draws = draws;
	bp.n_draws = 1;
	assert_int_equal(quiz_draw_exam(&bp, pool, c->n_questions, 1, &p, &err),
	                 DT_ERR_INVALID);
}

static void test_draw_exam_filters_and_errors(void **state)
{
	const struct course *c = *state;
	const struct course_question *pool[16];
	struct course_blueprint bp = c->blueprints[0];
	const char *tags[] = { "cli" };
	struct course_draw draws[2] = {
		{ .lesson_id = "images", .count = 2, .difficulty_mask = 1u << 3 },
		{ .lesson_id = "basics", .count = 1, .tags = tags, .n_tags = 1 },
	};
	struct quiz_paper p;
	struct dt_error err;
	size_t i;

	pool_of(c, pool);
	bp.draws = draws;
	bp.n_draws = 2;
	bp.presentation = COURSE_PRESENT_DOMC;
	assert_int_equal(quiz_draw_exam(&bp, pool, 12, 1, &p, &err), DT_OK);
	assert_int_equal(p.n_items, 3);
	for (i = 0; i < 3; i++) {
		const char *id = p.items[i].q->id;

		assert_true(!strcmp(id, "q6") || !strcmp(id, "q8") || !strcmp(id, "q4"));
	}
	quiz_paper_fini(&p);

	draws[0].count = 3;     /* only two hard questions in "images" */
	draws[0].pos = (struct course_pos){ "exams/x.yaml", 4, 5 };
	assert_int_equal(quiz_draw_exam(&bp, pool, 12, 1, &p, &err),
	                 DT_ERR_INVALID);
	assert_string_equal(err.path, "exams/x.yaml");
	assert_int_equal(err.line, 4);
	assert_string_equal(err.msg, "draw 1 asks for 3 questions of lesson "
	                    "'images' but only 2 are left");
	assert_null(p.items);
}

static void test_draw_exam_domc_extra_is_seeded(void **state)
{
	const struct course *c = *state;
	const struct course_question *pool[16];
	struct course_blueprint bp = c->blueprints[0];
	struct quiz_paper p;
	struct dt_error err;
	size_t i, extra = 0, choice_items = 0;
	uint64_t seed;

	pool_of(c, pool);
	bp.presentation = COURSE_PRESENT_DOMC;
	for (seed = 1; seed <= 50; seed++) {
		assert_int_equal(quiz_draw_exam(&bp, pool, 12, seed, &p, &err), DT_OK);
		for (i = 0; i < p.n_items; i++) {
			choice_items += p.items[i].n_choices > 0;
			extra += p.items[i].domc_extra;
			if (!p.items[i].n_choices)
				assert_false(p.items[i].domc_extra);
		}
		quiz_paper_fini(&p);
	}
	/* about one in two */
	assert_true(extra > choice_items / 4 && extra < choice_items * 3 / 4);
}

static void test_draw_exam_fault_injection(void **state)
{
	const struct course *c = *state;
	const struct course_question *pool[16];
	struct quiz_paper p;
	struct dt_error err;
	unsigned long n;
	enum dt_status rc = DT_ERR_NOMEM;

	pool_of(c, pool);
	for (n = 1; rc != DT_OK; n++) {
		dt_alloc_fail_at(n);
		rc = quiz_draw_exam(&c->blueprints[0], pool, 12, 5, &p, &err);
		dt_alloc_fail_at(0);
		if (rc != DT_OK) {
			assert_int_equal(rc, DT_ERR_NOMEM);
			assert_null(p.items);
		}
		assert_true(n < 100);
	}
	quiz_paper_fini(&p);
}

static void test_exam_tally(void **state)
{
	const struct course *c = *state;
	const struct course_question *pool[16];
	struct quiz_paper p;
	struct quiz_result res[6];
	struct quiz_exam_result out;
	struct dt_error err;
	bool answered[6];
	size_t i, correct = 0;

	pool_of(c, pool);
	assert_int_equal(quiz_draw_exam(&c->blueprints[0], pool, 12, 3, &p, &err),
	                 DT_OK);
	memset(res, 0, sizeof res);
	for (i = 0; i < 6; i++) {
		/* right on the "basics" items and on one more: 3 of 6 */
		bool right = !strcmp(p.items[i].q->lesson_id, "basics") ||
		             (!strcmp(p.items[i].q->lesson_id, "networks") &&
		              correct++ == 0);

		res[i].correct = right;
		res[i].score = right;
		answered[i] = i != 5;
	}
	assert_int_equal(quiz_exam_tally(&p, res, answered, 50, &out, &err), DT_OK);
	assert_int_equal(out.n_items, 6);
	assert_int_equal(out.n_answered, 5);
	assert_int_equal(out.n_correct, 3);
	assert_true(out.pct == 50.0);
	assert_true(out.passed);                /* 50% passes a 50% mark */
	assert_int_equal(out.n_lessons, 3);
	for (i = 0; i < out.n_lessons; i++) {
		const struct quiz_lesson_score *ls = &out.lessons[i];

		assert_int_equal(ls->n_items, 2);
		if (!strcmp(ls->lesson_id, "basics"))
			assert_true(ls->pct == 100.0);
		else if (!strcmp(ls->lesson_id, "images"))
			assert_true(ls->pct == 0.0);
		else
			assert_true(ls->pct == 50.0);
	}
	quiz_exam_result_fini(&out);
	assert_int_equal(quiz_exam_tally(&p, res, NULL, 51, &out, &err), DT_OK);
	assert_false(out.passed);
	quiz_exam_result_fini(&out);
	dt_alloc_fail_at(1);
	assert_int_equal(quiz_exam_tally(&p, res, NULL, 51, &out, &err),
	                 DT_ERR_NOMEM);
	dt_alloc_fail_at(0);
	quiz_paper_fini(&p);
}

static void test_exam_clock(void **state)
{
	int64_t deadline = quiz_attempt_deadline(1000, 600);

	(void)state;
	assert_int_equal(deadline, 1600);
	assert_false(quiz_attempt_expired(deadline, 1599));
	assert_true(quiz_attempt_expired(deadline, 1600));
	assert_int_equal(quiz_attempt_remaining(deadline, 1000), 600);
	assert_int_equal(quiz_attempt_remaining(deadline, 1599), 1);
	assert_int_equal(quiz_attempt_remaining(deadline, 99999), 0);
}

/* ---- DOMC ---- */

static struct quiz_paper_item item_of(const struct course_question *q,
                                      const char *order, bool extra)
{
	struct quiz_paper_item it;
	size_t i;

	memset(&it, 0, sizeof it);
	it.q = q;
	it.n_choices = (uint8_t)strlen(order);
	for (i = 0; i < it.n_choices; i++)
		it.order[i] = (uint8_t)(order[i] - '0');
	it.domc_extra = extra;
	return it;
}

/* Feeds answers ("YN..") and returns the decision: 'R', 'W' or '?'. */
static char domc_run(const struct quiz_paper_item *it, const char *answers,
                     struct quiz_domc *d)
{
	assert_true(quiz_domc_start(d, it));
	for (; *answers; answers++) {
		assert_true(quiz_domc_next(d) >= 0);
		assert_int_equal(quiz_domc_answer(d, *answers == 'Y', NULL), DT_OK);
	}
	return d->decided ? (d->right ? 'R' : 'W') : '?';
}

static void test_domc_single(void **state)
{
	/* q1: choice 0 correct; shown in order 2, 0, 1, 3 */
	struct quiz_paper_item it = item_of(Q("q1"), "2013", false);
	struct quiz_domc d;
	struct dt_error err;
	struct quiz_result r;

	assert_int_equal(domc_run(&it, "N", &d), '?');
	assert_int_equal(quiz_domc_next(&d), 0);
	assert_int_equal(domc_run(&it, "NY", &d), 'R');
	assert_true(d.finished);
	assert_int_equal(quiz_domc_next(&d), -1);
	assert_int_equal(quiz_domc_answer(&d, true, &err), DT_ERR_STATE);
	quiz_domc_result(&d, &r);
	assert_true(r.correct);
	assert_int_equal(r.right, 1u << 0);
	assert_int_equal(domc_run(&it, "Y", &d), 'W');      /* Yes to a wrong one */
	assert_int_equal(domc_run(&it, "NN", &d), 'W');     /* No to the right one */
	quiz_domc_result(&d, &r);
	assert_false(r.correct);
	assert_int_equal(r.missed, 1u << 0);
}

static void test_domc_multiple(void **state)
{
	/* q2: 0, 1, 3 correct, 2 wrong; shown 3, 2, 0, 1 */
	struct quiz_paper_item it = item_of(Q("q2"), "3201", false);
	struct quiz_domc d;

	assert_int_equal(domc_run(&it, "YNY", &d), '?');
	assert_int_equal(domc_run(&it, "YNYY", &d), 'R');
	assert_int_equal(domc_run(&it, "YY", &d), 'W');     /* Yes to 2 */
	assert_true(d.finished);
	assert_int_equal(domc_run(&it, "N", &d), 'W');      /* No to 3 */
}

static void test_domc_extra_option_does_not_count(void **state)
{
	struct quiz_paper_item it = item_of(Q("q1"), "0123", true);
	struct quiz_domc d, back;
	struct quiz_result r;
	struct quiz_response resp;
	struct dt_error err;
	char text[64];

	assert_int_equal(domc_run(&it, "Y", &d), 'R');
	assert_false(d.finished);               /* one more is shown ... */
	assert_int_equal(quiz_domc_next(&d), 1);
	assert_int_equal(quiz_domc_answer(&d, true, NULL), DT_OK);
	assert_true(d.finished);
	assert_true(d.right);                   /* ... and does not count */
	quiz_domc_result(&d, &r);
	assert_true(r.correct);
	assert_int_equal(r.wrong, 0);

	assert_true(quiz_domc_encode(&d, text, sizeof text));
	assert_string_equal(text, "domc:0Y,1Y");
	assert_int_equal(quiz_domc_replay(&back, &it, text, &err), DT_OK);
	assert_true(back.decided && back.right && back.finished);
	assert_int_equal(back.shown, 2);
	/* The stored form decodes to the picks made before the decision. */
	assert_int_equal(quiz_response_decode(it.q, text, &resp, &err), DT_OK);
	assert_int_equal(resp.picked, 1u << 0);
	/* A stored answer that does not fit the paper is refused. */
	assert_int_equal(quiz_domc_replay(&back, &it, "domc:2Y", &err),
	                 DT_ERR_SYNTAX);
	assert_int_equal(quiz_domc_replay(&back, &it, "domc:0Q", &err),
	                 DT_ERR_SYNTAX);
	/* The last option leaves nothing extra to show. */
	it = item_of(Q("q1"), "1230", true);
	assert_int_equal(domc_run(&it, "NNNY", &d), 'R');
	assert_true(d.finished);
}

static void test_domc_resume_mid_item(void **state)
{
	struct quiz_paper_item it = item_of(Q("q10"), "3210", false);
	struct quiz_domc d;
	struct dt_error err;
	char text[64];

	/* q10: 0 and 1 correct.  No to 3, No to 2, then stopped. */
	assert_int_equal(domc_run(&it, "NN", &d), '?');
	assert_true(quiz_domc_encode(&d, text, sizeof text));
	assert_int_equal(quiz_domc_replay(&d, &it, text, &err), DT_OK);
	assert_int_equal(quiz_domc_next(&d), 1);
	assert_int_equal(quiz_domc_answer(&d, true, NULL), DT_OK);
	assert_int_equal(quiz_domc_answer(&d, true, NULL), DT_OK);
	assert_true(d.decided && d.right);
	assert_false(quiz_domc_start(&d, &(struct quiz_paper_item){ .q = Q("q3") }));
	assert_int_equal(quiz_domc_next(&d), -1);
}

static void test_count_picks(void **state)
{
	struct quiz_response r[4] = {
		{ .picked = 0x1 }, { .picked = 0x3 }, { .blank = true }, { .picked = 0x8 },
	};
	size_t counts[4] = { 0 }, blank = 0;

	quiz_count_picks(Q("q2"), r, 4, counts, &blank);
	assert_int_equal(counts[0], 2);
	assert_int_equal(counts[1], 1);
	assert_int_equal(counts[2], 0);
	assert_int_equal(counts[3], 1);
	assert_int_equal(blank, 1);
}

static void test_rng(void **state)
{
	struct quiz_rng a, b;
	size_t hist[6] = { 0 }, i;

	(void)state;
	quiz_rng_seed(&a, 123);
	quiz_rng_seed(&b, 123);
	for (i = 0; i < 100; i++)
		assert_int_equal(quiz_rng_next(&a), quiz_rng_next(&b));
	quiz_rng_seed(&b, 124);
	assert_true(quiz_rng_next(&a) != quiz_rng_next(&b));
	for (i = 0; i < 60000; i++) {
		uint64_t v = quiz_rng_below(&a, 6);

		assert_true(v < 6);
		hist[v]++;
	}
	for (i = 0; i < 6; i++)
		assert_true(hist[i] > 9000 && hist[i] < 11000);
	assert_int_equal(quiz_rng_below(&a, 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_score_single),
		T(test_score_multiple_gives_partial_feedback),
		T(test_score_truefalse),
		T(test_score_fill_normalises),
		T(test_score_fill_pattern_is_anchored),
		T(test_score_errors),
		T(test_normalize),
		T(test_response_round_trip),
		T(test_pick_never_twice_in_a_row),
		T(test_pick_mistakes_and_unseen),
		T(test_pick_review_due_first),
		T(test_pick_extreme_times),
		T(test_sources_table),
		T(test_draw_exam_follows_blueprint),
		T(test_draw_exam_is_seeded),
		T(test_draw_exam_unshuffled_keeps_order),
		T(test_draw_exam_odd_difficulty_never_fits),
		T(test_draw_exam_filters_and_errors),
		T(test_draw_exam_domc_extra_is_seeded),
		T(test_draw_exam_fault_injection),
		T(test_exam_tally),
		T(test_exam_clock),
		T(test_domc_single),
		T(test_domc_multiple),
		T(test_domc_extra_option_does_not_count),
		T(test_domc_resume_mid_item),
		T(test_count_picks),
		T(test_rng),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
