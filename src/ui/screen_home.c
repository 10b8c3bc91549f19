/* The home screen: the course's lessons with their reading status, best
 * exam score and exercises passed, "continue where you left off", and the
 * other parts of the program.
 *
 * The list is one column of items (some only headings or gaps) scrolled to
 * keep the selection in view; the selected lesson's summary fills the room
 * left below it.  A lesson row is laid out by the column table, and the
 * entries under the lessons by the entry table: a new screen joins the menu
 * with one row there.  The progress summary is read from the app when the
 * screen opens and again whenever a screen above it closed (ui->epoch). */
#include <string.h>

#include "ui_int.h"

struct home;
static unsigned open_practice(struct ui *ui, struct home *h);

/* Entries under the lessons: a screen to open, or an action; neither
 * quits. */
static const struct {
	const char *label;
	const char *about;
	const struct ui_screen_ops *ops;
	unsigned (*action)(struct ui *ui, struct home *h);
} entries[] = {
	{"Practice", "questions by lesson, tag, mistakes or review", NULL,
	 open_practice},
	{"Exam", "a timed practice exam in the DCA format", &ui_exams_ops, NULL},
	{"Exercises", "fix real Dockerfiles until the checks pass",
	 &ui_exercises_ops, NULL},
	{"Progress", "accuracy, exam scores, reviews due, time studied",
	 &ui_progress_ops, NULL},
	{"Help", "every key of every screen", &ui_help_ops, NULL},
	{"Quit", "leave dockertutor", NULL, NULL},
};
#define N_ENTRIES (sizeof entries / sizeof entries[0])
#define ENTRY_LABEL_W 12

enum item_kind { ITEM_CONTINUE, ITEM_GAP, ITEM_HEADING, ITEM_LESSON, ITEM_ENTRY };

struct item {
	enum item_kind kind;
	size_t index;                      /* lesson or entry */
};

struct home {
	struct item *items;
	size_t n, sel, top;
	int list_y, list_h;                /* where the list was drawn */
	struct text_doc *summary;          /* of summary_lesson at summary_w */
	size_t summary_lesson;
	int summary_w;
	struct ui_reader_args reader;      /* the argument of the reader */
	struct ui_practice_menu practice;
	struct dt_arena arena;             /* progress */
	struct app_summary progress;
	bool has_progress;
	unsigned epoch;                    /* of the progress read */
};

/* ---- the lesson row ------------------------------------------------- */

struct row_ctx {
	struct ui *ui;
	size_t index;                      /* course order */
	const struct ui_lesson *lesson;
	const struct app_lesson_summary *progress;   /* NULL when unknown */
	attr_t base;                       /* normal or selected */
	bool selected;
};

/* Draws one cell in [x, x + w). */
typedef void column_fn(const struct row_ctx *rc, int y, int x, int w);

static void col_number(const struct row_ctx *rc, int y, int x, int w)
{
	char num[16];

	if (dt_snprintf(num, sizeof num, "%*d", w, rc->lesson->lesson->number))
		ui_puts(rc->ui, y, x, w, num, rc->base);
}

static void col_title(const struct row_ctx *rc, int y, int x, int w)
{
	int used = ui_puts(rc->ui, y, x, w, rc->lesson->title, rc->base);

	if (used == w && (int)dt_utf8_width(rc->lesson->title,
	                                    strlen(rc->lesson->title)) > w)
		ui_puts(rc->ui, y, x + w - 1, 1, ui_glyph(rc->ui, UI_G_ELLIPSIS),
		        rc->base);
}

static void col_minutes(const struct row_ctx *rc, int y, int x, int w)
{
	char min[24];

	if (dt_snprintf(min, sizeof min, "%*d min", w - 4, rc->lesson->lesson->minutes))
		ui_puts(rc->ui, y, x, w, min, rc->base);
}

static void col_status(const struct row_ctx *rc, int y, int x, int w)
{
	static const struct {
		enum ui_glyph glyph;
		const char *word;
		enum ui_role role;
	} looks[] = {
		[UI_NOT_STARTED] = {UI_G_UNREAD, "not started", UI_DIM},
		[UI_IN_PROGRESS] = {UI_G_PARTIAL, "in progress", UI_PARTIAL},
		[UI_READ] = {UI_G_READ, "read", UI_DONE},
	};
	enum ui_lesson_status st = ui_lesson_status(rc->ui, rc->index);
	attr_t a = rc->selected ? rc->base : ui_attr(rc->ui, looks[st].role);
	int used = ui_puts(rc->ui, y, x, w, ui_glyph(rc->ui, looks[st].glyph), a);

	ui_puts(rc->ui, y, x + used + 1, w - used - 1, looks[st].word, a);
}

