/* Diagnostics: the list of problems a loader or importer found, each with
 * a file, a position and one sentence, kept for the CLI and the UI to
 * print.  Also the names behind the X-macro enums of course.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "course_int.h"

const char *course_qtype_name(enum course_qtype type)
{
	static const char *const names[] = {
#define COURSE_QTYPE_NAME(id, name) name,
		COURSE_QTYPE_LIST(COURSE_QTYPE_NAME)
#undef COURSE_QTYPE_NAME
	};

	return (unsigned)type < COURSE_Q_COUNT ? names[type] : "?";
}

const char *course_check_name(enum course_check_kind kind)
{
	static const char *const names[] = {
#define COURSE_CHECK_NAME(id, name) name,
		COURSE_CHECK_LIST(COURSE_CHECK_NAME)
#undef COURSE_CHECK_NAME
	};

	return (unsigned)kind < COURSE_CHECK_COUNT ? names[kind] : "?";
}

void course_diags_init(struct course_diags *diags)
{
	memset(diags, 0, sizeof *diags);
}

void course_diags_fini(struct course_diags *diags)
{
	size_t i;

	if (!diags)
		return;
	for (i = 0; i < diags->n; i++)
		dt_free(diags->items[i].msg);
	dt_free(diags->items);
	course_diags_init(diags);
}

static bool grow(struct course_diags *diags)
{
	size_t cap = diags->cap ? diags->cap * 2 : 16;
	struct course_diag *items;

	if (cap > SIZE_MAX / sizeof *items)
		return false;
	items = dt_realloc(diags->items, cap * sizeof *items);
	if (!items)
		return false;
	diags->items = items;
	diags->cap = cap;
	return true;
}

bool course_diag_add(struct course_diags *diags, enum course_severity sev,
                     const char *file, int line, int col,
                     const char *fmt, ...)
{
	struct course_diag *d;
	size_t flen = strlen(file ? file : "");
	va_list ap;
	char *block;
	int n;

	if (diags->failed || (diags->n == diags->cap && !grow(diags)))
		goto fail;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n > SIZE_MAX - flen - 2)
		goto fail;
	/* One block: the message, then the file name. */
	block = dt_malloc((size_t)n + flen + 2);
	if (!block)
		goto fail;
	va_start(ap, fmt);
	n = vsnprintf(block, (size_t)n + 1, fmt, ap);
	va_end(ap);
	memcpy(block + n + 1, file ? file : "", flen + 1);
	d = &diags->items[diags->n];
	d->severity = sev;
	d->msg = block;
	d->file = block + n + 1;
	d->line = line;
	d->col = col;
	d->seq = diags->n++;
	if (sev == COURSE_ERROR)
		diags->n_errors++;
	else
		diags->n_warnings++;
	return true;
fail:
	diags->failed = true;
	return false;
}

static int compare(const void *pa, const void *pb)
{
	const struct course_diag *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void course_diags_sort(struct course_diags *diags)
{
	if (diags->n > 1)
		qsort(diags->items, diags->n, sizeof *diags->items, compare);
}
