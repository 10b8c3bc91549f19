/* A learner's progress: sections read and reading positions, practice
 * answers with their review states (one transaction per answer), the
 * history the quiz engine chooses from, reviews due, per-lesson summaries,
 * time studied, exercises and the hints seen.  Summaries read the
 * learner_question, learner_day and exercise_hint tables, which triggers
 * keep up to date. */
#include <string.h>

#include "store_int.h"

enum dt_status store_mark_read(struct store *s, int64_t learner,
                               const char *lesson, const char *section,
                               int64_t now, struct dt_error *err)
{
	enum dt_status rc = store_begin(s, err);

	if (rc == DT_OK)
		rc = store_run(s, SQL_MARK_READ, err, "itti", learner, lesson,
		               section, now);
	return store_end(s, rc, err);
}

enum dt_status store_set_position(struct store *s, int64_t learner,
                                  const char *lesson, const char *section,
                                  int depth, int64_t now, struct dt_error *err)
{
	enum dt_status rc = store_begin(s, err);

	if (rc == DT_OK)
		rc = store_run(s, SQL_SET_POSITION, err, "ittii", learner, lesson,
		               section, (int64_t)depth, now);
	return store_end(s, rc, err);
}

/* Reads the one row of a position query (lesson, section, depth) from st,
 * prepared by the caller; without a row the texts are NULL and the depth
 * 0. */
static enum dt_status read_position(struct store *s, sqlite3_stmt *st,
                                    struct dt_arena *arena,
                                    const char **lesson, const char **section,
                                    int *depth, struct dt_error *err)
{
	enum dt_status rc;
	bool row, oom = false;

	*lesson = *section = NULL;
	*depth = 0;
	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	*lesson = store_col_text(st, 0, arena, &oom);
	*section = store_col_text(st, 1, arena, &oom);
	*depth = sqlite3_column_int(st, 2);
	(void)sqlite3_reset(st);
	if (!oom)
		return DT_OK;
	*lesson = *section = NULL;
	*depth = 0;
	return dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
}

enum dt_status store_get_position(struct store *s, int64_t learner,
                                  const char *lesson, struct dt_arena *arena,
                                  const char **section, int *depth,
                                  struct dt_error *err)
{
	const char *same;       /* lesson, as asked */

	return read_position(s, store_prepare(s, SQL_GET_POSITION, err, "it",
	                                      learner, lesson),
	                     arena, &same, section, depth, err);
}

enum dt_status store_last_position(struct store *s, int64_t learner,
                                   struct dt_arena *arena,
                                   const char **lesson, const char **section,
                                   int *depth, struct dt_error *err)
{
	return read_position(s, store_prepare(s, SQL_LAST_POSITION, err, "i",
	                                      learner),
	                     arena, lesson, section, depth, err);
}

enum dt_status store_sections_read(struct store *s, int64_t learner,
                                   const char *lesson, struct dt_arena *arena,
                                   const char ***out, size_t *n,
                                   struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_SECTIONS_READ, err, "it",
	                                      learner, lesson),
	                     arena, sizeof **out, store_text_row, out, n, err);
}

/* ---- answers and reviews ---- */

static enum dt_status put_review(struct store *s, int64_t learner,
                                 int64_t question, const struct quiz_review *r,
                                 struct dt_error *err)
{
	return store_run(s, SQL_REVIEW_PUT, err, "iiddiiiii", learner, question,
	                 r->stability, r->difficulty, r->due, r->last_review,
	                 (int64_t)r->reps, (int64_t)r->lapses, (int64_t)r->state);
}

enum dt_status store_record_answer(struct store *s,
                                   const struct store_answer *a,
                                   const struct quiz_review *review,
                                   struct dt_error *err)
{
	enum dt_status rc = store_begin(s, err);
	int64_t question = 0;

	if (rc == DT_OK)
		rc = store_question_row(s, a->bank, a->question, &question, err);
	if (rc == DT_OK)
		rc = store_run(s, SQL_ANSWER_ADD, err, "iittbdii", a->learner, question,
		               NULL, a->response ? a->response : "", (int)a->correct,
		               a->score, a->ms, a->at);
	if (rc == DT_OK && review)
		rc = put_review(s, a->learner, question, review, err);
	return store_end(s, rc, err);
}

enum dt_status store_record_answers(struct store *s,
                                    const struct store_answer *answers,
                                    size_t n, struct dt_error *err)
{
	enum dt_status rc = store_begin(s, err);
	size_t i;

	for (i = 0; i < n && rc == DT_OK; i++) {
		const struct store_answer *a = &answers[i];
		int64_t question = 0;

		rc = store_question_row(s, a->bank, a->question, &question, err);
		if (rc == DT_OK)
			rc = store_run(s, SQL_ANSWER_ADD, err, "iittbdii", a->learner,
			               question, NULL, a->response ? a->response : "",
			               (int)a->correct, a->score, a->ms, a->at);
	}
	return store_end(s, rc, err);
}

