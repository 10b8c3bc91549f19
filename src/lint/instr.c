/* One instruction from its logical line: keyword, flags, and the arguments
 * of each kind read the way BuildKit's line parsers read them, plus the
 * checks BuildKit makes when it turns the tree into instructions.
 *
 * Design: every instruction gets two views of its arguments.  `nodes` is
 * BuildKit's parse tree, value for value (quotes kept where BuildKit keeps
 * them), so lint_dump can print exactly what BuildKit prints; `args` and
 * `pairs` are what rules want: words with quotes and escapes resolved.
 * Words are found as spans of the line first and copied once, into the
 * file's string pool.  Scratch arrays live in the parser and are reused. */
#include <string.h>

#include "lint_int.h"

static const char *const names[] = {
	"UNKNOWN",
#define NAME(n) #n,
	LINT_INSTR_LIST(NAME)
#undef NAME
};

static const unsigned char name_lens[] = {
	7,
#define LEN(n) sizeof #n - 1,
	LINT_INSTR_LIST(LEN)
#undef LEN
};

const char *lint_instr_name(enum lint_instr_kind kind)
{
	if ((unsigned)kind >= LINT_INSTR_COUNT)
		return names[0];
	return names[kind];
}

/* s[0..n) is the upper-case ASCII name, in any case: a byte with bit 0x20
 * cleared is an upper-case letter only when the byte was that letter. */
static bool is_name(const char *s, const char *name, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if ((s[k] & ~0x20) != name[k])
			return false;
	return true;
}

/* LINT_INSTR_LIST is in alphabetical order: the walk stops past the
 * keyword's first letter. */
/* s[0..n) is name exactly (n is name's length). */
static bool is_upper_name(const char *s, const char *name, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (s[k] != name[k])
			return false;
	return true;
}

enum lint_instr_kind lint_instr_lookup(const char *s, size_t n)
{
	char first = (char)(s[0] & ~0x20);
	size_t i;

	if (n < 3 || n > 11)
		return LINT_UNKNOWN;
	for (i = 1; i < LINT_INSTR_COUNT && names[i][0] <= first; i++)
		if (name_lens[i] == n && is_name(s, names[i], n))
			return (enum lint_instr_kind)i;
	return LINT_UNKNOWN;
}

#define ONBUILD_MAX_DEPTH 4   /* ONBUILDs parsed inside one another */

/* ---- flags a BuildKit instruction accepts ---- */

enum flag_type { FLAG_STRING, FLAG_BOOL, FLAG_LIST };

struct flag_spec {
	enum lint_instr_kind kind;
	const char *name;
	enum flag_type type;
};

static const struct flag_spec flag_specs[] = {
	{ LINT_FROM, "platform", FLAG_STRING },
	{ LINT_RUN, "mount", FLAG_LIST },
	{ LINT_RUN, "network", FLAG_STRING },
	{ LINT_RUN, "security", FLAG_STRING },
	{ LINT_RUN, "device", FLAG_LIST },
	{ LINT_COPY, "from", FLAG_STRING },
	{ LINT_COPY, "chown", FLAG_STRING },
	{ LINT_COPY, "chmod", FLAG_STRING },
	{ LINT_COPY, "link", FLAG_BOOL },
	{ LINT_COPY, "parents", FLAG_BOOL },
	{ LINT_COPY, "exclude", FLAG_LIST },
	{ LINT_ADD, "chown", FLAG_STRING },
	{ LINT_ADD, "chmod", FLAG_STRING },
	{ LINT_ADD, "link", FLAG_BOOL },
	{ LINT_ADD, "checksum", FLAG_STRING },
	{ LINT_ADD, "keep-git-dir", FLAG_BOOL },
	{ LINT_ADD, "exclude", FLAG_LIST },
	{ LINT_ADD, "unpack", FLAG_BOOL },
	{ LINT_HEALTHCHECK, "interval", FLAG_STRING },
	{ LINT_HEALTHCHECK, "timeout", FLAG_STRING },
	{ LINT_HEALTHCHECK, "start-period", FLAG_STRING },
	{ LINT_HEALTHCHECK, "start-interval", FLAG_STRING },
	{ LINT_HEALTHCHECK, "retries", FLAG_STRING },
};

