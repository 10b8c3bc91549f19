/* The shell reader: a RUN script split into simple commands with exact
 * words, for rules that ask "is apt-get install run without
 * --no-install-recommends" or "is cd used".
 *
 * Design: one forward pass, recursive only where the shell nests
 * ($(...) and `...`, capped at SHELL_MAX_DEPTH; deeper text is skipped as
 * raw text).  A command gets its slot in the output when its first word
 * starts, so commands come out in the order they start even though the
 * commands inside a $(...) finish first.  A plain word is copied once,
 * straight from the script, to the caller's arena; a word with quotes,
 * escapes or expansions is built in one buffer used as a stack (an outer
 * word waits while the words inside its $(...) are read after it) and
 * copied from there.  Bytes are classed by one table, and runs of plain
 * bytes are copied at once, never a byte at a time.  This is not
 * a full shell grammar: reserved words are recognised where a command
 * starts, case patterns and for/select headers are skipped, arithmetic and
 * ${...} are kept as text.  Bad syntax never fails; the reader does what
 * a shell would most likely have meant. */
#include <string.h>

#include "lint_int.h"

#define SHELL_MAX_DEPTH 32

struct src {
	const char *s;
	size_t n, pos;
	/* positions: lines counted lazily up to scan_pos */
	size_t scan_pos, bol;
	int line, first_line;
	bool fixed;          /* text of a `...`: every command at line:col */
	int fixed_line, fixed_col;
	size_t fixed_off;
};

struct sh_word {
	const char *s;
	bool assign;
};

struct pending_doc {
	const char *name;
	bool strip;
};

struct sh {
	struct lint_pool pool;
	struct dt_buf buf;          /* words in progress, used as a stack */
	struct lint_vec words;      /* struct sh_word of open commands */
	struct lint_vec cmds;       /* struct lint_shell_cmd */
	struct lint_vec docs;       /* struct pending_doc */
	bool nomem;
};

struct level {
	int depth;
	int paren, group;           /* subshells and { } groups open here */
	bool start;                 /* the next word starts a command */
	bool open;                  /* a command is in progress */
	size_t cmd, words_base;
	int case_state;             /* 1: subject next, 2: "in" next */
	int case_open;
	bool pattern;               /* reading case patterns up to ')' */
	bool header;                /* for/select header up to ; or newline */
	bool skip_name;             /* after "function" */
	bool subst;                 /* inside $( ): stop at an unmatched ')' */
};

struct word_info {
	size_t at;
	bool plain;                 /* no quotes, escapes or expansions */
	bool assign;                /* NAME=... */
	bool tried_assign;          /* its first '=' was seen */
	const char *s;
};

static bool list(struct sh *sh, struct src *in, int depth, bool subst);

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* What a byte is to read_word: it ends the word, it needs a look of its
 * own (quotes, escapes, expansions, '=' of an assignment), or it is
 * copied with the run of plain bytes around it. */
enum ch_class { CH_PLAIN, CH_END, CH_SPECIAL };

static const unsigned char ch_class[256] = {
	[' '] = CH_END, ['\t'] = CH_END, ['\r'] = CH_END, ['\n'] = CH_END,
	[';'] = CH_END, ['&'] = CH_END, ['|'] = CH_END, ['('] = CH_END,
	[')'] = CH_END, ['<'] = CH_END, ['>'] = CH_END,
	['\\'] = CH_SPECIAL, ['\''] = CH_SPECIAL, ['"'] = CH_SPECIAL,
	['`'] = CH_SPECIAL, ['$'] = CH_SPECIAL, ['='] = CH_SPECIAL,
};

static bool ends_word(char c)
{
	return ch_class[(unsigned char)c] == CH_END;
}

