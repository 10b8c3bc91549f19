/* Practice: questions one at a time from a source (a lesson, a tag, my
 * mistakes or an exam's, unseen first, the review queue), feedback after
 * each answer with the explanation and every choice's why, the section it
 * tests one key away, and a summary with "practise my mistakes".
 *
 * Design: the app's practice session chooses, scores and stores; this
 * screen only keeps which question is on screen and in which mode (asking,
 * showing feedback, the summary), and lays each mode out as a page that is
 * built again when the mode, the picks or the width change. */
#include <string.h>

#include "ui_int.h"

#define PRACTICE_COUNT 10        /* questions per session, as the CLI asks */
#define PAGE_MAX_WIDTH 100

/* TYPING only names the keys of ASKING on a question answered by typing. */
enum mode { ASKING, FEEDBACK, SUMMARY, EMPTY, TYPING };

struct practice {
	struct app_practice_options opts;
	char lesson_id[COURSE_MAX_ID + 1];   /* opts.lesson_id points here */
	char tag[COURSE_MAX_ID + 1];
	char exam[256];                      /* opts.attempt's exam title */
	char title[320];
	struct app_practice *session;
	size_t count;
	enum mode mode;
	const struct app_item *item;         /* borrowed from the session */
	struct ui_question q;
	struct quiz_response resp;           /* the answer given */
	struct app_feedback fb;
	struct ui_page page;
	size_t top;
	size_t verdict;                      /* FEEDBACK: the verdict's line */
	int x;                               /* the page's left column */
	struct ui_reader_args read;
};

static const struct ui_keymap practice_modes[TYPING + 1];

/* The keys of the mode, TYPING for a typed answer. */
static const struct ui_keymap *keymap(const struct practice *p)
{
	if (p->mode == ASKING && p->item->q->type == COURSE_Q_FILL)
		return &practice_modes[TYPING];
	return &practice_modes[p->mode];
}

/* ---- the session ------------------------------------------------------- */

static int page_width(const struct ui *ui)
{
	int w = ui->cols - 4;

	if (w < UI_MIN_COLS - 4)
		w = UI_MIN_COLS - 4;
	return w > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : w;
}

static int view_h(const struct ui *ui)
{
	return ui->rows - 2;
}

static void set_title(struct ui *ui, struct practice *p)
{
	const struct app_practice_options *o = &p->opts;
	const char *what = o->source == QUIZ_FROM_MISTAKES ? "my mistakes"
	                 : o->source == QUIZ_FROM_UNSEEN ? "unseen first"
	                 : o->source == QUIZ_FROM_REVIEW ? "review queue" : NULL;
	bool ok;

	if (o->attempt)
		ok = dt_snprintf(p->title, sizeof p->title, "Practice %s mistakes in "
		                 "%s", ui_glyph(ui, UI_G_DOT), p->exam);
	else if (o->source == QUIZ_FROM_LESSON)
		ok = dt_snprintf(p->title, sizeof p->title, "Practice %s %s",
		                 ui_glyph(ui, UI_G_DOT), ui_lesson_title(ui, o->lesson_id));
	else if (o->source == QUIZ_FROM_TAG)
		ok = dt_snprintf(p->title, sizeof p->title, "Practice %s tag %s",
		                 ui_glyph(ui, UI_G_DOT), p->tag);
	else
		ok = dt_snprintf(p->title, sizeof p->title, "Practice %s %s%s%s",
		                 ui_glyph(ui, UI_G_DOT), what,
		                 o->lesson_id ? ", " : "",
		                 o->lesson_id ? ui_lesson_title(ui, o->lesson_id) : "");
	if (!ok)
		dt_strlcpy(p->title, "Practice", sizeof p->title);
}

static void build(struct ui *ui, struct practice *p);

/* Moves to the next question, or to the summary when the session is over. */
static void next_question(struct ui *ui, struct practice *p)
{
	struct app_practice_summary sum;

	if (app_practice_next(p->session, &p->item)) {
		ui_question_start(&p->q, p->item);
		p->mode = ASKING;
	} else {
		app_practice_summary(p->session, &sum);
		p->mode = sum.asked || sum.skipped ? SUMMARY : EMPTY;
	}
	p->top = 0;
	build(ui, p);
}

