/* Exams: opening one (resuming the learner's open attempt of the blueprint,
 * or drawing a paper and starting a new attempt), closing attempts whose
 * deadline passed, and rebuilding a stored paper from the database.
 * Design: the database is the truth.  A new attempt is stored first and
 * then read back exactly as a resumed one is, so both paths share one
 * rebuild, and whatever happens to the process afterwards, the attempt
 * continues from the database alone.  Answering, the clock and results are
 * in exam_run.c. */
#include <string.h>

#include "app_int.h"

/* A blueprint named by path rather than id: a folder separator or a YAML
 * extension. */
static bool is_path(const char *s)
{
	return strchr(s, '/') || dt_str_has_suffix(s, ".yaml") ||
	       dt_str_has_suffix(s, ".yml");
}

static enum dt_status find_blueprint(struct app *app, const char *name,
                                     const struct course_blueprint **out,
                                     struct course_diags *diags,
                                     struct dt_error *err)
{
	const struct course *c = app->course;
	struct course_blueprint *bp = NULL;
	const char *names[256];
	char hint[128];
	size_t i, n = 0;

	if (is_path(name)) {
		struct course_diags own;
		enum dt_status rc;

		if (!diags)
			course_diags_init(&own);
		rc = course_load_blueprint(app->course, name, &bp,
		                           diags ? diags : &own, err);
		if (rc == DT_ERR_INVALID)
			dt_error_set(err, rc, name, 0, 0, "the blueprint has errors");
		if (!diags)
			course_diags_fini(&own);
		*out = bp;
		return rc;
	}
	*out = course_find_blueprint(c, name);
	if (*out)
		return DT_OK;
	for (i = 0; i < c->n_blueprints && n < 256; i++)
		names[n++] = c->blueprints[i].id;
	app_suggest(hint, sizeof hint, name, names, n);
	return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
	                    "the course has no exam '%s'%s", name, hint);
}

/* ---- closing attempts that ran out of time, from their stored items ---- */

/* Totals a stored attempt without its questions: only the item scores and
 * lessons are needed. */
static enum dt_status tally_stored(const struct store_attempt *at,
                                   const struct store_item *items, size_t n,
                                   struct quiz_exam_result *res,
                                   struct dt_error *err)
{
	struct course_question *qs = dt_calloc(n + 1, sizeof *qs);
	struct quiz_paper_item *pi = dt_calloc(n + 1, sizeof *pi);
	struct quiz_result *rs = dt_calloc(n + 1, sizeof *rs);
	bool *answered = dt_calloc(n + 1, sizeof *answered);
	struct quiz_paper paper = { pi, n, at->seed };
	enum dt_status rc = DT_ERR_NOMEM;
	size_t i;

	if (qs && pi && rs && answered) {
		for (i = 0; i < n; i++) {
			qs[i].id = items[i].question;
			qs[i].lesson_id = items[i].lesson;
			pi[i].q = &qs[i];
			rs[i].correct = items[i].correct;
			rs[i].score = items[i].score;
			answered[i] = items[i].response && *items[i].response;
		}
		rc = quiz_exam_tally(&paper, rs, answered, at->pass_mark_pct, res, err);
	} else {
		app_nomem(err);
	}
	dt_free(qs);
	dt_free(pi);
	dt_free(rs);
	dt_free(answered);
	return rc;
}

static enum dt_status expire_stored(struct app *app, int64_t id,
                                    struct dt_error *err)
{
	struct quiz_exam_result res;
	struct store_attempt at;
	struct store_item *items;
	struct dt_arena arena;
	enum dt_status rc;
	size_t n;

	dt_arena_init(&arena);
	memset(&res, 0, sizeof res);
	rc = store_load_attempt(app->store, id, &arena, &at, &items, &n, err);
	if (rc == DT_OK)
		rc = tally_stored(&at, items, n, &res, err);
	if (rc == DT_OK)
		rc = store_finish_attempt(app->store, id, STORE_ATTEMPT_EXPIRED, &res,
		                          app_now(app), err);
	if (rc == DT_ERR_STATE)
		rc = DT_OK;             /* another process closed it first */
	quiz_exam_result_fini(&res);
	dt_arena_fini(&arena);
	return rc;
}

/* Finds the learner's oldest open attempt of exam (of any exam when NULL)
 * in *found (0 when none), and closes every other open attempt whose
 * deadline has passed. */
static enum dt_status sweep_attempts(struct app *app, const char *exam,
                                     int64_t *found, struct dt_error *err)
{
	struct store_attempt *open;
	struct dt_arena arena;
	enum dt_status rc;
	int64_t now = app_now(app);
	size_t n, i;

	*found = 0;
	dt_arena_init(&arena);
	rc = store_open_attempts(app->store, app->learner_id, &arena, &open, &n,
	                         err);
	for (i = 0; rc == DT_OK && i < n; i++) {
		bool mine = !exam || strcmp(open[i].exam, exam) == 0;

		if (mine && !*found)
			*found = open[i].id;
		else if (quiz_attempt_expired(open[i].deadline, now))
			rc = expire_stored(app, open[i].id, err);
	}
	dt_arena_fini(&arena);
	return rc;
}

/* ---- rebuilding a stored paper ---- */

static const struct course_question *bank_question(struct app_exam *e,
                                                   const char *id,
                                                   struct dt_error *err)
{
	size_t i;