static const struct flag_spec *flag_find(enum lint_instr_kind kind,
                                         const char *name)
{
	size_t i;

	for (i = 0; i < sizeof flag_specs / sizeof flag_specs[0]; i++)
		if (flag_specs[i].kind == kind &&
		    strcmp(flag_specs[i].name, name) == 0)
			return &flag_specs[i];
	return NULL;
}

/* ---- small helpers ---- */

/* A word found in a string: s[off..off+len). */
struct word {
	size_t off, len;
	bool plain;              /* no quote or escape: unquoting copies it */
};

static bool ascii_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

static bool fail(struct lint_parser *p)
{
	p->nomem = true;
	return false;
}

static const char *dup(struct lint_parser *p, const char *s, size_t n)
{
	const char *out = lint_pool_strndup(&p->pool, s, n);

	if (!out)
		p->nomem = true;
	return out;
}

static inline bool push_str(struct lint_vec *v, const char *s)
{
	const char **slot;

	if (!s || !(slot = lint_vec_add(v, sizeof *slot)))
		return false;
	*slot = s;
	return true;
}

/* Moves the collected strings of p->strs into an arena array. */
static bool take_strs(struct lint_parser *p, const char ***out, size_t *n)
{
	*n = p->strs.n;
	*out = lint_vec_copy(&p->strs, sizeof **out, &p->file->arena);
	p->strs.n = 0;
	return *out ? true : fail(p);
}

/* Resolves quotes and escapes of s[0..n) as BuildKit's shell lexer does,
 * leaving variables as written, into out; returns the length written,
 * never more than n. */
static size_t unquote_into(char esc, const char *s, size_t n, char *out)
{
	char q = 0, *o = out;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (q == '\'') {
			if (c == '\'')
				q = 0;
			else
				*o++ = c;
		} else if (q == '"') {
			if (c == '"')
				q = 0;
			else if (c == esc && i + 1 < n &&
			         (s[i + 1] == '"' || s[i + 1] == '$' || s[i + 1] == esc))
				*o++ = s[++i];
			else if (!(c == esc && i + 1 == n))
				*o++ = c;
		} else if (c == '\'' || c == '"') {
			q = c;
		} else if (c == esc) {
			if (i + 1 < n)
				*o++ = s[++i];
		} else {
			*o++ = c;
		}
	}
	return (size_t)(o - out);
}

/* unquote_into for a new string: the result is never longer than s, so
 * it is written straight into the pool. */
static const char *unquote(struct lint_parser *p, const char *s, size_t n)
{
	char *out;

	if (!memchr(s, '\'', n) && !memchr(s, '"', n) && !memchr(s, p->esc, n))
		return dup(p, s, n);
	if (!(out = lint_pool_reserve(&p->pool, n)))
		return fail(p), NULL;
	lint_pool_commit(&p->pool, out, unquote_into(p->esc, s, n, out));
	return out;
}

/* Bytes that need a look in split_words: blanks, quotes, the two possible
 * escape tokens and the lead bytes of the multi-byte Unicode blanks. */
static const unsigned char word_stop[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	['\''] = 1, ['"'] = 1, ['\\'] = 1, ['`'] = 1,
	[0xC2] = 1, [0xE1] = 1, [0xE2] = 1, [0xE3] = 1,
};

/* BuildKit's parseWords: words split at Unicode blanks outside quotes,
 * quotes and escapes kept.  Fills p->words with spans of s. */
