/* Practice sessions: the next question chosen by the quiz engine from the
 * learner's history, choices shuffled per presentation, each answer scored
 * and stored with its review state at once.
 * Design: the history is read once at the start and kept up to date in
 * memory as answers come in, so choosing is pure and costs no query; the
 * database is touched only to store an answer.  Questions not yet asked in
 * the session are offered first; when none is left the whole pool opens
 * again (mistakes come back), still never the same question twice in a
 * row.  An exam's mistakes are the same mistakes source over a smaller
 * pool, the attempt's wrong and unanswered items, whose history starts
 * from the exam's verdict (last answered wrong): the quiz engine needs no
 * source of its own for them. */
#include <string.h>

#include "app_int.h"

struct app_practice {
	struct app *app;
	enum quiz_source source;
	char *lesson_id;                /* owned copies of the filters */
	char *tag;
	int64_t attempt;                /* an exam's mistakes, or 0 */
	size_t count;
	struct quiz_rng rng;
	struct quiz_candidate *cands;   /* the pool, with history */
	bool *asked;                    /* per candidate, this session */
	struct quiz_candidate *scratch; /* the candidates offered to a pick */
	size_t *scratch_of;             /* scratch index -> candidate index */
	size_t n;
	size_t current;                 /* the pending question, or QUIZ_NONE */
	const char *last_id;
	struct app_item item;
	uint64_t shown_ms;
	size_t n_shown;                 /* questions shown (count, numbers) */
	size_t n_asked, n_correct;      /* answered, and right */
	size_t n_skipped;
	int64_t ms;
	struct quiz_lesson_score *lessons;
	size_t n_lessons;
};

static bool has_tag(const struct course_question *q, const char *tag)
{
	size_t i;

	for (i = 0; i < q->n_tags; i++)
		if (strcmp(q->tags[i], tag) == 0)
			return true;
	return false;
}

static bool wanted(const struct app_practice *p, const struct course_question *q)
{
	if (p->lesson_id && (!q->lesson_id || strcmp(q->lesson_id, p->lesson_id)))
		return false;
	return !p->tag || has_tag(q, p->tag);
}

static enum dt_status check_tag(const struct course *c, const char *tag,
                                struct dt_error *err)
{
	const char *names[256];
	char hint[128];
	size_t i, j, n = 0;

	for (i = 0; i < c->n_questions; i++) {
		const struct course_question *q = &c->questions[i];

		if (has_tag(q, tag))
			return DT_OK;
		for (j = 0; j < q->n_tags && n < 256; j++)
			names[n++] = q->tags[j];
	}
	app_suggest(hint, sizeof hint, tag, names, n);
	return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
	                    "no question has the tag '%s'%s", tag, hint);
}

static enum dt_status check_options(const struct course *c,
                                    const struct app_practice_options *o,
                                    struct dt_error *err)
{
	if ((unsigned)o->source >= QUIZ_SOURCE_COUNT)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "unknown practice source");
	if (o->source == QUIZ_FROM_LESSON && !o->lesson_id)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "practice from a lesson needs the lesson");
	if (o->source == QUIZ_FROM_TAG && !o->tag)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "practice from a tag needs the tag");
	if (o->attempt && o->source != QUIZ_FROM_MISTAKES)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "an exam attempt is practised for its mistakes "
		                    "only");
	if (o->lesson_id && app_check_lesson(c, o->lesson_id, err) != DT_OK)
		return err->code;
	if (o->tag && check_tag(c, o->tag, err) != DT_OK)
		return err->code;
	return DT_OK;
}

/* Whether the exam's review policy shows its answers once submitted:
 * never for a blueprint the course lacks (an instructor's file), whose
 * policy is not known here. */
static bool answers_shown(const struct course *c, const char *exam)
{
	const struct course_blueprint *bp = course_find_blueprint(c, exam);

	return bp && bp->review == COURSE_REVIEW_AFTER_SUBMIT;
}

