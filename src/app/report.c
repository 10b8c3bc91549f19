/* Instructor reports: every finished attempt of an exam, item analysis as
 * Moodle's quiz statistics define it (quiz_item_analysis) and a distractor
 * table per choice question.
 * Design: drawn papers differ between learners, so the matrix has one
 * column per question (not per position), NAN where a paper lacked the
 * question; questions are found in the course first, then in the course
 * bank with retired ones, so a report survives edits to the content. */
#include <math.h>
#include <string.h>

#include "app_int.h"

enum dt_status app_report_exams(struct app *app, struct dt_arena *arena,
                                const char ***ids, size_t *n,
                                struct dt_error *err)
{
	return store_exams(app->store, arena, ids, n, err);
}

/* The question id's column, added when new (cols has room for every
 * item of every attempt). */
static size_t column(struct app_report *r, const struct store_item *it)
{
	size_t i;

	for (i = 0; i < r->n_questions; i++)
		if (strcmp(r->questions[i].id, it->question) == 0)
			return i;
	r->questions[i].id = it->question;
	r->questions[i].lesson_id = it->lesson;
	r->n_questions++;
	return i;
}

static enum dt_status find_questions(struct app *app, struct dt_arena *arena,
                                     struct app_report *r,
                                     struct dt_error *err)
{
	struct course_question *bank = NULL;
	size_t n_bank = 0, i, j;
	enum dt_status rc = DT_OK;

	for (i = 0; rc == DT_OK && i < r->n_questions; i++) {
		struct app_report_question *rq = &r->questions[i];

		rq->q = course_find_question(app->course, rq->id);
		if (rq->q)
			continue;
		if (!bank)
			rc = store_load_bank(app->store, app->bank, true, arena, &bank,
			                     &n_bank, err);
		for (j = 0; rc == DT_OK && j < n_bank && !rq->q; j++)
			if (strcmp(bank[j].id, rq->id) == 0)
				rq->q = &bank[j];
	}
	for (i = 0; rc == DT_OK && i < r->n_questions; i++) {
		struct app_report_question *rq = &r->questions[i];

		if (!rq->q || rq->q->n_choices == 0)
			continue;
		rq->picks = dt_arena_alloc(arena, rq->q->n_choices * sizeof *rq->picks);
		if (!rq->picks)
			rc = app_nomem(err);
	}
	return rc;
}

/* One response into its question's distractor table. */
static void count_response(struct app_report_question *rq,
                           const struct store_item *it)
{
	struct quiz_response resp = { 0, false, NULL, true };

	rq->responses++;
	if (!rq->picks) {
		rq->blank += !it->response || !*it->response;
		return;
	}
	if (it->response && *it->response &&
	    quiz_response_decode(rq->q, it->response, &resp, NULL) != DT_OK) {
		memset(&resp, 0, sizeof resp);
		resp.blank = true;
	}
	rq->none += !resp.blank && resp.picked == 0;
	quiz_count_picks(rq->q, &resp, 1, rq->picks, &rq->blank);
}

static enum dt_status analyse(struct app_report *r, struct dt_error *err)
{
	const struct store_exam_report *at = &r->attempts;
	size_t nq = r->n_questions, a, i;
	struct quiz_item_stats *stats;
	double *scores;
	enum dt_status rc;

	scores = dt_malloc((at->n * nq + 1) * sizeof *scores);
	stats = dt_calloc(nq + 1, sizeof *stats);
	if (!scores || !stats) {
		dt_free(scores);
		dt_free(stats);
		return app_nomem(err);
	}
	for (i = 0; i < at->n * nq; i++)
		scores[i] = NAN;
	for (a = 0; a < at->n; a++) {
		for (i = 0; i < at->n_items[a]; i++) {
			const struct store_item *it = &at->items[a][i];
			size_t col = column(r, it);

			scores[a * nq + col] = it->score;
			count_response(&r->questions[col], it);
		}
	}
	rc = quiz_item_analysis(scores, at->n, nq, NULL, stats, &r->test, err);
	for (i = 0; rc == DT_OK && i < nq; i++)
		r->questions[i].stats = stats[i];
	dt_free(scores);
	dt_free(stats);
	return rc;
}

enum dt_status app_report(struct app *app, const char *exam,
                          struct dt_arena *arena, struct app_report *out,
                          struct dt_error *err)
{
	size_t total = 0, a, i;
	enum dt_status rc;

	memset(out, 0, sizeof *out);
	out->exam = exam;
	rc = store_exam_report(app->store, exam, arena, &out->attempts, err);
	if (rc != DT_OK)
		return rc;
	if (out->attempts.n == 0)
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "exam '%s' has no finished attempts", exam);
	out->title = out->attempts.attempts[0].title;
	for (a = 0; a < out->attempts.n; a++) {
		total += out->attempts.n_items[a];
		out->learners += a == 0 || out->attempts.attempts[a].learner !=
		                               out->attempts.attempts[a - 1].learner;
	}
	out->questions = dt_arena_alloc(arena, (total + 1) * sizeof *out->questions);
	if (!out->questions)
		return app_nomem(err);
	/* Columns first (first appearance), then questions, then counts. */
	for (a = 0; a < out->attempts.n; a++)
		for (i = 0; i < out->attempts.n_items[a]; i++)
			column(out, &out->attempts.items[a][i]);
	rc = find_questions(app, arena, out, err);
	if (rc == DT_OK)
		rc = analyse(out, err);
	return rc;
}