static bool split_words(struct lint_parser *p, const char *s, size_t n)
{
	size_t i = 0;

	p->words.n = 0;
	p->words_of = s;
	while (i < n) {
		struct word *w;
		char q = 0;
		size_t k, start;
		bool dangling, plain;

		if ((k = lint_space_len(s + i, n - i)) != 0) {
			i += k;
			continue;
		}
		start = i;
		dangling = false;
		plain = true;
		while (i < n) {
			char c;

			if (!q) {
				while (i < n && !word_stop[(unsigned char)s[i]])
					i++;
				if (i == n)
					break;
			}
			c = s[i];
			if (c == '\'' || c == '"' || c == p->esc)
				plain = false;
			if (q) {
				if (c == q)
					q = 0;
				else if (c == p->esc && q != '\'')
					dangling = ++i == n;
			} else if (lint_space_len(s + i, n - i)) {
				break;
			} else if (c == '\'' || c == '"') {
				q = c;
			} else if (c == p->esc) {
				dangling = ++i == n;
			}
			i += i < n;
		}
		if (!(w = lint_vec_add(&p->words, sizeof *w)))
			return fail(p);
		w->off = start;
		w->plain = plain;
		/* An escape that ends the line is dropped. */
		w->len = i - start - (dangling ? 1 : 0);
	}
	return true;
}

/* args: the unquoted words of text (n bytes).  They share one copy of the text:
 * each word is unquoted in place, and its NUL goes where a blank (or
 * what unquoting saved) left room. */
static bool args_from_words(struct lint_parser *p, struct lint_instr *in,
                            size_t n)
{
	size_t i;
	char *copy;

	/* ENV, LABEL and ARG have split their text already. */
	if (p->words_of != in->text && !split_words(p, in->text, n))
		return false;
	p->strs.n = 0;
	if (p->words.n > 0) {
		if (!(copy = lint_pool_reserve(&p->pool, n)))
			return fail(p);
		for (i = 0; i < p->words.n; i++) {
			const struct word *w = (const struct word *)p->words.data + i;
			const char *ws = in->text + w->off;
			char *o = copy + w->off;
			size_t len = w->len;

			if (w->plain)
				memcpy(o, ws, len);
			else
				len = unquote_into(p->esc, ws, len, o);
			o[len] = '\0';
			if (!push_str(&p->strs, o))
				return fail(p);
		}
		lint_pool_commit(&p->pool, copy, n);
	}
	return take_strs(p, &in->args, &in->n_args);
}

/* nodes: text split at ASCII blanks (BuildKit's reWhitespace). */
static bool nodes_split(struct lint_parser *p, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t start = i;

		while (i < n && !ascii_blank(s[i]))
			i++;
		if (!push_str(&p->strs, dup(p, s + start, i - start)))
			return fail(p);
		while (i < n && ascii_blank(s[i]))
			i++;
	}
	return true;
}

/* ---- flags ---- */

/* One flag word, --name[=value], built in p->tmp. */
static bool add_flag(struct lint_parser *p, size_t at)
{
	struct lint_flag *f = lint_vec_add(&p->flags, sizeof *f);
	const char *w = p->tmp.data, *eq;
	size_t n = p->tmp.len;

	if (!f || !w || p->tmp.failed)
		return fail(p);
	eq = memchr(w + 2, '=', n - 2);
	f->name = dup(p, w + 2, (size_t)((eq ? eq : w + n) - w - 2));
	if (eq)
		f->value = dup(p, eq + 1, (size_t)(w + n - eq - 1));
	lint_line_pos(p, at, &f->line, &f->col);
	return f->name && (!eq || f->value) ? true : fail(p);
}

/* Reads the word at s[*i] into p->tmp with quotes and backslashes
 * resolved; *blank_ok when it had quotes (so "" still counts). */
static void flag_word(struct lint_parser *p, const char *s, size_t n,
                      size_t *i, bool *blank_ok)
{
	size_t k = *i;
	char q = 0;

	dt_buf_reset(&p->tmp);
	*blank_ok = false;
	while (k < n && (q || !ascii_blank(s[k]))) {
		size_t run = k;

		while (run < n && s[run] != '\'' && s[run] != '"' &&
		       s[run] != '\\' && (q || !ascii_blank(s[run])))
			run++;
		if (run > k) {
			dt_buf_append(&p->tmp, s + k, run - k);
			k = run;
			continue;
		}
		if (s[k] == '\\') {
			if (k + 1 < n)
				dt_buf_putc(&p->tmp, s[k + 1]);
			k += 2;
			continue;
		}
		if (!q) {
			q = s[k];
			*blank_ok = true;
		} else if (s[k] == q) {
			q = 0;
		} else {
			dt_buf_putc(&p->tmp, s[k]);
		}
		k++;
	}
	*i = k < n ? k : n;
}

