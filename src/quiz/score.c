/* Scoring: a response against its question, all or nothing, with the
 * per-choice feedback practice shows; and the text form responses take in
 * the database.  Fill answers are normalised (trim, fold spaces, fold case)
 * before comparison; patterns are POSIX EREs anchored to the whole answer. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/quiz.h"
#include "quiz_int.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

static char fold(char c, bool fold_case)
{
	return fold_case && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool quiz_normalize_answer(const char *in, bool fold_case, char *out,
                           size_t size)
{
	size_t n = 0;
	bool gap = false;

	if (size == 0)
		return false;
	for (; *in; in++) {
		if (is_space(*in)) {
			gap = n > 0;
			continue;
		}
		if (n + (gap ? 2 : 1) >= size) {
			out[n] = '\0';
			return false;
		}
		if (gap)
			out[n++] = ' ';
		gap = false;
		out[n++] = fold(*in, fold_case);
	}
	out[n] = '\0';
	return true;
}

uint32_t quiz_correct_mask(const struct course_question *q)
{
	uint32_t mask = 0;
	size_t i;

	for (i = 0; i < q->n_choices && i < QUIZ_MAX_CHOICES; i++)
		if (q->choices[i].correct)
			mask |= 1u << i;
	return mask;
}

static enum dt_status score_choices(const struct course_question *q,
                                    const struct quiz_response *r,
                                    struct quiz_result *out,
                                    struct dt_error *err)
{
	uint32_t key, picked;

	if (q->n_choices > QUIZ_MAX_CHOICES)
		return dt_error_set(err, DT_ERR_LIMIT, q->pos.file, q->pos.line,
		                    q->pos.col, "question '%s' has more than %u choices",
		                    q->id, QUIZ_MAX_CHOICES);
	key = quiz_correct_mask(q);
	picked = r->blank ? 0 : r->picked & ((1u << q->n_choices) - 1);
	out->right = picked & key;
	out->wrong = picked & ~key;
	out->missed = key & ~picked;
	out->correct = !r->blank && picked == key;
	return DT_OK;
}

static enum dt_status match_pattern(const struct course_question *q,
                                    const char *answer, bool *matched,
                                    struct dt_error *err)
{
	struct dt_buf re;
	regex_t rx;
	int flags = REG_EXTENDED | REG_NOSUB | (q->case_sensitive ? 0 : REG_ICASE);
	int rc;

	dt_buf_init(&re);
	dt_buf_printf(&re, "^(%s)$", q->pattern);
	if (re.failed)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	rc = regcomp(&rx, re.data, flags);
	dt_buf_fini(&re);
	if (rc != 0)
		return dt_error_set(err, DT_ERR_INVALID, q->pos.file, q->pos.line,
		                    q->pos.col,
		                    "question '%s': the pattern is not a valid "
		                    "extended regular expression", q->id);
	*matched = regexec(&rx, answer, 0, NULL, 0) == 0;
	regfree(&rx);
	return DT_OK;
}

static enum dt_status score_fill(const struct course_question *q,
                                 const struct quiz_response *r,
                                 struct quiz_result *out, struct dt_error *err)
{
	char given[QUIZ_MAX_ANSWER + 1], accepted[QUIZ_MAX_ANSWER + 1];
	bool fold_case = !q->case_sensitive;
	size_t i;

	if (r->blank || !r->text)
		return DT_OK;
	if (strlen(r->text) > QUIZ_MAX_ANSWER)
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the answer is longer than %u bytes",
		                    QUIZ_MAX_ANSWER);
	quiz_normalize_answer(r->text, fold_case, given, sizeof given);
	for (i = 0; i < q->n_answers && !out->correct; i++)
		out->correct = quiz_normalize_answer(q->answers[i], fold_case,
		                                     accepted, sizeof accepted) &&
		               strcmp(given, accepted) == 0;
	if (!out->correct && q->pattern) {
		/* The pattern sees the case as typed; REG_ICASE folds it. */
		quiz_normalize_answer(r->text, false, given, sizeof given);
		return match_pattern(q, given, &out->correct, err);
	}
	return DT_OK;
}

enum dt_status quiz_score(const struct course_question *q,
                          const struct quiz_response *r,
                          struct quiz_result *out, struct dt_error *err)
{
	enum dt_status rc = DT_OK;

	memset(out, 0, sizeof *out);
	switch (q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		rc = score_choices(q, r, out, err);
		break;
	case COURSE_Q_TRUEFALSE:
		out->correct = !r->blank && r->value == q->answer;
		break;
	case COURSE_Q_FILL:
		rc = score_fill(q, r, out, err);
		break;
	default:
		rc = dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                  "question '%s' has an unknown type", q->id);
		break;
	}
	if (rc != DT_OK) {
		memset(out, 0, sizeof *out);
		return rc;
	}
	out->score = out->correct ? 1.0 : 0.0;
	return DT_OK;
}

