/* A timed exam: the countdown in the header (a warning colour in the last
 * five minutes), the navigator grid, one question at a time (a DOMC item
 * one option at a time, answered y or n), flags, jumps, a review page,
 * submitting with a confirmation, and the submit at zero.
 *
 * Design: the app's exam stores every answer and flag the moment it is
 * given, so this screen keeps only what is on screen: the current item,
 * the mode (answering, typing a fill answer, moving in the navigator,
 * typing a question number, the review page) and the page of the current
 * item.  Every turn the tick asks the app whether the deadline passed; a
 * closed exam is handed to the results screen, which takes it over.
 * Leaving keeps the attempt open; opening the exam again resumes it. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

#define PAGE_MAX_WIDTH 100
#define WARN_SECONDS 300         /* the clock turns to the warning colour */

/* DOMC only names the keys of QUESTION on an item shown option by
 * option; WIDE is the footer of QUESTION on an item whose choices reach
 * E, where some letters need Shift. */
enum mode { QUESTION, EDITING, NAVIGATING, GOING, REVIEW, DOMC, WIDE };

struct exam {
	struct app_exam *e;              /* owned until the results take it */
	char title[256];
	size_t cur;                      /* the item on screen */
	struct ui_question q;            /* its picks (standard items) */
	enum mode mode;
	size_t nav_cursor;
	struct ui_nav nav;
	struct ui_lineedit go;
	struct ui_page page;
	size_t top;
	int x, page_y;
	int64_t shown_left;              /* the seconds drawn last */
	char text[256];                  /* the confirmation's */
	struct ui_confirm_args confirm;
	struct ui_results_args results;
};

static const struct ui_keymap exam_modes[WIDE + 1];

/* ---- layout ---------------------------------------------------------- */

static const struct app_exam_item *current(const struct exam *x);

/* The keys the footer shows first, and the screen's commands when they
 * work in this mode. */
/* Whether the current item shows a choice at letter c: E, F and G take
 * Shift, their small letters being commands (e types, f flags, g goes
 * to). */
static bool has_choice(const struct exam *x, char c)
{
	return !current(x)->domc && x->q.n_rows > (size_t)(c - 'A');
}

static const struct ui_keymap *keymap(const struct exam *x)
{
	if (x->mode == QUESTION && current(x)->domc)
		return &exam_modes[DOMC];
	if (x->mode == QUESTION && has_choice(x, 'E'))
		return &exam_modes[WIDE];
	return &exam_modes[x->mode];
}

static int page_width(const struct ui *ui)
{
	int w = ui->cols - 4;

	if (w < UI_MIN_COLS - 4)
		w = UI_MIN_COLS - 4;
	return w > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : w;
}

static const struct app_exam_item *current(const struct exam *x)
{
	return app_exam_item(x->e, x->cur);
}

static bool is_fill(const struct exam *x)
{
	return !current(x)->domc && current(x)->item.q->type == COURSE_Q_FILL;
}

static void layout_nav(struct ui *ui, struct exam *x)
{
	ui_nav_layout(ui, &x->nav, app_exam_count(x->e),
	              x->mode == NAVIGATING ? x->nav_cursor : x->cur);
	x->page_y = 1 + x->nav.rows + 1;
}

static int view_h(const struct ui *ui, const struct exam *x)
{
	return ui->rows - 1 - x->page_y;
}

