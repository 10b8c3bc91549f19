/* The lesson reader: a lesson's sections and key takeaways, scrolled,
 * searched and jumped through, with the reading position and the sections
 * read kept in the database (progress.c), and practice of the lesson one
 * key away.
 *
 * Design: the document (reader_doc.c) is rebuilt for each text width; the
 * position is held as an anchor (part, lines into it, part height) so a
 * resize keeps the same place in the same section, and so the saved
 * position survives a different window on the next run.  A section counts
 * as read once the learner has moved through the lesson and its last line
 * has come into view. */
#include <string.h>

#include "ui_int.h"

#define READER_MAX_WIDTH 100   /* columns of text; longer lines tire eyes */
#define WHEEL_LINES 3
#define MAX_MATCHES 64         /* highlighted per line */
#define NONE ((size_t)-1)

struct reader {
	size_t lesson;
	struct ui_lesson_doc doc;
	size_t top;
	int view_h, x;
	bool moved;                 /* navigated since the lesson opened */
	bool *read;                 /* per section, as last seen */
	char **titles;              /* numbered titles; n_sections + 1 */
	const char **marks;         /* for the section list */
	struct ui_pick_args pick;
	bool editing;
	struct ui_lineedit edit;
	char query[UI_EDIT_MAX + 1];
	size_t match;               /* line of the current match */
	struct dt_buf scratch;
	struct ui_practice_args practice;
};

struct anchor {
	size_t part, offset, height;
};

/* ---- geometry --------------------------------------------------------- */

static int text_width(const struct ui *ui)
{
	int w = ui->cols - 4;

	/* Below the minimum size nothing is drawn, but the layout stays sane. */
	if (w < UI_MIN_COLS - 4)
		w = UI_MIN_COLS - 4;
	return w > READER_MAX_WIDTH ? READER_MAX_WIDTH : w;
}

static size_t max_top(const struct reader *r)
{
	return r->doc.n > (size_t)r->view_h ? r->doc.n - (size_t)r->view_h : 0;
}

static void clamp(struct reader *r)
{
	if (r->top > max_top(r))
		r->top = max_top(r);
}

static struct anchor anchor_at(const struct reader *r, size_t line)
{
	struct anchor a = {0, 0, 1};

	if (r->doc.n == 0)
		return a;
	a.part = ui_lesson_doc_part_of(&r->doc, line);
	a.offset = line - r->doc.part_start[a.part];
	a.height = r->doc.part_start[a.part + 1] - r->doc.part_start[a.part];
	return a;
}

static size_t line_of(const struct reader *r, struct anchor a)
{
	size_t h;

	if (a.part >= r->doc.n_parts)
		return 0;
	h = r->doc.part_start[a.part + 1] - r->doc.part_start[a.part];
	return r->doc.part_start[a.part] + (a.offset * h + a.height / 2) / a.height;
}

/* ---- progress --------------------------------------------------------- */

static const struct course_lesson *lesson_of(const struct ui *ui,
                                             const struct reader *r)
{
	return &ui->course->lessons[r->lesson];
}

static void save_position(struct ui *ui, struct reader *r)
{
	const struct course_lesson *l = lesson_of(ui, r);
	struct anchor a = anchor_at(r, r->top);

	if (r->doc.n == 0 || l->n_sections == 0)
		return;
	if (a.part >= l->n_sections) {
		a.part = l->n_sections - 1;       /* the takeaways: end of the last */
		a.offset = a.height = 1;
	}
	ui_progress_set_position(ui, r->lesson, a.part,
	                         (unsigned)(a.offset * UI_DEPTH_SCALE / a.height));
}

static void restore_position(struct ui *ui, struct reader *r)
{
	const struct ui_reading *rd = &ui->reading[r->lesson];
	struct anchor a = {rd->section, rd->depth, UI_DEPTH_SCALE};

	r->top = 0;
	if (!rd->has_position)
		return;
	r->top = line_of(r, a);
	clamp(r);
}

/* Opens at the title of section id (a question's "read the section"); the
 * sections above do not count as read for it. */
static void open_at_section(struct ui *ui, struct reader *r, const char *id)
{
	const struct course_lesson *l = lesson_of(ui, r);
	size_t i;

	for (i = 0; i < l->n_sections; i++)
		if (strcmp(l->sections[i].id, id) == 0) {
			r->top = r->doc.part_start[i] + (i > 0);
			clamp(r);
			return;
		}
}

