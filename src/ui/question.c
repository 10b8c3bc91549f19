/* A question on screen, shared by practice and exams: the stem and the
 * choices laid out in a page, the answer being chosen, and the marks and
 * explanations once it is answered.
 *
 * Design: the question view holds only what the learner is choosing (a
 * cursor, picks in display order, a line editor); turning picks into a
 * response in content order, and scoring, are the app's and the quiz
 * engine's.  True/false questions are shown as two choices, True and
 * False, so every question but a typed one is answered the same way. */
#include <string.h>

#include "ui_int.h"

static bool is_choice(const struct app_item *it)
{
	return it->q->type == COURSE_Q_SINGLE || it->q->type == COURSE_Q_MULTIPLE;
}

void ui_question_start(struct ui_question *qv, const struct app_item *item)
{
	memset(qv, 0, sizeof *qv);
	qv->item = item;
	qv->n_rows = is_choice(item) ? item->n_choices
	             : item->q->type == COURSE_Q_TRUEFALSE ? 2 : 0;
	ui_lineedit_start(&qv->edit, false);
}

void ui_question_set(struct ui_question *qv, const struct quiz_response *r)
{
	const struct app_item *it = qv->item;
	size_t i;

	qv->picked = 0;
	if (r->blank)
		return;
	switch (it->q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		for (i = 0; i < it->n_choices; i++)
			if (r->picked & (1u << it->order[i])) {
				if (!qv->picked)
					qv->cursor = i;
				qv->picked |= 1u << i;
			}
		break;
	case COURSE_Q_TRUEFALSE:
		qv->cursor = r->value ? 0 : 1;
		qv->picked = 1u << qv->cursor;
		break;
	default:
		ui_lineedit_set(&qv->edit, r->text ? r->text : "");
		break;
	}
}

bool ui_question_response(const struct ui_question *qv,
                          struct quiz_response *r, struct dt_error *err)
{
	const struct app_item *it = qv->item;
	size_t i;

	memset(r, 0, sizeof *r);
	switch (it->q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		for (i = 0; i < it->n_choices; i++)
			if (qv->picked & (1u << i))
				r->picked |= 1u << it->order[i];
		break;
	case COURSE_Q_TRUEFALSE:
		r->value = qv->picked == 1u;
		break;
	default: {
		size_t k = 0;

		while (qv->edit.buf[k] == ' ')
			k++;
		if (qv->edit.buf[k] == '\0')
			break;
		r->text = qv->edit.buf;
		return true;
	}
	}
	if (qv->picked)
		return true;
	dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0, "%s",
	             it->q->type == COURSE_Q_FILL ? "Type an answer first"
	             : it->q->type == COURSE_Q_MULTIPLE
	             ? "Choose at least one answer: Space or its letter"
	             : "Choose an answer first");
	return false;
}

/* ---- layout ------------------------------------------------------------ */

/* The text of display row i. */
static const char *row_text(const struct ui_question *qv, size_t i)
{
	const struct app_item *it = qv->item;

	if (it->q->type == COURSE_Q_TRUEFALSE)
		return i == 0 ? "True" : "False";
	return it->q->choices[it->order[i]].text;
}

/* Whether display row i is a right answer. */
static bool row_correct(const struct ui_question *qv, size_t i)
{
	const struct app_item *it = qv->item;

	if (it->q->type == COURSE_Q_TRUEFALSE)
		return it->q->answer == (i == 0);
	return it->q->choices[it->order[i]].correct;
}

enum mark { MARK_NONE, MARK_RIGHT, MARK_WRONG, MARK_MISSED };

/* The mark of row i once answered. */
static enum mark row_mark(const struct ui_question *qv, size_t i,
                          const struct quiz_response *r,
                          const struct quiz_result *res)
{
	const struct app_item *it = qv->item;
	uint32_t bit;

	if (it->q->type == COURSE_Q_TRUEFALSE) {
		bool picked = !r->blank && r->value == (i == 0);

		if (picked)
			return res->correct ? MARK_RIGHT : MARK_WRONG;
		return row_correct(qv, i) ? MARK_MISSED : MARK_NONE;
	}
	bit = 1u << it->order[i];
	if (res->right & bit)
		return MARK_RIGHT;
	if (res->wrong & bit)
		return MARK_WRONG;
	return res->missed & bit ? MARK_MISSED : MARK_NONE;
}

