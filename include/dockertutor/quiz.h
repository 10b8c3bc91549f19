/* dockertutor/quiz.h - the quiz engine: choosing the next practice question,
 * scoring answers, FSRS review scheduling, exam papers drawn from a
 * blueprint (standard and DOMC presentation), exam clocks and the item
 * statistics instructors read.
 *
 * Everything here is pure: history comes in, decisions go out.  Nothing
 * reads the clock (every function that needs the time takes `now`, in Unix
 * seconds), nothing draws randomness except from a struct quiz_rng the
 * caller seeded, nothing touches a file or a database.  The same inputs give
 * the same outputs on every machine.
 *
 * Ownership: questions are borrowed from a struct course (or a bank) and
 * must outlive whatever points at them (a paper, a DOMC state).  A struct
 * quiz_paper and a struct quiz_exam_result own their arrays; release them
 * with quiz_paper_fini and quiz_exam_result_fini.  Strings in a struct
 * quiz_response are borrowed.
 */
#ifndef DOCKERTUTOR_QUIZ_H
#define DOCKERTUTOR_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dockertutor/course.h"
#include "dockertutor/util.h"

#define QUIZ_MAX_CHOICES 16u        /* choices one question may have */
#define QUIZ_MAX_ANSWER  1024u      /* bytes of a typed (fill) answer */
#define QUIZ_MAX_DRAWS   64u        /* draws in one blueprint */
#define QUIZ_MAX_PAPER   100000u    /* questions on one exam paper */
#define QUIZ_NONE        ((size_t)-1)

/* ------------------------------------------------------------------ */
/* Randomness: xoshiro256** seeded through splitmix64.  The sequence is
 * fixed by the seed on every platform, so a blueprint seed gives every
 * learner the same paper on every machine. */

struct quiz_rng {
	uint64_t s[4];
};

void quiz_rng_seed(struct quiz_rng *rng, uint64_t seed);
uint64_t quiz_rng_next(struct quiz_rng *rng);
/* A uniform integer in [0, n); n must be > 0.  Unbiased (rejection). */
uint64_t quiz_rng_below(struct quiz_rng *rng, uint64_t n);
/* splitmix64 of x: a well-mixed 64-bit value, for deriving seeds. */
uint64_t quiz_mix64(uint64_t x);

/* ------------------------------------------------------------------ */
/* Responses and scoring. */

/* What a learner answered.  Which fields count depends on the question:
 * picked for single and multiple (bit i = choice i in content order, the
 * order of question->choices, never the shuffled display order), value for
 * truefalse, text for fill.  blank: no answer was given (scores 0). */
struct quiz_response {
	uint32_t picked;
	bool value;
	const char *text;       /* borrowed */
	bool blank;
};

/* The text form kept in the database, one line: choice questions "0,2"
 * (content indices, ascending), truefalse "true" or "false", fill the
 * answer as typed, DOMC items "domc:2Y,0N" (each option shown, content
 * index and answer, in showing order; see quiz_domc_encode).  A blank
 * response is the empty string.  Decoding a DOMC response gives as picks
 * the options answered Yes before the item was decided.
 *
 * quiz_response_encode writes into out (size bytes) and returns false when
 * it does not fit.  quiz_response_decode parses text for question q; for
 * fill, r->text points into text (borrowed).  A malformed text or a choice
 * index beyond the question's choices is DT_ERR_SYNTAX. */
bool quiz_response_encode(const struct course_question *q,
                          const struct quiz_response *r, char *out,
                          size_t size);
enum dt_status quiz_response_decode(const struct course_question *q,
                                    const char *text,
                                    struct quiz_response *r,
                                    struct dt_error *err);

/* The outcome of one answer.  Every type is scored all or nothing (score
 * 0 or 1), in practice and in exams alike; for choice questions the masks
 * say which picks were right, wrong and which correct choices were missed,
 * the partial feedback practice shows. */
struct quiz_result {
	bool correct;
	double score;           /* 0 or 1 */
	uint32_t right;         /* picked and correct */
	uint32_t wrong;         /* picked but not correct */
	uint32_t missed;        /* correct but not picked */
};

/* Scores r against q.  Fill answers are compared after trimming, folding
 * runs of white space to one space and, unless the question is case
 * sensitive, folding ASCII case; a pattern is a POSIX extended regular
 * expression that must match the whole normalised answer.  Errors:
 * DT_ERR_LIMIT for a fill answer longer than QUIZ_MAX_ANSWER or a question
 * with more than QUIZ_MAX_CHOICES choices, DT_ERR_INVALID for a pattern
 * that does not compile (the message names the question). */
