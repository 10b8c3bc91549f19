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

/* What every entry of the document must carry, an attempt's items and log
 * entries included: every column the import writes that may not be NULL,
 * so a malformed document is refused here, with its entry named, and never
 * half-way through the transaction.  sub names an array inside each entry
 * of array.  "number" is an integer or a real; "presentation" and "status"
 * are the values their columns allow, which must says in words. */
static const struct field {
	const char *array, *sub, *field, *type, *must;
} fields[] = {
	{ "$.sections", NULL, "$.lesson", "text", NULL },
	{ "$.sections", NULL, "$.section", "text", NULL },
	{ "$.sections", NULL, "$.at", "integer", NULL },
	{ "$.positions", NULL, "$.lesson", "text", NULL },
	{ "$.positions", NULL, "$.section", "text", NULL },
	{ "$.positions", NULL, "$.line", "integer", NULL },
	{ "$.positions", NULL, "$.at", "integer", NULL },
	{ "$.answers", NULL, "$.bank", "text", NULL },
	{ "$.answers", NULL, "$.question", "text", NULL },
	{ "$.answers", NULL, "$.response", "text", NULL },
	{ "$.answers", NULL, "$.correct", "integer", NULL },
	{ "$.answers", NULL, "$.score", "number", NULL },
	{ "$.answers", NULL, "$.ms", "integer", NULL },
	{ "$.answers", NULL, "$.at", "integer", NULL },
	{ "$.reviews", NULL, "$.bank", "text", NULL },
	{ "$.reviews", NULL, "$.question", "text", NULL },
	{ "$.reviews", NULL, "$.stability", "number", NULL },
	{ "$.reviews", NULL, "$.difficulty", "number", NULL },
	{ "$.reviews", NULL, "$.due", "integer", NULL },
	{ "$.reviews", NULL, "$.last_review", "integer", NULL },
	{ "$.reviews", NULL, "$.reps", "integer", NULL },
	{ "$.reviews", NULL, "$.lapses", "integer", NULL },
	{ "$.reviews", NULL, "$.state", "integer", NULL },
	{ "$.exercises", NULL, "$.exercise", "text", NULL },
	{ "$.exercises", NULL, "$.lesson", "text", NULL },
	{ "$.exercises", NULL, "$.passed", "integer", NULL },
	{ "$.exercises", NULL, "$.hints", "integer", NULL },
	{ "$.exercises", NULL, "$.at", "integer", NULL },
	{ "$.hints", NULL, "$.exercise", "text", NULL },
	{ "$.hints", NULL, "$.lesson", "text", NULL },
	{ "$.hints", NULL, "$.hints", "integer", NULL },
	{ "$.hints", NULL, "$.at", "integer", NULL },
	{ "$.attempts", NULL, "$.exam", "text", NULL },
	{ "$.attempts", NULL, "$.title", "text", NULL },
	{ "$.attempts", NULL, "$.bank", "text", NULL },
	{ "$.attempts", NULL, "$.seed", "integer", NULL },
	{ "$.attempts", NULL, "$.presentation", "presentation",
	  "\"standard\" or \"domc\"" },
	{ "$.attempts", NULL, "$.pass_mark", "integer", NULL },
	{ "$.attempts", NULL, "$.started", "integer", NULL },
	{ "$.attempts", NULL, "$.deadline", "integer", NULL },
	{ "$.attempts", NULL, "$.status", "status",
	  "\"open\", \"submitted\" or \"expired\"" },
	{ "$.attempts", NULL, "$.items", "array", NULL },
	{ "$.attempts", NULL, "$.log", "array", NULL },
	{ "$.attempts", "$.items", "$.pos", "integer", NULL },
	{ "$.attempts", "$.items", "$.question", "text", NULL },
	{ "$.attempts", "$.items", "$.order", "text", NULL },
	{ "$.attempts", "$.items", "$.domc_extra", "integer", NULL },
	{ "$.attempts", "$.items", "$.flagged", "integer", NULL },
	{ "$.attempts", "$.items", "$.ms", "integer", NULL },
	{ "$.attempts", "$.log", "$.question", "text", NULL },
	{ "$.attempts", "$.log", "$.response", "text", NULL },
	{ "$.attempts", "$.log", "$.correct", "integer", NULL },
	{ "$.attempts", "$.log", "$.score", "number", NULL },
	{ "$.attempts", "$.log", "$.ms", "integer", NULL },
	{ "$.attempts", "$.log", "$.at", "integer", NULL },
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

/* Where a field of the fields table does not hold: the entry (key; for a
 * nested field, the entry of the array inside it, sub_key) and whether that
 * entry is an object at all. */
struct mismatch {
	bool found;
	bool in_array;          /* false: the array itself is a scalar */
	bool object;
	int64_t key, sub_key;
};

static enum dt_status find_mismatch(struct store *s, const char *doc,
                                    const struct field *f,
                                    struct mismatch *m, struct dt_error *err)
{
	sqlite3_stmt *st = f->sub
		? store_prepare(s, SQL_DOC_BAD_NESTED, err, "ttttt", doc, f->array,
		                f->field, f->type, f->sub)
		: store_prepare(s, SQL_DOC_BAD_ENTRY, err, "tttt", doc, f->array,
		                f->field, f->type);
	const unsigned char *type;
	enum dt_status rc;
	bool row;

	memset(m, 0, sizeof *m);
	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	type = sqlite3_column_text(st, 1);
	m->found = true;
	m->in_array = sqlite3_column_type(st, 0) != SQLITE_NULL;
	m->object = type && strcmp((const char *)type, "object") == 0;
	m->key = sqlite3_column_int64(st, 0);
	m->sub_key = f->sub ? sqlite3_column_int64(st, 2) : 0;
	(void)sqlite3_reset(st);
	return DT_OK;
}

static enum dt_status bad_entry(const struct field *f,
                                const struct mismatch *m,
                                struct dt_error *err)
{
	char where[128];
	bool fits;

	if (!m->in_array)
		return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
		                    "'%s' must be an array", f->array + 2);
	fits = f->sub ? dt_snprintf(where, sizeof where,
	                            "entry %lld of %s, entry %lld of %s",
	                            (long long)m->key + 1, f->array + 2,
	                            (long long)m->sub_key + 1, f->sub + 2)
	              : dt_snprintf(where, sizeof where, "entry %lld of %s",
	                            (long long)m->key + 1, f->array + 2);
	if (!fits)
		where[0] = '\0';       /* cannot happen: names and numbers are short */
	if (!m->object)
		return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
		                    "%s must be an object", where);
	return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0, "%s: '%s' must be %s",
	                    where, f->field + 2, f->must ? f->must : f->type);
}

