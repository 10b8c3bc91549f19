/* dockertutor/course.h - the course model and its loader: lessons, sections,
 * questions, exercises and exam blueprints read from YAML (docs/
 * content-format.md), validated with file:line:col diagnostics; and the
 * question banks imported from Moodle GIFT and Aiken files.
 *
 * Ownership: a struct course owns one arena holding every string and array
 * reachable from it; course_free releases all of it at once.  Pointers into
 * a course live until course_free.  Question lists read outside a course
 * (course_load_questions, course_parse_questions) live in the arena the
 * caller passes.  A struct course_diags owns its items and their strings;
 * free it with course_diags_fini.  Nothing here keeps a pointer to the
 * caller's path or data strings after returning.
 *
 * Every reader reports all the problems it finds in a course_diags (it does
 * not stop at the first), positioned at the file, line and column where
 * the author has to act; see docs/content-format.md for the rules.
 */
#ifndef DOCKERTUTOR_COURSE_H
#define DOCKERTUTOR_COURSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dockertutor/util.h"

/* Caps on untrusted content; each is reported as a limit error with the
 * position where it was crossed. */
#define COURSE_MAX_FILE       (1024u * 1024u)  /* bytes per YAML file */
#define COURSE_MAX_ALIAS_NODES 10000u          /* nodes reached through
                                                  aliases, per file */
#define COURSE_MAX_DEPTH      64u              /* YAML nesting */
#define COURSE_MAX_ID         64u              /* characters in an id */
#define COURSE_MAX_NODES      100000u          /* YAML nodes per file */
#define COURSE_MAX_PATH       1024u            /* bytes in a content path */
#define COURSE_MAX_FILES      10000u           /* files in a content tree */
#define COURSE_MAX_PATTERN    1024u            /* bytes in a fill pattern */
#define COURSE_MAX_REPEAT     10000u           /* a fill pattern's size
                                                  with repeats expanded */
#define COURSE_MAX_FILE_DIAGS 100u             /* problems reported per file
                                                  before it is abandoned */

/* Where something was written, for diagnostics after loading. */
struct course_pos {
	const char *file;   /* path as given to the loader (relative to cwd) */
	int line;           /* 1-based */
	int col;            /* 1-based */
};

/* Question types and their names in the content files. */
#define COURSE_QTYPE_LIST(X)          \
	X(COURSE_Q_SINGLE,    "single")    \
	X(COURSE_Q_MULTIPLE,  "multiple")  \
	X(COURSE_Q_TRUEFALSE, "truefalse") \
	X(COURSE_Q_FILL,      "fill")

enum course_qtype {
#define COURSE_QTYPE_ENUM(id, name) id,
	COURSE_QTYPE_LIST(COURSE_QTYPE_ENUM)
#undef COURSE_QTYPE_ENUM
	COURSE_Q_COUNT
};

/* "single", "multiple", "truefalse", "fill". */
const char *course_qtype_name(enum course_qtype type);

struct course_choice {
	const char *text;
	const char *why;          /* NULL when absent */
	bool correct;
};

struct course_question {
	const char *id;
	const char *lesson_id;
	const char *section_id;
	enum course_qtype type;
	int difficulty;           /* 1..3, default 2 */
	const char **tags;
	size_t n_tags;
	const char *stem;
	struct course_choice *choices;   /* single, multiple */
	size_t n_choices;
	bool answer;                     /* truefalse */
	const char **answers;            /* fill */
	size_t n_answers;
	const char *pattern;             /* fill: POSIX ERE, NULL when absent */
	bool case_sensitive;             /* fill, default false */
	const char *explanation;         /* NULL when absent */
	struct course_pos pos;
	struct course_lesson *lesson;    /* resolved after loading; NULL for
	                                    imported questions of no lesson */
};

struct course_section {
	const char *id;
	const char *title;
	const char *body;                /* markdown-lite */
	struct course_pos pos;
};

