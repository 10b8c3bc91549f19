/* Fuzz target: the stored forms of responses (quiz_response_decode and
 * quiz_response_encode), scoring, and DOMC items, on a few fixed questions
 * of every type.  The first input byte picks the DOMC question and its
 * extra option, the second its showing order; the rest is the stored text.
 * Invariants:
 *   - a decoded response encodes to a text that decodes to the same
 *     response and the same score;
 *   - a fill answer normalises idempotently and its pattern never errors;
 *   - DOMC answers that replay encode to a text that replays to the same
 *     state, and a decided item scores the same as its decoded response;
 *   - the DOMC state machine, driven by the input's bits, never shows an
 *     option twice nor answers past the end. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/quiz.h"

static struct course_choice single_choices[] = {
	{"namespaces", NULL, true}, {"cgroups", "Not this one.", false},
	{"chroot only", NULL, false}, {"a hypervisor", NULL, false},
};

static struct course_choice multiple_choices[] = {
	{"-p", NULL, true}, {"--publish", NULL, true}, {"--expose", NULL, false},
	{"-P is not one", NULL, false}, {"--network", NULL, false},
};

/* As many choices as a question may have: the highest bit is used. */
static struct course_choice wide_choices[QUIZ_MAX_CHOICES];

static const char *detach_answers[] = {"-d", "--detach"};
static const char *path_answers[] = {"PATH"};

#define QUESTION(qid, qtype) .id = qid, .lesson_id = "basics", \
	.section_id = "intro", .type = qtype, .difficulty = 2, .stem = "?", \
	.pos = {"questions.yaml", 1, 3}

static struct course_question questions[] = {
	{ QUESTION("single", COURSE_Q_SINGLE), .choices = single_choices,
	  .n_choices = 4 },
	{ QUESTION("multiple", COURSE_Q_MULTIPLE), .choices = multiple_choices,
	  .n_choices = 5 },
	{ QUESTION("wide", COURSE_Q_MULTIPLE), .choices = wide_choices,
	  .n_choices = QUIZ_MAX_CHOICES },
	{ QUESTION("truefalse", COURSE_Q_TRUEFALSE), .answer = true },
	{ QUESTION("fill", COURSE_Q_FILL), .answers = detach_answers,
	  .n_answers = 2 },
	{ QUESTION("pattern", COURSE_Q_FILL), .pattern = "docker (image ls|images)" },
	{ QUESTION("exact", COURSE_Q_FILL), .answers = path_answers,
	  .n_answers = 1, .pattern = "[A-Z_]+ *= *[^ ]+", .case_sensitive = true },
};

#define N_QUESTIONS (sizeof questions / sizeof questions[0])

static void setup(void)
{
	static bool done;
	size_t i;

	if (done)
		return;
	for (i = 0; i < QUIZ_MAX_CHOICES; i++) {
		wide_choices[i].text = "option";
		wide_choices[i].correct = i % 3 == 0 || i == QUIZ_MAX_CHOICES - 1;
	}
	done = true;
}

/* For choice questions no pick at all ("domc:" before the first answer)
 * is stored as the blank response, so the two are the same. */
static bool same_response(const struct course_question *q,
                          const struct quiz_response *a,
                          const struct quiz_response *b)
{
	if (q->type == COURSE_Q_SINGLE || q->type == COURSE_Q_MULTIPLE)
		return (a->blank ? 0 : a->picked) == (b->blank ? 0 : b->picked);
	if (a->blank || b->blank)
		return a->blank == b->blank;
	switch (q->type) {
	case COURSE_Q_TRUEFALSE:
		return a->value == b->value;
	default:
		return strcmp(a->text, b->text) == 0;
	}
}

/* Scores r; a fill answer past QUIZ_MAX_ANSWER is the only error allowed
 * (the patterns are valid).  Returns false for that one. */
static bool score(const struct course_question *q,
                  const struct quiz_response *r, struct quiz_result *out)
{
	struct dt_error err;
	enum dt_status rc = quiz_score(q, r, out, &err);

	if (rc == DT_ERR_LIMIT && q->type == COURSE_Q_FILL &&
	    strlen(r->text) > QUIZ_MAX_ANSWER)
		return false;
	if (rc != DT_OK || (out->score != 0.0 && out->score != 1.0) ||
	    out->correct != (out->score == 1.0))
		abort();
	if ((out->right | out->wrong) >> q->n_choices ||
	    out->missed >> q->n_choices || (out->right & out->wrong))
		abort();
	return true;
}

static void check_fill_text(const struct course_question *q, const char *text)
{
	char once[QUIZ_MAX_ANSWER + 1], twice[QUIZ_MAX_ANSWER + 1];

	if (strlen(text) > QUIZ_MAX_ANSWER)
		return;
	if (!quiz_normalize_answer(text, !q->case_sensitive, once, sizeof once) ||
	    !quiz_normalize_answer(once, !q->case_sensitive, twice, sizeof twice) ||
	    strcmp(once, twice) != 0)
		abort();
}

