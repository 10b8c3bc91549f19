/* Loading a course: course.yaml, then the lessons it names, the exercise
 * folders, the question banks the lessons name and the exam blueprints;
 * then every cross-file check (validate.c).  Also the entry points that
 * read one file: a question bank, a blueprint, any file from memory.
 *
 * Design: every file is parsed into a node tree, read by its schema into
 * the course arena, and its tree freed before the next file, so memory
 * stays proportional to the course, not to the YAML.  Problems never stop
 * the load early (an author wants every problem at once); only running
 * out of memory does. */
#include <dirent.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "course_int.h"

/* Where a problem reading a file is reported: where another file names
 * it, else on the file itself. */
static void read_problem(struct load *ld, const struct course_pos *named,
                         const char *display, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void read_problem(struct load *ld, const struct course_pos *named,
                         const char *display, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	if (vsnprintf(msg, sizeof msg, fmt, ap) < 0)
		dt_strlcpy(msg, "cannot read the file", sizeof msg);
	va_end(ap);
	load_diag_at(ld, COURSE_ERROR, named ? named->file : display,
	             named ? named->line : 0, named ? named->col : 0, "%s", msg);
}

/* Reads the file at display into *data under the caps, reporting what
 * goes wrong (a missing file only when another file names it: otherwise
 * the caller says what it means). */
static enum dt_status read_bytes(struct load *ld, const char *display,
                                 const struct course_pos *named,
                                 const char *what, char **data, size_t *len)
{
	struct dt_error e;
	enum dt_status rc;
	struct stat st;

	if (++ld->n_files > COURSE_MAX_FILES) {
		read_problem(ld, named, display, "the course has more than %u "
		             "files, the limit", COURSE_MAX_FILES);
		return DT_ERR_LIMIT;
	}
	/* A FIFO or a device would block the read or never end. */
	if (stat(display, &st) == 0 && !S_ISREG(st.st_mode)) {
		read_problem(ld, named, display, "the %s '%s' is not a regular "
		             "file", what, display);
		return DT_ERR_IO;
	}
	rc = dt_read_file(display, COURSE_MAX_FILE, data, len, &e);
	if (rc == DT_ERR_LIMIT)
		load_diag_at(ld, COURSE_ERROR, display, 1, 1, "the file is larger "
		             "than %u bytes (1 MiB), the limit per content file; "
		             "split it", COURSE_MAX_FILE);
	else if (rc == DT_ERR_NOTFOUND && named)
		read_problem(ld, named, display, "the %s '%s' does not exist",
		             what, display);
	else if (rc != DT_OK && rc != DT_ERR_NOTFOUND && rc != DT_ERR_NOMEM &&
	         named)
		read_problem(ld, named, display, "cannot read the %s '%s': %s",
		             what, display, e.msg);
	else if (rc != DT_OK && rc != DT_ERR_NOTFOUND && rc != DT_ERR_NOMEM)
		read_problem(ld, NULL, display, "%s", e.msg);
	return rc;
}

/* Reads and parses one file named by rel (relative to the root).  named
 * is where another file names it (NULL for files found by listing a
 * folder); what says what it is in messages ("lesson file").  On DT_OK
 * the file is the one being read (load_begin_file); *data is the caller's
 * to free after the doc. */
static enum dt_status read_doc(struct load *ld, const char *rel,
                               const struct course_pos *named,
                               const char *what, struct ydoc *doc,
                               char **data)
{
	const char *display = load_display_path(ld, rel), *slash, *rel_dir;
	enum dt_status rc;
	size_t len;

	*data = NULL;
	memset(doc, 0, sizeof *doc);
	if (!display)
		return DT_ERR_NOMEM;
	rc = read_bytes(ld, display, named, what, data, &len);
	if (rc != DT_OK)
		return rc;
	ld->hash = course_hash_bytes(ld->hash, rel, strlen(rel) + 1);
	ld->hash = course_hash_bytes(ld->hash, *data, len);
	slash = strrchr(rel, '/');
	rel_dir = slash ? dt_arena_strndup(&ld->scratch, rel,
	                                   (size_t)(slash - rel)) : "";
	if (!rel_dir || !load_begin_file(ld, doc, display, rel_dir))
		return DT_ERR_NOMEM;
	return ydoc_parse(doc, ld->file, *data, len, ld->diags);
}

static enum dt_status load_doc(struct load *ld, const char *rel,
                               const struct course_pos *named,
                               const char *what, struct ydoc *doc,
                               char **data)
{
	enum dt_status rc = read_doc(ld, rel, named, what, doc, data);

	if (rc == DT_ERR_NOMEM)
		ld->nomem = true;
	return rc;
}

static void end_doc(struct load *ld, struct ydoc *doc, char *data)
{
	ydoc_fini(doc);
	dt_free(data);
	ld->doc = NULL;
}

/* Marks files named twice; the second mention is an error. */
static void dedupe(struct load *ld, struct file_ref *refs, size_t n,
                   const char *what, bool quiet)
{
	struct idmap seen;
	size_t i;

	if (!idmap_init(&seen, &ld->scratch, n)) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < n; i++) {
		const struct file_ref *first = idmap_put(&seen, refs[i].rel, &refs[i]);

		if (!first)
			continue;
		refs[i].loaded = true;        /* skip it */
		if (!quiet)
			load_diag_at(ld, COURSE_ERROR, refs[i].pos.file,
			             refs[i].pos.line, refs[i].pos.col,
			             "the %s '%s' is already listed at line %d", what,
			             refs[i].rel, first->pos.line);
	}
}

