/* A framed list drawn over the screen below, to pick one item (the
 * reader's section list, the practice menu).  The caller owns the items
 * and gets the choice through its picked callback. */
#include <string.h>

#include "ui_int.h"

struct pick {
	struct ui_pick_args args;
	size_t sel, top;
	int y, x, h, w;              /* the frame, as last drawn */
};

static void *pick_open(struct ui *ui, const void *arg)
{
	struct pick *p = dt_calloc(1, sizeof *p);

	(void)ui;
	if (!p)
		return NULL;
	p->args = *(const struct ui_pick_args *)arg;
	p->sel = p->args.current < p->args.n ? p->args.current : 0;
	return p;
}

static void pick_close(struct ui *ui, void *state)
{
	(void)ui;
	dt_free(state);
}

static void place(struct ui *ui, struct pick *p)
{
	int widest = (int)strlen(p->args.title) + 4;
	size_t i;

	for (i = 0; i < p->args.n; i++) {
		int w = (int)dt_utf8_width(p->args.items[i], strlen(p->args.items[i])) + 6;

		if (w > widest)
			widest = w;
	}
	p->w = widest + 2 < ui->cols - 4 ? widest + 2 : ui->cols - 4;
	p->h = (int)p->args.n + 2 < ui->rows - 4 ? (int)p->args.n + 2 : ui->rows - 4;
	p->y = (ui->rows - p->h) / 2;
	p->x = (ui->cols - p->w) / 2;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)(p->h - 2))
		p->top = p->sel - (size_t)(p->h - 2) + 1;
}

static void pick_draw(struct ui *ui, void *state)
{
	struct pick *p = state;
	int row;

	place(ui, p);
	for (row = 0; row < p->h; row++)
		ui_fill(p->y + row, p->x, p->w, A_NORMAL);
	ui_box(ui, p->y, p->x, p->h, p->w, ui_attr(ui, UI_BORDER));
	{
		int x = p->x + 2;

		x += ui_puts(ui, p->y, x, p->w - 4, " ", A_NORMAL);
		x += ui_puts(ui, p->y, x, p->w - 5, p->args.title, ui_attr(ui, UI_TITLE));
		ui_puts(ui, p->y, x, p->x + p->w - 2 - x, " ", A_NORMAL);
	}
	for (row = 0; row < p->h - 2 && p->top + (size_t)row < p->args.n; row++) {
		size_t i = p->top + (size_t)row;
		attr_t a = i == p->sel ? ui_attr(ui, UI_SELECTED) : A_NORMAL;
		int y = p->y + 1 + row;

		ui_fill(y, p->x + 1, p->w - 2, a);
		if (p->args.marks)
			ui_puts(ui, y, p->x + 2, 1, p->args.marks[i],
			        i == p->sel ? a : ui_attr(ui, UI_DONE));
		ui_puts(ui, y, p->x + 4, p->w - 6, p->args.items[i], a);
	}
	ui_draw_footer(ui, ui_pick_ops.bindings, ui_pick_ops.n_bindings, NULL);
}

static unsigned step(struct ui *ui, void *state, int dir)
{
	struct pick *p = state;

	(void)ui;
	if (dir < 0 && p->sel > 0)
		p->sel--;
	else if (dir > 0 && p->sel + 1 < p->args.n)
		p->sel++;
	return UI_REDRAW;
}

static unsigned ends(struct ui *ui, void *state, int end)
{
	struct pick *p = state;

	(void)ui;
	p->sel = end && p->args.n ? p->args.n - 1 : 0;
	return UI_REDRAW;
}

static unsigned choose(struct ui *ui, void *state, int arg)
{
	struct pick *p = state;

	(void)arg;
	if (p->args.n == 0)
		return UI_POP;
	return p->args.picked(ui, p->args.ctx, p->sel);
}

static unsigned cancel(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static unsigned pick_key(struct ui *ui, void *state, const struct ui_event *ev)
{
	struct pick *p = state;
	int row;

	if (ev->key != KEY_MOUSE)
		return UI_PASS;
	if (ui_wheel(ev))
		return step(ui, state, ui_wheel(ev));
	if (!ui_is_click(ev))
		return UI_NONE;
	row = ev->mouse.y - p->y - 1;
	if (ev->mouse.x < p->x || ev->mouse.x >= p->x + p->w)
		return UI_POP;                      /* a click outside closes */
	if (row < 0 || row >= p->h - 2 || p->top + (size_t)row >= p->args.n)
		return UI_NONE;
	p->sel = p->top + (size_t)row;
	return choose(ui, state, 0);
}

static const struct ui_binding pick_bindings[] = {
	UI_BIND(step, 1, "move", "Select the next item", 'j', KEY_DOWN),
	UI_BIND(step, -1, "", "Select the previous item", 'k', KEY_UP),
	UI_BIND(ends, 0, NULL, "Select the first item", 'g', KEY_HOME),
	UI_BIND(ends, 1, NULL, "Select the last item", 'G', KEY_END),
	UI_BIND(choose, 0, "go", "Go to the selected item", KEY_ENTER, '\r', '\n'),
	UI_BIND(cancel, 0, "close", "Close the list", 27, 'q', 's', '\t'),
};

const struct ui_screen_ops ui_pick_ops = {
	.name = "Lists (sections, practice)",
	.bindings = UI_BINDINGS(pick_bindings),
	.overlay = true,
	.open = pick_open,
	.draw = pick_draw,
	.key = pick_key,
	.close = pick_close,
};
