/* The exec form's JSON arrays, read exactly as BuildKit reads them with Go's
 * encoding/json: a syntax error anywhere means "not JSON, use the shell
 * form"; valid JSON with an element that is not a string is an error.
 *
 * Design: one strict, iterative validator (no recursion, depth capped as
 * Go caps it, so deep brackets cannot exhaust the stack), run once to
 * classify the text and a second time to decode the strings, so an invalid
 * array costs no memory. */
#include <string.h>

#include "lint_int.h"

#define JSON_MAX_DEPTH 10000   /* Go's encoding/json nesting limit */

struct json {
	const char *s;
	size_t n, pos;
	unsigned char stack[JSON_MAX_DEPTH / 8 + 1];  /* 1 bit per level: object */
	size_t depth;
};

static void ws(struct json *j)
{
	while (j->pos < j->n && (j->s[j->pos] == ' ' || j->s[j->pos] == '\t' ||
	                         j->s[j->pos] == '\n' || j->s[j->pos] == '\r'))
		j->pos++;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* Skips a string starting at '"'. */
static bool skip_string(struct json *j)
{
	for (j->pos++; j->pos < j->n; j->pos++) {
		unsigned char c = (unsigned char)j->s[j->pos];

		if (c == '"') {
			j->pos++;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c != '\\')
			continue;
		if (++j->pos >= j->n)
			return false;
		c = (unsigned char)j->s[j->pos];
		if (c == 'u') {
			if (j->n - j->pos < 5 || !is_hex(j->s[j->pos + 1]) ||
			    !is_hex(j->s[j->pos + 2]) || !is_hex(j->s[j->pos + 3]) ||
			    !is_hex(j->s[j->pos + 4]))
				return false;
			j->pos += 4;
		} else if (!strchr("\"\\/bfnrt", c) || c == '\0') {
			return false;
		}
	}
	return false;
}

static size_t digits(struct json *j)
{
	size_t start = j->pos;

	while (j->pos < j->n && j->s[j->pos] >= '0' && j->s[j->pos] <= '9')
		j->pos++;
	return j->pos - start;
}

static bool skip_number(struct json *j)
{
	if (j->s[j->pos] == '-')
		j->pos++;
	if (j->pos < j->n && j->s[j->pos] == '0')
		j->pos++;
	else if (digits(j) == 0)
		return false;
	if (j->pos < j->n && j->s[j->pos] == '.') {
		j->pos++;
		if (digits(j) == 0)
			return false;
	}
	if (j->pos < j->n && (j->s[j->pos] == 'e' || j->s[j->pos] == 'E')) {
		j->pos++;
		if (j->pos < j->n && (j->s[j->pos] == '+' || j->s[j->pos] == '-'))
			j->pos++;
		if (digits(j) == 0)
			return false;
	}
	return true;
}

static bool skip_word(struct json *j, const char *w)
{
	size_t n = strlen(w);

	if (j->n - j->pos < n || memcmp(j->s + j->pos, w, n) != 0)
		return false;
	j->pos += n;
	return true;
}

static bool push(struct json *j, bool object)
{
	if (j->depth >= JSON_MAX_DEPTH)
		return false;
	if (object)
		j->stack[j->depth / 8] |= (unsigned char)(1u << (j->depth % 8));
	else
		j->stack[j->depth / 8] &= (unsigned char)~(1u << (j->depth % 8));
	j->depth++;
	return true;
}

static bool top_is_object(const struct json *j)
{
	size_t d = j->depth - 1;

	return (j->stack[d / 8] >> (d % 8)) & 1u;
}

/* After '{' or ',' in an object: a key and its colon. */
static bool object_key(struct json *j)
{
	ws(j);
	if (j->pos >= j->n || j->s[j->pos] != '"' || !skip_string(j))
		return false;
	ws(j);
	if (j->pos >= j->n || j->s[j->pos] != ':')
		return false;
	j->pos++;
	return true;
}

/* Opens a container or skips a scalar; *open tells which happened. */
static bool value_start(struct json *j, bool *open)
{
	char c;

	ws(j);
	if (j->pos >= j->n)
		return false;
	c = j->s[j->pos];
	*open = false;
	switch (c) {
	case '{':
	case '[':
		j->pos++;
		if (!push(j, c == '{'))
			return false;
		ws(j);
		if (j->pos < j->n && j->s[j->pos] == (c == '{' ? '}' : ']')) {
			j->pos++;
			j->depth--;
			return true;
		}
		*open = true;
		return c == '[' || object_key(j);
	case '"': return skip_string(j);
	case 't': return skip_word(j, "true");
	case 'f': return skip_word(j, "false");
	case 'n': return skip_word(j, "null");
	default:
		return (c == '-' || (c >= '0' && c <= '9')) && skip_number(j);
	}
}

/* Skips one complete value of any depth. */
static bool skip_value(struct json *j)
{
	size_t base = j->depth;
	bool need = true;

	for (;;) {
		char c;

		if (need) {
			if (!value_start(j, &need))
				return false;
			continue;
		}
		if (j->depth == base)
			return true;
		ws(j);
		if (j->pos >= j->n)
			return false;
		c = j->s[j->pos++];
		if (c == ',') {
			if (top_is_object(j) && !object_key(j))
				return false;
			need = true;
		} else if (c == (top_is_object(j) ? '}' : ']')) {
			j->depth--;
		} else {
			return false;
		}
	}
}

static void put_utf8(struct dt_buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	dt_buf_append(b, u, n);
}

static unsigned long hex4(const char *s)
{
	unsigned long v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = s[i];

		v = v * 16 + (unsigned long)(c <= '9' ? c - '0' :
		                             (c | 0x20) - 'a' + 10);
	}
	return v;
}