enum dt_status quiz_score(const struct course_question *q,
                          const struct quiz_response *r,
                          struct quiz_result *out, struct dt_error *err);

/* Normalises a fill answer as quiz_score does (trim, fold spaces, fold case
 * when fold_case) into out; false when it does not fit in size bytes. */
bool quiz_normalize_answer(const char *in, bool fold_case, char *out,
                           size_t size);

/* ------------------------------------------------------------------ */
/* Choosing the next practice question. */

/* What the store knows about one question for one learner.  Times are Unix
 * seconds; 0 means never. */
struct quiz_history {
	int seen;               /* practice answers given */
	int wrong;              /* of which wrong */
	bool last_wrong;        /* the latest answer was wrong */
	int64_t last_at;        /* when the latest answer was given */
	int64_t due;            /* FSRS due time; 0: no review state yet */
};

struct quiz_candidate {
	const struct course_question *q;   /* borrowed */
	struct quiz_history h;
};

#define QUIZ_SOURCE_LIST(X)                                              \
	X(QUIZ_FROM_LESSON,   "lesson",   "questions of one lesson")      \
	X(QUIZ_FROM_TAG,      "tag",      "questions with one tag")        \
	X(QUIZ_FROM_MISTAKES, "mistakes", "questions last answered wrong") \
	X(QUIZ_FROM_UNSEEN,   "unseen",   "questions never answered first") \
	X(QUIZ_FROM_REVIEW,   "review",   "reviews that are due, then new questions")

enum quiz_source {
#define QUIZ_SOURCE_ENUM(id, name, help) id,
	QUIZ_SOURCE_LIST(QUIZ_SOURCE_ENUM)
#undef QUIZ_SOURCE_ENUM
	QUIZ_SOURCE_COUNT
};

/* The source's name ("lesson", ...) and one-line help; "?" when unknown. */
const char *quiz_source_name(enum quiz_source source);
const char *quiz_source_help(enum quiz_source source);
/* Looks a source up by name; false when unknown. */
bool quiz_source_parse(const char *name, enum quiz_source *out);

struct quiz_pick {
	enum quiz_source source;
	const char *lesson_id;  /* QUIZ_FROM_LESSON; otherwise NULL or a filter */
	const char *tag;        /* QUIZ_FROM_TAG; otherwise NULL or a filter */
	const char *last_id;    /* the question just asked, or NULL */
	int64_t now;
};

/* Chooses the next question among candidates (n of them) and returns its
 * index, or QUIZ_NONE when the source has nothing to offer.  The question
 * just asked (pick->last_id) is never chosen again straight away.
 *   lesson, tag: any question of the pool; those never seen or last
 *       answered wrong are three times as likely;
 *   mistakes: questions whose latest answer was wrong;
 *   unseen: questions never answered, then the least recently answered;
 *   review: due reviews, most overdue first, then never-answered questions.
 * A lesson_id or tag set with another source narrows that source.  Ties
 * are broken with rng, so a fixed seed replays the same session. */
size_t quiz_pick_next(const struct quiz_candidate *candidates, size_t n,
                      const struct quiz_pick *pick, struct quiz_rng *rng);

/* ------------------------------------------------------------------ */
/* Review scheduling: FSRS-5 with its published default parameters and a
 * desired retention of 0.9 (docs/scheduling.md has the formulas). */

enum quiz_rating {
	QUIZ_AGAIN = 1,
	QUIZ_HARD = 2,
	QUIZ_GOOD = 3,
	QUIZ_EASY = 4,
};

#define QUIZ_CARD_STATE_LIST(X)              \
	X(QUIZ_CARD_NEW,        "new")        \
	X(QUIZ_CARD_LEARNING,   "learning")   \
	X(QUIZ_CARD_REVIEW,     "review")     \
	X(QUIZ_CARD_RELEARNING, "relearning")

enum quiz_card_state {
#define QUIZ_CARD_ENUM(id, name) id,
	QUIZ_CARD_STATE_LIST(QUIZ_CARD_ENUM)
#undef QUIZ_CARD_ENUM
	QUIZ_CARD_STATE_COUNT
};

const char *quiz_card_state_name(enum quiz_card_state state);