static void mark_read(struct ui *ui, struct reader *r)
{
	const struct course_lesson *l = lesson_of(ui, r);
	size_t s, bottom = r->top + (size_t)r->view_h;

	if (!r->moved)
		return;
	for (s = 0; s < l->n_sections; s++) {
		if (r->read[s] || r->doc.part_start[s + 1] > bottom)
			continue;
		if (!ui_progress_mark_read(ui, r->lesson, s))
			return;
		r->read[s] = true;
	}
}

/* ---- opening a lesson ------------------------------------------------- */

static void unload(struct reader *r)
{
	ui_lesson_doc_fini(&r->doc);
	dt_free(r->read);
	dt_free(r->marks);
	if (r->titles) {
		size_t i;

		for (i = 0; r->titles[i]; i++)
			dt_free(r->titles[i]);
		dt_free(r->titles);
	}
	r->read = NULL;
	r->marks = NULL;
	r->titles = NULL;
}

static bool make_titles(struct ui *ui, struct reader *r)
{
	const struct ui_lesson *ul = &ui->lessons[r->lesson];
	size_t n = ul->lesson->n_sections, i;

	r->titles = dt_calloc(n + 2, sizeof *r->titles);
	if (!r->titles)
		return false;
	for (i = 0; i < n; i++) {
		struct dt_buf b;

		dt_buf_init(&b);
		dt_buf_printf(&b, "%d.%zu  %s", ul->lesson->number, i + 1,
		              ul->section_titles[i]);
		r->titles[i] = dt_buf_steal(&b);
		if (!r->titles[i])
			return false;
	}
	r->titles[n] = dt_strdup("Key takeaways");
	return r->titles[n] != NULL;
}

static bool load(struct ui *ui, struct reader *r, size_t lesson)
{
	const struct course_lesson *l = &ui->course->lessons[lesson];
	size_t i;

	unload(r);
	r->lesson = lesson;
	r->match = NONE;
	r->moved = false;
	r->view_h = ui->rows - 2;
	r->x = ui->cols > text_width(ui) + 4 ? (ui->cols - text_width(ui)) / 2 : 2;
	r->read = dt_calloc(l->n_sections + 1, sizeof *r->read);
	r->marks = dt_calloc(l->n_sections + 1, sizeof *r->marks);
	if (!r->read || !r->marks || !make_titles(ui, r) ||
	    ui_lesson_doc_build(l, text_width(ui), !ui->utf8, &r->doc) != DT_OK) {
		unload(r);
		return false;
	}
	for (i = 0; i < l->n_sections; i++)
		r->read[i] = ui->reading[lesson].read[i];
	restore_position(ui, r);
	return true;
}

static void *reader_open(struct ui *ui, const void *arg)
{
	const struct ui_reader_args *a = arg;
	struct reader *r = dt_calloc(1, sizeof *r);

	if (!r)
		return NULL;
	dt_buf_init(&r->scratch);
	if (!load(ui, r, a->lesson)) {
		dt_buf_fini(&r->scratch);
		dt_free(r);
		ui_say(ui, true, "Cannot open the lesson: out of memory");
		return NULL;
	}
	if (a->section)
		open_at_section(ui, r, a->section);
	return r;
}

static void reader_close(struct ui *ui, void *state)
{
	struct reader *r = state;

	save_position(ui, r);
	unload(r);
	dt_buf_fini(&r->scratch);
	dt_free(r);
}

static unsigned reader_resize(struct ui *ui, void *state)
{
	struct reader *r = state;
	struct anchor a = anchor_at(r, r->top);
	struct ui_lesson_doc fresh;

	r->view_h = ui->rows - 2;
	r->x = ui->cols > text_width(ui) + 4 ? (ui->cols - text_width(ui)) / 2 : 2;
	if (text_width(ui) != r->doc.width) {
		if (ui_lesson_doc_build(lesson_of(ui, r), text_width(ui), !ui->utf8,
		                        &fresh) != DT_OK) {
			ui_say(ui, true, "Out of memory laying the lesson out again");
		} else {
			ui_lesson_doc_fini(&r->doc);
			r->doc = fresh;
			r->top = line_of(r, a);
			r->match = NONE;
		}
	}
	clamp(r);
	return UI_REDRAW;
}

/* ---- drawing ---------------------------------------------------------- */

struct matches {
	size_t a[MAX_MATCHES], b[MAX_MATCHES];
	size_t n;
};

/* Offset of needle in hay at or after from, ASCII case folded; NONE. */
static size_t find_ci(const char *hay, size_t hn, const char *needle,
                      size_t from)
{
	size_t nn = strlen(needle), i;

	for (i = from; nn && i + nn <= hn; i++)
		if (dt_strncasecmp(hay + i, needle, nn) == 0)
			return i;
	return NONE;
}