	if (!e->bank_qs &&
	    store_load_bank(e->app->store, e->attempt.bank, true, &e->arena,
	                    &e->bank_qs, &e->n_bank_qs, err) != DT_OK)
		return NULL;
	for (i = 0; i < e->n_bank_qs; i++)
		if (strcmp(e->bank_qs[i].id, id) == 0)
			return &e->bank_qs[i];
	dt_error_set(err, DT_ERR_NOTFOUND, app_db_path(e->app), 0, 0,
	             "question '%s' of attempt %lld is in no bank", id,
	             (long long)e->attempt.id);
	return NULL;
}

/* The paper item of a stored item; a choice order that no longer fits the
 * question (its choices were edited) falls back to content order. */
static void paper_item(const struct course_question *q,
                       const struct store_item *it, struct quiz_paper_item *pi)
{
	size_t i, n = q->n_choices < QUIZ_MAX_CHOICES ? q->n_choices
	                                               : QUIZ_MAX_CHOICES;
	bool fits = it->n_choices == n;

	memset(pi, 0, sizeof *pi);
	pi->q = q;
	if (q->type != COURSE_Q_SINGLE && q->type != COURSE_Q_MULTIPLE)
		return;
	pi->n_choices = (uint8_t)n;
	for (i = 0; i < n; i++)
		fits = fits && it->order[i] < n;
	for (i = 0; i < n; i++)
		pi->order[i] = fits ? it->order[i] : (uint8_t)i;
	pi->domc_extra = it->domc_extra;
}

static enum dt_status load_items(struct app_exam *e, struct dt_error *err)
{
	struct store_item *items;
	enum dt_status rc;
	size_t n, i;

	rc = store_load_attempt(e->app->store, e->attempt.id, &e->arena,
	                        &e->attempt, &items, &n, err);
	if (rc != DT_OK)
		return rc;
	e->slots = dt_calloc(n + 1, sizeof *e->slots);
	e->paper.items = dt_calloc(n + 1, sizeof *e->paper.items);
	if (!e->slots || !e->paper.items)
		return app_nomem(err);
	e->paper.seed = e->attempt.seed;
	for (i = 0; i < n; i++) {
		const struct course_question *q =
			course_find_question(e->app->course, items[i].question);

		if (!q && !(q = bank_question(e, items[i].question, err)))
			return err->code;
		paper_item(q, &items[i], &e->paper.items[i]);
		e->paper.n_items = e->n = i + 1;
		if (app_exam_restore_slot(e, i, &items[i]) != DT_OK)
			return app_nomem(err);
	}
	return DT_OK;
}

/* ---- opening ---- */

static enum dt_status start_attempt(struct app_exam *e,
                                    const struct app_exam_options *o,
                                    struct dt_error *err)
{
	const struct course *c = e->app->course;
	const struct course_question **pool;
	struct quiz_paper paper = { NULL, 0, 0 };
	uint64_t seed;
	enum dt_status rc;
	size_t i;

	pool = dt_calloc(c->n_questions + 1, sizeof *pool);
	if (!pool)
		return app_nomem(err);
	for (i = 0; i < c->n_questions; i++)
		pool[i] = &c->questions[i];
	seed = o->has_seed ? o->seed
	                   : quiz_paper_seed(e->bp, app_fresh_seed(e->app));
	rc = quiz_draw_exam(e->bp, pool, c->n_questions, seed, &paper, err);
	if (rc == DT_OK)
		rc = app_learner_ensure(e->app, err);
	if (rc == DT_OK)
		rc = store_start_attempt(e->app->store, e->app->learner_id,
		                         e->app->bank, e->bp, &paper, app_now(e->app),
		                         &e->attempt.id, err);
	quiz_paper_fini(&paper);
	dt_free(pool);
	return rc;
}

static enum dt_status open_exam(struct app_exam *e,
                                const struct app_exam_options *o,
                                struct course_diags *diags,
                                struct dt_error *err)
{
	enum dt_status rc = DT_OK;
	bool expired;

	if (o->blueprint)
		rc = find_blueprint(e->app, o->blueprint, &e->bp, diags, err);
	if (rc == DT_OK)
		rc = sweep_attempts(e->app, e->bp ? e->bp->id : NULL,
		                    &e->attempt.id, err);
	if (rc != DT_OK)
		return rc;
	e->resumed = e->attempt.id != 0;
	if (!e->resumed && !e->bp)
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "there is no open exam to resume");
	if (!e->resumed)
		rc = start_attempt(e, o, err);
	if (rc == DT_OK)
		rc = load_items(e, err);
	if (rc == DT_OK && !e->bp)
		e->bp = course_find_blueprint(e->app->course, e->attempt.exam);
	if (rc == DT_OK)
		rc = app_exam_tick(e, &expired, err);
	return rc;
}

enum dt_status app_exam_open(struct app *app,
                             const struct app_exam_options *opts,
                             struct app_exam **out,
                             struct course_diags *diags,
                             struct dt_error *err)
{
	struct app_exam *e = dt_calloc(1, sizeof *e);
	enum dt_status rc;

	*out = NULL;
	if (!e)
		return app_nomem(err);
	e->app = app;
	e->visit = QUIZ_NONE;
	dt_arena_init(&e->arena);
	rc = open_exam(e, opts, diags, err);
	if (rc != DT_OK) {
		app_exam_free(e);
		return rc;
	}
	*out = e;
	return DT_OK;
}

void app_exam_free(struct app_exam *e)
{
	size_t i;

	if (!e)
		return;
	for (i = 0; i < e->n; i++)
		dt_free(e->slots[i].owned);
	dt_free(e->slots);
	quiz_paper_fini(&e->paper);
	quiz_exam_result_fini(&e->result);
	dt_arena_fini(&e->arena);
	dt_free(e);
}
