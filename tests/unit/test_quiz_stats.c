/* Unit tests for the numbers in src/quiz/: FSRS-5 review intervals against
 * values worked out by hand from the published formulas, and Moodle's item
 * analysis on a small class worked out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "dockertutor/quiz.h"

#define DAY 86400
#define T0 1700000000       /* an arbitrary start, Unix seconds */

static void assert_near(double got, double want, double tol)
{
	if (fabs(got - want) > tol)
		fail_msg("got %.6f, want %.6f (+/- %g)", got, want, tol);
}

/* FSRS-5, defaults w0..w18 =
 *   0.40255 1.18385 3.173 15.69105 7.1949 0.5345 1.4604 0.0046 1.54575
 *   0.1192 1.01925 1.9395 0.11 0.29605 2.2698 0.2315 2.9898 0.51655 0.6621
 * FACTOR = 19/81, DECAY = -0.5, desired retention 0.9 (interval = S).
 *
 * First answer right (Good, G = 3):
 *   S0 = w2 = 3.173 -> interval round(3.173) = 3 days
 *   D0(3) = w4 - e^(w5 (3 - 1)) + 1 = 7.1949 - e^1.069 + 1
 *         = 7.1949 - 2.912466 + 1 = 5.282434 */
static void test_fsrs_first_good(void **state)
{
	struct quiz_review r;

	(void)state;
	quiz_review_init(&r);
	assert_int_equal(r.state, QUIZ_CARD_NEW);
	assert_near(quiz_retrievability(&r, T0), 1.0, 1e-12);
	quiz_review_update(&r, quiz_rating_for(true), T0);
	assert_near(r.stability, 3.173, 1e-9);
	assert_near(r.difficulty, 5.282434, 1e-6);
	assert_int_equal(r.due, T0 + 3 * DAY);
	assert_int_equal(r.state, QUIZ_CARD_REVIEW);
	assert_int_equal(r.reps, 1);
	assert_int_equal(r.lapses, 0);
}

/* First answer wrong (Again, G = 1):
 *   S0 = w0 = 0.40255 -> round(0.40) = 0, at least 1 day
 *   D0(1) = w4 - e^0 + 1 = 7.1949 */
static void test_fsrs_first_again(void **state)
{
	struct quiz_review r;

	(void)state;
	quiz_review_init(&r);
	quiz_review_update(&r, quiz_rating_for(false), T0);
	assert_near(r.stability, 0.40255, 1e-9);
	assert_near(r.difficulty, 7.1949, 1e-9);
	assert_int_equal(r.due, T0 + 1 * DAY);
	assert_int_equal(r.state, QUIZ_CARD_LEARNING);
	assert_int_equal(r.lapses, 0);
}

/* Good after the 3-day interval (t = 3, S = 3.173, D = 5.282434):
 *   R = (1 + 19/81 * 3 / 3.173)^-0.5 = 1.221779^-0.5 = 0.904698
 *   S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1))
 *      = 3.173 (1 + 4.691489 * 5.717566 * 0.871414 * 0.102011)
 *      = 10.738926 -> interval 11 days
 *   D' = w7 D0(4) + (1 - w7) (D - w6 (3 - 3) (10 - D) / 9)
 *      = 0.0046 * 3.224502 + 0.9954 * 5.282434 = 5.272968
 * Then Again after those 11 days (a lapse):
 *   R = (1 + 19/81 * 11 / 10.738926)^-0.5 = 0.897929
 *   S_f = w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R))
 *       = 1.9395 * 0.832864 * 1.073306 * 1.260718 = 2.185775
 *   capped by S e^(w17 (1 - 3 + w18)) = 5.380508, so S'' = 2.185775
 *   -> interval round(2.19) = 2 days
 *   D'' = 0.0046 * 3.224502 + 0.9954 * (5.272968 + 2 w6 (10 - 5.272968)/9)
 *       = 6.790568 */
static void test_fsrs_good_then_lapse(void **state)
{
	struct quiz_review r;
	int64_t t;

	(void)state;
	quiz_review_init(&r);
	quiz_review_update(&r, QUIZ_GOOD, T0);
	t = T0 + 3 * DAY;
	assert_near(quiz_retrievability(&r, t), 0.904698, 1e-6);
	quiz_review_update(&r, QUIZ_GOOD, t);
	assert_near(r.stability, 10.738926, 1e-6);
	assert_near(r.difficulty, 5.272968, 1e-6);
	assert_int_equal(r.due, t + 11 * DAY);
	assert_int_equal(quiz_interval_days(r.stability), 11);
	t = r.due;
	assert_near(quiz_retrievability(&r, t), 0.897929, 1e-6);
	quiz_review_update(&r, QUIZ_AGAIN, t);
	assert_near(r.stability, 2.185775, 1e-6);
	assert_near(r.difficulty, 6.790568, 1e-6);
	assert_int_equal(r.due, t + 2 * DAY);
	assert_int_equal(r.state, QUIZ_CARD_RELEARNING);
	assert_int_equal(r.lapses, 1);
	assert_int_equal(r.reps, 3);
}

