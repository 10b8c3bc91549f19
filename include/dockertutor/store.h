/* dockertutor/store.h - the SQLite store: one database file holding many
 * learners, the question banks, reading progress, every answer, FSRS review
 * states, exercise attempts and exam attempts; the queries progress screens
 * and instructor reports need; export and import of one learner's progress.
 *
 * The store never scores and never decides: the quiz engine (quiz.h) does,
 * and the store keeps what it is given.  SQL lives only here.
 *
 * Errors.  Every fallible function returns enum dt_status and fills err
 * with a one-line message; err->path is the database file, so the caller
 * can print "dockertutor: PATH: error: MESSAGE".  The codes mean:
 *   DT_ERR_NOTFOUND  the file, learner, attempt or question does not exist
 *   DT_ERR_INVALID   the file is not a dockertutor database (not SQLite, or
 *                    another application's), or an argument is out of range
 *   DT_ERR_VERSION   the database comes from a newer dockertutor
 *   DT_ERR_DB        the file is corrupted, or SQLite failed otherwise
 *   DT_ERR_IO        the file or its folder cannot be read or written
 *                    (permissions, read-only location, disk full)
 *   DT_ERR_BUSY      other processes held the database for longer than
 *                    STORE_BUSY_TIMEOUT_MS (nothing was written)
 *   DT_ERR_STATE     the attempt is no longer open
 *   DT_ERR_LIMIT     a text or document is larger than its cap
 *   DT_ERR_SYNTAX    an import document is malformed
 *   DT_ERR_NOMEM     out of memory
 * A failed write changes nothing: each operation is one transaction.
 *
 * Ownership.  A struct store is one connection, owned by the caller
 * (store_close).  Functions that return lists allocate them, with every
 * string, in the caller's arena: they live until dt_arena_fini.  Strings
 * passed in are borrowed for the call only.  A struct store is not safe to
 * share between threads; processes share the file safely (WAL, busy
 * timeout, BEGIN IMMEDIATE), which is how a classroom uses one database.
 *
 * Times are Unix seconds (UTC), always passed in by the caller.
 */
#ifndef DOCKERTUTOR_STORE_H
#define DOCKERTUTOR_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dockertutor/course.h"
#include "dockertutor/quiz.h"
#include "dockertutor/util.h"

#define STORE_SCHEMA_VERSION   4         /* PRAGMA user_version it writes */
#define STORE_APPLICATION_ID   0x44547574 /* "DTut", PRAGMA application_id */
#define STORE_BUSY_TIMEOUT_MS  30000     /* waiting for other writers */
#define STORE_MAX_TEXT         (64u * 1024u)   /* bytes copied out of one
                                                   text column */
#define STORE_MAX_NAME         64u       /* bytes in a learner or bank name */
#define STORE_MAX_DOCUMENT     (256u * 1024u * 1024u) /* an import document */
#define STORE_QUICK_CHECK_MAX  (8u * 1024u * 1024u)  /* files up to this size
                                                   are integrity-checked at
                                                   every open */

struct store;

/* ------------------------------------------------------------------ */
/* Opening. */

/* The default database path: $XDG_DATA_HOME/dockertutor/dockertutor.db, or
 * $HOME/.local/share/dockertutor/dockertutor.db when XDG_DATA_HOME is unset
 * or not absolute.  DT_ERR_NOTFOUND when neither is set, DT_ERR_LIMIT when
 * the path does not fit in size bytes. */
enum dt_status store_default_path(char *out, size_t size,
                                  struct dt_error *err);

enum store_open_flags {
	STORE_CREATE = 1 << 0,  /* create the file (and its folders) if missing */
	STORE_SHARED = 1 << 1,  /* a classroom database: create the file 0660
	                           and folders 0770 (group members write), not
	                           0600 and 0700 */
};

/* Opens the database at path (flags: enum store_open_flags).  An existing
 * file is checked before anything is written: it must be an SQLite file
 * (not truncated), be ours or empty (PRAGMA application_id), be writable,
 * and not come from a newer schema; files up to STORE_QUICK_CHECK_MAX, and
 * every file about to be migrated, must pass PRAGMA quick_check.  A file
 * failing a check is left byte-for-byte untouched.  Then the connection
 * gets WAL, foreign keys and a busy handler, and the schema is migrated
 * forward, one transaction per migration (concurrent openers wait for one
 * another; a migration is applied once).  On success *out is a new
 * connection owned by the caller. */
