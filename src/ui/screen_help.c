/* The help screen (`?`, F1): every screen's key bindings, straight from
 * their tables (a screen with modes lists each mode's keys after its
 * own), then the keys of typing and those that work everywhere.
 *
 * Design: the lines (keys and what they do) are made once; the rows on
 * screen are laid out from them for the window's width, a binding's text
 * wrapped at spaces onto rows under its own column, and laid out again
 * when the width changes, keeping the line at the top in view. */
#include <string.h>

#include "ui_int.h"

#define KEYS_COLUMN 22

struct help_line {
	const char *keys;            /* NULL: a heading (text) or a gap */
	const char *text;
};

/* One row on screen: the part [off, off + len) of a line's text (the keys
 * show on the row where off is 0). */
struct help_row {
	size_t line, off, len;
};

struct help {
	struct help_line *lines;
	size_t n;
	struct help_row *rows;       /* laid out for rows_w columns of text */
	size_t n_rows;
	int rows_w;                  /* 0: not laid out yet */
	size_t top;                  /* the first row shown */
	size_t top_line;             /* the line to keep at the top */
	struct dt_arena arena;       /* the key texts */
};

static bool add_table(struct help *h, size_t *k, const char *name,
                      const struct ui_binding *table, size_t n)
{
	size_t i;

	if (n == 0)
		return true;
	if (*k)
		h->lines[(*k)++] = (struct help_line){NULL, NULL};
	h->lines[(*k)++] = (struct help_line){NULL, name};
	for (i = 0; i < n; i++) {
		char buf[64];

		ui_binding_keys(&table[i], buf, sizeof buf);
		h->lines[*k].keys = dt_arena_strdup(&h->arena, buf);
		h->lines[*k].text = table[i].help;
		if (!h->lines[(*k)++].keys)
			return false;
	}
	return true;
}

/* A screen's own keys, then each of its modes' under "SCREEN: MODE". */
static bool add_screen(struct help *h, size_t *k,
                       const struct ui_screen_ops *ops)
{
	size_t m;
	bool ok = add_table(h, k, ops->name, ops->bindings, ops->n_bindings);

	for (m = 0; ok && m < ops->n_modes; m++) {
		const char *name;

		if (!ops->modes[m].name)
			continue;            /* a footer of another mode */
		name = dt_arena_printf(&h->arena, "%s: %s", ops->name,
		                       ops->modes[m].name);
		ok = name && add_table(h, k, name, ops->modes[m].bindings,
		                       ops->modes[m].n);
	}
	return ok;
}

static void *help_open(struct ui *ui, const void *arg)
{
	struct help *h = dt_calloc(1, sizeof *h);
	size_t i, m, k = 0;
	size_t total = ui_n_global_bindings + ui_n_lineedit_bindings + 4;
	bool ok = h != NULL;

	(void)arg;
	for (i = 0; i < ui_n_all_screens; i++) {
		total += ui_all_screens[i]->n_bindings + 2;
		for (m = 0; m < ui_all_screens[i]->n_modes; m++)
			total += ui_all_screens[i]->modes[m].n + 2;
	}
	if (ok) {
		dt_arena_init(&h->arena);
		h->lines = dt_calloc(total, sizeof *h->lines);
		ok = h->lines != NULL;
	}
	for (i = 0; ok && i < ui_n_all_screens; i++)
		ok = add_screen(h, &k, ui_all_screens[i]);
	ok = ok && add_table(h, &k, "Typing a search or an answer",
	                     ui_lineedit_bindings, ui_n_lineedit_bindings);
	ok = ok && add_table(h, &k, "Everywhere", ui_global_bindings,
	                     ui_n_global_bindings);
	if (!ok) {
		if (h) {
			dt_arena_fini(&h->arena);
			dt_free(h->lines);
		}
		dt_free(h);
		return NULL;
	}
	h->n = k;
	/* Open at the keys of the screen help was asked from. */
	for (i = 0; ui->depth && i < h->n; i++)
		if (!h->lines[i].keys && h->lines[i].text &&
		    strcmp(h->lines[i].text, ui->stack[ui->depth - 1].ops->name) == 0) {
			h->top_line = i;
			break;
		}
	return h;
}

static void help_close(struct ui *ui, void *state)
{
	struct help *h = state;

	(void)ui;
	dt_arena_fini(&h->arena);
	dt_free(h->lines);
	dt_free(h->rows);
	dt_free(h);
}

static int view_h(const struct ui *ui)
{
	return ui->rows - 2;
}

/* Columns of a binding's text: right of the keys, inside the margins. */
static int text_w(const struct ui *ui)
{
	int w = ui->cols - 6 - KEYS_COLUMN;

	return w > 8 ? w : 8;
}

