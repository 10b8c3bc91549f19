/* A one-line text editor (the reader's search, typed answers, a question
 * number): typing inserts at the cursor, Left/Right and Home/End move it
 * by characters, Backspace and Delete remove one, Ctrl-U clears, Enter
 * accepts and Esc cancels.  The text is UTF-8 and the cursor never lands
 * inside a character. */
#include <string.h>

#include "ui_int.h"

#define CTRL_KEY(c) ((c) & 0x1f)

/* Encodes cp as UTF-8 into u; returns the length. */
static size_t encode(uint32_t cp, char u[4])
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | (cp >> 18));
	u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Inserts code point cp at the cursor when it fits; false otherwise. */
static bool insert(struct ui_lineedit *ed, uint32_t cp)
{
	char u[4];
	size_t n = encode(cp, u);

	if (ed->len + n > UI_EDIT_MAX)
		return false;
	memmove(ed->buf + ed->pos + n, ed->buf + ed->pos, ed->len - ed->pos + 1);
	memcpy(ed->buf + ed->pos, u, n);
	ed->len += n;
	ed->pos += n;
	return true;
}

static bool is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* The start of the character before byte offset at. */
static size_t prev_char(const struct ui_lineedit *ed, size_t at)
{
	while (at > 0 && is_cont(ed->buf[--at]))
		;
	return at;
}

/* The end of the character starting at byte offset at. */
static size_t next_char(const struct ui_lineedit *ed, size_t at)
{
	if (at < ed->len)
		at++;
	while (at < ed->len && is_cont(ed->buf[at]))
		at++;
	return at;
}

static void cut(struct ui_lineedit *ed, size_t from, size_t to)
{
	memmove(ed->buf + from, ed->buf + to, ed->len - to + 1);
	ed->len -= to - from;
	ed->pos = from;
}

void ui_lineedit_start(struct ui_lineedit *ed, bool backspace_cancels)
{
	ed->len = ed->pos = 0;
	ed->buf[0] = '\0';
	ed->backspace_cancels = backspace_cancels;
	ed->digits_only = false;
}

void ui_lineedit_set(struct ui_lineedit *ed, const char *text)
{
	size_t n = strlen(text);

	if (n > UI_EDIT_MAX) {
		n = UI_EDIT_MAX;
		while (n > 0 && is_cont(text[n]))
			n--;
	}
	memcpy(ed->buf, text, n);
	ed->buf[n] = '\0';
	ed->len = ed->pos = n;
}

/* The editing keys.  Their functions return enum ui_edit_result, not a
 * reaction: the editor's owner decides what the loop does. */
static unsigned done(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	return (unsigned)arg;
}

static unsigned backspace(struct ui *ui, void *state, int arg)
{
	struct ui_lineedit *ed = state;

	(void)ui;
	(void)arg;
	if (ed->len == 0 && ed->backspace_cancels)
		return UI_EDIT_CANCEL;         /* as in less and vi */
	if (ed->pos > 0)
		cut(ed, prev_char(ed, ed->pos), ed->pos);
	return UI_EDIT_CONTINUE;
}

static unsigned delete_char(struct ui *ui, void *state, int arg)
{
	struct ui_lineedit *ed = state;

	(void)ui;
	(void)arg;
	if (ed->pos < ed->len)
		cut(ed, ed->pos, next_char(ed, ed->pos));
	return UI_EDIT_CONTINUE;
}

static unsigned clear_text(struct ui *ui, void *state, int arg)
{
	struct ui_lineedit *ed = state;

	(void)ui;
	(void)arg;
	ed->len = ed->pos = 0;
	ed->buf[0] = '\0';
	return UI_EDIT_CONTINUE;
}

static unsigned move_cursor(struct ui *ui, void *state, int where)
{
	struct ui_lineedit *ed = state;

	(void)ui;
	switch (where) {
	case -1: ed->pos = prev_char(ed, ed->pos); break;
	case 1: ed->pos = next_char(ed, ed->pos); break;
	case -2: ed->pos = 0; break;
	default: ed->pos = ed->len; break;
	}
	return UI_EDIT_CONTINUE;
}

