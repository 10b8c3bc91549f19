/* Markdown-lite to styled, wrapped lines.
 *
 * Design: one pass over the source lines groups them into blocks
 * (paragraph, heading, list item, code, table, call-out); each block's text
 * is split into styled words ("atoms") and filled greedily to the width,
 * measured in display columns.  Code keeps its own line breaks and is
 * broken only where a line is wider than the page.  Tables that fit are
 * drawn with frames; a table wider than the page falls back to one cell per
 * line, so nothing is ever cut off. */
#include <string.h>

#include "dockertutor/text.h"
#include "text_int.h"

#define MAX_TABLE_COLS 16
#define MAX_LIST_INDENT 8   /* columns a nested list item is indented, at
                               most, so its text keeps room on a 20-column
                               page */
#define TAB_STOP 4          /* a tab advances to the next multiple of 4
                               columns, as in CommonMark */

/* ---- line builder ---------------------------------------------------- */

void lb_init(struct line_builder *lb, struct dt_arena *arena)
{
	memset(lb, 0, sizeof *lb);
	lb->arena = arena;
}

void lb_fini(struct line_builder *lb)
{
	dt_free(lb->spans);
	lb->spans = NULL;
	lb->n = lb->cap = 0;
}

void lb_add(struct line_builder *lb, const char *s, size_t n, unsigned style)
{
	struct text_span *last = lb->n ? &lb->spans[lb->n - 1] : NULL;
	char *copy;

	if (n == 0 || lb->failed)
		return;
	if (last && last->style == style) {
		copy = dt_arena_alloc(lb->arena, last->len + n + 1);
		if (!copy)
			goto fail;
		memcpy(copy, last->text, last->len);
		memcpy(copy + last->len, s, n);
		last->text = copy;
		last->len += n;
	} else {
		if (lb->n == lb->cap) {
			size_t cap = lb->cap ? lb->cap * 2 : 8;
			struct text_span *p = dt_realloc(lb->spans, cap * sizeof *p);

			if (!p)
				goto fail;
			lb->spans = p;
			lb->cap = cap;
		}
		copy = dt_arena_strndup(lb->arena, s, n);
		if (!copy)
			goto fail;
		lb->spans[lb->n].text = copy;
		lb->spans[lb->n].len = n;
		lb->spans[lb->n].style = style;
		lb->n++;
	}
	lb->width += dt_utf8_width(s, n);
	return;
fail:
	lb->failed = true;
}

/* ---- the document ---------------------------------------------------- */

struct render {
	struct text_doc *doc;
	const struct text_options *opts;
	size_t cap;
	struct line_builder lb;
	int list_no;          /* number of the next item of a numbered list */
	bool failed;
};

static void emit(struct render *r, enum text_kind kind)
{
	struct text_doc *doc = r->doc;
	struct text_line *line;

	if (r->lb.failed)
		r->failed = true;
	if (r->failed)
		return;
	if (doc->n_lines == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct text_line *p = dt_realloc(doc->lines, cap * sizeof *p);

		if (!p) {
			r->failed = true;
			return;
		}
		doc->lines = p;
		r->cap = cap;
	}
	line = &doc->lines[doc->n_lines++];
	line->kind = kind;
	line->width = r->lb.width;
	line->n_spans = r->lb.n;
	line->spans = NULL;
	if (r->lb.n) {
		line->spans = dt_arena_alloc(&doc->arena, r->lb.n * sizeof *line->spans);
		if (!line->spans)
			r->failed = true;
		else
			memcpy(line->spans, r->lb.spans, r->lb.n * sizeof *line->spans);
	}
	r->lb.n = 0;
	r->lb.width = 0;
}

static void blank(struct render *r)
{
	if (r->doc->n_lines && r->doc->lines[r->doc->n_lines - 1].kind != TEXT_LINE_BLANK)
		emit(r, TEXT_LINE_BLANK);
}

/* ---- inline text and wrapping --------------------------------------- */

struct atom {
	const char *s;
	size_t len;
	unsigned style;
	bool space_before;
};

struct atoms {
	struct atom *v;
	size_t n, cap;
	bool failed;
};

static void atom_push(struct atoms *a, const char *s, size_t len,
                      unsigned style, bool space)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 32;
		struct atom *p = dt_realloc(a->v, cap * sizeof *p);

		if (!p) {
			a->failed = true;
			return;
		}
		a->v = p;
		a->cap = cap;
	}
	a->v[a->n++] = (struct atom){s, len, style, space};
}