static const struct {
	enum ui_glyph glyph;
	enum ui_role role;
	const char *word;
} marks[] = {
	[MARK_NONE] = {UI_G_BLANK, UI_NORMAL, NULL},
	[MARK_RIGHT] = {UI_G_RIGHT, UI_RIGHT, "Your pick, right"},
	[MARK_WRONG] = {UI_G_WRONG, UI_WRONG, "Your pick, wrong"},
	[MARK_MISSED] = {UI_G_MISSED, UI_MISSED, "Missed: this one is right"},
};

/* "(*) A. " or "[x] A. " before a choice being chosen; "✓ A. " after. */
static void row_prefix(struct ui *ui, const struct ui_question *qv, size_t i,
                       enum mark m, bool answered, char *out, size_t size)
{
	bool multi = qv->item->q->type == COURSE_Q_MULTIPLE;
	bool on = qv->picked & (1u << i);

	if (answered)
		dt_snprintf(out, size, "%s %c. ", m == MARK_NONE ? " "
		            : ui_glyph(ui, marks[m].glyph), app_letter(i));
	else
		dt_snprintf(out, size, "%s %c. ", multi ? (on ? "[x]" : "[ ]")
		            : (on ? "(*)" : "( )"), app_letter(i));
}

static void layout_row(struct ui *ui, const struct ui_question *qv,
                       struct ui_page *p, size_t i, enum mark m,
                       bool answered)
{
	const struct app_item *it = qv->item;
	const char *why = it->q->type == COURSE_Q_TRUEFALSE ? NULL
	                  : it->q->choices[it->order[i]].why;
	char prefix[32], label[64];
	int pw;

	row_prefix(ui, qv, i, m, answered, prefix, sizeof prefix);
	pw = (int)dt_utf8_width(prefix, strlen(prefix));
	ui_page_markdown(ui, p, 2, prefix, answered ? marks[m].role : UI_BOLD,
	                 row_text(qv, i), (int)i);
	if (!answered || (m == MARK_NONE && !why))
		return;
	if (!why) {
		ui_page_line(p, 2 + pw, (int)i);
		ui_page_puts(p, marks[m].word, marks[m].role);
		return;
	}
	if (!dt_snprintf(label, sizeof label, "%s: ",
	                 m == MARK_NONE ? "Why not" : marks[m].word))
		label[0] = '\0';
	ui_page_markdown(ui, p, 2 + pw, label, m == MARK_NONE ? UI_DIM
	                                                      : marks[m].role,
	                 why, (int)i);
}

void ui_question_layout(struct ui *ui, const struct ui_question *qv,
                        struct ui_page *p, const struct quiz_response *r,
                        const struct quiz_result *res)
{
	const struct app_item *it = qv->item;
	bool answered = r && res;
	size_t i;

	ui_page_markdown(ui, p, 0, NULL, UI_NORMAL, it->q->stem, UI_NO_TAG);
	ui_page_blank(p);
	if (it->q->type == COURSE_Q_FILL) {
		if (answered)
			return;
		ui_page_line(p, 2, UI_NO_TAG);
		ui_page_puts(p, "Your answer:", UI_BOLD);
		ui_page_line(p, 2, UI_TAG_EDIT);
		return;
	}
	for (i = 0; i < qv->n_rows; i++)
		layout_row(ui, qv, p, i, answered ? row_mark(qv, i, r, res)
		                                  : MARK_NONE, answered);
}

