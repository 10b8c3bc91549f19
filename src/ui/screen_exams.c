/* The exams of the course: each blueprint with its size, time limit and
 * pass mark, an open attempt to resume and the last score; choosing one
 * asks for confirmation (the clock starts at once) and opens the exam. */
#include <string.h>

#include "ui_int.h"

#define PAGE_MAX_WIDTH 100

struct exams {
	struct ui_page page;
	size_t sel, top;
	int x;
	struct dt_arena arena;           /* attempts */
	struct store_attempt *open;      /* the learner's open attempts */
	size_t n_open;
	unsigned epoch;
	bool loaded;
	char text[512];                  /* the confirmation's */
	struct ui_confirm_args confirm;
	struct ui_exam_args exam;
};

static int view_h(const struct ui *ui)
{
	return ui->rows - 2;
}

static size_t paper_size(const struct course_blueprint *bp)
{
	size_t i, n = 0;

	for (i = 0; i < bp->n_draws; i++)
		n += (size_t)bp->draws[i].count;
	return n;
}

/* "90 minutes", "1h 30m", "45s". */
static void limit_text(char *out, size_t size, int s)
{
	if (s % 60 == 0 && s < 3600 &&
	    dt_snprintf(out, size, "%d minute%s", s / 60, s == 60 ? "" : "s"))
		return;
	ui_format_duration(out, size, s);
}

static const struct store_attempt *open_attempt(const struct exams *l,
                                                const char *id)
{
	size_t i;

	for (i = 0; i < l->n_open; i++)
		if (strcmp(l->open[i].exam, id) == 0)
			return &l->open[i];
	return NULL;
}

/* The learner's newest finished attempt of exam id, or NULL. */
static const struct store_attempt *last_attempt(struct ui *ui, struct exams *l,
                                                const char *id)
{
	struct store_attempt *all;
	struct dt_error err = {0};
	size_t n, i;

	if (store_exam_history(app_store(ui->app), app_learner_id(ui->app), id,
	                       &l->arena, &all, &n, &err) != DT_OK)
		return NULL;
	for (i = 0; i < n; i++)
		if (all[i].status != STORE_ATTEMPT_OPEN)
			return &all[i];
	return NULL;
}

static void build_row(struct ui *ui, struct exams *l, size_t i)
{
	const struct course_blueprint *bp = &ui->course->blueprints[i];
	const struct store_attempt *open = open_attempt(l, bp->id);
	const struct store_attempt *last = last_attempt(ui, l, bp->id);
	char limit[32], left[32];

	limit_text(limit, sizeof limit, bp->time_limit_s);
	ui_page_line(&l->page, 0, (int)i);
	ui_page_puts(&l->page, bp->title, UI_BOLD);
	ui_page_line(&l->page, 2, (int)i);
	ui_page_printf(&l->page, UI_NORMAL, "%zu question%s %s %s %s pass mark "
	               "%d%%", paper_size(bp), paper_size(bp) == 1 ? "" : "s",
	               ui_glyph(ui, UI_G_DOT), limit, ui_glyph(ui, UI_G_DOT),
	               bp->pass_mark_pct);
	if (bp->presentation == COURSE_PRESENT_DOMC)
		ui_page_printf(&l->page, UI_NORMAL, " %s one option at a time (DOMC)",
		               ui_glyph(ui, UI_G_DOT));
	ui_page_line(&l->page, 2, (int)i);
	if (open && open->deadline <= app_now(ui->app)) {
		ui_page_puts(&l->page, "The time ran out while you were away: Enter "
		             "shows the results", UI_PARTIAL);
	} else if (open) {
		ui_format_clock(left, sizeof left, open->deadline - app_now(ui->app));
		ui_page_printf(&l->page, UI_PARTIAL, "Open attempt: %s left, Enter "
		               "resumes it", left);
	} else if (last) {
		ui_page_printf(&l->page, last->passed ? UI_DONE : UI_WRONG,
		               "Last score: %.0f%% (%s)", last->max_score > 0
		               ? 100.0 * last->score / last->max_score : 0.0,
		               last->passed ? "passed" : "not passed");
	} else {
		ui_page_puts(&l->page, "Not taken yet", UI_DIM);
	}
	ui_page_blank(&l->page);
}

static void build(struct ui *ui, struct exams *l)
{
	struct dt_error err = {0};
	int w = ui->cols - 4 > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : ui->cols - 4;
	size_t i;

	dt_arena_fini(&l->arena);
	dt_arena_init(&l->arena);
	l->epoch = ui->epoch;
	l->loaded = true;
	if (store_open_attempts(app_store(ui->app), app_learner_id(ui->app),
	                        &l->arena, &l->open, &l->n_open, &err) != DT_OK) {
		l->n_open = 0;
		ui_say_error(ui, "Cannot read your exams", &err);
	}
	ui_page_reset(&l->page, w < 20 ? 20 : w);
	l->x = (ui->cols - l->page.width) / 2;
	for (i = 0; i < ui->course->n_blueprints; i++)
		build_row(ui, l, i);
	if (ui->course->n_blueprints == 0)
		ui_page_markdown(ui, &l->page, 0, NULL, UI_NORMAL,
		                 "This course has no exams.", UI_NO_TAG);
}