/* The options of a DOMC item answered so far, then the one to answer. */
static void build_domc(struct ui *ui, struct exam *x)
{
	const struct app_exam_item *it = current(x);
	const struct quiz_domc *d = &it->d;
	int next = quiz_domc_next(d);
	char prefix[32];
	size_t k;

	ui_page_markdown(ui, &x->page, 0, NULL, UI_NORMAL, it->item.q->stem,
	                 UI_NO_TAG);
	ui_page_blank(&x->page);
	for (k = 0; k < d->shown; k++) {
		if (!dt_snprintf(prefix, sizeof prefix, "Option %zu, you said %s: ",
		                 k + 1, d->answers[k] == 'Y' ? "yes" : "no"))
			prefix[0] = '\0';
		ui_page_markdown(ui, &x->page, 2, prefix, UI_DIM,
		                 it->item.q->choices[d->order[k]].text, UI_NO_TAG);
	}
	ui_page_blank(&x->page);
	if (next < 0) {
		ui_page_markdown(ui, &x->page, 0, NULL, UI_NORMAL, "This question "
		                 "is answered; a DOMC answer cannot change.", UI_NO_TAG);
		return;
	}
	if (!dt_snprintf(prefix, sizeof prefix, "Option %u: ", (unsigned)d->shown + 1u))
		prefix[0] = '\0';
	ui_page_markdown(ui, &x->page, 2, prefix, UI_BOLD,
	                 it->item.q->choices[next].text, UI_NO_TAG);
	ui_page_blank(&x->page);
	ui_page_markdown(ui, &x->page, 0, NULL, UI_NORMAL, "Is this option "
	                 "correct? **y** yes, **n** no", UI_NO_TAG);
}

static void build(struct ui *ui, struct exam *x)
{
	const struct app_exam_item *it = current(x);

	ui_page_reset(&x->page, page_width(ui));
	x->x = (ui->cols - x->page.width) / 2;
	if (x->mode == REVIEW) {
		ui_nav_review(ui, &x->page, x->e);
	} else if (it->domc) {
		build_domc(ui, x);
	} else {
		ui_question_layout(ui, &x->q, &x->page, NULL, NULL);
		if (is_fill(x))
			ui_page_markdown(ui, &x->page, 2, NULL, UI_DIM, x->mode == EDITING
			                 ? "**Enter** saves the answer; **Esc** leaves "
			                   "it for the exam's keys."
			                 : "**Enter** or **e** types an answer.", UI_NO_TAG);
	}
	if (it->flagged && x->mode != REVIEW) {
		ui_page_blank(&x->page);
		ui_page_line(&x->page, 0, UI_NO_TAG);
		ui_page_printf(&x->page, UI_PARTIAL, "%s Flagged for review (f "
		               "unflags it)", ui_glyph(ui, UI_G_FLAGGED));
	}
	if (x->page.failed)
		ui_say(ui, true, "Out of memory laying the question out");
}

/* Shows item i: its saved answer, the fill editor on a fill question. */
static void show_item(struct ui *ui, struct exam *x, size_t i)
{
	const struct app_exam_item *it = app_exam_item(x->e, i);

	x->cur = i;
	app_exam_visit(x->e, i);
	ui_question_start(&x->q, &it->item);
	ui_question_set(&x->q, &it->r);
	x->mode = !it->domc && it->item.q->type == COURSE_Q_FILL ? EDITING
	          : QUESTION;
	x->top = 0;
	build(ui, x);
}

/* ---- opening and the clock --------------------------------------------- */

static void *exam_open(struct ui *ui, const void *arg)
{
	const struct ui_exam_args *a = arg;
	struct app_exam_options o = {a->blueprint, false, 0};
	struct dt_error err = {0};
	struct exam *x = dt_calloc(1, sizeof *x);
	size_t first, answered;

	if (!x)
		return NULL;
	if (app_exam_open(ui->app, &o, &x->e, NULL, &err) != DT_OK) {
		ui_say_error(ui, "Cannot open the exam", &err);
		dt_free(x);
		return NULL;
	}
	if (app_exam_count(x->e) == 0) {
		ui_say(ui, true, "The exam has no questions");
		app_exam_free(x->e);
		dt_free(x);
		return NULL;
	}
	ui_page_init(&x->page);
	ui_clean_into(x->title, sizeof x->title, app_exam_attempt(x->e)->title);
	x->shown_left = -1;
	if (!app_exam_is_open(x->e))
		return x;                    /* the tick shows the results */
	app_exam_counts(x->e, &answered, NULL);
	if (app_exam_resumed(x->e))
		ui_say(ui, false, "Resumed: %zu of %zu answered", answered,
		       app_exam_count(x->e));
	first = app_exam_next_unanswered(x->e, QUIZ_NONE);
	show_item(ui, x, first == QUIZ_NONE ? 0 : first);
	return x;
}

static void exam_close(struct ui *ui, void *state)
{
	struct exam *x = state;

	(void)ui;
	app_exam_free(x->e);
	ui_page_fini(&x->page);
	dt_free(x);
}

