/* The practice menu: which questions to practise (a lesson, a tag, my
 * mistakes, unseen first, the review queue), and for a lesson or a tag a
 * second list to choose which.  The lists are pick overlays; the menu
 * lives in the state of the screen that opened it, as the overlays borrow
 * its texts. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

static unsigned start(struct ui *ui, struct ui_practice_menu *m)
{
	return ui_push(ui, &ui_practice_ops, &m->args) | UI_POP;
}

static unsigned picked_name(struct ui *ui, void *ctx, size_t i)
{
	struct ui_practice_menu *m = ctx;

	if (m->args.source == QUIZ_FROM_LESSON)
		m->args.lesson = m->ids[i];
	else
		m->args.tag = m->ids[i];
	return start(ui, m);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The course's tags, sorted, without repeats, into m->ids. */
static bool collect_tags(const struct course *c, struct ui_practice_menu *m)
{
	size_t i, k, n = 0, total = 0;

	for (i = 0; i < c->n_questions; i++)
		total += c->questions[i].n_tags;
	m->ids = dt_calloc(total + 1, sizeof *m->ids);
	if (!m->ids)
		return false;
	for (i = 0; i < c->n_questions; i++)
		for (k = 0; k < c->questions[i].n_tags; k++)
			m->ids[n++] = c->questions[i].tags[k];
	qsort(m->ids, n, sizeof *m->ids, cmp_str);
	for (i = k = 0; i < n; i++)
		if (k == 0 || strcmp(m->ids[k - 1], m->ids[i]) != 0)
			m->ids[k++] = m->ids[i];
	m->n_names = k;
	return true;
}

static bool collect_lessons(const struct ui *ui, struct ui_practice_menu *m)
{
	size_t i;

	m->ids = dt_calloc(ui->course->n_lessons + 1, sizeof *m->ids);
	if (!m->ids)
		return false;
	for (i = 0; i < ui->course->n_lessons; i++)
		m->ids[i] = ui->course->lessons[i].id;
	m->n_names = ui->course->n_lessons;
	return true;
}

/* The second list: the lessons or the tags. */
static unsigned choose_name(struct ui *ui, struct ui_practice_menu *m)
{
	bool lesson = m->args.source == QUIZ_FROM_LESSON;
	size_t i;

	ui_practice_menu_fini(m);
	if (!(lesson ? collect_lessons(ui, m) : collect_tags(ui->course, m)) ||
	    !(m->names = dt_calloc(m->n_names + 1, sizeof *m->names))) {
		ui_say(ui, true, "Out of memory");
		return UI_POP | UI_REDRAW;
	}
	/* Tags are content ids, [a-z0-9-] only: nothing to clean. */
	for (i = 0; i < m->n_names; i++)
		m->names[i] = lesson ? ui->lessons[i].title : m->ids[i];
	if (m->n_names == 0) {
		ui_say(ui, false, "No question of this course has a tag");
		return UI_POP | UI_REDRAW;
	}
	m->pick = (struct ui_pick_args){
		.title = lesson ? "Practise a lesson" : "Practise a tag",
		.items = m->names,
		.n = m->n_names,
		.current = lesson && m->lesson < m->n_names ? m->lesson : 0,
		.picked = picked_name,
		.ctx = m,
	};
	return ui_push(ui, &ui_pick_ops, &m->pick) | UI_POP;
}

static unsigned picked_source(struct ui *ui, void *ctx, size_t i)
{
	struct ui_practice_menu *m = ctx;

	memset(&m->args, 0, sizeof m->args);
	m->args.source = m->sources[i];
	if (m->args.source == QUIZ_FROM_LESSON && i == 0 &&
	    m->lesson < ui->course->n_lessons) {
		m->args.lesson = ui->course->lessons[m->lesson].id;
		return start(ui, m);
	}
	if (m->args.source == QUIZ_FROM_LESSON || m->args.source == QUIZ_FROM_TAG)
		return choose_name(ui, m);
	return start(ui, m);
}

/* The menu's rows: this lesson first when there is one. */
static const struct {
	enum quiz_source source;
	const char *label;
} rows[] = {
	{QUIZ_FROM_LESSON,   "A lesson..."},
	{QUIZ_FROM_TAG,      "A tag..."},
	{QUIZ_FROM_MISTAKES, "My mistakes"},
	{QUIZ_FROM_UNSEEN,   "Unseen first"},
	{QUIZ_FROM_REVIEW,   "Review queue (due first)"},
};

unsigned ui_practice_menu(struct ui *ui, struct ui_practice_menu *m,
                          size_t lesson)
{
	size_t i, n = 0;

	m->lesson = lesson;
	if (lesson < ui->course->n_lessons) {
		if (!dt_snprintf(m->this_lesson, sizeof m->this_lesson,
		                 "This lesson: %d. %s",
		                 ui->lessons[lesson].lesson->number,
		                 ui->lessons[lesson].title))
			dt_strlcpy(m->this_lesson, "This lesson", sizeof m->this_lesson);
		m->items[n] = m->this_lesson;
		m->sources[n++] = QUIZ_FROM_LESSON;
	}
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		m->items[n] = rows[i].label;
		m->sources[n++] = rows[i].source;
	}
	m->pick = (struct ui_pick_args){
		.title = "Practise",
		.items = m->items,
		.n = n,
		.picked = picked_source,
		.ctx = m,
	};
	return ui_push(ui, &ui_pick_ops, &m->pick);
}

void ui_practice_menu_fini(struct ui_practice_menu *m)
{
	dt_free(m->names);
	dt_free(m->ids);
	m->names = NULL;
	m->ids = NULL;
	m->n_names = 0;
}
