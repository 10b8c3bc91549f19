/* Learners and question banks: profiles by name; the course bank synced
 * from content when its hash changes, imported banks beside it, and banks
 * read back as course questions for reports and imported-bank exams.
 * Questions are stored as columns plus JSON arrays (tags, choices, fill
 * answers); SQLite's json_each reads the arrays back. */
#include <string.h>

#include "store_int.h"

#define COURSE_BANK_PREFIX "course:"

static const char *const type_names[] = {
#define STORE_QTYPE_NAME(id, name) name,
	COURSE_QTYPE_LIST(STORE_QTYPE_NAME)
#undef STORE_QTYPE_NAME
};

#define N_TYPES (sizeof type_names / sizeof type_names[0])

static enum dt_status check_name(struct store *s, const char *name,
                                 const char *what, struct dt_error *err)
{
	size_t len = strlen(name), bad;

	if (len == 0 || len > STORE_MAX_NAME)
		return dt_error_set(err, len ? DT_ERR_LIMIT : DT_ERR_INVALID, s->path,
		                    0, 0, "a %s name must have 1 to %u bytes", what,
		                    STORE_MAX_NAME);
	if (!dt_utf8_valid(name, len, &bad) || dt_has_control(name, len, &bad))
		return dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                    "a %s name must be UTF-8 text without control "
		                    "characters", what);
	return DT_OK;
}

enum dt_status store_learner(struct store *s, const char *name, bool create,
                             int64_t now, int64_t *id, struct dt_error *err)
{
	enum dt_status rc = check_name(s, name, "learner", err);

	*id = 0;
	if (rc == DT_OK)
		rc = store_int(s, SQL_LEARNER_FIND, id, err, "t", name);
	if (rc != DT_OK || *id != 0)
		return rc;
	if (!create)
		return dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                    "there is no learner called '%s'", name);
	rc = store_begin(s, err);
	if (rc != DT_OK)
		return rc;
	/* Another process may have added the same name meanwhile. */
	rc = store_int(s, SQL_LEARNER_FIND, id, err, "t", name);
	if (rc == DT_OK && *id == 0) {
		rc = store_run(s, SQL_LEARNER_ADD, err, "ti", name, now);
		if (rc == DT_OK)
			*id = sqlite3_last_insert_rowid(s->db);
	}
	rc = store_end(s, rc, err);
	if (rc != DT_OK)
		*id = 0;                /* rolled back: no such row */
	return rc;
}

static void learner_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                        bool *oom)
{
	struct store_learner *l = item;

	l->id = sqlite3_column_int64(st, 0);
	l->name = store_col_text(st, 1, a, oom);
	l->created = sqlite3_column_int64(st, 2);
}

enum dt_status store_learners(struct store *s, struct dt_arena *arena,
                              struct store_learner **out, size_t *n,
                              struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_LEARNERS, err, NULL), arena,
	                     sizeof **out, learner_row, out, n, err);
}

/* ---- writing questions ---- */

static void json_string(struct dt_buf *b, const char *s)
{
	dt_buf_putc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			dt_buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			dt_buf_printf(b, "\\u%04x", c);
		else
			dt_buf_putc(b, (char)c);
	}
	dt_buf_putc(b, '"');
}

static void json_strings(struct dt_buf *b, const char *const *v, size_t n)
{
	size_t i;

	dt_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			dt_buf_putc(b, ',');
		json_string(b, v[i]);
	}
	dt_buf_putc(b, ']');
}

static void json_choices(struct dt_buf *b, const struct course_question *q)
{
	size_t i;

	dt_buf_putc(b, '[');
	for (i = 0; i < q->n_choices; i++) {
		dt_buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
		json_string(b, q->choices[i].text);
		dt_buf_printf(b, ",\"correct\":%s", q->choices[i].correct ? "true" : "false");
		if (q->choices[i].why) {
			dt_buf_puts(b, ",\"why\":");
			json_string(b, q->choices[i].why);
		}
		dt_buf_putc(b, '}');
	}
	dt_buf_putc(b, ']');
}

static enum dt_status put_question(struct store *s, int64_t bank,
                                   const struct course_question *q,
                                   struct dt_buf *b, struct dt_error *err)
{
	size_t at_choices, at_answers;
	const char *answer = NULL;

	if ((unsigned)q->type >= N_TYPES)
		return dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                    "question '%s' has an unknown type", q->id);
	/* Three JSON texts, one after another, each NUL-terminated. */
	dt_buf_reset(b);
	json_strings(b, q->tags, q->n_tags);
	dt_buf_putc(b, '\0');
	at_choices = b->len;
	json_choices(b, q);
	dt_buf_putc(b, '\0');
	at_answers = b->len;
	json_strings(b, q->answers, q->n_answers);
	if (b->failed)
		return dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
	/* The column's integer affinity stores "1" as 1. */
	if (q->type == COURSE_Q_TRUEFALSE)
		answer = q->answer ? "1" : "0";
	return store_run(s, SQL_QUESTION_PUT, err, "ittttittttttbt", bank, q->id,
	                 type_names[q->type], q->lesson_id ? q->lesson_id : "",
	                 q->section_id ? q->section_id : "",
	                 (int64_t)q->difficulty, b->data, q->stem ? q->stem : "",
	                 b->data + at_choices, answer, b->data + at_answers,
	                 q->pattern, (int)q->case_sensitive, q->explanation);
}

