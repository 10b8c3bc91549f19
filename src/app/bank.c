/* Question banks: importing a YAML, GIFT or Aiken file into the database
 * beside the course bank, reading any bank back (for export, show and
 * stats), and the format names and extensions. */
#include <string.h>

#include "app_int.h"

#define APP_BANK_FORMAT_LIST(X)                  \
	X(COURSE_BANK_YAML,  "yaml",  ".yaml .yml")  \
	X(COURSE_BANK_GIFT,  "gift",  ".gift")       \
	X(COURSE_BANK_AIKEN, "aiken", ".aiken .txt")

static const struct {
	enum course_bank_format format;
	const char *name;
	const char *extensions;     /* space-separated, each with its dot */
} formats[] = {
#define APP_BANK_FORMAT_ROW(id, name, ext) { id, name, ext },
	APP_BANK_FORMAT_LIST(APP_BANK_FORMAT_ROW)
#undef APP_BANK_FORMAT_ROW
};

#define N_FORMATS (sizeof formats / sizeof formats[0])

const char *app_bank_format_name(enum course_bank_format f)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++)
		if (formats[i].format == f)
			return formats[i].name;
	return "?";
}

bool app_bank_format_parse(const char *name, enum course_bank_format *out)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++) {
		if (dt_strcasecmp(name, formats[i].name) == 0) {
			*out = formats[i].format;
			return true;
		}
	}
	return false;
}

/* True when the extension ext (with its dot) is one of list's words. */
static bool in_list(const char *list, const char *ext)
{
	size_t len = strlen(ext);

	while (*list) {
		size_t word = strcspn(list, " ");

		if (word == len && dt_strncasecmp(list, ext, len) == 0)
			return true;
		list += word;
		list += *list == ' ';
	}
	return false;
}

bool app_bank_format_guess(const char *path, enum course_bank_format *out)
{
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base + 1 : path, '.');
	size_t i;

	for (i = 0; dot && i < N_FORMATS; i++) {
		if (in_list(formats[i].extensions, dot)) {
			*out = formats[i].format;
			return true;
		}
	}
	return false;
}

/* The file name without its folder: the default bank name.  The
 * extension stays, so the GIFT and Aiken versions of one bank do not
 * replace each other. */
static bool bank_name(const char *path, char *out, size_t size)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	return *base && dt_strlcpy(out, base, size);
}

enum dt_status app_bank_import(struct app *app, const char *path,
                               enum course_bank_format format,
                               const char *name, struct course_diags *diags,
                               size_t *n, struct dt_error *err)
{
	char own_name[STORE_MAX_NAME + 1];
	struct course_bank *bank = NULL;
	struct course_diags own;
	enum dt_status rc;
	int64_t id;

	*n = 0;
	if (!name) {
		if (!bank_name(path, own_name, sizeof own_name))
			return dt_error_set(err, DT_ERR_INVALID, path, 0, 0,
			                    "cannot make a bank name of this file name; "
			                    "give one with --name");
		name = own_name;
	}
	course_diags_init(&own);
	rc = course_bank_import(path, format, app->course, &bank,
	                        diags ? diags : &own, err);
	if (rc == DT_ERR_INVALID) {
		size_t errors = (diags ? diags : &own)->n_errors;

		dt_error_set(err, rc, path, 0, 0, "the bank has %zu error%s", errors,
		             errors == 1 ? "" : "s");
	}
	course_diags_fini(&own);
	if (rc == DT_OK)
		rc = store_import_bank(app->store, name, path, bank->questions,
		                       bank->n_questions, app_now(app), &id, err);
	if (rc == DT_OK)
		*n = bank->n_questions;
	course_bank_free(bank);
	return rc;
}

static enum dt_status course_questions(struct app *app, const char *lesson,
                                       struct dt_arena *arena,
                                       const struct course_question ***out,
                                       size_t *n, struct dt_error *err)
{
	const struct course *c = app->course;
	const struct course_question **qs;
	size_t i;

	if (lesson && app_check_lesson(c, lesson, err) != DT_OK)
		return err->code;
	qs = dt_arena_alloc(arena, (c->n_questions + 1) * sizeof *qs);
	if (!qs)
		return app_nomem(err);
	*n = 0;
	for (i = 0; i < c->n_questions; i++) {
		const char *l = c->questions[i].lesson_id;

		if (!lesson || (l && strcmp(l, lesson) == 0))
			qs[(*n)++] = &c->questions[i];
	}
	*out = qs;
	return DT_OK;
}

enum dt_status app_bank_questions(struct app *app, const char *bank,
                                  const char *lesson, struct dt_arena *arena,
                                  const struct course_question ***out,
                                  size_t *n, struct dt_error *err)
{
	const struct course_question **qs;
	struct course_question *all;
	enum dt_status rc;
	size_t n_all, i;
	int64_t id;

	*out = NULL;
	*n = 0;
	if (!bank)
		return course_questions(app, lesson, arena, out, n, err);
	rc = store_bank_find(app->store, bank, &id, err);
	if (rc == DT_OK)
		rc = store_load_bank(app->store, id, false, arena, &all, &n_all, err);
	if (rc != DT_OK)
		return rc;
	qs = dt_arena_alloc(arena, (n_all + 1) * sizeof *qs);
	if (!qs)
		return app_nomem(err);
	for (i = 0; i < n_all; i++) {
		const char *l = all[i].lesson_id;

		if (!lesson || (l && strcmp(l, lesson) == 0))
			qs[(*n)++] = &all[i];
	}
	if (lesson && *n == 0)
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "bank '%s' has no question of lesson '%s'", bank,
		                    lesson);
	*out = qs;
	return DT_OK;
}

enum dt_status app_find_question(struct app *app, const char *id,
                                 struct dt_arena *arena,
                                 const struct course_question **out,
                                 const char **bank, struct dt_error *err)
{
	struct store_bank *banks;
	enum dt_status rc;
	size_t n, i, j;

	*out = course_find_question(app->course, id);
	*bank = "course";
	if (*out)
		return DT_OK;
	rc = store_banks(app->store, arena, &banks, &n, err);
	for (i = 0; rc == DT_OK && i < n; i++) {
		struct course_question *qs;
		size_t nq;

		if (strcmp(banks[i].kind, "imported") != 0)
			continue;
		rc = store_load_bank(app->store, banks[i].id, false, arena, &qs, &nq,
		                     err);
		for (j = 0; rc == DT_OK && j < nq; j++) {
			if (strcmp(qs[j].id, id) == 0) {
				*out = &qs[j];
				*bank = banks[i].name;
				return DT_OK;
			}
		}
	}
	if (rc != DT_OK)
		return rc;
	return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
	                    "no bank has a question '%s'", id);
}
