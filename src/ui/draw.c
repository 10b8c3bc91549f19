/* Drawing helpers shared by the screens: colour roles, width-aware text,
 * frames in UTF-8 or ASCII, the header bar.
 *
 * Text is measured with dt_utf8_width, the same measure the text renderer
 * wraps with, so a wrapped line never spills into the next row.  Outside a
 * UTF-8 locale every other character is drawn as an ASCII stand-in of the
 * same width, which keeps tables and frames aligned. */
#include <inttypes.h>
#include <string.h>

#include "ui_int.h"

static const struct {
	short fg, bg;
	attr_t attr, mono;
} roles[UI_ROLE_COUNT] = {
#define UI_ROLE_ROW(role, fg, bg, attr, mono) [role] = {fg, bg, attr, mono},
	UI_ROLES(UI_ROLE_ROW)
#undef UI_ROLE_ROW
};

static const struct {
	const char *utf8, *ascii;
} glyphs[UI_GLYPH_COUNT] = {
#define UI_GLYPH_ROW(g, utf8, ascii) [g] = {utf8, ascii},
	UI_GLYPHS(UI_GLYPH_ROW)
#undef UI_GLYPH_ROW
};

void ui_colors_init(struct ui *ui)
{
	short i, def_fg = -1, def_bg = -1;

	if (!ui->color || start_color() == ERR || !has_colors()) {
		ui->color = false;
		return;
	}
	if (use_default_colors() == ERR) {
		def_fg = COLOR_WHITE;
		def_bg = COLOR_BLACK;
	}
	for (i = 1; i < UI_ROLE_COUNT; i++) {
		short fg = roles[i].fg < 0 ? def_fg : roles[i].fg;
		short bg = roles[i].bg < 0 ? def_bg : roles[i].bg;

		if (i >= COLOR_PAIRS || init_pair(i, fg, bg) == ERR) {
			ui->color = false;
			return;
		}
	}
}

attr_t ui_attr(const struct ui *ui, enum ui_role role)
{
	if (!ui->color)
		return roles[role].mono;
	return roles[role].attr | (role ? COLOR_PAIR(role) : 0);
}

/* Which role a span takes: the first style bit found in this order. */
static const struct {
	unsigned style;
	enum ui_role role;
} style_roles[] = {
	{TEXT_HEADING,  UI_HEADING},
	{TEXT_BORDER,   UI_BORDER},
	{TEXT_KEYWORD,  UI_KEYWORD},
	{TEXT_STRING,   UI_STRING},
	{TEXT_COMMENT,  UI_COMMENT},
	{TEXT_FLAG,     UI_FLAG},
	{TEXT_VARIABLE, UI_VARIABLE},
	{TEXT_CALLOUT,  UI_CALLOUT},
	{TEXT_BULLET,   UI_BULLET},
	{TEXT_CODE,     UI_CODE},
	{TEXT_BOLD,     UI_BOLD},
	{TEXT_EMPHASIS, UI_EMPHASIS},
};

enum ui_role ui_style_role(unsigned style)
{
	size_t i;

	for (i = 0; i < sizeof style_roles / sizeof style_roles[0]; i++)
		if (style & style_roles[i].style)
			return style_roles[i].role;
	return UI_NORMAL;
}

const char *ui_glyph(const struct ui *ui, enum ui_glyph g)
{
	return ui->utf8 ? glyphs[g].utf8 : glyphs[g].ascii;
}

/* An ASCII stand-in for a character outside ASCII: the common typography
 * of the course, else '?'. */