/* decode, score, encode, decode again: the same response, the same score. */
static void round_trip(const struct course_question *q, const char *text)
{
	struct quiz_response r, again;
	struct quiz_result first, second;
	struct dt_error err;
	char stored[QUIZ_MAX_ANSWER + 64];

	if (quiz_response_decode(q, text, &r, &err) != DT_OK) {
		if (err.code != DT_ERR_SYNTAX || q->type == COURSE_Q_FILL)
			abort();
		return;
	}
	if (q->type == COURSE_Q_FILL && !r.blank)
		check_fill_text(q, r.text);
	if (!score(q, &r, &first))
		return;
	if (!quiz_response_encode(q, &r, stored, sizeof stored)) {
		if (q->type != COURSE_Q_FILL)
			abort();        /* picks and booleans always fit */
		return;
	}
	if (quiz_response_decode(q, stored, &again, &err) != DT_OK ||
	    !same_response(q, &r, &again) || !score(q, &again, &second) ||
	    first.correct != second.correct)
		abort();
}

/* The showing order drawn from one byte: a Fisher-Yates shuffle. */
static void make_item(struct quiz_paper_item *item,
                      const struct course_question *q, uint8_t seed,
                      bool extra)
{
	size_t i;

	memset(item, 0, sizeof *item);
	item->q = q;
	item->n_choices = (uint8_t)q->n_choices;
	item->domc_extra = extra;
	for (i = 0; i < q->n_choices; i++)
		item->order[i] = (uint8_t)i;
	for (i = q->n_choices; i > 1; i--) {
		size_t j = (seed * 31u + i * 7u) % i;
		uint8_t t = item->order[i - 1];

		item->order[i - 1] = item->order[j];
		item->order[j] = t;
		seed = (uint8_t)(seed * 5u + 1u);
	}
}

static bool same_domc(const struct quiz_domc *a, const struct quiz_domc *b)
{
	return a->q == b->q && a->n == b->n && a->shown == b->shown &&
	       a->extra == b->extra && a->decided == b->decided &&
	       a->right == b->right && a->decided_at == b->decided_at &&
	       a->finished == b->finished &&
	       memcmp(a->order, b->order, a->n) == 0 &&
	       memcmp(a->answers, b->answers, a->shown) == 0;
}

/* A state that replays: its stored form replays to the same state, and a
 * decided item agrees with the decoded response's score. */
static void check_domc_state(const struct quiz_domc *d,
                             const struct quiz_paper_item *item)
{
	char stored[8 * QUIZ_MAX_CHOICES];
	struct quiz_domc again;
	struct quiz_response r;
	struct quiz_result res, scored;
	struct dt_error err;
	uint32_t seen = 0;
	size_t i;

	/* Every option once: the showing order is a permutation. */
	for (i = 0; i < d->n; i++)
		if (d->order[i] >= d->n || (seen & 1u << d->order[i]))
			abort();
		else
			seen |= 1u << d->order[i];
	if (d->shown > d->n || (d->finished && quiz_domc_next(d) != -1) ||
	    (d->decided && d->decided_at > d->shown))
		abort();
	if (!quiz_domc_encode(d, stored, sizeof stored) ||
	    quiz_domc_replay(&again, item, stored, &err) != DT_OK ||
	    !same_domc(d, &again))
		abort();
	if (!d->decided || d->shown == 0)
		return;
	quiz_domc_result(d, &res);
	if (quiz_response_decode(d->q, stored, &r, &err) != DT_OK ||
	    r.picked != (res.right | res.wrong) || !score(d->q, &r, &scored) ||
	    scored.correct != res.correct)
		abort();
}

static void replay(const struct quiz_paper_item *item, const char *text)
{
	struct quiz_domc d;
	struct dt_error err;

	if (quiz_domc_replay(&d, item, text, &err) == DT_OK)
		check_domc_state(&d, item);
	else if (err.code != DT_ERR_SYNTAX)
		abort();
}

/* Answers the item with the input's bits, Yes for 1, until it finishes. */
static void drive(const struct quiz_paper_item *item, const uint8_t *bits,
                  size_t n)
{
	struct quiz_domc d;
	struct dt_error err;
	size_t i;

	if (!quiz_domc_start(&d, item))
		abort();
	for (i = 0; quiz_domc_next(&d) >= 0; i++) {
		bool yes = n > 0 && (bits[(i / 8) % n] >> (i % 8) & 1);

		if (i >= d.n || quiz_domc_answer(&d, yes, &err) != DT_OK)
			abort();
		check_domc_state(&d, item);
	}
	if (!d.decided || quiz_domc_answer(&d, true, &err) != DT_ERR_STATE)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct course_question *dq;
	struct quiz_paper_item item;
	char *text;
	size_t i;

	if (size < 2)
		return 0;
	setup();
	text = malloc(size - 1);
	if (!text)
		return 0;
	memcpy(text, data + 2, size - 2);
	text[size - 2] = '\0';
	for (i = 0; i < N_QUESTIONS; i++)
		round_trip(&questions[i], text);
	dq = &questions[data[0] % 3];           /* the choice questions */
	make_item(&item, dq, data[1], data[0] & 0x80);
	replay(&item, text);
	drive(&item, data + 2, size - 2);
	free(text);
	return 0;
}
