/* dockertutor/app.h - the use cases the command line and the terminal UI
 * share: open the course and the database, practise questions, sit exams,
 * read progress summaries, manage question banks, report on exams, move and
 * reset progress.
 *
 * The app layer composes the engines below it: course.h loads content,
 * quiz.h decides (selection, scoring, scheduling, papers, statistics) and
 * store.h keeps what was decided.  It never prints, never reads standard
 * input and never blocks on anything but the database, so an event loop can
 * call any of it between two key presses.  Input parsing and text for the
 * learner (letters, "true", the typed answer) are here so that both front
 * ends read and show answers the same way.
 *
 * Time.  Every function that needs the date asks the clock given to
 * app_open (Unix seconds; tests fix it).  Time taken per answer is measured
 * with the monotonic clock between "shown" and "answered".
 *
 * Errors.  Fallible functions return enum dt_status and fill err.  Database
 * errors carry the database path in err->path (print them as
 * "dockertutor: PATH: error: MESSAGE"); content errors come as course
 * diagnostics.  DT_ERR_STATE means "not allowed now" (answering a closed
 * exam, answering past the deadline).
 *
 * Ownership.  A struct app owns the loaded course and the database
 * connection; everything borrowed from it (questions, lessons, names) lives
 * until app_close.  Sessions (struct app_practice, struct app_exam) belong
 * to the caller, borrow their app and must be freed before it.  Functions
 * that fill lists put them, with their strings, in the caller's arena.
 * Nothing here is safe to share between threads.
 */
#ifndef DOCKERTUTOR_APP_H
#define DOCKERTUTOR_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dockertutor/course.h"
#include "dockertutor/quiz.h"
#include "dockertutor/store.h"
#include "dockertutor/util.h"

#define APP_FORECAST_DAYS 7         /* days of review forecast */
#define APP_MAX_LEARNER   STORE_MAX_NAME

/* ------------------------------------------------------------------ */
/* Opening. */

/* The current time in Unix seconds. */
typedef int64_t app_clock_fn(void *arg);

struct app_options {
	const char *content_dir;    /* the course folder (has course.yaml) */
	const char *db_path;        /* NULL: store_default_path() (the CLI
	                               passes --db or $DOCKERTUTOR_DB here) */
	const char *learner;        /* NULL: app_default_learner() */
	unsigned store_flags;       /* extra enum store_open_flags
	                               (STORE_CREATE is always set) */
	app_clock_fn *clock;        /* NULL: the system clock */
	void *clock_arg;            /* passed to clock */
};

struct app;

/* The login name, for when no learner is named: the passwd entry (which
 * the environment cannot fake, as matters on a shared classroom server),
 * else $LOGNAME, else $USER.  DT_ERR_NOTFOUND when there is none,
 * DT_ERR_LIMIT when it does not fit in size bytes (APP_MAX_LEARNER + 1
 * always do for a valid name); err->msg suggests --learner NAME. */
enum dt_status app_default_learner(char *out, size_t size,
                                   struct dt_error *err);

/* Loads the course, opens (or creates) the database, finds the learner
 * and syncs the course's questions into the database when the content
 * changed since the last sync.  The learner's profile is created by the
 * first thing recorded for it (an answer, a section read, an exam started,
 * an exercise checked or hinted, an import or export), never by reading:
 * an instructor who runs reports or manages banks on a classroom's
 * database leaves no profile in it.  A name that cannot be a profile's
 * (store_learner's rules) is refused here all the same.  Strings in opts
 * are copied.
 *   Content errors: DT_ERR_INVALID with every problem in diags (print them
 *     as `dockertutor check` does) and err naming the folder.
 *   Database errors: the store's codes (store.h), err->path the file; a
 *     file that fails its checks is left untouched.
 * diags may be NULL (the problems are then only counted in err).  On
 * success the caller owns *out (app_close). */
enum dt_status app_open(const struct app_options *opts, struct app **out,
                        struct course_diags *diags, struct dt_error *err);
/* Closes the database and frees the course; NULL is fine. */
void app_close(struct app *app);

const struct course *app_course(const struct app *app);
/* The store, for what this header does not wrap (borrowed). */
struct store *app_store(struct app *app);
const char *app_learner(const struct app *app);    /* the learner's name */
/* The profile's id; 0 while it does not exist yet (store queries then
 * find nothing). */
