/* Answers as the learner types and reads them: letters for the choices in
 * the order shown, true/false, typed text; and the right answer written
 * the same way for feedback and results. */
#include <string.h>

#include "app_int.h"

char app_letter(size_t pos)
{
	return pos < QUIZ_MAX_CHOICES ? (char)('A' + pos) : '?';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static enum dt_status hint(const struct app_item *item, struct dt_error *err)
{
	char last = app_letter(item->n_choices ? item->n_choices - 1u : 0u);

	if (item->q->type == COURSE_Q_SINGLE)
		return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
		                    "answer with one letter from A to %c", last);
	return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
	                    "answer with one or more letters from A to %c, "
	                    "such as A,C", last);
}

/* Letters (any case) with optional commas and blanks between them. */
static enum dt_status parse_letters(const struct app_item *item,
                                    const char *text, struct quiz_response *r,
                                    struct dt_error *err)
{
	uint32_t shown = 0;
	size_t count = 0;

	for (; *text; text++) {
		char c = *text;
		size_t pos;

		if (is_blank(c) || c == ',')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			return hint(item, err);
		pos = (size_t)(c - 'A');
		if (pos >= item->n_choices || (shown & (1u << pos)))
			return hint(item, err);
		shown |= 1u << pos;
		r->picked |= 1u << item->order[pos];
		count++;
	}
	if (count == 0 || (item->q->type == COURSE_Q_SINGLE && count > 1))
		return hint(item, err);
	return DT_OK;
}

static const struct {
	const char *word;
	bool value;
} truth_words[] = {
	{ "true", true }, { "t", true }, { "yes", true }, { "y", true },
	{ "false", false }, { "f", false }, { "no", false }, { "n", false },
};

static enum dt_status parse_truth(const char *text, struct quiz_response *r,
                                  struct dt_error *err)
{
	char word[8];
	size_t n = 0, i;

	while (is_blank(*text))
		text++;
	while (*text && !is_blank(*text) && n + 1 < sizeof word)
		word[n++] = *text++;
	word[n] = '\0';
	while (is_blank(*text))
		text++;
	for (i = 0; !*text && i < sizeof truth_words / sizeof truth_words[0]; i++) {
		if (dt_strcasecmp(word, truth_words[i].word) == 0) {
			r->value = truth_words[i].value;
			return DT_OK;
		}
	}
	return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
	                    "answer true or false");
}

static enum dt_status parse_fill(const char *text, struct quiz_response *r,
                                 struct dt_error *err)
{
	const char *p = text;

	if (strlen(text) > QUIZ_MAX_ANSWER)
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "an answer has at most %u bytes", QUIZ_MAX_ANSWER);
	while (is_blank(*p))
		p++;
	if (!*p)
		return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
		                    "type the answer");
	r->text = text;
	return DT_OK;
}

enum dt_status app_parse_response(const struct app_item *item,
                                  const char *text, struct quiz_response *r,
                                  struct dt_error *err)
{
	memset(r, 0, sizeof *r);
	switch (item->q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		return parse_letters(item, text, r, err);
	case COURSE_Q_TRUEFALSE:
		return parse_truth(text, r, err);
	default:
		return parse_fill(text, r, err);
	}
}

/* The display letters of the choices in a content-order mask. */
static void put_letters(const struct app_item *item, uint32_t mask,
                        struct dt_buf *out)
{
	bool first = true;
	size_t i;

	for (i = 0; i < item->n_choices; i++) {
		if (!(mask & (1u << item->order[i])))
			continue;
		if (!first)
			dt_buf_puts(out, ", ");
		dt_buf_putc(out, app_letter(i));
		first = false;
	}
}

bool app_format_key(const struct app_item *item, struct dt_buf *out)
{
	const struct course_question *q = item->q;
	uint32_t key = 0;
	size_t i;

	switch (q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		for (i = 0; i < q->n_choices && i < QUIZ_MAX_CHOICES; i++)
			if (q->choices[i].correct)
				key |= 1u << i;
		put_letters(item, key, out);
		break;
	case COURSE_Q_TRUEFALSE:
		dt_buf_puts(out, q->answer ? "true" : "false");
		break;
	default:
		if (q->n_answers > 0)
			dt_buf_puts(out, q->answers[0]);
		else if (q->pattern)
			dt_buf_printf(out, "text matching %s", q->pattern);
		break;
	}
	return !out->failed;
}

bool app_format_response(const struct app_item *item,
                         const struct quiz_response *r, struct dt_buf *out)
{
	if (r->blank) {
		dt_buf_puts(out, "(no answer)");
		return !out->failed;
	}
	switch (item->q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		if (r->picked)
			put_letters(item, r->picked, out);
		else
			dt_buf_puts(out, "(none)");
		break;
	case COURSE_Q_TRUEFALSE:
		dt_buf_puts(out, r->value ? "true" : "false");
		break;
	default:
		dt_buf_puts(out, r->text ? r->text : "");
		break;
	}
	return !out->failed;
}
