/* The Dockerfile parser: physical lines to logical lines (directives,
 * comments, continuations, heredoc bodies), instructions and stages, with
 * BuildKit's rules for each step.
 *
 * Design: one pass over the input.  Each physical line is found with
 * memchr and read in place; an instruction on one line is parsed in place
 * too, and one with continuations is joined in a reused buffer.  Either
 * way "spans" map offsets of the logical line back to line:col, so every
 * node keeps an exact position even across continuations.  Growing arrays
 * (instructions, comments, errors) are scratch vectors moved into the
 * file at the end; strings go to a packed pool on the file's arena.
 * Nothing is allocated per byte, and no step looks back, so time is linear
 * in the input (about 120 MB/s on realistic files).  Where BuildKit stops at the first error, this parser
 * records it and goes on with the next instruction; only the LINT_MAX_*
 * caps and running out of memory stop it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lint_int.h"

struct physline {
	const char *s;     /* without the line end */
	size_t n;          /* \r and \n at the end removed */
	size_t raw_n;      /* with them */
	int line;
};

struct heredoc_word {
	const char *raw;   /* the text after <<, <<- */
	size_t n;
	bool chomp;
	int fd;
};

struct state {
	struct lint_parser p;
	struct lint_file *file;
	struct dt_error *err;
	const char *src;
	size_t len, pos;
	int line;
	bool dir_done, crlf_known;
	unsigned dir_seen;
	struct dt_buf logical, body;
	struct lint_span one;         /* the span of a one-line instruction */
	struct lint_vec spans, instrs, comments, stages, meta, heredocs;
	enum dt_status status;
};

/* ---- shared with instr.c ---- */

void lint_line_pos(const struct lint_parser *p, size_t off, int *line,
                   int *col)
{
	size_t lo = 0, hi = p->n_spans;

	if (hi == 0) {
		*line = 0;
		*col = 0;
		return;
	}
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->spans[mid].offset <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = p->spans[lo].line;
	*col = p->spans[lo].col +
	       (off > p->spans[lo].offset ? (int)(off - p->spans[lo].offset) : 0);
}

void lint_instr_text_pos(const struct lint_instr *in, size_t offset,
                         int *line, int *col)
{
	struct lint_parser view;

	if (in->n_spans == 0) {
		*line = in->line;
		*col = in->col;
		return;
	}
	view.spans = in->spans;
	view.n_spans = in->n_spans;
	lint_line_pos(&view, offset, line, col);
}

