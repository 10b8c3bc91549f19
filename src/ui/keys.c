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
	{CTRL_KEY('c'), "Ctrl-C"},
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

bool ui_read_event(struct ui_event *ev)
{
	wint_t ch;
	int rc = get_wch(&ch);

	memset(ev, 0, sizeof *ev);
	if (rc == ERR)
		return false;
	if (rc == KEY_CODE_YES) {
		ev->key = (int)ch;
		if (ev->key == KEY_MOUSE && getmouse(&ev->mouse) != OK)
			return false;
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
		for (k = 0; k < UI_MAX_KEYS && table[i].keys[k]; k++)
			if (table[i].keys[k] == ev->key)
				return table[i].fn(ui, state, table[i].arg);
	return UI_PASS;
}

const char *ui_binding_keys(const struct ui_binding *b, char *buf,
                            size_t size)
{
	size_t k, j, used = 0;

	buf[0] = '\0';
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
	if (!dt_snprintf(buf, size, "%s", name_of_key(table[i].keys[0], one, sizeof one)))
		return;
	for (j = i + 1; j < n && table[j].footer && !*table[j].footer; j++) {
		used = strlen(buf);
		if (!dt_snprintf(buf + used, size - used, "/%s",
		                 name_of_key(table[j].keys[0], one, sizeof one)))
			return;
	}
}

/* Draws the footer items of table from column x; returns the next x. */
static int footer_items(struct ui *ui, const struct ui_binding *table,
                        size_t n, int x)
{
	attr_t bar = ui_attr(ui, UI_BAR), key = ui_attr(ui, UI_BAR_KEY);
	int y = ui->rows - 1;
	size_t i;

	for (i = 0; i < n; i++) {
		char keys[64];
		int need, room = ui->cols - 1 - x;

		if (!table[i].footer || !*table[i].footer)
			continue;
		footer_item(table, n, i, keys, sizeof keys);
		need = (int)(strlen(keys) + 1 + strlen(table[i].footer));
		if (need > room)
			return ui->cols;
		x += ui_puts(ui, y, x, room, keys, key) + 1;
		x += ui_puts(ui, y, x, room, table[i].footer, bar) + 2;
	}
	return x;
}

void ui_draw_footer(struct ui *ui, const struct ui_binding *table, size_t n,
                    const char *left)
{
	int y = ui->rows - 1, x = 1;
	attr_t bar = ui_attr(ui, UI_BAR);

	ui_fill(y, 0, ui->cols, bar);
	if (ui->message[0]) {
		ui_puts(ui, y, 1, ui->cols - 2, ui->message,
		        ui->message_is_error ? ui_attr(ui, UI_ERROR) : bar | A_BOLD);
		return;
	}
	if (left && *left)
		x += ui_puts(ui, y, x, ui->cols - 2, left, bar | A_BOLD) + 2;
	x = footer_items(ui, table, n, x);
	footer_items(ui, ui_global_bindings, ui_n_global_bindings, x);
}