static char ascii_for(uint32_t cp)
{
	static const struct {
		uint32_t cp;
		char c;
	} map[] = {
		{0x2013, '-'}, {0x2014, '-'}, {0x2018, '\''}, {0x2019, '\''},
		{0x201C, '"'}, {0x201D, '"'}, {0x2022, '*'}, {0x2026, '~'},
		{0x00A0, ' '}, {0x2192, '>'}, {0x2190, '<'}, {0x00D7, 'x'},
		{0x2264, '<'}, {0x2265, '>'}, {0x2500, '-'}, {0x2502, '|'},
		{0x2501, '='}, {0x2503, '|'}, {0x00B7, '.'}, {0x2713, '*'},
		{0x2717, 'x'}, {0x25CB, 'o'}, {0x25CF, '#'}, {0x2691, '!'},
		{0x2591, '.'}, {0x2504, '-'},
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (map[i].cp == cp)
			return map[i].c;
	if (cp >= 0x2500 && cp <= 0x257F)
		return '+';
	if (cp >= 0x2580 && cp <= 0x259F)
		return '#';                /* block elements */
	return '?';
}

#define PUT_CHUNK 256

/* Appends one decoded character of display width w to the pending run. */
struct run {
	wchar_t w[PUT_CHUNK + 1];
	char a[PUT_CHUNK * 2 + 1];
	size_t n;
};

static void run_flush(struct ui *ui, struct run *r)
{
	if (r->n == 0)
		return;
	if (ui->utf8)
		addnwstr(r->w, (int)r->n);
	else
		addnstr(r->a, (int)r->n);
	r->n = 0;
}

int ui_put(struct ui *ui, int y, int x, int max, const char *s, size_t n,
           attr_t attr)
{
	struct run r;
	size_t i = 0;
	int used = 0;

	if (max <= 0 || y < 0 || y >= ui->rows || x >= ui->cols)
		return 0;
	if (max > ui->cols - x)
		max = ui->cols - x;
	r.n = 0;
	attrset(attr);
	move(y, x);
	while (i < n) {
		uint32_t cp;
		size_t len = dt_utf8_decode(s + i, n - i, &cp);
		int w;

		if (len == 0)
			len = 1, cp = 0xFFFD;
		w = dt_utf8_cp_width(cp);
		if (w < 0)
			w = 1, cp = 0xFFFD;
		if (used + w > max)
			break;
		if (r.n + 2 > PUT_CHUNK)
			run_flush(ui, &r);
		if (ui->utf8) {
			r.w[r.n++] = (wchar_t)cp;
		} else {
			char c = cp < 0x80 ? (char)cp : ascii_for(cp);
			int k;

			for (k = 0; k < (w ? w : 0); k++)
				r.a[r.n++] = c;
		}
		used += w;
		i += len;
	}
	run_flush(ui, &r);
	attrset(A_NORMAL);
	return used;
}

int ui_puts(struct ui *ui, int y, int x, int max, const char *s, attr_t attr)
{
	return ui_put(ui, y, x, max, s, strlen(s), attr);
}

size_t ui_wrap(const char *s, int width)
{
	size_t n = strlen(s), i = 0, space = 0;
	int used = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = dt_utf8_decode(s + i, n - i, &cp);
		int w = len ? dt_utf8_cp_width(cp) : 1;

		if (len == 0)
			len = 1;
		if (w < 0)
			w = 1;
		if (s[i] == ' ')
			space = i;           /* the row may end here, however wide */
		else if (used + w > width)
			return space ? space : i ? i : len;
		used += w;
		i += len;
	}
	return n;
}