/* A second Good on the same day uses the short-term formula:
 *   S' = S e^(w17 (3 - 3 + w18)) = 3.173 * e^(0.51655 * 0.6621)
 *      = 3.173 * 1.407771 = 4.466858 -> 4 days */
static void test_fsrs_same_day(void **state)
{
	struct quiz_review r;

	(void)state;
	quiz_review_init(&r);
	quiz_review_update(&r, QUIZ_GOOD, T0);
	quiz_review_update(&r, QUIZ_GOOD, T0 + 600);
	assert_near(r.stability, 4.466858, 1e-6);
	assert_int_equal(r.due, T0 + 600 + 4 * DAY);
}

static void test_fsrs_intervals_bounded(void **state)
{
	(void)state;
	assert_int_equal(quiz_interval_days(0.01), 1);
	assert_int_equal(quiz_interval_days(2.5), 3);
	assert_int_equal(quiz_interval_days(1e9), QUIZ_FSRS_MAX_INTERVAL);
	assert_string_equal(quiz_card_state_name(QUIZ_CARD_RELEARNING),
	                    "relearning");
}

/* Five attempts, three one-mark items:
 *        i1 i2 i3  total
 *   A1    1  1  1    3
 *   A2    1  1  0    2
 *   A3    1  0  0    1
 *   A4    0  1  0    1
 *   A5    0  0  0    0
 * Item 1: x = 1 1 1 0 0 (mean 0.6), rest = total - x = 2 1 0 1 0 (mean 0.8)
 *   facility 60%; V(x) = 1.2 / 4 = 0.3, SD = 0.5477 = 54.77%
 *   V(rest) = 2.8 / 4 = 0.7; Cov = 0.6 / 4 = 0.15
 *   discrimination = 100 * 0.15 / sqrt(0.3 * 0.7) = 32.733
 *   sorted pairs (0,0) (0,0) (1,1) (1,1) (1,2): Cmax = 1.6 / 4 = 0.4
 *   efficiency = 100 * 0.15 / 0.4 = 37.5
 * Item 2 is item 1 mirrored: the same figures.
 * Item 3: x = 1 0 0 0 0 (mean 0.2), rest = 2 2 1 1 0 (mean 1.2)
 *   facility 20%; V(x) = 0.8 / 4 = 0.2, SD 44.72%; V(rest) = 0.7
 *   Cov = 0.8 / 4 = 0.2; discrimination = 20 / sqrt(0.14) = 53.452
 *   sorted pairs give Cmax = 0.2: efficiency 100
 * Test: totals 3 2 1 1 0, V(T) = 5.2 / 4 = 1.3
 *   alpha = 3/2 (1 - (0.3 + 0.3 + 0.2) / 1.3) = 57.692%
 *   mean 1.4 of 3 = 46.667%, SD sqrt(1.3) / 3 = 38.006% */
static const double class_scores[5 * 3] = {
	1, 1, 1,
	1, 1, 0,
	1, 0, 0,
	0, 1, 0,
	0, 0, 0,
};

/* A review read back from a damaged database (NAN or infinite numbers)
 * starts over as a new card instead of scheduling at an undefined time. */
static void test_fsrs_damaged_review_starts_over(void **state)
{
	struct quiz_review r;

	(void)state;
	quiz_review_init(&r);
	r.state = QUIZ_CARD_REVIEW;
	r.stability = NAN;
	r.difficulty = NAN;
	r.last_review = T0 - 10 * DAY;
	assert_near(quiz_retrievability(&r, T0), 1.0, 1e-12);
	quiz_review_update(&r, QUIZ_GOOD, T0);
	assert_near(r.stability, 3.173, 1e-9);
	assert_near(r.difficulty, 5.282434, 1e-6);
	assert_int_equal(r.due, T0 + 3 * DAY);

	r.stability = INFINITY;
	quiz_review_update(&r, QUIZ_GOOD, T0 + 5 * DAY);
	assert_near(r.stability, QUIZ_FSRS_MAX_INTERVAL, 1e-9);
	assert_int_equal(r.due, T0 + 5 * DAY +
	                 (int64_t)QUIZ_FSRS_MAX_INTERVAL * DAY);

	r.difficulty = NAN;
	quiz_review_update(&r, QUIZ_AGAIN, T0 + 6 * DAY);
	assert_true(r.difficulty >= 1 && r.difficulty <= 10);
	assert_true(r.stability >= 0.01 && r.stability <= QUIZ_FSRS_MAX_INTERVAL);
	assert_true(r.due >= T0 + 7 * DAY);
	assert_int_equal(quiz_interval_days(NAN), 1);
}