/* One learner's memory of one question. */
struct quiz_review {
	double stability;       /* days until recall probability falls to 90% */
	double difficulty;      /* 1 (easy) .. 10 (hard) */
	int64_t due;            /* Unix seconds; 0 for a new card */
	int64_t last_review;    /* Unix seconds; 0 for a new card */
	int reps;               /* reviews so far */
	int lapses;             /* times forgotten after having been learnt */
	enum quiz_card_state state;
};

#define QUIZ_FSRS_PARAMS 19
/* w0..w18, the published FSRS-5 defaults. */
extern const double quiz_fsrs_default_w[QUIZ_FSRS_PARAMS];
#define QUIZ_FSRS_RETENTION 0.9
#define QUIZ_FSRS_MAX_INTERVAL 36500   /* days */

/* A new card (zero stability, state new). */
void quiz_review_init(struct quiz_review *r);
/* The rating an answer earns: correct is Good, wrong is Again. */
enum quiz_rating quiz_rating_for(bool correct);
/* Applies one review rated g at time now (Unix seconds, not before
 * r->last_review) and sets the next due time. */
void quiz_review_update(struct quiz_review *r, enum quiz_rating g,
                        int64_t now);
/* Probability of recall at now (1 for a new card). */
double quiz_retrievability(const struct quiz_review *r, int64_t now);
/* Days until the next review for a stability, at the desired retention:
 * rounded, at least 1, at most QUIZ_FSRS_MAX_INTERVAL. */
int quiz_interval_days(double stability);

/* ------------------------------------------------------------------ */
/* Exams. */

/* One question of a drawn paper.  order[i] is the content index of the
 * choice shown in position i (the identity when choices are not shuffled
 * and for truefalse and fill, where n_choices is 0). */
struct quiz_paper_item {
	const struct course_question *q;        /* borrowed */
	uint8_t order[QUIZ_MAX_CHOICES];
	uint8_t n_choices;
	bool domc_extra;        /* DOMC: show one more option after deciding */
};

struct quiz_paper {
	struct quiz_paper_item *items;          /* owned */
	size_t n_items;
	uint64_t seed;
};

/* The seed of a new paper: the blueprint's when it has one (every learner
 * gets the same paper), else fresh (a value the caller drew, e.g. from the
 * time and process id).  Keep it with the attempt. */
uint64_t quiz_paper_seed(const struct course_blueprint *bp, uint64_t fresh);

/* Draws a paper for bp from pool (n_pool questions, borrowed; usually every
 * question of the course).  Each draw takes `count` different questions of
 * its lesson that pass its difficulty and tag filters, chosen uniformly
 * with the seed; no question appears twice on a paper.  Questions are then
 * shuffled when bp->shuffle_questions (else they keep draw order, and pool
 * order within a draw), and choices when bp->shuffle_choices.  For a DOMC
 * paper each item also draws its domc_extra flag (one in two).  Errors:
 * DT_ERR_INVALID when a draw asks for more questions than its pool holds
 * (the message names the draw's file, line and lesson), DT_ERR_LIMIT past
 * QUIZ_MAX_DRAWS, QUIZ_MAX_PAPER or QUIZ_MAX_CHOICES, DT_ERR_NOMEM.  On
 * success the caller owns out (quiz_paper_fini). */
enum dt_status quiz_draw_exam(const struct course_blueprint *bp,
                              const struct course_question *const *pool,
                              size_t n_pool, uint64_t seed,
                              struct quiz_paper *out, struct dt_error *err);
/* Frees the items; out is left empty.  NULL is fine. */
void quiz_paper_fini(struct quiz_paper *paper);

/* Score per lesson of one scored attempt. */
struct quiz_lesson_score {
	const char *lesson_id;  /* borrowed from the questions; "" when none */
	size_t n_items;
	size_t n_correct;
	double score;
	double pct;             /* 0..100 */
};

struct quiz_exam_result {
	size_t n_items;
	size_t n_answered;
	size_t n_correct;
	double score;           /* sum of item scores */
	double max_score;       /* one per item */
	double pct;             /* 0..100 */
	bool passed;            /* pct >= pass mark */
	struct quiz_lesson_score *lessons;      /* owned; first-seen order */
	size_t n_lessons;
};

/* Totals an attempt: results[i] is the outcome of paper item i (score 0 for
 * an unanswered item), answered[i] whether it was answered (may be NULL).
 * pass_mark_pct is 0..100.  DT_ERR_NOMEM only. */
enum dt_status quiz_exam_tally(const struct quiz_paper *paper,
                               const struct quiz_result *results,
                               const bool *answered, int pass_mark_pct,
                               struct quiz_exam_result *out,
                               struct dt_error *err);
