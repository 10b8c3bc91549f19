/* Moving one learner's progress between databases: a self-contained JSON
 * document out, merged back in without duplicates; and resetting a lesson
 * or everything.  Design: SQLite's JSON functions build and read the
 * document, so it never passes through a hand-written parser; every entry
 * is type-checked (one table of required fields) before anything is
 * written, and the whole import is one transaction. */
#include <string.h>

#include "store_int.h"

#define DOC_FORMAT "dockertutor-progress"
#define DOC_VERSION 1

enum dt_status store_export(struct store *s, int64_t learner,
                            struct dt_buf *out, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_EXPORT, err, "i", learner);
	enum dt_status rc;
	bool row;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK)
		return rc;
	if (!row)
		return dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                    "there is no learner %lld", (long long)learner);
	if (!dt_buf_append(out, (const char *)sqlite3_column_text(st, 0),
	                   (size_t)sqlite3_column_bytes(st, 0)) ||
	    !dt_buf_putc(out, '\n'))
		rc = dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
	(void)sqlite3_reset(st);
	return rc;
}

/* What every entry of the document must carry.  "number" is an integer or
 * a real, "text?" text or null. */
static const struct field {
	const char *array, *field, *type;
} fields[] = {
	{ "$.sections", "$.lesson", "text" },
	{ "$.sections", "$.section", "text" },
	{ "$.sections", "$.at", "integer" },
	{ "$.positions", "$.lesson", "text" },
	{ "$.positions", "$.section", "text" },
	{ "$.positions", "$.line", "integer" },
	{ "$.positions", "$.at", "integer" },
	{ "$.answers", "$.bank", "text" },
	{ "$.answers", "$.question", "text" },
	{ "$.answers", "$.response", "text" },
	{ "$.answers", "$.correct", "integer" },
	{ "$.answers", "$.score", "number" },
	{ "$.answers", "$.ms", "integer" },
	{ "$.answers", "$.at", "integer" },
	{ "$.reviews", "$.bank", "text" },
	{ "$.reviews", "$.question", "text" },
	{ "$.reviews", "$.stability", "number" },
	{ "$.reviews", "$.difficulty", "number" },
	{ "$.reviews", "$.due", "integer" },
	{ "$.reviews", "$.last_review", "integer" },
	{ "$.reviews", "$.reps", "integer" },
	{ "$.reviews", "$.lapses", "integer" },
	{ "$.reviews", "$.state", "integer" },
	{ "$.exercises", "$.exercise", "text" },
	{ "$.exercises", "$.lesson", "text" },
	{ "$.exercises", "$.passed", "integer" },
	{ "$.exercises", "$.hints", "integer" },
	{ "$.exercises", "$.at", "integer" },
	{ "$.attempts", "$.exam", "text" },
	{ "$.attempts", "$.title", "text" },
	{ "$.attempts", "$.bank", "text" },
	{ "$.attempts", "$.seed", "integer" },
	{ "$.attempts", "$.presentation", "text" },
	{ "$.attempts", "$.pass_mark", "integer" },
	{ "$.attempts", "$.started", "integer" },
	{ "$.attempts", "$.deadline", "integer" },
	{ "$.attempts", "$.status", "text" },
	{ "$.attempts", "$.items", "array" },
	{ "$.attempts", "$.log", "array" },
};

static enum dt_status bad_doc(struct store *s, const char *what,
                              struct dt_error *err)
{
	(void)s;
	return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
	                    "not a dockertutor progress document: %s", what);
}

static enum dt_status check_head(struct store *s, const char *doc,
                                 struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_DOC_HEAD, err, "t", doc);
	enum dt_status rc;
	const unsigned char *format;
	bool row, valid, ours;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	valid = sqlite3_column_int(st, 0) == 1;
	format = sqlite3_column_text(st, 1);
	ours = valid && format && strcmp((const char *)format, DOC_FORMAT) == 0 &&
	       sqlite3_column_int(st, 2) == DOC_VERSION;
	(void)sqlite3_reset(st);
	if (!valid)
		return bad_doc(s, "the text is not valid JSON", err);
	if (!ours)
		return bad_doc(s, "its format is not " DOC_FORMAT " version 1", err);
	return DT_OK;
}

