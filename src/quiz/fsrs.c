/* Review scheduling with FSRS-5, the open spaced-repetition algorithm Anki
 * uses, with its published default parameters and a desired retention of
 * 0.9 (docs/scheduling.md).  Design: a long-term scheduler without learning
 * steps; a review on the same day as the previous one uses FSRS-5's
 * short-term stability formula, so practising a question twice in one
 * sitting does not inflate its interval.  Elapsed time is counted in whole
 * days, as the reference implementations do. */
#include <math.h>

#include "dockertutor/quiz.h"

const double quiz_fsrs_default_w[QUIZ_FSRS_PARAMS] = {
	0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046,
	1.54575, 0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315,
	2.9898, 0.51655, 0.6621,
};

#define W quiz_fsrs_default_w
#define DECAY (-0.5)
#define FACTOR (19.0 / 81.0)    /* 0.9^(1/DECAY) - 1: R(S, S) = 0.9 */
#define DAY 86400
#define MIN_STABILITY 0.01

static const char *const card_states[] = {
#define QUIZ_CARD_NAME(id, name) name,
	QUIZ_CARD_STATE_LIST(QUIZ_CARD_NAME)
#undef QUIZ_CARD_NAME
};

const char *quiz_card_state_name(enum quiz_card_state state)
{
	return (unsigned)state < QUIZ_CARD_STATE_COUNT ? card_states[state] : "?";
}

void quiz_review_init(struct quiz_review *r)
{
	r->stability = 0;
	r->difficulty = 0;
	r->due = 0;
	r->last_review = 0;
	r->reps = 0;
	r->lapses = 0;
	r->state = QUIZ_CARD_NEW;
}

enum quiz_rating quiz_rating_for(bool correct)
{
	return correct ? QUIZ_GOOD : QUIZ_AGAIN;
}

/* A stored review may hold anything (NAN from a damaged database): NAN
 * clamps to lo, so every interval stays a number the int cast can take,
 * and a card without a positive stability starts over as a new one. */
static double clamp(double v, double lo, double hi)
{
	return !(v >= lo) ? lo : v > hi ? hi : v;
}

/* R(t, S) = (1 + FACTOR * t / S)^DECAY */
static double forgetting_curve(double days, double s)
{
	return pow(1.0 + FACTOR * days / s, DECAY);
}

static double elapsed_days(const struct quiz_review *r, int64_t now)
{
	int64_t secs = now - r->last_review;

	return secs > 0 ? (double)(secs / DAY) : 0.0;
}

double quiz_retrievability(const struct quiz_review *r, int64_t now)
{
	if (r->state == QUIZ_CARD_NEW || !(r->stability > 0))
		return 1.0;
	return forgetting_curve(elapsed_days(r, now), r->stability);
}

int quiz_interval_days(double stability)
{
	/* I(r, S) = S / FACTOR * (r^(1/DECAY) - 1), which is S at r = 0.9. */
	double days = stability / FACTOR *
	              (pow(QUIZ_FSRS_RETENTION, 1.0 / DECAY) - 1.0);

	/* The epsilon keeps 2.5 from rounding down after the round trip
	 * through FACTOR. */
	return (int)clamp(floor(days + 0.5 + 1e-9), 1, QUIZ_FSRS_MAX_INTERVAL);
}

/* D0(G) = w4 - e^(w5 (G - 1)) + 1 */
static double initial_difficulty(enum quiz_rating g)
{
	return W[4] - exp(W[5] * ((int)g - 1)) + 1.0;
}

/* Linear damping towards 10, then mean reversion towards D0(Easy). */
static double next_difficulty(double d, enum quiz_rating g)
{
	double delta = -W[6] * ((int)g - 3);
	double damped = d + delta * (10.0 - d) / 9.0;

	return clamp(W[7] * initial_difficulty(QUIZ_EASY) + (1 - W[7]) * damped,
	             1, 10);
}

static double recall_stability(double d, double s, double r,
                               enum quiz_rating g)
{
	double hard = g == QUIZ_HARD ? W[15] : 1.0;
	double easy = g == QUIZ_EASY ? W[16] : 1.0;

	return s * (1.0 + exp(W[8]) * (11.0 - d) * pow(s, -W[9]) *
	                  (exp(W[10] * (1.0 - r)) - 1.0) * hard * easy);
}

static double forget_stability(double d, double s, double r)
{
	return W[11] * pow(d, -W[12]) * (pow(s + 1.0, W[13]) - 1.0) *
	       exp(W[14] * (1.0 - r));
}

static double short_term_stability(double s, enum quiz_rating g)
{
	return s * exp(W[17] * ((int)g - 3 + W[18]));
}

static double next_stability(const struct quiz_review *r, enum quiz_rating g,
                             int64_t now)
{
	double ret;
	double days = elapsed_days(r, now);

	if (days < 1)
		return short_term_stability(r->stability, g);
	ret = forgetting_curve(days, r->stability);
	if (g == QUIZ_AGAIN)
		return fmin(forget_stability(r->difficulty, r->stability, ret),
		            short_term_stability(r->stability, g));
	return recall_stability(r->difficulty, r->stability, ret, g);
}

static enum quiz_card_state next_state(enum quiz_card_state st,
                                       enum quiz_rating g)
{
	if (g == QUIZ_AGAIN)
		return st == QUIZ_CARD_NEW || st == QUIZ_CARD_LEARNING
		           ? QUIZ_CARD_LEARNING : QUIZ_CARD_RELEARNING;
	return QUIZ_CARD_REVIEW;
}

void quiz_review_update(struct quiz_review *r, enum quiz_rating g, int64_t now)
{
	g = (enum quiz_rating)clamp(g, QUIZ_AGAIN, QUIZ_EASY);
	if (r->state == QUIZ_CARD_NEW || !(r->stability > 0)) {
		r->stability = W[g - 1];
		r->difficulty = clamp(initial_difficulty(g), 1, 10);
	} else {
		double s = next_stability(r, g, now);

		r->difficulty = next_difficulty(r->difficulty, g);
		r->stability = clamp(s, MIN_STABILITY, QUIZ_FSRS_MAX_INTERVAL);
		if (g == QUIZ_AGAIN && r->state == QUIZ_CARD_REVIEW)
			r->lapses++;
	}
	r->state = next_state(r->state, g);
	r->reps++;
	r->last_review = now;
	r->due = now + (int64_t)quiz_interval_days(r->stability) * DAY;
}