static enum dt_status find_bank(struct store *s, const char *name,
                                const char *kind, int64_t *bank, bool *same,
                                const char *hash, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_BANK_FIND, err, "t", name);
	enum dt_status rc;
	bool row;

	*bank = 0;
	*same = false;
	if (!st)
		return err ? err->code : DT_ERR_DB;
	rc = store_step(s, st, &row, err);
	if (rc != DT_OK || !row)
		return rc;
	*bank = sqlite3_column_int64(st, 0);
	*same = hash && sqlite3_column_text(st, 1) &&
	        strcmp((const char *)sqlite3_column_text(st, 1), hash) == 0;
	if (kind && (!sqlite3_column_text(st, 2) ||
	             strcmp((const char *)sqlite3_column_text(st, 2), kind) != 0))
		rc = dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                  "the bank '%s' is a %s bank", name,
		                  sqlite3_column_text(st, 2) ?
		                  (const char *)sqlite3_column_text(st, 2) : "?");
	(void)sqlite3_reset(st);
	return rc;
}

struct bank_spec {
	const char *name;
	const char *kind;
	const char *title;
	const char *hash;
	const struct course_question *questions;
	size_t n;
	int64_t now;
};

/* Inside a transaction: the bank's row, then every question, retiring
 * those that are gone. */
static enum dt_status write_bank(struct store *s, const struct bank_spec *b,
                                 int64_t *bank, struct dt_error *err)
{
	enum dt_status rc;
	struct dt_buf buf;
	bool same;
	size_t i;

	rc = find_bank(s, b->name, b->kind, bank, &same, NULL, err);
	if (rc == DT_OK && *bank == 0) {
		rc = store_run(s, SQL_BANK_ADD, err, "ttti", b->name, b->kind,
		               b->title, b->now);
		*bank = sqlite3_last_insert_rowid(s->db);
	}
	if (rc == DT_OK)
		rc = store_run(s, SQL_BANK_RETIRE, err, "i", *bank);
	dt_buf_init(&buf);
	for (i = 0; i < b->n && rc == DT_OK; i++)
		rc = put_question(s, *bank, &b->questions[i], &buf, err);
	dt_buf_fini(&buf);
	if (rc == DT_OK)
		rc = store_run(s, SQL_BANK_SET, err, "itti", *bank, b->title,
		               b->hash, b->now);
	return rc;
}

static enum dt_status sync_bank(struct store *s, const struct bank_spec *b,
                                int64_t *bank, bool *changed,
                                struct dt_error *err)
{
	enum dt_status rc;
	bool same = false;

	if (changed)
		*changed = false;
	if (b->hash[0]) {
		/* The cheap check: one query when nothing changed. */
		rc = find_bank(s, b->name, b->kind, bank, &same, b->hash, err);
		if (rc != DT_OK || same)
			return rc;
	}
	rc = store_begin(s, err);
	if (rc != DT_OK)
		return rc;
	if (b->hash[0])
		rc = find_bank(s, b->name, b->kind, bank, &same, b->hash, err);
	if (rc == DT_OK && !same) {
		rc = write_bank(s, b, bank, err);
		if (changed)
			*changed = rc == DT_OK;
	}
	return store_end(s, rc, err);
}

enum dt_status store_sync_course(struct store *s, const struct course *course,
                                 int64_t now, int64_t *bank, bool *changed,
                                 struct dt_error *err)
{
	char name[STORE_MAX_NAME + sizeof COURSE_BANK_PREFIX];
	struct bank_spec b = {
		name, "course", course->title ? course->title : "", course->hash,
		course->questions, course->n_questions, now,
	};

	if (!dt_snprintf(name, sizeof name, COURSE_BANK_PREFIX "%s", course->id))
		return dt_error_set(err, DT_ERR_LIMIT, s->path, 0, 0,
		                    "the course id is longer than %u bytes",
		                    STORE_MAX_NAME);
	return sync_bank(s, &b, bank, changed, err);
}

enum dt_status store_import_bank(struct store *s, const char *name,
                                 const char *title,
                                 const struct course_question *questions,
                                 size_t n, int64_t now, int64_t *bank,
                                 struct dt_error *err)
{
	struct bank_spec b = { name, "imported", title ? title : "", "",
	                       questions, n, now };
	enum dt_status rc = check_name(s, name, "bank", err);

	if (rc == DT_OK && dt_str_has_prefix(name, COURSE_BANK_PREFIX))
		rc = dt_error_set(err, DT_ERR_INVALID, s->path, 0, 0,
		                  "bank names starting '" COURSE_BANK_PREFIX
		                  "' belong to courses");
	if (rc != DT_OK)
		return rc;
	return sync_bank(s, &b, bank, NULL, err);
}

enum dt_status store_bank_find(struct store *s, const char *name,
                               int64_t *bank, struct dt_error *err)
{
	bool same;
	enum dt_status rc = find_bank(s, name, NULL, bank, &same, NULL, err);

	if (rc == DT_OK && *bank == 0)
		return dt_error_set(err, DT_ERR_NOTFOUND, s->path, 0, 0,
		                    "there is no question bank called '%s'", name);
	return rc;
}

static void bank_row(sqlite3_stmt *st, void *item, struct dt_arena *a,
                     bool *oom)
{
	struct store_bank *b = item;

	b->id = sqlite3_column_int64(st, 0);
	b->name = store_col_text(st, 1, a, oom);
	b->kind = store_col_text(st, 2, a, oom);
	b->title = store_col_text(st, 3, a, oom);
	b->synced = sqlite3_column_int64(st, 4);
	b->n_questions = (size_t)sqlite3_column_int64(st, 5);
}

enum dt_status store_banks(struct store *s, struct dt_arena *arena,
                           struct store_bank **out, size_t *n,
                           struct dt_error *err)
{
	return store_collect(s, store_prepare(s, SQL_BANKS, err, NULL), arena,
	                     sizeof **out, bank_row, out, n, err);
}
