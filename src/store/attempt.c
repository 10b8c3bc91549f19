/* Exam attempts: the drawn paper stored with its seed and orders, each
 * response committed as it is given (so a killed program resumes with
 * every answer kept), flags, finishing, and reading attempts back for
 * resuming, history and instructor reports. */
#include <stdio.h>
#include <string.h>

#include "store_int.h"

static const char *const status_names[] = {
#define STORE_ATTEMPT_NAME(id, name) name,
	STORE_ATTEMPT_STATUS_LIST(STORE_ATTEMPT_NAME)
#undef STORE_ATTEMPT_NAME
};

const char *store_attempt_status_name(enum store_attempt_status status)
{
	return (unsigned)status < STORE_ATTEMPT_STATUS_COUNT
	           ? status_names[status] : "?";
}

static enum store_attempt_status status_of(const char *name)
{
	unsigned i;

	for (i = 0; name && i < STORE_ATTEMPT_STATUS_COUNT; i++)
		if (strcmp(status_names[i], name) == 0)
			return (enum store_attempt_status)i;
	return STORE_ATTEMPT_SUBMITTED;
}

/* "2,0,3,1": the choice order of one item. */
static bool format_order(const struct quiz_paper_item *it, char *out,
                         size_t size)
{
	size_t n = 0, i;

	out[0] = '\0';
	for (i = 0; i < it->n_choices; i++) {
		int w = snprintf(out + n, size - n, i ? ",%u" : "%u",
		                 (unsigned)it->order[i]);

		if (w < 0 || (size_t)w >= size - n)
			return false;
		n += (size_t)w;
	}
	return true;
}

static void parse_order(const char *text, struct store_item *it)
{
	unsigned v = 0;
	bool digits = false;

	it->n_choices = 0;
	for (; text; text++) {
		if (*text >= '0' && *text <= '9' && v < 1000) {
			v = v * 10 + (unsigned)(*text - '0');
			digits = true;
			continue;
		}
		if (digits && it->n_choices < QUIZ_MAX_CHOICES)
			it->order[it->n_choices++] = (uint8_t)v;
		v = 0;
		digits = false;
		if (!*text)
			break;
	}
}

static enum dt_status add_items(struct store *s, int64_t attempt, int64_t bank,
                                const struct quiz_paper *paper,
                                struct dt_error *err)
{
	enum dt_status rc = DT_OK;
	char order[QUIZ_MAX_CHOICES * 4];
	size_t i;

	for (i = 0; i < paper->n_items && rc == DT_OK; i++) {
		const struct quiz_paper_item *it = &paper->items[i];
		int64_t question = 0;

		if (!format_order(it, order, sizeof order))
			return dt_error_set(err, DT_ERR_LIMIT, s->path, 0, 0,
			                    "item %zu has too many choices", i + 1);
		rc = store_question_row(s, bank, it->q->id, &question, err);
		if (rc == DT_OK)
			rc = store_run(s, SQL_ITEM_ADD, err, "iiitb", attempt, (int64_t)i,
			               question, order, (int)it->domc_extra);
	}
	return rc;
}

enum dt_status store_start_attempt(struct store *s, int64_t learner,
                                   int64_t bank,
                                   const struct course_blueprint *bp,
                                   const struct quiz_paper *paper,
                                   int64_t started, int64_t *attempt,
                                   struct dt_error *err)
{
	const char *presentation =
		bp->presentation == COURSE_PRESENT_DOMC ? "domc" : "standard";
	enum dt_status rc = store_begin(s, err);

	*attempt = 0;
	if (rc == DT_OK)
		rc = store_run(s, SQL_ATTEMPT_ADD, err, "iittitiii", learner, bank,
		               bp->id, bp->title ? bp->title : "",
		               (int64_t)paper->seed, presentation,
		               (int64_t)bp->pass_mark_pct, started,
		               quiz_attempt_deadline(started, bp->time_limit_s));
	if (rc == DT_OK) {
		*attempt = sqlite3_last_insert_rowid(s->db);
		rc = add_items(s, *attempt, bank, paper, err);
	}
	rc = store_end(s, rc, err);
	if (rc != DT_OK)
		*attempt = 0;
	return rc;
}