static unsigned to_results(struct ui *ui, struct exam *x)
{
	x->results.exam = &x->e;
	return ui_replace(ui, &ui_results_ops, &x->results);
}

static unsigned exam_tick(struct ui *ui, void *state, uint64_t now_ms)
{
	struct exam *x = state;
	struct dt_error err = {0};
	bool expired;
	int64_t left;

	(void)now_ms;
	if (!x->e)
		return UI_NONE;
	if (!app_exam_is_open(x->e)) {
		ui_say(ui, false, "The time ran out while you were away: the exam "
		       "was submitted with what was answered");
		return to_results(ui, x);
	}
	if (app_exam_tick(x->e, &expired, &err) != DT_OK)
		ui_say_error(ui, "Cannot submit the exam", &err);
	if (expired) {
		ui_say(ui, false, "Time is up: the exam was submitted with what was "
		       "answered");
		return to_results(ui, x);
	}
	left = app_exam_remaining(x->e);
	if (left == x->shown_left)
		return UI_NONE;
	x->shown_left = left;
	return UI_REDRAW;
}

/* ---- drawing -------------------------------------------------------------- */

static void draw_header(struct ui *ui, struct exam *x)
{
	char right[64], clock[32];
	int64_t left = app_exam_remaining(x->e);
	int cw;

	ui_format_clock(clock, sizeof clock, left);
	if (!dt_snprintf(right, sizeof right, "Question %zu/%zu   %s", x->cur + 1,
	                 app_exam_count(x->e), clock))
		right[0] = '\0';
	ui_draw_header(ui, x->title, right);
	x->shown_left = left;
	if (left > WARN_SECONDS)
		return;
	cw = (int)strlen(clock);
	ui_puts(ui, 0, ui->cols - 2 - cw, cw + 2, " ", ui_attr(ui, UI_WARN));
	ui_puts(ui, 0, ui->cols - 1 - cw, cw, clock, ui_attr(ui, UI_WARN));
	ui_puts(ui, 0, ui->cols - 1, 1, " ", ui_attr(ui, UI_WARN));
}

/* The rule under the navigator, with the counts. */
static void draw_rule(struct ui *ui, struct exam *x)
{
	size_t answered, flagged;
	char counts[96];
	int y = x->page_y - 1;

	app_exam_counts(x->e, &answered, &flagged);
	ui_hline(ui, y, 1, ui->cols - 2, ui_attr(ui, UI_BORDER));
	if (dt_snprintf(counts, sizeof counts, " %zu of %zu answered, %zu flagged ",
	                answered, app_exam_count(x->e), flagged))
		ui_puts(ui, y, 3, ui->cols - 6, counts, ui_attr(ui, UI_DIM));
}

/* The fill answer: the editor while typing, else the saved text. */
static void draw_fill(struct ui *ui, struct exam *x)
{
	size_t first, last;
	int y;

	if (x->mode == REVIEW || !is_fill(x) ||
	    !ui_page_find(&x->page, UI_TAG_EDIT, &first, &last) ||
	    first < x->top || first >= x->top + (size_t)view_h(ui, x))
		return;
	y = x->page_y + (int)(first - x->top);
	if (x->mode == EDITING) {
		ui_lineedit_draw_at(ui, &x->q.edit, y, x->x + 2, x->page.width - 2,
		                    A_UNDERLINE);
		return;
	}
	ui_fill(y, x->x + 2, x->page.width - 2, A_UNDERLINE);
	ui_puts(ui, y, x->x + 2, x->page.width - 2, current(x)->response,
	        A_UNDERLINE);
}

