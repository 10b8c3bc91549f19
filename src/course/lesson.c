/* Readers of course.yaml and of lesson files: their schema tables, the
 * sections, and the files they name (lessons, exams, question banks),
 * which are collected here and read by course_load. */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "course_int.h"

/* Records a list of paths (or one path when one is allowed) as file
 * references, relative to the content folder. */
static void read_file_refs(struct load *ld, const char *key,
                           const struct ynode *val, bool one_allowed,
                           struct file_ref **refs, size_t *n, size_t *cap)
{
	const struct ynode *const *items = (const struct ynode *const *)&val;
	size_t count = 1, i;
	char buf[64];

	if (ynode_is_null(val))
		return;                       /* an empty list */
	if (val->kind == YNODE_SEQ) {
		items = (const struct ynode *const *)val->items;
		count = val->n;
	} else if (!one_allowed || val->kind != YNODE_SCALAR || ynode_is_null(val)) {
		load_error(ld, val, "expected a list of paths for '%s', found %s",
		           key, load_describe(val, buf, sizeof buf));
		return;
	}
	for (i = 0; i < count && !ld->stop; i++) {
		char norm[COURSE_MAX_PATH + 1];
		const char *path, *problem;
		struct file_ref *r;

		if (!load_string(ld, key, items[i], false, &path))
			continue;
		problem = load_path_join(ld->rel_dir, path, norm, sizeof norm);
		if (problem && (ld->root || path[0] == '/')) {
			load_error(ld, items[i], "bad path for '%s': %s", key, problem);
			continue;
		}
		if (!ld->root)
			continue;                 /* one file alone: nothing to follow */
		if (*n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 16;
			struct file_ref *p = dt_realloc(*refs, ncap * sizeof *p);

			if (!p) {
				ld->nomem = true;
				return;
			}
			*refs = p;
			*cap = ncap;
		}
		r = &(*refs)[(*n)++];
		r->rel = load_strdup(ld, norm, strlen(norm));
		r->pos = load_pos(ld, items[i]);
		r->loaded = false;
	}
}

/* ---- course.yaml ------------------------------------------------------ */

static void read_lessons(struct load *ld, const struct ynode *key,
                         const struct ynode *val, void *obj)
{
	(void)obj;
	if (load_count(ld, key->str, val, 1, 0))
		read_file_refs(ld, key->str, val, false, &ld->lesson_files,
		               &ld->n_lesson_files, &ld->cap_lesson_files);
}

static void read_exams(struct load *ld, const struct ynode *key,
                       const struct ynode *val, void *obj)
{
	(void)obj;
	if (load_count(ld, key->str, val, 0, 0))
		read_file_refs(ld, key->str, val, false, &ld->exam_files,
		               &ld->n_exam_files, &ld->cap_exam_files);
}

static const struct load_field course_fields[] = {
	{ .key = "id", .type = F_ID, .flags = F_REQUIRED,
	  .off = offsetof(struct course, id) },
	{ .key = "title", .type = F_STR, .flags = F_REQUIRED,
	  .off = offsetof(struct course, title) },
	{ .key = "version", .type = F_INT, .flags = F_REQUIRED,
	  .off = offsetof(struct course, version), .min = 1, .max = INT_MAX },
	{ .key = "lessons", .type = F_CUSTOM, .flags = F_REQUIRED,
	  .read = read_lessons },
	{ .key = "exams", .type = F_CUSTOM, .read = read_exams },
};

static const struct load_schema course_schema = {
	"course", course_fields, sizeof course_fields / sizeof *course_fields,
};

bool course_read_course(struct load *ld, const struct ynode *root,
                        struct course *course)
{
	return load_object(ld, root, &course_schema, course, NULL);
}

/* ---- Lessons ---------------------------------------------------------- */

static const struct load_field section_fields[] = {
	{ .key = "id", .type = F_ID, .flags = F_REQUIRED,
	  .off = offsetof(struct course_section, id) },
	{ .key = "title", .type = F_STR, .flags = F_REQUIRED,
	  .off = offsetof(struct course_section, title) },
	{ .key = "body", .type = F_TEXT, .flags = F_REQUIRED,
	  .off = offsetof(struct course_section, body) },
};