/* A single '*' opens emphasis when a word follows it and a closing '*'
 * comes later in the text, and closes it after a word; any other star
 * ("2 * 3", "*.pem") is text. */
static bool is_emphasis_mark(const char *s, size_t n, size_t i, bool open)
{
	size_t j;

	if (s[i] != '*' || (i + 1 < n && s[i + 1] == '*') ||
	    (i > 0 && s[i - 1] == '*'))
		return false;
	if (open)
		return i > 0 && s[i - 1] != ' ';
	if (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == '\n')
		return false;
	for (j = i + 2; j < n; j++)
		if (s[j] == '*' && s[j - 1] != ' ' && (j + 1 >= n || s[j + 1] != '*'))
			return true;
	return false;
}

/* Splits inline markdown-lite (**bold**, *emphasis*, `code`) into words. */
static void split_inline(struct atoms *a, const char *s, size_t n,
                         unsigned base)
{
	unsigned style = base;
	bool space = false;
	size_t i = 0;

	while (i < n) {
		size_t start;

		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
			space = true;
			i++;
			continue;
		}
		if (s[i] == '`') {
			const char *end = memchr(s + i + 1, '`', n - i - 1);

			if (end) {
				atom_push(a, s + i + 1, (size_t)(end - s - i - 1),
				          style | TEXT_CODE, space);
				space = false;
				i = (size_t)(end - s) + 1;
				continue;
			}
		}
		if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
			style ^= TEXT_BOLD;
			i += 2;
			continue;
		}
		if (is_emphasis_mark(s, n, i, style & TEXT_EMPHASIS)) {
			style ^= TEXT_EMPHASIS;
			i++;
			continue;
		}
		/* The first character always belongs to the word: a backtick
		 * that closes nothing is text, not a stop. */
		start = i++;
		while (i < n && s[i] != ' ' && s[i] != '\n' && s[i] != '\t' &&
		       s[i] != '`' && !(s[i] == '*' && i + 1 < n && s[i + 1] == '*') &&
		       !is_emphasis_mark(s, n, i, style & TEXT_EMPHASIS))
			i++;
		atom_push(a, s + start, i - start, style, space);
		space = false;
	}
}

/* Bytes of s that fit in cols display columns (at least one character). */
static size_t fit_bytes(const char *s, size_t n, size_t cols)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = dt_utf8_decode(s + i, n - i, &cp);
		int cw;

		if (len == 0)
			len = 1, cw = 1;
		else
			cw = dt_utf8_cp_width(cp) < 0 ? 1 : dt_utf8_cp_width(cp);
		if (w + (size_t)cw > cols && i > 0)
			break;
		w += (size_t)cw;
		i += len;
	}
	return i;
}

/* Display width of the word starting at atom i: atoms joined without a
 * space ("`groupadd`)." is one word); *end is one past its last atom. */
static size_t word_width(const struct atoms *a, size_t i, size_t *end)
{
	size_t w = dt_utf8_width(a->v[i].s, a->v[i].len), j;

	for (j = i + 1; j < a->n && !a->v[j].space_before; j++)
		w += dt_utf8_width(a->v[j].s, a->v[j].len);
	*end = j;
	return w;
}

/* Adds one atom, cutting it at character boundaries when it is wider than
 * what is left of the page.  A line with no room left (a word glued to
 * the one before it, a wide character in the last column) breaks first;
 * only a line holding nothing but its indent takes a character that does
 * not fit, and indents leave room for any character (MAX_LIST_INDENT). */
static void put_atom(struct render *r, const struct atom *at,
                     enum text_kind kind, const char *indent,
                     unsigned indent_style)
{
	size_t width = (size_t)r->opts->width, len = at->len;
	size_t indent_w = dt_utf8_width(indent, strlen(indent));
	const char *s = at->s;

	while (r->lb.width + dt_utf8_width(s, len) > width && len > 0 &&
	       !r->failed) {
		size_t room = width > r->lb.width ? width - r->lb.width : 0;
		size_t take = fit_bytes(s, len, room ? room : 1);

		if (r->lb.width > indent_w && dt_utf8_width(s, take) > room) {
			emit(r, kind);
			lb_add(&r->lb, indent, strlen(indent), indent_style);
			continue;
		}
		lb_add(&r->lb, s, take, at->style);
		s += take;
		len -= take;
		if (len) {
			emit(r, kind);
			lb_add(&r->lb, indent, strlen(indent), indent_style);
		}
	}
	lb_add(&r->lb, s, len, at->style);
}