static void exam_draw(struct ui *ui, void *state)
{
	struct exam *x = state;

	if (!x->e || !app_exam_is_open(x->e))
		return;                      /* the tick moves on */
	if (x->page.width != page_width(ui))
		build(ui, x);
	layout_nav(ui, x);
	draw_header(ui, x);
	ui_nav_draw(ui, &x->nav, x->e, x->cur,
	            x->mode == NAVIGATING ? x->nav_cursor : QUIZ_NONE, 1);
	draw_rule(ui, x);
	ui_page_draw(ui, &x->page, x->page_y, view_h(ui, x), x->top, x->x,
	             x->mode == QUESTION && !current(x)->domc ? (int)x->q.cursor
	                                                     : UI_NO_TAG);
	if (x->mode == GOING) {
		ui_lineedit_draw(ui, &x->go, ui->rows - 1, has_choice(x, 'G')
		                 ? "Go to question (Esc: back; Shift-G chooses G): "
		                 : "Go to question: ");
		return;
	}
	ui_draw_footer_mode(ui, keymap(x), x->mode == QUESTION
	                    ? ui_exam_ops.bindings : NULL,
	                    x->mode == QUESTION ? ui_exam_ops.n_bindings : 0, NULL);
	draw_fill(ui, x);
}

static unsigned exam_resize(struct ui *ui, void *state)
{
	struct exam *x = state;

	if (x->e && app_exam_is_open(x->e))
		build(ui, x);
	return UI_REDRAW;
}

/* ---- answering -------------------------------------------------------------- */

/* Stores the picks (or the typed text) of the current item. */
static unsigned save(struct ui *ui, struct exam *x)
{
	struct quiz_response r;
	struct dt_error err = {0};

	if (!ui_question_response(&x->q, &r, &err)) {
		memset(&r, 0, sizeof r);
		r.blank = true;              /* every pick dropped: unanswered */
	}
	if (app_exam_answer(x->e, x->cur, &r, &err) != DT_OK)
		ui_say_error(ui, "The answer was not saved", &err);
	build(ui, x);
	return UI_REDRAW;
}

static unsigned domc(struct ui *ui, struct exam *x, bool yes)
{
	struct dt_error err = {0};

	if (quiz_domc_next(&current(x)->d) < 0) {
		ui_say(ui, false, "This question is answered; a DOMC answer cannot "
		       "change");
		return UI_REDRAW;
	}
	if (app_exam_domc(x->e, x->cur, yes, &err) != DT_OK)
		ui_say_error(ui, "The answer was not saved", &err);
	build(ui, x);
	return UI_REDRAW;
}

static void show_cursor(struct ui *ui, struct exam *x)
{
	size_t first, last;
	int tag = is_fill(x) ? UI_TAG_EDIT : (int)x->q.cursor;

	if (ui_page_find(&x->page, tag, &first, &last))
		ui_page_show(&x->top, first, last, view_h(ui, x));
}

static unsigned answer_key(struct ui *ui, struct exam *x,
                           const struct ui_event *ev)
{
	enum ui_answer_key k;

	if (current(x)->domc) {
		if (ev->key == 'y' || ev->key == 'Y' || ev->key == 'n' || ev->key == 'N')
			return domc(ui, x, ev->key == 'y' || ev->key == 'Y');
		return UI_PASS;
	}
	if (is_fill(x) && x->mode == QUESTION)
		return UI_PASS;              /* e or Enter starts typing */
	k = ui_question_key(ui, &x->q, ev, ui_exam_ops.bindings,
	                    ui_exam_ops.n_bindings);
	if (k == UI_ANSWER_PICKED || k == UI_ANSWER_SUBMIT) {
		if (is_fill(x))
			x->mode = QUESTION;
		show_cursor(ui, x);
		return save(ui, x);
	}
	if (k == UI_ANSWER_MOVED) {
		build(ui, x);
		show_cursor(ui, x);
		return UI_REDRAW;
	}
	return UI_PASS;
}

static unsigned go_key(struct ui *ui, struct exam *x, const struct ui_event *ev)
{
	unsigned long n;

	switch (ui_lineedit_key(ui, &x->go, ev)) {
	case UI_EDIT_CONTINUE:
		return UI_REDRAW;
	case UI_EDIT_CANCEL:
		x->mode = QUESTION;
		build(ui, x);
		return UI_REDRAW;
	case UI_EDIT_DONE:
		break;
	}
	n = strtoul(x->go.buf, NULL, 10);
	if (n < 1 || n > app_exam_count(x->e)) {
		ui_say(ui, true, "There is no question %s: 1 to %zu", x->go.buf,
		       app_exam_count(x->e));
		x->mode = QUESTION;
		return UI_REDRAW;
	}
	show_item(ui, x, n - 1);
	return UI_REDRAW;
}

