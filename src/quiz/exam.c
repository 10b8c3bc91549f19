/* Exam papers: drawing questions from a blueprint with a seed, totalling a
 * scored attempt, and the exam clock.
 * Design: one pass over the pool gives each question the set of draws it
 * fits (a 64-bit mask; the lesson test is a string compare cached across
 * runs of same-lesson questions, the pool's usual order), a second pass
 * files the candidates per draw, then each draw runs a partial
 * Fisher-Yates over its candidates, skipping questions an earlier draw
 * took.  Cost: O(pool + paper), a few milliseconds for 100,000 questions. */
#include <stdlib.h>
#include <string.h>

#include "dockertutor/quiz.h"

uint64_t quiz_paper_seed(const struct course_blueprint *bp, uint64_t fresh)
{
	return bp->seed ? bp->seed : fresh;
}

static bool draw_has_tag(const struct course_draw *d,
                         const struct course_question *q)
{
	size_t i, j;

	if (d->n_tags == 0)
		return true;
	for (i = 0; i < d->n_tags; i++)
		for (j = 0; j < q->n_tags; j++)
			if (strcmp(d->tags[i], q->tags[j]) == 0)
				return true;
	return false;
}

/* difficulty may come from a database row: shift only by what fits. */
static bool draw_fits(const struct course_draw *d,
                      const struct course_question *q)
{
	if (d->difficulty_mask && ((unsigned)q->difficulty >= 32 ||
	                           !(d->difficulty_mask & (1u << q->difficulty))))
		return false;
	return draw_has_tag(d, q);
}

/* The draws whose lesson is `lesson`. */
static uint64_t lesson_mask(const struct course_blueprint *bp,
                            const char *lesson)
{
	uint64_t mask = 0;
	size_t d;

	for (d = 0; d < bp->n_draws; d++)
		if (lesson && strcmp(bp->draws[d].lesson_id, lesson) == 0)
			mask |= (uint64_t)1 << d;
	return mask;
}

struct drawing {
	uint64_t *fits;         /* per pool question: draws it fits */
	size_t *count;          /* per draw: candidates */
	size_t *start;          /* per draw: offset into cand */
	size_t *cand;           /* pool indices, grouped by draw */
	bool *taken;            /* per pool question */
};

static void drawing_fini(struct drawing *w)
{
	dt_free(w->fits);
	dt_free(w->count);
	dt_free(w->start);
	dt_free(w->cand);
	dt_free(w->taken);
}

/* The draws q's lesson is drawn by.  Runs of questions of one lesson (the
 * pool's usual order) reuse the last answer: by the resolved lesson
 * pointer when the loader set it, else by comparing the id. */
struct lesson_cache {
	const struct course_lesson *lesson;
	const char *id;
	uint64_t mask;
};

static uint64_t draws_of_lesson(const struct course_blueprint *bp,
                                const struct course_question *q,
                                struct lesson_cache *c)
{
	if (c->id && q->lesson_id &&
	    ((q->lesson && q->lesson == c->lesson) ||
	     strcmp(q->lesson_id, c->id) == 0))
		return c->mask;
	c->lesson = q->lesson;
	c->id = q->lesson_id;
	c->mask = lesson_mask(bp, q->lesson_id);
	return c->mask;
}

static unsigned lowest_bit(uint64_t m)
{
	unsigned d = 0;

	while (!(m & 1)) {
		m >>= 1;
		d++;
	}
	return d;
}

static enum dt_status classify(const struct course_blueprint *bp,
                               const struct course_question *const *pool,
                               size_t n_pool, struct drawing *w,
                               struct dt_error *err)
{
	struct lesson_cache cache = { NULL, NULL, 0 };
	size_t i, d, total = 0;

	w->fits = dt_calloc(n_pool ? n_pool : 1, sizeof *w->fits);
	w->count = dt_calloc(bp->n_draws ? bp->n_draws : 1, sizeof *w->count);
	w->start = dt_calloc(bp->n_draws ? bp->n_draws : 1, sizeof *w->start);
	w->taken = dt_calloc(n_pool ? n_pool : 1, sizeof *w->taken);
	if (!w->fits || !w->count || !w->start || !w->taken)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < n_pool; i++) {
		uint64_t m = draws_of_lesson(bp, pool[i], &cache);

		for (; m; m &= m - 1) {
			d = lowest_bit(m);
			if (draw_fits(&bp->draws[d], pool[i])) {
				w->fits[i] |= (uint64_t)1 << d;
				w->count[d]++;
				total++;
			}
		}
	}
	w->cand = dt_calloc(total ? total : 1, sizeof *w->cand);
	if (!w->cand)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (d = 1; d < bp->n_draws; d++)
		w->start[d] = w->start[d - 1] + w->count[d - 1];
	memset(w->count, 0, bp->n_draws * sizeof *w->count);
	for (i = 0; i < n_pool; i++) {
		uint64_t m;

		for (m = w->fits[i]; m; m &= m - 1) {
			d = lowest_bit(m);
			w->cand[w->start[d] + w->count[d]++] = i;
		}
	}
	return DT_OK;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Picks draw d's questions into out (pool indices, pool order). */
