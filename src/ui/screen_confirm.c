/* A yes/no question drawn over the screen below: submitting an exam with
 * questions unanswered, leaving an exam, resetting an exercise.  y runs
 * the caller's callback once the question has closed; anything that says
 * no (n, Esc, q) only closes it, so nothing happens by accident. */
#include <string.h>

#include "ui_int.h"

#define CONFIRM_MAX_W 64

struct confirm {
	struct ui_confirm_args args;
	struct text_doc *doc;        /* the text at doc_w */
	int doc_w;
	int yes_y, yes_x;            /* the [y] Yes button, as last drawn */
};

static void *confirm_open(struct ui *ui, const void *arg)
{
	struct confirm *c = dt_calloc(1, sizeof *c);

	(void)ui;
	if (!c)
		return NULL;
	c->args = *(const struct ui_confirm_args *)arg;
	c->yes_y = -1;
	return c;
}

static void confirm_close(struct ui *ui, void *state)
{
	struct confirm *c = state;

	(void)ui;
	text_doc_free(c->doc);
	dt_free(c);
}

static void confirm_draw(struct ui *ui, void *state)
{
	struct confirm *c = state;
	int w = ui->cols - 4 < CONFIRM_MAX_W ? ui->cols - 4 : CONFIRM_MAX_W;
	int y, x, i, n;

	if (!c->doc || c->doc_w != w - 4) {
		struct text_options o = {w - 4, !ui->utf8};

		text_doc_free(c->doc);
		c->doc = NULL;
		c->doc_w = w - 4;
		if (text_render(c->args.text, strlen(c->args.text), &o, &c->doc,
		                NULL) != DT_OK)
			c->doc = NULL;
	}
	n = c->doc ? (int)c->doc->n_lines : 0;
	if (n > ui->rows - 8)
		n = ui->rows - 8;
	ui_draw_dialog(ui, n + 4, w, c->args.title, &y, &x);
	for (i = 0; i < n; i++) {
		const struct text_line *tl = &c->doc->lines[i];
		int cx = x;
		size_t k;

		for (k = 0; k < tl->n_spans; k++)
			cx += ui_put(ui, y + i, cx, x + w - 4 - cx, tl->spans[k].text,
			             tl->spans[k].len,
			             ui_attr(ui, ui_style_role(tl->spans[k].style)));
	}
	c->yes_y = y + n + 1;
	c->yes_x = x;
	x += ui_puts(ui, c->yes_y, x, w - 4, "[y] Yes", ui_attr(ui, UI_SELECTED));
	ui_puts(ui, c->yes_y, x + 3, w - 4 - (x + 3 - c->yes_x), "[n] No",
	        ui_attr(ui, UI_BOLD));
	ui_draw_footer(ui, ui_confirm_ops.bindings, ui_confirm_ops.n_bindings,
	               NULL);
}

static unsigned yes(struct ui *ui, void *state, int arg)
{
	struct confirm *c = state;

	(void)arg;
	ui->after_pop = c->args.yes;
	ui->after_pop_ctx = c->args.ctx;
	return UI_POP | UI_REDRAW;
}

static unsigned no(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP | UI_REDRAW;
}

static unsigned confirm_key(struct ui *ui, void *state,
                            const struct ui_event *ev)
{
	struct confirm *c = state;

	if (ev->key != KEY_MOUSE)
		return UI_PASS;
	if (ui_is_click(ev) && ev->mouse.y == c->yes_y &&
	    ev->mouse.x >= c->yes_x && ev->mouse.x < c->yes_x + 7)
		return yes(ui, state, 0);
	if (ui_is_click(ev) && ev->mouse.y == c->yes_y &&
	    ev->mouse.x >= c->yes_x + 10 && ev->mouse.x < c->yes_x + 16)
		return no(ui, state, 0);
	return UI_NONE;
}

static const struct ui_binding confirm_bindings[] = {
	UI_BIND(yes, 0, "yes", "Yes: go ahead", 'y', 'Y'),
	UI_BIND(no, 0, "no", "No: leave things as they are", 'n', 'N', 27, 'q'),
};

const struct ui_screen_ops ui_confirm_ops = {
	.name = "A yes/no question",
	.bindings = UI_BINDINGS(confirm_bindings),
	.overlay = true,
	.open = confirm_open,
	.draw = confirm_draw,
	.key = confirm_key,
	.close = confirm_close,
};