static unsigned mouse(struct ui *ui, struct exam *x, const struct ui_event *ev)
{
	size_t hit;
	int row;

	if (ui_wheel(ev))
		return ui_page_scroll(&x->page, &x->top, 3L * ui_wheel(ev),
		                      view_h(ui, x));
	if (!ui_is_click(ev))
		return UI_NONE;
	hit = ui_nav_hit(&x->nav, 1, ev->mouse.y, ev->mouse.x);
	if (hit != QUIZ_NONE) {
		show_item(ui, x, hit);
		return UI_REDRAW;
	}
	row = ev->mouse.y - x->page_y;
	if (x->mode != QUESTION || current(x)->domc || row < 0)
		return UI_NONE;
	row = ui_question_hit(&x->page, x->top + (size_t)row);
	if (row < 0 || (size_t)row >= x->q.n_rows)
		return UI_NONE;
	x->q.cursor = (size_t)row;
	if (current(x)->item.q->type == COURSE_Q_MULTIPLE)
		x->q.picked ^= 1u << row;
	else
		x->q.picked = 1u << row;
	return save(ui, x);
}

static unsigned exam_key(struct ui *ui, void *state, const struct ui_event *ev)
{
	struct exam *x = state;
	const struct ui_keymap *m;
	unsigned r;

	if (!x->e || !app_exam_is_open(x->e))
		return UI_NONE;
	if (ev->key == KEY_MOUSE)
		return mouse(ui, x, ev);
	if (x->mode == GOING)
		return go_key(ui, x, ev);
	if ((x->mode == QUESTION || x->mode == EDITING) &&
	    (r = answer_key(ui, x, ev)) != UI_PASS)
		return r;
	m = &exam_modes[x->mode];
	return ui_dispatch(ui, m->bindings, m->n, x, ev);
}

/* ---- keys of the question ----------------------------------------------------- */

static unsigned step(struct ui *ui, void *state, int dir)
{
	struct exam *x = state;
	size_t n = app_exam_count(x->e);

	if ((dir < 0 && x->cur == 0) || (dir > 0 && x->cur + 1 >= n)) {
		ui_say(ui, false, "This is the %s question; r reviews, s submits",
		       dir < 0 ? "first" : "last");
		return UI_REDRAW;
	}
	show_item(ui, x, dir < 0 ? x->cur - 1 : x->cur + 1);
	return UI_REDRAW;
}

static unsigned flag(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;
	bool on = !current(x)->flagged;
	struct dt_error err = {0};

	(void)arg;
	if (app_exam_flag(x->e, x->cur, on, &err) != DT_OK)
		ui_say_error(ui, "The flag was not saved", &err);
	else
		ui_say(ui, false, "Question %zu %s%s", x->cur + 1,
		       on ? "flagged for review" : "no longer flagged",
		       has_choice(x, 'F') ? "; Shift-F chooses F" : "");
	build(ui, x);
	return UI_REDRAW;
}

static unsigned go(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)ui;
	(void)arg;
	x->mode = GOING;
	ui_lineedit_start(&x->go, true);
	x->go.digits_only = true;
	return UI_REDRAW;
}

static unsigned navigator(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)ui;
	(void)arg;
	x->mode = NAVIGATING;
	x->nav_cursor = x->cur;
	return UI_REDRAW;
}

static unsigned review(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)arg;
	x->mode = REVIEW;
	x->top = 0;
	build(ui, x);
	return UI_REDRAW;
}

static unsigned type_answer(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)arg;
	if (!is_fill(x) && has_choice(x, 'E')) {
		ui_say(ui, false, "e types typed answers; Shift-E chooses E");
		return UI_REDRAW;
	}
	if (!is_fill(x))
		return UI_NONE;
	x->mode = EDITING;
	build(ui, x);
	show_cursor(ui, x);
	return UI_REDRAW;
}

static unsigned stop_typing(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)arg;
	ui_question_set(&x->q, &current(x)->r);   /* drops what was not saved */
	x->mode = QUESTION;
	build(ui, x);
	return UI_REDRAW;
}