enum dt_status store_get_review(struct store *s, int64_t learner,
                                int64_t bank, const char *question,
                                struct quiz_review *out, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_REVIEW_GET, err, "iit", learner,
	                                 bank, question);
	enum dt_status rc;
	bool row;
	int state;

	quiz_review_init(out);
	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	out->stability = sqlite3_column_double(st, 0);
	out->difficulty = sqlite3_column_double(st, 1);
	out->due = sqlite3_column_int64(st, 2);
	out->last_review = sqlite3_column_int64(st, 3);
	out->reps = sqlite3_column_int(st, 4);
	out->lapses = sqlite3_column_int(st, 5);
	state = sqlite3_column_int(st, 6);
	out->state = state >= 0 && state < QUIZ_CARD_STATE_COUNT
	                 ? (enum quiz_card_state)state : QUIZ_CARD_REVIEW;
	(void)sqlite3_reset(st);
	return DT_OK;
}

struct history_row {
	const char *id;
	struct quiz_history h;
};

static void history_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                        bool *oom)
{
	struct history_row *r = item;

	r->id = store_col_text(st, 0, a, oom);
	r->h.seen = sqlite3_column_int(st, 1);
	r->h.wrong = sqlite3_column_int(st, 2);
	r->h.last_wrong = sqlite3_column_int(st, 3) != 0;
	r->h.last_at = sqlite3_column_int64(st, 4);
	r->h.due = sqlite3_column_int64(st, 5);
}

enum dt_status store_history(struct store *s, int64_t learner, int64_t bank,
                             struct dt_arena *arena, const char ***ids,
                             struct quiz_history **out, size_t *n,
                             struct dt_error *err)
{
	struct history_row *rows;
	enum dt_status rc;
	size_t i;

	*ids = NULL;
	*out = NULL;
	rc = store_collect(s, store_prepare(s, SQL_HISTORY, err, "ii", learner,
	                                    bank),
	                   arena, sizeof *rows, history_row, &rows, n, err);
	if (rc != DT_OK || *n == 0)
		return rc;
	*ids = dt_arena_alloc(arena, *n * sizeof **ids);
	*out = dt_arena_alloc(arena, *n * sizeof **out);
	if (!*ids || !*out) {
		*n = 0;
		return dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
	}
	for (i = 0; i < *n; i++) {
		(*ids)[i] = rows[i].id;
		(*out)[i] = rows[i].h;
	}
	return DT_OK;
}

enum dt_status store_mistakes(struct store *s, int64_t learner, int64_t bank,
                              struct dt_arena *arena, const char ***out,
                              size_t *n, struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_MISTAKES, err, "ii", learner,
	                                      bank),
	                     arena, sizeof **out, store_text_row, out, n, err);
}

enum dt_status store_unseen(struct store *s, int64_t learner, int64_t bank,
                            const char *lesson, struct dt_arena *arena,
                            const char ***out, size_t *n,
                            struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_UNSEEN, err, "iit", learner,
	                                      bank, lesson),
	                     arena, sizeof **out, store_text_row, out, n, err);
}

enum dt_status store_reviews_due(struct store *s, int64_t learner,
                                 int64_t bank, int64_t now, size_t *count,
                                 struct dt_error *err)
{
	int64_t v = 0;
	enum dt_status rc = store_int(s, SQL_DUE_COUNT, &v, err, "iii", learner,
	                              bank, now);

	*count = (size_t)v;
	return rc;
}

enum dt_status store_reviews_forecast(struct store *s, int64_t learner,
                                      int64_t bank, int64_t day_start,
                                      size_t n_days, size_t *per_day,
                                      struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_DUE_FORECAST, err, "iiii", learner,
	                                 bank, day_start, (int64_t)n_days);
	enum dt_status rc = st ? DT_OK : err ? err->code : DT_ERR_DB;
	bool row = true;

	memset(per_day, 0, n_days * sizeof *per_day);
	while (rc == DT_OK && (rc = store_step(s, st, &row, err)) == DT_OK && row) {
		int64_t d = sqlite3_column_int64(st, 0);

		if (d >= 0 && (size_t)d < n_days)
			per_day[d] += (size_t)sqlite3_column_int64(st, 1);
	}
	return rc;
}

/* ---- summaries ---- */

static void lesson_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                       bool *oom)
{
	struct store_lesson_progress *p = item;

	p->lesson = store_col_text(st, 0, a, oom);
	p->n_questions = (size_t)sqlite3_column_int64(st, 1);
	p->n_seen = (size_t)sqlite3_column_int64(st, 2);
	p->n_answers = (size_t)sqlite3_column_int64(st, 3);
	p->n_correct = (size_t)sqlite3_column_int64(st, 4);
	p->n_mastered = (size_t)sqlite3_column_int64(st, 5);
	p->ms = sqlite3_column_int64(st, 6);
	p->n_sections_read = (size_t)sqlite3_column_int64(st, 7);
	p->accuracy = p->n_answers ? (double)p->n_correct / (double)p->n_answers
	                           : 0.0;
}