static void position(struct src *in, size_t at, int *line, int *col,
                     size_t *off)
{
	const char *nl;

	if (in->fixed) {
		*line = in->fixed_line;
		*col = in->fixed_col;
		*off = in->fixed_off;
		return;
	}
	if (at < in->scan_pos) {
		/* Commands start in increasing order; recount if one did not. */
		in->scan_pos = in->bol = 0;
		in->line = in->first_line;
	}
	while ((nl = memchr(in->s + in->scan_pos, '\n', at - in->scan_pos))) {
		in->line++;
		in->scan_pos = in->bol = (size_t)(nl - in->s) + 1;
	}
	in->scan_pos = at;
	*line = in->line;
	*col = (int)(at - in->bol) + 1;
	*off = at;
}

/* ---- raw text skipped without reading commands ---- */

static size_t skip_quoted(const char *s, size_t n, size_t i)
{
	char q = s[i++];

	while (i < n && s[i] != q) {
		if (q == '"' && s[i] == '\\' && i + 1 < n)
			i++;
		i++;
	}
	return i < n ? i + 1 : n;
}

/* From just after an opening bracket with open brackets counted, to just
 * after the bracket that closes them all. */
static size_t skip_raw(const char *s, size_t n, size_t i, char open,
                       char close, int count)
{
	while (i < n && count > 0) {
		char c = s[i];

		if (c == '\\' && i + 1 < n) {
			i += 2;
		} else if (c == '\'' || c == '"' || c == '`') {
			i = skip_quoted(s, n, i);
		} else {
			count += (c == open) - (c == close);
			i++;
		}
	}
	return i;
}

/* ---- words ---- */

static bool put(struct sh *sh, const char *s, size_t n)
{
	if (!dt_buf_append(&sh->buf, s, n))
		sh->nomem = true;
	return !sh->nomem;
}

static bool subshell_text(struct sh *sh, struct src *in, int depth)
{
	size_t p0 = in->pos;

	if (in->pos + 2 < in->n && in->s[in->pos + 2] == '(') {
		in->pos = skip_raw(in->s, in->n, in->pos + 3, '(', ')', 2);
	} else if (depth >= SHELL_MAX_DEPTH) {
		in->pos = skip_raw(in->s, in->n, in->pos + 2, '(', ')', 1);
	} else {
		in->pos += 2;
		if (!list(sh, in, depth + 1, true))
			return false;
		if (in->pos < in->n)
			in->pos++;              /* the closing ')' */
	}
	return put(sh, in->s + p0, in->pos - p0);
}

/* `...`: the text between unescaped backticks, unescaped, is a script. */
static bool backtick(struct sh *sh, struct src *in, int depth)
{
	size_t p0 = in->pos, i = in->pos + 1;
	struct dt_buf inner;
	struct src sub;
	bool ok = true;

	while (i < in->n && in->s[i] != '`')
		i += in->s[i] == '\\' && i + 1 < in->n ? 2 : 1;
	if (depth < SHELL_MAX_DEPTH) {
		size_t k;

		dt_buf_init(&inner);
		for (k = p0 + 1; k < i; k++) {
			if (in->s[k] == '\\' && k + 1 < i &&
			    strchr("\\`$", in->s[k + 1]))
				k++;
			dt_buf_putc(&inner, in->s[k]);
		}
		memset(&sub, 0, sizeof sub);
		sub.s = inner.data ? inner.data : "";
		sub.n = inner.len;
		sub.fixed = true;
		position(in, p0, &sub.fixed_line, &sub.fixed_col, &sub.fixed_off);
		ok = !inner.failed && list(sh, &sub, depth + 1, false);
		dt_buf_fini(&inner);
		if (!ok)
			return sh->nomem = true, false;
	}
	in->pos = i < in->n ? i + 1 : in->n;
	return put(sh, in->s + p0, in->pos - p0);
}