static void find_matches(struct reader *r, size_t line, struct matches *m)
{
	const char *title = r->titles[r->doc.lines[line].part];
	size_t at = 0, nq = strlen(r->query);

	m->n = 0;
	if (!nq || !ui_lesson_doc_line_text(&r->doc, line, title, &r->scratch))
		return;
	while (m->n < MAX_MATCHES &&
	       (at = find_ci(r->scratch.data, r->scratch.len, r->query, at)) != NONE) {
		m->a[m->n] = at;
		m->b[m->n++] = at + nq;
		at += nq;
	}
}

/* The end of the run starting at offset p that is all inside or all
 * outside the matches; *hl says which. */
static size_t run_end(const struct matches *m, size_t p, size_t end, bool *hl)
{
	size_t i;

	*hl = false;
	for (i = 0; i < m->n; i++) {
		if (p >= m->a[i] && p < m->b[i]) {
			*hl = true;
			return m->b[i] < end ? m->b[i] : end;
		}
		if (m->a[i] > p)
			return m->a[i] < end ? m->a[i] : end;
	}
	return end;
}

/* Draws s[0..n), which starts at offset base of the line's text, with the
 * matches highlighted; returns the columns used. */
static int put_marked(struct ui *ui, int y, int x, int max, const char *s,
                      size_t n, size_t base, attr_t attr,
                      const struct matches *m)
{
	size_t p = 0;
	int used = 0;

	while (p < n && used < max) {
		bool hl;
		size_t e = run_end(m, base + p, base + n, &hl) - base;

		used += ui_put(ui, y, x + used, max - used, s + p, e - p,
		               hl ? ui_attr(ui, UI_MATCH) : attr);
		p = e;
	}
	return used;
}

static int put_spans(struct ui *ui, int y, int x, int max,
                     const struct text_line *tl, const struct matches *m)
{
	size_t k, base = 0;
	int used = 0;

	for (k = 0; k < tl->n_spans; k++) {
		const struct text_span *sp = &tl->spans[k];
		attr_t a = ui_attr(ui, ui_style_role(sp->style));

		if ((sp->style & TEXT_BOLD) && !(sp->style & TEXT_HEADING))
			a |= A_BOLD;
		used += put_marked(ui, y, x + used, max - used, sp->text, sp->len, base,
		                   a, m);
		base += sp->len;
	}
	return used;
}

static void draw_box_edge(struct ui *ui, int y, int x, int w, bool top)
{
	attr_t a = ui_attr(ui, UI_BORDER);

	ui_puts(ui, y, x, 1, ui_glyph(ui, top ? UI_G_TL : UI_G_BL), a);
	ui_hline(ui, y, x + 1, w - 2, a);
	ui_puts(ui, y, x + w - 1, 1, ui_glyph(ui, top ? UI_G_TR : UI_G_BR), a);
	if (top)
		ui_puts(ui, y, x + 2, w - 4, " Key takeaways ", ui_attr(ui, UI_TITLE));
}

static void draw_line(struct ui *ui, struct reader *r, size_t line, int y)
{
	const struct ui_rline *rl = &r->doc.lines[line];
	int w = r->doc.width, x = r->x, used;
	const char *title = r->titles[rl->part];
	struct matches m;

	find_matches(r, line, &m);
	switch (rl->kind) {
	case UI_RL_TITLE:
		put_marked(ui, y, x, w, title, strlen(title), 0,
		           ui_attr(ui, UI_SECTION), &m);
		break;
	case UI_RL_RULE:
		used = (int)dt_utf8_width(title, strlen(title));
		for (; used > 0 && w > 0; used--, x++, w--)
			ui_puts(ui, y, x, 1, ui_glyph(ui, UI_G_RULE), ui_attr(ui, UI_BORDER));
		break;
	case UI_RL_TEXT:
		put_spans(ui, y, x, w, rl->tl, &m);
		break;
	case UI_RL_BOX_TOP: case UI_RL_BOX_BOTTOM:
		draw_box_edge(ui, y, x, w, rl->kind == UI_RL_BOX_TOP);
		break;
	case UI_RL_BOX_TEXT:
		ui_puts(ui, y, x, 1, ui_glyph(ui, UI_G_V), ui_attr(ui, UI_BORDER));
		put_spans(ui, y, x + 2, w - 4, rl->tl, &m);
		ui_puts(ui, y, x + w - 1, 1, ui_glyph(ui, UI_G_V), ui_attr(ui, UI_BORDER));
		break;
	case UI_RL_BLANK:
		break;
	}
}