static bool has_tag(const struct course_question *q, const char *tag)
{
	size_t i;

	for (i = 0; i < q->n_tags; i++)
		if (strcmp(q->tags[i], tag) == 0)
			return true;
	return false;
}

/* Questions the lesson and tag filters leave: a session asks each of a
 * small pool once rather than PRACTICE_COUNT questions with repeats. */
static size_t pool_size(const struct course *c,
                        const struct app_practice_options *o)
{
	size_t i, n = 0;

	for (i = 0; i < c->n_questions; i++) {
		const struct course_question *q = &c->questions[i];

		n += (!o->lesson_id || (q->lesson_id &&
		                        strcmp(q->lesson_id, o->lesson_id) == 0)) &&
		     (!o->tag || has_tag(q, o->tag));
	}
	return n;
}

/* Starts a session from source, keeping the lesson or tag as a filter.
 * An exam's mistakes run until each is answered right, however many. */
static bool start(struct ui *ui, struct practice *p, enum quiz_source source)
{
	struct dt_error err = {0};
	size_t pool;

	app_practice_free(p->session);
	p->session = NULL;
	p->opts.source = source;
	pool = pool_size(ui->course, &p->opts);
	p->count = pool < PRACTICE_COUNT ? pool : PRACTICE_COUNT;
	p->opts.count = p->opts.attempt ? 0 : p->count ? p->count : 1;
	if (app_practice_start(ui->app, &p->opts, &p->session, &err) != DT_OK) {
		p->session = NULL;
		ui_say_error(ui, "Cannot start the practice", &err);
		return false;
	}
	set_title(ui, p);
	next_question(ui, p);
	return true;
}

static void *practice_open(struct ui *ui, const void *arg)
{
	const struct ui_practice_args *a = arg;
	struct practice *p = dt_calloc(1, sizeof *p);

	if (!p)
		return NULL;
	ui_page_init(&p->page);
	if (a->lesson && dt_strlcpy(p->lesson_id, a->lesson, sizeof p->lesson_id))
		p->opts.lesson_id = p->lesson_id;
	if (a->tag && dt_strlcpy(p->tag, a->tag, sizeof p->tag))
		p->opts.tag = p->tag;
	p->opts.attempt = a->attempt;
	dt_strlcpy(p->exam, a->exam_title ? a->exam_title : "the exam",
	           sizeof p->exam);
	if (!start(ui, p, a->source)) {
		ui_page_fini(&p->page);
		dt_free(p);
		return NULL;
	}
	return p;
}

static void practice_close(struct ui *ui, void *state)
{
	struct practice *p = state;

	(void)ui;
	app_practice_free(p->session);
	ui_page_fini(&p->page);
	dt_free(p);
}

/* ---- layout ------------------------------------------------------------ */

static void build_question(struct ui *ui, struct practice *p)
{
	struct ui_page *pg = &p->page;
	bool answered = p->mode == FEEDBACK;

	ui_page_line(pg, 0, UI_NO_TAG);
	/* Mistakes run out as they are put right: no total to promise. */
	if (p->opts.source == QUIZ_FROM_MISTAKES)
		ui_page_printf(pg, UI_TITLE, "Question %zu", p->item->number);
	else
		ui_page_printf(pg, UI_TITLE, "Question %zu of %zu", p->item->number,
		               p->count);
	ui_page_printf(pg, UI_DIM, "  %s %s", ui_glyph(ui, UI_G_DOT),
	               ui_lesson_title(ui, p->item->q->lesson_id));
	ui_page_blank(pg);
	ui_question_layout(ui, &p->q, pg, answered ? &p->resp : NULL,
	                   answered ? &p->fb.result : NULL);
	if (answered) {
		p->verdict = pg->n + 1;          /* after a blank line */
		ui_question_verdict(ui, pg, p->item, &p->resp, &p->fb.result,
		                    p->fb.explanation);
	}
}

