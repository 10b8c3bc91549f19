/* DOMC items: options shown one at a time, each answered Yes or No, the
 * item decided as soon as the answers settle it (the Docker Certified
 * Associate exam's presentation).  The state is small and plain, and its
 * stored form ("domc:2Y,0N") replays to the same state, so an attempt
 * resumes exactly where it stopped. */
#include <stdio.h>
#include <string.h>

#include "dockertutor/quiz.h"
#include "quiz_int.h"

bool quiz_domc_start(struct quiz_domc *d, const struct quiz_paper_item *item)
{
	const struct course_question *q = item->q;
	size_t i;

	memset(d, 0, sizeof *d);
	d->q = q;
	if ((q->type != COURSE_Q_SINGLE && q->type != COURSE_Q_MULTIPLE) ||
	    q->n_choices == 0 || q->n_choices > QUIZ_MAX_CHOICES) {
		d->finished = true;
		return false;
	}
	d->n = (uint8_t)q->n_choices;
	for (i = 0; i < d->n; i++)
		d->order[i] = item->n_choices == d->n ? item->order[i] : (uint8_t)i;
	d->extra = item->domc_extra;
	return true;
}

int quiz_domc_next(const struct quiz_domc *d)
{
	return d->finished ? -1 : d->order[d->shown];
}

static bool all_correct_said_yes(const struct quiz_domc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		bool yes = i < d->shown && d->answers[i] == 'Y';

		if (d->q->choices[d->order[i]].correct && !yes)
			return false;
	}
	return true;
}

static void decide(struct quiz_domc *d, bool right)
{
	d->decided = true;
	d->right = right;
	d->decided_at = d->shown;
}

enum dt_status quiz_domc_answer(struct quiz_domc *d, bool yes,
                                struct dt_error *err)
{
	bool correct;

	if (d->finished)
		return dt_error_set(err, DT_ERR_STATE, NULL, 0, 0,
		                    "this item has no more options to answer");
	correct = d->q->choices[d->order[d->shown]].correct;
	d->answers[d->shown++] = yes ? 'Y' : 'N';
	if (d->decided) {               /* the extra option: does not count */
		d->finished = true;
		return DT_OK;
	}
	if (yes != correct)
		decide(d, false);
	else if (yes && (d->q->type == COURSE_Q_SINGLE || all_correct_said_yes(d)))
		decide(d, true);
	else if (d->shown == d->n)      /* no correct option at all */
		decide(d, false);
	if (d->decided)
		d->finished = !d->extra || d->shown == d->n;
	return DT_OK;
}

void quiz_domc_result(const struct quiz_domc *d, struct quiz_result *out)
{
	uint32_t key = quiz_correct_mask(d->q), yes = 0;
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < d->decided_at; i++)
		if (d->answers[i] == 'Y')
			yes |= 1u << d->order[i];
	out->correct = d->decided && d->right;
	out->score = out->correct ? 1.0 : 0.0;
	out->right = yes & key;
	out->wrong = yes & ~key;
	out->missed = out->correct ? 0 : key & ~yes;
}

bool quiz_domc_encode(const struct quiz_domc *d, char *out, size_t size)
{
	size_t n = 0, i;
	int w;

	w = snprintf(out, size, "domc:");
	if (w < 0 || (size_t)w >= size)
		return false;
	n = (size_t)w;
	for (i = 0; i < d->shown; i++) {
		w = snprintf(out + n, size - n, i ? ",%u%c" : "%u%c",
		             (unsigned)d->order[i], d->answers[i]);
		if (w < 0 || (size_t)w >= size - n)
			return false;
		n += (size_t)w;
	}
	return true;
}

bool quiz_domc_parse(const struct course_question *q, const char *s,
                     uint8_t *idx, bool *yes, size_t *n)
{
	uint32_t seen = 0;

	*n = 0;
	while (*s) {
		unsigned v = 0;

		if (*s < '0' || *s > '9' || *n >= q->n_choices)
			return false;
		while (*s >= '0' && *s <= '9' && v < 100)
			v = v * 10 + (unsigned)(*s++ - '0');
		if (v >= q->n_choices || v >= QUIZ_MAX_CHOICES ||
		    (seen & (1u << v)) || (*s != 'Y' && *s != 'N'))
			return false;
		seen |= 1u << v;
		idx[*n] = (uint8_t)v;
		yes[(*n)++] = *s++ == 'Y';
		if (*s == ',' && s[1])
			s++;
		else if (*s)
			return false;
	}
	return true;
}

enum dt_status quiz_domc_replay(struct quiz_domc *d,
                                const struct quiz_paper_item *item,
                                const char *text, struct dt_error *err)
{
	uint8_t idx[QUIZ_MAX_CHOICES];
	bool yes[QUIZ_MAX_CHOICES];
	size_t n, i;

	if (!quiz_domc_start(d, item))
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "question '%s' cannot be shown as DOMC",
		                    item->q->id);
	if (!text || !*text)
		return DT_OK;
	if (!dt_str_has_prefix(text, "domc:") ||
	    !quiz_domc_parse(item->q, text + 5, idx, yes, &n))
		goto bad;
	for (i = 0; i < n; i++) {
		if (quiz_domc_next(d) != idx[i] ||
		    quiz_domc_answer(d, yes[i], NULL) != DT_OK)
			goto bad;
	}
	return DT_OK;
bad:
	return dt_error_set(err, DT_ERR_SYNTAX, NULL, 0, 0,
	                    "question '%s': stored DOMC answers '%.40s' do not "
	                    "fit its paper", item->q->id, text);
}