bool lint_parse_errorf(struct lint_parser *p, int line, int col,
                       const char *fmt, ...)
{
	struct lint_parse_error *e = lint_vec_add(&p->errors, sizeof *e);
	char msg[512];
	va_list ap;
	int n;

	if (!e) {
		p->nomem = true;
		return false;
	}
	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	/* A long quoted word makes a long message: it is cut, not lost. */
	e->msg = lint_pool_strndup(&p->pool, msg,
	                           (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
	e->line = line;
	e->col = col;
	if (!e->msg)
		p->nomem = true;
	return e->msg != NULL;
}

/* ---- physical lines ---- */

static bool next_line(struct state *st, struct physline *ln)
{
	const char *s, *nl;
	size_t left, n;

	if (st->pos >= st->len)
		return false;
	s = st->src + st->pos;
	left = st->len - st->pos;
	nl = memchr(s, '\n', left);
	ln->raw_n = nl ? (size_t)(nl - s) + 1 : left;
	n = ln->raw_n;
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	if (nl && !st->crlf_known) {
		st->file->crlf = nl > s && nl[-1] == '\r';
		st->crlf_known = true;
	}
	ln->s = s;
	ln->n = n;
	ln->line = ++st->line;
	st->pos += ln->raw_n;
	return true;
}

static size_t skip_space(const char *s, size_t n)
{
	size_t i = 0, k;

	while ((k = lint_space_len(s + i, n - i)) != 0)
		i += k;
	return i;
}

static enum dt_status limit(struct state *st, int line, int col,
                            const char *what, unsigned long cap)
{
	st->status = dt_error_set(st->err, DT_ERR_LIMIT, st->file->path, line,
	                          col, "%s longer than the limit of %lu bytes",
	                          what, cap);
	return st->status;
}

static enum dt_status nomem(struct state *st)
{
	st->status = dt_error_set(st->err, DT_ERR_NOMEM, st->file->path, 0, 0,
	                          "out of memory while parsing");
	return st->status;
}

/* ---- comments and parser directives ---- */

static bool add_comment(struct state *st, const char *c, size_t n,
                        const struct physline *ln)
{
	struct lint_comment *cm = lint_vec_add(&st->comments, sizeof *cm);
	const char *t = c + 1;
	size_t tn = n - 1;

	if (!cm)
		return false;
	lint_trim_space(&t, &tn);
	cm->text = lint_pool_strndup(&st->p.pool, t, tn);
	cm->line = ln->line;
	cm->col = (int)(c - ln->s) + 1;
	return cm->text != NULL;
}

static bool re_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* The value of `# name = value`, as BuildKit's regexp
 * ^name\s*=\s*(.+?)\s*$ captures it; false when the line does not match. */
static bool directive_value(const char *s, size_t n, size_t *name_n,
                            const char **v, size_t *vn)
{
	size_t i = 0, j;

	if (n == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return false;
	while (i < n && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
	                 (s[i] >= '0' && s[i] <= '9')))
		i++;
	*name_n = i;
	while (i < n && re_space(s[i]))
		i++;
	if (i == n || s[i] != '=')
		return false;
	for (j = ++i; j < n && re_space(s[j]); j++)
		;
	if (j == n) {
		if (i == n)
			return false;
		j = n - 1;      /* all blanks: the lazy group keeps the last one */
	}
	*v = s + j;
	*vn = n - j;
	while (*vn > 1 && re_space((*v)[*vn - 1]))
		(*vn)--;
	return true;
}

static const char *const directive_names[] = { "syntax", "escape", "check" };

/* A line before the first instruction: true when it was a directive. */
static bool directive(struct state *st, const char *c, size_t n,
                      const struct physline *ln)
{
	size_t name_n, vn, k, i;
	const char *v, *s;

	if (n == 0 || c[0] != '#')
		goto done;
	k = 1 + skip_space(c + 1, n - 1);
	s = c + k;
	if (!directive_value(s, n - k, &name_n, &v, &vn))
		goto done;
	for (i = 0; i < 3; i++)
		if (strlen(directive_names[i]) == name_n &&
		    dt_strncasecmp(s, directive_names[i], name_n) == 0)
			break;
	if (i == 3)
		goto done;
	if (st->dir_seen & (1u << i)) {
		/* Out of memory shows in p.nomem, which the caller checks. */
		lint_parse_errorf(&st->p, ln->line, (int)(c - ln->s) + 1,
		                  "only one %s parser directive can be used",
		                  directive_names[i]);
		return true;
	}
	st->dir_seen |= 1u << i;
	if (!(v = lint_pool_strndup(&st->p.pool, v, vn))) {
		st->p.nomem = true;
		return true;
	}
	if (i == 0)
		st->file->syntax = v;
	else if (i == 2)
		st->file->check = v;
	else if (strcmp(v, "\\") == 0 || strcmp(v, "`") == 0)
		st->p.esc = st->file->escape = v[0];
	else
		lint_parse_errorf(&st->p, ln->line, (int)(c - ln->s) + 1,
		                  "invalid escape token '%s' does not match ` or \\",
		                  v);
	return true;
done:
	st->dir_done = true;
	return false;
}

/* ---- logical lines ---- */

/* BuildKit's continuation test: the escape token last (blanks after it
 * allowed) and not itself escaped.  Removes it and the blanks. */
static bool trim_cont(const struct state *st, const char *s, size_t *n)
{
	size_t k = *n;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k == 0 || s[k - 1] != st->p.esc)
		return false;
	if (k >= 2 && s[k - 2] == st->p.esc)
		return false;
	*n = k - 1;
	return true;
}

static enum dt_status append(struct state *st, const char *s, size_t n,
                             int line, int col)
{
	struct lint_span *sp;

	if (n == 0)
		return DT_OK;
	if (st->logical.len + n > LINT_MAX_LINE)
		return limit(st, line, col, "instruction", LINT_MAX_LINE);
	sp = lint_vec_add(&st->spans, sizeof *sp);
	if (!sp || !dt_buf_append(&st->logical, s, n))
		return nomem(st);
	sp->offset = st->logical.len - n;
	sp->line = line;
	sp->col = col;
	return DT_OK;
}

/* Reads the continuation lines after the first; comment lines inside are
 * kept as comments, empty ones skipped (BuildKit warns about those). */
static enum dt_status continuation(struct state *st, int *empty_line)
{
	struct physline ln;
	bool cont = true;

	while (cont && next_line(st, &ln)) {
		size_t lead = skip_space(ln.s, ln.n), n = ln.n;
		enum dt_status rc;

		if (lead < ln.n && ln.s[lead] == '#') {
			if (!add_comment(st, ln.s + lead, ln.n - lead, &ln))
				return nomem(st);
			continue;
		}
		if (lead == ln.n) {
			if (!*empty_line)
				*empty_line = ln.line;
			continue;
		}
		cont = trim_cont(st, ln.s, &n);
		if ((rc = append(st, ln.s, n, ln.line, 1)) != DT_OK)
			return rc;
	}
	return DT_OK;
}

/* ---- heredocs ---- */

/* BuildKit finds heredocs among the words of the whole line, read by its
 * shell lexer with quotes and backslashes kept. */
static size_t raw_word_end(const char *s, size_t n, size_t i)
{
	char q = 0;

	while (i < n) {
		char c = s[i];

		if (q) {
			if (c == q)
				q = 0;
			else if (c == '\\' && q == '"' && i + 1 < n)
				i++;
		} else if (lint_space_len(s + i, n - i)) {
			break;
		} else if (c == '\'' || c == '"') {
			q = c;
		} else if (c == '\\' && i + 1 < n) {
			i++;
		}
		i++;
	}
	return i;
}

/* Matches ^(\d*)<<(-?)([^<]+)$ on a raw word. */
static bool heredoc_match(const char *w, size_t n, struct heredoc_word *h)
{
	size_t i = 0;

	h->fd = 0;
	while (i < n && w[i] >= '0' && w[i] <= '9') {
		if (h->fd < 100000)
			h->fd = h->fd * 10 + (w[i] - '0');
		i++;
	}
	if (n - i < 3 || w[i] != '<' || w[i + 1] != '<')
		return false;
	i += 2;
	h->chomp = w[i] == '-';
	i += h->chomp;
	if (i == n || memchr(w + i, '<', n - i))
		return false;
	h->raw = w + i;
	h->n = n - i;
	return true;
}

/* The delimiter with quotes and backslashes resolved; *quoted when any
 * part was quoted. */
static const char *heredoc_name(struct state *st, const struct heredoc_word *h,
                                bool *quoted)
{
	struct dt_buf *b = &st->p.tmp;
	char q = 0;
	size_t i;

	*quoted = false;
	dt_buf_reset(b);
	for (i = 0; i < h->n; i++) {
		char c = h->raw[i];

		if (q && c == q) {
			q = 0;
		} else if (!q && (c == '\'' || c == '"')) {
			q = c;
			*quoted = true;
		} else if (c == '\\' && q != '\'' && i + 1 < h->n &&
		           (!q || strchr("\"$\\", h->raw[i + 1]))) {
			dt_buf_putc(b, h->raw[++i]);
		} else {
			dt_buf_putc(b, c);
		}
	}
	if (b->failed)
		return NULL;
	return lint_pool_strndup(&st->p.pool, b->data ? b->data : "", b->len);
}

static void strip_tabs(struct dt_buf *b)
{
	size_t r = 0, w = 0;
	bool bol = true;

	for (r = 0; r < b->len; r++) {
		if (bol && b->data[r] == '\t')
			continue;
		bol = b->data[r] == '\n';
		b->data[w++] = b->data[r];
	}
	b->len = w;
	if (b->data)
		b->data[w] = '\0';
}

/* Reads one body up to its delimiter line. */
static enum dt_status heredoc_body(struct state *st, struct lint_heredoc *h,
                                   const struct lint_instr *in)
{
	struct physline ln;
	size_t name_n = strlen(h->name);

	dt_buf_reset(&st->body);
	h->line = st->line + 1;
	while (next_line(st, &ln)) {
		const char *t = ln.s;
		size_t n = ln.n;

		if (h->strip_tabs)
			while (n > 0 && *t == '\t')
				t++, n--;
		if (n == name_n && memcmp(t, h->name, n) == 0) {
			h->end_line = ln.line;
			break;
		}
		if (st->body.len + ln.raw_n > LINT_MAX_HEREDOC)
			return limit(st, ln.line, 1, "heredoc", LINT_MAX_HEREDOC);
		if (!dt_buf_append(&st->body, ln.s, ln.raw_n))
			return nomem(st);
	}
	if (!h->end_line) {
		h->end_line = st->line;
		if (!lint_parse_errorf(&st->p, in->line, in->col,
		                       "unterminated heredoc"))
			return nomem(st);
	}
	if (h->strip_tabs)
		strip_tabs(&st->body);
	h->body = lint_pool_strndup(&st->p.pool,
	                            st->body.data ? st->body.data : "",
	                            st->body.len);
	return h->body ? DT_OK : nomem(st);
}

static bool has_heredoc_op(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL && p + 1 < end) {
		if (p[1] == '<')
			return true;
		p++;
	}
	return false;
}

