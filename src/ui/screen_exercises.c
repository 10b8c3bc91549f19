/* The exercises of the course by lesson, each with its status (not
 * started, in progress, passed); Enter opens one.  The statuses are read
 * again whenever a screen above closed, as checks change them. */
#include <string.h>

#include "ui_int.h"

#define PAGE_MAX_WIDTH 100
#define STATUS_W 13

struct exercises {
	const struct course_exercise **order;    /* as listed */
	size_t *per_lesson;                      /* how many of them each */
	size_t n, sel, top;
	size_t passed;
	struct ui_page page;
	int x;
	unsigned epoch;
	bool built;
	struct ui_exercise_args args;
};

static int view_h(const struct ui *ui)
{
	return ui->rows - 3;
}

static bool listed(const struct course_lesson *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n_exercise_ids; i++)
		if (strcmp(l->exercise_ids[i], id) == 0)
			return true;
	return false;
}

/* The lesson's exercises in the order its exercises: key names them, then
 * the others that name the lesson. */
static void add_lesson(const struct course *c, const struct course_lesson *l,
                       struct exercises *x)
{
	size_t i;

	for (i = 0; i < l->n_exercise_ids; i++) {
		const struct course_exercise *ex = course_find_exercise(c,
		                                                         l->exercise_ids[i]);

		if (ex)
			x->order[x->n++] = ex;
	}
	for (i = 0; i < c->n_exercises; i++)
		if (strcmp(c->exercises[i].lesson_id, l->id) == 0 &&
		    !listed(l, c->exercises[i].id))
			x->order[x->n++] = &c->exercises[i];
}

static enum exercise_status build_row(struct ui *ui, struct exercises *x,
                                     size_t i,
                                     const struct store_exercise_progress *all,
                                     size_t n_all)
{
	static const struct {
		enum ui_glyph glyph;
		enum ui_role role;
	} looks[] = {
		[EXERCISE_NOT_STARTED] = {UI_G_UNREAD, UI_DIM},
		[EXERCISE_IN_PROGRESS] = {UI_G_PARTIAL, UI_PARTIAL},
		[EXERCISE_PASSED] = {UI_G_READ, UI_DONE},
	};
	const struct course_exercise *ex = x->order[i];
	struct ui_exercise_state st;
	enum exercise_status status;
	char ws[4096];
	const char *name;

	ui_exercise_state_of(all, n_all, ex->id, &st);
	status = ui_exercise_status(&st, ui_workspace_path(ui, ex, ws, sizeof ws,
	                                                   NULL) == DT_OK ? ws : NULL);
	name = exercise_status_name(status);
	ui_page_line(&x->page, 2, (int)i);
	ui_page_printf(&x->page, looks[status].role, "%s %-*s  ",
	               ui_glyph(ui, looks[status].glyph), STATUS_W - 2, name);
	ui_page_puts(&x->page, ex->title, UI_BOLD);
	ui_page_printf(&x->page, UI_DIM, "  (%s)", ex->id);
	return status;
}

static void build(struct ui *ui, struct exercises *x)
{
	const struct course *c = ui->course;
	struct store_exercise_progress *all = NULL;
	struct dt_arena arena;
	struct dt_error err = {0};
	size_t n_all = 0, i, k = 0;
	int w = ui->cols - 4 > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : ui->cols - 4;

	x->epoch = ui->epoch;
	x->built = true;
	x->passed = 0;
	dt_arena_init(&arena);
	if (ui_exercise_records(ui, &arena, &all, &n_all, &err) != DT_OK)
		ui_say_error(ui, "Cannot read your exercises", &err);
	ui_page_reset(&x->page, w < 20 ? 20 : w);
	x->x = (ui->cols - x->page.width) / 2;
	for (i = 0; i < c->n_lessons; i++) {
		const struct course_lesson *l = &c->lessons[i];

		size_t end = k + x->per_lesson[i];

		if (end > k) {
			ui_page_line(&x->page, 0, UI_NO_TAG);
			ui_page_printf(&x->page, UI_HEADING, "Lesson %d: %s", l->number,
			               ui->lessons[i].title);
		}
		for (; k < end; k++)
			x->passed += build_row(ui, x, k, all, n_all) == EXERCISE_PASSED;
	}
	if (x->n == 0)
		ui_page_puts(&x->page, "This course has no exercises.", UI_NORMAL);
	dt_arena_fini(&arena);
}