/* Fills atoms into lines: the first line starts with prefix, later lines
 * with indent.  Lines break only between words. */
static void fill(struct render *r, struct atoms *a, enum text_kind kind,
                 const char *prefix, unsigned prefix_style,
                 const char *indent, unsigned indent_style)
{
	size_t width = (size_t)r->opts->width, i = 0, end;
	bool line_start = true;

	lb_add(&r->lb, prefix, strlen(prefix), prefix_style);
	while (i < a->n) {
		size_t w = word_width(a, i, &end);

		if (!line_start && r->lb.width + 1 + w > width) {
			emit(r, kind);
			lb_add(&r->lb, indent, strlen(indent), indent_style);
			line_start = true;
		} else if (!line_start) {
			/* A space between two words of one style shares it (so a
			 * bold phrase stays one span); otherwise it is plain. */
			unsigned prev = r->lb.n ? r->lb.spans[r->lb.n - 1].style : 0;

			lb_add(&r->lb, " ", 1,
			       prev == a->v[i].style && !(prev & TEXT_CODE) ? prev : TEXT_PLAIN);
		}
		for (; i < end; i++)
			put_atom(r, &a->v[i], kind, indent, indent_style);
		line_start = false;
	}
	emit(r, kind);
}

static void paragraph(struct render *r, const char *s, size_t n,
                      enum text_kind kind, unsigned style, const char *prefix,
                      unsigned prefix_style, const char *indent,
                      unsigned indent_style)
{
	struct atoms a = {0};

	split_inline(&a, s, n, style);
	if (a.failed)
		r->failed = true;
	else
		fill(r, &a, kind, prefix, prefix_style, indent, indent_style);
	dt_free(a.v);
}

/* ---- source lines ---------------------------------------------------- */

struct src_line {
	const char *s;
	size_t n;
};

static bool is_blank(struct src_line l)
{
	size_t i;

	for (i = 0; i < l.n; i++)
		if (l.s[i] != ' ' && l.s[i] != '\t')
			return false;
	return true;
}

static size_t indent_of(struct src_line l)
{
	size_t i = 0;

	while (i < l.n && l.s[i] == ' ')
		i++;
	return i;
}

static bool starts(struct src_line l, const char *p)
{
	size_t i = indent_of(l), n = strlen(p);

	return l.n - i >= n && memcmp(l.s + i, p, n) == 0;
}

/* Length of a "12. " marker at the start (after indent), else 0. */
static size_t number_marker(struct src_line l)
{
	size_t i = indent_of(l), d = i;

	while (d < l.n && l.s[d] >= '0' && l.s[d] <= '9' && d - i < 3)
		d++;
	if (d > i && d + 1 < l.n && l.s[d] == '.' && l.s[d + 1] == ' ')
		return d + 2 - i;
	return 0;
}

static bool is_heading(struct src_line l)
{
	return starts(l, "# ") || starts(l, "## ") || starts(l, "### ") ||
	       starts(l, "#### ");
}

static bool block_start(struct src_line l)
{
	return is_blank(l) || starts(l, "```") || is_heading(l) ||
	       starts(l, "- ") || starts(l, "* ") || number_marker(l) ||
	       starts(l, "> ") || starts(l, "|");
}

/* ---- blocks ---------------------------------------------------------- */