static bool encode_picks(uint32_t picked, char *out, size_t size)
{
	size_t n = 0;
	unsigned i;

	out[0] = '\0';
	for (i = 0; i < QUIZ_MAX_CHOICES; i++) {
		int w;

		if (!(picked & (1u << i)))
			continue;
		w = snprintf(out + n, size - n, n ? ",%u" : "%u", i);
		if (w < 0 || (size_t)w >= size - n)
			return false;
		n += (size_t)w;
	}
	return true;
}

bool quiz_response_encode(const struct course_question *q,
                          const struct quiz_response *r, char *out,
                          size_t size)
{
	if (size == 0)
		return false;
	if (r->blank)
		return dt_strlcpy(out, "", size);
	switch (q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		return encode_picks(r->picked, out, size);
	case COURSE_Q_TRUEFALSE:
		return dt_strlcpy(out, r->value ? "true" : "false", size);
	case COURSE_Q_FILL:
		return dt_strlcpy(out, r->text ? r->text : "", size);
	default:
		return false;
	}
}

static bool decode_picks(const struct course_question *q, const char *s,
                         uint32_t *picked)
{
	*picked = 0;
	while (*s) {
		char *end;
		unsigned long i;

		if (*s < '0' || *s > '9')
			return false;
		i = strtoul(s, &end, 10);
		if (i >= q->n_choices || i >= QUIZ_MAX_CHOICES)
			return false;
		*picked |= 1u << i;
		s = end;
		if (*s == ',' && s[1] != '\0')
			s++;
		else if (*s != '\0')
			return false;
	}
	return true;
}

/* The picks of a DOMC response are its Yes answers up to the decision:
 * the extra option shown afterwards does not count. */
static bool decode_domc(const struct course_question *q, const char *s,
                        uint32_t *picked)
{
	struct quiz_paper_item item;
	struct quiz_domc d;
	uint8_t idx[QUIZ_MAX_CHOICES];
	bool yes[QUIZ_MAX_CHOICES];
	size_t shown, n, i;

	*picked = 0;
	if (q->n_choices > QUIZ_MAX_CHOICES ||
	    !quiz_domc_parse(q, s, idx, yes, &shown))
		return false;
	/* The answers give the showing order; options never shown follow. */
	memset(&item, 0, sizeof item);
	item.q = q;
	item.n_choices = (uint8_t)q->n_choices;
	memcpy(item.order, idx, shown);
	n = shown;
	for (i = 0; i < q->n_choices; i++)
		if (!memchr(idx, (int)i, shown))
			item.order[n++] = (uint8_t)i;
	if (!quiz_domc_start(&d, &item))
		return false;
	for (i = 0; i < shown && !d.decided; i++) {
		if (yes[i])
			*picked |= 1u << idx[i];
		if (quiz_domc_answer(&d, yes[i], NULL) != DT_OK)
			return false;
	}
	return true;
}

enum dt_status quiz_response_decode(const struct course_question *q,
                                    const char *text,
                                    struct quiz_response *r,
                                    struct dt_error *err)
{
	bool ok = true;

	memset(r, 0, sizeof *r);
	if (!text || !*text) {
		r->blank = true;
		return DT_OK;
	}
	switch (q->type) {
	case COURSE_Q_SINGLE:
	case COURSE_Q_MULTIPLE:
		ok = dt_str_has_prefix(text, "domc:")
		         ? decode_domc(q, text + 5, &r->picked)
		         : decode_picks(q, text, &r->picked);
		break;
	case COURSE_Q_TRUEFALSE:
		ok = strcmp(text, "true") == 0 || strcmp(text, "false") == 0;
		r->value = strcmp(text, "true") == 0;
		break;
	case COURSE_Q_FILL:
		r->text = text;
		break;
	default:
		ok = false;
		break;
	}
	if (!ok)
		return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
		                    "question '%s': malformed stored response '%.40s'",
		                    q->id, text);
	return DT_OK;
}

void quiz_count_picks(const struct course_question *q,
                      const struct quiz_response *responses, size_t n,
                      size_t *counts, size_t *blank)
{
	size_t i, c;

	for (i = 0; i < n; i++) {
		if (responses[i].blank) {
			(*blank)++;
			continue;
		}
		for (c = 0; c < q->n_choices && c < QUIZ_MAX_CHOICES; c++)
			if (responses[i].picked & (1u << c))
				counts[c]++;
	}
}