static enum dt_status read_course_file(struct load *ld, struct course *course,
                                       struct dt_error *err)
{
	struct ydoc doc;
	enum dt_status rc;
	char *data;

	rc = load_doc(ld, "course.yaml", NULL, "course file", &doc, &data);
	if (rc == DT_ERR_NOTFOUND)
		dt_error_set(err, rc, course->root, 0, 0,
		             "no course.yaml in this folder");
	if (rc == DT_OK)
		course_read_course(ld, doc.root, course);
	end_doc(ld, &doc, data);
	return rc;
}

/* Returns true when every lesson file named could be read. */
static bool read_lessons(struct load *ld, struct course *course)
{
	bool all = true;
	size_t i;

	dedupe(ld, ld->lesson_files, ld->n_lesson_files, "lesson file", false);
	course->lessons = load_alloc(ld, ld->n_lesson_files *
	                                 sizeof *course->lessons);
	for (i = 0; course->lessons && i < ld->n_lesson_files && !ld->nomem; i++) {
		struct course_lesson *l = &course->lessons[course->n_lessons];
		struct file_ref *r = &ld->lesson_files[i];
		struct ydoc doc;
		char *data;

		if (r->loaded)
			continue;
		r->loaded = true;
		if (load_doc(ld, r->rel, &r->pos, "lesson file", &doc, &data) == DT_OK
		    && course_read_lesson(ld, doc.root, l) && l->id) {
			l->path = ld->file;
			course->n_lessons++;
		} else {
			all = false;
		}
		end_doc(ld, &doc, data);
	}
	return all && course->lessons;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sub-folders of exercises/, sorted; none when it does not exist. */
static char **list_exercises(struct load *ld, size_t *n)
{
	const char *path = load_display_path(ld, "exercises");
	size_t cap = 0;
	char **names = NULL;
	struct dirent *de;
	DIR *dir;

	*n = 0;
	if (!path || !(dir = opendir(path)))
		return NULL;
	while ((de = readdir(dir)) != NULL && !ld->nomem) {
		const char *full = dt_arena_printf(&ld->scratch, "%s/%s", path,
		                                   de->d_name);
		struct stat st;

		if (!full) {
			ld->nomem = true;
			break;
		}
		if (de->d_name[0] == '.' || stat(full, &st) != 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		if (*n >= COURSE_MAX_FILES) {
			load_diag_at(ld, COURSE_ERROR, path, 0, 0, "more than %u "
			             "exercise folders, the limit; the rest are not "
			             "checked", COURSE_MAX_FILES);
			break;
		}
		if (*n == cap) {
			char **p = dt_arena_alloc(&ld->scratch,
			                          (cap = cap ? cap * 2 : 16) * sizeof *p);

			if (!p) {
				ld->nomem = true;
				break;
			}
			if (*n)
				memcpy(p, names, *n * sizeof *p);
			names = p;
		}
		if (!(names[(*n)++] = dt_arena_strdup(&ld->scratch, de->d_name)))
			ld->nomem = true;
	}
	closedir(dir);
	if (*n > 1)
		qsort(names, *n, sizeof *names, compare_names);
	return names;
}

static void read_exercises(struct load *ld, struct course *course)
{
	size_t n, i;
	char **names = list_exercises(ld, &n);

	if (!names)
		return;
	course->exercises = load_alloc(ld, n * sizeof *course->exercises);
	for (i = 0; course->exercises && i < n && !ld->nomem; i++) {
		struct course_exercise *ex = &course->exercises[course->n_exercises];
		const char *rel = dt_arena_printf(&ld->scratch, "exercises/%s",
		                                  names[i]);
		const char *file = rel ? dt_arena_printf(&ld->scratch,
		                                         "%s/exercise.yaml", rel) : NULL;
		enum dt_status rc;
		struct ydoc doc;
		char *data;

		if (!file) {
			ld->nomem = true;
			break;
		}
		rc = load_doc(ld, file, NULL, "exercise file", &doc, &data);
		if (rc == DT_ERR_NOTFOUND)
			load_diag_at(ld, COURSE_ERROR, load_display_path(ld, rel), 0, 0,
			             "this exercise folder has no exercise.yaml");
		if (rc == DT_OK && course_read_exercise(ld, doc.root, ex)) {
			ex->dir = load_display_path(ld, rel);
			course->n_exercises++;
		}
		end_doc(ld, &doc, data);
	}
}

/* Question banks, each read once however many lessons name it. */
static void read_banks(struct load *ld, struct course_question ***banks,
                       size_t **bank_n)
{
	size_t i;

	dedupe(ld, ld->bank_files, ld->n_bank_files, "question file", true);
	*banks = dt_arena_alloc(&ld->scratch,
	                        (ld->n_bank_files + 1) * sizeof **banks);
	*bank_n = dt_arena_alloc(&ld->scratch,
	                         (ld->n_bank_files + 1) * sizeof **bank_n);
	if (!*banks || !*bank_n) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < ld->n_bank_files && !ld->nomem; i++) {
		struct file_ref *r = &ld->bank_files[i];
		struct ydoc doc;
		char *data;

		if (r->loaded)
			continue;
		r->loaded = true;
		if (load_doc(ld, r->rel, &r->pos, "question file", &doc, &data) ==
		    DT_OK)
			course_read_questions(ld, doc.root, &(*banks)[i], &(*bank_n)[i]);
		end_doc(ld, &doc, data);
	}
}

static void read_blueprints(struct load *ld, struct course *course)
{
	size_t i;

	dedupe(ld, ld->exam_files, ld->n_exam_files, "exam file", false);
	course->blueprints = load_alloc(ld, ld->n_exam_files *
	                                    sizeof *course->blueprints);
	for (i = 0; course->blueprints && i < ld->n_exam_files && !ld->nomem;
	     i++) {
		struct course_blueprint *bp = &course->blueprints[course->n_blueprints];
		struct file_ref *r = &ld->exam_files[i];
		struct ydoc doc;
		char *data;

		if (r->loaded)
			continue;
		if (load_doc(ld, r->rel, &r->pos, "exam file", &doc, &data) == DT_OK
		    && course_read_blueprint(ld, doc.root, bp)) {
			bp->path = ld->file;
			course->n_blueprints++;
		}
		end_doc(ld, &doc, data);
	}
}

/* Question files in questions/ that no lesson names: their questions would
 * silently never be asked. */
static void warn_unused_banks(struct load *ld)
{
	const char *path = load_display_path(ld, "questions");
	struct idmap named;
	struct dirent *de;
	size_t i;
	DIR *dir;

	if (!path || !idmap_init(&named, &ld->scratch, ld->n_bank_files)) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < ld->n_bank_files; i++)
		idmap_put(&named, ld->bank_files[i].rel, &ld->bank_files[i]);
	if (!(dir = opendir(path)))
		return;
	while ((de = readdir(dir)) != NULL) {
		const char *rel = dt_arena_printf(&ld->scratch, "questions/%s",
		                                  de->d_name);

		if (!rel) {
			ld->nomem = true;
			break;
		}
		if (de->d_name[0] == '.' || !dt_str_has_suffix(de->d_name, ".yaml") ||
		    idmap_get(&named, rel))
			continue;
		load_diag_at(ld, COURSE_WARNING, load_display_path(ld, rel), 0, 0,
		             "no lesson names this question file, so its questions "
		             "are never asked");
	}
	closedir(dir);
}

