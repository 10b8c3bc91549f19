/* Opening a database: the default path, creating the file and its folders
 * with private (or classroom) permissions, the checks that keep us from
 * touching a file that is not ours or not sound, the connection settings
 * (WAL, foreign keys, busy handler) and the migration step.
 * Design: every check that can refuse a file reads only (our own read of
 * the header, then read-only PRAGMAs) and comes before the first write
 * (switching to WAL), so a refused file keeps every byte. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"

#define HEADER_SIZE 100
static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL */

enum dt_status store_default_path(char *out, size_t size, struct dt_error *err)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	bool fits;

	if (xdg && xdg[0] == '/')
		fits = dt_snprintf(out, size, "%s/dockertutor/dockertutor.db", xdg);
	else if (home && home[0])
		fits = dt_snprintf(out, size,
		                   "%s/.local/share/dockertutor/dockertutor.db", home);
	else
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "cannot find a place for the database: set "
		                    "HOME or XDG_DATA_HOME, or name one with --db");
	if (!fits)
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the database path is longer than %zu bytes",
		                    size - 1);
	return DT_OK;
}

static enum dt_status make_parent(const char *path, unsigned mode,
                                  struct dt_error *err)
{
	const char *slash = strrchr(path, '/');
	enum dt_status rc;
	char *dir;

	if (!slash || slash == path)
		return DT_OK;
	dir = dt_strndup(path, (size_t)(slash - path));
	if (!dir)
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0, "out of memory");
	rc = dt_mkdir_p(dir, mode, err);
	dt_free(dir);
	return rc;
}

static enum dt_status create_file(const char *path, unsigned flags,
                                  struct dt_error *err)
{
	unsigned mode = flags & STORE_SHARED ? 0660 : 0600;
	enum dt_status rc;
	int fd;

	rc = make_parent(path, flags & STORE_SHARED ? 0770 : 0700, err);
	if (rc != DT_OK)
		return rc;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, mode);
	if (fd < 0 && errno == EEXIST)
		return DT_OK;           /* another process was first */
	if (fd < 0)
		return dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                    "cannot create the database: %s", strerror(errno));
	/* The umask must not take the group's write bit from a classroom
	 * database. */
	if (fchmod(fd, mode) != 0) {
		rc = dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                  "cannot set the database's permissions: %s",
		                  strerror(errno));
		(void)close(fd);        /* the error above is the one to report */
		return rc;
	}
	if (close(fd) != 0)
		return dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                    "cannot create the database: %s", strerror(errno));
	return DT_OK;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static bool wal_has_frames(const char *path)
{
	char wal[1024];
	struct stat st;

	return dt_snprintf(wal, sizeof wal, "%s-wal", path) &&
	       stat(wal, &st) == 0 && st.st_size > 0;
}

/* The header says how many pages the file has (when its "valid for"
 * counter matches the change counter); a shorter file lost its tail.  With
 * frames waiting in the WAL the header may lag, so it is not judged. */
static enum dt_status check_size(const char *path, const unsigned char *h,
                                 off_t size, struct dt_error *err)
{
	uint32_t page = (uint32_t)h[16] << 8 | h[17];
	uint64_t pages = be32(h + 28);

	if (page == 1)
		page = 65536;
	if (be32(h + 92) != be32(h + 24) || pages == 0 || wal_has_frames(path))
		return DT_OK;
	if ((uint64_t)size < pages * page)
		return dt_error_set(err, DT_ERR_DB, path, 0, 0,
		                    "the database file is truncated (%lld of %llu "
		                    "bytes): restore it from a backup",
		                    (long long)size,
		                    (unsigned long long)(pages * page));
	return DT_OK;
}

static enum dt_status read_header(const char *path, unsigned char *h,
                                  ssize_t *got, struct dt_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0)
		return dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                    "cannot open the database: %s", strerror(errno));
	do
		*got = read(fd, h, HEADER_SIZE);
	while (*got < 0 && errno == EINTR);
	if (*got < 0) {
		enum dt_status rc = dt_error_set(err, DT_ERR_IO, path, 0, 0,
		                                 "cannot read the database: %s",
		                                 strerror(errno));
		(void)close(fd);
		return rc;
	}
	(void)close(fd);        /* read-only: closing cannot lose data */
	return DT_OK;
}