int64_t app_learner_id(const struct app *app);
int64_t app_bank_id(const struct app *app);        /* the course bank */
const char *app_db_path(const struct app *app);
/* The clock given to app_open. */
int64_t app_now(const struct app *app);
/* The lesson called id; DT_ERR_NOTFOUND says so and suggests a close
 * name. */
enum dt_status app_find_lesson(const struct app *app, const char *id,
                               const struct course_lesson **out,
                               struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Questions as shown, and answers as typed. */

/* One question as presented: order[i] is the content index of the choice
 * shown at position i (letter 'A' + i); n_choices is 0 for truefalse and
 * fill.  number is 1-based within the session or paper. */
struct app_item {
	const struct course_question *q;    /* borrowed from the course */
	size_t number;
	uint8_t order[QUIZ_MAX_CHOICES];
	uint8_t n_choices;
};

/* The letter of display position pos ('A' for 0). */
char app_letter(size_t pos);

/* Reads a typed answer for item:
 *   single: one letter ("b", " B ");
 *   multiple: one or more letters, with or without separators ("A,C",
 *     "AC", "a c"), each letter at most once;
 *   truefalse: true/false, t/f, yes/no, y/n (any case);
 *   fill: any non-blank text up to QUIZ_MAX_ANSWER bytes (r->text points
 *     into text: keep text alive while r is used).
 * DT_ERR_SYNTAX (DT_ERR_LIMIT for a fill answer too long) with err->msg a
 * hint for the learner ("answer with one letter from A to C"). */
enum dt_status app_parse_response(const struct app_item *item,
                                  const char *text, struct quiz_response *r,
                                  struct dt_error *err);

/* Appends the right answer as the learner would type it for item: "B",
 * "A, C", "true", a fill question's first accepted answer (or "text
 * matching PATTERN" when it has only a pattern).  False when out of
 * memory. */
bool app_format_key(const struct app_item *item, struct dt_buf *out);
/* Appends response r the same way ("A, C", "false", the text typed;
 * "(no answer)" when blank). */
bool app_format_response(const struct app_item *item,
                         const struct quiz_response *r, struct dt_buf *out);

/* ------------------------------------------------------------------ */
/* Practice. */

struct app_practice_options {
	enum quiz_source source;
	const char *lesson_id;      /* QUIZ_FROM_LESSON: the lesson; other
	                               sources: NULL or a filter */
	const char *tag;            /* QUIZ_FROM_TAG: the tag; else a filter */
	size_t count;               /* questions to ask; 0: no limit (a lesson,
	                               a tag or unseen never run dry; mistakes
	                               and review do) */
	uint64_t seed;              /* 0: a fresh one (replays need a seed) */
	int64_t attempt;            /* QUIZ_FROM_MISTAKES: 0 for the questions
	                               last answered wrong in practice, or the
	                               id of one of the learner's finished
	                               exam attempts for its mistakes (below);
	                               other sources: 0 */
};

struct app_practice;

/* What one answer earned. */
struct app_feedback {
	struct quiz_result result;  /* masks in content order */
	const char *explanation;    /* borrowed from the course; NULL if none */
	struct quiz_review review;  /* the question's new review state */
	int64_t ms;                 /* time taken */
};

/* Starts a practice session over the course bank.  DT_ERR_NOTFOUND when
 * the lesson or tag does not exist (err->msg says which, and suggests a
 * close name).  A source with nothing to offer (no mistakes yet) starts
 * fine and app_practice_next returns false at once.  The caller owns *out
 * (app_practice_free).
 *   The mistakes of an exam (opts.attempt): the attempt's items answered
 * wrong, partly right or not at all, whose questions the course still has;
 * the exam's verdict counts as each one's latest answer, so a question
 * leaves the session once answered right in it and comes back (never
 * twice in a row) while answered wrong, whatever the practice history
 * says.  An attempt that is not the learner's is DT_ERR_NOTFOUND; one
 * still open (its questions are not to be practised while the clock runs)
 * or of an exam whose answers are not shown (its blueprint in the course
 * says review: never, or the course has no blueprint of that id) is
 * DT_ERR_STATE. */
enum dt_status app_practice_start(struct app *app,
                                  const struct app_practice_options *opts,
                                  struct app_practice **out,
                                  struct dt_error *err);
void app_practice_free(struct app_practice *p);

/* Questions in the session's pool (the lesson, tag or course). */
size_t app_practice_pool(const struct app_practice *p);

/* Chooses the next question: never the one just asked; questions not yet
 * asked in this session come first; choices shuffled afresh.  Starts its
 * timer.  *item lives until the next call; item->number counts the
 * questions shown.  False when the session is over (count reached or
 * nothing left to offer). */
bool app_practice_next(struct app_practice *p, const struct app_item **item);

/* Scores r against the current question and, in one transaction, stores
 * the answer (with the time taken) and the question's new FSRS review
 * state.  After an error nothing was stored and the question may be
 * answered again.  DT_ERR_STATE when no question is pending. */
enum dt_status app_practice_answer(struct app_practice *p,
                                   const struct quiz_response *r,
                                   struct app_feedback *fb,
                                   struct dt_error *err);

/* Passes over the pending question without an answer: nothing is stored;
 * it counts towards opts.count and is not offered again straight away. */
void app_practice_skip(struct app_practice *p);

/* The session so far: answers, right ones, skipped questions, time;
 * lessons[] in the order first answered (borrowed from p until
 * app_practice_free, updated by each answer; lesson_id borrowed from the
 * course). */
struct app_practice_summary {
	size_t asked;               /* answered */
	size_t correct;
	size_t skipped;
	int64_t ms;
	const struct quiz_lesson_score *lessons;
	size_t n_lessons;
};

void app_practice_summary(const struct app_practice *p,
                          struct app_practice_summary *out);

/* ------------------------------------------------------------------ */
/* Exams. */

struct app_exam_options {
	/* A blueprint id of the course, or the path of an instructor's
	 * blueprint file (a name with a '/' or ending in .yaml/.yml).  NULL:
	 * resume the learner's open attempt (the oldest), if any. */
	const char *blueprint;
	bool has_seed;              /* seed replaces the blueprint's */
	uint64_t seed;
};

/* One item of an open or finished exam (owned by the exam; valid until
 * the next call that changes this item). */
struct app_exam_item {
	struct app_item item;       /* question and display order */
	bool answered;              /* DOMC: decided */
	bool flagged;
	const char *response;       /* stored form, "" when none */
	struct quiz_response r;     /* decoded (fill text points into
	                               response) */
	struct quiz_result result;  /* score of the current response */
	bool domc;                  /* presented one option at a time */
	struct quiz_domc d;         /* its state when domc */
};

struct app_exam;

/* Opens an exam: resumes the learner's open attempt of the blueprint when
 * there is one (its stored paper, answers and flags), else draws a new
 * paper and starts an attempt (the deadline is the time limit from now).
 * An open attempt found past its deadline is submitted as expired with
 * what was answered: the exam then opens finished, with its results.  Any
 * other of the learner's attempts whose deadline passed is closed the same
 * way.  Blueprint file problems go to diags (DT_ERR_INVALID); an unknown
 * id, or no open attempt to resume, is DT_ERR_NOTFOUND.  The caller owns
 * *out (app_exam_free). */
enum dt_status app_exam_open(struct app *app,
                             const struct app_exam_options *opts,
                             struct app_exam **out,
                             struct course_diags *diags,
                             struct dt_error *err);
void app_exam_free(struct app_exam *e);

/* The attempt (id, exam id, title, presentation, pass mark, started,
 * deadline, status, and score once finished).  Borrowed from e. */
const struct store_attempt *app_exam_attempt(const struct app_exam *e);
/* The blueprint when known (NULL for an attempt resumed whose blueprint
 * the course no longer has). */
const struct course_blueprint *app_exam_blueprint(const struct app_exam *e);
/* True when an earlier attempt was resumed rather than a new one started. */
bool app_exam_resumed(const struct app_exam *e);
bool app_exam_is_open(const struct app_exam *e);

size_t app_exam_count(const struct app_exam *e);
const struct app_exam_item *app_exam_item(const struct app_exam *e,
                                          size_t i);
/* Items answered and flagged. */
void app_exam_counts(const struct app_exam *e, size_t *answered,
                     size_t *flagged);
/* The first unanswered item after i, wrapping around (start with
 * QUIZ_NONE for the first); QUIZ_NONE when every item is answered. */
size_t app_exam_next_unanswered(const struct app_exam *e, size_t i);

/* Whole seconds left (0 once the deadline passed or the exam closed). */
int64_t app_exam_remaining(const struct app_exam *e);

/* Marks item i as the one on screen: the time until its next answer is
 * added to it. */
void app_exam_visit(struct app_exam *e, size_t i);

/* The clock's turn: submits the exam as expired, with what was answered,
 * once the deadline has passed; *expired says whether that happened now.
 * Call it from the event loop (and before each answer). */
enum dt_status app_exam_tick(struct app_exam *e, bool *expired,
                             struct dt_error *err);

/* Answers item i (not a DOMC item): scores it and stores the response at
 * once; a later answer replaces it.  Past the deadline the exam is
 * submitted instead and DT_ERR_STATE returned. */
enum dt_status app_exam_answer(struct app_exam *e, size_t i,
                               const struct quiz_response *r,
                               struct dt_error *err);
/* Answers the option a DOMC item shows now (quiz_domc_next of its d) with
 * Yes or No, stored at once.  DT_ERR_STATE when the item has nothing more
 * to show or the exam is closed. */
enum dt_status app_exam_domc(struct app_exam *e, size_t i, bool yes,
                             struct dt_error *err);
enum dt_status app_exam_flag(struct app_exam *e, size_t i, bool flagged,
                             struct dt_error *err);

/* Submits: scores what was answered (unanswered items score 0) and closes
 * the attempt (expired when the deadline had passed).  DT_ERR_STATE when
 * it was closed already, by another process for instance; the results are
 * then those stored. */
enum dt_status app_exam_submit(struct app_exam *e, struct dt_error *err);

/* Once closed: total, pass/fail, per lesson.  NULL while open. */
const struct quiz_exam_result *app_exam_result(const struct app_exam *e);
/* Whether right answers may be shown after submitting (the blueprint's
 * review policy; never when unknown). */
bool app_exam_shows_answers(const struct app_exam *e);

/* ------------------------------------------------------------------ */
/* Progress. */

struct app_lesson_summary {
	const struct course_lesson *lesson;     /* borrowed from the course */
	size_t sections_read;
	size_t sections_total;
	size_t questions;           /* live questions of the lesson */
	size_t seen;                /* answered at least once in practice */
	size_t answers;             /* practice answers */
	size_t correct;             /* of which right */
	size_t mastered;            /* questions whose latest answer was right */
	double best_exam_pct;       /* the best score on this lesson's items
	                               in a finished exam, 0..100; -1: none */
	size_t exercises_passed;
	size_t exercises_total;
	int64_t ms;                 /* practice time */
};

/* One exercise of the course as the learner left it. */
struct app_exercise_summary {
	const struct course_exercise *exercise; /* borrowed from the course */
	size_t attempts;            /* checks run */
	bool passed;
	int64_t first_pass;         /* when first passed; 0 never */
	size_t attempts_to_pass;    /* checks up to and including the first
	                               pass; 0 never passed */
	int hints;                  /* hints seen */
};

struct app_summary {
	struct app_lesson_summary *lessons;     /* course order */
	size_t n_lessons;
	size_t sections_read, sections_total;
	size_t exercises_passed, exercises_total;
	size_t reviews_due;                     /* now */
	size_t forecast[APP_FORECAST_DAYS];     /* day 0 is today, overdue
	                                           included */
	int64_t day_start;                      /* today's local midnight */
	struct store_attempt *exams;            /* newest first */
	size_t n_exams;
	struct store_study_day studied_total;   /* every day */
	struct store_study_day studied_today;
	struct store_study_day studied_week;    /* the last 7 days */
	struct app_exercise_summary *exercises; /* every exercise of the
	                                           course, course order */
	size_t n_exercises;
};

/* Fills out for the learner, everything in arena. */
enum dt_status app_summary(struct app *app, struct dt_arena *arena,
                           struct app_summary *out, struct dt_error *err);

/* Reading progress, for the lesson reader.  A position is a section and
 * the depth into it, 0 (its title) to STORE_DEPTH_SCALE (its last line):
 * ten-thousandths of the section's height, which find the same place in a
 * window of any width (store.h). */
enum dt_status app_mark_read(struct app *app, const char *lesson,
                             const char *section, struct dt_error *err);
enum dt_status app_set_position(struct app *app, const char *lesson,
                                const char *section, int depth,
                                struct dt_error *err);
/* *section NULL when the lesson was never opened; in arena. */
enum dt_status app_get_position(struct app *app, const char *lesson,
                                struct dt_arena *arena, const char **section,
                                int *depth, struct dt_error *err);
/* Where the learner read last, in any lesson ("continue where you left
 * off"): the position set last (store_last_position).  *lesson and
 * *section are NULL when no lesson was ever opened, and may name a lesson
 * or section the course no longer has; in arena. */
enum dt_status app_last_position(struct app *app, struct dt_arena *arena,
                                 const char **lesson, const char **section,
                                 int *depth, struct dt_error *err);
/* An exercise attempt (checks passed or not) with the hints seen so far
 * (0 to the exercise's number of hints, else DT_ERR_INVALID); an unknown
 * exercise is DT_ERR_NOTFOUND. */
enum dt_status app_record_exercise(struct app *app, const char *exercise,
                                   bool passed, int hints,
                                   struct dt_error *err);
/* The learner has now seen the first hints_seen hints of an exercise,
 * before or between checks (store_record_hint: the count only grows; the
 * summary's exercises and store_exercise_progress report it). */
enum dt_status app_record_hint(struct app *app, const char *exercise,
                               int hints_seen, struct dt_error *err);

/* Progress of one learner moved between databases: store_export's JSON
 * document, and its merge (stats says what was added). */
enum dt_status app_progress_export(struct app *app, struct dt_buf *out,
                                   struct dt_error *err);
enum dt_status app_progress_import(struct app *app, const char *doc,
                                   size_t len,
                                   struct store_import_stats *stats,
                                   struct dt_error *err);
/* Deletes the learner's progress in one lesson (DT_ERR_NOTFOUND when the
 * course has no such lesson) or, with lesson NULL, everything. */
enum dt_status app_reset(struct app *app, const char *lesson,
                         struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Question banks. */

/* "yaml", "gift", "aiken" and back; false when unknown. */
const char *app_bank_format_name(enum course_bank_format f);
bool app_bank_format_parse(const char *name, enum course_bank_format *out);
/* From a file name: .gift; .txt or .aiken (Aiken); .yaml or .yml.  False
 * for anything else. */
bool app_bank_format_guess(const char *path, enum course_bank_format *out);

/* Reads a bank file (validated against the course; problems in diags with
 * file:line:col; diags may be NULL) and stores it as bank name (NULL: the file name without
 * its folder), replacing an earlier import of that name.
 * *n is the number of questions stored. */
enum dt_status app_bank_import(struct app *app, const char *path,
                               enum course_bank_format format,
                               const char *name, struct course_diags *diags,
                               size_t *n, struct dt_error *err);

/* The questions of bank name (NULL: the course, in course order; else an
 * imported bank as stored), of one lesson when lesson is not NULL.  The
 * array is in arena; the questions are the course's or in arena.  An
 * unknown bank or lesson is DT_ERR_NOTFOUND. */
enum dt_status app_bank_questions(struct app *app, const char *bank,
                                  const char *lesson, struct dt_arena *arena,
                                  const struct course_question ***out,
                                  size_t *n, struct dt_error *err);

/* A question by id: the course's first, then every imported bank's.
 * *bank names where it was found (in arena, or static for the course).
 * DT_ERR_NOTFOUND otherwise. */
enum dt_status app_find_question(struct app *app, const char *id,
                                 struct dt_arena *arena,
                                 const struct course_question **out,
                                 const char **bank, struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Instructor reports. */

/* One question of an exam's report: Moodle's item statistics over the
 * finished attempts that had it, and its distractor table. */
struct app_report_question {
	const char *id;
	const char *lesson_id;
	const struct course_question *q;        /* NULL when no bank has it */
	struct quiz_item_stats stats;
	size_t *picks;              /* per choice, content order (q's
	                               n_choices entries; NULL without q) */
	size_t blank;               /* unanswered */
	size_t none;                /* answered without picking a choice (a
	                               DOMC item whose options were all
	                               refused) */
	size_t responses;           /* attempts that had the item */
};

struct app_report {
	const char *exam;
	const char *title;
	struct store_exam_report attempts;      /* by learner, then start */
	struct app_report_question *questions;  /* in order of first
	                                           appearance on a paper */
	size_t n_questions;
	struct quiz_test_stats test;
	size_t learners;                        /* distinct learners */
};

/* The exams that have finished attempts in the database, by any learner,
 * sorted by id (in arena; store_exams). */
enum dt_status app_report_exams(struct app *app, struct dt_arena *arena,
                                 const char ***ids, size_t *n,
                                 struct dt_error *err);
/* Builds the report of exam (a blueprint id) over every learner's finished
 * attempts, everything in arena.  No attempts is DT_ERR_NOTFOUND. */
enum dt_status app_report(struct app *app, const char *exam,
                          struct dt_arena *arena, struct app_report *out,
                          struct dt_error *err);

#endif