/* Inside a transaction: the attempt must exist and be open. */
static enum dt_status check_open(struct store *s, int64_t attempt,
                                 int64_t *learner, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_ATTEMPT_STATE, err, "i", attempt);
	enum dt_status rc;
	bool row, open;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK)
		return rc;
	if (!row)
		return dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                    "there is no attempt %lld", (long long)attempt);
	open = sqlite3_column_text(st, 0) &&
	       strcmp((const char *)sqlite3_column_text(st, 0), "open") == 0;
	*learner = sqlite3_column_int64(st, 1);
	(void)sqlite3_reset(st);
	if (!open)
		return dt_error_set(err, DT_ERR_STATE, s->path, 0, 0,
		                    "attempt %lld is already finished",
		                    (long long)attempt);
	return DT_OK;
}

enum dt_status store_record_response(struct store *s, int64_t attempt,
                                     size_t pos, const char *response,
                                     bool correct, double score, int64_t ms,
                                     int64_t at, struct dt_error *err)
{
	enum dt_status rc = store_begin(s, err);
	int64_t learner = 0, question = 0;
	sqlite3_stmt *st = NULL;
	bool row = false;

	if (!response)
		response = "";
	if (rc == DT_OK)
		rc = check_open(s, attempt, &learner, err);
	if (rc == DT_OK) {
		st = store_prepare(s, SQL_ITEM_RESPOND, err, "iitbdii", attempt,
		                   (int64_t)pos, response, (int)correct, score, ms, at);
		rc = st ? store_step(s, st, &row, err) : err ? err->code : DT_ERR_DB;
	}
	if (rc == DT_OK && !row)
		rc = dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                  "attempt %lld has no item %zu", (long long)attempt,
		                  pos + 1);
	if (rc == DT_OK) {
		question = sqlite3_column_int64(st, 0);
		(void)sqlite3_reset(st);
		rc = store_run(s, SQL_ANSWER_ADD, err, "iiitbdii", learner, question,
		               attempt, response, (int)correct, score, ms, at);
	}
	return store_end(s, rc, err);
}

enum dt_status store_flag_item(struct store *s, int64_t attempt, size_t pos,
                               bool flagged, struct dt_error *err)
{
	enum dt_status rc = store_begin(s, err);
	int64_t learner;

	if (rc == DT_OK)
		rc = check_open(s, attempt, &learner, err);
	if (rc == DT_OK)
		rc = store_run(s, SQL_ITEM_FLAG, err, "iib", attempt, (int64_t)pos,
		               (int)flagged);
	if (rc == DT_OK && sqlite3_changes(s->db) == 0)
		rc = dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                  "attempt %lld has no item %zu", (long long)attempt,
		                  pos + 1);
	return store_end(s, rc, err);
}

enum dt_status store_finish_attempt(struct store *s, int64_t attempt,
                                    enum store_attempt_status status,
                                    const struct quiz_exam_result *result,
                                    int64_t now, struct dt_error *err)
{
	enum dt_status rc;
	int64_t learner;

	if (status == STORE_ATTEMPT_OPEN ||
	    (unsigned)status >= STORE_ATTEMPT_STATUS_COUNT)
		return dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                    "an attempt finishes as submitted or expired");
	rc = store_begin(s, err);
	if (rc == DT_OK)
		rc = check_open(s, attempt, &learner, err);
	if (rc == DT_OK)
		rc = store_run(s, SQL_ATTEMPT_FINISH, err, "itiddb", attempt,
		               status_names[status], now, result->score,
		               result->max_score, (int)result->passed);
	return store_end(s, rc, err);
}

/* ---- reading attempts back ---- */

static void attempt_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                        bool *oom)
{
	struct store_attempt *at = item;
	const char *pres = (const char *)sqlite3_column_text(st, 7);

	at->id = sqlite3_column_int64(st, 0);
	at->learner = sqlite3_column_int64(st, 1);
	at->learner_name = store_col_text(st, 2, a, oom);
	at->bank = sqlite3_column_int64(st, 3);
	at->exam = store_col_text(st, 4, a, oom);
	at->title = store_col_text(st, 5, a, oom);
	at->seed = (uint64_t)sqlite3_column_int64(st, 6);
	at->presentation = pres && strcmp(pres, "domc") == 0
	                       ? COURSE_PRESENT_DOMC : COURSE_PRESENT_STANDARD;
	at->pass_mark_pct = sqlite3_column_int(st, 8);
	at->started = sqlite3_column_int64(st, 9);
	at->deadline = sqlite3_column_int64(st, 10);
	at->finished = sqlite3_column_int64(st, 11);
	at->status = status_of((const char *)sqlite3_column_text(st, 12));
	at->score = sqlite3_column_double(st, 13);
	at->max_score = sqlite3_column_double(st, 14);
	at->passed = sqlite3_column_int(st, 15) != 0;
}

