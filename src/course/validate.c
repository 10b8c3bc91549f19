/* The checks that need more than one file: unique ids and lesson numbers,
 * references between questions, lessons, sections and exercises (with a
 * suggestion for near misses), the course's question order, exam draws,
 * the author warnings about stems and answer positions, and the lookups
 * that use the index built here. */
#include <string.h>

#include "course_int.h"

#define POSITION_SHARE_PCT 40   /* warn above this share per position */
#define POSITION_MIN_COUNT 5    /* ... in lessons with this many singles */
#define MAX_CHOICES        8

static void dup_error(struct load *ld, const struct course_pos *at,
                      const char *what, const char *id,
                      const struct course_pos *first)
{
	load_diag_at(ld, COURSE_ERROR, at->file, at->line, at->col,
	             "the %s id '%s' is already used at %s:%d:%d", what, id,
	             first->file, first->line, first->col);
}

static void index_lessons(struct load *ld, struct course *course,
                          struct idmap *map)
{
	const struct course_lesson *by_number[100] = { NULL };
	size_t i;

	if (!idmap_init(map, &ld->scratch, course->n_lessons)) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < course->n_lessons; i++) {
		const struct course_lesson *l = &course->lessons[i];
		const struct course_lesson *first = idmap_put(map, l->id, l);

		if (first)
			dup_error(ld, &l->pos, "lesson", l->id, &first->pos);
		if (l->number < 1 || l->number > 99)
			continue;
		if (by_number[l->number])
			load_diag_at(ld, COURSE_ERROR, l->pos.file, l->pos.line,
			             l->pos.col, "lesson number %d is already used by "
			             "lesson '%s' in %s", l->number,
			             by_number[l->number]->id,
			             by_number[l->number]->pos.file);
		else
			by_number[l->number] = l;
	}
}

static void index_exercises(struct load *ld, struct course *course,
                            struct idmap *map)
{
	size_t i;

	if (!idmap_init(map, &ld->scratch, course->n_exercises)) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < course->n_exercises; i++) {
		const struct course_exercise *ex = &course->exercises[i];
		const struct course_exercise *first = idmap_put(map, ex->id, ex);

		if (first)
			dup_error(ld, &ex->pos, "exercise", ex->id, &first->pos);
	}
}

static void check_blueprint_ids(struct load *ld, struct course *course)
{
	struct idmap map;
	size_t i;

	if (!idmap_init(&map, &ld->scratch, course->n_blueprints)) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < course->n_blueprints; i++) {
		const struct course_blueprint *bp = &course->blueprints[i];
		const struct course_blueprint *first = idmap_put(&map, bp->id, bp);

		if (first)
			dup_error(ld, &bp->pos, "exam blueprint", bp->id, &first->pos);
	}
}

/* ---- References ------------------------------------------------------- */

static const char **lesson_names(struct load *ld, const struct course *course)
{
	const char **names = dt_arena_alloc(&ld->scratch, (course->n_lessons + 1) *
	                                                  sizeof *names);
	size_t i;

	if (!names) {
		ld->nomem = true;
		return NULL;
	}
	for (i = 0; i < course->n_lessons; i++)
		names[i] = course->lessons[i].id;
	return names;
}

static void unknown(struct load *ld, const struct course_pos *at,
                    const char *msg, const char *id, const char **names)
{
	const char *hint = names ? load_suggest(id, names) : NULL;

	if (hint)
		load_diag_at(ld, COURSE_ERROR, at->file, at->line, at->col,
		             "%s '%s'; did you mean '%s'?", msg, id, hint);
	else
		load_diag_at(ld, COURSE_ERROR, at->file, at->line, at->col,
		             "%s '%s'", msg, id);
}

static void resolve_section(struct load *ld, const struct course_lesson *l,
                            const struct ref *r)
{
	const struct course_pos *at = &r->section_pos;
	const char **names, *hint;
	size_t i;

	if (course_find_section(l, r->section))
		return;
	names = dt_arena_alloc(&ld->scratch, (l->n_sections + 1) * sizeof *names);
	if (!names) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < l->n_sections; i++)
		names[i] = l->sections[i].id;
	hint = load_suggest(r->section, names);
	if (hint)
		load_diag_at(ld, COURSE_ERROR, at->file, at->line, at->col,
		             "lesson '%s' has no section '%s'; did you mean '%s'?",
		             l->id, r->section, hint);
	else
		load_diag_at(ld, COURSE_ERROR, at->file, at->line, at->col,
		             "lesson '%s' has no section '%s'", l->id, r->section);
}