static enum dt_status load_all(struct load *ld, struct course *course,
                               struct dt_error *err)
{
	struct course_question **banks = NULL;
	size_t *bank_n = NULL;
	enum dt_status rc;
	bool lessons_read;

	rc = read_course_file(ld, course, err);
	if (rc == DT_ERR_NOTFOUND || rc == DT_ERR_NOMEM)
		return rc;
	if (rc != DT_OK)
		return DT_ERR_INVALID;
	lessons_read = read_lessons(ld, course);
	read_exercises(ld, course);
	read_banks(ld, &banks, &bank_n);
	read_blueprints(ld, course);
	/* A lesson that could not be read names no bank: no false alarm. */
	if (lessons_read && course->n_lessons > 0)
		warn_unused_banks(ld);
	if (!ld->nomem)
		course_check_course(ld, course, banks, bank_n, ld->n_bank_files);
	return ld->nomem ? DT_ERR_NOMEM : DT_OK;
}

enum dt_status course_load(const char *dir, struct course **out,
                           struct course_diags *diags, struct dt_error *err)
{
	size_t errors = diags->n_errors;
	struct course *course;
	enum dt_status rc;
	struct load ld;

	*out = NULL;
	course = dt_calloc(1, sizeof *course);
	if (!course)
		return dt_error_set(err, DT_ERR_NOMEM, dir, 0, 0, "out of memory");
	dt_arena_init(&course->arena);
	load_init(&ld, &course->arena, diags, dir);
	course->root = dt_arena_strdup(&course->arena, dir);
	rc = course->root ? load_all(&ld, course, err) : DT_ERR_NOMEM;
	if (rc == DT_OK && (ld.nomem || diags->failed))
		rc = DT_ERR_NOMEM;
	if (rc == DT_OK && diags->n_errors > errors)
		rc = DT_ERR_INVALID;
	if (rc == DT_OK && !dt_snprintf(course->hash, sizeof course->hash,
	                                "%016" PRIx64, ld.hash))
		rc = DT_ERR_NOMEM;
	diags->n_files += ld.n_files;
	course_diags_sort(diags);
	load_fini(&ld);
	if (rc == DT_ERR_NOMEM)
		dt_error_set(err, rc, dir, 0, 0, "out of memory loading the course");
	else if (rc == DT_ERR_INVALID)
		dt_error_set(err, rc, dir, 0, 0, "the course has %zu error%s",
		             diags->n_errors - errors,
		             diags->n_errors - errors == 1 ? "" : "s");
	if (rc != DT_OK) {
		course_free(course);
		return rc;
	}
	*out = course;
	return DT_OK;
}

