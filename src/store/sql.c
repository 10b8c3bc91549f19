/* The statement cache and the small helpers every store function uses:
 * binding, stepping, transactions with retry, bounded text copies and the
 * mapping from SQLite result codes to dockertutor statuses. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "store_int.h"

static const char *const sql_text[] = {
#define STORE_SQL_TEXT(id, text) text,
	STORE_SQL_LIST(STORE_SQL_TEXT)
#undef STORE_SQL_TEXT
};

enum dt_status store_fail(struct store *s, int rc, const char *what,
                          struct dt_error *err)
{
	const char *path = s ? s->path : NULL;
	const char *detail = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return dt_error_set(err, DT_ERR_BUSY, path, 0, 0,
		                    "%s: the database stayed locked by other "
		                    "processes for %d s", what,
		                    STORE_BUSY_TIMEOUT_MS / 1000);
	case SQLITE_FULL:
		return dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                    "%s: the disk is full", what);
	case SQLITE_READONLY:
		return dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                    "%s: the database is read-only", what);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return dt_error_set(err, DT_ERR_IO, path, 0, 0, "%s: %s", what,
		                    detail);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return dt_error_set(err, DT_ERR_DB, path, 0, 0,
		                    "%s: the database file is corrupted (%s)", what,
		                    detail);
	case SQLITE_NOMEM:
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
		                    "%s: out of memory", what);
	default:
		return dt_error_set(err, DT_ERR_DB, path, 0, 0, "%s: %s", what,
		                    detail);
	}
}

static int bind_args(sqlite3_stmt *st, const char *fmt, va_list ap)
{
	int i, rc = SQLITE_OK;

	for (i = 1; fmt && fmt[i - 1] && rc == SQLITE_OK; i++) {
		const char *t;

		switch (fmt[i - 1]) {
		case 'i':
			rc = sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
			break;
		case 'd':
			rc = sqlite3_bind_double(st, i, va_arg(ap, double));
			break;
		case 'b':
			rc = sqlite3_bind_int(st, i, va_arg(ap, int) != 0);
			break;
		case 't':
			t = va_arg(ap, const char *);
			rc = t ? sqlite3_bind_text(st, i, t, -1, SQLITE_STATIC)
			       : sqlite3_bind_null(st, i);
			break;
		default:
			rc = SQLITE_MISUSE;
			break;
		}
	}
	return rc;
}

/* See store_begin: a transaction still open outside store_begin and
 * store_end is one whose rollback failed; it goes now. */
static bool settle(struct store *s, struct dt_error *err)
{
	if (s->in_tx || sqlite3_get_autocommit(s->db))
		return true;
	(void)store_run(s, SQL_ROLLBACK, NULL, NULL);
	if (sqlite3_get_autocommit(s->db))
		return true;
	dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0,
	             "out of memory: an unfinished change cannot be undone yet");
	return false;
}

static sqlite3_stmt *vprepare(struct store *s, enum store_sql id,
                              struct dt_error *err, const char *fmt,
                              va_list ap)
{
	sqlite3_stmt *st = s->stmts[id];
	int rc;

	if (id != SQL_ROLLBACK && !settle(s, err))
		return NULL;
	if (!st) {
		rc = sqlite3_prepare_v3(s->db, sql_text[id], -1,
		                        SQLITE_PREPARE_PERSISTENT, &st, NULL);
		if (rc != SQLITE_OK) {
			store_fail(s, rc, "cannot prepare a query", err);
			return NULL;
		}
		s->stmts[id] = st;
	}
	/* reset's return repeats the last step's error, already reported. */
	(void)sqlite3_reset(st);
	rc = sqlite3_clear_bindings(st);
	if (rc == SQLITE_OK)
		rc = bind_args(st, fmt, ap);
	if (rc != SQLITE_OK) {
		store_fail(s, rc, "cannot bind a query's parameters", err);
		return NULL;
	}
	return st;
}

sqlite3_stmt *store_prepare(struct store *s, enum store_sql id,
                            struct dt_error *err, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;

	va_start(ap, fmt);
	st = vprepare(s, id, err, fmt, ap);
	va_end(ap);
	return st;
}

enum dt_status store_step(struct store *s, sqlite3_stmt *st, bool *row,
                          struct dt_error *err)
{
	int rc = sqlite3_step(st);

	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW)
		return DT_OK;
	(void)sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return DT_OK;
	return store_fail(s, rc, "database query failed", err);
}

static enum dt_status run_to_end(struct store *s, sqlite3_stmt *st,
                                 struct dt_error *err)
{
	enum dt_status rc;
	bool row = true;

	do
		rc = store_step(s, st, &row, err);
	while (rc == DT_OK && row);
	return rc;
}

enum dt_status store_run(struct store *s, enum store_sql id,
                         struct dt_error *err, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;

	va_start(ap, fmt);
	st = vprepare(s, id, err, fmt, ap);
	va_end(ap);
	return st ? run_to_end(s, st, err) : err ? err->code : DT_ERR_DB;
}