static size_t code_block(struct render *r, struct src_line *lines,
                         size_t n, size_t i)
{
	const char *fence = lines[i].s + indent_of(lines[i]) + 3;
	size_t fl = lines[i].n - indent_of(lines[i]) - 3, j;
	char lang[16] = "";
	size_t width = (size_t)r->opts->width;

	while (fl && (fence[fl - 1] == ' ' || fence[fl - 1] == '\r'))
		fl--;
	if (fl && fl < sizeof lang) {
		memcpy(lang, fence, fl);
		lang[fl] = '\0';
	}
	for (j = i + 1; j < n && !starts(lines[j], "```"); j++) {
		struct line_builder *lb = &r->lb;
		size_t k, start;

		lb_add(lb, "  ", 2, TEXT_PLAIN);
		text_highlight_line(lb, lang[0] ? lang : NULL, lines[j].s, lines[j].n);
		if (lb->width <= width) {
			emit(r, TEXT_LINE_CODE);
			continue;
		}
		/* Too wide: re-flow the spans into as many lines as needed. */
		{
			struct text_span *spans = lb->spans;
			size_t n_spans = lb->n;

			lb->spans = NULL;
			lb->n = lb->cap = 0;
			lb->width = 0;
			for (k = 0; k < n_spans; k++) {
				const char *s = spans[k].text;
				size_t len = spans[k].len;

				/* After a failed allocation nothing is added any
				 * more: stop rather than wait for room. */
				for (start = 0;
				     len > 0 && !r->failed && !lb->failed;) {
					size_t room = width > lb->width ? width - lb->width : 0;
					size_t take = room ? fit_bytes(s, len, room) : 0;

					if (take == 0 || dt_utf8_width(s, take) > room) {
						emit(r, TEXT_LINE_CODE);
						lb_add(lb, "    ", 4, TEXT_PLAIN);
						continue;
					}
					lb_add(lb, s, take, spans[k].style);
					s += take;
					len -= take;
					(void)start;
				}
			}
			dt_free(spans);
			emit(r, TEXT_LINE_CODE);
		}
	}
	return j < n ? j + 1 : j;
}

struct cell {
	const char *s;
	size_t n;
};

static size_t split_row(struct src_line l, struct cell *cells)
{
	const char *s = l.s + indent_of(l), *end = l.s + l.n;
	size_t n = 0;

	while (end > s && (end[-1] == ' ' || end[-1] == '\r'))
		end--;
	if (s < end && *s == '|')
		s++;
	if (end > s && end[-1] == '|')
		end--;
	while (s <= end && n < MAX_TABLE_COLS) {
		const char *bar = memchr(s, '|', (size_t)(end - s));
		const char *stop = bar ? bar : end;
		const char *a = s, *b = stop;

		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		cells[n].s = a;
		cells[n].n = (size_t)(b - a);
		n++;
		if (!bar)
			break;
		s = bar + 1;
	}
	return n;
}

static bool is_separator_row(struct src_line l)
{
	size_t i;
	bool dash = false;

	for (i = indent_of(l); i < l.n; i++) {
		if (l.s[i] == '-')
			dash = true;
		else if (!strchr("|: \r", l.s[i]))
			return false;
	}
	return dash;
}

/* Display width of a cell's text once inline markers are dropped. */
static size_t cell_width(struct cell c)
{
	size_t w = dt_utf8_width(c.s, c.n), i;

	for (i = 0; i < c.n; i++)
		if (c.s[i] == '`' || c.s[i] == '*')
			w--;
	return w;
}

/* Wraps one cell's text to the column width into its own small doc. */
static struct text_doc *wrap_cell(struct render *r, struct cell c,
                                  unsigned base, size_t width)
{
	struct text_options o = {(int)width, r->opts->ascii};
	struct render sub = {0};

	sub.opts = &o;
	sub.doc = dt_calloc(1, sizeof *sub.doc);
	if (!sub.doc) {
		r->failed = true;
		return NULL;
	}
	dt_arena_init(&sub.doc->arena);
	lb_init(&sub.lb, &sub.doc->arena);
	paragraph(&sub, c.s, c.n, TEXT_LINE_TABLE, base, "", 0, "", 0);
	lb_fini(&sub.lb);
	if (sub.failed) {
		text_doc_free(sub.doc);
		r->failed = true;
		return NULL;
	}
	return sub.doc;
}

static void table_rule(struct render *r, const size_t *w, size_t cols,
                       const char *l, const char *m, const char *rr)
{
	const char *h = r->opts->ascii ? "-" : "\xE2\x94\x80";
	size_t c, k;

	lb_add(&r->lb, l, strlen(l), TEXT_BORDER);
	for (c = 0; c < cols; c++) {
		for (k = 0; k < w[c] + 2; k++)
			lb_add(&r->lb, h, strlen(h), TEXT_BORDER);
		lb_add(&r->lb, c + 1 < cols ? m : rr, strlen(c + 1 < cols ? m : rr),
		       TEXT_BORDER);
	}
	emit(r, TEXT_LINE_TABLE);
}

/* One table row: every cell wrapped to its column, the row as tall as its
 * tallest cell. */
