/* Private to src/exercise/: the context the check functions share, and the
 * small readers they use (image references, patterns, a stage's variables
 * and its inherited settings). */
#ifndef DT_EXERCISE_INT_H
#define DT_EXERCISE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "dockertutor/exercise.h"

/* What a check function sees.  Messages go into arena; nomem is set when
 * one could not be made. */
struct check_ctx {
	struct dt_arena *arena;
	const struct lint_file *file;
	const struct lint_finding *const *findings;   /* shown findings */
	size_t n_findings;
	const struct lint_finding *all;               /* every finding */
	size_t n_all;
	const char *target;
	const char *ws;
	bool nomem;
};

typedef void check_fn(struct check_ctx *ctx, const struct course_check *check,
                      struct exercise_result *res);

/* The check functions, one per enum course_check_kind (check_kinds.c),
 * in the order of COURSE_CHECK_LIST. */
#define EXERCISE_CHECK_LIST(X)                      \
	X(COURSE_CHECK_LINT,              lint)     \
	X(COURSE_CHECK_FORBID_RULE,       forbid)   \
	X(COURSE_CHECK_REQUIRE_RULE,      require)  \
	X(COURSE_CHECK_FINAL_USER,        user)     \
	X(COURSE_CHECK_BASE_PINNED,       pinned)   \
	X(COURSE_CHECK_HAS_INSTRUCTION,   has)      \
	X(COURSE_CHECK_LACKS_INSTRUCTION, lacks)    \
	X(COURSE_CHECK_STAGES,            stages)   \
	X(COURSE_CHECK_ORDER,             order)    \
	X(COURSE_CHECK_EXPOSES,           exposes)  \
	X(COURSE_CHECK_WORKDIR_ABSOLUTE,  workdir)  \
	X(COURSE_CHECK_HEALTHCHECK,       health)   \
	X(COURSE_CHECK_NO_SECRETS,        secrets)  \
	X(COURSE_CHECK_FILE_EXISTS,       exists)

#define EXERCISE_CHECK_DECL(kind, fn) check_fn check_##fn;
EXERCISE_CHECK_LIST(EXERCISE_CHECK_DECL)
#undef EXERCISE_CHECK_DECL

/* Sets the outcome; fmt is formatted into ctx->arena. */
void check_set(struct check_ctx *ctx, struct exercise_result *res,
               bool passed, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Dockerfile text quoted in a message: at most 60 columns, longer text cut
 * with "...".  Lives in ctx->arena; "" when out of memory (nomem set). */
const char *check_quote(struct check_ctx *ctx, const char *s);

/* A linter message to end one of ours: without its final period, cut at
 * 160 columns.  In ctx->arena; "" when out of memory (nomem set). */
const char *check_sentence(struct check_ctx *ctx, const char *s);

/* "A", "A and B", "A, B and C" (each in backquotes when code), in
 * ctx->arena. */
const char *check_join(struct check_ctx *ctx, const char *const *list,
                       size_t n, bool code);

/* An image reference split into its parts, e.g.
 * "registry:5000/team/app:1.2@sha256:abc..." (tag "1.2", digest "sha256:..."). */
struct image_ref {
	const char *tag;         /* NULL when absent; points into the input */
	size_t tag_len;
	const char *digest;      /* after '@'; NULL when absent */
	bool digest_valid;       /* "sha256:" and 64 lower-case hex digits */
};

void image_ref_parse(const char *ref, struct image_ref *out);

/* True for a relative path without ".." components: it stays inside the
 * folder it is relative to. */
bool path_is_inside(const char *p);

/* True when pattern (with '*' matching any run, possibly empty) matches a
 * prefix of s. */
bool pattern_match_prefix(const char *pattern, const char *s);

/* s with runs of blanks and newlines folded to one space and both ends
 * trimmed, in arena (NULL when out of memory). */
char *text_fold_blanks(struct dt_arena *arena, const char *s);

/* The stage an instruction of stage i inherits from: the index of the
 * earlier stage its FROM names, or -1 for an external image or scratch. */
long stage_parent(const struct lint_file *file, size_t i);

/* The variables in effect just before instruction index `at` of stage i:
 * the stage's ARGs (with defaults, or the value of the ARG of the same name
 * before the first FROM) and ENVs, later ones last.  Lives in arena; false
 * when out of memory. */
bool stage_vars(struct dt_arena *arena, const struct lint_file *file,
                size_t i, size_t at, struct lint_pair **vars, size_t *n);

/* The value of an instruction's argument text with variables expanded and
 * blanks folded (in arena; NULL when out of memory). */
const char *instr_value(struct dt_arena *arena, const struct lint_file *file,
                        const struct lint_instr *in, size_t index);

/* The first instruction of kind found by walking back from the end of
 * stage i, then through the stages it inherits from (for settings kept in
 * the image configuration: USER, HEALTHCHECK).  *index gets its index in
 * file->instrs.  NULL when none. */
const struct lint_instr *stage_last(const struct lint_file *file, size_t i,
                                    enum lint_instr_kind kind, size_t *index);

#endif