static void build_summary(struct ui *ui, struct practice *p)
{
	struct ui_page *pg = &p->page;
	struct app_practice_summary s;
	char took[32];
	size_t i;

	app_practice_summary(p->session, &s);
	ui_format_duration(took, sizeof took, s.ms / 1000);
	ui_page_line(pg, 0, UI_NO_TAG);
	ui_page_printf(pg, UI_TITLE, "Score: %zu/%zu (%.0f%%)", s.correct, s.asked,
	               s.asked ? 100.0 * (double)s.correct / (double)s.asked : 0.0);
	ui_page_printf(pg, UI_NORMAL, " in %s", took);
	if (s.skipped)
		ui_page_printf(pg, UI_NORMAL, ", %zu skipped", s.skipped);
	ui_page_blank(pg);
	for (i = 0; i < s.n_lessons; i++) {
		const struct quiz_lesson_score *l = &s.lessons[i];
		int label = pg->width / 2 - 2;

		ui_page_line(pg, 2, UI_NO_TAG);
		ui_page_puts(pg, ui_lesson_title(ui, l->lesson_id), UI_BOLD);
		ui_page_line(pg, 4, UI_NO_TAG);
		ui_chart_bar(ui, pg, label > 10 ? label : 10, (double)l->n_correct,
		             (double)l->n_items, UI_CHART);
		ui_page_printf(pg, UI_NORMAL, "  %zu/%zu (%.0f%%)", l->n_correct,
		               l->n_items, l->pct);
	}
	ui_page_blank(pg);
	ui_page_line(pg, 0, UI_NO_TAG);
	if (s.correct < s.asked)
		ui_page_printf(pg, UI_NORMAL, "%zu wrong: press m to practise your "
		               "mistakes.", s.asked - s.correct);
	else
		ui_page_puts(pg, "All right. Press m to go over older mistakes.",
		             UI_NORMAL);
}

static const char *nothing_message(const struct app_practice_options *o)
{
	if (o->attempt)
		return "No mistakes to go over: every question of this exam was "
		       "answered right.";
	switch (o->source) {
	case QUIZ_FROM_MISTAKES: return "No mistakes to go over: every question "
	                                "you answered was last answered right.";
	case QUIZ_FROM_REVIEW: return "Nothing to review now: no review is due "
	                              "and every question has been answered.";
	default: return "No questions to practise here.";
	}
}

static void build(struct ui *ui, struct practice *p)
{
	ui_page_reset(&p->page, page_width(ui));
	p->x = (ui->cols - p->page.width) / 2;
	switch (p->mode) {
	case ASKING: case FEEDBACK: case TYPING:
		build_question(ui, p);
		break;
	case SUMMARY:
		build_summary(ui, p);
		break;
	case EMPTY:
		ui_page_markdown(ui, &p->page, 0, NULL, UI_NORMAL,
		                 nothing_message(&p->opts), UI_NO_TAG);
		break;
	}
	if (p->page.failed)
		ui_say(ui, true, "Out of memory laying the question out");
	if (p->top > ui_page_max_top(&p->page, view_h(ui)))
		p->top = ui_page_max_top(&p->page, view_h(ui));
}

/* Scrolls so the cursor's choice, or the answer line, shows. */
static void show_cursor(struct ui *ui, struct practice *p)
{
	size_t first, last;
	int tag = p->item->q->type == COURSE_Q_FILL ? UI_TAG_EDIT : (int)p->q.cursor;

	if (ui_page_find(&p->page, tag, &first, &last))
		ui_page_show(&p->top, first, last, view_h(ui));
}

static void practice_draw(struct ui *ui, void *state)
{
	struct practice *p = state;
	struct app_practice_summary s;
	char right[64];
	size_t first, last;

	if (p->page.width != page_width(ui))
		build(ui, p);
	app_practice_summary(p->session, &s);
	if (!dt_snprintf(right, sizeof right, "%zu answered %s %zu right", s.asked,
	                 ui_glyph(ui, UI_G_DOT), s.correct))
		right[0] = '\0';
	ui_draw_header(ui, p->title, right);
	ui_page_draw(ui, &p->page, 1, view_h(ui), p->top, p->x,
	             p->mode == ASKING ? (int)p->q.cursor : UI_NO_TAG);
	ui_draw_footer_mode(ui, keymap(p), ui_practice_ops.bindings,
	                    ui_practice_ops.n_bindings, NULL);
	if (p->mode == ASKING && p->item->q->type == COURSE_Q_FILL &&
	    ui_page_find(&p->page, UI_TAG_EDIT, &first, &last) && first >= p->top &&
	    first < p->top + (size_t)view_h(ui))
		ui_lineedit_draw_at(ui, &p->q.edit, 1 + (int)(first - p->top), p->x + 2,
		                    p->page.width - 2, A_UNDERLINE);
}

