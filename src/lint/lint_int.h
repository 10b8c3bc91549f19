/* Private to src/lint/: helpers the parser files share (string pool,
 * growable scratch arrays, Unicode blanks, Go-style quoting) and the state
 * the line reader (parse.c) hands to the instruction parser (instr.c). */
#ifndef DT_LINT_INT_H
#define DT_LINT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "dockertutor/lint.h"

/* Strings packed into arena chunks without per-string alignment: a parse
 * makes many short strings and the arena's 16-byte rounding would double
 * their cost.  Every string is NUL-terminated. */
struct lint_pool {
	struct dt_arena *arena;
	char *cur;
	size_t left;
	size_t chunk;
};

void lint_pool_init(struct lint_pool *pool, struct dt_arena *arena);
/* Room for a string of at most n bytes (NULL when out of memory), to be
 * written in place and then closed with lint_pool_commit (used <= n);
 * nothing else may be taken from the pool in between. */
char *lint_pool_reserve(struct lint_pool *pool, size_t n);
void lint_pool_commit(struct lint_pool *pool, char *buf, size_t used);

/* Strings shorter than this that fit the current chunk are copied
 * inline, without a call: the parser and the shell reader copy every
 * word. */
#define LINT_POOL_SHORT 256u

static inline char *lint_pool_strndup(struct lint_pool *pool, const char *s,
                                      size_t n)
{
	char *out;

	if (n < LINT_POOL_SHORT && n < pool->left) {
		out = pool->cur;
		pool->cur += n + 1;
		pool->left -= n + 1;
	} else if ((out = lint_pool_reserve(pool, n)) != NULL) {
		lint_pool_commit(pool, out, n);
	} else {
		return NULL;
	}
	if (n)
		memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

/* A growable scratch array (dt_realloc); lint_vec_add returns a zeroed
 * slot or NULL when out of memory.  lint_vec_copy moves the items into an
 * arena (NULL only when out of memory; an empty vector gives a non-NULL
 * pointer that must not be read). */
struct lint_vec {
	void *data;
	size_t n, cap;
};

void *lint_vec_grow(struct lint_vec *v, size_t size);
void *lint_vec_copy(const struct lint_vec *v, size_t size,
                    struct dt_arena *arena);
void lint_vec_free(struct lint_vec *v);

/* Inline: the parser adds an item for every word. */
static inline void *lint_vec_add(struct lint_vec *v, size_t size)
{
	char *slot;

	if (v->n == v->cap)
		return lint_vec_grow(v, size);
	slot = (char *)v->data + v->n++ * size;
	memset(slot, 0, size);
	return slot;
}

/* The multi-byte blanks of Go's unicode.IsSpace at u[0..n): the byte
 * length of the one that starts there, or 0. */
size_t lint_wide_space_len(const unsigned char *u, size_t n);

/* Go's unicode.IsSpace at s[0..n): the byte length of the blank that starts
 * there, or 0.  Inline: the parser asks at every word. */
static inline size_t lint_space_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r'))
		return 1;
	return u[0] >= 0xC2 ? lint_wide_space_len(u, n) : 0;
}
/* The same for the blank that ends at s[n - 1]. */
size_t lint_space_len_back(const char *s, size_t n);
/* s[0..n) without leading and trailing Unicode blanks (strings.TrimSpace). */
void lint_trim_space(const char **s, size_t *n);

/* Appends s[0..n) quoted as Go's strconv.Quote does. */
bool lint_go_quote(struct dt_buf *out, const char *s, size_t n);

/* A logical line handed from parse.c to instr.c. */
struct lint_parser {
	struct lint_file *file;
	struct lint_pool pool;
	char esc;                     /* the escape token */
	const struct lint_span *spans; /* of the logical line, by offset */
	size_t n_spans;
	/* scratch arrays reused from one instruction to the next */
	struct lint_vec words, strs, flags, pairs, spans_out;
	const char *words_of;         /* the string words was split from */
	struct dt_buf tmp;
	struct lint_vec errors;       /* struct lint_parse_error */
	bool nomem;
};

/* Position of offset off of the logical line. */
void lint_line_pos(const struct lint_parser *p, size_t off, int *line,
                   int *col);
/* Records a parse error; false when out of memory. */
bool lint_parse_errorf(struct lint_parser *p, int line, int col,
                       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Parses the logical line s[0..n) (blanks trimmed, keyword first) into
 * *in, its strings and arrays in the file's arena; base is the offset of
 * s in the logical line (for positions).  Parse errors are recorded; false
 * only when out of memory. */
bool lint_instr_parse(struct lint_parser *p, const char *s, size_t n,
                      size_t base, struct lint_instr *in);
/* BuildKit's checks on a parsed instruction (flags, argument counts, FROM,
 * HEALTHCHECK, ONBUILD); records parse errors; false when out of memory. */
bool lint_instr_check(struct lint_parser *p, const struct lint_instr *in);

/* JSON arrays (parse_json.c): the strings of a JSON array of strings. */
enum lint_json {
	LINT_JSON_OK,
	LINT_JSON_NOT_ARRAY,          /* does not start with '[' */
	LINT_JSON_INVALID,            /* not valid JSON: shell form */
	LINT_JSON_NOT_STRINGS,        /* valid JSON, an element not a string */
	LINT_JSON_NOMEM,
};

/* Parses s[0..n); on LINT_JSON_OK the decoded strings (pool strings) are
 * appended to *out. */
enum lint_json lint_json_strings(struct lint_pool *pool, const char *s,
                                 size_t n, struct lint_vec *out);

/* The shell reader's scratch space (shell.c), kept from one script to the
 * next by a caller that reads many, as the rules read every RUN of a file:
 * its arrays and string pool are set up once, not per script.  Results
 * live in the arena given to lint_shell_reader_init. */
struct lint_shell_reader {
	struct lint_pool pool;
	struct dt_buf buf;
	struct lint_vec words, cmds, docs;
};

void lint_shell_reader_init(struct lint_shell_reader *rd,
                            struct dt_arena *arena);
/* lint_shell_parse with rd's scratch space and arena. */
bool lint_shell_read(struct lint_shell_reader *rd, const char *script,
                     int line, struct lint_script *out);
void lint_shell_reader_fini(struct lint_shell_reader *rd);

#endif
