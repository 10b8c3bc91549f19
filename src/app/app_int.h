/* Private to src/app/: the state behind struct app and the helpers the use
 * cases share. */
#ifndef DT_APP_INT_H
#define DT_APP_INT_H

#include "dockertutor/app.h"

struct app {
	struct course *course;          /* owned */
	struct store *store;            /* owned */
	char learner[APP_MAX_LEARNER + 1];
	int64_t learner_id;             /* 0 until the profile exists */
	int64_t bank;                   /* the course bank */
	app_clock_fn *clock;
	void *clock_arg;
	uint64_t fresh;                 /* mixed into fresh seeds */
};

/* An exam item with the storage behind its public view. */
struct exam_slot {
	struct app_exam_item pub;
	char *owned;                    /* pub.response when not "" */
};

/* An open or finished exam (exam.c opens it, exam_run.c runs it). */
struct app_exam {
	struct app *app;
	struct dt_arena arena;          /* the attempt's strings, bank questions */
	struct store_attempt attempt;
	const struct course_blueprint *bp;  /* the course's; NULL when unknown */
	bool resumed;
	struct exam_slot *slots;
	size_t n;
	struct quiz_paper paper;        /* items owned, questions borrowed */
	struct course_question *bank_qs;    /* questions gone from the
	                                       content, read from the bank */
	size_t n_bank_qs;
	struct quiz_exam_result result; /* once closed */
	bool has_result;
	size_t visit;                   /* the item on screen, or QUIZ_NONE */
	uint64_t visit_ms;
};

/* Fills slot i from its stored item (e->paper.items[i] already set):
 * response, decoded answer, DOMC state, flag, result. */
enum dt_status app_exam_restore_slot(struct app_exam *e, size_t i,
                                     const struct store_item *it);

/* Creates the learner's profile if it does not exist yet: every use case
 * that records something for the learner calls it first. */
enum dt_status app_learner_ensure(struct app *app, struct dt_error *err);

/* A seed no earlier call returned: the time, the process and a counter,
 * mixed. */
uint64_t app_fresh_seed(struct app *app);

/* Shuffles order[0..n) with rng (Fisher-Yates). */
void app_shuffle(uint8_t *order, size_t n, struct quiz_rng *rng);

/* Adds one scored item to a per-lesson tally whose array has room for
 * every lesson of the course plus one ("" for questions of no lesson). */
void app_tally_lesson(struct quiz_lesson_score *lessons, size_t *n,
                      const char *lesson_id, bool correct, double score);

/* Writes "; did you mean 'x'?" into out when one of the n names is close
 * to name, else "". */
void app_suggest(char *out, size_t size, const char *name,
                 const char *const *names, size_t n);

/* DT_OK when the course has lesson id, else DT_ERR_NOTFOUND with a
 * suggestion. */
enum dt_status app_check_lesson(const struct course *c, const char *id,
                                struct dt_error *err);

/* Sets err to "out of memory" and returns DT_ERR_NOMEM. */
enum dt_status app_nomem(struct dt_error *err);

#endif