struct course_lesson {
	const char *id;
	int number;
	const char *title;
	const char *summary;
	int minutes;
	struct course_section *sections;
	size_t n_sections;
	const char **takeaways;
	size_t n_takeaways;
	const char **exercise_ids;
	size_t n_exercise_ids;
	struct course_question **questions;  /* this lesson's questions, in file
	                                        order (pointers into course) */
	size_t n_questions;
	const char *path;
	struct course_pos pos;
};

/* Exercise checks, their keys in exercise.yaml and what they carry in
 * struct course_check:
 *   LINT               str: max severity allowed, "error" .. "style", "none"
 *   FORBID_RULE        list: rule ids
 *   REQUIRE_RULE       list: rule ids
 *   FINAL_USER         str: "non-root"
 *   BASE_PINNED        str: "tag" | "digest"
 *   HAS_INSTRUCTION    str: instruction name, upper case
 *   LACKS_INSTRUCTION  str: instruction name, upper case
 *   STAGES             min, max (-1 when absent)
 *   ORDER              list: patterns, the instruction name upper case
 *   EXPOSES            number: port
 *   WORKDIR_ABSOLUTE, HEALTHCHECK, NO_SECRETS: nothing
 *   FILE_EXISTS        str: path in the workspace */
#define COURSE_CHECK_LIST(X)                                   \
	X(COURSE_CHECK_LINT,              "lint")              \
	X(COURSE_CHECK_FORBID_RULE,       "forbid_rule")       \
	X(COURSE_CHECK_REQUIRE_RULE,      "require_rule")      \
	X(COURSE_CHECK_FINAL_USER,        "final_user")        \
	X(COURSE_CHECK_BASE_PINNED,       "base_pinned")       \
	X(COURSE_CHECK_HAS_INSTRUCTION,   "has_instruction")   \
	X(COURSE_CHECK_LACKS_INSTRUCTION, "lacks_instruction") \
	X(COURSE_CHECK_STAGES,            "stages")            \
	X(COURSE_CHECK_ORDER,             "order")             \
	X(COURSE_CHECK_EXPOSES,           "exposes")           \
	X(COURSE_CHECK_WORKDIR_ABSOLUTE,  "workdir_absolute")  \
	X(COURSE_CHECK_HEALTHCHECK,       "healthcheck")       \
	X(COURSE_CHECK_NO_SECRETS,        "no_secrets")        \
	X(COURSE_CHECK_FILE_EXISTS,       "file_exists")

enum course_check_kind {
#define COURSE_CHECK_ENUM(id, name) id,
	COURSE_CHECK_LIST(COURSE_CHECK_ENUM)
#undef COURSE_CHECK_ENUM
	COURSE_CHECK_COUNT
};

/* "lint", "forbid_rule", ...; "?" for a value out of range. */
const char *course_check_name(enum course_check_kind kind);

struct course_check {
	enum course_check_kind kind;
	const char *str;                /* level, user, pin kind, name, path */
	const char **list;
	size_t n_list;
	int min, max;                   /* stages; -1 when absent */
	int number;                     /* exposes */
	struct course_pos pos;
};

struct course_exercise {
	const char *id;
	const char *lesson_id;
	const char *title;
	const char *task;
	const char *dir;                /* the exercise folder */
	const char **files;             /* relative to dir */
	size_t n_files;
	const char *target;             /* relative to dir, default "Dockerfile" */
	struct course_check *checks;
	size_t n_checks;
	const char **hints;
	size_t n_hints;
	const char *solution;           /* relative to dir */
	struct course_pos pos;
	struct course_lesson *lesson;   /* resolved */
};

enum course_presentation { COURSE_PRESENT_STANDARD, COURSE_PRESENT_DOMC };
enum course_review { COURSE_REVIEW_AFTER_SUBMIT, COURSE_REVIEW_NEVER };

struct course_draw {
	const char *lesson_id;
	int count;
	unsigned difficulty_mask;       /* bit d set: difficulty d allowed;
	                                   0 means all */
	const char **tags;              /* any of these; n_tags 0: all */
	size_t n_tags;
	struct course_pos pos;
};