static void resolve_refs(struct load *ld, const struct idmap *lessons,
                         const struct idmap *exercises, const char **lnames,
                         const char **enames)
{
	size_t i;

	for (i = 0; i < ld->n_refs; i++) {
		const struct ref *r = &ld->refs[i];
		struct course_lesson *l;

		switch (r->kind) {
		case REF_QUESTION:
		case REF_EXERCISE_LESSON:
			l = (struct course_lesson *)idmap_get(lessons, r->id);
			if (!l)
				unknown(ld, &r->pos, "there is no lesson", r->id, lnames);
			else if (r->kind == REF_QUESTION)
				resolve_section(ld, l, r);
			if (r->kind == REF_QUESTION)
				((struct course_question *)r->from)->lesson = l;
			else
				((struct course_exercise *)r->from)->lesson = l;
			break;
		case REF_LESSON_EXERCISE:
			if (!idmap_get(exercises, r->id))
				unknown(ld, &r->pos, "there is no exercise", r->id, enames);
			break;
		}
	}
}

/* ---- The course's questions ------------------------------------------- */

static void index_questions(struct load *ld, struct course_question **banks,
                            const size_t *bank_n, size_t n_banks,
                            size_t total)
{
	struct idmap map;
	size_t b, i;

	if (!idmap_init(&map, &ld->scratch, total)) {
		ld->nomem = true;
		return;
	}
	for (b = 0; b < n_banks; b++)
		for (i = 0; i < bank_n[b]; i++) {
			const struct course_question *q = &banks[b][i];
			const struct course_question *first = idmap_put(&map, q->id, q);

			if (first)
				dup_error(ld, &q->pos, "question", q->id, &first->pos);
		}
}

/* Every question, grouped by lesson in course order, file order within. */
static void assemble(struct load *ld, struct course *course,
                     struct course_question **banks, const size_t *bank_n,
                     size_t n_banks, size_t total)
{
	size_t b, i, l, at = 0;

	course->questions = load_alloc(ld, total * sizeof *course->questions);
	if (!course->questions)
		return;
	for (l = 0; l < course->n_lessons; l++) {
		struct course_lesson *lesson = &course->lessons[l];
		size_t first = at;

		for (b = 0; b < n_banks; b++)
			for (i = 0; i < bank_n[b]; i++)
				if (banks[b][i].lesson == lesson)
					course->questions[at++] = banks[b][i];
		lesson->n_questions = at - first;
		lesson->questions = load_alloc(ld, lesson->n_questions *
		                                   sizeof *lesson->questions);
		for (i = 0; lesson->questions && i < lesson->n_questions; i++)
			lesson->questions[i] = &course->questions[first + i];
	}
	course->n_questions = at;
}

static void build_index(struct load *ld, struct course *course)
{
	size_t cap = 16, i;

	while (cap < course->n_questions * 2)
		cap *= 2;
	course->by_id = load_alloc(ld, cap * sizeof *course->by_id);
	if (!course->by_id)
		return;
	course->by_id_cap = cap;
	for (i = 0; i < course->n_questions; i++) {
		struct course_question *q = &course->questions[i];
		size_t h = (size_t)course_hash_str(q->id) & (cap - 1);

		while (course->by_id[h])
			h = (h + 1) & (cap - 1);
		course->by_id[h] = q;
	}
}

/* ---- Author warnings -------------------------------------------------- */

