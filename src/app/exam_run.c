/* Running an exam: items as shown, answers and DOMC options stored the
 * moment they are given, flags, the clock, submitting and the results.
 * Every change is written to the database before the in-memory state
 * follows it, so a failed write leaves both as they were. */
#include <string.h>

#include "app_int.h"

/* Takes ownership of text (NULL for none) as the slot's response and
 * decodes it. */
static void set_response(struct exam_slot *s, char *text)
{
	struct app_exam_item *pub = &s->pub;

	dt_free(s->owned);
	s->owned = text;
	pub->response = text ? text : "";
	memset(&pub->r, 0, sizeof pub->r);
	pub->r.blank = true;
	if (*pub->response &&
	    quiz_response_decode(pub->item.q, pub->response, &pub->r, NULL) != DT_OK) {
		memset(&pub->r, 0, sizeof pub->r);
		pub->r.blank = true;
	}
}

static void restore_domc(struct app_exam_item *pub,
                         const struct quiz_paper_item *pi)
{
	memset(&pub->result, 0, sizeof pub->result);
	if (*pub->response &&
	    quiz_domc_replay(&pub->d, pi, pub->response, NULL) != DT_OK)
		quiz_domc_start(&pub->d, pi);   /* the question changed */
	pub->answered = pub->d.decided;
	if (pub->d.decided)
		quiz_domc_result(&pub->d, &pub->result);
}

enum dt_status app_exam_restore_slot(struct app_exam *e, size_t i,
                                     const struct store_item *it)
{
	const struct quiz_paper_item *pi = &e->paper.items[i];
	struct exam_slot *s = &e->slots[i];
	struct app_exam_item *pub = &s->pub;
	char *text = NULL;

	if (it->response && *it->response && !(text = dt_strdup(it->response)))
		return DT_ERR_NOMEM;
	pub->item.q = pi->q;
	pub->item.number = i + 1;
	pub->item.n_choices = pi->n_choices;
	memcpy(pub->item.order, pi->order, sizeof pub->item.order);
	pub->flagged = it->flagged;
	set_response(s, text);
	pub->domc = e->attempt.presentation == COURSE_PRESENT_DOMC &&
	            quiz_domc_start(&pub->d, pi);
	if (pub->domc) {
		restore_domc(pub, pi);
		return DT_OK;
	}
	pub->answered = !pub->r.blank;
	if (!pub->answered ||
	    quiz_score(pub->item.q, &pub->r, &pub->result, NULL) != DT_OK)
		memset(&pub->result, 0, sizeof pub->result);
	return DT_OK;
}

const struct store_attempt *app_exam_attempt(const struct app_exam *e)
{
	return &e->attempt;
}

const struct course_blueprint *app_exam_blueprint(const struct app_exam *e)
{
	return e->bp;
}

bool app_exam_resumed(const struct app_exam *e)
{
	return e->resumed;
}

bool app_exam_is_open(const struct app_exam *e)
{
	return e->attempt.status == STORE_ATTEMPT_OPEN;
}

size_t app_exam_count(const struct app_exam *e)
{
	return e->n;
}

const struct app_exam_item *app_exam_item(const struct app_exam *e, size_t i)
{
	return i < e->n ? &e->slots[i].pub : NULL;
}

void app_exam_counts(const struct app_exam *e, size_t *answered,
                     size_t *flagged)
{
	size_t i, a = 0, f = 0;

	for (i = 0; i < e->n; i++) {
		a += e->slots[i].pub.answered;
		f += e->slots[i].pub.flagged;
	}
	if (answered)
		*answered = a;
	if (flagged)
		*flagged = f;
}

size_t app_exam_next_unanswered(const struct app_exam *e, size_t i)
{
	size_t start = i == QUIZ_NONE || i >= e->n ? 0 : i + 1, k;

	for (k = 0; k < e->n; k++) {
		size_t j = (start + k) % e->n;

		if (!e->slots[j].pub.answered)
			return j;
	}
	return QUIZ_NONE;
}

int64_t app_exam_remaining(const struct app_exam *e)
{
	if (!app_exam_is_open(e))
		return 0;
	return quiz_attempt_remaining(e->attempt.deadline, app_now(e->app));
}

void app_exam_visit(struct app_exam *e, size_t i)
{
	e->visit = i;
	e->visit_ms = dt_now_ms();
}

/* Milliseconds spent on item i since it was shown or last answered. */
static int64_t spent(struct app_exam *e, size_t i)
{
	uint64_t now = dt_now_ms(), ms;

	if (e->visit != i)
		return 0;
	ms = now - e->visit_ms;
	e->visit_ms = now;
	return (int64_t)ms;
}

/* Scores every item, closes the attempt with the total and keeps it. */
static enum dt_status close_attempt(struct app_exam *e,
                                    enum store_attempt_status status,
                                    struct dt_error *err)
{
	struct quiz_result *rs = dt_calloc(e->n + 1, sizeof *rs);
	bool *answered = dt_calloc(e->n + 1, sizeof *answered);
	int64_t now = app_now(e->app);
	enum dt_status rc = rs && answered ? DT_OK : app_nomem(err);
	size_t i;