enum dt_status store_lesson_progress(struct store *s, int64_t learner,
                                     int64_t bank, struct dt_arena *arena,
                                     struct store_lesson_progress **out,
                                     size_t *n, struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_LESSON_PROGRESS, err, "ii",
	                                      learner, bank),
	                     arena, sizeof **out, lesson_row, out, n, err);
}

static void day_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                    bool *oom)
{
	struct store_study_day *d = item;

	(void)a;
	(void)oom;
	d->day = sqlite3_column_int64(st, 0);
	d->answers = (size_t)sqlite3_column_int64(st, 1);
	d->correct = (size_t)sqlite3_column_int64(st, 2);
	d->ms = sqlite3_column_int64(st, 3);
}

enum dt_status store_time_studied(struct store *s, int64_t learner,
                                  int64_t from_day, int64_t to_day,
                                  struct dt_arena *arena,
                                  struct store_study_day **out, size_t *n,
                                  struct store_study_day *total,
                                  struct dt_error *err)
{
	struct store_study_day *days;
	struct dt_arena scratch;
	enum dt_status rc;
	size_t i, count;

	memset(total, 0, sizeof *total);
	dt_arena_init(&scratch);
	rc = store_collect(s, store_prepare(s, SQL_STUDY_DAYS, err, "iii", learner,
	                                    from_day, to_day),
	                   out ? arena : &scratch, sizeof *days, day_row, &days,
	                   &count, err);
	for (i = 0; rc == DT_OK && i < count; i++) {
		total->answers += days[i].answers;
		total->correct += days[i].correct;
		total->ms += days[i].ms;
	}
	if (rc == DT_OK && out) {
		*out = days;
		*n = count;
	}
	dt_arena_fini(&scratch);
	return rc;
}

static void totals_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                       bool *oom)
{
	struct store_question_totals *t = item;

	t->question = store_col_text(st, 0, a, oom);
	t->lesson = store_col_text(st, 1, a, oom);
	t->learners = (size_t)sqlite3_column_int64(st, 2);
	t->answers = (size_t)sqlite3_column_int64(st, 3);
	t->correct = (size_t)sqlite3_column_int64(st, 4);
}

enum dt_status store_question_totals(struct store *s, int64_t bank,
                                     struct dt_arena *arena,
                                     struct store_question_totals **out,
                                     size_t *n, struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_QUESTION_TOTALS, err, "i",
	                                      bank),
	                     arena, sizeof **out, totals_row, out, n, err);
}

/* ---- exercises ---- */

enum dt_status store_record_exercise(struct store *s, int64_t learner,
                                     const char *exercise, const char *lesson,
                                     bool passed, int hints, int64_t now,
                                     struct dt_error *err)
{
	enum dt_status rc = store_begin(s, err);

	if (rc == DT_OK)
		rc = store_run(s, SQL_EXERCISE_ADD, err, "ittbii", learner, exercise,
		               lesson ? lesson : "", (int)passed, (int64_t)hints, now);
	return store_end(s, rc, err);
}

enum dt_status store_record_hint(struct store *s, int64_t learner,
                                 const char *exercise, const char *lesson,
                                 int hints_seen, int64_t now,
                                 struct dt_error *err)
{
	enum dt_status rc;

	if (hints_seen < 0)
		return dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                    "a count of hints seen cannot be negative");
	if (hints_seen == 0)
		return DT_OK;           /* nothing seen is no row */
	rc = store_begin(s, err);
	if (rc == DT_OK)
		rc = store_run(s, SQL_HINT_PUT, err, "ittii", learner, exercise,
		               lesson ? lesson : "", (int64_t)hints_seen, now);
	return store_end(s, rc, err);
}

static void exercise_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                         bool *oom)
{
	struct store_exercise_progress *e = item;

	e->exercise = store_col_text(st, 0, a, oom);
	e->lesson = store_col_text(st, 1, a, oom);
	e->attempts = (size_t)sqlite3_column_int64(st, 2);
	e->first_pass = sqlite3_column_int64(st, 3);
	e->attempts_to_pass = (size_t)sqlite3_column_int64(st, 4);
	e->hints = sqlite3_column_int(st, 5);
}

enum dt_status store_exercise_progress(struct store *s, int64_t learner,
                                       struct dt_arena *arena,
                                       struct store_exercise_progress **out,
                                       size_t *n, struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_EXERCISE_PROGRESS, err, "i",
	                                      learner),
	                     arena, sizeof **out, exercise_row, out, n, err);
}