static void table_row(struct render *r, struct cell *cells, size_t k,
                      const size_t *w, size_t cols, unsigned style)
{
	const char *v = r->opts->ascii ? "|" : "\xE2\x94\x82";
	struct text_doc *docs[MAX_TABLE_COLS] = {0};
	size_t c, row, height = 1;

	for (c = 0; c < cols; c++) {
		struct cell empty = {"", 0};

		docs[c] = wrap_cell(r, c < k ? cells[c] : empty, style, w[c]);
		if (docs[c] && docs[c]->n_lines > height)
			height = docs[c]->n_lines;
	}
	for (row = 0; row < height && !r->failed; row++) {
		for (c = 0; c < cols; c++) {
			const struct text_line *tl = docs[c] && row < docs[c]->n_lines ?
			                             &docs[c]->lines[row] : NULL;
			size_t used = 0, sp;

			lb_add(&r->lb, v, strlen(v), TEXT_BORDER);
			lb_add(&r->lb, " ", 1, TEXT_PLAIN);
			for (sp = 0; tl && sp < tl->n_spans; sp++)
				lb_add(&r->lb, tl->spans[sp].text, tl->spans[sp].len,
				       tl->spans[sp].style);
			used = tl ? tl->width : 0;
			for (; used < w[c] + 1; used++)
				lb_add(&r->lb, " ", 1, TEXT_PLAIN);
		}
		lb_add(&r->lb, v, strlen(v), TEXT_BORDER);
		emit(r, TEXT_LINE_TABLE);
	}
	for (c = 0; c < cols; c++)
		text_doc_free(docs[c]);
}

/* Narrows the widest columns until the table fits the page; false when
 * even columns of 4 do not fit. */
static bool fit_columns(size_t *w, size_t cols, size_t page)
{
	size_t total, c;

	for (;;) {
		size_t widest = 0;

		for (total = 1, c = 0; c < cols; c++)
			total += w[c] + 3;
		if (total <= page)
			return true;
		for (c = 1; c < cols; c++)
			if (w[c] > w[widest])
				widest = c;
		if (w[widest] <= 4)
			return false;
		w[widest]--;
	}
}

static size_t table(struct render *r, struct src_line *lines, size_t n,
                    size_t i)
{
	struct cell cells[MAX_TABLE_COLS];
	size_t w[MAX_TABLE_COLS] = {0}, cols = 0, j, c, end;
	bool ascii = r->opts->ascii;

	for (end = i; end < n && starts(lines[end], "|"); end++) {
		size_t k = split_row(lines[end], cells);

		if (is_separator_row(lines[end]))
			continue;
		if (k > cols)
			cols = k;
		for (c = 0; c < k; c++)
			if (cell_width(cells[c]) > w[c])
				w[c] = cell_width(cells[c]);
	}
	for (c = 0; c < cols; c++)
		if (w[c] == 0)
			w[c] = 1;
	if (!fit_columns(w, cols, (size_t)r->opts->width)) {
		/* Too many columns for the page: one cell per line. */
		for (j = i; j < end; j++) {
			size_t k;

			if (is_separator_row(lines[j]))
				continue;
			k = split_row(lines[j], cells);
			for (c = 0; c < k; c++)
				paragraph(r, cells[c].s, cells[c].n, TEXT_LINE_TABLE,
				          j == i ? TEXT_BOLD : TEXT_PLAIN, c ? "    " : "", 0,
				          "    ", 0);
		}
		return end;
	}
	table_rule(r, w, cols, ascii ? "+" : "\xE2\x94\x8C",
	           ascii ? "+" : "\xE2\x94\xAC", ascii ? "+" : "\xE2\x94\x90");
	for (j = i; j < end; j++) {
		if (is_separator_row(lines[j])) {
			table_rule(r, w, cols, ascii ? "+" : "\xE2\x94\x9C",
			           ascii ? "+" : "\xE2\x94\xBC", ascii ? "+" : "\xE2\x94\xA4");
			continue;
		}
		table_row(r, cells, split_row(lines[j], cells), w, cols,
		          j == i ? TEXT_BOLD : TEXT_PLAIN);
	}
	table_rule(r, w, cols, ascii ? "+" : "\xE2\x94\x94",
	           ascii ? "+" : "\xE2\x94\xB4", ascii ? "+" : "\xE2\x94\x98");
	return end;
}

/* Joins lines[i..end) with newlines stripped of the given marker length on
 * the first line and of leading blanks on the others, into a buffer. */
