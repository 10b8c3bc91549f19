/* Reading a bank back as course questions, for reports and for exams on
 * imported banks: one query for the questions, then one per JSON array
 * (tags, choices, fill answers), merged by row id since all four are
 * ordered by it. */
#include <string.h>

#include "store_int.h"

static const char *const type_names[] = {
#define STORE_QTYPE_NAME(id, name) name,
	COURSE_QTYPE_LIST(STORE_QTYPE_NAME)
#undef STORE_QTYPE_NAME
};

#define N_TYPES (sizeof type_names / sizeof type_names[0])

struct loading {
	struct course_question *q;
	int64_t *rows;
	size_t n;
	size_t *cap;            /* per question: capacity of the list grown */
	struct dt_arena *arena;
	const char *bank_name;
	bool oom;
};

static enum course_qtype type_of(const char *name)
{
	size_t i;

	for (i = 0; name && i < N_TYPES; i++)
		if (strcmp(type_names[i], name) == 0)
			return (enum course_qtype)i;
	return COURSE_Q_SINGLE;
}

static void read_question(struct loading *l, sqlite3_stmt *st,
                          struct course_question *q)
{
	struct dt_arena *a = l->arena;

	memset(q, 0, sizeof *q);
	q->id = store_col_text(st, 1, a, &l->oom);
	q->type = type_of((const char *)sqlite3_column_text(st, 2));
	q->lesson_id = store_col_text(st, 3, a, &l->oom);
	q->section_id = store_col_text(st, 4, a, &l->oom);
	q->difficulty = sqlite3_column_int(st, 5);
	q->stem = store_col_text(st, 6, a, &l->oom);
	q->answer = sqlite3_column_int(st, 7) != 0;
	q->pattern = store_col_text(st, 8, a, &l->oom);
	q->case_sensitive = sqlite3_column_int(st, 9) != 0;
	q->explanation = store_col_text(st, 10, a, &l->oom);
	q->pos.file = l->bank_name;
}

static enum dt_status read_questions(struct store *s, int64_t bank,
                                     bool with_retired, struct loading *l,
                                     struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, SQL_BANK_QUESTIONS, err, "ib", bank,
	                                 (int)with_retired);
	enum dt_status rc = st ? DT_OK : err ? err->code : DT_ERR_DB;
	size_t cap = 0, rcap = 0;
	bool row = true;

	while (rc == DT_OK && (rc = store_step(s, st, &row, err)) == DT_OK && row) {
		l->q = store_grow(l->arena, l->q, l->n, &cap, sizeof *l->q);
		l->rows = store_grow(l->arena, l->rows, l->n, &rcap, sizeof *l->rows);
		if (!l->q || !l->rows) {
			l->oom = true;
			break;
		}
		l->rows[l->n] = sqlite3_column_int64(st, 0);
		read_question(l, st, &l->q[l->n++]);
	}
	if (st)
		(void)sqlite3_reset(st);
	return rc;
}

/* The question whose row id is row, searching forward from *k. */
static struct course_question *owner(struct loading *l, int64_t row, size_t *k)
{
	while (*k < l->n && l->rows[*k] < row)
		(*k)++;
	return *k < l->n && l->rows[*k] == row ? &l->q[*k] : NULL;
}

static void add_value(struct loading *l, enum store_sql kind,
                      struct course_question *q, size_t k, sqlite3_stmt *st)
{
	struct dt_arena *a = l->arena;

	if (kind == SQL_BANK_CHOICES) {
		struct course_choice *c;

		q->choices = store_grow(a, q->choices, q->n_choices, &l->cap[k],
		                        sizeof *q->choices);
		if (!q->choices) {
			l->oom = true;
			return;
		}
		c = &q->choices[q->n_choices++];
		c->text = store_col_text(st, 1, a, &l->oom);
		c->correct = sqlite3_column_int(st, 2) != 0;
		c->why = store_col_text(st, 3, a, &l->oom);
		return;
	}
	{
		const char ***list = kind == SQL_BANK_TAGS ? &q->tags : &q->answers;
		size_t *n = kind == SQL_BANK_TAGS ? &q->n_tags : &q->n_answers;

		*list = store_grow(a, (void *)*list, *n, &l->cap[k], sizeof **list);
		if (!*list) {
			l->oom = true;
			return;
		}
		(*list)[(*n)++] = store_col_text(st, 1, a, &l->oom);
	}
}

static enum dt_status read_lists(struct store *s, enum store_sql kind,
                                 int64_t bank, bool with_retired,
                                 struct loading *l, struct dt_error *err)
{
	sqlite3_stmt *st = store_prepare(s, kind, err, "ib", bank,
	                                 (int)with_retired);
	enum dt_status rc = st ? DT_OK : err ? err->code : DT_ERR_DB;
	size_t k = 0;
	bool row = true;

	memset(l->cap, 0, (l->n ? l->n : 1) * sizeof *l->cap);
	while (rc == DT_OK && !l->oom &&
	       (rc = store_step(s, st, &row, err)) == DT_OK && row) {
		struct course_question *q = owner(l, sqlite3_column_int64(st, 0), &k);

		if (q)
			add_value(l, kind, q, k, st);
	}
	if (st)
		(void)sqlite3_reset(st);
	return rc;
}

enum dt_status store_load_bank(struct store *s, int64_t bank,
                               bool with_retired, struct dt_arena *arena,
                               struct course_question **out, size_t *n,
                               struct dt_error *err)
{
	static const enum store_sql lists[] = {
		SQL_BANK_TAGS, SQL_BANK_CHOICES, SQL_BANK_ANSWERS,
	};
	struct loading l;
	enum dt_status rc;
	size_t i;

	memset(&l, 0, sizeof l);
	l.arena = arena;
	*out = NULL;
	*n = 0;
	l.bank_name = dt_arena_printf(arena, "bank %lld", (long long)bank);
	rc = read_questions(s, bank, with_retired, &l, err);
	if (rc == DT_OK && !l.oom) {
		l.cap = dt_arena_alloc(arena, (l.n ? l.n : 1) * sizeof *l.cap);
		l.oom = !l.cap || !l.bank_name;
	}
	for (i = 0; i < 3 && rc == DT_OK && !l.oom; i++)
		rc = read_lists(s, lists[i], bank, with_retired, &l, err);
	if (rc == DT_OK && l.oom)
		rc = dt_error_set(err, DT_ERR_NOMEM, s->path, 0, 0, "out of memory");
	if (rc == DT_OK) {
		*out = l.q;
		*n = l.n;
	}
	return rc;
}
