/* dockertutor/util.h - the bottom layer every module builds on: status codes
 * and errors, checked allocation, arenas, growable buffers, bounded file
 * reads, UTF-8 and the terminal-safe sanitiser.
 *
 * Nothing here prints or exits.  Fallible functions return enum dt_status (or
 * NULL) and fill a caller-provided struct dt_error, which only cli/ and ui/
 * turn into text.
 */
#ifndef DOCKERTUTOR_UTIL_H
#define DOCKERTUTOR_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DT_VERSION "0.1.0"

/* Status codes and their one-word descriptions, in one table. */
#define DT_STATUS_LIST(X)                                   \
	X(DT_OK,           "ok")                            \
	X(DT_ERR_NOMEM,    "out of memory")                 \
	X(DT_ERR_IO,       "input/output error")            \
	X(DT_ERR_NOTFOUND, "not found")                     \
	X(DT_ERR_SYNTAX,   "syntax error")                  \
	X(DT_ERR_INVALID,  "invalid")                       \
	X(DT_ERR_LIMIT,    "limit exceeded")                \
	X(DT_ERR_ENCODING, "invalid encoding")              \
	X(DT_ERR_DB,       "database error")                \
	X(DT_ERR_BUSY,     "busy")                          \
	X(DT_ERR_VERSION,  "unsupported version")           \
	X(DT_ERR_STATE,    "not allowed now")

enum dt_status {
#define DT_STATUS_ENUM(code, text) code,
	DT_STATUS_LIST(DT_STATUS_ENUM)
#undef DT_STATUS_ENUM
	DT_STATUS_COUNT
};

/* Returns a static string; never NULL. */
const char *dt_status_str(enum dt_status status);

/* An error with a position.  path may be empty; line and col are 1-based,
 * 0 when unknown.  msg is one sentence without a trailing period. */
struct dt_error {
	enum dt_status code;
	int line;
	int col;
	char path[512];
	char msg[512];
};

/* Fills err (when err is not NULL) and returns code, so callers can write
 * `return dt_error_set(err, DT_ERR_IO, path, 0, 0, "cannot read: %s", ...)`.
 * path may be NULL.  Text longer than the buffers is cut, never overflowed. */