struct course_blueprint {
	const char *id;
	const char *title;
	int time_limit_s;
	int pass_mark_pct;              /* 0..100 */
	enum course_presentation presentation;
	struct course_draw *draws;
	size_t n_draws;
	bool shuffle_questions;
	bool shuffle_choices;
	uint64_t seed;                  /* 0: a new paper per attempt */
	enum course_review review;
	const char *path;
	struct course_pos pos;
};

struct course {
	struct dt_arena arena;
	const char *root;               /* the content folder */
	const char *id;
	const char *title;
	int version;
	struct course_lesson *lessons;  /* course order */
	size_t n_lessons;
	struct course_question *questions;  /* every question, lesson order */
	size_t n_questions;
	struct course_exercise *exercises;
	size_t n_exercises;
	struct course_blueprint *blueprints;
	size_t n_blueprints;
	char hash[17];                  /* 64-bit hash of every file read, hex */
	struct course_question **by_id; /* lookup table for
	                                   course_find_question: open addressing,
	                                   by_id_cap slots (a power of two) */
	size_t by_id_cap;
};

enum course_severity { COURSE_ERROR, COURSE_WARNING };

/* One problem.  msg is one sentence without a trailing period; line and
 * col are 1-based (col counts characters), 0 when the problem concerns the
 * whole file.  file and msg share one allocation owned by the diags. */
struct course_diag {
	enum course_severity severity;
	char *file;
	int line;
	int col;
	char *msg;
	size_t seq;                     /* order of addition, for stable sorts */
};

/* Every problem found.  course_load leaves them sorted by file, line and
 * column.  Owns its items. */
struct course_diags {
	struct course_diag *items;
	size_t n;
	size_t cap;
	size_t n_errors;
	size_t n_warnings;
	size_t n_files;                 /* content files read (course_load) */
	bool failed;                    /* an allocation failed while adding */
};

void course_diags_init(struct course_diags *diags);
void course_diags_fini(struct course_diags *diags);
/* Sorts by file name, then line, then column; problems at the same place
 * keep the order in which they were found. */
void course_diags_sort(struct course_diags *diags);

/* Loads and validates the course in dir (dir/course.yaml and everything it
 * names, plus dir/exercises/NAME/exercise.yaml).  Every problem is added to
 * diags (errors and author warnings).  Returns DT_OK with *out set when the
 * course has no errors (warnings allowed); otherwise *out is NULL and the
 * status says why (DT_ERR_INVALID when diags holds the errors, or a fatal
 * error described in err).  The caller owns *out: free with course_free. */
enum dt_status course_load(const char *dir, struct course **out,
                           struct course_diags *diags, struct dt_error *err);
void course_free(struct course *course);

/* Lookups; NULL when absent. */
struct course_lesson *course_find_lesson(const struct course *course,
                                         const char *id);
struct course_section *course_find_section(const struct course_lesson *lesson,
                                           const char *id);
struct course_question *course_find_question(const struct course *course,
                                             const char *id);
struct course_exercise *course_find_exercise(const struct course *course,
                                             const char *id);
struct course_blueprint *course_find_blueprint(const struct course *course,
                                               const char *id);

/* Loads an instructor's blueprint file and validates it against course
 * (lessons exist, draws fit their pools).  The blueprint lives in the
 * course's arena (until course_free).  Problems go to diags. */
enum dt_status course_load_blueprint(struct course *course, const char *path,
                                     struct course_blueprint **out,
                                     struct course_diags *diags,
                                     struct dt_error *err);

/* Question banks outside the course: an instructor's YAML bank file, or a
 * Moodle GIFT or Aiken file.  A bank owns one arena with its questions. */
enum course_bank_format {
	COURSE_BANK_YAML,
	COURSE_BANK_GIFT,
	COURSE_BANK_AIKEN,
};

struct course_bank {
	struct dt_arena arena;
	const char *path;
	struct course_question *questions;
	size_t n_questions;
};

/* Reads a bank file of the given format.  Problems go to diags with the
 * file's line and column (GIFT and Aiken constructs that dockertutor cannot
 * represent are errors naming the line).  Returns DT_OK with *out set when
 * the file has no errors; free with course_bank_free.  diags must not be
 * NULL (every problem is reported there).  course may be NULL;
 * when given, lesson and section references are checked against it. */