void course_free(struct course *course)
{
	if (!course)
		return;
	dt_arena_fini(&course->arena);
	dt_free(course);
}

/* ---- One file on its own ---------------------------------------------- */

/* The status of a standalone read: errors added since `errors`. */
static enum dt_status finish(struct load *ld, size_t errors,
                             enum dt_status rc, struct dt_error *err)
{
	if (rc == DT_ERR_NOMEM || ld->nomem || ld->diags->failed)
		return dt_error_set(err, DT_ERR_NOMEM, ld->file, 0, 0,
		                    "out of memory");
	if (ld->diags->n_errors > errors)
		return dt_error_set(err, DT_ERR_INVALID, ld->file, 0, 0,
		                    "the file has %zu error%s",
		                    ld->diags->n_errors - errors,
		                    ld->diags->n_errors - errors == 1 ? "" : "s");
	return DT_OK;
}

enum dt_status course_parse_questions(const char *path, const char *data,
                                      size_t len, struct dt_arena *arena,
                                      struct course_question **out,
                                      size_t *n, struct course_diags *diags,
                                      struct dt_error *err)
{
	size_t errors = diags->n_errors;
	enum dt_status rc;
	struct ydoc doc;
	struct load ld;

	*out = NULL;
	*n = 0;
	memset(&doc, 0, sizeof doc);
	load_init(&ld, arena, diags, NULL);
	rc = load_begin_file(&ld, &doc, path, "") ? DT_OK : DT_ERR_NOMEM;
	if (rc == DT_OK)
		rc = ydoc_parse(&doc, ld.file, data, len, diags);
	if (rc == DT_OK && course_read_questions(&ld, doc.root, out, n) &&
	    !ld.nomem && !course_check_questions(NULL, *out, *n, diags))
		ld.nomem = true;
	ydoc_fini(&doc);
	rc = finish(&ld, errors, rc, err);
	load_fini(&ld);
	if (rc != DT_OK) {
		*out = NULL;
		*n = 0;
	}
	return rc;
}

