/* make bench: the quiz engine's figures against their targets: drawing an
 * exam paper from a 100,000-question bank, choosing the next practice
 * question, FSRS updates and item analysis.  Prints figures; never fails
 * on time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dockertutor/quiz.h"
#include "../unit/fixture_quiz.c"

#define BANK 100000
#define LESSONS 10
#define RUNS 200

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void report(const char *what, double *t, size_t n, const char *target)
{
	qsort(t, n, sizeof *t, cmp_double);
	printf("  %-44s median %8.3f ms  worst %8.3f ms  (target %s)\n", what,
	       t[n / 2], t[n - 1], target);
}

static void bench_draw(const struct course *c,
                       const struct course_question **pool,
                       struct course_blueprint *bp, const char *what)
{
	static double t[RUNS];
	struct quiz_paper p;
	struct dt_error err;
	size_t i;

	for (i = 0; i < RUNS; i++) {
		double t0 = now_ms();

		if (quiz_draw_exam(bp, pool, c->n_questions, i + 1, &p, &err) != DT_OK) {
			fprintf(stderr, "bench_quiz: %s\n", err.msg);
			exit(1);
		}
		t[i] = now_ms() - t0;
		quiz_paper_fini(&p);
	}
	report(what, t, RUNS, "<= 5 ms");
}

static void bench_pick(const struct course *c)
{
	static double t[RUNS];
	struct quiz_candidate *cand = calloc(c->n_questions, sizeof *cand);
	struct quiz_pick pick = { .source = QUIZ_FROM_REVIEW, .now = 1700000000 };
	struct quiz_rng rng;
	size_t i;

	quiz_rng_seed(&rng, 1);
	for (i = 0; i < c->n_questions; i++) {
		cand[i].q = &c->questions[i];
		cand[i].h.seen = (int)(i % 4);
		cand[i].h.due = i % 4 ? 1699000000 + (int64_t)(i % 5000) * 600 : 0;
	}
	for (i = 0; i < RUNS; i++) {
		double t0 = now_ms();

		pick.last_id = c->questions[quiz_pick_next(cand, c->n_questions, &pick,
		                                           &rng)].id;
		t[i] = now_ms() - t0;
	}
	report("next practice question, 100,000 candidates", t, RUNS, "<= 5 ms");
	free(cand);
}

static void bench_fsrs(void)
{
	struct quiz_review r;
	double t0 = now_ms(), ms;
	int i;

	quiz_review_init(&r);
	for (i = 0; i < 1000000; i++)
		quiz_review_update(&r, quiz_rating_for(i % 5 != 0),
		                   r.last_review + (i % 7) * 86400);
	ms = now_ms() - t0;
	printf("  %-44s %8.1f M/s  (target: no wait a learner could see)\n",
	       "FSRS review updates", 1.0 / ms * 1e3);
}

static void bench_stats(void)
{
	enum { ATTEMPTS = 1000, ITEMS = 60 };
	double *scores = malloc(sizeof *scores * ATTEMPTS * ITEMS);
	struct quiz_item_stats items[ITEMS];
	struct quiz_test_stats test;
	struct dt_error err;
	struct quiz_rng rng;
	static double t[20];
	size_t i;

	quiz_rng_seed(&rng, 2);
	for (i = 0; i < (size_t)ATTEMPTS * ITEMS; i++)
		scores[i] = (double)(quiz_rng_below(&rng, 100) < 60 + i % ITEMS / 2);
	for (i = 0; i < 20; i++) {
		double t0 = now_ms();

		quiz_item_analysis(scores, ATTEMPTS, ITEMS, NULL, items, &test, &err);
		t[i] = now_ms() - t0;
	}
	report("item analysis, 1,000 attempts x 60 items", t, 20, "<= 100 ms");
	free(scores);
}

int main(void)
{
	struct course *c = fixture_course_big(BANK, LESSONS);
	const struct course_question **pool = malloc(BANK * sizeof *pool);
	struct course_draw draws[LESSONS];
	struct course_blueprint bp = {
		.id = "bench", .title = "bench", .time_limit_s = 5400,
		.pass_mark_pct = 65, .draws = draws, .n_draws = LESSONS,
		.shuffle_questions = true, .shuffle_choices = true,
		.path = "bench.yaml",
	};
	size_t i;

	if (!c || !pool)
		return 1;
	for (i = 0; i < BANK; i++)
		pool[i] = &c->questions[i];
	memset(draws, 0, sizeof draws);
	for (i = 0; i < LESSONS; i++) {
		draws[i].lesson_id = c->lessons[i].id;
		draws[i].count = 6;
	}
	printf("bench_quiz: quiz engine, bank of %d questions in %d lessons\n",
	       BANK, LESSONS);
	bench_draw(c, pool, &bp, "exam draw, 60 questions, shuffled");
	for (i = 0; i < LESSONS; i++)
		draws[i].difficulty_mask = 1u << 3;
	bp.presentation = COURSE_PRESENT_DOMC;
	bench_draw(c, pool, &bp, "exam draw, DOMC, hard questions only");
	bench_pick(c);
	bench_fsrs();
	bench_stats();
	free(pool);
	fixture_course_free(c);
	return 0;
}