static void *exercises_open(struct ui *ui, const void *arg)
{
	const struct course *c = ui->course;
	struct exercises *x = dt_calloc(1, sizeof *x);
	size_t i, room = c->n_exercises + 1;

	(void)arg;
	if (!x)
		return NULL;
	for (i = 0; i < c->n_lessons; i++)
		room += c->lessons[i].n_exercise_ids;
	x->order = dt_calloc(room, sizeof *x->order);
	x->per_lesson = dt_calloc(c->n_lessons + 1, sizeof *x->per_lesson);
	if (!x->order || !x->per_lesson) {
		dt_free(x->order);
		dt_free(x->per_lesson);
		dt_free(x);
		return NULL;
	}
	for (i = 0; i < c->n_lessons; i++) {
		size_t before = x->n;

		add_lesson(c, &c->lessons[i], x);
		x->per_lesson[i] = x->n - before;
	}
	ui_page_init(&x->page);
	return x;
}

static void exercises_close(struct ui *ui, void *state)
{
	struct exercises *x = state;

	(void)ui;
	ui_page_fini(&x->page);
	dt_free(x->order);
	dt_free(x->per_lesson);
	dt_free(x);
}

static void exercises_draw(struct ui *ui, void *state)
{
	struct exercises *x = state;
	size_t first, last;
	char right[64];
	int w = ui->cols - 4 > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : ui->cols - 4;

	if (!x->built || x->epoch != ui->epoch || x->page.width != w)
		build(ui, x);
	if (!dt_snprintf(right, sizeof right, "%zu of %zu passed", x->passed, x->n))
		right[0] = '\0';
	if (ui_page_find(&x->page, (int)x->sel, &first, &last))
		ui_page_show(&x->top, first > 0 ? first - 1 : first, last, view_h(ui));
	ui_draw_header(ui, "Exercises", right);
	ui_page_draw(ui, &x->page, 2, view_h(ui), x->top, x->x,
	             x->n ? (int)x->sel : UI_NO_TAG);
	ui_draw_footer(ui, ui_exercises_ops.bindings, ui_exercises_ops.n_bindings,
	               NULL);
}

static unsigned open_exercise(struct ui *ui, void *state, int arg)
{
	struct exercises *x = state;

	(void)arg;
	if (x->sel >= x->n)
		return UI_NONE;
	x->args.ex = x->order[x->sel];
	return ui_push(ui, &ui_exercise_ops, &x->args);
}

static unsigned step(struct ui *ui, void *state, int dir)
{
	struct exercises *x = state;

	(void)ui;
	if (dir < 0 && x->sel > 0)
		x->sel--;
	else if (dir > 0 && x->sel + 1 < x->n)
		x->sel++;
	return UI_REDRAW;
}

static unsigned back(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static unsigned exercises_key(struct ui *ui, void *state,
                              const struct ui_event *ev)
{
	struct exercises *x = state;
	size_t line;

	if (ev->key != KEY_MOUSE)
		return UI_PASS;
	if (ui_wheel(ev))
		return step(ui, state, ui_wheel(ev));
	if (!ui_is_click(ev) || ev->mouse.y < 2)
		return UI_NONE;
	line = x->top + (size_t)(ev->mouse.y - 2);
	if (line >= x->page.n || x->page.lines[line].tag < 0)
		return UI_NONE;
	x->sel = (size_t)x->page.lines[line].tag;
	return open_exercise(ui, state, 0);
}

static const struct ui_binding exercises_bindings[] = {
	UI_BIND(step, 1, "move", "Select the next exercise", 'j', KEY_DOWN),
	UI_BIND(step, -1, "", "Select the previous exercise", 'k', KEY_UP),
	UI_BIND(open_exercise, 0, "open", "Open the selected exercise",
	        KEY_ENTER, '\r', '\n', 'l'),
	UI_BIND(back, 0, "back", "Back home", 'q', 27, KEY_LEFT, 'h'),
};

const struct ui_screen_ops ui_exercises_ops = {
	.name = "Exercises",
	.bindings = UI_BINDINGS(exercises_bindings),
	.open = exercises_open,
	.draw = exercises_draw,
	.key = exercises_key,
	.close = exercises_close,
};
