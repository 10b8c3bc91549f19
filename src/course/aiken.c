/* Aiken question banks, both ways: a question line, options "A." or "A)",
 * and "ANSWER: X".  Aiken carries only single-answer questions, so true/
 * false questions are written as two options and the other types are left
 * out with a warning. */
#include <string.h>

#include "course_int.h"

#define AIKEN_MAX_OPTIONS 26

struct aiken {
	struct course_bank *bank;
	struct course_diags *diags;
	const char *path;
	size_t cap;
	enum dt_status status;
	/* the question being read */
	struct dt_buf stem;
	int stem_line;
	const char *opt[AIKEN_MAX_OPTIONS];
	int n_opt;
	unsigned n_questions;
};

static void error_at(struct aiken *a, int line, int col, const char *msg)
{
	if (!course_diag_add(a->diags, COURSE_ERROR, a->path, line, col, "%s", msg))
		a->status = DT_ERR_NOMEM;
	else if (a->status == DT_OK)
		a->status = DT_ERR_INVALID;
}

static const char *copy_trim(struct aiken *a, const char *s, size_t n)
{
	const char *c;

	while (n && ascii_space(*s))
		s++, n--;
	while (n && ascii_space(s[n - 1]))
		n--;
	c = dt_arena_strndup(&a->bank->arena, s, n);
	if (!c)
		a->status = DT_ERR_NOMEM;
	return c;
}

static void reset(struct aiken *a)
{
	dt_buf_reset(&a->stem);
	a->n_opt = 0;
	a->stem_line = 0;
}

static struct course_question *grow(struct aiken *a)
{
	struct course_bank *b = a->bank;

	if (b->n_questions >= COURSE_MAX_BANK_QUESTIONS) {
		a->status = DT_ERR_LIMIT;
		return NULL;
	}
	if (b->n_questions == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 32;
		struct course_question *p = dt_arena_alloc(&b->arena, cap * sizeof *p);

		if (!p) {
			a->status = DT_ERR_NOMEM;
			return NULL;
		}
		if (b->n_questions)
			memcpy(p, b->questions, b->n_questions * sizeof *p);
		b->questions = p;
		a->cap = cap;
	}
	return &b->questions[b->n_questions];
}

static void finish(struct aiken *a, int line, int letter_col, char letter)
{
	struct course_question *q;
	const char *base;
	char id[COURSE_MAX_ID + 1];
	int k, idx = ascii_lower(letter) - 'a';
	size_t i, n = 0;

	if (a->n_opt < 2) {
		error_at(a, line, 1, "a question needs at least two options before ANSWER");
		return;
	}
	if (idx < 0 || idx >= a->n_opt) {
		error_at(a, line, letter_col, "ANSWER names an option the question does not have");
		return;
	}
	q = grow(a);
	if (!q)
		return;
	memset(q, 0, sizeof *q);
	q->type = COURSE_Q_SINGLE;
	q->difficulty = 2;
	q->stem = copy_trim(a, a->stem.data, a->stem.len);
	q->choices = dt_arena_alloc(&a->bank->arena, (size_t)a->n_opt * sizeof *q->choices);
	if (!q->stem || !q->choices) {
		a->status = DT_ERR_NOMEM;
		return;
	}
	for (k = 0; k < a->n_opt; k++) {
		q->choices[k].text = a->opt[k];
		q->choices[k].correct = k == idx;
	}
	q->n_choices = (size_t)a->n_opt;
	q->pos.file = a->path;
	q->pos.line = a->stem_line;
	q->pos.col = 1;
	/* Ids from the file name and the question's number. */
	base = strrchr(a->path, '/');
	base = base ? base + 1 : a->path;
	for (i = 0; base[i] && base[i] != '.' && n < 40; i++)
		if (ascii_alnum(base[i]) || base[i] == '-')
			id[n++] = ascii_lower(base[i]);
	if (!dt_snprintf(id + n, sizeof id - n, "%saiken-%u", n ? "-" : "",
	                 ++a->n_questions))
		id[0] = '\0';
	q->id = dt_arena_strdup(&a->bank->arena, id);
	if (!q->id)
		a->status = DT_ERR_NOMEM;
	a->bank->n_questions++;
}

