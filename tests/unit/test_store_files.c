/* Unit tests for the store's database files: schema-1, schema-2 and
 * schema-3 databases (the checked-in fixtures) migrated to the current
 * schema with everything kept,
 * and the files the store must refuse without touching a byte: text, a
 * truncated or corrupted database, another application's, a newer schema,
 * read-only locations; and a full disk in the middle of work. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "dockertutor/store.h"
#include "fixture_quiz.h"
#include "../../src/store/store_int.h"

#define FIXTURE_V1 "tests/unit/data/db-v1.sql"
#define FIXTURE_V2 "tests/unit/data/db-v2.sql"
#define FIXTURE_V3 "tests/unit/data/db-v3.sql"
#define NOW 1700100000
#define DAY 86400

struct env {
	char dir[256];
	char db[320];
	struct course *course;
	struct dt_arena arena;
};

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof *e);

	if (!e || !fixture_tmpdir(e->dir, sizeof e->dir))
		return -1;
	snprintf(e->db, sizeof e->db, "%s/dt.db", e->dir);
	e->course = fixture_course_new();
	dt_arena_init(&e->arena);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	fixture_course_free(e->course);
	dt_arena_fini(&e->arena);
	fixture_rmtree(e->dir);
	free(e);
	return 0;
}

/* Runs SQL text on a file with SQLite directly, as another program would. */
static void sqlite_exec_file(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s", msg);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static char *slurp(const char *path, size_t *len)
{
	struct dt_error err;
	char *data;

	assert_int_equal(dt_read_file(path, 1u << 30, &data, len, &err), DT_OK);
	return data;
}

/* A current database with some progress in it, closed. */
static void make_db(struct env *e)
{
	struct store *s;
	struct dt_error err;
	int64_t bank, learner;
	int i;

	assert_int_equal(store_open(e->db, STORE_CREATE, &s, &err), DT_OK);
	assert_int_equal(store_sync_course(s, e->course, NOW, &bank, NULL, &err),
	                 DT_OK);
	assert_int_equal(store_learner(s, "ada", true, NOW, &learner, &err), DT_OK);
	for (i = 0; i < 200; i++) {
		struct store_answer a = { learner, bank, "q1", "0", true, 1, 10,
		                          NOW + i };

		assert_int_equal(store_record_answer(s, &a, NULL, &err), DT_OK);
	}
	store_close(s);
}

/* Opens path expecting rc and a message containing want; the file's bytes
 * must not change. */
static void refused(const char *path, enum dt_status want_rc,
                    const char *want)
{
	struct store *s = NULL;
	struct dt_error err;
	size_t before_len, after_len;
	char *before = slurp(path, &before_len), *after;

	assert_int_equal(store_open(path, STORE_CREATE, &s, &err), want_rc);
	assert_null(s);
	assert_string_equal(err.path, path);
	if (!strstr(err.msg, want))
		fail_msg("message '%s' lacks '%s'", err.msg, want);
	after = slurp(path, &after_len);
	assert_int_equal(before_len, after_len);
	assert_memory_equal(before, after, before_len);
	dt_free(before);
	dt_free(after);
}

/* ---- migration ---- */

static void load_sql(struct env *e, const char *fixture)
{
	size_t len;
	char *sql = slurp(fixture, &len);

	sqlite_exec_file(e->db, sql);
	dt_free(sql);
}

static void load_fixture(struct env *e)
{
	load_sql(e, FIXTURE_V1);
}

static void test_v1_migrates_keeping_everything(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct dt_error err;
	struct store_lesson_progress *p;
	struct store_study_day *days, total;
	struct store_attempt *hist, a;
	struct store_item *items;
	struct store_exercise_progress *ex;
	struct course_question *qs;
	const char **mistakes, *section;
	int64_t ada, bob, bank;
	size_t n, due;
	bool changed = true;
	int line;

	load_fixture(e);
	assert_int_equal(store_open(e->db, 0, &s, &err), DT_OK);
	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	assert_int_equal(store_learner(s, "ada", false, NOW, &ada, &err), DT_OK);
	assert_int_equal(store_learner(s, "bob", false, NOW, &bob, &err), DT_OK);
	/* The bank's hash is the course's: nothing to sync. */
	assert_int_equal(store_sync_course(s, e->course, NOW, &bank, &changed, &err),
	                 DT_OK);
	assert_false(changed);
	assert_int_equal(store_load_bank(s, bank, false, &e->arena, &qs, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 5);
	assert_string_equal(qs[1].id, "q2");
	assert_int_equal(qs[1].n_choices, 4);
	assert_true(qs[1].choices[3].correct);
	assert_string_equal(qs[3].answers[1], "--detach");

	/* Summaries were built from the old answers by migration 2:
	 * ada answered q1 right, q2 wrong then right, q4 wrong. */
	assert_int_equal(store_lesson_progress(s, ada, bank, &e->arena, &p, &n,
	                                       &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].lesson, "basics");
	assert_int_equal(p[0].n_questions, 4);
	assert_int_equal(p[0].n_seen, 3);
	assert_int_equal(p[0].n_answers, 4);
	assert_int_equal(p[0].n_correct, 2);
	assert_int_equal(p[0].n_mastered, 2);
	assert_int_equal(p[0].n_sections_read, 2);
	assert_int_equal(p[0].ms, 4200 + 9100 + 5000 + 7000);
	assert_int_equal(store_mistakes(s, ada, bank, &e->arena, &mistakes, &n,
	                                &err), DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(mistakes[0], "q4");
	assert_int_equal(store_lesson_progress(s, bob, bank, &e->arena, &p, &n,
	                                       &err), DT_OK);
	assert_int_equal(p[1].n_answers, 1);
	assert_int_equal(p[1].n_mastered, 1);

	/* Day 19675: three practice answers and the three exam answers ... */
	assert_int_equal(store_time_studied(s, ada, 19670, 19680, &e->arena, &days,
	                                    &n, &total, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(days[0].day, 19675);
	assert_int_equal(days[0].answers, 5);
	assert_int_equal(days[0].correct, 3);
	assert_int_equal(days[1].answers, 2);
	assert_int_equal(total.ms, 4200 + 9100 + 5000 + 7000 + 65000);

	/* q4 falls due at 1700173300, q1 at 1700259500, q2 later. */
	assert_int_equal(store_reviews_due(s, ada, bank, 1700173299, &due, &err),
	                 DT_OK);
	assert_int_equal(due, 0);
	assert_int_equal(store_reviews_due(s, ada, bank, 1700173300, &due, &err),
	                 DT_OK);
	assert_int_equal(due, 1);
	assert_int_equal(store_reviews_due(s, ada, bank, 1700259500, &due, &err),
	                 DT_OK);
	assert_int_equal(due, 2);
	assert_int_equal(store_get_position(s, ada, "basics", &e->arena, &section,
	                                    &line, &err), DT_OK);
	assert_string_equal(section, "run");
	assert_int_equal(line, 14);
	assert_int_equal(store_exercise_progress(s, ada, &e->arena, &ex, &n, &err),
	                 DT_OK);
	assert_int_equal(ex[0].attempts_to_pass, 2);
	assert_int_equal(store_exam_history(s, ada, NULL, &e->arena, &hist, &n,
	                                    &err), DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hist[0].status, STORE_ATTEMPT_SUBMITTED);
	assert_true(hist[0].passed);
	assert_int_equal(store_load_attempt(s, hist[0].id, &e->arena, &a, &items,
	                                    &n, &err), DT_OK);
	assert_int_equal(n, 3);
	assert_true(items[1].flagged);
	assert_int_equal(items[1].n_choices, 4);
	assert_int_equal(items[1].order[0], 3);

	/* New answers keep the summaries going. */
	{
		struct store_answer ans = { ada, bank, "q4", "-d", true, 1, 100, NOW };

		assert_int_equal(store_record_answer(s, &ans, NULL, &err), DT_OK);
	}
	assert_int_equal(store_mistakes(s, ada, bank, &e->arena, &mistakes, &n,
	                                &err), DT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_check(s, &err), DT_OK);
	store_close(s);
}

/* Schema 2 counted every DOMC option as an answer in the daily totals and
 * kept hints only with attempts.  Migration 3 rebuilds the totals (one
 * answer per exam item, its latest one deciding), adds the hints table
 * filled from the attempts, and keeps everything else as it was. */
static void test_v2_migrates_keeping_everything(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct dt_error err;
	struct store_study_day *days, total;
	struct store_exercise_progress *ex;
	struct store_lesson_progress *p;
	struct store_attempt *hist, *open;
	struct store_item *items;
	struct store_attempt a;
	const char **exams;
	int64_t ada, bob, bank, id;
	size_t n;
	bool changed = true;

	load_sql(e, FIXTURE_V2);
	assert_int_equal(store_open(e->db, 0, &s, &err), DT_OK);
	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	assert_int_equal(store_learner(s, "ada", false, NOW, &ada, &err), DT_OK);
	assert_int_equal(store_learner(s, "bob", false, NOW, &bob, &err), DT_OK);
	assert_int_equal(store_sync_course(s, e->course, NOW, &bank, &changed, &err),
	                 DT_OK);
	assert_false(changed);

	/* Day 19676: two practice answers and the DOMC exam, whose three
	 * option answers are two items (item 0 decided right, item 1 wrong);
	 * schema 2 had counted 5 answers there.  Every answer's time stays. */
	assert_int_equal(store_time_studied(s, ada, 19670, 19680, &e->arena, &days,
	                                    &n, &total, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(days[0].day, 19675);
	assert_int_equal(days[0].answers, 5);
	assert_int_equal(days[0].correct, 3);
	assert_int_equal(days[1].day, 19676);
	assert_int_equal(days[1].answers, 4);
	assert_int_equal(days[1].correct, 2);
	assert_int_equal(days[1].ms, 5000 + 7000 + 4000 + 5000 + 3000);
	assert_int_equal(total.ms, 78300 + 24000);
	assert_int_equal(store_time_studied(s, bob, 19670, 19680, NULL, NULL,
	                                    NULL, &total, &err), DT_OK);
	assert_int_equal(total.answers, 2);

	/* Practice summaries are as they were. */
	assert_int_equal(store_lesson_progress(s, ada, bank, &e->arena, &p, &n,
	                                       &err), DT_OK);
	assert_int_equal(p[0].n_answers, 4);
	assert_int_equal(p[0].n_mastered, 2);

	/* Hints seen come from the attempts: the most of each exercise. */
	assert_int_equal(store_exercise_progress(s, ada, &e->arena, &ex, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(ex[0].exercise, "non-root-user");
	assert_int_equal(ex[0].attempts, 2);
	assert_int_equal(ex[0].attempts_to_pass, 2);
	assert_int_equal(ex[0].hints, 2);
	assert_string_equal(ex[1].exercise, "pin-base");
	assert_int_equal(ex[1].hints, 2);
	assert_int_equal(store_exercise_progress(s, bob, &e->arena, &ex, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ex[0].hints, 0);

	/* Attempts, their items and the answer log are untouched. */
	assert_int_equal(store_exam_history(s, ada, NULL, &e->arena, &hist, &n,
	                                    &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(hist[0].exam, "dca-check");
	assert_int_equal(hist[0].presentation, COURSE_PRESENT_DOMC);
	assert_int_equal(store_load_attempt(s, hist[0].id, &e->arena, &a, &items,
	                                    &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].response, "domc:2N,0Y");
	assert_int_equal(items[0].ms, 9000);
	assert_int_equal(store_open_attempts(s, bob, &e->arena, &open, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_exams(s, &e->arena, &exams, &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(exams[0], "dca-check");
	assert_string_equal(exams[1], "final");
	{
		struct dt_buf doc;

		dt_buf_init(&doc);
		assert_int_equal(store_export(s, ada, &doc, &err), DT_OK);
		assert_non_null(strstr(doc.data, "\"response\":\"domc:2N\""));
		assert_non_null(strstr(doc.data, "\"hints\":[{\"exercise\":"
		                                 "\"non-root-user\""));
		dt_buf_fini(&doc);
	}

	/* New work follows the new rules: bob's open DOMC item, answered
	 * option by option, is one answer. */
	id = open[0].id;
	assert_int_equal(store_record_response(s, id, 0, "domc:0N", false, 0, 100,
	                                       1700090200, &err), DT_OK);
	assert_int_equal(store_record_response(s, id, 0, "domc:0N,1Y", true, 1, 100,
	                                       1700090210, &err), DT_OK);
	assert_int_equal(store_time_studied(s, bob, 19676, 19676, NULL, NULL,
	                                    NULL, &total, &err), DT_OK);
	assert_int_equal(total.answers, 1);
	assert_int_equal(total.correct, 1);
	assert_int_equal(store_record_hint(s, bob, "pin-base", "images", 1,
	                                   1700090300, &err), DT_OK);
	assert_int_equal(store_exercise_progress(s, bob, &e->arena, &ex, &n, &err),
	                 DT_OK);
	assert_int_equal(ex[0].hints, 1);
	assert_int_equal(store_check(s, &err), DT_OK);
	store_close(s);
}

/* Asserts the learner's last reading position. */
static void last_is(struct env *e, struct store *s, int64_t learner,
                    const char *lesson, const char *section, int depth)
{
	const char *l, *sec;
	struct dt_error err;
	int d;

	assert_int_equal(store_last_position(s, learner, &e->arena, &l, &sec, &d,
	                                     &err), DT_OK);
	assert_string_equal(l, lesson);
	assert_string_equal(sec, section);
	assert_int_equal(d, depth);
}

/* Schema 3 ordered reading positions by their time alone.  Migration 4
 * keeps every position, and the one with the latest time is still the
 * last; positions set from then on within one second are told apart by
 * the order they were set in. */
static void test_v3_migrates_keeping_everything(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct dt_error err;
	struct store_exercise_progress *ex;
	struct store_lesson_progress *p;
	const char *section;
	int64_t ada, bob, bank;
	size_t n;
	bool changed = true;
	int depth;

	load_sql(e, FIXTURE_V3);
	assert_int_equal(store_open(e->db, 0, &s, &err), DT_OK);
	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	assert_int_equal(store_learner(s, "ada", false, NOW, &ada, &err), DT_OK);
	assert_int_equal(store_learner(s, "bob", false, NOW, &bob, &err), DT_OK);
	assert_int_equal(store_sync_course(s, e->course, NOW, &bank, &changed, &err),
	                 DT_OK);
	assert_false(changed);
	assert_int_equal(store_get_position(s, ada, "basics", &e->arena, &section,
	                                    &depth, &err), DT_OK);
	assert_string_equal(section, "run");
	assert_int_equal(depth, 14);
	last_is(e, s, ada, "images", "layers", 2500);
	last_is(e, s, bob, "images", "tags", 9000);
	/* The rest is as schema 3 left it. */
	assert_int_equal(store_exercise_progress(s, bob, &e->arena, &ex, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ex[0].exercise, "pin-base");
	assert_int_equal(ex[0].attempts, 1);
	assert_int_equal(ex[0].hints, 1);
	assert_int_equal(store_lesson_progress(s, ada, bank, &e->arena, &p, &n,
	                                       &err), DT_OK);
	assert_int_equal(p[0].n_answers, 4);
	assert_int_equal(p[0].n_sections_read, 2);
	/* Within the second of ada's latest position, the one set after it
	 * wins, then the one set after that. */
	assert_int_equal(store_set_position(s, ada, "basics", "intro", 10,
	                                    1700000200, &err), DT_OK);
	last_is(e, s, ada, "basics", "intro", 10);
	assert_int_equal(store_set_position(s, ada, "images", "layers", 2500,
	                                    1700000200, &err), DT_OK);
	last_is(e, s, ada, "images", "layers", 2500);
	last_is(e, s, bob, "images", "tags", 9000);
	assert_int_equal(store_check(s, &err), DT_OK);
	store_close(s);
}

static void test_migration_failure_rolls_back(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct dt_error err;
	size_t len_before, len_after;
	char *before, *after;

	/* A schema-1 database that already has a table migration 2 creates:
	 * the migration fails, and the database stays at version 1. */
	load_fixture(e);
	sqlite_exec_file(e->db, "CREATE TABLE learner_day (x);");
	before = slurp(e->db, &len_before);
	assert_int_equal(store_open(e->db, 0, &s, &err), DT_ERR_DB);
	assert_string_equal(err.path, e->db);
	assert_non_null(strstr(err.msg, "migration 002-summaries.sql failed"));
	after = slurp(e->db, &len_after);
	/* Only the header changed: WAL mode was switched on (bytes 18, 19),
	 * which counts as a change (bytes 24..27 and 92..95). */
	assert_int_equal(len_before, len_after);
	memset(before + 18, 0, 2);
	memset(after + 18, 0, 2);
	memset(before + 24, 0, 4);
	memset(after + 24, 0, 4);
	memset(before + 92, 0, 4);
	memset(after + 92, 0, 4);
	assert_memory_equal(before, after, len_before);
	dt_free(before);
	dt_free(after);
}

/* ---- refused files ---- */

static void test_text_file_refused(void **state)
{
	struct env *e = *state;
	FILE *f = fopen(e->db, "w");

	assert_non_null(f);
	for (int i = 0; i < 20; i++)
		fputs("These are my notes, not a database.\n", f);
	assert_int_equal(fclose(f), 0);
	refused(e->db, DT_ERR_INVALID, "not a dockertutor database: not an SQLite file");
}

static void test_truncated_db_refused(void **state)
{
	struct env *e = *state;
	struct stat st;

	make_db(e);
	assert_int_equal(stat(e->db, &st), 0);
	assert_true(st.st_size > 4 * 4096);
	assert_int_equal(truncate(e->db, st.st_size / 2), 0);
	refused(e->db, DT_ERR_DB, "the database file is truncated");
}

static void test_corrupted_db_refused(void **state)
{
	struct env *e = *state;
	char junk[4096];
	int fd;

	make_db(e);
	memset(junk, 0xA5, sizeof junk);
	fd = open(e->db, O_WRONLY);
	assert_true(fd >= 0);
	/* Pages 2 and 3 (the first tables' roots) become noise. */
	assert_int_equal(pwrite(fd, junk, sizeof junk, 4096), (ssize_t)sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, 8192), (ssize_t)sizeof junk);
	assert_int_equal(close(fd), 0);
	refused(e->db, DT_ERR_DB, "the database file is corrupted");
}

static void test_newer_schema_refused(void **state)
{
	struct env *e = *state;
	char want[160];

	snprintf(want, sizeof want, "the database comes from a newer dockertutor "
	         "(schema 99; this one knows up to %d): upgrade dockertutor",
	         STORE_SCHEMA_VERSION);
	make_db(e);
	sqlite_exec_file(e->db, "PRAGMA user_version = 99;");
	refused(e->db, DT_ERR_VERSION, want);
}

static void test_other_applications_refused(void **state)
{
	struct env *e = *state;

	sqlite_exec_file(e->db, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, "
	                 "total REAL); INSERT INTO invoices VALUES (1, 9.5);");
	refused(e->db, DT_ERR_INVALID, "it holds another application's tables");
	sqlite_exec_file(e->db, "PRAGMA application_id = 1234;");
	refused(e->db, DT_ERR_INVALID, "it belongs to another application");
}

static void test_directory_refused(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct dt_error err;

	assert_int_equal(store_open(e->dir, STORE_CREATE, &s, &err), DT_ERR_INVALID);
	assert_string_equal(err.path, e->dir);
	assert_string_equal(err.msg, "not a dockertutor database: not a regular file");
}

/* Read-only locations.  Root writes anywhere, so as root the opening runs in
 * a child that has become the unprivileged user "nobody". */
struct ro_case {
	const char *path;
	enum dt_status rc;
	struct dt_error err;
};

static void open_as_other_user(struct ro_case *c)
{
	int fds[2];
	pid_t pid;
	int status;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct store *s;

		close(fds[0]);
		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(90);
		c->rc = store_open(c->path, STORE_CREATE, &s, &c->err);
		store_close(s);
		_exit(write(fds[1], c, sizeof *c) == (ssize_t)sizeof *c ? 0 : 91);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], c, sizeof *c), (ssize_t)sizeof *c);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_read_only_locations_refused(void **state)
{
	struct env *e = *state;
	char ro_dir[280], fresh[400];
	size_t len_before, len_after;
	char *before, *after;
	struct ro_case c;

	snprintf(ro_dir, sizeof ro_dir, "%s/ro", e->dir);
	snprintf(fresh, sizeof fresh, "%s/new.db", ro_dir);
	assert_int_equal(mkdir(ro_dir, 0755), 0);
	assert_int_equal(chmod(e->dir, 0755), 0);
	snprintf(e->db, sizeof e->db, "%s/dt.db", ro_dir);
	make_db(e);

	/* A new database in a folder we may not write. */
	assert_int_equal(chmod(ro_dir, 0555), 0);
	c = (struct ro_case){ .path = fresh };
	open_as_other_user(&c);
	assert_int_equal(c.rc, DT_ERR_IO);
	assert_string_equal(c.err.path, fresh);
	assert_non_null(strstr(c.err.msg, "cannot create the database"));

	/* A database file we may not write. */
	before = slurp(e->db, &len_before);
	assert_int_equal(chmod(e->db, 0444), 0);
	c = (struct ro_case){ .path = e->db };
	open_as_other_user(&c);
	assert_int_equal(c.rc, DT_ERR_IO);
	assert_string_equal(c.err.path, e->db);
	assert_non_null(strstr(c.err.msg, "read-only"));

	/* A writable file in a read-only folder: no room for the WAL. */
	assert_int_equal(chmod(e->db, 0666), 0);
	c = (struct ro_case){ .path = e->db };
	open_as_other_user(&c);
	assert_int_equal(c.rc, DT_ERR_IO);
	assert_string_equal(c.err.path, e->db);
	after = slurp(e->db, &len_after);
	assert_int_equal(len_before, len_after);
	assert_memory_equal(before, after, len_before);
	dt_free(before);
	dt_free(after);
	assert_int_equal(chmod(ro_dir, 0755), 0);
}

/* A full disk, simulated with SQLite's page limit: the answer that does not
 * fit fails with a clear error, and everything before it is still there. */
static void test_full_disk(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct dt_error err;
	struct store_study_day total;
	int64_t bank, learner, pages = 0;
	enum dt_status rc = DT_OK;
	int i, stored = 0;

	make_db(e);
	assert_int_equal(store_open(e->db, 0, &s, &err), DT_OK);
	assert_int_equal(store_sync_course(s, e->course, NOW, &bank, NULL, &err),
	                 DT_OK);
	assert_int_equal(store_learner(s, "ada", false, NOW, &learner, &err), DT_OK);
	assert_int_equal(sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)",
	                              NULL, NULL, NULL), SQLITE_OK);
	{
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA page_count", -1,
		                                    &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		pages = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	{
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld",
		         (long long)pages + 2);
		assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	for (i = 0; i < 100000 && rc == DT_OK; i++) {
		char resp[600];
		struct store_answer a = { learner, bank, "q4", resp, false, 0, 1,
		                          NOW + 1000 + i };

		memset(resp, 'x', sizeof resp - 1);
		resp[sizeof resp - 1] = '\0';
		rc = store_record_answer(s, &a, NULL, &err);
		stored += rc == DT_OK;
	}
	assert_int_equal(rc, DT_ERR_IO);
	assert_string_equal(err.path, e->db);
	assert_non_null(strstr(err.msg, "the disk is full"));
	assert_true(stored > 0);
	assert_int_equal(store_time_studied(s, learner, 0, NOW / DAY + 10, NULL,
	                                    NULL, NULL, &total, &err), DT_OK);
	assert_int_equal(total.answers, 200 + (size_t)stored);
	assert_int_equal(store_check(s, &err), DT_OK);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_v1_migrates_keeping_everything),
		T(test_v2_migrates_keeping_everything),
		T(test_v3_migrates_keeping_everything),
		T(test_migration_failure_rolls_back),
		T(test_text_file_refused),
		T(test_truncated_db_refused),
		T(test_corrupted_db_refused),
		T(test_newer_schema_refused),
		T(test_other_applications_refused),
		T(test_directory_refused),
		T(test_read_only_locations_refused),
		T(test_full_disk),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