static enum dt_status check_entries(struct store *s, const char *doc,
                                    struct dt_error *err)
{
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const struct field *f = &fields[i];
		sqlite3_stmt *st = store_prepare(s, SQL_DOC_BAD_ENTRY, err, "tttt", doc,
		                                 f->array, f->field, f->type);
		enum dt_status rc;
		bool row, bad;
		int64_t key;

		if (!st)
			return err ? err->code : DT_ERR_DB;
		rc = store_step(s, st, &row, err);
		if (rc != DT_OK)
			return rc;
		bad = row && sqlite3_column_type(st, 0) != SQLITE_NULL;
		key = sqlite3_column_int64(st, 0);
		(void)sqlite3_reset(st);
		if (bad)
			return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
			                    "entry %lld of %s: '%s' must be %s",
			                    (long long)key + 1, f->array + 2, f->field + 2,
			                    f->type);
	}
	return DT_OK;
}

/* Runs an INSERT ... SELECT over one array and counts what it added. */
static enum dt_status merge(struct store *s, enum store_sql id,
                            const char *array, int64_t learner,
                            const char *doc, bool named,
                            struct store_import_stats *stats,
                            struct dt_error *err)
{
	int64_t total = 0, unknown = 0, added;
	enum dt_status rc;

	rc = store_int(s, SQL_DOC_COUNT, &total, err, "tt", doc, array);
	if (rc == DT_OK && named)
		rc = store_int(s, SQL_IMPORT_UNKNOWN, &unknown, err, "itt", learner,
		               doc, array);
	if (rc == DT_OK)
		rc = store_run(s, id, err, "it", learner, doc);
	if (rc != DT_OK)
		return rc;
	added = sqlite3_changes(s->db);
	stats->added += (size_t)added;
	stats->unknown += (size_t)unknown;
	if (total - unknown - added > 0)
		stats->duplicates += (size_t)(total - unknown - added);
	return DT_OK;
}

/* One attempt of the document: skipped when already present. */
static enum dt_status merge_attempt(struct store *s, int64_t learner,
                                    const char *value, int64_t bank,
                                    struct store_import_stats *stats,
                                    struct dt_error *err)
{
	enum dt_status rc;
	int64_t dup = 0, attempt;

	if (bank == 0) {
		stats->unknown++;
		return DT_OK;
	}
	rc = store_int(s, SQL_IMPORT_ATTEMPT_DUP, &dup, err, "it", learner, value);
	if (rc != DT_OK || dup) {
		stats->duplicates += dup != 0;
		return rc;
	}
	rc = store_run(s, SQL_IMPORT_ATTEMPT, err, "iti", learner, value, bank);
	if (rc != DT_OK)
		return rc;
	attempt = sqlite3_last_insert_rowid(s->db);
	stats->added++;
	rc = store_run(s, SQL_IMPORT_ITEMS, err, "iti", attempt, value, bank);
	if (rc == DT_OK)
		rc = store_run(s, SQL_IMPORT_LOG, err, "itii", attempt, value, bank,
		               learner);
	return rc;
}

static enum dt_status merge_attempts(struct store *s, int64_t learner,
                                     const char *doc,
                                     struct store_import_stats *stats,
                                     struct dt_error *err)
{
	struct dt_arena arena;
	const char **values;
	int64_t *banks;
	size_t n = 0, cap = 0, i;
	sqlite3_stmt *st;
	enum dt_status rc;
	bool row = true, oom = false;