/* $'...': ANSI-C quoting with the common escapes. */
static bool ansi_quote(struct sh *sh, struct src *in)
{
	static const char from[] = "ntr\\'\"ae", to[] = "\n\t\r\\'\"\a\x1b";
	size_t i = in->pos + 2;

	while (i < in->n && in->s[i] != '\'') {
		const char *k;

		if (in->s[i] == '\\' && i + 1 < in->n &&
		    (k = strchr(from, in->s[i + 1])) && *k) {
			put(sh, &to[k - from], 1);
			i += 2;
		} else {
			put(sh, in->s + i++, 1);
		}
	}
	in->pos = i < in->n ? i + 1 : in->n;
	return !sh->nomem;
}

static bool dollar(struct sh *sh, struct src *in, int depth)
{
	const char *s = in->s;
	size_t p = in->pos;
	char next = p + 1 < in->n ? s[p + 1] : '\0';

	if (next == '(')
		return subshell_text(sh, in, depth);
	if (next == '{') {
		in->pos = skip_raw(s, in->n, p + 2, '{', '}', 1);
		return put(sh, s + p, in->pos - p);
	}
	if (next == '\'')
		return ansi_quote(sh, in);
	in->pos++;
	if (next == '"')                /* $"..." reads as "..." */
		return true;
	return put(sh, "$", 1);
}

/* The bytes double quotes give a meaning to; the rest is copied in runs. */
static bool quote_special(char c)
{
	return c == '"' || c == '\\' || c == '$' || c == '`';
}

static bool double_quote(struct sh *sh, struct src *in, int depth)
{
	in->pos++;
	while (in->pos < in->n && in->s[in->pos] != '"') {
		char c = in->s[in->pos];

		if (c == '\\' && in->pos + 1 < in->n) {
			char e = in->s[in->pos + 1];

			if (e == '\n')
				;
			else if (strchr("$`\"\\", e))
				put(sh, &e, 1);
			else
				put(sh, in->s + in->pos, 2);
			in->pos += 2;
		} else if (c == '$') {
			if (!dollar(sh, in, depth))
				return false;
		} else if (c == '`') {
			if (!backtick(sh, in, depth))
				return false;
		} else {
			size_t run = in->pos + 1;

			while (run < in->n && !quote_special(in->s[run]))
				run++;
			put(sh, in->s + in->pos, run - in->pos);
			in->pos = run;
		}
	}
	if (in->pos < in->n)
		in->pos++;
	return !sh->nomem;
}

static bool name_char(char c, bool first)
{
	return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	       (!first && c >= '0' && c <= '9');
}

static bool single_quote(struct sh *sh, struct src *in)
{
	size_t end = in->pos + 1;

	while (end < in->n && in->s[end] != '\'')
		end++;
	put(sh, in->s + in->pos + 1, end - in->pos - 1);
	in->pos = end < in->n ? end + 1 : in->n;
	return !sh->nomem;
}

/* A run of plain bytes (raw: the word is still the script's own text, so
 * nothing is copied yet). */
static bool plain_run(struct sh *sh, struct src *in, bool raw)
{
	size_t p0 = in->pos, end = p0;

	while (end < in->n && ch_class[(unsigned char)in->s[end]] == CH_PLAIN)
		end++;
	in->pos = end;
	return raw || put(sh, in->s + p0, end - p0);
}

/* s[0..n) is the NAME of an assignment NAME= or NAME+=. */
static bool assign_name(const char *s, size_t n)
{
	size_t k;

	if (n > 1 && s[n - 1] == '+')
		n--;
	for (k = 0; k < n; k++)
		if (!name_char(s[k], k == 0))
			return false;
	return n > 0;
}

/* An unquoted '=': the first one makes the word an assignment when all
 * before it is a NAME, unquoted.  Looked at only here, not at every byte:
 * most words have no '='. */
static bool equals(struct sh *sh, struct src *in, struct word_info *w,
                   bool raw)
{
	size_t p0 = in->pos++;

	if (!w->assign && !w->tried_assign) {
		w->tried_assign = true;
		w->assign = w->plain && assign_name(in->s + w->at, p0 - w->at);
	}
	/* A bash array, a=(x y), is one word. */
	if (w->assign && in->pos < in->n && in->s[in->pos] == '(')
		in->pos = skip_raw(in->s, in->n, in->pos + 1, '(', ')', 1);
	return raw || put(sh, in->s + p0, in->pos - p0);
}