/* Marks in mistake[] (one flag per course question) the questions of the
 * session's exam attempt answered wrong, partly right or not at all. */
static enum dt_status attempt_mistakes(struct app_practice *p, bool *mistake,
                                       struct dt_error *err)
{
	const struct course *c = p->app->course;
	struct store_attempt at;
	struct store_item *items = NULL;
	struct dt_arena arena;
	enum dt_status rc;
	size_t n = 0, i;

	dt_arena_init(&arena);
	rc = store_load_attempt(p->app->store, p->attempt, &arena, &at, &items,
	                        &n, err);
	if (rc == DT_OK && (p->app->learner_id == 0 ||
	                    at.learner != p->app->learner_id))
		rc = dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                  "%s has no exam attempt %lld", p->app->learner,
		                  (long long)p->attempt);
	else if (rc == DT_OK && at.status == STORE_ATTEMPT_OPEN)
		rc = dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                  "exam attempt %lld is still open: submit it first",
		                  (long long)p->attempt);
	else if (rc == DT_OK && !answers_shown(c, at.exam))
		rc = dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                  "the answers of exam '%s' are not shown, so neither "
		                  "are its mistakes", at.exam);
	/* Another course's paper has none of this course's questions. */
	for (i = 0; rc == DT_OK && at.bank == p->app->bank && i < n; i++) {
		const struct course_question *q;

		if (items[i].response && items[i].correct)
			continue;
		q = course_find_question(c, items[i].question);
		if (q)
			mistake[q - c->questions] = true;
	}
	dt_arena_fini(&arena);
	return rc;
}

/* The candidates: the questions the filters (and an exam's mistakes)
 * leave.  cand_of[i] is course question i's candidate, or QUIZ_NONE. */
static enum dt_status pick_pool(struct app_practice *p, size_t *cand_of,
                                struct dt_error *err)
{
	const struct course *c = p->app->course;
	bool *mistake = NULL;
	size_t i;

	if (p->attempt) {
		enum dt_status rc;

		mistake = dt_calloc(c->n_questions + 1, sizeof *mistake);
		if (!mistake)
			return app_nomem(err);
		rc = attempt_mistakes(p, mistake, err);
		if (rc != DT_OK) {
			dt_free(mistake);
			return rc;
		}
	}
	for (i = 0; i < c->n_questions; i++) {
		cand_of[i] = QUIZ_NONE;
		if (wanted(p, &c->questions[i]) && (!mistake || mistake[i])) {
			cand_of[i] = p->n;
			p->cands[p->n++].q = &c->questions[i];
		}
	}
	dt_free(mistake);
	return DT_OK;
}

/* Each candidate's history from the store; an exam's mistakes start as
 * last answered wrong, by the exam. */
static enum dt_status load_history(struct app_practice *p,
                                   const size_t *cand_of, struct dt_error *err)
{
	const struct course *c = p->app->course;
	struct quiz_history *hist;
	struct dt_arena arena;
	const char **ids;
	enum dt_status rc;
	size_t n, i;

	dt_arena_init(&arena);
	rc = store_history(p->app->store, p->app->learner_id, p->app->bank, &arena,
	                   &ids, &hist, &n, err);
	for (i = 0; rc == DT_OK && i < n; i++) {
		const struct course_question *q = course_find_question(c, ids[i]);
		size_t k = q ? cand_of[q - c->questions] : QUIZ_NONE;

		if (k != QUIZ_NONE)
			p->cands[k].h = hist[i];
	}
	dt_arena_fini(&arena);
	for (i = 0; rc == DT_OK && p->attempt && i < p->n; i++) {
		p->cands[i].h.seen += p->cands[i].h.seen == 0;
		p->cands[i].h.last_wrong = true;
	}
	return rc;
}

/* The pool with each question's history from the store.  Course
 * questions sit in one array, so a question's index there finds its
 * candidate in constant time. */