/* The best exam score on the lesson's questions, "-" before any exam. */
static void col_best(const struct row_ctx *rc, int y, int x, int w)
{
	char text[16] = "-";

	if (rc->progress && rc->progress->best_exam_pct >= 0 &&
	    !dt_snprintf(text, sizeof text, "%.0f%%", rc->progress->best_exam_pct))
		text[0] = '\0';
	ui_puts(rc->ui, y, x + w - (int)strlen(text), w, text, rc->base);
}

/* Exercises passed of the lesson's, blank when it has none. */
static void col_exercises(const struct row_ctx *rc, int y, int x, int w)
{
	char text[32] = "";

	if (rc->progress && rc->progress->exercises_total &&
	    !dt_snprintf(text, sizeof text, "%zu/%zu", rc->progress->exercises_passed,
	                 rc->progress->exercises_total))
		text[0] = '\0';
	ui_puts(rc->ui, y, x + w - (int)strlen(text), w, text, rc->base);
}

/* The columns of a lesson row; width 0 takes what the others leave, and a
 * column is left out on terminals narrower than min_cols. */
static const struct {
	const char *heading;
	int width;
	int min_cols;
	bool right;                        /* the heading right-aligned */
	column_fn *draw;
} columns[] = {
	{"#",      3,  0,  true,  col_number},
	{"Lesson", 0,  0,  false, col_title},
	{"Time",   8,  76, true,  col_minutes},
	{"Exam",   5,  0,  true,  col_best},
	{"Ex.",    5,  66, true,  col_exercises},
	{"Status", 13, 0,  false, col_status},
};
#define N_COLUMNS (sizeof columns / sizeof columns[0])
#define COLUMN_GAP 2

static bool shown(const struct ui *ui, size_t c)
{
	return ui->cols >= columns[c].min_cols;
}

/* The x and width of each column across [x, x + w); 0 wide when left
 * out. */
static void layout_columns(const struct ui *ui, int x, int w, int *xs,
                           int *ws)
{
	int fixed = 0;
	size_t c;

	for (c = 0; c < N_COLUMNS; c++)
		if (shown(ui, c))
			fixed += columns[c].width + (c ? COLUMN_GAP : 0);
	for (c = 0; c < N_COLUMNS; c++) {
		ws[c] = columns[c].width ? columns[c].width : w - fixed;
		if (!shown(ui, c)) {
			ws[c] = 0;
			continue;
		}
		if (ws[c] < 1)
			ws[c] = 1;
		xs[c] = x;
		x += ws[c] + COLUMN_GAP;
	}
}

static void draw_lesson_row(struct ui *ui, const struct home *h, int y,
                            int x, int w, size_t i, bool selected)
{
	struct row_ctx rc = {ui, i, &ui->lessons[i],
	                     h->has_progress ? &h->progress.lessons[i] : NULL,
	                     selected ? ui_attr(ui, UI_SELECTED) : A_NORMAL,
	                     selected};
	int xs[N_COLUMNS], ws[N_COLUMNS];
	size_t c;

	if (selected)
		ui_fill(y, x - 1, w + 2, rc.base);
	layout_columns(ui, x, w, xs, ws);
	for (c = 0; c < N_COLUMNS; c++)
		if (ws[c])
			columns[c].draw(&rc, y, xs[c], ws[c]);
}

static void draw_column_headings(struct ui *ui, int y, int x, int w)
{
	int xs[N_COLUMNS], ws[N_COLUMNS];
	size_t c;

	layout_columns(ui, x, w, xs, ws);
	for (c = 0; c < N_COLUMNS; c++) {
		int hw = (int)strlen(columns[c].heading);
		int off = columns[c].right ? ws[c] - hw : 0;

		if (!ws[c])
			continue;

		ui_puts(ui, y, xs[c] + (off > 0 ? off : 0), ws[c], columns[c].heading,
		        ui_attr(ui, UI_TITLE));
	}
}

/* ---- items ------------------------------------------------------------ */

static bool selectable(const struct item *it)
{
	return it->kind == ITEM_CONTINUE || it->kind == ITEM_LESSON ||
	       it->kind == ITEM_ENTRY;
}