static unsigned practice_resize(struct ui *ui, void *state)
{
	build(ui, state);
	return UI_REDRAW;
}

/* ---- answering ---------------------------------------------------------- */

static unsigned submit(struct ui *ui, struct practice *p)
{
	struct dt_error err = {0};

	if (!ui_question_response(&p->q, &p->resp, &err)) {
		ui_say(ui, false, "%s", err.msg);
		return UI_REDRAW;
	}
	if (app_practice_answer(p->session, &p->resp, &p->fb, &err) != DT_OK) {
		ui_say_error(ui, "Cannot save the answer", &err);
		return UI_REDRAW;
	}
	p->mode = FEEDBACK;
	build(ui, p);
	/* Right or wrong, and why, show at once however tall the question. */
	ui_page_show(&p->top, p->verdict, p->page.n ? p->page.n - 1 : 0,
	             view_h(ui));
	return UI_REDRAW;
}

static unsigned answer_key(struct ui *ui, struct practice *p,
                           const struct ui_event *ev)
{
	const struct ui_keymap *m = &practice_modes[ASKING];

	switch (ui_question_key(ui, &p->q, ev, m->bindings, m->n)) {
	case UI_ANSWER_SUBMIT:
		return submit(ui, p);
	case UI_ANSWER_MOVED: case UI_ANSWER_PICKED:
		build(ui, p);
		show_cursor(ui, p);
		return UI_REDRAW;
	case UI_ANSWER_NONE:
		break;
	}
	return UI_PASS;
}

static unsigned mouse(struct ui *ui, struct practice *p,
                      const struct ui_event *ev)
{
	int hit;

	if (ui_wheel(ev))
		return ui_page_scroll(&p->page, &p->top, 3L * ui_wheel(ev), view_h(ui));
	if (!ui_is_click(ev) || p->mode != ASKING || ev->mouse.y < 1)
		return UI_NONE;
	hit = ui_question_hit(&p->page, p->top + (size_t)(ev->mouse.y - 1));
	if (hit < 0 || (size_t)hit >= p->q.n_rows)
		return UI_NONE;
	p->q.cursor = (size_t)hit;
	if (p->item->q->type == COURSE_Q_MULTIPLE)
		p->q.picked ^= 1u << hit;
	else
		p->q.picked = 1u << hit;
	build(ui, p);
	return UI_REDRAW;
}

static unsigned practice_key(struct ui *ui, void *state,
                             const struct ui_event *ev)
{
	struct practice *p = state;
	const struct ui_keymap *m = keymap(p);
	unsigned r;

	if (ev->key == KEY_MOUSE)
		return mouse(ui, p, ev);
	if (p->mode == ASKING && (r = answer_key(ui, p, ev)) != UI_PASS)
		return r;
	return ui_dispatch(ui, m->bindings, m->n, p, ev);
}

/* ---- keys --------------------------------------------------------------- */

static unsigned next(struct ui *ui, void *state, int arg)
{
	(void)arg;
	next_question(ui, state);
	return UI_REDRAW;
}

/* Opens the section the question tests, in the reader. */
static unsigned read_section(struct ui *ui, void *state, int arg)
{
	struct practice *p = state;
	const struct course_question *q = p->item->q;
	size_t i;

	(void)arg;
	for (i = 0; i < ui->course->n_lessons; i++)
		if (q->lesson_id && strcmp(ui->course->lessons[i].id, q->lesson_id) == 0) {
			p->read = (struct ui_reader_args){i, q->section_id};
			return ui_push(ui, &ui_reader_ops, &p->read);
		}
	ui_say(ui, false, "This question belongs to no lesson of the course");
	return UI_REDRAW;
}

/* The questions last answered wrong in practice, this session's answers
 * included (an exam's mistakes put right here are no longer among them). */