/* The word so far leaves the script's text as it is: from here on it is
 * built in sh->buf. */
static bool unraw(struct sh *sh, const struct src *in,
                  const struct word_info *w, bool *raw)
{
	if (!*raw)
		return true;
	*raw = false;
	return put(sh, in->s + w->at, in->pos - w->at);
}

/* One quoted, escaped or expanded part of a word. */
static bool special(struct sh *sh, struct src *in, int depth, char c)
{
	if (c == '\\') {
		if (in->pos + 1 < in->n && in->s[in->pos + 1] != '\n')
			put(sh, in->s + in->pos + 1, 1);
		in->pos = in->pos + 2 < in->n ? in->pos + 2 : in->n;
		return !sh->nomem;
	}
	if (c == '\'')
		return single_quote(sh, in);
	if (c == '"')
		return double_quote(sh, in, depth);
	if (c == '`')
		return backtick(sh, in, depth);
	return dollar(sh, in, depth);
}

/* Reads one word at in->pos; w->s is its text with quotes removed.  Most
 * words are plain text, copied once straight from the script. */
static bool read_word(struct sh *sh, struct src *in, int depth,
                      struct word_info *w)
{
	size_t start = sh->buf.len;
	bool raw = true;

	w->at = in->pos;
	w->plain = true;
	w->assign = false;
	w->tried_assign = false;
	while (in->pos < in->n) {
		char c = in->s[in->pos];
		unsigned char k = ch_class[(unsigned char)c];
		bool ok;

		if (k == CH_END)
			break;
		if (k == CH_PLAIN) {
			ok = plain_run(sh, in, raw);
		} else if (c == '=') {
			ok = equals(sh, in, w, raw);
		} else {
			ok = unraw(sh, in, w, &raw) && special(sh, in, depth, c);
			w->plain = false;
		}
		if (!ok)
			return false;
	}
	if (raw) {
		w->s = lint_pool_strndup(&sh->pool, in->s + w->at, in->pos - w->at);
	} else {
		w->s = lint_pool_strndup(&sh->pool,
		                         sh->buf.data ? sh->buf.data + start : "",
		                         sh->buf.len - start);
		sh->buf.len = start;
		if (sh->buf.data)
			sh->buf.data[start] = '\0';
	}
	if (!w->s)
		sh->nomem = true;
	return w->s != NULL;
}

/* ---- commands ---- */

static int nesting(const struct level *lv)
{
	return lv->depth + lv->paren + lv->group;
}

static bool open_cmd(struct sh *sh, struct src *in, struct level *lv,
                     size_t at)
{
	struct lint_shell_cmd *c;

	if (lv->open)
		return true;
	if (!(c = lint_vec_add(&sh->cmds, sizeof *c)))
		return sh->nomem = true, false;
	position(in, at, &c->line, &c->col, &c->offset);
	c->depth = nesting(lv);
	lv->cmd = sh->cmds.n - 1;
	lv->words_base = sh->words.n;
	lv->open = true;
	return true;
}

static void drop_cmd(struct sh *sh, struct level *lv)
{
	struct lint_shell_cmd *c = sh->cmds.data;

	memmove(c + lv->cmd, c + lv->cmd + 1,
	        (sh->cmds.n - lv->cmd - 1) * sizeof *c);
	sh->cmds.n--;
	sh->words.n = lv->words_base;
	lv->open = false;
	lv->start = true;
}