static void item_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                     bool *oom)
{
	struct store_item *it = item;

	it->pos = (size_t)sqlite3_column_int64(st, 0);
	it->question = store_col_text(st, 1, a, oom);
	it->lesson = store_col_text(st, 2, a, oom);
	parse_order((const char *)sqlite3_column_text(st, 3), it);
	it->domc_extra = sqlite3_column_int(st, 4) != 0;
	it->response = store_col_text(st, 5, a, oom);
	it->correct = sqlite3_column_int(st, 6) != 0;
	it->score = sqlite3_column_double(st, 7);
	it->flagged = sqlite3_column_int(st, 8) != 0;
	it->ms = sqlite3_column_int64(st, 9);
	it->answered_at = sqlite3_column_int64(st, 10);
}

static enum dt_status load_items(struct store *s, int64_t attempt,
                                 struct dt_arena *arena,
                                 struct store_item **items, size_t *n,
                                 struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_ITEMS_GET, err, "i", attempt),
	                     arena, sizeof **items, item_row, items, n, err);
}

enum dt_status store_load_attempt(struct store *s, int64_t attempt,
                                  struct dt_arena *arena,
                                  struct store_attempt *out,
                                  struct store_item **items, size_t *n_items,
                                  struct dt_error *err)
{
	struct store_attempt *rows;
	enum dt_status rc;
	size_t n;

	rc = store_collect(s, store_prepare(s, SQL_ATTEMPT_GET, err, "i", attempt),
	                   arena, sizeof *rows, attempt_row, &rows, &n, err);
	if (rc == DT_OK && n == 0)
		rc = dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                  "there is no attempt %lld", (long long)attempt);
	if (rc != DT_OK)
		return rc;
	*out = rows[0];
	if (!n_items)
		return DT_OK;
	return load_items(s, attempt, arena, items, n_items, err);
}

enum dt_status store_open_attempts(struct store *s, int64_t learner,
                                   struct dt_arena *arena,
                                   struct store_attempt **out, size_t *n,
                                   struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_OPEN_ATTEMPTS, err, "i",
	                                      learner),
	                     arena, sizeof **out, attempt_row, out, n, err);
}

enum dt_status store_exam_history(struct store *s, int64_t learner,
                                  const char *exam, struct dt_arena *arena,
                                  struct store_attempt **out, size_t *n,
                                  struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_EXAM_HISTORY, err, "it",
	                                      learner, exam),
	                     arena, sizeof **out, attempt_row, out, n, err);
}

enum dt_status store_exam_report(struct store *s, const char *exam,
                                 struct dt_arena *arena,
                                 struct store_exam_report *out,
                                 struct dt_error *err)
{
	enum dt_status rc;
	size_t i;

	memset(out, 0, sizeof *out);
	rc = store_collect(s, store_prepare(s, SQL_EXAM_REPORT, err, "t", exam),
	                   arena, sizeof *out->attempts, attempt_row,
	                   &out->attempts, &out->n, err);
	if (rc != DT_OK || out->n == 0)
		return rc;
	out->items = dt_arena_alloc(arena, out->n * sizeof *out->items);
	out->n_items = dt_arena_alloc(arena, out->n * sizeof *out->n_items);
	if (!out->items || !out->n_items) {
		out->n = 0;
		return dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
	}
	for (i = 0; i < out->n && rc == DT_OK; i++)
		rc = load_items(s, out->attempts[i].id, arena, &out->items[i],
		                &out->n_items[i], err);
	if (rc != DT_OK)
		out->n = 0;
	return rc;
}

enum dt_status store_exams(struct store *s, struct dt_arena *arena,
                           const char ***out, size_t *n,
                           struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_EXAMS, err, NULL), arena,
	                     sizeof **out, store_text_row, out, n, err);
}