/* s[i] is a \u escape: decodes it (with a following low surrogate) as Go
 * does; lone surrogates become U+FFFD.  Returns the bytes consumed. */
static size_t unicode_escape(const char *s, size_t n, size_t i,
                             struct dt_buf *b)
{
	unsigned long cp = hex4(s + i + 2);

	if (cp >= 0xD800 && cp < 0xE000) {
		if (cp < 0xDC00 && n - i >= 12 && s[i + 6] == '\\' &&
		    s[i + 7] == 'u') {
			unsigned long lo = hex4(s + i + 8);

			if (lo >= 0xDC00 && lo < 0xE000) {
				put_utf8(b, 0x10000 + ((cp - 0xD800) << 10) +
				                (lo - 0xDC00));
				return 12;
			}
		}
		cp = 0xFFFD;
	}
	put_utf8(b, cp);
	return 6;
}

/* Decodes the valid string s[0..n) (between the quotes). */
static void decode(const char *s, size_t n, struct dt_buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k;

		if (s[i] == '\\') {
			if (s[i + 1] == 'u') {
				i += unicode_escape(s, n, i, b);
				continue;
			}
			dt_buf_putc(b, to[strchr(from, s[i + 1]) - from]);
			i += 2;
		} else if ((unsigned char)s[i] < 0x80) {
			size_t run = i + 1;

			while (run < n && (unsigned char)s[run] < 0x80 && s[run] != '\\')
				run++;
			dt_buf_append(b, s + i, run - i);
			i = run;
		} else if ((k = dt_utf8_decode(s + i, n - i, &cp)) != 0) {
			dt_buf_append(b, s + i, k);
			i += k;
		} else {
			dt_buf_append(b, "\xEF\xBF\xBD", 3);
			i++;
		}
	}
}

/* Appends the decoded string s[0..n) (between its quotes) to out. */
static bool add_string(struct lint_pool *pool, const char *s, size_t n,
                       struct lint_vec *out, struct dt_buf *tmp)
{
	const char **slot = lint_vec_add(out, sizeof *slot);

	dt_buf_reset(tmp);
	decode(s, n, tmp);
	if (!slot || tmp->failed)
		return false;
	*slot = lint_pool_strndup(pool, tmp->data ? tmp->data : "", tmp->len);
	return *slot != NULL;
}

/* Walks the top-level array; with out NULL only classifies. */
static enum lint_json walk(struct json *j, struct lint_pool *pool,
                           struct lint_vec *out, struct dt_buf *tmp)
{
	bool strings = true, more = true;

	j->pos = 1;
	j->depth = 1;          /* the array itself, as Go counts */
	j->stack[0] = 0;
	ws(j);
	if (j->pos < j->n && j->s[j->pos] == ']') {
		j->pos++;
		more = false;
	}
	while (more) {
		size_t start;

		ws(j);
		start = j->pos;
		if (j->pos < j->n && j->s[j->pos] == '"') {
			if (!skip_string(j))
				return LINT_JSON_INVALID;
			if (out && !add_string(pool, j->s + start + 1,
			                       j->pos - start - 2, out, tmp))
				return LINT_JSON_NOMEM;
		} else if (skip_value(j)) {
			strings = false;
		} else {
			return LINT_JSON_INVALID;
		}
		ws(j);
		if (j->pos >= j->n || (j->s[j->pos] != ']' && j->s[j->pos] != ','))
			return LINT_JSON_INVALID;
		more = j->s[j->pos++] == ',';
	}
	ws(j);
	if (j->pos != j->n)
		return LINT_JSON_INVALID;
	return strings ? LINT_JSON_OK : LINT_JSON_NOT_STRINGS;
}

enum lint_json lint_json_strings(struct lint_pool *pool, const char *s,
                                 size_t n, struct lint_vec *out)
{
	struct json j;
	struct dt_buf tmp;
	enum lint_json rc;

	while (n > 0 && lint_space_len(s, n)) {
		size_t k = lint_space_len(s, n);

		s += k;
		n -= k;
	}
	if (n == 0 || s[0] != '[')
		return LINT_JSON_NOT_ARRAY;
	j.s = s;
	j.n = n;
	rc = walk(&j, NULL, NULL, NULL);
	if (rc != LINT_JSON_OK)
		return rc;
	dt_buf_init(&tmp);
	rc = walk(&j, pool, out, &tmp);
	dt_buf_fini(&tmp);
	return rc;
}