static enum dt_status load_pool(struct app_practice *p, struct dt_error *err)
{
	const struct course *c = p->app->course;
	size_t *cand_of = dt_calloc(c->n_questions + 1, sizeof *cand_of);
	enum dt_status rc;

	p->cands = dt_calloc(c->n_questions + 1, sizeof *p->cands);
	p->scratch = dt_calloc(c->n_questions + 1, sizeof *p->scratch);
	p->scratch_of = dt_calloc(c->n_questions + 1, sizeof *p->scratch_of);
	p->asked = dt_calloc(c->n_questions + 1, sizeof *p->asked);
	p->lessons = dt_calloc(c->n_lessons + 1, sizeof *p->lessons);
	if (!cand_of || !p->cands || !p->scratch || !p->scratch_of || !p->asked ||
	    !p->lessons) {
		dt_free(cand_of);
		return app_nomem(err);
	}
	rc = pick_pool(p, cand_of, err);
	if (rc == DT_OK)
		rc = load_history(p, cand_of, err);
	dt_free(cand_of);
	return rc;
}

enum dt_status app_practice_start(struct app *app,
                                  const struct app_practice_options *opts,
                                  struct app_practice **out,
                                  struct dt_error *err)
{
	struct app_practice *p;
	enum dt_status rc;

	*out = NULL;
	rc = check_options(app->course, opts, err);
	if (rc != DT_OK)
		return rc;
	p = dt_calloc(1, sizeof *p);
	if (!p)
		return app_nomem(err);
	p->app = app;
	p->source = opts->source;
	p->attempt = opts->attempt;
	p->count = opts->count;
	p->current = QUIZ_NONE;
	quiz_rng_seed(&p->rng, opts->seed ? opts->seed : app_fresh_seed(app));
	if ((opts->lesson_id && !(p->lesson_id = dt_strdup(opts->lesson_id))) ||
	    (opts->tag && !(p->tag = dt_strdup(opts->tag))))
		rc = app_nomem(err);
	if (rc == DT_OK)
		rc = load_pool(p, err);
	if (rc != DT_OK) {
		app_practice_free(p);
		return rc;
	}
	*out = p;
	return DT_OK;
}

void app_practice_free(struct app_practice *p)
{
	if (!p)
		return;
	dt_free(p->lesson_id);
	dt_free(p->tag);
	dt_free(p->cands);
	dt_free(p->asked);
	dt_free(p->scratch);
	dt_free(p->scratch_of);
	dt_free(p->lessons);
	dt_free(p);
}

size_t app_practice_pool(const struct app_practice *p)
{
	return p->n;
}

/* Offers the candidates (only those not yet asked when fresh_only) to the
 * quiz engine; returns a candidate index or QUIZ_NONE. */
static size_t pick_among(struct app_practice *p, bool fresh_only)
{
	struct quiz_pick pick = {
		p->source, p->lesson_id, p->tag, p->last_id, app_now(p->app),
	};
	size_t i, k = 0, got;

	for (i = 0; i < p->n; i++) {
		if (fresh_only && p->asked[i])
			continue;
		p->scratch[k] = p->cands[i];
		p->scratch_of[k++] = i;
	}
	got = quiz_pick_next(p->scratch, k, &pick, &p->rng);
	return got == QUIZ_NONE ? QUIZ_NONE : p->scratch_of[got];
}