static bool wants_heredocs(const struct lint_instr *in)
{
	const struct lint_instr *t = in;

	if (in->kind == LINT_ONBUILD && in->inner)
		t = in->inner;
	return (t->kind == LINT_RUN || t->kind == LINT_COPY ||
	        t->kind == LINT_ADD) && t->form != LINT_FORM_EXEC;
}

static enum dt_status heredocs(struct state *st, struct lint_instr *in,
                               const char *s, size_t n)
{
	size_t i = 0;

	st->heredocs.n = 0;
	while (i < n) {
		size_t end = raw_word_end(s, n, i);
		struct heredoc_word hw;
		struct lint_heredoc *h;
		const char *name;
		bool quoted;

		if (end == i) {
			i += lint_space_len(s + i, n - i);
			continue;
		}
		if (heredoc_match(s + i, end - i, &hw)) {
			if (!(name = heredoc_name(st, &hw, &quoted)))
				return nomem(st);
			if (name[0]) {
				if (!(h = lint_vec_add(&st->heredocs, sizeof *h)))
					return nomem(st);
				h->name = name;
				h->quoted = quoted;
				h->strip_tabs = hw.chomp;
				h->fd = hw.fd;
			}
		}
		i = end;
	}
	for (i = 0; i < st->heredocs.n; i++) {
		enum dt_status rc = heredoc_body(st,
		        (struct lint_heredoc *)st->heredocs.data + i, in);

		if (rc != DT_OK)
			return rc;
	}
	in->n_heredocs = st->heredocs.n;
	in->heredocs = lint_vec_copy(&st->heredocs, sizeof *in->heredocs,
	                             &st->file->arena);
	if (!in->heredocs)
		return nomem(st);
	if (in->inner) {
		in->inner->heredocs = in->heredocs;
		in->inner->n_heredocs = in->n_heredocs;
		in->inner->end_line = st->line;
	}
	return DT_OK;
}