/* BuildKit's extractBuilderFlags: leading --words, quotes and backslashes
 * resolved.  *rest is the offset in s where the arguments start. */
static bool read_flags(struct lint_parser *p, const char *s, size_t n,
                       size_t base, struct lint_instr *in, size_t *rest)
{
	size_t i = 0;

	*rest = n;
	while (i < n) {
		size_t start = i;
		bool blank_ok;

		if (ascii_blank(s[i])) {
			i++;
			continue;
		}
		if (s[i] != '-' || i + 1 == n || s[i + 1] != '-') {
			*rest = i;
			break;
		}
		flag_word(p, s, n, &i, &blank_ok);
		if (p->tmp.len == 2 && memcmp(p->tmp.data, "--", 2) == 0) {
			*rest = i;        /* "--" ends the flags */
			break;
		}
		if ((blank_ok || p->tmp.len) && !add_flag(p, base + start))
			return false;
	}
	in->n_flags = p->flags.n;
	in->flags = lint_vec_copy(&p->flags, sizeof *in->flags, &p->file->arena);
	p->flags.n = 0;
	return in->flags ? true : fail(p);
}

static bool check_flags(struct lint_parser *p, const struct lint_instr *in)
{
	size_t i, j;

	for (i = 0; i < in->n_flags; i++) {
		const struct lint_flag *f = &in->flags[i];
		const struct flag_spec *spec = flag_find(in->kind, f->name);
		bool ok = true;

		if (!spec) {
			ok = lint_parse_errorf(p, f->line, f->col,
			                       "unknown flag: %s", f->name);
		} else if (spec->type != FLAG_BOOL && !f->value) {
			ok = lint_parse_errorf(p, f->line, f->col,
			                       "missing a value on flag: %s", f->name);
		} else if (spec->type == FLAG_BOOL && f->value &&
		           strcmp(f->value, "true") != 0 &&
		           strcmp(f->value, "false") != 0) {
			ok = lint_parse_errorf(p, f->line, f->col,
			                       "expecting boolean value for flag %s, not: %s",
			                       f->name, f->value);
		} else if (spec->type != FLAG_LIST) {
			for (j = 0; j < i; j++)
				if (strcmp(in->flags[j].name, f->name) == 0)
					break;
			if (j < i)
				ok = lint_parse_errorf(p, f->line, f->col,
				                       "duplicate flag specified: %s",
				                       f->name);
		}
		if (!ok)
			return false;
	}
	return true;
}

/* ---- the argument parsers, one per BuildKit line parser ---- */

/* parseMaybeJSON and parseMaybeJSONToList; list selects the fallback. */
static bool maybe_json(struct lint_parser *p, struct lint_instr *in,
                       const char *s, size_t n, bool list)
{
	size_t keep = p->strs.n;
	enum lint_json rc;

	if (n == 0 && !list)
		return true;
	rc = lint_json_strings(&p->pool, s, n, &p->strs);
	if (rc == LINT_JSON_NOMEM)
		return fail(p);
	if (rc == LINT_JSON_OK || rc == LINT_JSON_NOT_STRINGS) {
		in->form = LINT_FORM_EXEC;
		if (rc == LINT_JSON_NOT_STRINGS) {
			p->strs.n = keep;
			return lint_parse_errorf(p, in->line, in->col,
			                         "when using JSON array syntax, arrays must be comprised of strings only");
		}
		return true;
	}
	p->strs.n = keep;
	if (list)
		return nodes_split(p, s, n);
	in->form = LINT_FORM_SHELL;
	/* The whole text is the one node: share its string. */
	return push_str(&p->strs, s == in->text ? in->text : dup(p, s, n))
	       ? true : fail(p);
}