static void test_item_analysis_worked_example(void **state)
{
	struct quiz_item_stats it[3];
	struct quiz_test_stats t;
	struct dt_error err;

	(void)state;
	assert_int_equal(quiz_item_analysis(class_scores, 5, 3, NULL, it, &t, &err),
	                 DT_OK);
	assert_int_equal(it[0].n, 5);
	assert_near(it[0].facility, 60.0, 1e-9);
	assert_near(it[0].sd, 54.772, 1e-3);
	assert_near(it[0].discrimination, 32.733, 1e-3);
	assert_near(it[0].efficiency, 37.5, 1e-9);
	assert_near(it[1].discrimination, 32.733, 1e-3);
	assert_near(it[1].efficiency, 37.5, 1e-9);
	assert_near(it[2].facility, 20.0, 1e-9);
	assert_near(it[2].sd, 44.721, 1e-3);
	assert_near(it[2].discrimination, 53.452, 1e-3);
	assert_near(it[2].efficiency, 100.0, 1e-9);
	assert_int_equal(t.n_attempts, 5);
	assert_near(t.mean, 46.667, 1e-3);
	assert_near(t.sd, 38.006, 1e-3);
	assert_near(t.alpha, 57.692, 1e-3);
}

/* Item 3 missing from A1's paper (NAN): it is judged on A2..A5 alone,
 * where everybody scored 0, so its SD is 0 and its correlations are
 * undefined; item 1's rest of the test loses A1's item 3 mark. */
static void test_item_analysis_missing_items(void **state)
{
	double s[15];
	struct quiz_item_stats it[3];
	struct quiz_test_stats t;
	struct dt_error err;

	(void)state;
	memcpy(s, class_scores, sizeof s);
	s[2] = NAN;
	assert_int_equal(quiz_item_analysis(s, 5, 3, NULL, it, &t, &err), DT_OK);
	assert_int_equal(it[2].n, 4);
	assert_near(it[2].facility, 0.0, 1e-9);
	assert_near(it[2].sd, 0.0, 1e-9);
	assert_true(isnan(it[2].discrimination));
	assert_true(isnan(it[2].efficiency));
	assert_int_equal(it[0].n, 5);
	/* item 1: rest = 1 1 0 1 0, mean 0.6, V = 1.2 / 4 = 0.3;
	 * Cov = (0.4*0.4 + 0.4*0.4 + 0.4*(-0.6) - 0.6*0.4 - 0.6*(-0.6)) / 4
	 *     = 0.2 / 4 = 0.05; discrimination = 100 * 0.05 / 0.3 = 16.667 */
	assert_near(it[0].discrimination, 16.667, 1e-3);
}

static void test_item_analysis_degenerate(void **state)
{
	double one[3] = { 1, 0, 1 };
	double weights[3] = { 2, 1, 1 };
	struct quiz_item_stats it[3];
	struct quiz_test_stats t;
	struct dt_error err;

	(void)state;
	assert_int_equal(quiz_item_analysis(one, 1, 3, weights, it, &t, &err), DT_OK);
	assert_near(it[0].facility, 50.0, 1e-9);        /* 1 of 2 marks */
	assert_true(isnan(it[0].sd));
	assert_true(isnan(t.alpha));
	assert_near(t.mean, 50.0, 1e-9);                /* 2 of 4 marks */
	assert_int_equal(quiz_item_analysis(NULL, 0, 0, NULL, it, &t, &err), DT_OK);
	assert_int_equal(t.n_attempts, 0);
	dt_alloc_fail_at(1);
	assert_int_equal(quiz_item_analysis(one, 1, 3, NULL, it, &t, &err),
	                 DT_ERR_NOMEM);
	dt_alloc_fail_at(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fsrs_first_good),
		cmocka_unit_test(test_fsrs_first_again),
		cmocka_unit_test(test_fsrs_good_then_lapse),
		cmocka_unit_test(test_fsrs_same_day),
		cmocka_unit_test(test_fsrs_intervals_bounded),
		cmocka_unit_test(test_fsrs_damaged_review_starts_over),
		cmocka_unit_test(test_item_analysis_worked_example),
		cmocka_unit_test(test_item_analysis_missing_items),
		cmocka_unit_test(test_item_analysis_degenerate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