	/* Read them all first: the statement must not stay open while the
	 * attempts are inserted. */
	dt_arena_init(&arena);
	values = NULL;
	banks = NULL;
	st = store_prepare(s, SQL_IMPORT_ATTEMPTS, err, "it", learner, doc);
	rc = st ? DT_OK : err ? err->code : DT_ERR_DB;
	while (rc == DT_OK && !oom &&
	       (rc = store_step(s, st, &row, err)) == DT_OK && row) {
		size_t bcap = cap;

		values = store_grow(&arena, values, n, &cap, sizeof *values);
		banks = store_grow(&arena, banks, n, &bcap, sizeof *banks);
		if (!values || !banks) {
			oom = true;
			break;
		}
		values[n] = store_col_text(st, 0, &arena, &oom);
		banks[n++] = sqlite3_column_int64(st, 1);
	}
	if (st)
		(void)sqlite3_reset(st);
	if (rc == DT_OK && oom)
		rc = dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
	for (i = 0; i < n && rc == DT_OK; i++)
		rc = merge_attempt(s, learner, values[i], banks[i], stats, err);
	dt_arena_fini(&arena);
	return rc;
}

static const struct {
	enum store_sql sql;
	const char *array;
	bool named;             /* entries name a bank and question */
} merges[] = {
	{ SQL_IMPORT_SECTIONS, "$.sections", false },
	{ SQL_IMPORT_POSITIONS, "$.positions", false },
	{ SQL_IMPORT_ANSWERS, "$.answers", true },
	{ SQL_IMPORT_REVIEWS, "$.reviews", true },
	{ SQL_IMPORT_EXERCISES, "$.exercises", false },
};

enum dt_status store_import(struct store *s, int64_t learner,
                            const char *doc, size_t len,
                            struct store_import_stats *stats,
                            struct dt_error *err)
{
	enum dt_status rc;
	size_t i;

	memset(stats, 0, sizeof *stats);
	if (len > STORE_MAX_DOCUMENT)
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the document is larger than the limit of %u bytes",
		                    STORE_MAX_DOCUMENT);
	if (memchr(doc, '\0', len) || doc[len] != '\0')
		return bad_doc(s, "it contains a NUL byte", err);
	rc = check_head(s, doc, err);
	if (rc == DT_OK)
		rc = check_entries(s, doc, err);
	if (rc != DT_OK)
		return rc;
	rc = store_begin(s, err);
	for (i = 0; i < sizeof merges / sizeof merges[0] && rc == DT_OK; i++)
		rc = merge(s, merges[i].sql, merges[i].array, learner, doc,
		           merges[i].named, stats, err);
	if (rc == DT_OK)
		rc = merge_attempts(s, learner, doc, stats, err);
	rc = store_end(s, rc, err);
	if (rc != DT_OK)
		memset(stats, 0, sizeof *stats);
	return rc;
}

/* ---- reset ---- */

static const enum store_sql reset_lesson[] = {
	SQL_RESET_L_READ, SQL_RESET_L_POSITION, SQL_RESET_L_ANSWERS,
	SQL_RESET_L_SUMMARY, SQL_RESET_L_REVIEWS, SQL_RESET_L_EXERCISES,
	SQL_DAYS_CLEAR, SQL_DAYS_REBUILD,
};

static const enum store_sql reset_all[] = {
	SQL_RESET_READ, SQL_RESET_POSITION, SQL_RESET_ANSWERS, SQL_RESET_SUMMARY,
	SQL_RESET_REVIEWS, SQL_RESET_EXERCISES, SQL_RESET_ATTEMPTS,
	SQL_DAYS_CLEAR,
};

enum dt_status store_reset(struct store *s, int64_t learner,
                           const char *lesson, struct dt_error *err)
{
	const enum store_sql *steps = lesson ? reset_lesson : reset_all;
	size_t n = lesson ? sizeof reset_lesson / sizeof *reset_lesson
	                  : sizeof reset_all / sizeof *reset_all;
	enum dt_status rc = store_begin(s, err);
	size_t i;

	for (i = 0; i < n && rc == DT_OK; i++) {
		/* Statements of one learner take ?1 only; of a lesson ?2 too. */
		if (steps[i] == SQL_DAYS_CLEAR || steps[i] == SQL_DAYS_REBUILD ||
		    !lesson)
			rc = store_run(s, steps[i], err, "i", learner);
		else
			rc = store_run(s, steps[i], err, "it", learner, lesson);
	}
	return store_end(s, rc, err);
}