static bool pair_add(struct lint_parser *p, const char *k, size_t kn,
                     const char *v, size_t vn, char sep, size_t at)
{
	struct lint_pair *pr = lint_vec_add(&p->pairs, sizeof *pr);

	if (!pr)
		return fail(p);
	pr->key = unquote(p, k, kn);
	pr->value = v ? unquote(p, v, vn) : "";
	pr->has_value = v != NULL;
	pr->sep = sep;
	lint_line_pos(p, at, &pr->line, &pr->col);
	return pr->key && pr->value;
}

/* The legacy "ENV key the value": the first word, and the rest as is. */
static bool legacy_pair(struct lint_parser *p, struct lint_instr *in,
                        size_t base)
{
	const char *s = in->text;
	size_t n = strlen(s), k = 0, v;

	while (k < n && !ascii_blank(s[k]))
		k++;
	for (v = k; v < n && ascii_blank(s[v]); v++)
		;
	if (k == n)
		return lint_parse_errorf(p, in->line, in->col,
		                         "%s must have two arguments",
		                         lint_instr_name(in->kind));
	return push_str(&p->strs, dup(p, s, k)) &&
	       push_str(&p->strs, dup(p, s + v, n - v)) &&
	       push_str(&p->strs, "") &&
	       pair_add(p, s, k, s + v, n - v, ' ', base) ? true : fail(p);
}

static bool missing_equals(struct lint_parser *p, const struct lint_instr *in,
                           const char *w, size_t n)
{
	/* BuildKit keeps none of the pairs then. */
	p->strs.n = 0;
	p->pairs.n = 0;
	dt_buf_reset(&p->tmp);
	if (!lint_go_quote(&p->tmp, w, n))
		return fail(p);
	return lint_parse_errorf(p, in->line, in->col,
	                         "Syntax error - can't find = in %s. Must be of the form: name=value",
	                         p->tmp.data);
}

/* BuildKit's parseNameVal (ENV, LABEL): key=value words, or the legacy
 * form when the first word has no '='. */
static bool name_val(struct lint_parser *p, struct lint_instr *in,
                     size_t base)
{
	const char *s = in->text;
	size_t i;

	if (!split_words(p, s, strlen(s)))
		return false;
	if (p->words.n == 0)
		return true;
	{
		const struct word *w = p->words.data;

		if (!memchr(s + w->off, '=', w->len))
			return legacy_pair(p, in, base);
	}
	for (i = 0; i < p->words.n; i++) {
		const struct word *w = (const struct word *)p->words.data + i;
		const char *ws = s + w->off, *eq = memchr(ws, '=', w->len);
		size_t kn, vn;

		if (!eq)
			return missing_equals(p, in, ws, w->len);
		kn = (size_t)(eq - ws);
		vn = w->len - kn - 1;
		if (!push_str(&p->strs, dup(p, ws, kn)) ||
		    !push_str(&p->strs, dup(p, eq + 1, vn)) ||
		    !push_str(&p->strs, "=") ||
		    !pair_add(p, ws, kn, eq + 1, vn, '=', base + w->off))
			return fail(p);
	}
	return true;
}

/* BuildKit's parseNameOrNameVal (ARG): the raw words, and pairs. */
static bool name_or_name_val(struct lint_parser *p, struct lint_instr *in,
                             size_t base)
{
	const char *s = in->text;
	size_t i;

	if (!split_words(p, s, strlen(s)))
		return false;
	for (i = 0; i < p->words.n; i++) {
		const struct word *w = (const struct word *)p->words.data + i;
		const char *ws = s + w->off;
		const char *eq = memchr(ws, '=', w->len);
		size_t kn = eq ? (size_t)(eq - ws) : w->len;

		if (!push_str(&p->strs, dup(p, ws, w->len)) ||
		    !pair_add(p, ws, kn, eq ? eq + 1 : NULL,
		              eq ? w->len - kn - 1 : 0, eq ? '=' : '\0',
		              base + w->off))
			return fail(p);
	}
	return true;
}

/* BuildKit's parseHealthConfig: a type word, then parseMaybeJSON.  Only
 * HEALTHCHECK CMD has a command form. */
