/* Pages: lines of styled segments laid out for one width and drawn
 * scrolled in a window; the form of practice, exams, results, exercises
 * and progress.
 *
 * Design: a builder appends lines and segments; texts are copied into the
 * page's arena (sanitised on the way unless they come from text_render,
 * which sanitised them already), the line array grows with dt_realloc.  A
 * failed allocation marks the page failed and turns later adds into
 * no-ops, so a builder checks once.  Drawing never allocates. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ui_int.h"

void ui_page_init(struct ui_page *p)
{
	memset(p, 0, sizeof *p);
	dt_arena_init(&p->arena);
}

void ui_page_fini(struct ui_page *p)
{
	dt_arena_fini(&p->arena);
	dt_free(p->lines);
	memset(p, 0, sizeof *p);
}

void ui_page_reset(struct ui_page *p, int width)
{
	dt_arena_fini(&p->arena);
	dt_arena_init(&p->arena);
	p->n = 0;
	p->failed = false;
	p->width = width;
}

void ui_page_line(struct ui_page *p, int indent, int tag)
{
	if (p->failed)
		return;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct ui_pline *l = dt_realloc(p->lines, cap * sizeof *l);

		if (!l) {
			p->failed = true;
			return;
		}
		p->lines = l;
		p->cap = cap;
	}
	p->lines[p->n++] = (struct ui_pline){indent, tag, NULL, 0, 0};
}

void ui_page_blank(struct ui_page *p)
{
	ui_page_line(p, 0, UI_NO_TAG);
}

/* Appends a segment whose text is already clean. */
static void add_clean(struct ui_page *p, const char *s, size_t n,
                      enum ui_role role, attr_t attr)
{
	struct ui_pline *l;
	char *copy;

	if (p->failed)
		return;
	if (p->n == 0)
		ui_page_blank(p);
	if (p->failed || n == 0)
		return;
	l = &p->lines[p->n - 1];
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		struct ui_seg *segs = dt_arena_alloc(&p->arena, cap * sizeof *segs);

		if (!segs) {
			p->failed = true;
			return;
		}
		if (l->n)
			memcpy(segs, l->segs, l->n * sizeof *segs);
		l->segs = segs;
		l->cap = cap;
	}
	copy = dt_arena_strndup(&p->arena, s, n);
	if (!copy) {
		p->failed = true;
		return;
	}
	l->segs[l->n++] = (struct ui_seg){copy, n, role, attr};
}

void ui_page_add(struct ui_page *p, const char *s, size_t n,
                 enum ui_role role, attr_t attr)
{
	char *clean;

	if (p->failed || n == 0)
		return;
	clean = dt_sanitize(s, n, false);
	if (!clean) {
		p->failed = true;
		return;
	}
	add_clean(p, clean, strlen(clean), role, attr);
	dt_free(clean);
}

void ui_page_puts(struct ui_page *p, const char *s, enum ui_role role)
{
	ui_page_add(p, s, strlen(s), role, A_NORMAL);
}

void ui_page_printf(struct ui_page *p, enum ui_role role, const char *fmt, ...)
{
	struct dt_buf b;
	va_list ap;

	dt_buf_init(&b);
	va_start(ap, fmt);
	dt_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (b.failed)
		p->failed = true;
	else if (b.data)
		ui_page_add(p, b.data, b.len, role, A_NORMAL);
	dt_buf_fini(&b);
}

static void add_spans(struct ui_page *p, const struct text_line *tl)
{
	size_t k;

	for (k = 0; k < tl->n_spans; k++) {
		const struct text_span *sp = &tl->spans[k];
		attr_t extra = (sp->style & TEXT_BOLD) && !(sp->style & TEXT_HEADING)
		               ? A_BOLD : A_NORMAL;

		add_clean(p, sp->text, sp->len, ui_style_role(sp->style), extra);
	}
}