static enum dt_status pick_draw(const struct course_blueprint *bp, size_t d,
                                struct drawing *w, struct quiz_rng *rng,
                                size_t *out, struct dt_error *err)
{
	const struct course_draw *dr = &bp->draws[d];
	size_t *c = w->cand + w->start[d];
	size_t n = w->count[d], got = 0, i;

	for (i = 0; i < n && got < (size_t)dr->count; i++) {
		size_t j = i + (size_t)quiz_rng_below(rng, n - i), t = c[i];

		c[i] = c[j];
		c[j] = t;
		if (!w->taken[c[i]]) {
			w->taken[c[i]] = true;
			out[got++] = c[i];
		}
	}
	if (got < (size_t)dr->count)
		return dt_error_set(err, DT_ERR_INVALID, dr->pos.file ? dr->pos.file
		                    : bp->path, dr->pos.line, dr->pos.col,
		                    "draw %zu asks for %d questions of lesson '%s' "
		                    "but only %zu are left", d + 1, dr->count,
		                    dr->lesson_id, got);
	qsort(out, got, sizeof *out, cmp_size);
	return DT_OK;
}

static void shuffle_items(struct quiz_paper_item *items, size_t n,
                          struct quiz_rng *rng)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = (size_t)quiz_rng_below(rng, i);
		struct quiz_paper_item t = items[i - 1];

		items[i - 1] = items[j];
		items[j] = t;
	}
}

static void set_choices(struct quiz_paper_item *it, bool shuffle, bool domc,
                        struct quiz_rng *rng)
{
	const struct course_question *q = it->q;
	size_t i;

	it->n_choices = 0;
	if (q->type == COURSE_Q_SINGLE || q->type == COURSE_Q_MULTIPLE)
		it->n_choices = (uint8_t)q->n_choices;
	for (i = 0; i < it->n_choices; i++)
		it->order[i] = (uint8_t)i;
	for (i = it->n_choices; shuffle && i > 1; i--) {
		size_t j = (size_t)quiz_rng_below(rng, i);
		uint8_t t = it->order[i - 1];

		it->order[i - 1] = it->order[j];
		it->order[j] = t;
	}
	it->domc_extra = domc && it->n_choices && (quiz_rng_next(rng) >> 63);
}

static enum dt_status check_limits(const struct course_blueprint *bp,
                                   const struct course_question *const *pool,
                                   size_t n_pool, size_t *total,
                                   struct dt_error *err)
{
	size_t d, i;

	if (bp->n_draws > QUIZ_MAX_DRAWS)
		return dt_error_set(err, DT_ERR_LIMIT, bp->path, bp->pos.line,
		                    bp->pos.col, "a blueprint may have at most %u draws",
		                    QUIZ_MAX_DRAWS);
	*total = 0;
	for (d = 0; d < bp->n_draws; d++) {
		if (bp->draws[d].count < 0 ||
		    (size_t)bp->draws[d].count > QUIZ_MAX_PAPER - *total)
			return dt_error_set(err, DT_ERR_LIMIT, bp->path, bp->pos.line,
			                    bp->pos.col, "a paper may have at most "
			                    "%u questions", QUIZ_MAX_PAPER);
		*total += (size_t)bp->draws[d].count;
	}
	for (i = 0; i < n_pool; i++)
		if (pool[i]->n_choices > QUIZ_MAX_CHOICES)
			return dt_error_set(err, DT_ERR_LIMIT, pool[i]->pos.file,
			                    pool[i]->pos.line, pool[i]->pos.col,
			                    "question '%s' has more than %u choices",
			                    pool[i]->id, QUIZ_MAX_CHOICES);
	return DT_OK;
}

static enum dt_status fill_paper(const struct course_blueprint *bp,
                                 const struct course_question *const *pool,
                                 struct drawing *w, struct quiz_rng *rng,
                                 struct quiz_paper *out, struct dt_error *err)
{
	size_t *picked = NULL, d, i, n = 0;
	bool domc = bp->presentation == COURSE_PRESENT_DOMC;
	enum dt_status rc = DT_OK;