enum dt_status course_bank_import(const char *path,
                                  enum course_bank_format format,
                                  const struct course *course,
                                  struct course_bank **out,
                                  struct course_diags *diags,
                                  struct dt_error *err);
void course_bank_free(struct course_bank *bank);

/* Reads a YAML question list (the format of content/questions/) into arena;
 * used by course_load and course_bank_import. */
enum dt_status course_load_questions(const char *path, struct dt_arena *arena,
                                     struct course_question **out, size_t *n,
                                     struct course_diags *diags,
                                     struct dt_error *err);

/* Writes questions in the given format.  Constructs a format cannot carry
 * (e.g. a fill pattern in Aiken) are reported in diags as warnings naming
 * the question and left out. */
bool course_bank_export(const struct course_question *const *questions,
                        size_t n, enum course_bank_format format,
                        struct dt_buf *out, struct course_diags *diags);

/* The GIFT and Aiken readers and writers behind course_bank_import and
 * course_bank_export, usable on memory (data need not be NUL-terminated).
 * Questions are added to bank (its arena must be initialised; path is used
 * in diagnostics and for ids).  GIFT: multiple choice with one answer (=)
 * or weighted answers (~%50%), true/false, short answer, per-answer and
 * general feedback, $CATEGORY (its last part becomes the lesson),
 * [markdown]/[plain] text; matching, numerical, essay, description and
 * partial credit on short answers are errors with their line.  Aiken:
 * single answer questions. */
#define COURSE_MAX_BANK_FILE (4u * 1024u * 1024u)
#define COURSE_MAX_BANK_QUESTIONS 20000u
enum dt_status course_gift_parse(struct course_bank *bank, const char *data,
                                 size_t len, struct course_diags *diags);
enum dt_status course_aiken_parse(struct course_bank *bank, const char *data,
                                  size_t len, struct course_diags *diags);
bool course_gift_write(const struct course_question *const *questions,
                       size_t n, struct dt_buf *out, struct course_diags *diags);
bool course_aiken_write(const struct course_question *const *questions,
                        size_t n, struct dt_buf *out, struct course_diags *diags);

/* Checks questions read outside course_load (a bank file) against course:
 * each question's lesson and section must exist (q->lesson is set), ids
 * must be unique within the set, and two questions with the same stem are
 * a warning.  course may be NULL: then only the set itself is checked.
 * False when out of memory (diags->failed is set). */
bool course_check_questions(const struct course *course,
                            struct course_question *questions, size_t n,
                            struct course_diags *diags);

/* Reads a YAML question list from memory, as course_load_questions does
 * from a file; path is used in positions and copied into arena. */
enum dt_status course_parse_questions(const char *path, const char *data,
                                      size_t len, struct dt_arena *arena,
                                      struct course_question **out,
                                      size_t *n, struct course_diags *diags,
                                      struct dt_error *err);

/* The kinds of content file. */
enum course_file_kind {
	COURSE_FILE_COURSE,             /* course.yaml */
	COURSE_FILE_LESSON,
	COURSE_FILE_QUESTIONS,
	COURSE_FILE_EXERCISE,
	COURSE_FILE_BLUEPRINT,
};

/* Validates one content file held in memory on its own: syntax, limits,
 * keys, types and every rule that needs no other file (references to
 * other files and ids are not followed).  Problems go to diags.  Returns
 * DT_OK when it found no error, DT_ERR_INVALID when diags holds errors,
 * DT_ERR_NOMEM when out of memory. */
enum dt_status course_check_buffer(enum course_file_kind kind,
                                   const char *path, const char *data,
                                   size_t len, struct course_diags *diags,
                                   struct dt_error *err);

/* Appends a diagnostic (copies file and msg).  False when out of memory. */
bool course_diag_add(struct course_diags *diags, enum course_severity sev,
                     const char *file, int line, int col,
                     const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Parses a duration ("90m", "1h30m", "45s", "2h") into seconds; false when
 * malformed. */
bool course_parse_duration(const char *s, int *seconds);

#endif