/* Checks an existing file (or creates a missing one). */
static enum dt_status prepare_file(const char *path, unsigned flags,
                                   struct dt_error *err)
{
	unsigned char h[HEADER_SIZE];
	struct stat st;
	enum dt_status rc;
	ssize_t got = 0;

	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			return dt_error_set(err, DT_ERR_IO, path, 0, 0,
			                    "cannot open the database: %s",
			                    strerror(errno));
		if (!(flags & STORE_CREATE))
			return dt_error_set(err, DT_ERR_NOTFOUND, path, 0, 0,
			                    "there is no database here");
		return create_file(path, flags, err);
	}
	if (!S_ISREG(st.st_mode))
		return dt_error_set(err, DT_ERR_INVALID, path, 0, 0,
		                    "not a dockertutor database: not a regular file");
	rc = read_header(path, h, &got, err);
	if (rc != DT_OK || got == 0)
		return rc;              /* empty: a database not yet written */
	if (got < HEADER_SIZE || memcmp(h, sqlite_magic, sizeof sqlite_magic))
		return dt_error_set(err, DT_ERR_INVALID, path, 0, 0,
		                    "not a dockertutor database: not an SQLite file");
	return check_size(path, h, st.st_size, err);
}

static void pause_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Other processes hold the write lock: wait in short, jittered steps (the
 * default handler's sleeps of up to 100 ms waste a classroom's throughput)
 * until STORE_BUSY_TIMEOUT_MS have passed. */
static int on_busy(void *arg, int count)
{
	struct store *s = arg;
	uint64_t now = dt_now_ms();
	long base;

	if (count == 0)
		s->busy_since_ms = now;
	if (now - s->busy_since_ms >= STORE_BUSY_TIMEOUT_MS)
		return 0;
	/* Waiters that woke together must not retry together. */
	s->jitter = quiz_mix64(s->jitter);
	base = count < 32 ? 50L << (count / 8) : 1000;
	pause_us(base + (long)(s->jitter % (uint64_t)(2 * base)));
	return 1;
}

static enum dt_status connect(struct store *s, struct dt_error *err)
{
	int rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE, NULL);

	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot open the database", err);
	if (sqlite3_db_readonly(s->db, "main") == 1)
		return dt_error_set(err, DT_ERR_IO, s->path, 0, 0,
		                    "the database is read-only: dockertutor needs to "
		                    "write to it (check its permissions)");
	s->jitter = (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)s ^ dt_now_ms();
	rc = sqlite3_busy_handler(s->db, on_busy, s);
	if (rc != SQLITE_OK)
		return store_fail(s, rc, "cannot open the database", err);
	return DT_OK;
}

static enum dt_status check_identity(struct store *s, int64_t *version,
                                     struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_IDENTITY, err, NULL);
	int64_t app = 0, tables = 0;
	enum dt_status rc;
	bool row;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK)
		return rc;
	if (row) {
		app = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int64(st, 1);
		tables = sqlite3_column_int64(st, 2);
		(void)sqlite3_reset(st);
	}
	if (app != 0 && app != STORE_APPLICATION_ID)
		return dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                    "not a dockertutor database: it belongs to "
		                    "another application");
	if (app == 0 && (*version != 0 || tables != 0))
		return dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                    "not a dockertutor database: it holds another "
		                    "application's tables");
	if (*version > STORE_SCHEMA_VERSION)
		return dt_error_set(err, DT_ERR_VERSION, s->path, 0, 0,
		                    "the database comes from a newer dockertutor "
		                    "(schema %lld; this one knows up to %d): upgrade "
		                    "dockertutor", (long long)*version,
		                    STORE_SCHEMA_VERSION);
	return DT_OK;
}

static enum dt_status quick_check(struct store *s, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_QUICK_CHECK, err, NULL);
	const unsigned char *text;
	enum dt_status rc;
	bool row;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	text = sqlite3_column_text(st, 0);
	if (text && strcmp((const char *)text, "ok") == 0) {
		(void)sqlite3_reset(st);
		return DT_OK;
	}
	rc = dt_error_set(err, DT_ERR_DB, s->path, 0, 0,
	                  "the database file is corrupted: %.200s",
	                  text ? (const char *)text : "(no detail)");
	(void)sqlite3_reset(st);
	return rc;
}

