/* Choosing the next practice question from candidates and their history.
 * Design: each source ranks the pool into tiers (due reviews before new
 * questions, unseen before seen...) and draws within the best non-empty
 * tier, weighted where the source says so.  The question just asked is
 * removed first, so it never comes twice in a row. */
#include <string.h>

#include "dockertutor/quiz.h"

static const struct {
	const char *name;
	const char *help;
} sources[] = {
#define QUIZ_SOURCE_ROW(id, name, help) { name, help },
	QUIZ_SOURCE_LIST(QUIZ_SOURCE_ROW)
#undef QUIZ_SOURCE_ROW
};

const char *quiz_source_name(enum quiz_source source)
{
	return (unsigned)source < QUIZ_SOURCE_COUNT ? sources[source].name : "?";
}

const char *quiz_source_help(enum quiz_source source)
{
	return (unsigned)source < QUIZ_SOURCE_COUNT ? sources[source].help : "?";
}

bool quiz_source_parse(const char *name, enum quiz_source *out)
{
	unsigned i;

	for (i = 0; i < QUIZ_SOURCE_COUNT; i++) {
		if (strcmp(name, sources[i].name) == 0) {
			*out = (enum quiz_source)i;
			return true;
		}
	}
	return false;
}

static bool has_tag(const struct course_question *q, const char *tag)
{
	size_t i;

	for (i = 0; i < q->n_tags; i++)
		if (strcmp(q->tags[i], tag) == 0)
			return true;
	return false;
}

static bool in_pool(const struct quiz_candidate *c, const struct quiz_pick *p)
{
	const struct course_question *q = c->q;

	if (!q || (p->last_id && strcmp(q->id, p->last_id) == 0))
		return false;
	if (p->lesson_id && (!q->lesson_id || strcmp(q->lesson_id, p->lesson_id)))
		return false;
	if (p->tag && !has_tag(q, p->tag))
		return false;
	switch (p->source) {
	case QUIZ_FROM_MISTAKES:
		return c->h.seen > 0 && c->h.last_wrong;
	case QUIZ_FROM_REVIEW:
		return (c->h.due != 0 && c->h.due <= p->now) || c->h.seen == 0;
	default:
		return true;
	}
}

/* Tier 0 is served first; within a tier, weight() says how likely. */
static int tier(const struct quiz_candidate *c, const struct quiz_pick *p)
{
	switch (p->source) {
	case QUIZ_FROM_UNSEEN:
		return c->h.seen == 0 ? 0 : 1;
	case QUIZ_FROM_REVIEW:
		return c->h.due != 0 && c->h.due <= p->now ? 0 : 1;
	default:
		return 0;
	}
}

static uint64_t weight(const struct quiz_candidate *c, const struct quiz_pick *p)
{
	if (p->source == QUIZ_FROM_LESSON || p->source == QUIZ_FROM_TAG)
		return c->h.seen == 0 || c->h.last_wrong ? 3 : 1;
	return 1;
}

static int compare_times(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* Orders within a tier for the sources that serve in order: the most
 * overdue review first, the least recently answered question first.
 * Returns < 0 when a comes before b, 0 for a tie.  Times come from the
 * database, so they are compared, never subtracted (no overflow). */
static int before(const struct quiz_candidate *a,
                  const struct quiz_candidate *b, const struct quiz_pick *p,
                  int t)
{
	if (p->source == QUIZ_FROM_REVIEW && t == 0)
		return compare_times(a->h.due, b->h.due);
	if (p->source == QUIZ_FROM_UNSEEN && t == 1)
		return compare_times(a->h.last_at, b->h.last_at);
	return 0;
}

size_t quiz_pick_next(const struct quiz_candidate *candidates, size_t n,
                      const struct quiz_pick *pick, struct quiz_rng *rng)
{
	size_t i, best = QUIZ_NONE;
	int best_tier = 2;
	uint64_t total = 0;

	/* One pass: reservoir sampling over the leading candidates (best tier,
	 * then best order), weighted, so ties are broken fairly with rng. */
	for (i = 0; i < n; i++) {
		const struct quiz_candidate *c = &candidates[i];
		uint64_t w;
		int cmp, t;

		if (!in_pool(c, pick))
			continue;
		t = tier(c, pick);
		if (t > best_tier)
			continue;
		cmp = t < best_tier ? -1 : before(c, &candidates[best], pick, t);
		if (cmp > 0)
			continue;
		if (cmp < 0) {
			best_tier = t;
			total = 0;
		}
		w = weight(c, pick);
		total += w;
		if (quiz_rng_below(rng, total) < w)
			best = i;
	}
	return best;
}