static unsigned mistakes(struct ui *ui, void *state, int arg)
{
	struct practice *p = state;

	(void)arg;
	p->opts.attempt = 0;
	if (!start(ui, p, QUIZ_FROM_MISTAKES))
		return UI_POP | UI_REDRAW;
	return UI_REDRAW;
}

/* Leaving a session with answers shows its summary first. */
static unsigned leave(struct ui *ui, void *state, int arg)
{
	struct practice *p = state;
	struct app_practice_summary s;

	(void)arg;
	app_practice_summary(p->session, &s);
	if (p->mode == SUMMARY || p->mode == EMPTY || s.asked == 0)
		return UI_POP | UI_REDRAW;
	p->mode = SUMMARY;
	p->top = 0;
	build(ui, p);
	return UI_REDRAW;
}

static unsigned scroll_by(struct ui *ui, void *state, int dir)
{
	struct practice *p = state;
	int step = view_h(ui) > 2 ? view_h(ui) - 2 : 1;

	return ui_page_scroll(&p->page, &p->top, (long)dir * step, view_h(ui));
}

static unsigned skip(struct ui *ui, void *state, int arg)
{
	struct practice *p = state;

	(void)arg;
	app_practice_skip(p->session);
	next_question(ui, p);
	return UI_REDRAW;
}

static const struct ui_binding asking_bindings[] = {
	UI_BIND_DOC("A-H", "choose", "Choose that answer; on a question with "
	            "several answers, pick or drop it"),
	UI_BIND_DOC("Up/Down", NULL, "Move between the answers (also j and k)"),
	UI_BIND_DOC("Space", NULL, "Pick the answer under the cursor, or drop it"),
	UI_BIND_DOC("Enter", "submit", "Submit the answer"),
	UI_BIND(skip, 0, "skip", "Skip this question (nothing is saved)", 's',
	        '\t'),
	UI_BIND(leave, 0, "leave", "Stop: the summary, then back", 'q', 27),
};

static const struct ui_binding typing_bindings[] = {
	UI_BIND_DOC("Enter", "submit", "Submit the typed answer"),
	UI_BIND(skip, 0, "skip", "Skip this question (nothing is saved)", '\t'),
	UI_BIND(leave, 0, "leave", "Stop: the summary, then back", 27),
};

static const struct ui_binding feedback_bindings[] = {
	UI_BIND(next, 0, "next", "The next question", KEY_ENTER, '\r', '\n', 'n'),
	UI_BIND(read_section, 0, "read", "Read the section this question tests",
	        'r'),
	UI_BIND(leave, 0, "leave", "Stop: the summary, then back", 'q', 27),
};

static const struct ui_binding summary_bindings[] = {
	UI_BIND(mistakes, 0, "mistakes", "Practise my mistakes", 'm'),
	UI_BIND(leave, 0, "back", "Back", 'q', 27, KEY_ENTER, '\r'),
};

static const struct ui_binding empty_bindings[] = {
	UI_BIND(leave, 0, "back", "Back", 'q', 27, KEY_ENTER, '\r'),
};

/* TYPING is ASKING on a question answered by typing: only its keys. */
static const struct ui_keymap practice_modes[TYPING + 1] = {
	[ASKING] = UI_KEYMAP("answering", asking_bindings),
	[TYPING] = UI_KEYMAP("typing an answer", typing_bindings),
	[FEEDBACK] = UI_KEYMAP("after an answer", feedback_bindings),
	[SUMMARY] = UI_KEYMAP("the summary", summary_bindings),
	[EMPTY] = UI_KEYMAP("nothing to practise", empty_bindings),
};

static const struct ui_binding practice_bindings[] = {
	UI_BIND(scroll_by, 1, NULL, "Scroll down a page", KEY_NPAGE),
	UI_BIND(scroll_by, -1, NULL, "Scroll up a page", KEY_PPAGE),
};

const struct ui_screen_ops ui_practice_ops = {
	.name = "Practice",
	.bindings = UI_BINDINGS(practice_bindings),
	.modes = practice_modes,
	.n_modes = sizeof practice_modes / sizeof practice_modes[0],
	.open = practice_open,
	.draw = practice_draw,
	.key = practice_key,
	.resize = practice_resize,
	.close = practice_close,
};