static void *exams_open(struct ui *ui, const void *arg)
{
	struct exams *l = dt_calloc(1, sizeof *l);

	(void)arg;
	if (!l)
		return NULL;
	ui_page_init(&l->page);
	dt_arena_init(&l->arena);
	build(ui, l);
	return l;
}

static void exams_close(struct ui *ui, void *state)
{
	struct exams *l = state;

	(void)ui;
	ui_page_fini(&l->page);
	dt_arena_fini(&l->arena);
	dt_free(l);
}

static void exams_draw(struct ui *ui, void *state)
{
	struct exams *l = state;
	size_t first, last;

	if (!l->loaded || l->epoch != ui->epoch ||
	    l->page.width != (ui->cols - 4 > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH
	                      : ui->cols - 4))
		build(ui, l);
	if (ui_page_find(&l->page, (int)l->sel, &first, &last))
		ui_page_show(&l->top, first, last + 1, view_h(ui) - 1);
	ui_draw_header(ui, "Exams", ui->course_title);
	ui_page_draw(ui, &l->page, 2, view_h(ui) - 1, l->top, l->x, (int)l->sel);
	ui_draw_footer(ui, ui_exams_ops.bindings, ui_exams_ops.n_bindings, NULL);
}

/* ---- choosing ------------------------------------------------------------ */

static unsigned start(struct ui *ui, void *ctx)
{
	struct exams *l = ctx;

	return ui_push(ui, &ui_exam_ops, &l->exam);
}

static unsigned choose(struct ui *ui, void *state, int arg)
{
	struct exams *l = state;
	const struct course_blueprint *bp;
	const struct store_attempt *open;
	char limit[32], left[32];
	bool ok;

	(void)arg;
	if (l->sel >= ui->course->n_blueprints)
		return UI_NONE;
	bp = &ui->course->blueprints[l->sel];
	open = open_attempt(l, bp->id);
	l->exam.blueprint = bp->id;
	if (open && open->deadline <= app_now(ui->app))
		return start(ui, l);         /* nothing left to confirm */
	limit_text(limit, sizeof limit, bp->time_limit_s);
	if (open) {
		ui_format_clock(left, sizeof left, open->deadline - app_now(ui->app));
		ok = dt_snprintf(l->text, sizeof l->text, "Resume **%s**? %s left; your "
		                 "answers and flags are kept.", bp->title, left);
	} else {
		ok = dt_snprintf(l->text, sizeof l->text, "**%s**: %zu question%s in "
		                 "%s; the pass mark is %d%%. The clock starts now and "
		                 "keeps running if you leave. Every answer is saved as "
		                 "you give it.", bp->title, paper_size(bp),
		                 paper_size(bp) == 1 ? "" : "s", limit,
		                 bp->pass_mark_pct);
	}
	if (!ok)
		dt_strlcpy(l->text, "Start the exam?", sizeof l->text);
	l->confirm = (struct ui_confirm_args){
		open ? "Resume the exam?" : "Start the exam?", l->text, start, l,
	};
	return ui_push(ui, &ui_confirm_ops, &l->confirm);
}

static unsigned step(struct ui *ui, void *state, int dir)
{
	struct exams *l = state;

	(void)ui;
	if (dir < 0 && l->sel > 0)
		l->sel--;
	else if (dir > 0 && l->sel + 1 < ui->course->n_blueprints)
		l->sel++;
	return UI_REDRAW;
}

static unsigned back(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static unsigned exams_key(struct ui *ui, void *state, const struct ui_event *ev)
{
	struct exams *l = state;
	size_t line;

	if (ev->key != KEY_MOUSE)
		return UI_PASS;
	if (ui_wheel(ev))
		return step(ui, state, ui_wheel(ev));
	if (!ui_is_click(ev) || ev->mouse.y < 2)
		return UI_NONE;
	line = l->top + (size_t)(ev->mouse.y - 2);
	if (line >= l->page.n || l->page.lines[line].tag < 0)
		return UI_NONE;
	l->sel = (size_t)l->page.lines[line].tag;
	return choose(ui, state, 0);
}

static const struct ui_binding exams_bindings[] = {
	UI_BIND(step, 1, "move", "Select the next exam", 'j', KEY_DOWN),
	UI_BIND(step, -1, "", "Select the previous exam", 'k', KEY_UP),
	UI_BIND(choose, 0, "start", "Start the selected exam, or resume it",
	        KEY_ENTER, '\r', '\n', 'l'),
	UI_BIND(back, 0, "back", "Back home", 'q', 27, KEY_LEFT, 'h'),
};

const struct ui_screen_ops ui_exams_ops = {
	.name = "Exams",
	.bindings = UI_BINDINGS(exams_bindings),
	.open = exams_open,
	.draw = exams_draw,
	.key = exams_key,
	.close = exams_close,
};