static bool gather(struct dt_buf *buf, struct src_line *lines, size_t i,
                   size_t end, size_t skip_first, const char *strip_each)
{
	size_t j;

	dt_buf_reset(buf);
	for (j = i; j < end; j++) {
		struct src_line l = lines[j];
		size_t off = j == i ? skip_first : indent_of(l);

		if (j > i && strip_each && starts(l, strip_each))
			off = indent_of(l) + strlen(strip_each);
		if (j > i)
			dt_buf_putc(buf, ' ');
		dt_buf_append(buf, l.s + off, l.n > off ? l.n - off : 0);
	}
	return !buf->failed;
}

static size_t list_item(struct render *r, struct src_line *lines, size_t n,
                        size_t i, struct dt_buf *buf)
{
	size_t marker = number_marker(lines[i]), end, ind = indent_of(lines[i]);
	int shown = (int)(ind < MAX_LIST_INDENT ? ind : MAX_LIST_INDENT) + 2;
	char prefix[24], pad[24];
	const char *bullet = r->opts->ascii ? "-" : "\xE2\x80\xA2";

	for (end = i + 1; end < n && !block_start(lines[end]) &&
	     indent_of(lines[end]) > ind; end++)
		;
	if (marker) {
		/* Authors may number every item "1."; the reader counts. */
		if (!dt_snprintf(prefix, sizeof prefix, "%*s%d. ", shown, "",
		                 ++r->list_no))
			prefix[0] = '\0';
	} else {
		marker = 2;
		if (!dt_snprintf(prefix, sizeof prefix, "%*s%s ", shown, "", bullet))
			prefix[0] = '\0';
	}
	if (!dt_snprintf(pad, sizeof pad, "%*s", (int)dt_utf8_width(prefix, strlen(prefix)), ""))
		pad[0] = '\0';
	if (!gather(buf, lines, i, end, ind + marker, NULL)) {
		r->failed = true;
		return end;
	}
	paragraph(r, buf->data, buf->len, TEXT_LINE_LIST, TEXT_PLAIN, prefix,
	          TEXT_BULLET, pad, TEXT_PLAIN);
	return end;
}

static size_t callout(struct render *r, struct src_line *lines, size_t n,
                      size_t i, struct dt_buf *buf)
{
	const char *bar = r->opts->ascii ? "| " : "\xE2\x94\x83 ";
	size_t end;

	for (end = i + 1; end < n && (starts(lines[end], "> ") ||
	     (lines[end].n == indent_of(lines[end]) + 1 && starts(lines[end], ">"))); end++)
		;
	if (!gather(buf, lines, i, end, indent_of(lines[i]) + 2, "> ")) {
		r->failed = true;
		return end;
	}
	paragraph(r, buf->data, buf->len, TEXT_LINE_CALLOUT, TEXT_CALLOUT, bar,
	          TEXT_BORDER | TEXT_CALLOUT, bar, TEXT_BORDER | TEXT_CALLOUT);
	return end;
}

static size_t block(struct render *r, struct src_line *lines, size_t n,
                    size_t i, struct dt_buf *buf)
{
	struct src_line l = lines[i];
	size_t end;

	if (is_blank(l)) {
		/* A blank line inside a numbered list keeps its count going. */
		if (!(i + 1 < n && number_marker(lines[i + 1])))
			r->list_no = 0;
		blank(r);
		return i + 1;
	}
	if (starts(l, "```"))
		return code_block(r, lines, n, i);
	if (is_heading(l)) {
		size_t off = indent_of(l);

		while (off < l.n && l.s[off] == '#')
			off++;
		paragraph(r, l.s + off + 1, l.n - off - 1, TEXT_LINE_HEADING,
		          TEXT_HEADING | TEXT_BOLD, "", 0, "", 0);
		return i + 1;
	}
	if (number_marker(l))
		return list_item(r, lines, n, i, buf);
	r->list_no = 0;
	if (starts(l, "- ") || starts(l, "* "))
		return list_item(r, lines, n, i, buf);
	if (starts(l, "> "))
		return callout(r, lines, n, i, buf);
	if (starts(l, "|"))
		return table(r, lines, n, i);
	for (end = i + 1; end < n && !block_start(lines[end]); end++)
		;
	if (!gather(buf, lines, i, end, indent_of(l), NULL)) {
		r->failed = true;
		return end;
	}
	paragraph(r, buf->data, buf->len, TEXT_LINE_PARAGRAPH, TEXT_PLAIN, "", 0,
	          "", 0);
	return end;
}