static bool health(struct lint_parser *p, struct lint_instr *in)
{
	const char *s = in->text;
	size_t n = strlen(s), sep = 0, next;

	while (sep < n && !ascii_blank(s[sep]))
		sep++;
	for (next = sep; next < n && ascii_blank(s[next]); next++)
		;
	if (sep == 0)
		return true;
	if (!push_str(&p->strs, dup(p, s, sep)) ||
	    !maybe_json(p, in, s + next, n - next, false))
		return fail(p);
	if (sep != 3 || dt_strncasecmp(s, "CMD", 3) != 0)
		in->form = LINT_FORM_NONE;
	return true;
}

/* ---- the checks BuildKit makes when it builds instructions ---- */

static bool valid_stage_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		      *s == '.'))
			return false;
	return true;
}

static bool check_from(struct lint_parser *p, const struct lint_instr *in)
{
	if (in->n_args == 3 && dt_strcasecmp(in->args[1], "AS") == 0) {
		if (valid_stage_name(in->args[2]))
			return true;
		dt_buf_reset(&p->tmp);
		lint_go_quote(&p->tmp, in->args[2], strlen(in->args[2]));
		if (p->tmp.failed)
			return fail(p);
		return lint_parse_errorf(p, in->line, in->col,
		                         "invalid name for build stage: %s, name can't start with a number or contain symbols",
		                         p->tmp.data);
	}
	if (in->n_args == 1)
		return true;
	return lint_parse_errorf(p, in->line, in->col,
	                         "FROM requires either one or three arguments");
}

static bool check_health(struct lint_parser *p, const struct lint_instr *in)
{
	const char *typ;

	if (in->n_args == 0)
		return lint_parse_errorf(p, in->line, in->col,
		                         "HEALTHCHECK requires at least one argument");
	typ = in->args[0];
	if (dt_strcasecmp(typ, "NONE") == 0)
		return in->n_args == 1 ||
		       lint_parse_errorf(p, in->line, in->col,
		                         "HEALTHCHECK NONE takes no arguments");
	if (dt_strcasecmp(typ, "CMD") == 0)
		return in->n_args > 1 ||
		       lint_parse_errorf(p, in->line, in->col,
		                         "Missing command after HEALTHCHECK CMD");
	dt_buf_reset(&p->tmp);
	lint_go_quote(&p->tmp, typ, strlen(typ));
	if (p->tmp.failed)
		return fail(p);
	return lint_parse_errorf(p, in->line, in->col,
	                         "Unknown type %s in HEALTHCHECK (try CMD)",
	                         p->tmp.data);
}

/* Like BuildKit, stops at the first problem: a chain of ONBUILDs is one
 * error, not one per level. */
