/* Keys: reading one event, looking a key up in a screen's binding table,
 * and the names that the key footer and `?` help show. */
#include <string.h>

#include "ui_int.h"

#define CTRL_KEY(c) ((c) & 0x1f)

/* Names of the keys that are not printable as themselves. */
static const struct {
	int key;
	const char *name;
} key_labels[] = {
	{KEY_DOWN, "Down"},      {KEY_UP, "Up"},
	{KEY_LEFT, "Left"},      {KEY_RIGHT, "Right"},
	{KEY_NPAGE, "PgDn"},     {KEY_PPAGE, "PgUp"},
	{KEY_HOME, "Home"},      {KEY_END, "End"},
	{KEY_ENTER, "Enter"},    {'\n', "Enter"},
	{'\r', "Enter"},         {'\t', "Tab"},
	{KEY_BTAB, "S-Tab"},     {27, "Esc"},
	{' ', "Space"},          {KEY_BACKSPACE, "Backspace"},
	{127, "Backspace"},      {CTRL_KEY('h'), "Backspace"},
	{CTRL_KEY('l'), "Ctrl-L"}, {CTRL_KEY('u'), "Ctrl-U"},
	{CTRL_KEY('c'), "Ctrl-C"},    {KEY_DC, "Delete"},
	{CTRL_KEY('a'), "Ctrl-A"},    {CTRL_KEY('b'), "Ctrl-B"},
	{CTRL_KEY('d'), "Ctrl-D"},    {CTRL_KEY('e'), "Ctrl-E"},
	{CTRL_KEY('f'), "Ctrl-F"},    {KEY_F(1), "F1"},
};

static const char *name_of_key(int key, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < sizeof key_labels / sizeof key_labels[0]; i++)
		if (key_labels[i].key == key)
			return key_labels[i].name;
	if (key > 32 && key < 127 && size >= 2) {
		buf[0] = (char)key;
		buf[1] = '\0';
		return buf;
	}
	return "?";
}

/* A click is a press, or the release of a press that never came: curses
 * sometimes hands over only the release of the two reports a terminal
 * sends.  False when the event is the release of a press already given. */
static bool as_click(struct ui *ui, MEVENT *m)
{
	bool pressed = (m->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0;
	bool seen;

	if (!pressed && !(m->bstate & BUTTON1_RELEASED))
		return true;
	seen = ui->button_down && ui->button_y == m->y && ui->button_x == m->x;
	ui->button_down = (m->bstate & BUTTON1_PRESSED) != 0;
	ui->button_y = m->y;
	ui->button_x = m->x;
	if (!pressed && seen)
		return false;
	m->bstate = BUTTON1_CLICKED;
	return true;
}

bool ui_read_event(struct ui *ui, struct ui_event *ev)
{
	wint_t ch;
	int rc = get_wch(&ch);

	memset(ev, 0, sizeof *ev);
	if (rc == ERR)
		return false;
	if (rc == KEY_CODE_YES) {
		ev->key = (int)ch;
		if (ev->key == KEY_MOUSE)
			return getmouse(&ev->mouse) == OK && as_click(ui, &ev->mouse);
		return true;
	}
	ev->ch = ch;
	/* Characters that share their value with KEY_* codes are text only. */
	ev->key = ch < KEY_MIN ? (int)ch : 0;
	return true;
}

unsigned ui_dispatch(struct ui *ui, const struct ui_binding *table, size_t n,
                     void *state, const struct ui_event *ev)
{
	size_t i, k;

	if (ev->key == 0)
		return UI_PASS;
	for (i = 0; i < n; i++)
		for (k = 0; table[i].fn && k < UI_MAX_KEYS && table[i].keys[k]; k++)
			if (table[i].keys[k] == ev->key)
				return table[i].fn(ui, state, table[i].arg);
	return UI_PASS;
}

bool ui_binds(const struct ui_binding *table, size_t n, int key)
{
	size_t i, k;

	for (i = 0; i < n; i++)
		for (k = 0; table[i].fn && k < UI_MAX_KEYS && table[i].keys[k]; k++)
			if (table[i].keys[k] == key)
				return true;
	return false;
}

bool ui_is_click(const struct ui_event *ev)
{
	return ev->key == KEY_MOUSE && (ev->mouse.bstate & BUTTON1_CLICKED);
}

int ui_wheel(const struct ui_event *ev)
{
	if (ev->key != KEY_MOUSE)
		return 0;
	if (ev->mouse.bstate & BUTTON4_PRESSED)
		return -1;
#ifdef BUTTON5_PRESSED
	if (ev->mouse.bstate & BUTTON5_PRESSED)
		return 1;
#endif
	return 0;
}

const char *ui_binding_keys(const struct ui_binding *b, char *buf,
                            size_t size)
{
	size_t k, j, used = 0;

	buf[0] = '\0';
	if (b->keys_text) {
		dt_strlcpy(buf, b->keys_text, size);
		return buf;
	}
	for (k = 0; k < UI_MAX_KEYS && b->keys[k]; k++) {
		char one[2], other[2];
		const char *name = name_of_key(b->keys[k], one, sizeof one);
		bool seen = false;

		/* Enter is three keys to curses but one to the learner. */
		for (j = 0; j < k && !seen; j++)
			seen = strcmp(name_of_key(b->keys[j], other, sizeof other), name) == 0;
		if (seen)
			continue;
		if (!dt_snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
		                 name))
			break;
		used += strlen(buf + used);
	}
	return buf;
}