static bool finish(struct sh *sh, struct level *lv, const char *sep)
{
	struct lint_shell_cmd *c;
	struct sh_word *w;
	size_t n = sh->words.n - lv->words_base, i, a = 0, v = 0;

	lv->start = true;
	if (!lv->open)
		return true;
	w = (struct sh_word *)sh->words.data + lv->words_base;
	for (i = 0; i < n; i++)
		a += w[i].assign;
	if (a == n) {
		drop_cmd(sh, lv);
		return true;
	}
	c = (struct lint_shell_cmd *)sh->cmds.data + lv->cmd;
	/* One array: argv and its NULL, then the assignments and theirs. */
	c->argv = dt_arena_alloc_raw(sh->pool.arena, (n + 2) * sizeof *c->argv);
	if (!c->argv)
		return sh->nomem = true, false;
	c->assigns = c->argv + (n - a + 1);
	for (i = 0; i < n; i++) {
		if (w[i].assign)
			c->assigns[v++] = w[i].s;
		else
			c->argv[c->argc++] = w[i].s;
	}
	c->argv[c->argc] = NULL;
	c->assigns[v] = NULL;
	c->n_assigns = v;
	c->sep = sep;
	sh->words.n = lv->words_base;
	lv->open = false;
	return true;
}

static bool push_word(struct sh *sh, struct src *in, struct level *lv,
                      const struct word_info *wi, bool assign)
{
	struct sh_word *w;

	if (!open_cmd(sh, in, lv, wi->at))
		return false;
	if (!(w = lint_vec_add(&sh->words, sizeof *w)))
		return sh->nomem = true, false;
	w->s = wi->s;
	w->assign = assign;
	lv->start = assign;
	return true;
}

static bool is(const char *s, const char *w)
{
	return strcmp(s, w) == 0;
}

/* Reserved words where a command starts, and what each does to the
 * level.  Looked up for the first word of every command: the first byte
 * rules out nearly every program name before a string is compared. */
enum reserved_act {
	RES_SKIP, RES_GROUP, RES_UNGROUP, RES_CASE, RES_HEADER, RES_FUNCTION,
	RES_ESAC,
};

static const struct {
	const char *word;
	enum reserved_act act;
} reserved_words[] = {
	{"if", RES_SKIP}, {"then", RES_SKIP}, {"else", RES_SKIP},
	{"elif", RES_SKIP}, {"fi", RES_SKIP}, {"do", RES_SKIP},
	{"done", RES_SKIP}, {"while", RES_SKIP}, {"until", RES_SKIP},
	{"!", RES_SKIP}, {"time", RES_SKIP}, {"{", RES_GROUP},
	{"}", RES_UNGROUP}, {"case", RES_CASE}, {"for", RES_HEADER},
	{"select", RES_HEADER}, {"function", RES_FUNCTION}, {"esac", RES_ESAC},
};

/* A reserved word where a command starts: true when handled. */
static bool reserved(struct level *lv, const char *s)
{
	size_t i;

	/* The first bytes of reserved_words: most program names stop here,
	 * before any string is compared. */
	switch (s[0]) {
	case '!': case '{': case '}': case 'c': case 'd': case 'e': case 'f':
	case 'i': case 's': case 't': case 'u': case 'w':
		break;
	default:
		return false;
	}
	for (i = 0; i < sizeof reserved_words / sizeof reserved_words[0]; i++)
		if (reserved_words[i].word[0] == s[0] &&
		    reserved_words[i].word[1] == s[1] &&
		    (!s[1] || strcmp(reserved_words[i].word + 2, s + 2) == 0))
			break;
	if (i == sizeof reserved_words / sizeof reserved_words[0])
		return false;
	switch (reserved_words[i].act) {
	case RES_SKIP: break;
	case RES_GROUP: lv->group++; break;
	case RES_UNGROUP: lv->group -= lv->group > 0; break;
	case RES_CASE: lv->case_state = 1; break;
	case RES_HEADER: lv->header = true; break;
	case RES_FUNCTION: lv->skip_name = true; break;
	case RES_ESAC:
		if (!lv->case_open)
			return false;
		lv->case_open--;
		break;
	}
	return true;
}