enum dt_status store_int(struct store *s, enum store_sql id, int64_t *out,
                         struct dt_error *err, const char *fmt, ...)
{
	sqlite3_stmt *st;
	enum dt_status rc;
	va_list ap;
	bool row;

	va_start(ap, fmt);
	st = vprepare(s, id, err, fmt, ap);
	va_end(ap);
	if (!st)
		return err ? err->code : DT_ERR_DB;
	*out = 0;
	rc = store_step(s, st, &row, err);
	if (rc == DT_OK && row) {
		*out = sqlite3_column_int64(st, 0);
		(void)sqlite3_reset(st);
	}
	return rc;
}

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The busy handler waits out other writers; BEGIN IMMEDIATE still gets
 * SQLITE_BUSY when it gives up, and a few more tries cover a writer that
 * held the lock through one whole timeout.  ROLLBACK is prepared before
 * the transaction opens: preparing it only when needed can fail for want
 * of memory, which would leave the transaction open for a later COMMIT to
 * write half an operation. */
enum dt_status store_begin(struct store *s, struct dt_error *err)
{
	enum dt_status rc = DT_OK;
	int tries;

	if (!store_prepare(s, SQL_ROLLBACK, err, NULL))
		return err ? err->code : DT_ERR_DB;
	for (tries = 0; tries < 3; tries++) {
		rc = store_run(s, SQL_BEGIN, err, NULL);
		s->in_tx = rc == DT_OK;
		if (rc != DT_ERR_BUSY)
			return rc;
		pause_ms(10 << tries);
	}
	return rc;
}

enum dt_status store_end(struct store *s, enum dt_status rc,
                         struct dt_error *err)
{
	if (rc == DT_OK) {
		rc = store_run(s, SQL_COMMIT, err, NULL);
		if (rc == DT_OK) {
			s->in_tx = false;
			return DT_OK;
		}
	}
	/* The first error is the one to report; a failed rollback (none
	 * active after an automatic one) adds nothing, and one that failed
	 * for want of memory is retried by the next statement (settle). */
	if (!sqlite3_get_autocommit(s->db))
		(void)store_run(s, SQL_ROLLBACK, NULL, NULL);
	s->in_tx = false;
	return rc;
}

/* Cuts n to at most max bytes without splitting a UTF-8 sequence. */
static size_t utf8_cut(const unsigned char *p, size_t n, size_t max)
{
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && (p[n] & 0xC0) == 0x80)
		n--;
	return n;
}

const char *store_col_text(sqlite3_stmt *st, int col, struct dt_arena *arena,
                           bool *oom)
{
	const unsigned char *p = sqlite3_column_text(st, col);
	size_t n;
	char *copy;

	if (!p) {
		if (sqlite3_column_type(st, col) != SQLITE_NULL)
			*oom = true;
		return NULL;
	}
	n = utf8_cut(p, (size_t)sqlite3_column_bytes(st, col), STORE_MAX_TEXT);
	copy = dt_arena_strndup(arena, (const char *)p, n);
	if (!copy)
		*oom = true;
	return copy;
}

enum dt_status store_question_row(struct store *s, int64_t bank,
                                  const char *qid, int64_t *row,
                                  struct dt_error *err)
{
	enum dt_status rc = store_int(s, SQL_QUESTION_ID, row, err, "it", bank,
	                              qid);

	if (rc == DT_OK && *row == 0)
		return dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                    "question '%s' is not in the question bank", qid);
	return rc;
}

void *store_grow(struct dt_arena *arena, void *items, size_t n, size_t *cap,
                 size_t size)
{
	size_t new_cap;
	void *bigger;

	if (n < *cap)
		return items;
	new_cap = *cap ? *cap * 2 : 16;
	bigger = dt_arena_alloc(arena, new_cap * size);
	if (!bigger)
		return NULL;
	if (n)
		memcpy(bigger, items, n * size);
	*cap = new_cap;
	return bigger;
}

void store_text_row(sqlite3_stmt *st, void *item, struct dt_arena *arena,
                    bool *oom)
{
	*(const char **)item = store_col_text(st, 0, arena, oom);
}

enum dt_status store_collect(struct store *s, sqlite3_stmt *st,
                             struct dt_arena *arena, size_t size,
                             store_row_fn *fn, void *out, size_t *n,
                             struct dt_error *err)
{
	enum dt_status rc = st ? DT_OK : err ? err->code : DT_ERR_DB;
	unsigned char *items = NULL;
	size_t cap = 0;
	bool row = true, oom = false;

	*n = 0;
	while (rc == DT_OK && !oom &&
	       (rc = store_step(s, st, &row, err)) == DT_OK && row) {
		items = store_grow(arena, items, *n, &cap, size);
		if (!items) {
			oom = true;
			break;
		}
		memset(items + *n * size, 0, size);
		fn(st, items + (*n)++ * size, arena, &oom);
	}
	if (st)
		(void)sqlite3_reset(st);
	if (rc == DT_OK && oom)
		rc = dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
	memcpy(out, &items, sizeof items);
	if (rc != DT_OK)
		*n = 0;
	return rc;
}
