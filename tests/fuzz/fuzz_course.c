/* Fuzz target: the content loader from memory.  Each input is checked as
 * every kind of content file (course, lesson, question bank, exercise,
 * blueprint) and as a question bank read into an arena; whatever the
 * input, the loader returns a status that agrees with its diagnostics,
 * every diagnostic has a message and a sane position, and nothing leaks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/course.h"

static void check_diags(const struct course_diags *d, enum dt_status rc)
{
	size_t i, errors = 0;

	for (i = 0; i < d->n; i++) {
		const struct course_diag *x = &d->items[i];

		if (!x->msg[0] || x->line < 0 || x->col < 0 ||
		    (x->line == 0) != (x->col == 0) ||
		    !dt_utf8_valid(x->msg, strlen(x->msg), NULL))
			abort();
		errors += x->severity == COURSE_ERROR;
	}
	if (errors != d->n_errors || d->n_errors + d->n_warnings != d->n)
		abort();
	if ((rc == DT_OK) != (errors == 0) && rc != DT_ERR_NOMEM)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct course_question *qs;
	struct course_diags d;
	struct dt_arena arena;
	struct dt_error err;
	enum dt_status rc;
	int kind;
	size_t n, i;

	for (kind = COURSE_FILE_COURSE; kind <= COURSE_FILE_BLUEPRINT; kind++) {
		course_diags_init(&d);
		rc = course_check_buffer((enum course_file_kind)kind, "fuzz.yaml", s,
		                         size, &d, &err);
		check_diags(&d, rc);
		course_diags_fini(&d);
	}
	dt_arena_init(&arena);
	course_diags_init(&d);
	rc = course_parse_questions("fuzz.yaml", s, size, &arena, &qs, &n, &d,
	                            &err);
	check_diags(&d, rc);
	for (i = 0; rc == DT_OK && i < n; i++)
		if (!qs[i].id || !qs[i].stem || (unsigned)qs[i].type >= COURSE_Q_COUNT)
			abort();
	course_diags_fini(&d);
	dt_arena_fini(&arena);
	return 0;
}