enum dt_status store_open(const char *path, unsigned flags,
                          struct store **out, struct dt_error *err);
/* Closes the connection; NULL is fine. */
void store_close(struct store *s);
/* The path the store was opened with (borrowed; lives until store_close). */
const char *store_path(const struct store *s);
/* The schema version of the open database (STORE_SCHEMA_VERSION once
 * opened). */
int store_schema_version(struct store *s);
/* Runs PRAGMA integrity_check; DT_ERR_DB with the first problem found. */
enum dt_status store_check(struct store *s, struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Learners: profiles by name, many in one database. */

struct store_learner {
	int64_t id;
	const char *name;
	int64_t created;
};

/* The learner called name; created (at `now`) when create is true and it
 * does not exist, else DT_ERR_NOTFOUND.  Names are 1..STORE_MAX_NAME bytes
 * of UTF-8 without control characters (DT_ERR_INVALID). */
enum dt_status store_learner(struct store *s, const char *name, bool create,
                             int64_t now, int64_t *id, struct dt_error *err);
/* Every learner, by name. */
enum dt_status store_learners(struct store *s, struct dt_arena *arena,
                              struct store_learner **out, size_t *n,
                              struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Banks. */

/* Syncs the course's questions into its bank ("course:" + course->id).
 * Costs one query when course->hash has not changed since the last sync;
 * otherwise, in one transaction, every question is inserted or updated by
 * its id, questions no longer in the content are retired (their history
 * stays), and the hash is recorded.  *bank is the bank's id; *changed
 * (may be NULL) says whether anything was written. */
enum dt_status store_sync_course(struct store *s, const struct course *course,
                                 int64_t now, int64_t *bank, bool *changed,
                                 struct dt_error *err);

/* Stores an imported bank under name (e.g. from a GIFT file), replacing the
 * questions of an earlier import of the same name in the same way (updated
 * by id, missing ones retired).  DT_ERR_INVALID when name is a course
 * bank's. */
enum dt_status store_import_bank(struct store *s, const char *name,
                                 const char *title,
                                 const struct course_question *questions,
                                 size_t n, int64_t now, int64_t *bank,
                                 struct dt_error *err);

struct store_bank {
	int64_t id;
	const char *name;
	const char *kind;       /* "course" or "imported" */
	const char *title;
	size_t n_questions;     /* not retired */
	int64_t synced;
};

enum dt_status store_banks(struct store *s, struct dt_arena *arena,
                           struct store_bank **out, size_t *n,
                           struct dt_error *err);
/* The bank called name; DT_ERR_NOTFOUND when absent. */
enum dt_status store_bank_find(struct store *s, const char *name,
                               int64_t *bank, struct dt_error *err);

/* Reads a bank's questions back as course questions (in the order they
 * were stored), everything in arena; lesson pointers are NULL and pos.file
 * names the bank ("bank 3").  Retired questions are included only
 * when with_retired. */
enum dt_status store_load_bank(struct store *s, int64_t bank,
                               bool with_retired, struct dt_arena *arena,
                               struct course_question **out, size_t *n,
                               struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Reading progress.
 *
 * A reading position is where the learner stopped reading a lesson: a
 * section, and the depth into it in ten-thousandths of its height, from 0
 * (its title) to STORE_DEPTH_SCALE (its last line), so that a window of
 * another width finds the same place.  The store keeps the depth as it is
 * given (the table's column and the export document's field are called
 * "line", as they were first named); the reader clamps what it reads. */

#define STORE_DEPTH_SCALE 10000

enum dt_status store_mark_read(struct store *s, int64_t learner,
                               const char *lesson, const char *section,
                               int64_t now, struct dt_error *err);
/* Sets the learner's position in a lesson, replacing the one before. */
enum dt_status store_set_position(struct store *s, int64_t learner,
                                  const char *lesson, const char *section,
                                  int depth, int64_t now,
                                  struct dt_error *err);
/* *section is NULL (and *depth 0) when the lesson was never opened. */
enum dt_status store_get_position(struct store *s, int64_t learner,
                                  const char *lesson, struct dt_arena *arena,
                                  const char **section, int *depth,
                                  struct dt_error *err);
/* The position set last, in any lesson: the one with the latest time (an
 * imported one keeps its own) and, of several with that time, the one
 * stored last.  *lesson and *section are NULL (and *depth 0) when the
 * learner never opened a lesson; both in arena. */
enum dt_status store_last_position(struct store *s, int64_t learner,
                                   struct dt_arena *arena,
                                   const char **lesson, const char **section,
                                   int *depth, struct dt_error *err);
/* The sections of a lesson the learner has read. */
enum dt_status store_sections_read(struct store *s, int64_t learner,
                                   const char *lesson, struct dt_arena *arena,
                                   const char ***out, size_t *n,
                                   struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Practice answers and reviews. */

struct store_answer {
	int64_t learner;
	int64_t bank;
	const char *question;   /* the question's content id in that bank */
	const char *response;   /* quiz_response_encode's text */
	bool correct;
	double score;
	int64_t ms;             /* time taken */
	int64_t at;             /* when */
};

/* Records one practice answer and, when review is not NULL, the question's
 * new review state, in one transaction: once it returns DT_OK the answer
 * survives a crash or kill.  DT_ERR_NOTFOUND when the question is not in
 * the bank. */
enum dt_status store_record_answer(struct store *s,
                                   const struct store_answer *a,
                                   const struct quiz_review *review,
                                   struct dt_error *err);

/* Records n answers in one transaction (all or none): for importing
 * answers given elsewhere and for loading volume in benchmarks. */
enum dt_status store_record_answers(struct store *s,
                                    const struct store_answer *answers,
                                    size_t n, struct dt_error *err);

/* The learner's review state of a question; a new card (quiz_review_init)
 * when there is none. */
enum dt_status store_get_review(struct store *s, int64_t learner,
                                int64_t bank, const char *question,
                                struct quiz_review *out, struct dt_error *err);

/* Practice history of every live question of the bank for the learner, in
 * bank order: what quiz_pick_next needs.  ids[i] names question i. */
enum dt_status store_history(struct store *s, int64_t learner, int64_t bank,
                             struct dt_arena *arena, const char ***ids,
                             struct quiz_history **out, size_t *n,
                             struct dt_error *err);

/* Question ids whose latest practice answer was wrong, most recent first. */
enum dt_status store_mistakes(struct store *s, int64_t learner, int64_t bank,
                              struct dt_arena *arena, const char ***out,
                              size_t *n, struct dt_error *err);
/* Live question ids the learner never answered in practice, bank order;
 * lesson may be NULL for all lessons. */
enum dt_status store_unseen(struct store *s, int64_t learner, int64_t bank,
                            const char *lesson, struct dt_arena *arena,
                            const char ***out, size_t *n,
                            struct dt_error *err);

/* Reviews due at or before now. */
enum dt_status store_reviews_due(struct store *s, int64_t learner,
                                 int64_t bank, int64_t now, size_t *count,
                                 struct dt_error *err);
/* Reviews falling due on each of n_days days: day 0 runs from day_start
 * (the caller's local midnight) for 24 hours and also counts every overdue
 * review; per_day has n_days entries. */
enum dt_status store_reviews_forecast(struct store *s, int64_t learner,
                                      int64_t bank, int64_t day_start,
                                      size_t n_days, size_t *per_day,
                                      struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Progress summaries (read from summary tables: a few rows per learner and
 * question, never a scan of every answer). */

struct store_lesson_progress {
	const char *lesson;
	size_t n_questions;     /* live questions of the lesson */
	size_t n_seen;          /* of which answered at least once */
	size_t n_answers;       /* practice answers given */
	size_t n_correct;       /* of which right */
	size_t n_mastered;      /* questions whose latest answer was right */
	size_t n_sections_read;
	int64_t ms;             /* time spent answering */
	double accuracy;        /* n_correct / n_answers, 0..1; 0 when none */
};

/* One row per lesson that has live questions in the bank, by lesson id. */
enum dt_status store_lesson_progress(struct store *s, int64_t learner,
                                     int64_t bank, struct dt_arena *arena,
                                     struct store_lesson_progress **out,
                                     size_t *n, struct dt_error *err);

struct store_study_day {
	int64_t day;            /* Unix day number: at / 86400 (UTC) */
	size_t answers;         /* practice answers, and exam items answered
	                           (an item counts once, on the day of its
	                           latest answer, however many DOMC options or
	                           changed answers it took) */
	size_t correct;         /* of which right (an item: its latest answer) */
	int64_t ms;             /* time spent on every one of those answers */
};

/* Time studied: totals over days [from_day, to_day] (Unix day numbers) and,
 * when out is not NULL, one row per day that has answers (in arena; arena,
 * out and n may be NULL when only the totals are wanted). */
enum dt_status store_time_studied(struct store *s, int64_t learner,
                                  int64_t from_day, int64_t to_day,
                                  struct dt_arena *arena,
                                  struct store_study_day **out, size_t *n,
                                  struct store_study_day *total,
                                  struct dt_error *err);

/* Practice totals of every live question of a bank over all learners: for
 * instructors' per-question difficulty views. */
struct store_question_totals {
	const char *question;
	const char *lesson;
	size_t learners;        /* who answered it */
	size_t answers;
	size_t correct;
};

enum dt_status store_question_totals(struct store *s, int64_t bank,
                                     struct dt_arena *arena,
                                     struct store_question_totals **out,
                                     size_t *n, struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Exercises. */

/* Records one check of an exercise (an attempt): passed or not, with the
 * hints seen so far (which also count as seen, as store_record_hint). */
enum dt_status store_record_exercise(struct store *s, int64_t learner,
                                     const char *exercise, const char *lesson,
                                     bool passed, int hints, int64_t now,
                                     struct dt_error *err);

/* Records that the learner has now seen hints_seen hints of an exercise
 * (the first hints_seen of its list), without an attempt.  The count only
 * grows: a smaller one than recorded changes nothing; a negative one is
 * DT_ERR_INVALID. */
enum dt_status store_record_hint(struct store *s, int64_t learner,
                                 const char *exercise, const char *lesson,
                                 int hints_seen, int64_t now,
                                 struct dt_error *err);

struct store_exercise_progress {
	const char *exercise;
	const char *lesson;
	size_t attempts;        /* checks run; 0 when only hints were seen */
	int64_t first_pass;     /* when first passed; 0 never */
	size_t attempts_to_pass; /* attempts up to and including the first
	                            pass; 0 never passed */
	int hints;              /* hints seen (by store_record_hint or with an
	                           attempt, whichever is more) */
};

/* One row per exercise the learner checked or took hints of, by id. */
enum dt_status store_exercise_progress(struct store *s, int64_t learner,
                                       struct dt_arena *arena,
                                       struct store_exercise_progress **out,
                                       size_t *n, struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Exam attempts. */

#define STORE_ATTEMPT_STATUS_LIST(X)           \
	X(STORE_ATTEMPT_OPEN,      "open")      \
	X(STORE_ATTEMPT_SUBMITTED, "submitted") \
	X(STORE_ATTEMPT_EXPIRED,   "expired")

enum store_attempt_status {
#define STORE_ATTEMPT_ENUM(id, name) id,
	STORE_ATTEMPT_STATUS_LIST(STORE_ATTEMPT_ENUM)
#undef STORE_ATTEMPT_ENUM
	STORE_ATTEMPT_STATUS_COUNT
};

const char *store_attempt_status_name(enum store_attempt_status status);

struct store_attempt {
	int64_t id;
	int64_t learner;
	const char *learner_name;
	int64_t bank;
	const char *exam;       /* blueprint id */
	const char *title;
	uint64_t seed;
	enum course_presentation presentation;
	int pass_mark_pct;
	int64_t started;
	int64_t deadline;
	int64_t finished;       /* 0 while open */
	enum store_attempt_status status;
	double score;           /* when finished */
	double max_score;
	bool passed;
};

struct store_item {
	size_t pos;             /* 0-based position on the paper */
	const char *question;   /* content id */
	const char *lesson;
	uint8_t order[QUIZ_MAX_CHOICES];   /* as in struct quiz_paper_item */
	uint8_t n_choices;
	bool domc_extra;
	const char *response;   /* NULL when not answered */
	bool correct;
	double score;
	bool flagged;
	int64_t ms;
	int64_t answered_at;    /* 0 when not answered */
};

/* Starts an attempt of bp for the learner with the drawn paper (its seed,
 * question order and choice orders are stored, so a resumed attempt shows
 * the same paper).  The deadline is started + bp->time_limit_s.  The
 * paper's questions must be in bank (DT_ERR_NOTFOUND naming the first one
 * that is not). */
enum dt_status store_start_attempt(struct store *s, int64_t learner,
                                   int64_t bank,
                                   const struct course_blueprint *bp,
                                   const struct quiz_paper *paper,
                                   int64_t started, int64_t *attempt,
                                   struct dt_error *err);

/* Records the response to item pos (0-based), in one transaction with an
 * entry in the answer log: once it returns DT_OK the response survives a
 * crash.  A later response to the same item replaces it (the item's time,
 * ms, adds up over visits).  The store does not judge the deadline: the
 * caller asks quiz_attempt_expired first.  DT_ERR_STATE when the attempt
 * is not open; DT_ERR_NOTFOUND when there is no such item. */
enum dt_status store_record_response(struct store *s, int64_t attempt,
                                     size_t pos, const char *response,
                                     bool correct, double score, int64_t ms,
                                     int64_t at, struct dt_error *err);
/* Flags or unflags an item for review before submitting. */
enum dt_status store_flag_item(struct store *s, int64_t attempt, size_t pos,
                               bool flagged, struct dt_error *err);
/* Closes an open attempt as submitted or expired with its result.
 * DT_ERR_STATE when it was already closed (by another process, say). */
enum dt_status store_finish_attempt(struct store *s, int64_t attempt,
                                    enum store_attempt_status status,
                                    const struct quiz_exam_result *result,
                                    int64_t now, struct dt_error *err);

/* One attempt with its items (n_items may be NULL to skip them). */
enum dt_status store_load_attempt(struct store *s, int64_t attempt,
                                  struct dt_arena *arena,
                                  struct store_attempt *out,
                                  struct store_item **items, size_t *n_items,
                                  struct dt_error *err);
/* The learner's open attempts, oldest first: to resume them, or to submit
 * those whose deadline has passed. */
enum dt_status store_open_attempts(struct store *s, int64_t learner,
                                   struct dt_arena *arena,
                                   struct store_attempt **out, size_t *n,
                                   struct dt_error *err);
/* The learner's attempts, newest first (exam history); exam NULL for all
 * exams. */
enum dt_status store_exam_history(struct store *s, int64_t learner,
                                  const char *exam, struct dt_arena *arena,
                                  struct store_attempt **out, size_t *n,
                                  struct dt_error *err);

/* For instructor reports: every finished attempt of an exam by every
 * learner, each with its items (responses with their picked choices,
 * correct, score, time), ordered by learner name and start time.
 * items[i] and n_items[i] belong to attempts[i]. */
struct store_exam_report {
	struct store_attempt *attempts;
	struct store_item **items;
	size_t *n_items;
	size_t n;
};

enum dt_status store_exam_report(struct store *s, const char *exam,
                                 struct dt_arena *arena,
                                 struct store_exam_report *out,
                                 struct dt_error *err);

/* The exams (blueprint ids) that have at least one finished attempt, by
 * any learner, sorted by id (in arena): what store_exam_report can report
 * on. */
enum dt_status store_exams(struct store *s, struct dt_arena *arena,
                           const char ***out, size_t *n,
                           struct dt_error *err);

/* ------------------------------------------------------------------ */
/* Export, import, reset. */

/* Appends one learner's whole progress as a self-contained JSON document
 * (format "dockertutor-progress", version 1): reading, answers, reviews,
 * exercises and the hints seen, attempts with their items; questions are
 * named by bank name and content id.  Documents only ever gain fields:
 * store_import reads one without "hints" as having none. */
enum dt_status store_export(struct store *s, int64_t learner,
                            struct dt_buf *out, struct dt_error *err);

struct store_import_stats {
	size_t added;           /* rows added */
	size_t duplicates;      /* already present, skipped */
	size_t unknown;         /* naming a question this database lacks */
};

/* Merges a document from store_export (len bytes, NUL-terminated at
 * doc[len] as dt_read_file leaves it) into the learner's progress, in one
 * transaction: rows already present are skipped (importing twice adds
 * nothing), review states keep the more recent one, reading positions the
 * later one, hints seen the larger count.  DT_ERR_SYNTAX for a document
 * that is not valid JSON or not a dockertutor progress document (the
 * message names the first bad entry, e.g. "entry 2 of answers: 'at' must
 * be integer"; err->path is left empty for the caller, who knows the
 * file's name); DT_ERR_LIMIT past STORE_MAX_DOCUMENT.  Entries naming a
 * bank or question this database lacks are counted in stats->unknown and
 * skipped. */
enum dt_status store_import(struct store *s, int64_t learner,
                            const char *doc, size_t len,
                            struct store_import_stats *stats,
                            struct dt_error *err);

/* Deletes the learner's progress in one lesson (sections, position,
 * practice answers and reviews of its questions, its exercises and their
 * hints) or, with lesson NULL, everything (attempts too); the profile
 * stays.  Daily totals are rebuilt from the answers that remain. */
enum dt_status store_reset(struct store *s, int64_t learner,
                           const char *lesson, struct dt_error *err);

#endif