	picked = dt_calloc(out->n_items ? out->n_items : 1, sizeof *picked);
	if (!picked)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (d = 0; d < bp->n_draws && rc == DT_OK; d++) {
		rc = pick_draw(bp, d, w, rng, picked + n, err);
		n += (size_t)bp->draws[d].count;
	}
	for (i = 0; i < out->n_items && rc == DT_OK; i++)
		out->items[i].q = pool[picked[i]];
	dt_free(picked);
	if (rc != DT_OK)
		return rc;
	if (bp->shuffle_questions)
		shuffle_items(out->items, out->n_items, rng);
	for (i = 0; i < out->n_items; i++)
		set_choices(&out->items[i], bp->shuffle_choices, domc, rng);
	return DT_OK;
}

enum dt_status quiz_draw_exam(const struct course_blueprint *bp,
                              const struct course_question *const *pool,
                              size_t n_pool, uint64_t seed,
                              struct quiz_paper *out, struct dt_error *err)
{
	struct drawing w;
	struct quiz_rng rng;
	enum dt_status rc;
	size_t total = 0;

	memset(out, 0, sizeof *out);
	memset(&w, 0, sizeof w);
	rc = check_limits(bp, pool, n_pool, &total, err);
	if (rc != DT_OK)
		return rc;
	out->seed = seed;
	out->n_items = total;
	out->items = dt_calloc(total ? total : 1, sizeof *out->items);
	if (!out->items)
		rc = dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (rc == DT_OK)
		rc = classify(bp, pool, n_pool, &w, err);
	quiz_rng_seed(&rng, seed);
	if (rc == DT_OK)
		rc = fill_paper(bp, pool, &w, &rng, out, err);
	drawing_fini(&w);
	if (rc != DT_OK)
		quiz_paper_fini(out);
	return rc;
}

void quiz_paper_fini(struct quiz_paper *paper)
{
	if (!paper)
		return;
	dt_free(paper->items);
	paper->items = NULL;
	paper->n_items = 0;
}

static struct quiz_lesson_score *lesson_slot(struct quiz_exam_result *res,
                                             const char *lesson)
{
	size_t i;

	for (i = 0; i < res->n_lessons; i++)
		if (strcmp(res->lessons[i].lesson_id, lesson) == 0)
			return &res->lessons[i];
	res->lessons[res->n_lessons].lesson_id = lesson;
	return &res->lessons[res->n_lessons++];
}

static double pct(double part, double whole)
{
	return whole > 0 ? 100.0 * part / whole : 0.0;
}

enum dt_status quiz_exam_tally(const struct quiz_paper *paper,
                               const struct quiz_result *results,
                               const bool *answered, int pass_mark_pct,
                               struct quiz_exam_result *out,
                               struct dt_error *err)
{
	size_t i;

	memset(out, 0, sizeof *out);
	out->lessons = dt_calloc(paper->n_items ? paper->n_items : 1,
	                         sizeof *out->lessons);
	if (!out->lessons)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; i < paper->n_items; i++) {
		const char *lesson = paper->items[i].q->lesson_id;
		struct quiz_lesson_score *ls = lesson_slot(out, lesson ? lesson : "");

		out->n_items++;
		out->n_answered += !answered || answered[i];
		out->n_correct += results[i].correct;
		out->score += results[i].score;
		ls->n_items++;
		ls->n_correct += results[i].correct;
		ls->score += results[i].score;
	}
	out->max_score = (double)out->n_items;
	out->pct = pct(out->score, out->max_score);
	/* Compare in hundredths so 65% of 20 questions (13) passes 65%. */
	out->passed = (long)(out->pct * 100 + 0.5) >= (long)pass_mark_pct * 100;
	for (i = 0; i < out->n_lessons; i++)
		out->lessons[i].pct = pct(out->lessons[i].score,
		                          (double)out->lessons[i].n_items);
	return DT_OK;
}

void quiz_exam_result_fini(struct quiz_exam_result *res)
{
	if (!res)
		return;
	dt_free(res->lessons);
	res->lessons = NULL;
	res->n_lessons = 0;
}

int64_t quiz_attempt_deadline(int64_t started, int time_limit_s)
{
	return started + (time_limit_s > 0 ? time_limit_s : 0);
}

bool quiz_attempt_expired(int64_t deadline, int64_t now)
{
	return now >= deadline;
}

int64_t quiz_attempt_remaining(int64_t deadline, int64_t now)
{
	return now >= deadline ? 0 : deadline - now;
}