/* Reads the progress summary again when a screen above closed since. */
static void refresh_progress(struct ui *ui, struct home *h)
{
	struct dt_error err = {0};

	if (h->has_progress && h->epoch == ui->epoch)
		return;
	h->epoch = ui->epoch;
	dt_arena_fini(&h->arena);
	dt_arena_init(&h->arena);
	h->has_progress = app_summary(ui->app, &h->arena, &h->progress, &err) ==
	                  DT_OK;
	if (!h->has_progress)
		ui_say_error(ui, "Cannot read your progress", &err);
}

static void *home_open(struct ui *ui, const void *arg)
{
	size_t n_lessons = ui->course->n_lessons, i, k = 0;
	struct home *h = dt_calloc(1, sizeof *h);

	(void)arg;
	if (!h)
		return NULL;
	h->items = dt_calloc(n_lessons + N_ENTRIES + 4, sizeof *h->items);
	if (!h->items) {
		dt_free(h);
		return NULL;
	}
	h->items[k++] = (struct item){ITEM_CONTINUE, 0};
	h->items[k++] = (struct item){ITEM_GAP, 0};
	h->items[k++] = (struct item){ITEM_HEADING, 0};
	for (i = 0; i < n_lessons; i++)
		h->items[k++] = (struct item){ITEM_LESSON, i};
	h->items[k++] = (struct item){ITEM_GAP, 0};
	for (i = 0; i < N_ENTRIES; i++)
		h->items[k++] = (struct item){ITEM_ENTRY, i};
	h->n = k;
	h->summary_lesson = (size_t)-1;
	dt_arena_init(&h->arena);
	refresh_progress(ui, h);
	return h;
}

static void home_close(struct ui *ui, void *state)
{
	struct home *h = state;

	(void)ui;
	text_doc_free(h->summary);
	ui_practice_menu_fini(&h->practice);
	dt_arena_fini(&h->arena);
	dt_free(h->items);
	dt_free(h);
}

static void draw_continue(struct ui *ui, int y, int x, int w, bool selected)
{
	attr_t a = selected ? ui_attr(ui, UI_SELECTED) : ui_attr(ui, UI_BOLD);
	bool resumed;
	size_t i;
	char line[512];

	if (selected)
		ui_fill(y, x - 1, w + 2, a);
	if (!ui->course->n_lessons)
		return;
	i = ui_progress_continue(ui, &resumed);
	if (!dt_snprintf(line, sizeof line, "%s %s: %d. %s", ui_glyph(ui, UI_G_POINTER),
	                 resumed ? "Continue where you left off" : "Start the course",
	                 ui->lessons[i].lesson->number, ui->lessons[i].title))
		line[sizeof line - 1] = '\0';
	ui_puts(ui, y, x, w, line, a);
}

/* An entry: its label, then what it is (Practice also says how many
 * reviews are due). */
static void draw_entry(struct ui *ui, const struct home *h, size_t e, int y,
                       int x, int w, bool sel)
{
	attr_t a = sel ? ui_attr(ui, UI_SELECTED) : A_NORMAL;
	char about[160];

	if (sel)
		ui_fill(y, x - 1, w + 2, a);
	if (entries[e].action == open_practice && h->has_progress) {
		size_t due = h->progress.reviews_due;
		bool ok = due ? dt_snprintf(about, sizeof about, "%s %s %zu review%s "
		                            "due", entries[e].about,
		                            ui_glyph(ui, UI_G_DOT), due, due == 1 ? "" : "s")
		              : dt_snprintf(about, sizeof about, "%s %s no reviews "
		                            "due", entries[e].about,
		                            ui_glyph(ui, UI_G_DOT));

		if (!ok)
			dt_strlcpy(about, entries[e].about, sizeof about);
	} else {
		dt_strlcpy(about, entries[e].about, sizeof about);
	}
	ui_puts(ui, y, x, ENTRY_LABEL_W, entries[e].label, a | A_BOLD);
	ui_puts(ui, y, x + ENTRY_LABEL_W + 2, w - ENTRY_LABEL_W - 2, about,
	        sel ? a : ui_attr(ui, UI_DIM));
}

static void draw_item(struct ui *ui, struct home *h, size_t i, int y)
{
	const struct item *it = &h->items[i];
	bool sel = i == h->sel;
	int x = 2, w = ui->cols - 4;

	switch (it->kind) {
	case ITEM_CONTINUE:
		draw_continue(ui, y, x, w, sel);
		break;
	case ITEM_HEADING:
		draw_column_headings(ui, y, x, w);
		break;
	case ITEM_LESSON:
		draw_lesson_row(ui, h, y, x, w, it->index, sel);
		break;
	case ITEM_ENTRY:
		draw_entry(ui, h, it->index, y, x, w, sel);
		break;
	case ITEM_GAP:
		break;
	}
}

