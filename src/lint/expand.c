/* Variable expansion for ARG values the rules need resolved (the image of
 * a FROM after the ARGs before it): $VAR, ${VAR} and the POSIX default and
 * alternative forms.  Unknown variables expand to nothing. */
#include <string.h>

#include "lint_int.h"

#define EXPAND_MAX_DEPTH 8   /* nested ${A:-${B:-...}} levels expanded */

struct expander {
	const struct lint_pair *vars;
	size_t n_vars;
	struct dt_buf out;
};

static bool name_char(char c, bool first)
{
	return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       (!first && c >= '0' && c <= '9');
}

/* The value of name[0..n) or NULL when unset; later pairs win. */
static const char *lookup(const struct expander *x, const char *name,
                          size_t n)
{
	size_t i = x->n_vars;

	while (i-- > 0)
		if (strlen(x->vars[i].key) == n &&
		    memcmp(x->vars[i].key, name, n) == 0)
			return x->vars[i].has_value ? x->vars[i].value : NULL;
	return NULL;
}

/* Offset of the '}' that closes a ${ opened before s[0], or n. */
static size_t closing(const char *s, size_t n)
{
	size_t i, depth = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		else if (s[i] == '$' && i + 1 < n && s[i + 1] == '{')
			depth++, i++;
		else if (s[i] == '}' && depth-- == 0)
			return i;
	}
	return n;
}

static void expand(struct expander *x, const char *s, size_t n, int depth);

/* ${...} with body s[0..n): name, then an optional operator and word. */
static void braces(struct expander *x, const char *s, size_t n, int depth)
{
	size_t k = 0;
	const char *val;
	bool colon = false;
	char op = 0;

	while (k < n && name_char(s[k], k == 0))
		k++;
	val = lookup(x, s, k);
	if (k < n && s[k] == ':')
		colon = true, k++;
	if (k < n && strchr("-+?", s[k]))
		op = s[k++];
	if (!op) {
		/* Unsupported modifiers (#, %, /) keep the plain value. */
		if (val)
			dt_buf_puts(&x->out, val);
		return;
	}
	{
		bool set = val && (!colon || val[0]);

		if (op == '-' && !set)
			expand(x, s + k, n - k, depth + 1);
		else if (op == '+' && set)
			expand(x, s + k, n - k, depth + 1);
		else if (op != '+' && val)
			dt_buf_puts(&x->out, val);
	}
}

static void expand(struct expander *x, const char *s, size_t n, int depth)
{
	size_t i = 0;

	if (depth > EXPAND_MAX_DEPTH) {
		dt_buf_append(&x->out, s, n);
		return;
	}
	while (i < n) {
		const char *dollar = memchr(s + i, '$', n - i);
		size_t j, end;

		j = dollar ? (size_t)(dollar - s) : n;
		/* \$ is a literal dollar: drop the backslash. */
		if (j > i && j < n && s[j - 1] == '\\') {
			dt_buf_append(&x->out, s + i, j - i - 1);
			dt_buf_putc(&x->out, '$');
			i = j + 1;
			continue;
		}
		dt_buf_append(&x->out, s + i, j - i);
		if (j + 1 >= n) {
			dt_buf_append(&x->out, s + j, n - j);
			return;
		}
		if (s[j + 1] == '{') {
			end = j + 2 + closing(s + j + 2, n - j - 2);
			if (end == n) {        /* unclosed: literal */
				dt_buf_append(&x->out, s + j, n - j);
				return;
			}
			braces(x, s + j + 2, end - j - 2, depth);
			i = end + 1;
		} else if (name_char(s[j + 1], true)) {
			const char *val;

			for (end = j + 1; end < n && name_char(s[end], false); end++)
				;
			if ((val = lookup(x, s + j + 1, end - j - 1)) != NULL)
				dt_buf_puts(&x->out, val);
			i = end;
		} else {
			dt_buf_putc(&x->out, '$');
			i = j + 1;
		}
	}
}

const char *lint_expand(struct dt_arena *arena, const char *s,
                        const struct lint_pair *vars, size_t n_vars)
{
	struct expander x;
	const char *res;

	if (!strchr(s, '$'))
		return dt_arena_strdup(arena, s);
	x.vars = vars;
	x.n_vars = n_vars;
	dt_buf_init(&x.out);
	expand(&x, s, strlen(s), 0);
	res = x.out.failed ? NULL
	      : dt_arena_strndup(arena, x.out.data ? x.out.data : "", x.out.len);
	dt_buf_fini(&x.out);
	return res;
}