static bool word(struct sh *sh, struct src *in, struct level *lv)
{
	struct word_info wi;
	bool fresh = !lv->pattern && !lv->case_state && !lv->header &&
	             !lv->skip_name && !lv->open;

	/* The command's slot is taken before its first word is read, so that
	 * it comes before the commands of a $(...) inside that word. */
	if (fresh && !open_cmd(sh, in, lv, in->pos))
		return false;
	if (!read_word(sh, in, nesting(lv), &wi))
		return false;
	if (lv->pattern) {
		if (wi.plain && is(wi.s, "esac")) {
			lv->pattern = false;
			lv->case_open -= lv->case_open > 0;
		}
		return true;
	}
	if (lv->case_state) {
		if (lv->case_state == 2 && wi.plain && is(wi.s, "in")) {
			lv->case_open++;
			lv->pattern = true;
		}
		lv->case_state = lv->case_state == 1 ? 2 : 0;
		return true;
	}
	if (lv->header) {
		lv->header = !(wi.plain && is(wi.s, "do"));
		return true;
	}
	if (lv->skip_name) {
		lv->skip_name = false;
		return true;
	}
	if (fresh && lv->start && wi.plain && reserved(lv, wi.s)) {
		drop_cmd(sh, lv);         /* plain: nothing was opened after it */
		return true;
	}
	return push_word(sh, in, lv, &wi, lv->start && wi.assign);
}

/* ---- redirections and shell heredocs ---- */

static bool redirection_at(const struct src *in)
{
	size_t i = in->pos;

	while (i < in->n && in->s[i] >= '0' && in->s[i] <= '9')
		i++;
	return i < in->n && (in->s[i] == '<' || in->s[i] == '>');
}

static bool redirect(struct sh *sh, struct src *in, int depth)
{
	const char *s = in->s;
	bool doc = false, strip = false;
	struct word_info wi;

	while (in->pos < in->n && s[in->pos] >= '0' && s[in->pos] <= '9')
		in->pos++;
	if (s[in->pos] == '&')
		in->pos++;                       /* &> and &>> */
	if (in->n - in->pos >= 2 && s[in->pos] == '<' && s[in->pos + 1] == '<') {
		in->pos += 2;
		if (in->pos < in->n && s[in->pos] == '<')
			in->pos++;               /* <<< here-string */
		else
			doc = true;
		if (doc && in->pos < in->n && s[in->pos] == '-')
			strip = true, in->pos++;
	} else {
		in->pos++;
		if (in->pos < in->n && strchr("<>&|", s[in->pos]))
			in->pos++;
	}
	while (in->pos < in->n && blank(s[in->pos]))
		in->pos++;
	if (in->pos >= in->n || ends_word(s[in->pos]))
		return true;
	if (!read_word(sh, in, depth, &wi))
		return false;
	if (doc) {
		struct pending_doc *d = lint_vec_add(&sh->docs, sizeof *d);

		if (!d)
			return sh->nomem = true, false;
		d->name = wi.s;
		d->strip = strip;
	}
	return true;
}

/* After a newline: the bodies of the heredocs opened on that line. */
static void skip_bodies(struct sh *sh, struct src *in)
{
	size_t i;

	for (i = 0; i < sh->docs.n; i++) {
		const struct pending_doc *d = (struct pending_doc *)sh->docs.data + i;
		size_t name_n = strlen(d->name);

		while (in->pos < in->n) {
			const char *line = in->s + in->pos;
			const char *nl = memchr(line, '\n', in->n - in->pos);
			size_t len = nl ? (size_t)(nl - line) : in->n - in->pos;
			size_t k = 0;

			in->pos += len + (nl != NULL);
			while (d->strip && k < len && line[k] == '\t')
				k++;
			if (len - k > 0 && line[len - 1] == '\r')
				len--;
			if (len - k == name_n && memcmp(line + k, d->name, name_n) == 0)
				break;
		}
	}
	sh->docs.n = 0;
}

