/* Item analysis for instructors, as Moodle's quiz statistics define it:
 * facility index, standard deviation, discrimination index (correlation of
 * the item with the rest of the test), discriminative efficiency, and
 * coefficient alpha for the test (docs/statistics.md).
 * Design: papers drawn from pools differ, so a missing item (NAN) is left
 * out of that item's statistics, and "the rest of the test" is the rest of
 * each attempt's own paper.  Variances use n - 1, as Moodle does. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/quiz.h"

struct moments {
	size_t n;
	double mean_x, mean_r;
	double var_x, var_r, cov, cov_max;   /* sums, divided at the end */
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* x[k], rest[k]: the item's scores and the rest of the test, k < n. */
static void item_moments(double *x, double *rest, size_t n, struct moments *m)
{
	size_t k;

	memset(m, 0, sizeof *m);
	m->n = n;
	for (k = 0; k < n; k++) {
		m->mean_x += x[k];
		m->mean_r += rest[k];
	}
	m->mean_x /= (double)(n ? n : 1);
	m->mean_r /= (double)(n ? n : 1);
	for (k = 0; k < n; k++) {
		double dx = x[k] - m->mean_x, dr = rest[k] - m->mean_r;

		m->var_x += dx * dx;
		m->var_r += dr * dr;
		m->cov += dx * dr;
	}
	/* The largest covariance these two sets of values could have: pair
	 * them in the same sorted order. */
	qsort(x, n, sizeof *x, cmp_double);
	qsort(rest, n, sizeof *rest, cmp_double);
	for (k = 0; k < n; k++)
		m->cov_max += (x[k] - m->mean_x) * (rest[k] - m->mean_r);
}

static void item_stats(const struct moments *m, double max,
                       struct quiz_item_stats *out)
{
	double var_x, var_r, cov, cov_max;

	out->n = m->n;
	out->facility = m->n && max > 0 ? 100.0 * m->mean_x / max : NAN;
	out->sd = out->discrimination = out->efficiency = NAN;
	if (m->n < 2)
		return;
	var_x = m->var_x / (double)(m->n - 1);
	var_r = m->var_r / (double)(m->n - 1);
	cov = m->cov / (double)(m->n - 1);
	cov_max = m->cov_max / (double)(m->n - 1);
	if (max > 0)
		out->sd = 100.0 * sqrt(var_x) / max;
	if (var_x * var_r > 0)
		out->discrimination = 100.0 * cov / sqrt(var_x * var_r);
	if (cov_max > 0)
		out->efficiency = 100.0 * cov / cov_max;
}

static double sample_variance(const double *v, size_t n)
{
	double mean = 0, sum = 0;
	size_t k;

	if (n < 2)
		return NAN;
	for (k = 0; k < n; k++)
		mean += v[k];
	mean /= (double)n;
	for (k = 0; k < n; k++)
		sum += (v[k] - mean) * (v[k] - mean);
	return sum / (double)(n - 1);
}

static void test_stats(const double *totals, const double *maxes, size_t n,
                       const struct quiz_item_stats *items, size_t n_items,
                       const double *max_marks, double *work,
                       struct quiz_test_stats *out)
{
	double var_t, sum_var = 0;
	size_t k, i, used = 0;

	out->n_attempts = n;
	out->mean = out->sd = out->alpha = NAN;
	for (k = 0; k < n; k++)
		work[k] = maxes[k] > 0 ? 100.0 * totals[k] / maxes[k] : 0;
	if (n > 0) {
		out->mean = 0;
		for (k = 0; k < n; k++)
			out->mean += work[k] / (double)n;
	}
	out->sd = sqrt(sample_variance(work, n));
	var_t = sample_variance(totals, n);
	for (i = 0; i < n_items; i++) {
		double max = max_marks ? max_marks[i] : 1.0;

		if (items[i].n < 2 || isnan(items[i].sd))
			continue;
		sum_var += (items[i].sd * max / 100.0) * (items[i].sd * max / 100.0);
		used++;
	}
	if (used > 1 && var_t > 0)
		out->alpha = 100.0 * (double)used / (double)(used - 1) *
		             (1.0 - sum_var / var_t);
}

enum dt_status quiz_item_analysis(const double *scores, size_t n_attempts,
                                  size_t n_items, const double *max_marks,
                                  struct quiz_item_stats *items,
                                  struct quiz_test_stats *test,
                                  struct dt_error *err)
{
	size_t n = n_attempts ? n_attempts : 1;
	double *totals = dt_calloc(n, sizeof *totals);
	double *maxes = dt_calloc(n, sizeof *maxes);
	double *x = dt_calloc(n, sizeof *x);
	double *rest = dt_calloc(n, sizeof *rest);
	size_t a, i;

	if (!totals || !maxes || !x || !rest) {
		dt_free(totals);
		dt_free(maxes);
		dt_free(x);
		dt_free(rest);
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	}
	for (a = 0; a < n_attempts; a++) {
		for (i = 0; i < n_items; i++) {
			double v = scores[a * n_items + i];

			if (isnan(v))
				continue;
			totals[a] += v;
			maxes[a] += max_marks ? max_marks[i] : 1.0;
		}
	}
	for (i = 0; i < n_items; i++) {
		struct moments m;
		size_t k = 0;

		for (a = 0; a < n_attempts; a++) {
			double v = scores[a * n_items + i];

			if (isnan(v))
				continue;
			x[k] = v;
			rest[k++] = totals[a] - v;
		}
		item_moments(x, rest, k, &m);
		item_stats(&m, max_marks ? max_marks[i] : 1.0, &items[i]);
	}
	test_stats(totals, maxes, n_attempts, items, n_items, max_marks, x, test);
	dt_free(totals);
	dt_free(maxes);
	dt_free(x);
	dt_free(rest);
	return DT_OK;
}