static unsigned submit_now(struct ui *ui, void *ctx)
{
	struct exam *x = ctx;
	struct dt_error err = {0};
	enum dt_status rc = app_exam_submit(x->e, &err);

	if (rc != DT_OK && rc != DT_ERR_STATE) {
		ui_say_error(ui, "Cannot submit the exam", &err);
		return UI_REDRAW;
	}
	return to_results(ui, x);
}

static unsigned submit(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;
	size_t answered, n = app_exam_count(x->e);
	bool ok;

	(void)arg;
	app_exam_counts(x->e, &answered, NULL);
	if (answered < n)
		ok = dt_snprintf(x->text, sizeof x->text, "%zu unanswered \u2014 "
		                 "submit anyway?", n - answered);
	else
		ok = dt_snprintf(x->text, sizeof x->text, "Every question is "
		                 "answered. Submit the exam?");
	if (!ok)
		dt_strlcpy(x->text, "Submit the exam?", sizeof x->text);
	x->confirm = (struct ui_confirm_args){"Submit", x->text, submit_now, x};
	return ui_push(ui, &ui_confirm_ops, &x->confirm);
}

static unsigned leave_now(struct ui *ui, void *ctx)
{
	(void)ui;
	(void)ctx;
	return UI_POP | UI_REDRAW;
}

static unsigned leave(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)arg;
	x->confirm = (struct ui_confirm_args){
		"Leave the exam?",
		"Your answers are saved and **the clock keeps running**; open the "
		"exam again to resume it.", leave_now, x,
	};
	return ui_push(ui, &ui_confirm_ops, &x->confirm);
}

static unsigned scroll_by(struct ui *ui, void *state, int dir)
{
	struct exam *x = state;
	int h = view_h(ui, x), step_h = h > 2 ? h - 2 : 1;

	return ui_page_scroll(&x->page, &x->top, (long)dir * step_h, h);
}

/* ---- keys of the navigator and the review page ---------------------------- */

static unsigned nav_move(struct ui *ui, void *state, int delta)
{
	struct exam *x = state;
	long to = (long)x->nav_cursor + delta;

	(void)ui;
	if (delta == 100 || delta == -100)     /* a row */
		to = (long)x->nav_cursor + (delta > 0 ? 1 : -1) * x->nav.per_row;
	if (to >= 0 && (size_t)to < app_exam_count(x->e))
		x->nav_cursor = (size_t)to;
	return UI_REDRAW;
}

static unsigned nav_jump(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)arg;
	show_item(ui, x, x->nav_cursor);
	return UI_REDRAW;
}

static unsigned back_to_question(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;

	(void)arg;
	show_item(ui, x, x->cur);
	return UI_REDRAW;
}

static unsigned first_unanswered(struct ui *ui, void *state, int arg)
{
	struct exam *x = state;
	size_t i = app_exam_next_unanswered(x->e, x->cur);

	(void)arg;
	if (i == QUIZ_NONE) {
		ui_say(ui, false, "Every question is answered; s submits");
		return UI_REDRAW;
	}
	show_item(ui, x, i);
	return UI_REDRAW;
}

static const struct ui_binding question_bindings[] = {
	UI_BIND_DOC("A-H", "answer", "Choose that answer (saved at once); E, F "
	            "and G need Shift, as e, f and g are commands (type an "
	            "answer, flag, go to)"),
	UI_BIND_DOC("Space/Enter", NULL, "Pick the answer under the cursor; on "
	            "a question with several answers, pick or drop it"),
	UI_BIND_DOC("Up/Down", NULL, "Move between the answers (also j and k)"),
};

/* The footer's reminder on a question with choices from E on. */
static const struct ui_binding wide_bindings[] = {
	UI_BIND_DOC("A-H", "answer, Shift for E-G", NULL),
};

static const struct ui_binding domc_bindings[] = {
	UI_BIND_DOC("y/n", "answer", "Yes, this option is correct, or no (saved "
	            "at once; an answer cannot change)"),
};

static const struct ui_binding editing_bindings[] = {
	UI_BIND_DOC("Enter", "save", "Save the typed answer"),
	UI_BIND(stop_typing, 0, "stop typing", "Stop typing: the exam's keys "
	        "work again (unsaved text is dropped)", 27),
	UI_BIND(navigator, 0, "navigator", "Move in the navigator grid", '\t'),
};