static int percent(const struct reader *r)
{
	size_t seen = r->top + (size_t)r->view_h;

	if (r->doc.n == 0 || seen >= r->doc.n)
		return 100;
	return (int)(seen * 100 / r->doc.n);
}

static void reader_draw(struct ui *ui, void *state)
{
	struct reader *r = state;
	const struct ui_lesson *ul = &ui->lessons[r->lesson];
	char left[512], pct[16];
	size_t part = r->doc.n ? ui_lesson_doc_part_of(&r->doc, r->top) : 0;
	int y;

	if (!dt_snprintf(left, sizeof left, "Lesson %d %s %s", ul->lesson->number,
	                 ui_glyph(ui, UI_G_DOT), ul->title))
		left[sizeof left - 1] = '\0';
	ui_draw_header(ui, left, part < ul->lesson->n_sections ?
	               ul->section_titles[part] : "Key takeaways");
	for (y = 0; y < r->view_h && r->top + (size_t)y < r->doc.n; y++)
		draw_line(ui, r, r->top + (size_t)y, 1 + y);
	if (r->editing) {
		ui_lineedit_draw(ui, &r->edit, ui->rows - 1, "/");
		return;
	}
	if (!dt_snprintf(pct, sizeof pct, "%3d%%", percent(r)))
		pct[0] = '\0';
	ui_draw_footer(ui, ui_reader_ops.bindings, ui_reader_ops.n_bindings, pct);
}

/* ---- moving ----------------------------------------------------------- */

static unsigned go_to(struct ui *ui, struct reader *r, size_t top)
{
	r->top = top;
	clamp(r);
	r->moved = true;
	mark_read(ui, r);
	return UI_REDRAW;
}

static unsigned scroll_by(struct ui *ui, void *state, int lines)
{
	struct reader *r = state;

	if (lines < 0 && (size_t)-lines > r->top)
		return go_to(ui, r, 0);
	return go_to(ui, r, r->top + (size_t)(long)lines);
}

static unsigned page(struct ui *ui, void *state, int dir)
{
	struct reader *r = state;
	int step = r->view_h > 2 ? r->view_h - 2 : 1;   /* two lines of context */

	return scroll_by(ui, state, dir * step);
}

static unsigned ends(struct ui *ui, void *state, int end)
{
	struct reader *r = state;

	return go_to(ui, r, end ? max_top(r) : 0);
}

static unsigned jump_to_part(struct ui *ui, void *ctx, size_t part)
{
	struct reader *r = ctx;

	/* Past the gap before a title, so the title is the top line. */
	go_to(ui, r, r->doc.part_start[part] + (part > 0));
	return UI_POP | UI_REDRAW;
}

static unsigned sections(struct ui *ui, void *state, int arg)
{
	struct reader *r = state;
	const struct course_lesson *l = lesson_of(ui, r);
	size_t i;

	(void)arg;
	for (i = 0; i <= l->n_sections; i++)
		r->marks[i] = i < l->n_sections && r->read[i] ? ui_glyph(ui, UI_G_READ) : " ";
	r->pick = (struct ui_pick_args){
		.title = "Sections",
		.items = (const char *const *)r->titles,
		.marks = r->marks,
		.n = l->n_sections + 1,
		.current = r->doc.n ? ui_lesson_doc_part_of(&r->doc, r->top) : 0,
		.picked = jump_to_part,
		.ctx = r,
	};
	return ui_push(ui, &ui_pick_ops, &r->pick);
}

/* ---- search ----------------------------------------------------------- */

static bool line_has_query(struct reader *r, size_t line)
{
	struct matches m;

	find_matches(r, line, &m);
	return m.n > 0;
}

/* Searches from line from in direction dir, wrapping once. */
static unsigned search(struct ui *ui, struct reader *r, size_t from, int dir)
{
	size_t n = r->doc.n, k;

	if (!r->query[0] || n == 0)
		return UI_NONE;
	for (k = 0; k < n; k++) {
		size_t i = dir > 0 ? (from + k) % n : (from + n - k % n) % n;

		if (!line_has_query(r, i))
			continue;
		if ((dir > 0 && i < from) || (dir < 0 && i > from))
			ui_say(ui, false, "Search wrapped to the %s",
			       dir > 0 ? "top" : "bottom");
		r->match = i;
		return go_to(ui, r, i);
	}
	ui_say(ui, true, "Not found: %s", r->query);
	return UI_REDRAW;
}

static unsigned search_start(struct ui *ui, void *state, int arg)
{
	struct reader *r = state;

	(void)ui;
	(void)arg;
	r->editing = true;
	ui_lineedit_start(&r->edit, true);
	return UI_REDRAW;
}

