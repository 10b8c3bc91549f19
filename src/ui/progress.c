/* Reading progress as the UI sees it: which sections of each lesson were
 * read and where reading stopped, kept in the database through the app
 * layer and mirrored in memory so that drawing never queries.
 *
 * Design: everything is read once at start (a few rows per lesson); each
 * change is written through at once (app_mark_read, app_set_position), so
 * a run ended by a signal loses nothing, and the mirror follows only once
 * the write succeeded.  A position's depth into its section is kept in
 * ten-thousandths (UI_DEPTH_SCALE), which survives a window of another
 * width.  "Continue where you left off" is the lesson positioned last,
 * this run or an earlier one (the store knows which); without one (a
 * position whose lesson the course lost), the first lesson begun but not
 * finished, else the first not finished after one that was. */
#include <string.h>

#include "ui_int.h"

static enum dt_status load_lesson(struct ui *ui, size_t i,
                                  struct dt_error *err)
{
	const struct course_lesson *l = &ui->course->lessons[i];
	struct ui_reading *r = &ui->reading[i];
	struct dt_arena arena;
	const char **ids, *section;
	size_t n, k, s;
	int depth;
	enum dt_status rc;

	r->read = dt_calloc(l->n_sections + 1, sizeof *r->read);
	if (!r->read)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	dt_arena_init(&arena);
	rc = store_sections_read(app_store(ui->app), app_learner_id(ui->app),
	                         l->id, &arena, &ids, &n, err);
	for (k = 0; rc == DT_OK && k < n; k++)
		for (s = 0; s < l->n_sections; s++)
			if (!r->read[s] && strcmp(l->sections[s].id, ids[k]) == 0) {
				r->read[s] = true;
				r->n_read++;
			}
	if (rc == DT_OK)
		rc = app_get_position(ui->app, l->id, &arena, &section, &depth, err);
	for (s = 0; rc == DT_OK && section && s < l->n_sections; s++)
		if (strcmp(l->sections[s].id, section) == 0) {
			r->has_position = true;
			r->section = s;
			r->depth = depth < 0 ? 0 : (unsigned)depth > UI_DEPTH_SCALE
			           ? UI_DEPTH_SCALE : (unsigned)depth;
		}
	dt_arena_fini(&arena);
	return rc;
}

/* The lesson of the position set last, when the course still has it and
 * the position was read back (a section of the lesson). */
static enum dt_status load_last(struct ui *ui, struct dt_error *err)
{
	struct dt_arena arena;
	const char *lesson, *section;
	enum dt_status rc;
	size_t i;
	int depth;

	dt_arena_init(&arena);
	rc = app_last_position(ui->app, &arena, &lesson, &section, &depth, err);
	for (i = 0; rc == DT_OK && lesson && i < ui->course->n_lessons; i++)
		if (strcmp(ui->course->lessons[i].id, lesson) == 0 &&
		    ui->reading[i].has_position)
			ui->last_lesson = i;
	dt_arena_fini(&arena);
	return rc;
}

enum dt_status ui_progress_load(struct ui *ui, struct dt_error *err)
{
	size_t i, n = ui->course->n_lessons;
	enum dt_status rc = DT_OK;

	ui->last_lesson = (size_t)-1;
	ui->reading = dt_calloc(n + 1, sizeof *ui->reading);
	if (!ui->reading)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	for (i = 0; rc == DT_OK && i < n; i++)
		rc = load_lesson(ui, i, err);
	if (rc == DT_OK)
		rc = load_last(ui, err);
	return rc;
}

void ui_progress_free(struct ui *ui)
{
	size_t i;

	for (i = 0; ui->reading && i < ui->course->n_lessons; i++)
		dt_free(ui->reading[i].read);
	dt_free(ui->reading);
	ui->reading = NULL;
}

enum ui_lesson_status ui_lesson_status(const struct ui *ui, size_t lesson)
{
	const struct ui_reading *r = &ui->reading[lesson];
	size_t n = ui->course->lessons[lesson].n_sections;

	if (n && r->n_read == n)
		return UI_READ;
	if (r->n_read || r->has_position)
		return UI_IN_PROGRESS;
	return UI_NOT_STARTED;
}

void ui_progress_set_position(struct ui *ui, size_t lesson, size_t section,
                              unsigned depth)
{
	const struct course_lesson *l = &ui->course->lessons[lesson];
	struct ui_reading *r = &ui->reading[lesson];
	struct dt_error err = {0};

	if (section >= l->n_sections)
		return;
	if (depth > UI_DEPTH_SCALE)
		depth = UI_DEPTH_SCALE;
	/* An unchanged position is written again when another lesson was
	 * read since: the store's latest position must be this one. */
	if (ui->last_lesson == lesson && r->has_position &&
	    r->section == section && r->depth == depth)
		return;
	if (app_set_position(ui->app, l->id, l->sections[section].id, (int)depth,
	                     &err) != DT_OK) {
		ui_say_error(ui, "Cannot save the reading position", &err);
		return;
	}
	ui->last_lesson = lesson;
	r->has_position = true;
	r->section = section;
	r->depth = depth;
}

bool ui_progress_mark_read(struct ui *ui, size_t lesson, size_t section)
{
	const struct course_lesson *l = &ui->course->lessons[lesson];
	struct ui_reading *r = &ui->reading[lesson];
	struct dt_error err = {0};

	if (section >= l->n_sections || r->read[section])
		return true;
	if (app_mark_read(ui->app, l->id, l->sections[section].id, &err) != DT_OK) {
		ui_say_error(ui, "Cannot save the sections read", &err);
		return false;
	}
	r->read[section] = true;
	r->n_read++;
	return true;
}

size_t ui_progress_continue(const struct ui *ui, bool *resumed)
{
	size_t i, n = ui->course->n_lessons;
	bool seen_done = false;

	*resumed = true;
	if (ui->last_lesson < n)
		return ui->last_lesson;
	for (i = 0; i < n; i++)
		if (ui_lesson_status(ui, i) == UI_IN_PROGRESS)
			return i;
	for (i = 0; i < n; i++) {
		enum ui_lesson_status st = ui_lesson_status(ui, i);

		if (st == UI_READ)
			seen_done = true;
		else if (seen_done)
			return i;
	}
	*resumed = seen_done;
	return 0;
}