/* ---- operators ---- */

static bool two(const struct src *in, char a, char b)
{
	return in->pos + 1 < in->n && in->s[in->pos] == a &&
	       in->s[in->pos + 1] == b;
}

/* ; & | and newline: ends the command.  Returns false when out of memory. */
static bool separator(struct sh *sh, struct src *in, struct level *lv)
{
	char c = in->s[in->pos];
	const char *sep = ";";

	if (c == '\n') {
		in->pos++;
		lv->header = false;
		if (!finish(sh, lv, sep))
			return false;
		skip_bodies(sh, in);
		return true;
	}
	if (c == ';') {
		size_t k = 1;

		while (k < 3 && in->pos + k < in->n &&
		       (in->s[in->pos + k] == ';' || in->s[in->pos + k] == '&'))
			k++;
		if (k > 1 && lv->case_open)
			lv->pattern = true;      /* ;; ;& ;;& end a case item */
		in->pos += k;
		lv->header = false;
	} else if (two(in, '&', '&') || two(in, '|', '|')) {
		sep = c == '&' ? "&&" : "||";
		in->pos += 2;
	} else if (c == '|') {
		sep = "|";
		in->pos += two(in, '|', '&') ? 2 : 1;
	} else {
		sep = "&";
		in->pos++;
	}
	return finish(sh, lv, sep);
}

static bool open_paren(struct sh *sh, struct src *in, struct level *lv)
{
	if (lv->pattern) {
		in->pos++;                        /* (pattern) */
		return true;
	}
	if (lv->open) {                           /* name() { ...; } */
		in->pos++;
		while (in->pos < in->n && blank(in->s[in->pos]))
			in->pos++;
		if (in->pos < in->n && in->s[in->pos] == ')')
			in->pos++;
		drop_cmd(sh, lv);
		return true;
	}
	if (two(in, '(', '(')) {                  /* (( arithmetic )) */
		in->pos = skip_raw(in->s, in->n, in->pos + 2, '(', ')', 2);
		return true;
	}
	lv->paren++;
	in->pos++;
	return true;
}

/* ')': true when it ends the $( ) this level reads. */
static bool close_paren(struct sh *sh, struct src *in, struct level *lv,
                        bool *done)
{
	*done = false;
	if (lv->pattern) {
		lv->pattern = false;
		lv->start = true;
		in->pos++;
		return true;
	}
	if (!finish(sh, lv, ""))
		return false;
	if (lv->paren > 0) {
		lv->paren--;
		in->pos++;
	} else if (lv->subst) {
		*done = true;
	} else {
		in->pos++;                        /* stray */
	}
	return true;
}

static bool list(struct sh *sh, struct src *in, int depth, bool subst)
{
	struct level lv;

	memset(&lv, 0, sizeof lv);
	lv.depth = depth;
	lv.start = true;
	lv.subst = subst;
	while (in->pos < in->n && !sh->nomem) {
		char c = in->s[in->pos];
		bool ok = true, done;

		if (blank(c)) {
			in->pos++;
		} else if (c == '\\' && in->pos + 1 < in->n &&
		           in->s[in->pos + 1] == '\n') {
			in->pos += 2;
		} else if (c == '#') {
			const char *nl = memchr(in->s + in->pos, '\n', in->n - in->pos);

			in->pos = nl ? (size_t)(nl - in->s) : in->n;
		} else if (c == '\n' || c == ';' || c == '|' ||
		           (c == '&' && !two(in, '&', '>'))) {
			ok = separator(sh, in, &lv);
		} else if (c == '(') {
			ok = open_paren(sh, in, &lv);
		} else if (c == ')') {
			ok = close_paren(sh, in, &lv, &done);
			if (ok && done)
				return true;
		} else if (c == '&' || ((c == '<' || c == '>' ||
		                         (c >= '0' && c <= '9')) &&
		                        redirection_at(in))) {
			ok = redirect(sh, in, nesting(&lv));
		} else {
			ok = word(sh, in, &lv);
		}
		if (!ok)
			return false;
	}
	return !sh->nomem && finish(sh, &lv, "");
}