void quiz_exam_result_fini(struct quiz_exam_result *res);

/* The exam clock.  Times are Unix seconds. */
int64_t quiz_attempt_deadline(int64_t started, int time_limit_s);
bool quiz_attempt_expired(int64_t deadline, int64_t now);
/* Whole seconds left, never negative. */
int64_t quiz_attempt_remaining(int64_t deadline, int64_t now);

/* ------------------------------------------------------------------ */
/* DOMC (discrete option multiple choice), as the Docker Certified Associate
 * exam presents items: options one at a time, each answered Yes or No.
 *   single: Yes to the correct option decides right; Yes to a wrong
 *       option or No to the correct one decides wrong;
 *   multiple: Yes to a wrong option or No to a correct one decides wrong
 *       at once; the item is right once every correct option had a Yes.
 * After the decision, when domc_extra is set and options remain, one more
 * option is shown so that the end of the item does not give the outcome
 * away; its answer does not count.  Truefalse and fill items are not
 * presented this way (the state starts finished with no decision). */

#define QUIZ_DOMC_MAX_ANSWERS QUIZ_MAX_CHOICES

struct quiz_domc {
	const struct course_question *q;        /* borrowed */
	uint8_t order[QUIZ_MAX_CHOICES];        /* showing order, content idx */
	uint8_t n;
	uint8_t shown;          /* options answered so far */
	bool extra;             /* the extra option is wanted */
	bool decided;
	bool right;
	uint8_t decided_at;     /* options answered when it was decided */
	bool finished;          /* nothing more to show */
	char answers[QUIZ_DOMC_MAX_ANSWERS + 1];  /* "YNY": one per option */
};

/* Starts an item in the paper item's order.  Returns false for questions
 * that are not single or multiple. */
bool quiz_domc_start(struct quiz_domc *d, const struct quiz_paper_item *item);
/* The content index of the option to show next, or -1 when finished. */
int quiz_domc_next(const struct quiz_domc *d);
/* Records the learner's Yes or No to the option quiz_domc_next returned.
 * DT_ERR_STATE when the item is finished. */
enum dt_status quiz_domc_answer(struct quiz_domc *d, bool yes,
                                struct dt_error *err);
/* The decision as a result (correct and score; masks: Yes picks).  Only
 * meaningful once d->decided. */
void quiz_domc_result(const struct quiz_domc *d, struct quiz_result *out);
/* The stored form "domc:2Y,0N" and back: replaying the answers on a fresh
 * state rebuilds it exactly (resuming an attempt); a stored form that does
 * not fit the item's showing order is DT_ERR_SYNTAX. */
bool quiz_domc_encode(const struct quiz_domc *d, char *out, size_t size);
enum dt_status quiz_domc_replay(struct quiz_domc *d,
                                const struct quiz_paper_item *item,
                                const char *text, struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Item analysis, as Moodle's quiz statistics define it (docs/
 * statistics.md).  Input: a matrix of item scores, one row per attempt,
 * row-major, scores[a * n_items + i] in [0, max_marks[i]], NAN where item i
 * was not on attempt a's paper (drawn papers differ). */

struct quiz_item_stats {
	size_t n;               /* attempts that had the item */
	double facility;        /* mean score as % of the maximum */
	double sd;              /* standard deviation as % of the maximum */
	double discrimination;  /* 100 x correlation with the rest of the test */
	double efficiency;      /* discriminative efficiency, % */
};

struct quiz_test_stats {
	size_t n_attempts;
	double mean;            /* mean total, % of the maximum */
	double sd;              /* sd of totals, % of the maximum */
	double alpha;           /* coefficient alpha (Cronbach), % */
};

/* Fills items[n_items] and test.  A statistic that is undefined for the
 * data (fewer than two attempts, zero variance) is NAN: show it as "-".
 * max_marks may be NULL (every item worth 1).  DT_ERR_NOMEM only. */
enum dt_status quiz_item_analysis(const double *scores, size_t n_attempts,
                                  size_t n_items, const double *max_marks,
                                  struct quiz_item_stats *items,
                                  struct quiz_test_stats *test,
                                  struct dt_error *err);

/* The distractor table of one choice question: counts[i] += how many of the
 * n responses picked choice i (content order); *blank counts blank ones.
 * counts has at least q->n_choices entries. */
void quiz_count_picks(const struct course_question *q,
                      const struct quiz_response *responses, size_t n,
                      size_t *counts, size_t *blank);

#endif
