/* The results of an exam: the score, passed or not, a bar per lesson, and
 * every question reviewed with its explanation when the blueprint's review
 * policy allows; practising the exam's mistakes (its wrong and unanswered
 * questions) is one key away.  The screen takes over the finished exam
 * from the exam screen and frees it. */
#include <string.h>

#include "ui_int.h"

#define PAGE_MAX_WIDTH 100

struct results {
	struct app_exam *e;          /* owned */
	char name[256];              /* the exam's title, sanitised */
	char title[300];
	struct ui_page page;
	size_t top;
	int x;
	struct ui_practice_args practice;
};

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

static void build_score(struct ui *ui, struct results *s,
                        const struct quiz_exam_result *res)
{
	const struct store_attempt *at = app_exam_attempt(s->e);
	struct ui_page *p = &s->page;
	char took[32];

	ui_format_duration(took, sizeof took, at->finished - at->started);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_printf(p, UI_TITLE, "Score: %.0f/%.0f (%.0f%%)", res->score,
	               res->max_score, res->pct);
	ui_page_puts(p, "  ", UI_NORMAL);
	ui_page_printf(p, res->passed ? UI_RIGHT : UI_WRONG, "%s %s",
	               ui_glyph(ui, res->passed ? UI_G_RIGHT : UI_G_WRONG),
	               res->passed ? "PASSED" : "NOT PASSED");
	ui_page_printf(p, UI_NORMAL, " (pass mark %d%%)", at->pass_mark_pct);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_printf(p, UI_NORMAL, "Answered %zu of %zu in %s%s.",
	               res->n_answered, res->n_items, took,
	               at->status == STORE_ATTEMPT_EXPIRED ? " (the time ran out)"
	                                                   : "");
}

static void build_lessons(struct ui *ui, struct results *s,
                          const struct quiz_exam_result *res)
{
	struct ui_page *p = &s->page;
	int bar = p->width / 2 - 4;
	size_t i;

	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, "By lesson", UI_HEADING);
	for (i = 0; i < res->n_lessons; i++) {
		const struct quiz_lesson_score *l = &res->lessons[i];

		ui_page_line(p, 2, UI_NO_TAG);
		ui_page_puts(p, ui_lesson_title(ui, l->lesson_id), UI_BOLD);
		ui_page_line(p, 4, UI_NO_TAG);
		ui_chart_bar(ui, p, bar > 10 ? bar : 10, (double)l->n_correct,
		             (double)l->n_items, UI_CHART);
		ui_page_printf(p, UI_NORMAL, "  %zu/%zu (%.0f%%)", l->n_correct,
		               l->n_items, l->pct);
	}
}

static void build_item(struct ui *ui, struct results *s, size_t i)
{
	const struct app_exam_item *x = app_exam_item(s->e, i);
	struct ui_page *p = &s->page;
	struct ui_question qv;
	struct quiz_response r = x->r;

	if (x->domc) {               /* the options answered yes */
		memset(&r, 0, sizeof r);
		r.picked = x->result.right | x->result.wrong;
		r.blank = !x->answered;
	}
	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_printf(p, UI_TITLE, "%zu. ", i + 1);
	if (x->result.correct)
		ui_page_printf(p, UI_RIGHT, "%s Right", ui_glyph(ui, UI_G_RIGHT));
	else
		ui_page_printf(p, UI_WRONG, "%s %s", ui_glyph(ui, UI_G_WRONG),
		               x->answered ? "Wrong" : "Not answered");
	if (x->flagged)
		ui_page_printf(p, UI_PARTIAL, "  %s flagged", ui_glyph(ui, UI_G_FLAGGED));
	ui_question_start(&qv, &x->item);
	ui_question_layout(ui, &qv, p, &r, &x->result);
	ui_question_verdict(ui, p, &x->item, &r, &x->result,
	                    x->item.q->explanation);
}

static void build(struct ui *ui, struct results *s)
{
	const struct quiz_exam_result *res = app_exam_result(s->e);
	size_t i;

	ui_page_reset(&s->page, page_width(ui));
	s->x = (ui->cols - s->page.width) / 2;
	if (!res) {
		ui_page_puts(&s->page, "The exam has no result.", UI_NORMAL);
		return;
	}
	build_score(ui, s, res);
	build_lessons(ui, s, res);
	ui_page_blank(&s->page);
	ui_page_line(&s->page, 0, UI_NO_TAG);
	if (!app_exam_shows_answers(s->e)) {
		ui_page_puts(&s->page, "The answers of this exam are not shown.",
		             UI_NORMAL);
		return;
	}
	ui_page_puts(&s->page, "Questions", UI_HEADING);
	for (i = 0; i < app_exam_count(s->e); i++)
		build_item(ui, s, i);
	if (s->page.failed)
		ui_say(ui, true, "Out of memory laying the results out");
}