static unsigned search_next(struct ui *ui, void *state, int dir)
{
	struct reader *r = state;
	bool in_view = r->match != NONE && r->match >= r->top &&
	               r->match < r->top + (size_t)r->view_h;
	size_t from;

	if (!r->query[0]) {
		ui_say(ui, false, "Press / to search first");
		return UI_REDRAW;
	}
	if (dir > 0)
		from = in_view ? r->match + 1 : r->top;
	else
		from = in_view ? r->match + r->doc.n - 1 : r->top + r->doc.n - 1;
	return search(ui, r, from % r->doc.n, dir);
}

static unsigned edit_key(struct ui *ui, struct reader *r,
                         const struct ui_event *ev)
{
	switch (ui_lineedit_key(ui, &r->edit, ev)) {
	case UI_EDIT_CONTINUE:
		return UI_REDRAW;
	case UI_EDIT_CANCEL:
		r->editing = false;
		return UI_REDRAW;
	case UI_EDIT_DONE:
		break;
	}
	r->editing = false;
	if (r->edit.len)         /* empty: search again for the last text */
		memcpy(r->query, r->edit.buf, r->edit.len + 1);
	r->match = NONE;
	return search(ui, r, r->top, 1) | UI_REDRAW;
}

/* ---- other keys ------------------------------------------------------- */

static unsigned other_lesson(struct ui *ui, void *state, int dir)
{
	struct reader *r = state;
	size_t n = ui->course->n_lessons, to;

	if ((dir < 0 && r->lesson == 0) || (dir > 0 && r->lesson + 1 >= n)) {
		ui_say(ui, false, "This is the %s lesson", dir < 0 ? "first" : "last");
		return UI_REDRAW;
	}
	to = dir < 0 ? r->lesson - 1 : r->lesson + 1;
	save_position(ui, r);
	if (!load(ui, r, to)) {
		ui_say(ui, true, "Cannot open the lesson: out of memory");
		return UI_POP;
	}
	return UI_REDRAW;
}

static unsigned practise(struct ui *ui, void *state, int arg)
{
	struct reader *r = state;

	(void)arg;
	r->practice = (struct ui_practice_args){
		.source = QUIZ_FROM_LESSON, .lesson = lesson_of(ui, r)->id,
	};
	return ui_push(ui, &ui_practice_ops, &r->practice);
}

static unsigned back(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static unsigned reader_key(struct ui *ui, void *state, const struct ui_event *ev)
{
	struct reader *r = state;

	if (r->editing)
		return edit_key(ui, r, ev);
	if (ev->key != KEY_MOUSE)
		return UI_PASS;
	if (ui_wheel(ev))
		return scroll_by(ui, state, WHEEL_LINES * ui_wheel(ev));
	return UI_NONE;
}

static const struct ui_binding reader_bindings[] = {
	UI_BIND(scroll_by, 1, "scroll", "Scroll down one line", 'j', KEY_DOWN),
	UI_BIND(scroll_by, -1, "", "Scroll up one line", 'k', KEY_UP),
	UI_BIND(page, 1, "page", "Scroll down one page", ' ', KEY_NPAGE, 'f'),
	UI_BIND(page, -1, "", "Scroll up one page", 'b', KEY_PPAGE),
	UI_BIND(ends, 0, NULL, "Go to the start of the lesson", 'g', KEY_HOME),
	UI_BIND(ends, 1, NULL, "Go to the end: the key takeaways", 'G', KEY_END),
	UI_BIND(sections, 0, "sections", "List the sections and jump to one",
	        's', '\t'),
	UI_BIND(search_start, 0, "search", "Search the lesson (Enter to find, Esc to cancel)", '/'),
	UI_BIND(search_next, 1, NULL, "Go to the next match", 'n'),
	UI_BIND(search_next, -1, NULL, "Go to the previous match", 'N'),
	UI_BIND(other_lesson, -1, "lesson", "Open the previous lesson", '['),
	UI_BIND(other_lesson, 1, "", "Open the next lesson", ']'),
	UI_BIND(practise, 0, "practise", "Practise this lesson's questions", 'p'),
	UI_BIND(back, 0, "back", "Back to the lessons", 'q', 27, KEY_LEFT, 'h'),
};

const struct ui_screen_ops ui_reader_ops = {
	.name = "Lesson reader",
	.bindings = UI_BINDINGS(reader_bindings),
	.open = reader_open,
	.draw = reader_draw,
	.key = reader_key,
	.resize = reader_resize,
	.close = reader_close,
};