static const struct ui_binding navigating_bindings[] = {
	UI_BIND(nav_move, 1, "move", "The next cell", KEY_RIGHT, 'l'),
	UI_BIND(nav_move, -1, "", "The previous cell", KEY_LEFT, 'h'),
	UI_BIND(nav_move, 100, NULL, "The cell below", KEY_DOWN, 'j'),
	UI_BIND(nav_move, -100, NULL, "The cell above", KEY_UP, 'k'),
	UI_BIND(nav_jump, 0, "go", "Go to that question", KEY_ENTER, '\r', '\n'),
	UI_BIND(back_to_question, 0, "back", "Back to the question", 27, '\t',
	        'q'),
};

static const struct ui_binding going_bindings[] = {
	UI_BIND_DOC("0-9 Enter", NULL, "Type the question number and go there"),
};

static const struct ui_binding review_bindings[] = {
	UI_BIND(submit, 0, "submit", "Submit the exam (asks first)", 's'),
	UI_BIND(go, 0, "go to", "Go to question number...", 'g'),
	UI_BIND(first_unanswered, 0, "unanswered", "The next unanswered "
	        "question", 'u'),
	UI_BIND(navigator, 0, NULL, "Move in the navigator grid", '\t'),
	UI_BIND(back_to_question, 0, "back", "Back to the question",
	        KEY_ENTER, '\r', 'q', 27),
};

/* The answering keys of a mode; the exam's commands (the screen's table)
 * work in QUESTION and DOMC.  WIDE only changes the footer: help leaves it
 * out (no name), QUESTION's rows say it all. */
static const struct ui_keymap exam_modes[WIDE + 1] = {
	[QUESTION] = UI_KEYMAP("answering", question_bindings),
	[WIDE] = UI_KEYMAP(NULL, wide_bindings),
	[DOMC] = UI_KEYMAP("one option at a time (DOMC)", domc_bindings),
	[EDITING] = UI_KEYMAP("typing an answer", editing_bindings),
	[NAVIGATING] = UI_KEYMAP("the navigator", navigating_bindings),
	[GOING] = UI_KEYMAP("going to a question", going_bindings),
	[REVIEW] = UI_KEYMAP("the review page", review_bindings),
};

/* In the footer's order: a narrow window keeps the first, and the way to
 * finishing (review, whose page submits) comes before flags and jumps. */
static const struct ui_binding exam_bindings[] = {
	UI_BIND(step, -1, "question", "The previous question", '[', KEY_LEFT),
	UI_BIND(step, 1, "", "The next question", ']', KEY_RIGHT),
	UI_BIND(review, 0, "review", "The review page: answered, flagged, "
	        "unanswered", 'r'),
	UI_BIND(submit, 0, "submit", "Submit the exam (asks first)", 's'),
	UI_BIND(flag, 0, "flag", "Flag or unflag this question for review", 'f'),
	UI_BIND(go, 0, "go to", "Go to question number...", 'g'),
	UI_BIND(navigator, 0, NULL, "Move in the navigator grid", '\t'),
	UI_BIND(first_unanswered, 0, NULL, "The next unanswered question", 'u'),
	UI_BIND(type_answer, 0, NULL, "Type an answer (a typed-answer question)",
	        'e', KEY_ENTER, '\r', '\n'),
	UI_BIND(leave, 0, "leave", "Leave: the clock keeps running, reopen to "
	        "resume", 'q', 27),
	UI_BIND(scroll_by, 1, NULL, "Scroll the question down a page", KEY_NPAGE),
	UI_BIND(scroll_by, -1, NULL, "Scroll the question up a page", KEY_PPAGE),
};

const struct ui_screen_ops ui_exam_ops = {
	.name = "Exam",
	.bindings = UI_BINDINGS(exam_bindings),
	.modes = exam_modes,
	.n_modes = sizeof exam_modes / sizeof exam_modes[0],
	.open = exam_open,
	.draw = exam_draw,
	.key = exam_key,
	.resize = exam_resize,
	.tick = exam_tick,
	.close = exam_close,
};