/* Two items of one attempt at the same position would collide on the
 * table's key. */
static enum dt_status check_positions(struct store *s, const char *doc,
                                      struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_DOC_DUP_POS, err, "t", doc);
	enum dt_status rc;
	int64_t key, pos;
	bool row;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	key = sqlite3_column_int64(st, 0);
	pos = sqlite3_column_int64(st, 1);
	(void)sqlite3_reset(st);
	return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
	                    "entry %lld of attempts: two items have 'pos' %lld",
	                    (long long)key + 1, (long long)pos);
}

static enum dt_status check_entries(struct store *s, const char *doc,
                                    struct dt_error *err)
{
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct mismatch m;
		enum dt_status rc = find_mismatch(s, doc, &fields[i], &m, err);

		if (rc != DT_OK)
			return rc;
		if (m.found)
			return bad_entry(&fields[i], &m, err);
	}
	return check_positions(s, doc, err);
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
	/* hints before the exercises, whose hints would otherwise make the
	 * document's hint entries look already present */
	{ SQL_IMPORT_HINTS, "$.hints", false },
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
	SQL_RESET_L_HINTS, SQL_DAYS_CLEAR, SQL_DAYS_REBUILD,
};

static const enum store_sql reset_all[] = {
	SQL_RESET_READ, SQL_RESET_POSITION, SQL_RESET_ANSWERS, SQL_RESET_SUMMARY,
	SQL_RESET_REVIEWS, SQL_RESET_EXERCISES, SQL_RESET_HINTS,
	SQL_RESET_ATTEMPTS, SQL_DAYS_CLEAR,
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