static void *results_open(struct ui *ui, const void *arg)
{
	const struct ui_results_args *a = arg;
	struct results *s = dt_calloc(1, sizeof *s);

	if (!s)
		return NULL;
	s->e = *a->exam;
	*a->exam = NULL;
	ui_page_init(&s->page);
	ui_clean_into(s->name, sizeof s->name, app_exam_attempt(s->e)->title);
	if (!dt_snprintf(s->title, sizeof s->title, "Results %s %s",
	                 ui_glyph(ui, UI_G_DOT), s->name))
		dt_strlcpy(s->title, "Results", sizeof s->title);
	build(ui, s);
	return s;
}

static void results_close(struct ui *ui, void *state)
{
	struct results *s = state;

	(void)ui;
	app_exam_free(s->e);
	ui_page_fini(&s->page);
	dt_free(s);
}

static void results_draw(struct ui *ui, void *state)
{
	struct results *s = state;
	const struct quiz_exam_result *res = app_exam_result(s->e);

	if (s->page.width != page_width(ui))
		build(ui, s);
	ui_draw_header(ui, s->title, res ? res->passed ? "passed" : "not passed"
	                                 : "");
	ui_page_draw(ui, &s->page, 1, view_h(ui), s->top, s->x, UI_NO_TAG);
	ui_draw_footer(ui, ui_results_ops.bindings, ui_results_ops.n_bindings,
	               NULL);
}

static unsigned results_resize(struct ui *ui, void *state)
{
	build(ui, state);
	return UI_REDRAW;
}

static unsigned scroll_by(struct ui *ui, void *state, int lines)
{
	struct results *s = state;

	return ui_page_scroll(&s->page, &s->top, lines, view_h(ui));
}

static unsigned page(struct ui *ui, void *state, int dir)
{
	int step = view_h(ui) > 2 ? view_h(ui) - 2 : 1;

	return scroll_by(ui, state, dir * step);
}

static unsigned ends(struct ui *ui, void *state, int end)
{
	struct results *s = state;

	s->top = end ? ui_page_max_top(&s->page, view_h(ui)) : 0;
	return UI_REDRAW;
}

static unsigned mistakes(struct ui *ui, void *state, int arg)
{
	struct results *s = state;

	(void)arg;
	if (!app_exam_shows_answers(s->e)) {
		ui_say(ui, false, "The answers of this exam are not shown, so neither "
		       "are its mistakes");
		return UI_REDRAW;
	}
	s->practice = (struct ui_practice_args){
		.source = QUIZ_FROM_MISTAKES, .attempt = app_exam_attempt(s->e)->id,
		.exam_title = s->name,
	};
	return ui_push(ui, &ui_practice_ops, &s->practice);
}

static unsigned back(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static unsigned results_key(struct ui *ui, void *state,
                            const struct ui_event *ev)
{
	if (ui_wheel(ev))
		return scroll_by(ui, state, 3 * ui_wheel(ev));
	return ev->key == KEY_MOUSE ? UI_NONE : UI_PASS;
}

static const struct ui_binding results_bindings[] = {
	UI_BIND(scroll_by, 1, "scroll", "Scroll down one line", 'j', KEY_DOWN),
	UI_BIND(scroll_by, -1, "", "Scroll up one line", 'k', KEY_UP),
	UI_BIND(page, 1, NULL, "Scroll down one page", ' ', KEY_NPAGE, 'f'),
	UI_BIND(page, -1, NULL, "Scroll up one page", 'b', KEY_PPAGE),
	UI_BIND(ends, 0, NULL, "Go to the top", 'g', KEY_HOME),
	UI_BIND(ends, 1, NULL, "Go to the end", 'G', KEY_END),
	UI_BIND(mistakes, 0, "mistakes", "Practise this exam's mistakes: the "
	        "questions answered wrong or not at all", 'm'),
	UI_BIND(back, 0, "back", "Back to the exams", 'q', 27, KEY_LEFT),
};

const struct ui_screen_ops ui_results_ops = {
	.name = "Exam results",
	.bindings = UI_BINDINGS(results_bindings),
	.open = results_open,
	.draw = results_draw,
	.key = results_key,
	.resize = results_resize,
	.close = results_close,
};