/* One line of the lesson's numbers under its summary. */
static void draw_lesson_numbers(struct ui *ui, const struct home *h,
                                size_t lesson, int y, int w)
{
	const struct app_lesson_summary *ls = &h->progress.lessons[lesson];
	char line[256];
	bool ok;

	if (ls->answers)
		ok = dt_snprintf(line, sizeof line, "Practice: %zu answer%s, %.0f%% right, "
		                 "%zu of %zu questions mastered", ls->answers,
		                 ls->answers == 1 ? "" : "s",
		                 100.0 * (double)ls->correct / (double)ls->answers,
		                 ls->mastered, ls->questions);
	else
		ok = dt_snprintf(line, sizeof line, "Practice: %zu question%s, none "
		                 "answered yet (p practises them)", ls->questions,
		                 ls->questions == 1 ? "" : "s");
	if (ok)
		ui_puts(ui, y, 2, w, line, ui_attr(ui, UI_DIM));
}

/* The summary of the selected lesson under a rule, in rows [y, y + h);
 * cut with an ellipsis when it is longer than the room. */
static void draw_summary(struct ui *ui, struct home *h, int y, int height)
{
	const struct item *it = &h->items[h->sel];
	size_t lesson = it->kind == ITEM_LESSON ? it->index : (size_t)-1;
	int w = ui->cols - 4, i, n;

	if (it->kind == ITEM_CONTINUE && ui->course->n_lessons) {
		bool resumed;

		lesson = ui_progress_continue(ui, &resumed);
	}
	if (lesson == (size_t)-1 || height < 2)
		return;
	if (lesson != h->summary_lesson || w != h->summary_w) {
		const char *src = ui->course->lessons[lesson].summary;
		struct text_options o = {w, !ui->utf8};

		text_doc_free(h->summary);
		h->summary = NULL;
		h->summary_lesson = lesson;
		h->summary_w = w;
		if (text_render(src, strlen(src), &o, &h->summary, NULL) != DT_OK)
			return;
	}
	if (!h->summary)
		return;
	ui_hline(ui, y, 2, w, ui_attr(ui, UI_BORDER));
	if (h->has_progress && height >= 3) {
		draw_lesson_numbers(ui, h, lesson, y + height - 1, w);
		height--;
	}
	n = (int)h->summary->n_lines < height - 1 ? (int)h->summary->n_lines : height - 1;
	for (i = 0; i < n; i++) {
		const struct text_line *tl = &h->summary->lines[i];
		int x = 2;
		size_t k;

		for (k = 0; k < tl->n_spans; k++)
			x += ui_put(ui, y + 1 + i, x, w - (x - 2), tl->spans[k].text,
			            tl->spans[k].len, ui_attr(ui, ui_style_role(tl->spans[k].style)));
		if (i == n - 1 && (size_t)n < h->summary->n_lines)
			ui_puts(ui, y + 1 + i, x < 2 + w ? x : 1 + w, 1,
			        ui_glyph(ui, UI_G_ELLIPSIS), A_NORMAL);
	}
}

static void home_draw(struct ui *ui, void *state)
{
	struct home *h = state;
	char right[64];
	size_t i, n_read = 0;
	int natural = (int)h->n, room = ui->rows - 3, y;

	refresh_progress(ui, h);
	for (i = 0; i < ui->course->n_lessons; i++)
		n_read += ui_lesson_status(ui, i) == UI_READ;
	if (!dt_snprintf(right, sizeof right, "%zu of %zu lessons read", n_read,
	                 ui->course->n_lessons))
		right[0] = '\0';
	ui_draw_header(ui, ui->course_title, right);
	h->list_y = 2;
	h->list_h = natural < room ? natural : room;
	if (h->sel < h->top)
		h->top = h->sel;
	if (h->sel >= h->top + (size_t)h->list_h)
		h->top = h->sel - (size_t)h->list_h + 1;
	if (h->sel < (size_t)h->list_h)
		h->top = 0;
	for (y = 0; y < h->list_h && h->top + (size_t)y < h->n; y++)
		draw_item(ui, h, h->top + (size_t)y, h->list_y + y);
	y = h->list_y + h->list_h;
	draw_summary(ui, h, y, ui->rows - 1 - y);
	ui_draw_footer(ui, ui_home_ops.bindings, ui_home_ops.n_bindings, NULL);
}

