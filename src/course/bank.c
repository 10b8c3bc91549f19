/* Question banks outside the course: reading a YAML, GIFT or Aiken file
 * into a struct course_bank, checking it against the course, and writing
 * questions back out in any of the three formats. */
#include <stdlib.h>
#include <string.h>

#include "dockertutor/course.h"

void course_bank_free(struct course_bank *bank)
{
	if (!bank)
		return;
	dt_arena_fini(&bank->arena);
	dt_free(bank);
}

/* Lesson and section references of imported questions must exist in the
 * course; a bank without lessons (plain GIFT/Aiken) is fine. */
static void check_refs(const struct course_bank *bank,
                       const struct course *course, struct course_diags *diags)
{
	size_t i;

	for (i = 0; i < bank->n_questions; i++) {
		const struct course_question *q = &bank->questions[i];
		const struct course_lesson *l;

		if (!q->lesson_id)
			continue;
		l = course_find_lesson(course, q->lesson_id);
		if (!l)
			course_diag_add(diags, COURSE_WARNING, q->pos.file, q->pos.line, q->pos.col,
			                "question '%s' names lesson '%s', which the course does not have",
			                q->id, q->lesson_id);
		else if (q->section_id && !course_find_section(l, q->section_id))
			course_diag_add(diags, COURSE_WARNING, q->pos.file, q->pos.line, q->pos.col,
			                "question '%s' names section '%s', which lesson '%s' does not have",
			                q->id, q->section_id, q->lesson_id);
	}
}

static int by_id(const void *a, const void *b)
{
	const struct course_question *const *x = a, *const *y = b;
	int c = strcmp((*x)->id, (*y)->id);

	/* Ties in file order, so the first place is named as the first. */
	return c ? c : ((*x)->pos.line > (*y)->pos.line) - ((*x)->pos.line < (*y)->pos.line);
}

static void check_duplicates(const struct course_bank *bank,
                             struct course_diags *diags, enum dt_status *rc)
{
	const struct course_question **sorted;
	size_t i;

	if (bank->n_questions < 2)
		return;
	sorted = dt_malloc(bank->n_questions * sizeof *sorted);
	if (!sorted) {
		*rc = DT_ERR_NOMEM;
		return;
	}
	for (i = 0; i < bank->n_questions; i++)
		sorted[i] = &bank->questions[i];
	qsort(sorted, bank->n_questions, sizeof *sorted, by_id);
	for (i = 1; i < bank->n_questions; i++) {
		const struct course_question *q = sorted[i];

		if (strcmp(q->id, sorted[i - 1]->id) != 0)
			continue;
		course_diag_add(diags, COURSE_ERROR, q->pos.file, q->pos.line, q->pos.col,
		                "duplicate question id '%s' (first at line %d)",
		                q->id, sorted[i - 1]->pos.line);
		*rc = DT_ERR_INVALID;
	}
	dt_free(sorted);
}

/* Line and column (in characters, as every position of the loaders) of
 * byte off of data. */
static void position(const char *data, size_t off, int *line, int *col)
{
	size_t i, bol = 0;

	*line = 1;
	for (i = 0; i < off; i++)
		if (data[i] == '\n') {
			(*line)++;
			bol = i + 1;
		}
	for (*col = 1, i = bol; i < off; (*col)++) {
		uint32_t cp;
		size_t k = dt_utf8_decode(data + i, off - i, &cp);

		i += k ? k : 1;
	}
}

static void control_error(const char *path, const char *data, size_t len,
                          size_t off, struct course_diags *diags)
{
	int line, col;
	uint32_t cp;

	if (!dt_utf8_decode(data + off, len - off, &cp))
		cp = (unsigned char)data[off];
	position(data, off, &line, &col);
	if (cp == 0x1B)
		course_diag_add(diags, COURSE_ERROR, path, line, col,
		                "the escape character U+001B is not allowed: "
		                "terminal escape sequences could take over the "
		                "learner's terminal");
	else if (cp == '\r')
		course_diag_add(diags, COURSE_ERROR, path, line, col,
		                "a carriage return (U+000D) without a line feed "
		                "is not allowed; save the file with LF or CRLF "
		                "line ends");
	else
		course_diag_add(diags, COURSE_ERROR, path, line, col,
		                "the control character U+%04X is not allowed in "
		                "a question bank", (unsigned)cp);
}

/* GIFT and Aiken text reaches learners' terminals as content files do, so
 * the raw rules of content files apply: valid UTF-8, and no control
 * characters but tab, line feed and the carriage return of a CRLF.  The
 * first problem is reported; false when there is one. */
static bool check_raw(const char *path, const char *data, size_t len,
                      struct course_diags *diags)
{
	size_t off = 0, from = 0;
	int line, col;

	if (!dt_utf8_valid(data, len, &off)) {
		position(data, off, &line, &col);
		course_diag_add(diags, COURSE_ERROR, path, line, col,
		                "invalid UTF-8 byte 0x%02X",
		                (unsigned char)data[off]);
		return false;
	}
	while (dt_has_control(data + from, len - from, &off)) {
		off += from;
		if (data[off] == '\r' && off + 1 < len && data[off + 1] == '\n') {
			from = off + 1;
			continue;
		}
		control_error(path, data, len, off, diags);
		return false;
	}
	return true;
}

/* A GIFT or Aiken file: read, checked raw, then parsed into bank.  err is
 * set for what the diagnostics do not say. */
static enum dt_status read_text_bank(struct course_bank *bank,
                                     const char *path,
                                     enum course_bank_format format,
                                     struct course_diags *diags,
                                     struct dt_error *err)
{
	enum dt_status rc;
	char *data;
	size_t len;

