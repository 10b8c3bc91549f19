/* Charts drawn with text: horizontal bars in eighths of a cell and a
 * column chart with a dashed mark line, in block characters in UTF-8 and
 * '#' in ASCII, added to a page like any other text. */
#include <math.h>
#include <string.h>

#include "ui_int.h"

#define MAX_CHART_W 256         /* cells of one bar or chart row */

/* Left-aligned eighths (U+2589 is seven eighths ... U+258F one) and
 * bottom-aligned eighths (U+2581 one ... U+2588 eight). */
static const char *const left_eighths[8] = {
	"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589",
};
static const char *const low_eighths[9] = {
	" ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587",
	"\u2588",
};

/* Appends glyph g to buf at *n; buf has room for every cell of a chart
 * row (MAX_CHART_W cells of at most 4 bytes). */
static void cat(char *buf, size_t *n, const char *g)
{
	size_t len = strlen(g);

	memcpy(buf + *n, g, len);
	*n += len;
}

/* Eighths of width cells that value out of max fills. */
static int eighths(double value, double max, int width)
{
	double f = max > 0 ? value / max : 0;

	if (!(f > 0))
		return 0;
	if (f > 1)
		f = 1;
	return (int)lround(f * width * 8);
}

void ui_chart_bar(struct ui *ui, struct ui_page *p, int width, double value,
                  double max, enum ui_role role)
{
	char buf[MAX_CHART_W * 4 + 8], track[MAX_CHART_W * 4 + 8];
	int e, full, i;
	size_t n = 0, t = 0;

	if (width > MAX_CHART_W)
		width = MAX_CHART_W;
	e = eighths(value, max, width);
	full = e / 8;
	for (i = 0; i < full; i++)
		cat(buf, &n, ui_glyph(ui, UI_G_BLOCK));
	if (ui->utf8 && e % 8 && full < width) {
		cat(buf, &n, left_eighths[e % 8]);
		full++;
	} else if (!ui->utf8 && e % 8 >= 4 && full < width) {
		cat(buf, &n, "#");       /* rounds half a cell up */
		full++;
	}
	for (i = full; i < width; i++)
		cat(track, &t, ui_glyph(ui, UI_G_TRACK));
	ui_page_add(p, buf, n, role, A_NORMAL);
	ui_page_add(p, track, t, UI_DIM, A_NORMAL);
}

/* The cell of a column at row r (0 the top) of height rows, in eighths
 * of the whole height: full, a partial top, or empty. */
static const char *column_cell(const struct ui *ui, int e, int r, int height)
{
	int below = (height - 1 - r) * 8, in = e - below;

	if (in >= 8)
		return ui_glyph(ui, UI_G_BLOCK);
	if (in <= 0)
		return " ";
	if (ui->utf8)
		return low_eighths[in];
	return in >= 4 ? "#" : " ";
}

/* The row of the mark line, or -1. */
static int mark_row(double mark, int height)
{
	int e;

	if (mark < 0)
		return -1;
	e = eighths(mark, 100, height);
	return height - 1 - (e > 0 ? (e - 1) / 8 : 0);
}

void ui_chart_columns(struct ui *ui, struct ui_page *p, int indent,
                      const double *values, size_t n, int height,
                      double mark, enum ui_role role,
                      enum ui_role pass_role)
{
	int r, mr = mark_row(mark, height);
	size_t i;

	if (n > MAX_CHART_W / 3)
		n = MAX_CHART_W / 3;
	for (r = 0; r < height; r++) {
		ui_page_line(p, indent, UI_NO_TAG);
		/* The scale: 100% at the top, 0% at the bottom. */
		ui_page_puts(p, r == 0 ? "100% " : r == height - 1 ? "  0% " : "     ",
		             UI_DIM);
		for (i = 0; i < n; i++) {
			int e = eighths(values[i], 100, height);
			const char *cell = column_cell(ui, e, r, height);
			bool empty = strcmp(cell, " ") == 0;
			const char *gap = r == mr ? ui_glyph(ui, UI_G_DASH) : " ";

			ui_page_puts(p, gap, UI_LINE);
			if (empty && r == mr) {
				ui_page_puts(p, gap, UI_LINE);
				ui_page_puts(p, gap, UI_LINE);
				continue;
			}
			ui_page_add(p, cell, strlen(cell),
			            mark >= 0 && values[i] >= mark ? pass_role : role,
			            A_NORMAL);
			ui_page_add(p, cell, strlen(cell),
			            mark >= 0 && values[i] >= mark ? pass_role : role,
			            A_NORMAL);
		}
		if (r == mr)
			ui_page_printf(p, UI_LINE, "%s pass mark %.0f%%",
			               ui_glyph(ui, UI_G_DASH), mark);
	}
}