/* "B." or "B)" followed by a space: the option letter, else 0. */
static char option_letter(const char *s, size_t n)
{
	if (n >= 3 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] == '.' || s[1] == ')') &&
	    s[2] == ' ')
		return s[0];
	return 0;
}

static void line(struct aiken *a, const char *s, size_t n, int line_no)
{
	char letter;

	while (n && ascii_space(s[n - 1]))
		n--;
	if (n == 0) {
		if (a->n_opt > 0) {
			error_at(a, line_no, 1, "blank line inside a question: ANSWER is missing");
			reset(a);
		}
		return;
	}
	if (n >= 7 && memcmp(s, "ANSWER:", 7) == 0) {
		size_t k = 7;

		while (k < n && s[k] == ' ')
			k++;
		if (k + 1 != n) {
			error_at(a, line_no, (int)k + 1, "ANSWER must be followed by one option letter");
		} else if (a->stem.len == 0) {
			error_at(a, line_no, 1, "ANSWER without a question");
		} else {
			finish(a, line_no, (int)k + 1, s[k]);
		}
		reset(a);
		return;
	}
	letter = option_letter(s, n);
	if (letter && a->stem.len) {
		if (letter - 'A' != a->n_opt) {
			error_at(a, line_no, 1, "options must be lettered A, B, C ... in order");
			return;
		}
		a->opt[a->n_opt++] = copy_trim(a, s + 3, n - 3);
		return;
	}
	if (a->n_opt > 0) {
		error_at(a, line_no, 1, "text after the options: expected another option or ANSWER");
		return;
	}
	/* Question text; a long question may span lines. */
	if (a->stem.len)
		dt_buf_putc(&a->stem, ' ');
	else
		a->stem_line = line_no;
	dt_buf_append(&a->stem, s, n);
}

enum dt_status course_aiken_parse(struct course_bank *bank, const char *data,
                                  size_t len, struct course_diags *diags)
{
	struct aiken a;
	size_t i = 0;
	int line_no = 0;

	memset(&a, 0, sizeof a);
	a.bank = bank;
	a.diags = diags;
	a.path = bank->path ? bank->path : "<aiken>";
	dt_buf_init(&a.stem);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && a.status != DT_ERR_NOMEM && a.status != DT_ERR_LIMIT) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len;

		line(&a, data + i, end - i, ++line_no);
		if (a.stem.failed)
			a.status = DT_ERR_NOMEM;
		i = end + 1;
	}
	if (a.status == DT_OK && a.stem.len)
		error_at(&a, a.stem_line, 1, "the last question has no ANSWER line");
	dt_buf_fini(&a.stem);
	if (a.status == DT_ERR_LIMIT)
		course_diag_add(diags, COURSE_ERROR, a.path, line_no, 1,
		                "more than %u questions in one bank", COURSE_MAX_BANK_QUESTIONS);
	return a.status;
}

/* Aiken is one line per question and option. */
static void put_line(struct dt_buf *out, const char *s)
{
	for (; *s; s++)
		dt_buf_putc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
	dt_buf_putc(out, '\n');
}

bool course_aiken_write(const struct course_question *const *questions,
                        size_t n, struct dt_buf *out, struct course_diags *diags)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		const struct course_question *q = questions[i];
		size_t correct = 0;

		if (q->type == COURSE_Q_TRUEFALSE) {
			put_line(out, q->stem);
			dt_buf_printf(out, "A. True\nB. False\nANSWER: %c\n\n", q->answer ? 'A' : 'B');
			continue;
		}
		if (q->type != COURSE_Q_SINGLE || q->n_choices > AIKEN_MAX_OPTIONS) {
			course_diag_add(diags, COURSE_WARNING, q->pos.file, q->pos.line, q->pos.col,
			                "question '%s' left out: Aiken has only single-answer questions",
			                q->id);
			continue;
		}
		put_line(out, q->stem);
		for (k = 0; k < q->n_choices; k++) {
			dt_buf_printf(out, "%c. ", (char)('A' + k));
			put_line(out, q->choices[k].text);
			if (q->choices[k].correct)
				correct = k;
		}
		dt_buf_printf(out, "ANSWER: %c\n\n", (char)('A' + correct));
	}
	return !out->failed && !diags->failed;
}