/* ---- instructions and stages ---- */

static enum dt_status add_stage(struct state *st, struct lint_instr *in)
{
	struct lint_stage *sg = lint_vec_add(&st->stages, sizeof *sg);
	size_t i;

	if (!sg)
		return nomem(st);
	if (st->stages.n > 1)
		sg[-1].end = st->instrs.n - 1;
	sg->from = st->instrs.n - 1;
	in->stage = (int)st->stages.n - 1;    /* a FROM opens its own stage */
	sg->image = in->n_args ? in->args[0] : "";
	if (in->n_args == 3 && dt_strcasecmp(in->args[1], "AS") == 0)
		sg->name = in->args[2];
	for (i = 0; i < in->n_flags; i++)
		if (strcmp(in->flags[i].name, "platform") == 0)
			sg->platform = in->flags[i].value;
	sg->image_resolved = lint_expand(&st->file->arena, sg->image,
	                                 st->meta.data, st->meta.n);
	return sg->image_resolved ? DT_OK : nomem(st);
}

static enum dt_status place(struct state *st, struct lint_instr *in)
{
	size_t i;

	if (in->kind == LINT_FROM)
		return add_stage(st, in);
	in->stage = (int)st->stages.n - 1;
	if (in->kind != LINT_ARG || st->stages.n)
		return DT_OK;
	for (i = 0; i < in->n_pairs; i++) {
		struct lint_pair *pr = lint_vec_add(&st->meta, sizeof *pr);

		if (!pr)
			return nomem(st);
		*pr = in->pairs[i];
	}
	return DT_OK;
}