	for (i = 0; rc == DT_OK && i < e->n; i++) {
		answered[i] = e->slots[i].pub.answered;
		if (answered[i])
			rs[i] = e->slots[i].pub.result;
	}
	quiz_exam_result_fini(&e->result);
	e->has_result = false;
	if (rc == DT_OK)
		rc = quiz_exam_tally(&e->paper, rs, answered,
		                     e->attempt.pass_mark_pct, &e->result, err);
	if (rc == DT_OK) {
		e->has_result = true;
		rc = store_finish_attempt(e->app->store, e->attempt.id, status,
		                          &e->result, now, err);
	}
	if (rc == DT_OK) {
		e->attempt.status = status;
		e->attempt.finished = now;
		e->attempt.score = e->result.score;
		e->attempt.max_score = e->result.max_score;
		e->attempt.passed = e->result.passed;
	} else if (rc == DT_ERR_STATE) {
		/* Closed elsewhere: show how it was closed. */
		struct dt_error ignored;

		(void)store_load_attempt(e->app->store, e->attempt.id, &e->arena,
		                         &e->attempt, NULL, NULL, &ignored);
	}
	dt_free(rs);
	dt_free(answered);
	return rc;
}

enum dt_status app_exam_tick(struct app_exam *e, bool *expired,
                             struct dt_error *err)
{
	*expired = false;
	if (!app_exam_is_open(e) ||
	    !quiz_attempt_expired(e->attempt.deadline, app_now(e->app)))
		return DT_OK;
	*expired = true;
	return close_attempt(e, STORE_ATTEMPT_EXPIRED, err);
}

/* An exam may change only while open and before its deadline. */
static enum dt_status writable(struct app_exam *e, size_t i,
                               struct dt_error *err)
{
	enum dt_status rc;
	bool expired;

	if (!app_exam_is_open(e))
		return dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                    "the exam is closed");
	rc = app_exam_tick(e, &expired, err);
	if (rc != DT_OK)
		return rc;
	if (expired)
		return dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                    "the time is up: the exam was submitted with "
		                    "what was answered");
	if (i >= e->n)
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "the exam has no question %zu", i + 1);
	return DT_OK;
}

/* Stores text as item i's response, then makes it the slot's. */
static enum dt_status record(struct app_exam *e, size_t i, const char *text,
                             const struct quiz_result *res,
                             struct dt_error *err)
{
	char *copy = *text ? dt_strdup(text) : NULL;
	enum dt_status rc;

	if (*text && !copy)
		return app_nomem(err);
	rc = store_record_response(e->app->store, e->attempt.id, i, text,
	                           res->correct, res->score, spent(e, i),
	                           app_now(e->app), err);
	if (rc != DT_OK) {
		dt_free(copy);
		return rc;
	}
	set_response(&e->slots[i], copy);
	e->slots[i].pub.result = *res;
	return DT_OK;
}

enum dt_status app_exam_answer(struct app_exam *e, size_t i,
                               const struct quiz_response *r,
                               struct dt_error *err)
{
	char text[QUIZ_MAX_ANSWER + 64];
	struct quiz_result res;
	enum dt_status rc = writable(e, i, err);

	if (rc != DT_OK)
		return rc;
	if (e->slots[i].pub.domc)
		return dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                    "question %zu is answered one option at a time",
		                    i + 1);
	rc = quiz_score(e->slots[i].pub.item.q, r, &res, err);
	if (rc != DT_OK)
		return rc;
	if (!quiz_response_encode(e->slots[i].pub.item.q, r, text, sizeof text))
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the answer is too long");
	rc = record(e, i, text, &res, err);
	if (rc == DT_OK)
		e->slots[i].pub.answered = !r->blank;
	return rc;
}

enum dt_status app_exam_domc(struct app_exam *e, size_t i, bool yes,
                             struct dt_error *err)
{
	char text[QUIZ_DOMC_MAX_ANSWERS * 8 + 16];
	struct quiz_result res;
	struct quiz_domc d;
	enum dt_status rc = writable(e, i, err);

	if (rc != DT_OK)
		return rc;
	if (!e->slots[i].pub.domc)
		return dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                    "question %zu is not answered option by option",
		                    i + 1);
	d = e->slots[i].pub.d;
	rc = quiz_domc_answer(&d, yes, err);
	if (rc != DT_OK)
		return rc;
	memset(&res, 0, sizeof res);
	if (d.decided)
		quiz_domc_result(&d, &res);
	if (!quiz_domc_encode(&d, text, sizeof text))
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the answer is too long");
	rc = record(e, i, text, &res, err);
	if (rc == DT_OK) {
		e->slots[i].pub.d = d;
		e->slots[i].pub.answered = d.decided;
	}
	return rc;
}

enum dt_status app_exam_flag(struct app_exam *e, size_t i, bool flagged,
                             struct dt_error *err)
{
	enum dt_status rc = writable(e, i, err);

	if (rc == DT_OK)
		rc = store_flag_item(e->app->store, e->attempt.id, i, flagged, err);
	if (rc == DT_OK)
		e->slots[i].pub.flagged = flagged;
	return rc;
}

enum dt_status app_exam_submit(struct app_exam *e, struct dt_error *err)
{
	bool late;

	if (!app_exam_is_open(e))
		return dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                    "the exam is closed already");
	late = quiz_attempt_expired(e->attempt.deadline, app_now(e->app));
	return close_attempt(e, late ? STORE_ATTEMPT_EXPIRED
	                             : STORE_ATTEMPT_SUBMITTED, err);
}

const struct quiz_exam_result *app_exam_result(const struct app_exam *e)
{
	return e->has_result && !app_exam_is_open(e) ? &e->result : NULL;
}

bool app_exam_shows_answers(const struct app_exam *e)
{
	return e->bp && e->bp->review == COURSE_REVIEW_AFTER_SUBMIT;
}