/* set -o pipefail, set -euo pipefail, set -o errexit -o pipefail. */
static bool sets_pipefail(const struct lint_shell_cmd *c)
{
	size_t i;

	if (c->argc < 3 || c->argv[0][0] != 's' || !is(c->argv[0], "set"))
		return false;
	for (i = 1; i + 1 < c->argc; i++) {
		const char *a = c->argv[i];
		size_t n = strlen(a);

		if (a[0] == '-' && n >= 2 && a[1] != '-' && a[n - 1] == 'o' &&
		    is(c->argv[i + 1], "pipefail"))
			return true;
	}
	return false;
}

/* Reads the script in sh's fresh state into out, its commands moved to
 * the pool's arena. */
static bool read_script(struct sh *sh, const char *script, int line,
                        struct lint_script *out)
{
	struct src in;
	bool ok;
	size_t i;

	memset(out, 0, sizeof *out);
	memset(&in, 0, sizeof in);
	in.s = script ? script : "";
	in.n = strlen(in.s);
	in.line = in.first_line = line;
	ok = list(sh, &in, 0, false);
	for (i = 0; ok && i < sh->cmds.n; i++) {
		const struct lint_shell_cmd *c =
			(const struct lint_shell_cmd *)sh->cmds.data + i;

		if (c->sep[0] == '|' && !c->sep[1])
			out->has_pipe = true;
		if (!out->has_pipe && sets_pipefail(c))
			out->pipefail = true;
	}
	if (ok) {
		out->n_cmds = sh->cmds.n;
		out->cmds = lint_vec_copy(&sh->cmds, sizeof *out->cmds,
		                          sh->pool.arena);
		ok = out->cmds != NULL;
	}
	if (!ok)
		memset(out, 0, sizeof *out);
	return ok;
}

void lint_shell_reader_init(struct lint_shell_reader *rd,
                            struct dt_arena *arena)
{
	memset(rd, 0, sizeof *rd);
	lint_pool_init(&rd->pool, arena);
	dt_buf_init(&rd->buf);
}

void lint_shell_reader_fini(struct lint_shell_reader *rd)
{
	lint_vec_free(&rd->words);
	lint_vec_free(&rd->cmds);
	lint_vec_free(&rd->docs);
	dt_buf_fini(&rd->buf);
}

/* The reader's scratch space is lent to the parse state and taken back,
 * emptied but with its capacity. */
bool lint_shell_read(struct lint_shell_reader *rd, const char *script,
                     int line, struct lint_script *out)
{
	struct sh sh;
	bool ok;

	if (rd->buf.failed) {
		dt_buf_fini(&rd->buf);
		dt_buf_init(&rd->buf);
	}
	memset(&sh, 0, sizeof sh);
	sh.pool = rd->pool;
	sh.buf = rd->buf;
	sh.words = rd->words;
	sh.cmds = rd->cmds;
	sh.docs = rd->docs;
	sh.words.n = sh.cmds.n = sh.docs.n = 0;
	dt_buf_reset(&sh.buf);
	ok = read_script(&sh, script, line, out);
	rd->pool = sh.pool;
	rd->buf = sh.buf;
	rd->words = sh.words;
	rd->cmds = sh.cmds;
	rd->docs = sh.docs;
	return ok;
}

bool lint_shell_parse(struct dt_arena *arena, const char *script, int line,
                      struct lint_script *out)
{
	struct lint_shell_reader rd;
	bool ok;

	lint_shell_reader_init(&rd, arena);
	ok = lint_shell_read(&rd, script, line, out);
	lint_shell_reader_fini(&rd);
	return ok;
}