/* The logical line starting at c[0..n) on line ln: read in place when it
 * is one physical line (most are), else joined in st->logical.  Sets the
 * parser's spans; *s is the line and *sn its length. */
static enum dt_status logical_line(struct state *st, const struct physline *ln,
                                   const char *c, size_t n, const char **s,
                                   size_t *sn, int *empty_line)
{
	enum dt_status rc;
	int col = (int)(c - ln->s) + 1;

	if (!trim_cont(st, c, &n)) {
		if (n > LINT_MAX_LINE)
			return limit(st, ln->line, col, "instruction", LINT_MAX_LINE);
		st->one.offset = 0;
		st->one.line = ln->line;
		st->one.col = col;
		st->p.spans = &st->one;
		st->p.n_spans = 1;
		*s = c;
		*sn = n;
		return DT_OK;
	}
	dt_buf_reset(&st->logical);
	st->spans.n = 0;
	if ((rc = append(st, c, n, ln->line, col)) != DT_OK ||
	    (rc = continuation(st, empty_line)) != DT_OK)
		return rc;
	st->p.spans = st->spans.data;
	st->p.n_spans = st->spans.n;
	*s = st->logical.data ? st->logical.data : "";
	*sn = st->logical.len;
	return DT_OK;
}

/* Parses the rest of the instruction whose first line is ln. */
static enum dt_status instruction(struct state *st, const struct physline *ln,
                                  const char *c, size_t n)
{
	struct lint_instr *in;
	enum dt_status rc;
	const char *line = c, *s;
	size_t sn = n;
	int empty_line = 0;

	if ((rc = logical_line(st, ln, c, n, &line, &sn, &empty_line)) != DT_OK)
		return rc;
	s = line;
	lint_trim_space(&s, &sn);
	if (sn == 0)
		return DT_OK;
	if (st->instrs.n >= LINT_MAX_INSTRS) {
		st->status = dt_error_set(st->err, DT_ERR_LIMIT, st->file->path,
		                          ln->line, 1,
		                          "more than %u instructions", LINT_MAX_INSTRS);
		return st->status;
	}
	if (!(in = lint_vec_add(&st->instrs, sizeof *in)) ||
	    !lint_instr_parse(&st->p, s, sn, (size_t)(s - line), in))
		return nomem(st);
	in->empty_cont_line = empty_line;
	if (wants_heredocs(in) && has_heredoc_op(s, sn) &&
	    (rc = heredocs(st, in, s, sn)) != DT_OK)
		return rc;
	in->end_line = st->line;
	if (in->inner && !in->inner->end_line)
		in->inner->end_line = st->line;
	if (!lint_instr_check(&st->p, in))
		return nomem(st);
	return place(st, in);
}

static enum dt_status run(struct state *st)
{
	struct physline ln;

	while (next_line(st, &ln)) {
		size_t lead = skip_space(ln.s, ln.n);
		const char *c = ln.s + lead;
		size_t n = ln.n - lead;
		enum dt_status rc;

		if (!st->dir_done && directive(st, c, n, &ln)) {
			if (st->p.nomem)
				return nomem(st);
			continue;
		}
		if (n > 0 && c[0] == '#') {
			if (!add_comment(st, c, n, &ln))
				return nomem(st);
			continue;
		}
		if (n == 0)
			continue;
		if ((rc = instruction(st, &ln, c, n)) != DT_OK)
			return rc;
		if (st->p.nomem)
			return nomem(st);
	}
	return DT_OK;
}

/* ---- the file ---- */