const struct ui_binding ui_lineedit_bindings[] = {
	UI_BIND(done, UI_EDIT_DONE, NULL, "Accept the text typed", KEY_ENTER,
	        '\r', '\n'),
	UI_BIND(done, UI_EDIT_CANCEL, NULL, "Cancel the typing", 27),
	UI_BIND(backspace, 0, NULL, "Delete the character before the cursor",
	        KEY_BACKSPACE, 127, CTRL_KEY('h')),
	UI_BIND(delete_char, 0, NULL, "Delete the character under the cursor",
	        KEY_DC, CTRL_KEY('d')),
	UI_BIND(clear_text, 0, NULL, "Delete the whole text", CTRL_KEY('u')),
	UI_BIND(move_cursor, -1, NULL, "Move the cursor left", KEY_LEFT, CTRL_KEY('b')),
	UI_BIND(move_cursor, 1, NULL, "Move the cursor right", KEY_RIGHT, CTRL_KEY('f')),
	UI_BIND(move_cursor, -2, NULL, "Move to the start", KEY_HOME, CTRL_KEY('a')),
	UI_BIND(move_cursor, 2, NULL, "Move to the end", KEY_END, CTRL_KEY('e')),
};
const size_t ui_n_lineedit_bindings =
	sizeof ui_lineedit_bindings / sizeof ui_lineedit_bindings[0];

/* Only printable text: no controls, and outside a UTF-8 locale no bytes
 * that would not be characters. */
static bool typable(const struct ui *ui, const struct ui_lineedit *ed,
                    const struct ui_event *ev)
{
	uint32_t cp = (uint32_t)ev->ch;

	if (ev->ch == 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	    cp > 0x10FFFF || (cp >= 0x80 && !ui->utf8) || dt_utf8_cp_width(cp) < 0)
		return false;
	return !ed->digits_only || (cp >= '0' && cp <= '9');
}

enum ui_edit_result ui_lineedit_key(struct ui *ui, struct ui_lineedit *ed,
                                    const struct ui_event *ev)
{
	unsigned r = ui_dispatch(ui, ui_lineedit_bindings, ui_n_lineedit_bindings,
	                         ed, ev);

	if (r != UI_PASS)
		return (enum ui_edit_result)r;
	if (!typable(ui, ed, ev))
		return UI_EDIT_CONTINUE;
	if (!insert(ed, (uint32_t)ev->ch))
		ui_say(ui, true, "The text is limited to %d bytes", UI_EDIT_MAX);
	return UI_EDIT_CONTINUE;
}

void ui_lineedit_draw_at(struct ui *ui, const struct ui_lineedit *ed, int y,
                         int x, int w, attr_t attr)
{
	const char *s = ed->buf;
	int before = (int)dt_utf8_width(ed->buf, ed->pos), used;

	if (w < 2)
		return;
	ui_fill(y, x, w, attr);
	/* Keep the cursor in view: drop characters from the left. */
	while (before > w - 1 && s < ed->buf + ed->pos) {
		uint32_t cp;
		size_t len = dt_utf8_decode(s, (size_t)(ed->buf + ed->len - s), &cp);

		if (len == 0)
			len = 1;
		before -= (int)dt_utf8_width(s, len);
		s += len;
	}
	used = ui_put(ui, y, x, w, s, (size_t)(ed->buf + ed->len - s), attr);
	(void)used;
	move(y, x + before);
	curs_set(1);
}

void ui_lineedit_draw(struct ui *ui, const struct ui_lineedit *ed, int y,
                      const char *prompt)
{
	int x;

	ui_fill(y, 0, ui->cols, A_NORMAL);
	x = ui_puts(ui, y, 0, ui->cols, prompt, A_BOLD);
	ui_lineedit_draw_at(ui, ed, y, x, ui->cols - x, A_NORMAL);
}