void ui_question_verdict(struct ui *ui, struct ui_page *p,
                         const struct app_item *item,
                         const struct quiz_response *r,
                         const struct quiz_result *res,
                         const char *explanation)
{
	struct dt_buf b;

	dt_buf_init(&b);
	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	if (res->correct) {
		ui_page_printf(p, UI_RIGHT, "%s Correct.", ui_glyph(ui, UI_G_RIGHT));
	} else {
		ui_page_printf(p, UI_WRONG, "%s %s.", ui_glyph(ui, UI_G_WRONG),
		               r->blank ? "Not answered" : "Wrong");
		if (app_format_key(item, &b) && b.data) {
			ui_page_puts(p, " The answer is ", UI_NORMAL);
			ui_page_puts(p, b.data, UI_BOLD);
			ui_page_puts(p, ".", UI_NORMAL);
		}
	}
	if (item->q->type == COURSE_Q_FILL && !r->blank) {
		dt_buf_reset(&b);
		ui_page_line(p, 0, UI_NO_TAG);
		ui_page_puts(p, "You typed: ", UI_NORMAL);
		if (app_format_response(item, r, &b) && b.data)
			ui_page_puts(p, b.data, UI_BOLD);
	}
	dt_buf_fini(&b);
	if (explanation) {
		ui_page_blank(p);
		ui_page_markdown(ui, p, 0, NULL, UI_NORMAL, explanation, UI_NO_TAG);
	}
}

int ui_question_hit(const struct ui_page *p, size_t line)
{
	if (line >= p->n || p->lines[line].tag < 0 ||
	    p->lines[line].tag >= (int)QUIZ_MAX_CHOICES)
		return -1;
	return p->lines[line].tag;
}

/* ---- keys ---------------------------------------------------------------- */

static enum ui_answer_key choose(struct ui_question *qv, size_t i)
{
	qv->cursor = i;
	if (qv->item->q->type == COURSE_Q_MULTIPLE)
		qv->picked ^= 1u << i;
	else
		qv->picked = 1u << i;
	return UI_ANSWER_PICKED;
}

/* The row a letter names ('t' and 'f' name True and False too), or -1. */
static int letter_row(const struct ui_question *qv, const struct ui_event *ev,
                      const struct ui_binding *reserved, size_t n_reserved)
{
	int k = ev->key;

	if (k >= 'a' && k <= 'z' && ui_binds(reserved, n_reserved, k))
		return -1;
	if (qv->item->q->type == COURSE_Q_TRUEFALSE && (k == 't' || k == 'T'))
		return 0;
	if (qv->item->q->type == COURSE_Q_TRUEFALSE && (k == 'f' || k == 'F'))
		return 1;
	if (k >= 'a' && k <= 'z')
		k -= 'a' - 'A';
	if (k >= 'A' && k < 'A' + (int)qv->n_rows)
		return k - 'A';
	return -1;
}

/* The editing keys and typed characters go to the editor; Esc, Tab, the
 * mouse and other keys stay with the screen. */
static enum ui_answer_key fill_key(struct ui *ui, struct ui_question *qv,
                                   const struct ui_event *ev)
{
	bool edits = ev->key != 27 &&
	             ui_binds(ui_lineedit_bindings, ui_n_lineedit_bindings, ev->key);
	bool text = ev->ch >= 0x20 && ev->ch != 0x7F;

	if (ev->key == KEY_ENTER || ev->key == '\r' || ev->key == '\n')
		return UI_ANSWER_SUBMIT;
	if (!edits && !text)
		return UI_ANSWER_NONE;
	ui_lineedit_key(ui, &qv->edit, ev);
	return UI_ANSWER_MOVED;
}

enum ui_answer_key ui_question_key(struct ui *ui, struct ui_question *qv,
                                   const struct ui_event *ev,
                                   const struct ui_binding *reserved,
                                   size_t n_reserved)
{
	int row;

	if (qv->item->q->type == COURSE_Q_FILL)
		return fill_key(ui, qv, ev);
	switch (ev->key) {
	case KEY_UP: case 'k':
		if (qv->cursor > 0)
			qv->cursor--;
		return UI_ANSWER_MOVED;
	case KEY_DOWN: case 'j':
		if (qv->cursor + 1 < qv->n_rows)
			qv->cursor++;
		return UI_ANSWER_MOVED;
	case ' ':
		return choose(qv, qv->cursor);
	case KEY_ENTER: case '\r': case '\n':
		if (qv->item->q->type != COURSE_Q_MULTIPLE)
			qv->picked = 1u << qv->cursor;
		return UI_ANSWER_SUBMIT;
	default:
		break;
	}
	row = letter_row(qv, ev, reserved, n_reserved);
	return row < 0 ? UI_ANSWER_NONE : choose(qv, (size_t)row);
}