/* ---- actions ---------------------------------------------------------- */

static unsigned move_sel(struct ui *ui, void *state, int dir)
{
	struct home *h = state;
	size_t i = h->sel;

	(void)ui;
	for (;;) {
		if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= h->n))
			return UI_NONE;
		i = dir < 0 ? i - 1 : i + 1;
		if (selectable(&h->items[i]))
			break;
	}
	h->sel = i;
	return UI_REDRAW;
}

static unsigned jump_sel(struct ui *ui, void *state, int end)
{
	struct home *h = state;

	h->sel = end ? h->n : 0;
	if (end)
		return move_sel(ui, state, -1) | UI_REDRAW;
	return UI_REDRAW;
}

static unsigned open_lesson(struct ui *ui, struct home *h, size_t lesson)
{
	h->reader = (struct ui_reader_args){lesson, NULL};
	return ui_push(ui, &ui_reader_ops, &h->reader);
}

/* The lesson the selection stands for: a lesson row, or the one
 * "continue" opens; (size_t)-1 on an entry. */
static size_t selected_lesson(const struct ui *ui, const struct home *h)
{
	const struct item *it = &h->items[h->sel];
	bool resumed;

	if (it->kind == ITEM_LESSON)
		return it->index;
	if (it->kind == ITEM_CONTINUE && ui->course->n_lessons)
		return ui_progress_continue(ui, &resumed);
	return (size_t)-1;
}

static unsigned open_practice(struct ui *ui, struct home *h)
{
	return ui_practice_menu(ui, &h->practice, selected_lesson(ui, h));
}

static unsigned practise(struct ui *ui, void *state, int arg)
{
	(void)arg;
	return open_practice(ui, state);
}

static unsigned activate(struct ui *ui, void *state, int arg)
{
	struct home *h = state;
	const struct item *it = &h->items[h->sel];
	bool resumed;

	(void)arg;
	switch (it->kind) {
	case ITEM_CONTINUE:
		if (!ui->course->n_lessons)
			return UI_NONE;
		return open_lesson(ui, h, ui_progress_continue(ui, &resumed));
	case ITEM_LESSON:
		return open_lesson(ui, h, it->index);
	case ITEM_ENTRY:
		if (entries[it->index].action)
			return entries[it->index].action(ui, h);
		if (!entries[it->index].ops)
			return UI_QUIT;
		return ui_push(ui, entries[it->index].ops, NULL);
	default:
		return UI_NONE;
	}
}

static unsigned quit(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_QUIT;
}

static unsigned home_key(struct ui *ui, void *state, const struct ui_event *ev)
{
	struct home *h = state;
	int row;

	if (ev->key != KEY_MOUSE)
		return UI_PASS;
	if (ui_wheel(ev))
		return move_sel(ui, state, ui_wheel(ev));
	if (!ui_is_click(ev))
		return UI_NONE;
	row = ev->mouse.y - h->list_y;
	if (row < 0 || row >= h->list_h || h->top + (size_t)row >= h->n ||
	    !selectable(&h->items[h->top + (size_t)row]))
		return UI_NONE;
	h->sel = h->top + (size_t)row;
	return activate(ui, state, 0);
}

static const struct ui_binding home_bindings[] = {
	UI_BIND(move_sel, 1, "move", "Select the next line", 'j', KEY_DOWN),
	UI_BIND(move_sel, -1, "", "Select the previous line", 'k', KEY_UP),
	UI_BIND(activate, 0, "open", "Open the selected lesson or entry",
	        KEY_ENTER, '\r', '\n', 'l'),
	UI_BIND(jump_sel, 0, NULL, "Select the first line", 'g', KEY_HOME),
	UI_BIND(jump_sel, 1, NULL, "Select the last line", 'G', KEY_END),
	UI_BIND(practise, 0, "practise", "Practise: the selected lesson, a tag, "
	        "mistakes or reviews", 'p'),
	UI_BIND(quit, 0, "quit", "Quit dockertutor", 'q'),
};

const struct ui_screen_ops ui_home_ops = {
	.name = "Home",
	.bindings = UI_BINDINGS(home_bindings),
	.open = home_open,
	.draw = home_draw,
	.key = home_key,
	.close = home_close,
};