/* The footer's text of binding i: its first key, the first keys of the
 * rows after it whose footer is "" (so "j/k scroll" comes from two rows),
 * and its label. */
static void footer_item(const struct ui_binding *table, size_t n, size_t i,
                        char *buf, size_t size)
{
	char one[2];
	size_t j, used;

	buf[0] = '\0';
	if (!dt_snprintf(buf, size, "%s", table[i].keys_text ? table[i].keys_text
	                 : name_of_key(table[i].keys[0], one, sizeof one)))
		return;
	for (j = i + 1; j < n && table[j].footer && !*table[j].footer; j++) {
		used = strlen(buf);
		if (!dt_snprintf(buf + used, size - used, "/%s",
		                 name_of_key(table[j].keys[0], one, sizeof one)))
			return;
	}
}

/* Draws the footer items of table from column x up to column end;
 * returns the next x.  Items that do not fit are left out. */
static int footer_items(struct ui *ui, const struct ui_binding *table,
                        size_t n, int x, int end)
{
	attr_t bar = ui_attr(ui, UI_BAR), key = ui_attr(ui, UI_BAR_KEY);
	int y = ui->rows - 1;
	size_t i;

	for (i = 0; i < n; i++) {
		char keys[64];
		int need, room = end - x;

		if (!table[i].footer || !*table[i].footer)
			continue;
		footer_item(table, n, i, keys, sizeof keys);
		need = (int)(dt_utf8_width(keys, strlen(keys)) + 1 +
		             strlen(table[i].footer));
		if (need > room)
			return end;
		x += ui_puts(ui, y, x, room, keys, key) + 1;
		x += ui_puts(ui, y, x, room, table[i].footer, bar) + 2;
	}
	return x;
}

/* Columns the items of table take in the footer. */
static int footer_width(const struct ui_binding *table, size_t n)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n; i++) {
		char keys[64];

		if (!table[i].footer || !*table[i].footer)
			continue;
		footer_item(table, n, i, keys, sizeof keys);
		w += (int)(dt_utf8_width(keys, strlen(keys)) + 1 +
		           strlen(table[i].footer)) + 2;
	}
	return w;
}

void ui_draw_footer_mode(struct ui *ui, const struct ui_keymap *mode,
                         const struct ui_binding *table, size_t n,
                         const char *left)
{
	int y = ui->rows - 1, x = 1;
	int global = footer_width(ui_global_bindings, ui_n_global_bindings);
	attr_t bar = ui_attr(ui, UI_BAR);

	ui_fill(y, 0, ui->cols, bar);
	if (ui->message[0]) {
		ui_puts(ui, y, 1, ui->cols - 2, ui->message,
		        ui->message_is_error ? ui_attr(ui, UI_ERROR) : bar | A_BOLD);
		return;
	}
	if (left && *left)
		x += ui_puts(ui, y, x, ui->cols - 2, left, bar | A_BOLD) + 2;
	/* The way to help always shows: the other keys get what is left. */
	if (mode)
		x = footer_items(ui, mode->bindings, mode->n, x,
		                 ui->cols - 1 - global);
	x = footer_items(ui, table, n, x, ui->cols - 1 - global);
	footer_items(ui, ui_global_bindings, ui_n_global_bindings, x,
	             ui->cols - 1);
}

void ui_draw_footer(struct ui *ui, const struct ui_binding *table, size_t n,
                    const char *left)
{
	ui_draw_footer_mode(ui, NULL, table, n, left);
}