static bool check_onbuild(struct lint_parser *p, const struct lint_instr *in)
{
	const struct lint_instr *t = in->inner;

	if (!t)
		return lint_parse_errorf(p, in->line, in->col,
		                         "ONBUILD requires at least one argument");
	if (t->kind == LINT_ONBUILD)
		return lint_parse_errorf(p, t->line, t->col,
		                         "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
	if (t->kind == LINT_FROM || t->kind == LINT_MAINTAINER)
		return lint_parse_errorf(p, t->line, t->col,
		                         "%s isn't allowed as an ONBUILD trigger",
		                         lint_instr_name(t->kind));
	return lint_instr_check(p, t);
}

/* BuildKit's argument counts: the complaint (a format with %s for the
 * instruction name, or without), NULL when the count is fine. */
static const char *count_error(const struct lint_instr *in)
{
	switch (in->kind) {
	case LINT_ARG: case LINT_ENV: case LINT_LABEL: case LINT_EXPOSE:
	case LINT_VOLUME:
		return in->n_args == 0 ? "%s requires at least one argument" : NULL;
	case LINT_SHELL:
		if (in->form != LINT_FORM_EXEC)
			return "SHELL requires the arguments to be in JSON form";
		return in->n_args == 0 ? "%s requires at least one argument" : NULL;
	case LINT_MAINTAINER: case LINT_USER: case LINT_WORKDIR:
	case LINT_STOPSIGNAL:
		return in->text[0] ? NULL : "%s requires exactly one argument";
	case LINT_COPY: case LINT_ADD:
		if (in->n_args >= 2)
			return NULL;
		return "%s requires at least two arguments, but only one was provided. Destination could not be determined.";
	default:
		return NULL;
	}
}

static bool check_volume(struct lint_parser *p, const struct lint_instr *in)
{
	size_t i;

	for (i = 0; i < in->n_args; i++)
		if (!in->args[i][0])
			return lint_parse_errorf(p, in->line, in->col,
			                         "VOLUME specified can not be an empty string");
	return true;
}

bool lint_instr_check(struct lint_parser *p, const struct lint_instr *in)
{
	const char *msg = count_error(in);

	if (in->kind == LINT_UNKNOWN)
		return true;
	if (!check_flags(p, in))
		return false;
	if (msg)
		return lint_parse_errorf(p, in->line, in->col, msg,
		                         lint_instr_name(in->kind));
	switch (in->kind) {
	case LINT_FROM: return check_from(p, in);
	case LINT_HEALTHCHECK: return check_health(p, in);
	case LINT_ONBUILD: return check_onbuild(p, in);
	case LINT_VOLUME: return check_volume(p, in);
	default: return true;
	}
}

/* "unknown instruction: FORM (did you mean from?)": the closest name within
 * a third of the keyword's length. */
static bool unknown(struct lint_parser *p, const struct lint_instr *in)
{
	size_t len = strlen(in->keyword), i;
	unsigned cap = (unsigned)(len / 3 > 0 ? len / 3 : 1), best = cap + 1;
	char up[16], guess[16] = "";

	for (i = 0; i < len && len < sizeof up; i++)
		up[i] = (char)(in->keyword[i] >= 'a' && in->keyword[i] <= 'z'
		               ? in->keyword[i] - 'a' + 'A' : in->keyword[i]);
	up[len < sizeof up ? len : 0] = '\0';
	for (i = 1; i < LINT_INSTR_COUNT && up[0]; i++) {
		unsigned d = dt_edit_distance(up, names[i], cap);

		if (d < best) {
			size_t k;

			best = d;
			for (k = 0; names[i][k]; k++)
				guess[k] = (char)(names[i][k] - 'A' + 'a');
			guess[k] = '\0';
		}
	}
	if (guess[0])
		return lint_parse_errorf(p, in->line, in->col,
		                         "unknown instruction: %s (did you mean %s?)",
		                         in->keyword, guess);
	return lint_parse_errorf(p, in->line, in->col,
	                         "unknown instruction: %s", in->keyword);
}

static bool parse_instr(struct lint_parser *p, const char *s, size_t n,
                        size_t base, struct lint_instr *in, unsigned depth);

/* The instruction ONBUILD wraps; depth counts the ONBUILDs around it.
 * Every inner instruction copies the rest of the line, so a line of
 * chained ONBUILDs would cost memory and time quadratic in its length:
 * past ONBUILD_MAX_DEPTH the text is kept as one node and not parsed
 * further (a chain is an error at its first link anyway). */
static bool onbuild(struct lint_parser *p, struct lint_instr *in, size_t n,
                    size_t text_off, unsigned depth)
{
	if (depth >= ONBUILD_MAX_DEPTH)
		return push_str(&p->strs, in->text) ? true : fail(p);
	in->inner = dt_arena_alloc(&p->file->arena, sizeof *in->inner);
	if (!in->inner)
		return fail(p);
	return parse_instr(p, in->text, n, text_off, in->inner, depth + 1);
}

/* Fills nodes (and form) by kind; ONBUILD parses its inner instruction. */
static bool dispatch(struct lint_parser *p, struct lint_instr *in,
                     size_t n, size_t text_off, unsigned depth)
{
	const char *t = in->text;

	p->strs.n = 0;
	switch (in->kind) {
	case LINT_RUN: case LINT_CMD: case LINT_ENTRYPOINT: case LINT_SHELL:
		return maybe_json(p, in, t, n, false);
	case LINT_ADD: case LINT_COPY: case LINT_VOLUME:
		return maybe_json(p, in, t, n, true);
	case LINT_EXPOSE: case LINT_FROM:
		return nodes_split(p, t, n);
	case LINT_MAINTAINER: case LINT_STOPSIGNAL: case LINT_USER:
	case LINT_WORKDIR:
		return n == 0 || push_str(&p->strs, t) ? true : fail(p);
	case LINT_ARG:
		return name_or_name_val(p, in, text_off);
	case LINT_ENV: case LINT_LABEL:
		return name_val(p, in, text_off);
	case LINT_HEALTHCHECK:
		return health(p, in);
	case LINT_ONBUILD:
		return n == 0 || onbuild(p, in, n, text_off, depth);
	default:
		return push_str(&p->strs, "") ? true : fail(p);
	}
}

/* Spans of the text: the logical line's spans shifted to text offsets. */
static bool text_spans(struct lint_parser *p, struct lint_instr *in,
                       size_t off, size_t len)
{
	size_t i;

	p->spans_out.n = 0;
	for (i = 0; i < p->n_spans; i++) {
		const struct lint_span *s = &p->spans[i];
		struct lint_span *o;

		if (s->offset >= off + len && len > 0)
			break;
		if (i + 1 < p->n_spans && p->spans[i + 1].offset <= off)
			continue;
		if (!(o = lint_vec_add(&p->spans_out, sizeof *o)))
			return fail(p);
		*o = *s;
		if (s->offset < off) {
			o->col += (int)(off - s->offset);
			o->offset = 0;
		} else {
			o->offset = s->offset - off;
		}
		if (len == 0)
			break;
	}
	in->n_spans = p->spans_out.n;
	in->spans = lint_vec_copy(&p->spans_out, sizeof *in->spans,
	                          &p->file->arena);
	return in->spans ? true : fail(p);
}

bool lint_instr_parse(struct lint_parser *p, const char *s, size_t n,
                      size_t base, struct lint_instr *in)
{
	return parse_instr(p, s, n, base, in, 0);
}

static bool parse_instr(struct lint_parser *p, const char *s, size_t n,
                        size_t base, struct lint_instr *in, unsigned depth)
{
	size_t k = 0, rest, args_start;
	const char *text;
	size_t text_n, text_len;

	while (k < n && !ascii_blank(s[k]))
		k++;
	in->kind = lint_instr_lookup(s, k);
	/* Written in capitals, the keyword is the table's string. */
	in->keyword = in->kind && is_upper_name(s, names[in->kind], k)
	              ? names[in->kind] : dup(p, s, k);
	lint_line_pos(p, base, &in->line, &in->col);
	for (rest = k; rest < n && ascii_blank(s[rest]); rest++)
		;
	if (!in->keyword ||
	    !read_flags(p, s + rest, n - rest, base + rest, in, &args_start))
		return fail(p);
	text = s + rest + args_start;
	text_n = n - rest - args_start;
	lint_trim_space(&text, &text_n);
	in->text = dup(p, text, text_n);
	if (!in->text || !text_spans(p, in, base + (size_t)(text - s), text_n))
		return fail(p);
	/* A NUL in the line ends the text's string: what follows is not read. */
	text_len = strlen(in->text);
	if (!dispatch(p, in, text_len, base + (size_t)(text - s), depth))
		return false;
	if (!take_strs(p, &in->nodes, &in->n_nodes))
		return false;
	in->n_pairs = p->pairs.n;
	in->pairs = lint_vec_copy(&p->pairs, sizeof *in->pairs, &p->file->arena);
	p->pairs.n = 0;
	if (!in->pairs)
		return fail(p);
	if (in->form == LINT_FORM_EXEC) {
		in->args = in->nodes;        /* HEALTHCHECK: the type, then these */
		in->n_args = in->n_nodes;
	} else if (!args_from_words(p, in, text_len)) {
		return false;
	}
	return in->kind != LINT_UNKNOWN || unknown(p, in);
}