void ui_fill(int y, int x, int n, attr_t attr)
{
	if (n <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', n);
	attrset(A_NORMAL);
}

void ui_hline(struct ui *ui, int y, int x, int n, attr_t attr)
{
	const char *g = ui_glyph(ui, UI_G_H);
	int i;

	for (i = 0; i < n; i++)
		ui_puts(ui, y, x + i, 1, g, attr);
}

void ui_box(struct ui *ui, int y, int x, int h, int w, attr_t attr)
{
	const char *v = ui_glyph(ui, UI_G_V);
	int i;

	if (h < 2 || w < 2)
		return;
	ui_puts(ui, y, x, 1, ui_glyph(ui, UI_G_TL), attr);
	ui_hline(ui, y, x + 1, w - 2, attr);
	ui_puts(ui, y, x + w - 1, 1, ui_glyph(ui, UI_G_TR), attr);
	for (i = 1; i < h - 1; i++) {
		ui_puts(ui, y + i, x, 1, v, attr);
		ui_puts(ui, y + i, x + w - 1, 1, v, attr);
	}
	ui_puts(ui, y + h - 1, x, 1, ui_glyph(ui, UI_G_BL), attr);
	ui_hline(ui, y + h - 1, x + 1, w - 2, attr);
	ui_puts(ui, y + h - 1, x + w - 1, 1, ui_glyph(ui, UI_G_BR), attr);
}

void ui_draw_header(struct ui *ui, const char *left, const char *right)
{
	attr_t bar = ui_attr(ui, UI_BAR);
	int rw = right ? (int)dt_utf8_width(right, strlen(right)) : 0;
	int room = ui->cols - 2;

	ui_fill(0, 0, ui->cols, bar);
	if (rw > room / 2)
		rw = room / 2;
	ui_puts(ui, 0, 1, room - (rw ? rw + 2 : 0), left, bar | A_BOLD);
	if (right && rw > 0)
		ui_puts(ui, 0, ui->cols - 1 - rw, rw, right, bar);
}

const char *ui_clean(struct ui *ui, const char *s)
{
	char *clean, *copy;

	if (!s)
		return "";
	clean = dt_sanitize(s, strlen(s), false);
	if (!clean)
		return "?";
	copy = dt_arena_strdup(&ui->arena, clean);
	dt_free(clean);
	return copy ? copy : "?";
}

void ui_draw_dialog(struct ui *ui, int h, int w, const char *title, int *y,
                    int *x)
{
	int top, left, row, tx;

	if (w > ui->cols - 4)
		w = ui->cols - 4;
	if (h > ui->rows - 2)
		h = ui->rows - 2;
	top = (ui->rows - h) / 2;
	left = (ui->cols - w) / 2;
	for (row = 0; row < h; row++)
		ui_fill(top + row, left, w, A_NORMAL);
	ui_box(ui, top, left, h, w, ui_attr(ui, UI_BORDER));
	tx = left + 2;
	tx += ui_puts(ui, top, tx, w - 4, " ", A_NORMAL);
	tx += ui_puts(ui, top, tx, w - 5, title, ui_attr(ui, UI_TITLE));
	ui_puts(ui, top, tx, left + w - 2 - tx, " ", A_NORMAL);
	*y = top + 1;
	*x = left + 2;
}

void ui_clean_into(char *out, size_t size, const char *s)
{
	char *clean = dt_sanitize(s, strlen(s), false);

	dt_strlcpy(out, clean ? clean : "?", size);
	dt_free(clean);
}

const char *ui_lesson_title(struct ui *ui, const char *id)
{
	size_t i;

	if (!id || !*id)
		return "(no lesson)";
	for (i = 0; i < ui->course->n_lessons; i++)
		if (strcmp(ui->course->lessons[i].id, id) == 0)
			return ui->lessons[i].title;
	return ui_clean(ui, id);
}

void ui_format_duration(char *out, size_t size, int64_t s)
{
	bool ok;

	if (s < 0)
		s = 0;
	if (s >= 3600)
		ok = dt_snprintf(out, size, "%" PRId64 "h %02" PRId64 "m", s / 3600,
		                 s / 60 % 60);
	else if (s >= 60)
		ok = dt_snprintf(out, size, "%" PRId64 "m %02" PRId64 "s", s / 60,
		                 s % 60);
	else
		ok = dt_snprintf(out, size, "%" PRId64 "s", s);
	if (!ok)
		dt_strlcpy(out, "?", size);
}

void ui_format_clock(char *out, size_t size, int64_t s)
{
	bool ok;

	if (s < 0)
		s = 0;
	if (s >= 3600)
		ok = dt_snprintf(out, size, "%" PRId64 ":%02" PRId64 ":%02" PRId64,
		                 s / 3600, s / 60 % 60, s % 60);
	else
		ok = dt_snprintf(out, size, "%02" PRId64 ":%02" PRId64, s / 60, s % 60);
	if (!ok)
		dt_strlcpy(out, "?", size);
}