static enum dt_status configure(struct store *s, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_WAL, err, NULL);
	const unsigned char *mode;
	enum dt_status rc;
	bool row, wal;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK)
		return rc;
	mode = row ? sqlite3_column_text(st, 0) : NULL;
	wal = mode && strcmp((const char *)mode, "wal") == 0;
	(void)sqlite3_reset(st);
	if (!wal)
		return dt_error_set(err, DT_ERR_IO, s->path, 0, 0,
		                    "cannot switch the database to WAL mode (is its "
		                    "folder writable?)");
	rc = store_run(s, SQL_FOREIGN_KEYS, err, NULL);
	if (rc == DT_OK)
		rc = store_run(s, SQL_SYNCHRONOUS, err, NULL);
	return rc;
}

static bool small_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_size <= STORE_QUICK_CHECK_MAX;
}

static enum dt_status check_and_migrate(struct store *s, struct dt_error *err)
{
	enum dt_status rc;
	int64_t version = 0;

	rc = check_identity(s, &version, err);
	if (rc == DT_OK && version > 0 &&
	    (version < STORE_SCHEMA_VERSION || small_file(s->path)))
		rc = quick_check(s, err);
	if (rc == DT_OK)
		rc = configure(s, err);
	if (rc == DT_OK && version < STORE_SCHEMA_VERSION)
		rc = store_migrate(s, version, err);
	return rc;
}

/* A database still in its first moments (no WAL yet) can refuse a
 * connection at once, without the busy handler, while other processes
 * switch it to WAL together: those steps are tried again until the
 * timeout.  Every step is safe to repeat. */
static enum dt_status open_checked(struct store *s, unsigned flags,
                                   struct dt_error *err)
{
	uint64_t start = dt_now_ms();
	enum dt_status rc;
	long wait_us = 200;

	rc = prepare_file(s->path, flags, err);
	if (rc == DT_OK)
		rc = connect(s, err);
	while (rc == DT_OK || rc == DT_ERR_BUSY) {
		rc = check_and_migrate(s, err);
		if (rc != DT_ERR_BUSY || dt_now_ms() - start >= STORE_BUSY_TIMEOUT_MS)
			break;
		s->jitter = quiz_mix64(s->jitter);
		pause_us(wait_us + (long)(s->jitter % (uint64_t)wait_us));
		if (wait_us < 20000)
			wait_us *= 2;
	}
	return rc;
}

enum dt_status store_open(const char *path, unsigned flags,
                          struct store **out, struct dt_error *err)
{
	struct store *s;
	enum dt_status rc;

	*out = NULL;
	store_mem_init();
	s = dt_calloc(1, sizeof *s);
	if (!s || !(s->path = dt_strdup(path))) {
		dt_free(s);
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0, "out of memory");
	}
	rc = open_checked(s, flags, err);
	if (rc != DT_OK) {
		store_close(s);
		return rc;
	}
	*out = s;
	return DT_OK;
}

void store_close(struct store *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < SQL_COUNT; i++)
		(void)sqlite3_finalize(s->stmts[i]);
	/* close_v2 cannot fail for want of finalised statements. */
	(void)sqlite3_close_v2(s->db);
	dt_free(s->path);
	dt_free(s);
}

const char *store_path(const struct store *s)
{
	return s->path;
}

int store_schema_version(struct store *s)
{
	int64_t v = 0;

	if (store_int(s, SQL_USER_VERSION, &v, NULL, NULL) != DT_OK)
		return -1;
	return (int)v;
}

enum dt_status store_check(struct store *s, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_INTEGRITY_CHECK, err, NULL);
	const unsigned char *text;
	enum dt_status rc;
	bool row, ok;

	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	text = sqlite3_column_text(st, 0);
	ok = text && strcmp((const char *)text, "ok") == 0;
	if (!ok)
		rc = dt_error_set(err, DT_ERR_DB, s->path, 0, 0,
		                  "the database file is corrupted: %.200s",
		                  text ? (const char *)text : "(no detail)");
	(void)sqlite3_reset(st);
	return rc;
}