/* The stem with runs of white space folded and ASCII case ignored. */
static const char *stem_key(struct load *ld, const char *stem)
{
	size_t n = strlen(stem), i, o = 0;
	char *key = dt_arena_alloc(&ld->scratch, n + 1);

	if (!key) {
		ld->nomem = true;
		return NULL;
	}
	for (i = 0; i < n; i++) {
		char c = stem[i];

		if (c == ' ' || c == '\t' || c == '\n') {
			if (o > 0 && key[o - 1] != ' ')
				key[o++] = ' ';
			continue;
		}
		key[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	while (o > 0 && key[o - 1] == ' ')
		o--;
	key[o] = '\0';
	return key;
}

static void check_stems(struct load *ld, const struct course_question *qs,
                        size_t n)
{
	struct idmap map;
	size_t i;

	if (!idmap_init(&map, &ld->scratch, n)) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < n && !ld->nomem; i++) {
		const struct course_question *q = &qs[i], *first;
		const char *key = stem_key(ld, q->stem);

		if (!key || !(first = idmap_put(&map, key, q)))
			continue;
		load_diag_at(ld, COURSE_WARNING, q->pos.file, q->pos.line, q->pos.col,
		             "question '%s' has the same stem as question '%s' at "
		             "%s:%d:%d", q->id, first->id, first->pos.file,
		             first->pos.line, first->pos.col);
	}
}

static int correct_index(const struct course_question *q)
{
	size_t i;
	int at = -1;

	for (i = 0; i < q->n_choices; i++)
		if (q->choices[i].correct) {
			if (at >= 0)
				return -1;
			at = (int)i;
		}
	return at;
}

static void check_lesson_positions(struct load *ld,
                                   const struct course_lesson *l)
{
	size_t count[MAX_CHOICES] = { 0 }, singles = 0, i;
	int worst = 0, at;

	for (i = 0; i < l->n_questions; i++)
		if (l->questions[i]->type == COURSE_Q_SINGLE &&
		    (at = correct_index(l->questions[i])) >= 0 && at < MAX_CHOICES) {
			count[at]++;
			singles++;
		}
	for (at = 1; at < MAX_CHOICES; at++)
		if (count[at] > count[worst])
			worst = at;
	if (singles < POSITION_MIN_COUNT ||
	    count[worst] * 100 <= singles * POSITION_SHARE_PCT)
		return;
	for (i = 0; i < l->n_questions; i++) {
		const struct course_question *q = l->questions[i];

		if (q->type != COURSE_Q_SINGLE || correct_index(q) != worst)
			continue;
		load_diag_at(ld, COURSE_WARNING, q->pos.file, q->pos.line, q->pos.col,
		             "choice %d is the correct one in %zu of the %zu "
		             "single-answer questions of lesson '%s' (more than "
		             "%d%%); spread the correct choices over the positions",
		             worst + 1, count[worst], singles, l->id,
		             POSITION_SHARE_PCT);
		return;
	}
}

static void check_positions(struct load *ld, const struct course *course)
{
	size_t i;

	for (i = 0; i < course->n_lessons; i++)
		check_lesson_positions(ld, &course->lessons[i]);
}

void course_check_course(struct load *ld, struct course *course,
                         struct course_question **banks, size_t *bank_n,
                         size_t n_banks)
{
	struct idmap lessons, exercises;
	const char **lnames, **enames;
	size_t i, total = 0;

	for (i = 0; banks && i < n_banks; i++)
		total += bank_n[i];
	index_lessons(ld, course, &lessons);
	index_exercises(ld, course, &exercises);
	check_blueprint_ids(ld, course);
	index_questions(ld, banks, bank_n, n_banks, total);
	lnames = lesson_names(ld, course);
	enames = dt_arena_alloc(&ld->scratch, (course->n_exercises + 1) *
	                                      sizeof *enames);
	if (ld->nomem || !enames) {
		ld->nomem = true;
		return;
	}
	for (i = 0; i < course->n_exercises; i++)
		enames[i] = course->exercises[i].id;
	resolve_refs(ld, &lessons, &exercises, lnames, enames);
	assemble(ld, course, banks, bank_n, n_banks, total);
	for (i = 0; i < course->n_blueprints && !ld->nomem; i++)
		course_check_blueprint(ld, course, &course->blueprints[i]);
	check_stems(ld, course->questions, course->n_questions);
	check_positions(ld, course);
	build_index(ld, course);
}

bool course_check_questions(const struct course *course,
                            struct course_question *questions, size_t n,
                            struct course_diags *diags)
{
	struct load ld;
	size_t *one = &n;
	size_t i;
	bool ok;

	load_init(&ld, NULL, diags, NULL);
	ld.arena = &ld.scratch;
	index_questions(&ld, &questions, one, 1, n);
	check_stems(&ld, questions, n);
	for (i = 0; course && i < n && !ld.nomem; i++) {
		struct course_question *q = &questions[i];
		struct ref r = { REF_QUESTION, q, q->lesson_id, q->pos, q->section_id,
		                 q->pos };

		q->lesson = course_find_lesson(course, q->lesson_id);
		if (!q->lesson)
			unknown(&ld, &q->pos, "there is no lesson", q->lesson_id, NULL);
		else
			resolve_section(&ld, q->lesson, &r);
	}
	ok = !ld.nomem && !diags->failed;
	load_fini(&ld);
	return ok;
}

/* ---- Lookups ---------------------------------------------------------- */

struct course_lesson *course_find_lesson(const struct course *course,
                                         const char *id)
{
	size_t i;

	for (i = 0; id && i < course->n_lessons; i++)
		if (strcmp(course->lessons[i].id, id) == 0)
			return &course->lessons[i];
	return NULL;
}

struct course_section *course_find_section(const struct course_lesson *lesson,
                                           const char *id)
{
	size_t i;

	for (i = 0; id && i < lesson->n_sections; i++)
		if (strcmp(lesson->sections[i].id, id) == 0)
			return &lesson->sections[i];
	return NULL;
}

struct course_question *course_find_question(const struct course *course,
                                             const char *id)
{
	size_t h;

	if (!id || !course->by_id)
		return NULL;
	h = (size_t)course_hash_str(id) & (course->by_id_cap - 1);
	for (; course->by_id[h]; h = (h + 1) & (course->by_id_cap - 1))
		if (strcmp(course->by_id[h]->id, id) == 0)
			return course->by_id[h];
	return NULL;
}

struct course_exercise *course_find_exercise(const struct course *course,
                                             const char *id)
{
	size_t i;

	for (i = 0; id && i < course->n_exercises; i++)
		if (strcmp(course->exercises[i].id, id) == 0)
			return &course->exercises[i];
	return NULL;
}

struct course_blueprint *course_find_blueprint(const struct course *course,
                                               const char *id)
{
	size_t i;

	for (i = 0; id && i < course->n_blueprints; i++)
		if (strcmp(course->blueprints[i].id, id) == 0)
			return &course->blueprints[i];
	return NULL;
}