static const struct load_schema section_schema = {
	"section", section_fields, sizeof section_fields / sizeof *section_fields,
};

static void read_sections(struct load *ld, const struct ynode *key,
                          const struct ynode *val, void *obj)
{
	struct course_lesson *lesson = obj;
	struct idmap ids;
	size_t i;

	if (!load_count(ld, key->str, val, 1, 0) || val->kind != YNODE_SEQ)
		return;
	lesson->sections = load_alloc(ld, val->n * sizeof *lesson->sections);
	if (!lesson->sections || !idmap_init(&ids, &ld->scratch, val->n)) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < val->n && !ld->stop; i++) {
		struct course_section *s = &lesson->sections[lesson->n_sections];
		const struct ynode *item = val->items[i];
		const struct course_section *first;

		s->pos = load_pos(ld, item);
		if (!load_object(ld, item, &section_schema, s, NULL) || !s->id)
			continue;
		first = idmap_put(&ids, s->id, s);
		if (first) {
			load_error(ld, item, "duplicate section id '%s' in this lesson; "
			           "the first is at line %d", s->id, first->pos.line);
			continue;
		}
		lesson->n_sections++;
	}
}

static void read_exercise_ids(struct load *ld, const struct ynode *key,
                              const struct ynode *val, void *obj)
{
	struct course_lesson *lesson = obj;
	size_t i;

	if (!load_list(ld, key->str, val, F_IDS, &lesson->exercise_ids,
	               &lesson->n_exercise_ids) || val->kind != YNODE_SEQ)
		return;
	for (i = 0; i < val->n; i++) {
		struct ref r = { REF_LESSON_EXERCISE, lesson,
		                 lesson->exercise_ids[i], load_pos(ld, val->items[i]),
		                 NULL, { NULL, 0, 0 } };

		load_add_ref(ld, &r);
	}
}

static void read_banks(struct load *ld, const struct ynode *key,
                       const struct ynode *val, void *obj)
{
	(void)obj;
	read_file_refs(ld, key->str, val, true, &ld->bank_files,
	               &ld->n_bank_files, &ld->cap_bank_files);
}

static const struct load_field lesson_fields[] = {
	{ .key = "id", .type = F_ID, .flags = F_REQUIRED,
	  .off = offsetof(struct course_lesson, id) },
	{ .key = "number", .type = F_INT, .flags = F_REQUIRED,
	  .off = offsetof(struct course_lesson, number), .min = 1, .max = 99 },
	{ .key = "title", .type = F_STR, .flags = F_REQUIRED,
	  .off = offsetof(struct course_lesson, title) },
	{ .key = "summary", .type = F_TEXT, .flags = F_REQUIRED,
	  .off = offsetof(struct course_lesson, summary) },
	{ .key = "minutes", .type = F_INT, .flags = F_REQUIRED,
	  .off = offsetof(struct course_lesson, minutes), .min = 1, .max = 600 },
	{ .key = "sections", .type = F_CUSTOM, .flags = F_REQUIRED,
	  .read = read_sections },
	{ .key = "takeaways", .type = F_TEXTS, .flags = F_REQUIRED,
	  .off = offsetof(struct course_lesson, takeaways),
	  .off_n = offsetof(struct course_lesson, n_takeaways), .min = 1 },
	{ .key = "questions", .type = F_CUSTOM, .read = read_banks },
	{ .key = "exercises", .type = F_CUSTOM, .read = read_exercise_ids },
};

static const struct load_schema lesson_schema = {
	"lesson", lesson_fields, sizeof lesson_fields / sizeof *lesson_fields,
};

bool course_read_lesson(struct load *ld, const struct ynode *root,
                        struct course_lesson *lesson)
{
	lesson->pos = load_pos(ld, root);
	return load_object(ld, root, &lesson_schema, lesson, NULL);
}
