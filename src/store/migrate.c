/* Forward schema migrations from data/migrations/NNN-name.sql, embedded in
 * the binary.  Design: migration N takes the schema from version N - 1 to
 * N inside one BEGIN IMMEDIATE transaction that first re-reads
 * user_version, so processes opening a fresh database together apply each
 * migration exactly once; a failed migration rolls back whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* As mk/embed.sh emits it: NULL-terminated. */
struct dt_embedded {
	const char *name;
	const unsigned char *data;
	size_t len;
};

extern const struct dt_embedded dt_migrations[];

/* Runs every statement of a script (our own, embedded), one prepared
 * statement at a time. */
static enum dt_status run_script(struct store *s, const char *name,
                                 const char *sql, size_t len,
                                 struct dt_error *err)
{
	const char *end = sql + len;

	while (sql < end) {
		sqlite3_stmt *st = NULL;
		const char *tail = end;
		int rc = sqlite3_prepare_v2(s->db, sql, (int)(end - sql), &st, &tail);

		while (rc == SQLITE_OK && st && (rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc == SQLITE_DONE)
			rc = SQLITE_OK;
		if (rc != SQLITE_OK) {
			char what[128];

			(void)dt_snprintf(what, sizeof what, "migration %s failed", name);
			store_fail(s, rc, what, err);
			(void)sqlite3_finalize(st);
			return err ? err->code : DT_ERR_DB;
		}
		(void)sqlite3_finalize(st);
		if (!st)
			break;              /* only comments were left */
		sql = tail;
	}
	return DT_OK;
}

static enum dt_status set_pragma(struct store *s, const char *pragma,
                                 long long value, struct dt_error *err)
{
	char sql[64];

	if (!dt_snprintf(sql, sizeof sql, "PRAGMA %s = %lld", pragma, value))
		return dt_error_set(err, DT_ERR_LIMIT, s->path, 0, 0,
		                    "PRAGMA text too long");
	return run_script(s, pragma, sql, strlen(sql), err);
}

static size_t count_migrations(void)
{
	size_t n = 0;

	while (dt_migrations[n].name)
		n++;
	return n;
}

static enum dt_status apply(struct store *s, size_t version,
                            struct dt_error *err)
{
	const struct dt_embedded *m = &dt_migrations[version - 1];
	enum dt_status rc;
	int64_t current = 0;

	rc = store_begin(s, err);
	if (rc != DT_OK)
		return rc;
	rc = store_int(s, SQL_USER_VERSION, &current, err, NULL);
	if (rc == DT_OK && current >= (int64_t)version)
		return store_end(s, DT_OK, err);        /* another process did it */
	if (rc == DT_OK && version == 1)
		rc = set_pragma(s, "application_id", STORE_APPLICATION_ID, err);
	if (rc == DT_OK)
		rc = run_script(s, m->name, (const char *)m->data, m->len, err);
	if (rc == DT_OK)
		rc = set_pragma(s, "user_version", (long long)version, err);
	return store_end(s, rc, err);
}

enum dt_status store_migrate(struct store *s, int64_t from,
                             struct dt_error *err)
{
	size_t n = count_migrations(), v;
	enum dt_status rc = DT_OK;

	if (n != STORE_SCHEMA_VERSION)
		return dt_error_set(err, DT_ERR_DB, s->path, 0, 0,
		                    "this build carries %zu migrations for schema "
		                    "version %d", n, STORE_SCHEMA_VERSION);
	for (v = (size_t)from + 1; v <= n && rc == DT_OK; v++)
		rc = apply(s, v, err);
	return rc;
}