enum dt_status course_load_questions(const char *path, struct dt_arena *arena,
                                     struct course_question **out, size_t *n,
                                     struct course_diags *diags,
                                     struct dt_error *err)
{
	enum dt_status rc;
	char *data;
	size_t len;

	*out = NULL;
	*n = 0;
	rc = dt_read_file(path, COURSE_MAX_FILE, &data, &len, err);
	if (rc == DT_ERR_LIMIT) {
		if (!course_diag_add(diags, COURSE_ERROR, path, 1, 1, "the file is "
		                     "larger than %u bytes (1 MiB), the limit per "
		                     "content file; split it", COURSE_MAX_FILE))
			return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
			                    "out of memory");
		return rc;
	}
	if (rc != DT_OK)
		return rc;
	rc = course_parse_questions(path, data, len, arena, out, n, diags, err);
	dt_free(data);
	return rc;
}

enum dt_status course_check_buffer(enum course_file_kind kind,
                                   const char *path, const char *data,
                                   size_t len, struct course_diags *diags,
                                   struct dt_error *err)
{
	size_t errors = diags->n_errors, n;
	struct course_question *qs;
	struct dt_arena arena;
	enum dt_status rc;
	struct ydoc doc;
	struct load ld;
	union {
		struct course course;
		struct course_lesson lesson;
		struct course_exercise exercise;
		struct course_blueprint blueprint;
	} obj;

	memset(&obj, 0, sizeof obj);
	memset(&doc, 0, sizeof doc);
	dt_arena_init(&arena);
	load_init(&ld, &arena, diags, NULL);
	rc = load_begin_file(&ld, &doc, path, "") ? DT_OK : DT_ERR_NOMEM;
	if (rc == DT_OK)
		rc = ydoc_parse(&doc, ld.file, data, len, diags);
	if (rc == DT_OK) {
		switch (kind) {
		case COURSE_FILE_COURSE:
			course_read_course(&ld, doc.root, &obj.course);
			break;
		case COURSE_FILE_LESSON:
			course_read_lesson(&ld, doc.root, &obj.lesson);
			break;
		case COURSE_FILE_QUESTIONS:
			if (course_read_questions(&ld, doc.root, &qs, &n) && !ld.nomem &&
			    !course_check_questions(NULL, qs, n, diags))
				ld.nomem = true;
			break;
		case COURSE_FILE_EXERCISE:
			course_read_exercise(&ld, doc.root, &obj.exercise);
			break;
		case COURSE_FILE_BLUEPRINT:
			course_read_blueprint(&ld, doc.root, &obj.blueprint);
			break;
		}
	}
	ydoc_fini(&doc);
	rc = finish(&ld, errors, rc, err);
	load_fini(&ld);
	dt_arena_fini(&arena);
	return rc;
}

enum dt_status course_load_blueprint(struct course *course, const char *path,
                                     struct course_blueprint **out,
                                     struct course_diags *diags,
                                     struct dt_error *err)
{
	size_t errors = diags->n_errors;
	struct course_blueprint *bp;
	enum dt_status rc;
	struct ydoc doc;
	struct load ld;
	char *data;
	size_t len;

	*out = NULL;
	rc = dt_read_file(path, COURSE_MAX_FILE, &data, &len, err);
	if (rc != DT_OK)
		return rc;
	memset(&doc, 0, sizeof doc);
	load_init(&ld, &course->arena, diags, NULL);
	bp = load_alloc(&ld, sizeof *bp);
	rc = bp && load_begin_file(&ld, &doc, path, "") ? DT_OK : DT_ERR_NOMEM;
	if (rc == DT_OK)
		rc = ydoc_parse(&doc, ld.file, data, len, diags);
	if (rc == DT_OK && course_read_blueprint(&ld, doc.root, bp)) {
		bp->path = ld.file;
		course_check_blueprint(&ld, course, bp);
	}
	ydoc_fini(&doc);
	dt_free(data);
	rc = finish(&ld, errors, rc, err);
	load_fini(&ld);
	if (rc == DT_OK)
		*out = bp;
	return rc;
}
