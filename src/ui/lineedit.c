/* A one-line text editor for the bottom row (the reader's search):
 * typing appends, Backspace removes one character, Ctrl-U clears, Enter
 * accepts and Esc cancels. */
#include <string.h>

#include "ui_int.h"

#define CTRL_KEY(c) ((c) & 0x1f)

/* Appends code point cp as UTF-8 when it fits; false otherwise. */
static bool append(struct ui_lineedit *ed, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	}
	if (ed->len + n > UI_EDIT_MAX)
		return false;
	memcpy(ed->buf + ed->len, u, n);
	ed->len += n;
	ed->buf[ed->len] = '\0';
	return true;
}

static void erase_char(struct ui_lineedit *ed)
{
	while (ed->len > 0) {
		unsigned char c = (unsigned char)ed->buf[--ed->len];

		if ((c & 0xC0) != 0x80)
			break;
	}
	ed->buf[ed->len] = '\0';
}

void ui_lineedit_start(struct ui_lineedit *ed)
{
	ed->len = 0;
	ed->buf[0] = '\0';
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
	if (ed->len == 0)
		return UI_EDIT_CANCEL;         /* as in less and vi */
	erase_char(ed);
	return UI_EDIT_CONTINUE;
}

static unsigned clear_text(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)arg;
	ui_lineedit_start(state);
	return UI_EDIT_CONTINUE;
}

const struct ui_binding ui_lineedit_bindings[] = {
	UI_BIND(done, UI_EDIT_DONE, NULL, "Search for the text typed", KEY_ENTER,
	        '\r', '\n'),
	UI_BIND(done, UI_EDIT_CANCEL, NULL, "Cancel the search", 27),
	UI_BIND(backspace, 0, NULL, "Delete the last character",
	        KEY_BACKSPACE, 127, CTRL_KEY('h')),
	UI_BIND(clear_text, 0, NULL, "Delete the whole text", CTRL_KEY('u')),
};
const size_t ui_n_lineedit_bindings =
	sizeof ui_lineedit_bindings / sizeof ui_lineedit_bindings[0];

enum ui_edit_result ui_lineedit_key(struct ui *ui, struct ui_lineedit *ed,
                                    const struct ui_event *ev)
{
	uint32_t cp = (uint32_t)ev->ch;
	unsigned r = ui_dispatch(ui, ui_lineedit_bindings, ui_n_lineedit_bindings,
	                         ed, ev);

	if (r != UI_PASS)
		return (enum ui_edit_result)r;
	/* Only printable text: no controls, and outside a UTF-8 locale no
	 * bytes that would not be characters. */
	if (ev->ch == 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	    cp > 0x10FFFF || (cp >= 0x80 && !ui->utf8) || dt_utf8_cp_width(cp) < 0)
		return UI_EDIT_CONTINUE;
	if (!append(ed, cp))
		ui_say(ui, true, "The search text is limited to %d bytes", UI_EDIT_MAX);
	return UI_EDIT_CONTINUE;
}

void ui_lineedit_draw(struct ui *ui, const struct ui_lineedit *ed, int y,
                      const char *prompt)
{
	int x = 0, room, w = (int)dt_utf8_width(ed->buf, ed->len);
	const char *s = ed->buf;

	ui_fill(y, 0, ui->cols, A_NORMAL);
	x += ui_puts(ui, y, x, ui->cols, prompt, A_BOLD);
	room = ui->cols - x - 1;
	/* Keep the end of a long text in view: drop characters from the left. */
	while (w > room && *s) {
		uint32_t cp;
		size_t len = dt_utf8_decode(s, strlen(s), &cp);

		if (len == 0)
			len = 1;
		w -= (int)dt_utf8_width(s, len);
		s += len;
	}
	x += ui_puts(ui, y, x, room, s, A_NORMAL);
	move(y, x);
	curs_set(1);
}