bool app_practice_next(struct app_practice *p, const struct app_item **item)
{
	const struct course_question *q;
	size_t pick, i;

	*item = NULL;
	if (p->count && p->n_shown >= p->count)
		return false;
	pick = pick_among(p, true);
	if (pick == QUIZ_NONE)
		pick = pick_among(p, false);
	p->current = pick;
	if (pick == QUIZ_NONE)
		return false;
	q = p->cands[pick].q;
	memset(&p->item, 0, sizeof p->item);
	p->item.q = q;
	p->item.number = ++p->n_shown;
	if (q->type == COURSE_Q_SINGLE || q->type == COURSE_Q_MULTIPLE) {
		p->item.n_choices = (uint8_t)(q->n_choices < QUIZ_MAX_CHOICES
		                              ? q->n_choices : QUIZ_MAX_CHOICES);
		for (i = 0; i < p->item.n_choices; i++)
			p->item.order[i] = (uint8_t)i;
		app_shuffle(p->item.order, p->item.n_choices, &p->rng);
	}
	p->shown_ms = dt_now_ms();
	*item = &p->item;
	return true;
}

/* The review state after this answer; a clock that went back (progress
 * imported from a machine ahead of this one) counts as no time passing. */
static enum dt_status next_review(struct app_practice *p,
                                  const struct course_question *q,
                                  bool correct, int64_t now,
                                  struct quiz_review *rev, struct dt_error *err)
{
	enum dt_status rc = store_get_review(p->app->store, p->app->learner_id,
	                                     p->app->bank, q->id, rev, err);

	if (rc == DT_OK)
		quiz_review_update(rev, quiz_rating_for(correct),
		                   now > rev->last_review ? now : rev->last_review);
	return rc;
}

/* The pending question leaves the stage, answered or not. */
static void done_with_current(struct app_practice *p)
{
	p->asked[p->current] = true;
	p->last_id = p->cands[p->current].q->id;
	p->current = QUIZ_NONE;
}

static void remember(struct app_practice *p, const struct app_feedback *fb,
                     int64_t now)
{
	struct quiz_candidate *c = &p->cands[p->current];
	bool right = fb->result.correct;

	c->h.seen++;
	c->h.wrong += !right;
	c->h.last_wrong = !right;
	c->h.last_at = now;
	c->h.due = fb->review.due;
	done_with_current(p);
	p->n_asked++;
	p->n_correct += right;
	p->ms += fb->ms;
	app_tally_lesson(p->lessons, &p->n_lessons, c->q->lesson_id, right,
	                 fb->result.score);
}

enum dt_status app_practice_answer(struct app_practice *p,
                                   const struct quiz_response *r,
                                   struct app_feedback *fb,
                                   struct dt_error *err)
{
	char text[QUIZ_MAX_ANSWER + 64];
	const struct course_question *q;
	struct store_answer a;
	int64_t now = app_now(p->app);
	enum dt_status rc;

	memset(fb, 0, sizeof *fb);
	if (p->current == QUIZ_NONE)
		return dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                    "no question is waiting for an answer");
	q = p->cands[p->current].q;
	rc = quiz_score(q, r, &fb->result, err);
	if (rc != DT_OK)
		return rc;
	if (!quiz_response_encode(q, r, text, sizeof text))
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the answer is too long");
	rc = next_review(p, q, fb->result.correct, now, &fb->review, err);
	if (rc != DT_OK)
		return rc;
	fb->ms = (int64_t)(dt_now_ms() - p->shown_ms);
	fb->explanation = q->explanation;
	rc = app_learner_ensure(p->app, err);
	if (rc != DT_OK)
		return rc;
	a = (struct store_answer){ p->app->learner_id, p->app->bank, q->id, text,
	                           fb->result.correct, fb->result.score, fb->ms,
	                           now };
	rc = store_record_answer(p->app->store, &a, &fb->review, err);
	if (rc == DT_OK)
		remember(p, fb, now);
	return rc;
}

void app_practice_skip(struct app_practice *p)
{
	if (p->current == QUIZ_NONE)
		return;
	done_with_current(p);
	p->n_skipped++;
}

void app_practice_summary(const struct app_practice *p,
                          struct app_practice_summary *out)
{
	out->asked = p->n_asked;
	out->skipped = p->n_skipped;
	out->correct = p->n_correct;
	out->ms = p->ms;
	out->lessons = p->lessons;
	out->n_lessons = p->n_lessons;
}