/* Appends the rows of line i; false when out of memory. */
static bool add_rows(struct help *h, size_t i, int w, struct help_row **rows,
                     size_t *n, size_t *cap)
{
	const char *text = h->lines[i].text ? h->lines[i].text : "";
	size_t off = 0;

	do {
		size_t len = h->lines[i].keys ? ui_wrap(text + off, w)
		                              : strlen(text + off);

		if (*n == *cap) {
			size_t more = *cap ? 2 * *cap : 64;
			struct help_row *r = dt_realloc(*rows, more * sizeof *r);

			if (!r)
				return false;
			*rows = r;
			*cap = more;
		}
		(*rows)[(*n)++] = (struct help_row){i, off, len};
		off += len;
		while (text[off] == ' ')
			off++;
	} while (text[off]);
	return true;
}

/* Lays the rows out for the window's width, the line top_line first in
 * view; the rows before stay when memory runs out. */
static void layout(struct ui *ui, struct help *h)
{
	struct help_row *rows = NULL;
	size_t n = 0, cap = 0, i;
	int w = text_w(ui);
	bool ok = true;

	for (i = 0; ok && i < h->n; i++)
		ok = add_rows(h, i, w, &rows, &n, &cap);
	if (!ok) {
		dt_free(rows);
		ui_say(ui, true, "Out of memory laying the help out");
		return;
	}
	dt_free(h->rows);
	h->rows = rows;
	h->n_rows = n;
	h->rows_w = w;
	for (h->top = 0; h->top < n && rows[h->top].line < h->top_line; h->top++)
		;
}

static size_t max_top(const struct ui *ui, const struct help *h)
{
	return h->n_rows > (size_t)view_h(ui) ? h->n_rows - (size_t)view_h(ui) : 0;
}

static void draw_row(struct ui *ui, const struct help *h,
                     const struct help_row *r, int y)
{
	const struct help_line *l = &h->lines[r->line];

	if (!l->text)
		return;
	if (!l->keys) {
		ui_puts(ui, y, 2, ui->cols - 4, l->text, ui_attr(ui, UI_SECTION));
		return;
	}
	if (r->off == 0)
		ui_puts(ui, y, 4, KEYS_COLUMN - 2, l->keys, ui_attr(ui, UI_BOLD));
	ui_put(ui, y, 4 + KEYS_COLUMN, text_w(ui), l->text + r->off, r->len,
	       A_NORMAL);
}

static void help_draw(struct ui *ui, void *state)
{
	struct help *h = state;
	int y;

	if (h->rows_w != text_w(ui))
		layout(ui, h);
	if (h->top > max_top(ui, h))
		h->top = max_top(ui, h);
	ui_draw_header(ui, "Keys", ui->course_title);
	for (y = 0; y < view_h(ui) && h->top + (size_t)y < h->n_rows; y++)
		draw_row(ui, h, &h->rows[h->top + (size_t)y], 1 + y);
	ui_draw_footer(ui, ui_help_ops.bindings, ui_help_ops.n_bindings, NULL);
}

/* Moves the top by lines rows; the line at the top is kept across a
 * change of width. */
static unsigned scroll_by(struct ui *ui, void *state, int lines)
{
	struct help *h = state;
	size_t max = max_top(ui, h);

	if (lines < 0)
		h->top = (size_t)-lines > h->top ? 0 : h->top - (size_t)-lines;
	else
		h->top = h->top + (size_t)lines > max ? max : h->top + (size_t)lines;
	h->top_line = h->top < h->n_rows ? h->rows[h->top].line : 0;
	return UI_REDRAW;
}

static unsigned ends(struct ui *ui, void *state, int end)
{
	struct help *h = state;

	h->top = end ? h->n_rows : 0;
	return scroll_by(ui, state, 0);
}

static unsigned page(struct ui *ui, void *state, int dir)
{
	return scroll_by(ui, state, dir * (view_h(ui) > 2 ? view_h(ui) - 2 : 1));
}

static unsigned close_help(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static const struct ui_binding help_bindings[] = {
	UI_BIND(scroll_by, 1, "scroll", "Scroll down one line", 'j', KEY_DOWN),
	UI_BIND(scroll_by, -1, "", "Scroll up one line", 'k', KEY_UP),
	UI_BIND(page, 1, NULL, "Scroll down one page", ' ', KEY_NPAGE, 'f'),
	UI_BIND(page, -1, NULL, "Scroll up one page", 'b', KEY_PPAGE),
	UI_BIND(ends, 0, NULL, "Go to the top", 'g', KEY_HOME),
	UI_BIND(ends, 1, NULL, "Go to the end", 'G', KEY_END),
	UI_BIND(close_help, 0, "back", "Close the help", 'q', 27, '?', KEY_LEFT),
};

const struct ui_screen_ops ui_help_ops = {
	.name = "Help",
	.bindings = UI_BINDINGS(help_bindings),
	.open = help_open,
	.draw = help_draw,
	.close = help_close,
};