/* s with every tab replaced by the spaces up to the next tab stop, counted
 * in display columns from the start of its line: a tab drawn as itself
 * would move the terminal's cursor by a width the layout never saw.  A new
 * string (dt_free), or NULL when out of memory. */
static char *expand_tabs(const char *s)
{
	struct dt_buf out;
	size_t col = 0;

	dt_buf_init(&out);
	while (*s) {
		size_t len = strcspn(s, "\t\n");

		dt_buf_append(&out, s, len);
		col += dt_utf8_width(s, len);
		s += len;
		if (*s == '\n') {
			dt_buf_putc(&out, '\n');
			col = 0;
		} else if (*s == '\t') {
			do
				dt_buf_putc(&out, ' ');
			while (++col % TAB_STOP != 0);
		}
		if (*s)
			s++;
	}
	return dt_buf_steal(&out);
}

static struct src_line *split_lines(const char *s, size_t *count)
{
	size_t n = 1, i, k = 0;
	struct src_line *lines;
	const char *p = s;

	for (i = 0; s[i]; i++)
		n += s[i] == '\n';
	lines = dt_calloc(n, sizeof *lines);
	if (!lines)
		return NULL;
	for (i = 0;; i++) {
		if (s[i] == '\n' || s[i] == '\0') {
			size_t len = (size_t)(s + i - p);

			if (len && p[len - 1] == '\r')
				len--;
			lines[k].s = p;
			lines[k].n = len;
			k++;
			if (s[i] == '\0')
				break;
			p = s + i + 1;
		}
	}
	/* Trailing blank lines add nothing. */
	while (k > 0 && is_blank(lines[k - 1]))
		k--;
	*count = k;
	return lines;
}

enum dt_status text_render(const char *src, size_t len,
                           const struct text_options *opts,
                           struct text_doc **out, struct dt_error *err)
{
	struct text_options o = *opts;
	struct render r = {0};
	struct src_line *lines = NULL;
	struct dt_buf buf;
	size_t n = 0, i = 0;
	char *clean;

	*out = NULL;
	if (o.width < 20)
		o.width = 20;
	r.opts = &o;
	r.doc = dt_calloc(1, sizeof *r.doc);
	clean = dt_sanitize(src, len, true);
	if (clean && strchr(clean, '\t')) {
		char *expanded = expand_tabs(clean);

		dt_free(clean);
		clean = expanded;
	}
	if (clean)
		lines = split_lines(clean, &n);
	if (!r.doc || !clean || !lines)
		goto nomem;
	dt_arena_init(&r.doc->arena);
	lb_init(&r.lb, &r.doc->arena);
	dt_buf_init(&buf);
	while (i < n && !r.failed)
		i = block(&r, lines, n, i, &buf);
	dt_buf_fini(&buf);
	lb_fini(&r.lb);
	if (r.failed)
		goto nomem;
	dt_free(lines);
	dt_free(clean);
	*out = r.doc;
	return DT_OK;
nomem:
	lb_fini(&r.lb);
	text_doc_free(r.doc);
	dt_free(lines);
	dt_free(clean);
	return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0,
	                    "out of memory laying out text");
}

void text_doc_free(struct text_doc *doc)
{
	if (!doc)
		return;
	dt_arena_fini(&doc->arena);
	dt_free(doc->lines);
	dt_free(doc);
}

bool text_doc_to_plain(const struct text_doc *doc, struct dt_buf *out)
{
	size_t i, k;

	for (i = 0; i < doc->n_lines; i++) {
		for (k = 0; k < doc->lines[i].n_spans; k++)
			dt_buf_append(out, doc->lines[i].spans[k].text,
			              doc->lines[i].spans[k].len);
		dt_buf_putc(out, '\n');
	}
	return !out->failed;
}

bool text_line_contains(const struct text_line *line, const char *needle)
{
	size_t nl = strlen(needle), k;
	struct dt_buf joined;
	bool found = false;

	if (nl == 0)
		return true;
	dt_buf_init(&joined);
	for (k = 0; k < line->n_spans; k++)
		dt_buf_append(&joined, line->spans[k].text, line->spans[k].len);
	if (!joined.failed && joined.data) {
		size_t i;

		for (i = 0; i + nl <= joined.len && !found; i++)
			found = dt_strncasecmp(joined.data + i, needle, nl) == 0;
	}
	dt_buf_fini(&joined);
	return found;
}