void ui_page_markdown(struct ui *ui, struct ui_page *p, int indent,
                      const char *prefix, enum ui_role prefix_role,
                      const char *md, int tag)
{
	int pw = prefix ? (int)dt_utf8_width(prefix, strlen(prefix)) : 0;
	struct text_options o = {p->width - indent - pw, !ui->utf8};
	struct text_doc *doc = NULL;
	size_t i;

	if (p->failed)
		return;
	if (o.width < 20)
		o.width = 20;            /* text_render's floor; ui_put cuts */
	if (text_render(md, strlen(md), &o, &doc, NULL) != DT_OK) {
		p->failed = true;
		return;
	}
	for (i = 0; i < doc->n_lines || i == 0; i++) {
		ui_page_line(p, indent + (i ? pw : 0), tag);
		if (i == 0 && prefix)
			ui_page_add(p, prefix, strlen(prefix), prefix_role, A_NORMAL);
		if (i < doc->n_lines)
			add_spans(p, &doc->lines[i]);
	}
	text_doc_free(doc);
}

/* The byte length of the longest prefix of s[0..n) at most w columns. */
static size_t fit(const char *s, size_t n, int w)
{
	size_t i = 0;
	int used = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = dt_utf8_decode(s + i, n - i, &cp);
		int cw;

		if (len == 0)
			len = 1, cp = 0xFFFD;
		cw = dt_utf8_cp_width(cp);
		if (used + (cw < 0 ? 1 : cw) > w)
			break;
		used += cw < 0 ? 1 : cw;
		i += len;
	}
	return i ? i : (n ? 1 : 0);
}

void ui_page_verbatim(struct ui_page *p, int indent, const char *text,
                      size_t len, enum ui_role role)
{
	int w = p->width - indent > 8 ? p->width - indent : 8;
	size_t at = 0;

	while (at < len && !p->failed) {
		size_t end = at, n;
		char *clean;
		const char *s;

		while (end < len && text[end] != '\n')
			end++;
		clean = dt_sanitize(text + at, end - at, false);
		if (!clean) {
			p->failed = true;
			return;
		}
		s = clean;
		n = strlen(clean);
		do {
			size_t take = fit(s, n, w);

			ui_page_line(p, indent, UI_NO_TAG);
			add_clean(p, s, take, role, A_NORMAL);
			s += take;
			n -= take;
		} while (n > 0 && !p->failed);
		dt_free(clean);
		at = end + 1;
	}
}

void ui_page_draw(struct ui *ui, const struct ui_page *p, int y, int h,
                  size_t top, int x, int highlight)
{
	int row;

	for (row = 0; row < h && top + (size_t)row < p->n; row++) {
		const struct ui_pline *l = &p->lines[top + (size_t)row];
		bool sel = highlight != UI_NO_TAG && l->tag == highlight;
		attr_t sel_attr = ui_attr(ui, UI_SELECTED);
		int cx = x + l->indent, end = x + p->width;
		size_t k;

		if (sel)
			ui_fill(y + row, x - 1, p->width + 2, sel_attr);
		for (k = 0; k < l->n && cx < end; k++) {
			const struct ui_seg *s = &l->segs[k];
			attr_t a = sel ? sel_attr | (s->attr & A_BOLD)
			               : ui_attr(ui, s->role) | s->attr;

			cx += ui_put(ui, y + row, cx, end - cx, s->text, s->len, a);
		}
	}
}

bool ui_page_find(const struct ui_page *p, int tag, size_t *first,
                  size_t *last)
{
	size_t i;
	bool found = false;

	for (i = 0; i < p->n; i++) {
		if (p->lines[i].tag != tag)
			continue;
		if (!found)
			*first = i;
		*last = i;
		found = true;
	}
	return found;
}

size_t ui_page_max_top(const struct ui_page *p, int h)
{
	return h > 0 && p->n > (size_t)h ? p->n - (size_t)h : 0;
}

unsigned ui_page_scroll(const struct ui_page *p, size_t *top, long delta,
                        int h)
{
	size_t max = ui_page_max_top(p, h);

	if (delta < 0)
		*top = (size_t)-delta > *top ? 0 : *top - (size_t)-delta;
	else
		*top += (size_t)delta;
	if (*top > max)
		*top = max;
	return UI_REDRAW;
}

void ui_page_show(size_t *top, size_t first, size_t last, int h)
{
	if (h <= 0)
		return;
	if (last >= *top + (size_t)h)
		*top = last - (size_t)h + 1;
	if (first < *top)
		*top = first;
}