enum dt_status dt_error_set(struct dt_error *err, enum dt_status code,
                            const char *path, int line, int col,
                            const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void dt_error_clear(struct dt_error *err);

/* Checked allocation.  Every engine allocates through these so that tests can
 * make the N-th allocation fail (dt_alloc_fail_at) and see a clean error.
 * They return NULL on failure and never abort. */
void *dt_malloc(size_t size);
void *dt_calloc(size_t n, size_t size);
void *dt_realloc(void *ptr, size_t size);
char *dt_strdup(const char *s);
char *dt_strndup(const char *s, size_t n);
void dt_free(void *ptr);

/* Fault injection for tests: the n-th allocation from now (1-based) and every
 * later one fail; 0 turns it off.  dt_alloc_count() counts allocations made
 * since the last dt_alloc_fail_at call. */
void dt_alloc_fail_at(unsigned long n);
unsigned long dt_alloc_count(void);

/* An arena: many allocations, one free.  Memory is 16-byte aligned and
 * zeroed.  A loaded course and a lint result each own one arena. */
struct dt_arena_block;
struct dt_arena {
	struct dt_arena_block *head;
	size_t used_total;
};

void dt_arena_init(struct dt_arena *arena);
/* Frees every block; the arena may be reused after dt_arena_init. NULL ok. */
void dt_arena_fini(struct dt_arena *arena);
void *dt_arena_alloc(struct dt_arena *arena, size_t size);
/* The same without the zeroing, for memory the caller writes whole at
 * once (copies, string pools). */
void *dt_arena_alloc_raw(struct dt_arena *arena, size_t size);
char *dt_arena_strdup(struct dt_arena *arena, const char *s);
char *dt_arena_strndup(struct dt_arena *arena, const char *s, size_t n);
char *dt_arena_printf(struct dt_arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A growable byte buffer, always NUL-terminated when data is not NULL.
 * The buffer owns data; dt_buf_steal hands it to the caller (free with
 * dt_free).  After an allocation failure the buffer is marked failed and
 * further appends are no-ops, so callers may check once at the end. */
struct dt_buf {
	char *data;
	size_t len;
	size_t cap;
	bool failed;
};

void dt_buf_init(struct dt_buf *buf);
void dt_buf_fini(struct dt_buf *buf);
void dt_buf_reset(struct dt_buf *buf);
bool dt_buf_append(struct dt_buf *buf, const char *s, size_t n);
bool dt_buf_puts(struct dt_buf *buf, const char *s);
bool dt_buf_putc(struct dt_buf *buf, char c);
bool dt_buf_printf(struct dt_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool dt_buf_vprintf(struct dt_buf *buf, const char *fmt, va_list ap);
char *dt_buf_steal(struct dt_buf *buf);

/* Reads a whole file of at most max bytes.  On success *data is a new
 * NUL-terminated buffer owned by the caller (free with dt_free) and *len its
 * length.  A larger file is DT_ERR_LIMIT; path "-" reads standard input. */
enum dt_status dt_read_file(const char *path, size_t max, char **data,
                            size_t *len, struct dt_error *err);

/* Writes data to path atomically (temporary file in the same folder, fsync,
 * rename), creating the file with the given mode. */
enum dt_status dt_write_file(const char *path, const char *data, size_t len,
                             unsigned mode, struct dt_error *err);

/* Creates path and its missing parents with exactly the given mode (the
 * umask does not narrow folders it creates; existing ones are untouched). */
enum dt_status dt_mkdir_p(const char *path, unsigned mode,
                          struct dt_error *err);

/* Copies src to dst (size-bounded) and always terminates dst; returns false
 * when src did not fit. */
bool dt_strlcpy(char *dst, const char *src, size_t size);

/* snprintf that reports truncation: true when the whole text fit. */
bool dt_snprintf(char *dst, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ASCII helpers that ignore the locale. */
int dt_strcasecmp(const char *a, const char *b);
int dt_strncasecmp(const char *a, const char *b, size_t n);
bool dt_str_has_prefix(const char *s, const char *prefix);
bool dt_str_has_suffix(const char *s, const char *suffix);

/* Levenshtein distance, capped: returns cap + 1 when the distance is larger. */
unsigned dt_edit_distance(const char *a, const char *b, unsigned cap);

/* UTF-8.  dt_utf8_decode reads one code point from s (at most n bytes) and
 * returns its length, or 0 for an invalid or truncated sequence (overlongs,
 * surrogates and values above U+10FFFF are invalid). */
size_t dt_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Returns true when s[0..n) is valid UTF-8; otherwise *bad_offset is the
 * offset of the first invalid byte (when bad_offset is not NULL). */
bool dt_utf8_valid(const char *s, size_t n, size_t *bad_offset);
/* Display columns of one code point: 0 for combining marks and zero-width
 * characters, 2 for East Asian wide and fullwidth, -1 for control
 * characters, else 1.  Independent of the locale. */
int dt_utf8_cp_width(uint32_t cp);
/* Display width of a UTF-8 string (invalid bytes and controls count 1). */
size_t dt_utf8_width(const char *s, size_t n);

/* The terminal-safe sanitiser: returns a new string (owned by the caller,
 * free with dt_free; NULL when out of memory) in which escape sequences
 * (CSI, OSC, DCS and the like) are removed, other C0/C1 control characters
 * and DEL become U+FFFD, invalid UTF-8 bytes become U+FFFD, and tabs and
 * newlines are kept only when keep_newlines is true (else a space). */
char *dt_sanitize(const char *s, size_t n, bool keep_newlines);

/* Returns true when s[0..n) holds a control character other than \n and \t
 * (C0, DEL, or a C1 code point), setting *offset to its byte offset. */
bool dt_has_control(const char *s, size_t n, size_t *offset);

/* Monotonic milliseconds, for durations (never for dates). */
uint64_t dt_now_ms(void);

#endif
