/* Reading progress as the UI sees it: the status of a lesson from the
 * progress interface, and the in-memory progress used when the caller
 * stores none (it lasts for the run only). */
#include <string.h>

#include "ui_int.h"

enum ui_lesson_status ui_lesson_status(struct ui *ui,
                                       const struct course_lesson *lesson)
{
	const struct ui_progress_ops *p = ui->progress;
	struct ui_position pos;
	size_t i, n_read = 0;

	for (i = 0; i < lesson->n_sections; i++)
		n_read += p->is_section_read(ui->progress_ctx, lesson->id,
		                             lesson->sections[i].id);
	if (lesson->n_sections && n_read == lesson->n_sections)
		return UI_READ;
	if (n_read || p->get_position(ui->progress_ctx, lesson->id, &pos))
		return UI_IN_PROGRESS;
	return UI_NOT_STARTED;
}

/* ---- in memory ------------------------------------------------------- */

struct mem_lesson {
	char id[COURSE_MAX_ID + 1];
	bool has_position;
	struct ui_position position;
	char (*read)[COURSE_MAX_ID + 1];   /* ids of the sections read */
	size_t n_read, cap_read;
};

struct mem_progress {
	struct mem_lesson *lessons;
	size_t n, cap;
	char last[COURSE_MAX_ID + 1];
};

void *ui_progress_mem_new(void)
{
	return dt_calloc(1, sizeof(struct mem_progress));
}

void ui_progress_mem_free(void *ctx)
{
	struct mem_progress *m = ctx;
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++)
		dt_free(m->lessons[i].read);
	dt_free(m->lessons);
	dt_free(m);
}

/* The record of a lesson; created when create is true (NULL when memory
 * ran out or when absent). */
static struct mem_lesson *find(struct mem_progress *m, const char *id,
                               bool create)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->lessons[i].id, id) == 0)
			return &m->lessons[i];
	if (!create)
		return NULL;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		struct mem_lesson *p = dt_realloc(m->lessons, cap * sizeof *p);

		if (!p)
			return NULL;
		m->lessons = p;
		m->cap = cap;
	}
	memset(&m->lessons[m->n], 0, sizeof m->lessons[m->n]);
	dt_strlcpy(m->lessons[m->n].id, id, sizeof m->lessons[m->n].id);
	return &m->lessons[m->n++];
}

static enum dt_status nomem(struct dt_error *err)
{
	return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0,
	                    "out of memory keeping the reading progress");
}

static bool mem_get_position(void *ctx, const char *lesson_id,
                             struct ui_position *pos)
{
	struct mem_lesson *l = find(ctx, lesson_id, false);

	if (!l || !l->has_position)
		return false;
	*pos = l->position;
	return true;
}

static enum dt_status mem_set_position(void *ctx, const char *lesson_id,
                                       const struct ui_position *pos,
                                       struct dt_error *err)
{
	struct mem_progress *m = ctx;
	struct mem_lesson *l = find(m, lesson_id, true);

	if (!l)
		return nomem(err);
	l->position = *pos;
	l->has_position = true;
	dt_strlcpy(m->last, lesson_id, sizeof m->last);
	return DT_OK;
}

static bool mem_is_section_read(void *ctx, const char *lesson_id,
                                const char *section_id)
{
	struct mem_lesson *l = find(ctx, lesson_id, false);
	size_t i;

	for (i = 0; l && i < l->n_read; i++)
		if (strcmp(l->read[i], section_id) == 0)
			return true;
	return false;
}

static enum dt_status mem_mark_section_read(void *ctx, const char *lesson_id,
                                            const char *section_id,
                                            struct dt_error *err)
{
	struct mem_lesson *l;

	if (mem_is_section_read(ctx, lesson_id, section_id))
		return DT_OK;
	l = find(ctx, lesson_id, true);
	if (!l)
		return nomem(err);
	if (l->n_read == l->cap_read) {
		size_t cap = l->cap_read ? l->cap_read * 2 : 8;
		char (*p)[COURSE_MAX_ID + 1] = dt_realloc(l->read, cap * sizeof *p);

		if (!p)
			return nomem(err);
		l->read = p;
		l->cap_read = cap;
	}
	dt_strlcpy(l->read[l->n_read++], section_id, sizeof l->read[0]);
	return DT_OK;
}

static bool mem_last_lesson(void *ctx, char *id, size_t size)
{
	struct mem_progress *m = ctx;

	if (!m->last[0])
		return false;
	return dt_strlcpy(id, m->last, size);
}

const struct ui_progress_ops ui_progress_mem_ops = {
	.get_position = mem_get_position,
	.set_position = mem_set_position,
	.is_section_read = mem_is_section_read,
	.mark_section_read = mem_mark_section_read,
	.last_lesson = mem_last_lesson,
	.flush = NULL,
};
