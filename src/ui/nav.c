/* The exam's navigator: a grid of question numbers under the header, each
 * marked answered or unanswered and flagged or not by glyphs of their own
 * (colour only adds to them), the current question highlighted; at most a
 * few rows show, scrolled to the question in focus, and a click on a cell
 * returns it. */
#include <string.h>

#include "ui_int.h"

static int digits(size_t n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

void ui_nav_layout(struct ui *ui, struct ui_nav *nav, size_t n,
                     size_t focus)
{
	size_t rows, focus_row;

	nav->n = n;
	nav->cell_w = digits(n) + 4;     /* " 12" answered flagged " " */
	nav->x = 2;
	nav->per_row = (ui->cols - 4) / nav->cell_w;
	if (nav->per_row < 1)
		nav->per_row = 1;
	rows = (n + (size_t)nav->per_row - 1) / (size_t)nav->per_row;
	nav->rows = rows < UI_NAV_MAX_ROWS ? (int)rows : UI_NAV_MAX_ROWS;
	if (nav->rows < 1)
		nav->rows = 1;
	focus_row = focus / (size_t)nav->per_row;
	if (focus_row < nav->first_row)
		nav->first_row = focus_row;
	if (focus_row >= nav->first_row + (size_t)nav->rows)
		nav->first_row = focus_row - (size_t)nav->rows + 1;
	if (nav->first_row + (size_t)nav->rows > rows)
		nav->first_row = rows > (size_t)nav->rows ? rows - (size_t)nav->rows : 0;
}

static void draw_cell(struct ui *ui, const struct ui_nav *nav,
                      const struct app_exam *e, size_t i, int y, int x,
                      attr_t over)
{
	const struct app_exam_item *item = app_exam_item(e, i);
	char num[24];

	if (!dt_snprintf(num, sizeof num, " %*zu", nav->cell_w - 4, i + 1))
		num[0] = '\0';
	if (over)
		ui_fill(y, x, nav->cell_w - 1, over);
	x += ui_puts(ui, y, x, nav->cell_w, num, over ? over : A_NORMAL);
	x += ui_puts(ui, y, x, 1, ui_glyph(ui, item->answered ? UI_G_ANSWERED
	                                                      : UI_G_BLANK),
	             over ? over : ui_attr(ui, item->answered ? UI_DONE : UI_DIM));
	if (item->flagged)
		ui_puts(ui, y, x, 1, ui_glyph(ui, UI_G_FLAGGED),
		        over ? over : ui_attr(ui, UI_PARTIAL));
}

void ui_nav_draw(struct ui *ui, const struct ui_nav *nav,
                   const struct app_exam *e, size_t current, size_t cursor,
                   int y)
{
	int r, c;

	for (r = 0; r < nav->rows; r++)
		for (c = 0; c < nav->per_row; c++) {
			size_t i = (nav->first_row + (size_t)r) * (size_t)nav->per_row +
			           (size_t)c;
			attr_t over = A_NORMAL;

			if (i >= nav->n)
				return;
			if (i == current)
				over = ui_attr(ui, UI_SELECTED);
			if (i == cursor)
				over = A_REVERSE | A_UNDERLINE | A_BOLD;
			draw_cell(ui, nav, e, i, y + r, nav->x + c * nav->cell_w, over);
		}
}

size_t ui_nav_hit(const struct ui_nav *nav, int y0, int y, int x)
{
	size_t i;
	int r = y - y0, c;

	if (r < 0 || r >= nav->rows || x < nav->x)
		return QUIZ_NONE;
	c = (x - nav->x) / nav->cell_w;
	if (c >= nav->per_row)
		return QUIZ_NONE;
	i = (nav->first_row + (size_t)r) * (size_t)nav->per_row + (size_t)c;
	return i < nav->n ? i : QUIZ_NONE;
}

/* Appends "1-3, 5" for the items in[] marks, or "none". */
static void ranges(struct ui_page *p, const bool *in, size_t n)
{
	size_t i, start = QUIZ_NONE, count = 0;

	for (i = 0; i <= n; i++) {
		bool on = i < n && in[i];

		if (on && start == QUIZ_NONE)
			start = i;
		if (on || start == QUIZ_NONE)
			continue;
		ui_page_printf(p, UI_BOLD, "%s%zu", count++ ? ", " : "", start + 1);
		if (i - 1 > start)
			ui_page_printf(p, UI_BOLD, "%s%zu", i - 1 == start + 1 ? ", " : "-",
			               i);
		start = QUIZ_NONE;
	}
	if (!count)
		ui_page_puts(p, "none", UI_DIM);
}

/* One line "LABEL: 1-3, 5" of the items that which() selects. */
static void range_line(struct ui_page *p, const struct app_exam *e,
                       const char *label, int which)
{
	size_t n = app_exam_count(e), i;
	bool *in = dt_calloc(n + 1, sizeof *in);

	if (!in) {
		p->failed = true;
		return;
	}
	for (i = 0; i < n; i++) {
		const struct app_exam_item *x = app_exam_item(e, i);

		in[i] = which == 0 ? !x->answered : x->flagged;
	}
	ui_page_line(p, 2, UI_NO_TAG);
	ui_page_printf(p, UI_NORMAL, "%s: ", label);
	ranges(p, in, n);
	dt_free(in);
}

void ui_nav_review(struct ui *ui, struct ui_page *p, const struct app_exam *e)
{
	size_t answered, flagged, n = app_exam_count(e);

	app_exam_counts(e, &answered, &flagged);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, "Review before you submit", UI_TITLE);
	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_printf(p, UI_NORMAL, "%zu of %zu answered, %zu flagged, %zu "
	               "unanswered.", answered, n, flagged, n - answered);
	ui_page_blank(p);
	range_line(p, e, "Unanswered", 0);
	range_line(p, e, "Flagged", 1);
	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_printf(p, UI_DONE, "%s", ui_glyph(ui, UI_G_ANSWERED));
	ui_page_puts(p, " answered   ", UI_NORMAL);
	ui_page_printf(p, UI_PARTIAL, "%s", ui_glyph(ui, UI_G_FLAGGED));
	ui_page_puts(p, " flagged   ", UI_NORMAL);
	ui_page_printf(p, UI_DIM, "%s", ui_glyph(ui, UI_G_BLANK));
	ui_page_puts(p, " unanswered", UI_NORMAL);
	ui_page_blank(p);
	ui_page_markdown(ui, p, 0, NULL, UI_NORMAL,
	                 "**s** submits the exam. **g** and a number, or **Tab** "
	                 "and the arrows, go to a question; **Enter** goes back "
	                 "to the one you were on.", UI_NO_TAG);
}
