/* dockertutor/course.h - the course model and its loader: lessons, sections,
 * questions, exercises and exam blueprints read from YAML (docs/
 * content-format.md), validated with file:line:col diagnostics; and the
 * question banks imported from Moodle GIFT and Aiken files.
 *
 * Ownership: a struct course owns one arena holding every string and array
 * reachable from it; course_free releases all of it at once.  Pointers into
 * a course live until course_free.  A struct course_diags owns its items and
 * their strings; free it with course_diags_fini.
 */
#ifndef DOCKERTUTOR_COURSE_H
#define DOCKERTUTOR_COURSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dockertutor/util.h"

/* Caps on untrusted content. */
#define COURSE_MAX_FILE       (1024u * 1024u)  /* bytes per YAML file */
#define COURSE_MAX_ALIAS_NODES 10000u          /* nodes after alias expansion */
#define COURSE_MAX_DEPTH      64u              /* YAML nesting */
#define COURSE_MAX_ID         64u              /* characters in an id */

/* Where something was written, for diagnostics after loading. */
struct course_pos {
	const char *file;   /* path as given to the loader (relative to cwd) */
	int line;           /* 1-based */
	int col;            /* 1-based */
};

enum course_qtype {
	COURSE_Q_SINGLE,
	COURSE_Q_MULTIPLE,
	COURSE_Q_TRUEFALSE,
	COURSE_Q_FILL,
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

enum course_check_kind {
	COURSE_CHECK_LINT,              /* level: max severity allowed */
	COURSE_CHECK_FORBID_RULE,       /* list: rule ids */
	COURSE_CHECK_REQUIRE_RULE,      /* list: rule ids */
	COURSE_CHECK_FINAL_USER,        /* str: "non-root" */
	COURSE_CHECK_BASE_PINNED,       /* str: "tag" | "digest" */
	COURSE_CHECK_HAS_INSTRUCTION,   /* str: instruction name, upper case */
	COURSE_CHECK_LACKS_INSTRUCTION, /* str */
	COURSE_CHECK_STAGES,            /* min, max (-1 when absent) */
	COURSE_CHECK_ORDER,             /* list: patterns */
	COURSE_CHECK_EXPOSES,           /* number: port */
	COURSE_CHECK_WORKDIR_ABSOLUTE,
	COURSE_CHECK_HEALTHCHECK,
	COURSE_CHECK_NO_SECRETS,
	COURSE_CHECK_FILE_EXISTS,       /* str: path in the workspace */
};

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
};

enum course_severity { COURSE_ERROR, COURSE_WARNING };

struct course_diag {
	enum course_severity severity;
	char *file;
	int line;
	int col;
	char *msg;
};

/* Every problem found, in file order within each file.  Owns its items. */
struct course_diags {
	struct course_diag *items;
	size_t n;
	size_t cap;
	size_t n_errors;
	size_t n_warnings;
	bool failed;                    /* an allocation failed while adding */
};

void course_diags_init(struct course_diags *diags);
void course_diags_fini(struct course_diags *diags);

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
 * the file has no errors; free with course_bank_free.  course may be NULL;
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

/* Appends a diagnostic (copies file and msg).  False when out of memory. */
bool course_diag_add(struct course_diags *diags, enum course_severity sev,
                     const char *file, int line, int col,
                     const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Parses a duration ("90m", "1h30m", "45s", "2h") into seconds; false when
 * malformed. */
bool course_parse_duration(const char *s, int *seconds);

#endif