static enum dt_status too_big(const char *path, const char *data,
                              struct dt_error *err)
{
	int line = 1;
	const char *p = data, *end = data + LINT_MAX_FILE, *nl, *bol = data;

	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		bol = p = nl + 1;
	}
	return dt_error_set(err, DT_ERR_LIMIT, path ? path : "-", line,
	                    (int)(end - bol) + 1,
	                    "file longer than the limit of %u bytes",
	                    LINT_MAX_FILE);
}

/* Moves the scratch arrays into the arena. */
static enum dt_status finish(struct state *st)
{
	struct lint_file *f = st->file;
	struct lint_stage *sg;

	if (st->stages.n) {
		sg = (struct lint_stage *)st->stages.data + st->stages.n - 1;
		sg->end = st->instrs.n;
	}
	f->n_instrs = st->instrs.n;
	f->n_comments = st->comments.n;
	f->n_stages = st->stages.n;
	f->n_errors = st->p.errors.n;
	f->n_meta_args = st->meta.n;
	f->n_lines = st->line;
	/* The largest array is handed over, not copied: lint_file_free frees
	 * it beside the arena. */
	f->instrs = st->instrs.n ? st->instrs.data
	            : lint_vec_copy(&st->instrs, sizeof *f->instrs, &f->arena);
	if (st->instrs.n)
		st->instrs.data = NULL;
	f->comments = lint_vec_copy(&st->comments, sizeof *f->comments, &f->arena);
	f->stages = lint_vec_copy(&st->stages, sizeof *f->stages, &f->arena);
	f->errors = lint_vec_copy(&st->p.errors, sizeof *f->errors, &f->arena);
	f->meta_args = lint_vec_copy(&st->meta, sizeof *f->meta_args, &f->arena);
	if (!f->instrs || !f->comments || !f->stages || !f->errors ||
	    !f->meta_args)
		return nomem(st);
	return DT_OK;
}

static void state_fini(struct state *st)
{
	lint_vec_free(&st->spans);
	lint_vec_free(&st->instrs);
	lint_vec_free(&st->comments);
	lint_vec_free(&st->stages);
	lint_vec_free(&st->meta);
	lint_vec_free(&st->heredocs);
	lint_vec_free(&st->p.words);
	lint_vec_free(&st->p.strs);
	lint_vec_free(&st->p.flags);
	lint_vec_free(&st->p.pairs);
	lint_vec_free(&st->p.spans_out);
	lint_vec_free(&st->p.errors);
	dt_buf_fini(&st->p.tmp);
	dt_buf_fini(&st->logical);
	dt_buf_fini(&st->body);
}

enum dt_status lint_parse(const char *path, const char *data, size_t len,
                          struct lint_file **out, struct dt_error *err)
{
	struct state st;
	struct lint_file *f;
	enum dt_status rc;

	*out = NULL;
	if (len > LINT_MAX_FILE)
		return too_big(path, data, err);
	if (!(f = dt_calloc(1, sizeof *f)))
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
		                    "out of memory while parsing");
	dt_arena_init(&f->arena);
	memset(&st, 0, sizeof st);
	st.file = st.p.file = f;
	st.err = err;
	st.src = data ? data : "";
	st.len = data ? len : 0;
	st.p.esc = f->escape = '\\';
	lint_pool_init(&st.p.pool, &f->arena);
	dt_buf_init(&st.p.tmp);
	dt_buf_init(&st.logical);
	dt_buf_init(&st.body);
	if (st.len >= 3 && memcmp(st.src, "\xEF\xBB\xBF", 3) == 0) {
		f->bom = true;
		st.pos = 3;
	}
	f->path = lint_pool_strndup(&st.p.pool, path ? path : "-",
	                            strlen(path ? path : "-"));
	rc = f->path ? run(&st) : nomem(&st);
	if (rc == DT_OK)
		rc = finish(&st);
	state_fini(&st);
	if (rc != DT_OK) {
		lint_file_free(f);
		return rc;
	}
	*out = f;
	return DT_OK;
}

void lint_file_free(struct lint_file *file)
{
	if (!file)
		return;
	if (file->n_instrs)
		dt_free(file->instrs);
	dt_arena_fini(&file->arena);
	dt_free(file);
}