	rc = dt_read_file(path, COURSE_MAX_BANK_FILE, &data, &len, err);
	if (rc != DT_OK)
		return rc;
	if (!check_raw(path, data, len, diags))
		rc = DT_ERR_INVALID;
	else if (format == COURSE_BANK_GIFT)
		rc = course_gift_parse(bank, data, len, diags);
	else
		rc = course_aiken_parse(bank, data, len, diags);
	if (rc == DT_ERR_LIMIT)
		dt_error_set(err, rc, path, 0, 0, "more than %u questions in one "
		             "bank", COURSE_MAX_BANK_QUESTIONS);
	dt_free(data);
	return rc;
}

enum dt_status course_bank_import(const char *path,
                                  enum course_bank_format format,
                                  const struct course *course,
                                  struct course_bank **out,
                                  struct course_diags *diags,
                                  struct dt_error *err)
{
	struct course_bank *bank;
	enum dt_status rc;

	*out = NULL;
	bank = dt_calloc(1, sizeof *bank);
	if (!bank)
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0, "out of memory");
	dt_arena_init(&bank->arena);
	bank->path = dt_arena_strdup(&bank->arena, path);
	if (!bank->path) {
		rc = dt_error_set(err, DT_ERR_NOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	if (format == COURSE_BANK_YAML)
		rc = course_load_questions(path, &bank->arena, &bank->questions,
		                           &bank->n_questions, diags, err);
	else
		rc = read_text_bank(bank, path, format, diags, err);
	if (rc == DT_OK)
		check_duplicates(bank, diags, &rc);
	if (rc == DT_OK && course)
		check_refs(bank, course, diags);
	if (rc == DT_ERR_NOMEM || diags->failed)
		rc = dt_error_set(err, DT_ERR_NOMEM, path, 0, 0, "out of memory");
	else if (rc == DT_ERR_INVALID)
		dt_error_set(err, rc, path, 0, 0, "the bank has errors");
done:
	if (rc != DT_OK) {
		course_bank_free(bank);
		return rc;
	}
	*out = bank;
	return DT_OK;
}

/* YAML scalars are written double-quoted with every special character
 * escaped, so any text survives a round trip. */
static void yaml_str(struct dt_buf *out, const char *s)
{
	dt_buf_putc(out, '"');
	for (; *s; s++) {
		switch (*s) {
		case '"': dt_buf_puts(out, "\\\""); break;
		case '\\': dt_buf_puts(out, "\\\\"); break;
		case '\n': dt_buf_puts(out, "\\n"); break;
		case '\t': dt_buf_puts(out, "\\t"); break;
		default: dt_buf_putc(out, *s); break;
		}
	}
	dt_buf_putc(out, '"');
}

static void yaml_list(struct dt_buf *out, const char *key,
                      const char *const *items, size_t n)
{
	size_t i;

	dt_buf_printf(out, "  %s: [", key);
	for (i = 0; i < n; i++) {
		if (i)
			dt_buf_puts(out, ", ");
		yaml_str(out, items[i]);
	}
	dt_buf_puts(out, "]\n");
}

static void yaml_question(struct dt_buf *out, const struct course_question *q)
{
	size_t i;

	dt_buf_printf(out, "- id: %s\n", q->id);
	if (q->lesson_id)
		dt_buf_printf(out, "  lesson: %s\n", q->lesson_id);
	if (q->section_id)
		dt_buf_printf(out, "  section: %s\n", q->section_id);
	dt_buf_printf(out, "  type: %s\n  difficulty: %d\n", course_qtype_name(q->type),
	              q->difficulty);
	if (q->n_tags)
		yaml_list(out, "tags", q->tags, q->n_tags);
	dt_buf_puts(out, "  stem: ");
	yaml_str(out, q->stem);
	dt_buf_putc(out, '\n');
	if (q->type == COURSE_Q_SINGLE || q->type == COURSE_Q_MULTIPLE) {
		dt_buf_puts(out, "  choices:\n");
		for (i = 0; i < q->n_choices; i++) {
			dt_buf_puts(out, "    - text: ");
			yaml_str(out, q->choices[i].text);
			dt_buf_putc(out, '\n');
			if (q->choices[i].correct)
				dt_buf_puts(out, "      correct: true\n");
			if (q->choices[i].why) {
				dt_buf_puts(out, "      why: ");
				yaml_str(out, q->choices[i].why);
				dt_buf_putc(out, '\n');
			}
		}
	} else if (q->type == COURSE_Q_TRUEFALSE) {
		dt_buf_printf(out, "  answer: %s\n", q->answer ? "true" : "false");
	} else {
		if (q->n_answers)
			yaml_list(out, "answers", q->answers, q->n_answers);
		if (q->pattern) {
			dt_buf_puts(out, "  pattern: ");
			yaml_str(out, q->pattern);
			dt_buf_putc(out, '\n');
		}
		if (q->case_sensitive)
			dt_buf_puts(out, "  case: sensitive\n");
	}
	if (q->explanation) {
		dt_buf_puts(out, "  explanation: ");
		yaml_str(out, q->explanation);
		dt_buf_putc(out, '\n');
	}
}

bool course_bank_export(const struct course_question *const *questions,
                        size_t n, enum course_bank_format format,
                        struct dt_buf *out, struct course_diags *diags)
{
	size_t i;

	switch (format) {
	case COURSE_BANK_GIFT:
		return course_gift_write(questions, n, out, diags);
	case COURSE_BANK_AIKEN:
		return course_aiken_write(questions, n, out, diags);
	case COURSE_BANK_YAML:
		dt_buf_puts(out, "# Exported by dockertutor " DT_VERSION "\n");
		for (i = 0; i < n; i++) {
			if (i)
				dt_buf_putc(out, '\n');
			yaml_question(out, questions[i]);
		}
		return !out->failed;
	}
	return false;
}
