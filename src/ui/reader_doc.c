/* The lesson reader's document: every section's title and rendered body,
 * then the key takeaways box, as one list of lines laid out for a width.
 *
 * Design: the text module renders each section body (and the takeaways as
 * a list) into its own text_doc; this file only strings their lines
 * together with title, rule, gap and frame lines and records where each
 * part starts, which is what anchoring, the section list and the read
 * marks work from.  A new width builds a new document; the old one is
 * freed only once the new one exists, so running out of memory keeps the
 * reader usable. */
#include <string.h>

#include "ui_int.h"

struct builder {
	struct ui_lesson_doc *d;
	size_t cap;
	bool failed;
};

static void add(struct builder *b, enum ui_rl_kind kind, size_t part,
                const struct text_line *tl)
{
	struct ui_lesson_doc *d = b->d;

	if (b->failed)
		return;
	if (d->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		struct ui_rline *p = dt_realloc(d->lines, cap * sizeof *p);

		if (!p) {
			b->failed = true;
			return;
		}
		d->lines = p;
		b->cap = cap;
	}
	d->lines[d->n].kind = kind;
	d->lines[d->n].part = part;
	d->lines[d->n].tl = tl;
	d->n++;
}

static bool render(const char *src, size_t len, int width, bool ascii,
                   struct text_doc **out)
{
	struct text_options o = {width, ascii};

	return text_render(src, len, &o, out, NULL) == DT_OK;
}

/* The takeaways as one markdown-lite list; each takeaway on one line so
 * that its own line breaks cannot end the list item early. */
static bool takeaways_source(const struct course_lesson *l, struct dt_buf *buf)
{
	size_t i, k;

	for (i = 0; i < l->n_takeaways; i++) {
		const char *t = l->takeaways[i];

		dt_buf_puts(buf, "- ");
		for (k = 0; t[k]; k++)
			dt_buf_putc(buf, t[k] == '\n' || t[k] == '\r' ? ' ' : t[k]);
		dt_buf_putc(buf, '\n');
	}
	return !buf->failed;
}

static bool build_takeaways(struct builder *b, const struct course_lesson *l,
                            int width, bool ascii)
{
	struct ui_lesson_doc *d = b->d;
	size_t part = l->n_sections, i;
	struct dt_buf src;
	bool ok;

	dt_buf_init(&src);
	ok = takeaways_source(l, &src) &&
	     render(src.data ? src.data : "", src.len, width - 4, ascii, &d->docs[part]);
	dt_buf_fini(&src);
	if (!ok)
		return false;
	d->part_start[part] = d->n;
	add(b, UI_RL_BLANK, part, NULL);
	add(b, UI_RL_BOX_TOP, part, NULL);
	for (i = 0; i < d->docs[part]->n_lines; i++)
		add(b, UI_RL_BOX_TEXT, part, &d->docs[part]->lines[i]);
	add(b, UI_RL_BOX_BOTTOM, part, NULL);
	return !b->failed;
}

static bool build_section(struct builder *b, const struct course_section *s,
                          size_t part, int width, bool ascii)
{
	struct ui_lesson_doc *d = b->d;
	size_t i;

	if (!render(s->body, strlen(s->body), width, ascii, &d->docs[part]))
		return false;
	d->part_start[part] = d->n;
	if (part > 0)
		add(b, UI_RL_BLANK, part, NULL);
	add(b, UI_RL_TITLE, part, NULL);
	add(b, UI_RL_RULE, part, NULL);
	add(b, UI_RL_BLANK, part, NULL);
	for (i = 0; i < d->docs[part]->n_lines; i++)
		add(b, UI_RL_TEXT, part, &d->docs[part]->lines[i]);
	return !b->failed;
}

enum dt_status ui_lesson_doc_build(const struct course_lesson *l, int width,
                                   bool ascii, struct ui_lesson_doc *out)
{
	struct ui_lesson_doc d;
	struct builder b = {&d, 0, false};
	size_t i;
	bool ok;

	memset(&d, 0, sizeof d);
	d.width = width;
	d.n_parts = l->n_sections + 1;
	d.docs = dt_calloc(d.n_parts, sizeof *d.docs);
	d.part_start = dt_calloc(d.n_parts + 1, sizeof *d.part_start);
	ok = d.docs && d.part_start;
	for (i = 0; ok && i < l->n_sections; i++)
		ok = build_section(&b, &l->sections[i], i, width, ascii);
	ok = ok && build_takeaways(&b, l, width, ascii);
	if (!ok) {
		ui_lesson_doc_fini(&d);
		return DT_ERR_NOMEM;
	}
	d.part_start[d.n_parts] = d.n;
	*out = d;
	return DT_OK;
}

void ui_lesson_doc_fini(struct ui_lesson_doc *d)
{
	size_t i;

	for (i = 0; d->docs && i < d->n_parts; i++)
		text_doc_free(d->docs[i]);
	dt_free(d->docs);
	dt_free(d->part_start);
	dt_free(d->lines);
	memset(d, 0, sizeof *d);
}

size_t ui_lesson_doc_part_of(const struct ui_lesson_doc *d, size_t line)
{
	size_t lo = 0, hi = d->n_parts;

	/* The last part whose start is at or before line. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->part_start[mid] <= line)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

bool ui_lesson_doc_line_text(const struct ui_lesson_doc *d, size_t line,
                             const char *title, struct dt_buf *out)
{
	const struct ui_rline *rl = &d->lines[line];
	size_t k;

	dt_buf_reset(out);
	if (rl->kind == UI_RL_TITLE)
		dt_buf_puts(out, title);
	for (k = 0; rl->tl && k < rl->tl->n_spans; k++)
		dt_buf_append(out, rl->tl->spans[k].text, rl->tl->spans[k].len);
	if (!out->data)
		dt_buf_puts(out, "");
	return !out->failed;
}
