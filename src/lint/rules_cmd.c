/* The shell side of the rule framework: turns each RUN into the list of
 * commands the rules read (wrappers, assignments and redirections peeled
 * off), indexes them and the instructions for the rules, and answers the
 * small queries rules ask of commands and flags.
 *
 * Design: scripts are parsed once per lint_run by one shell reader and
 * normalised into struct lint_cmd in the result arena (the words are the
 * shell reader's, only viewed past wrappers), so the 70 rules
 * never re-parse text and never match substrings of a script.  Exec form
 * is taken literally (["sh", "-c", "..."] is read as the script it runs);
 * heredoc bodies are linted when the command that reads them is a POSIX
 * shell (RUN <<EOF, RUN bash <<EOF), never when it is python or the like.
 * Two indexes are built once per file, since every rule runs on every
 * file: the commands by program name (a hash of the few names a file
 * uses, with a 256-bit filter that turns most questions about absent
 * programs away without a probe) and the instructions by kind (counting
 * sorts), both in file order. */
#include <string.h>

#include "lint_int.h"
#include "rules.h"

#define MAX_WRAPPERS 8   /* sudo env nice ... peeled per command */

/* The stage index the stage helpers read while a file is being linted
 * (see lint_stages_index). */
static _Thread_local const struct lint_ctx *indexed;

static int indexed_find(const struct lint_ctx *ctx, const char *name);

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

static bool is_assignment(const char *w)
{
	const char *p = w;

	if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_'))
		return false;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
	       (*p >= '0' && *p <= '9') || *p == '_')
		p++;
	return *p == '=';
}

bool lint_shell_is_posix(const char *path)
{
	static const char *const shells[] = {
		"sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox",
	};
	const char *name = base_name(path);
	size_t i;

	for (i = 0; i < sizeof shells / sizeof shells[0]; i++)
		if (strcmp(name, shells[i]) == 0)
			return true;
	return false;
}

/* Wrappers that run their operand as a command, with the options of
 * theirs that take a value. */
struct wrapper {
	const char *name;
	const char *valued;
};

static const struct wrapper wrappers[] = {
	{"sudo", " -u -g -C -D -h -p -r -t -U --user --group --chdir "},
	{"env", " -u -C --unset --chdir -S --split-string "},
	{"nice", " -n --adjustment "},
	{"nohup", " "},
	{"time", " -f -o --format --output "},
	{"exec", " -a "},
	{"eatmydata", " "},
	{"stdbuf", " -i -o -e "},
	{"chronic", " "},
	{"gosu", NULL},          /* gosu USER command */
	{"su-exec", NULL},
};

static bool valued_has(const char *valued, const char *w)
{
	const char *p = valued;
	size_t n = strlen(w);

	if (n == 0)
		return false;
	while ((p = strstr(p, w)) != NULL) {
		if (p > valued && p[-1] == ' ' && p[n] == ' ')
			return true;
		p += n;
	}
	return false;
}

/* Skips the options of a wrapper (and env's assignments); returns the
 * index of the wrapped command. */
static size_t skip_wrapper(const struct wrapper *w, const char **argv,
                           size_t i, size_t argc)
{
	if (!w->valued)         /* gosu / su-exec: one user operand */
		return i + 1 < argc ? i + 1 : argc;
	while (i < argc) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0)
			return i + 1;
		if (a[0] == '-' && a[1]) {
			i += valued_has(w->valued, a) ? 2 : 1;
			continue;
		}
		if (is_assignment(a) && strcmp(w->name, "env") == 0) {
			i++;
			continue;
		}
		if (strcmp(w->name, "nice") == 0 && a[0] >= '0' && a[0] <= '9') {
			i++;
			continue;
		}
		break;
	}
	return i;
}

static const struct wrapper *find_wrapper(const char *name)
{
	size_t i;

	/* The first bytes of the names above: most programs stop here,
	 * before any string is compared. */
	switch (name[0]) {
	case 'c': case 'e': case 'g': case 'n': case 's': case 't':
		break;
	default:
		return NULL;
	}
	for (i = 0; i < sizeof wrappers / sizeof wrappers[0]; i++)
		if (wrappers[i].name[0] == name[0] && wrappers[i].name[1] == name[1] &&
		    name[1] && strcmp(wrappers[i].name + 2, name + 2) == 0)
			return &wrappers[i];
	return NULL;
}

static void normalise(const struct lint_shell_cmd *raw, struct lint_cmd *c)
{
	/* The shell reader has already taken out redirections and leading
	 * assignments; exec form has neither. */
	const char **w = raw->argv;
	const struct wrapper *wr;
	size_t n = raw->argc, i = 0, hops = 0;

	c->line = raw->line;
	c->col = raw->col;
	c->depth = raw->depth;
	c->sep = raw->sep ? raw->sep : "";
	c->wrapper = NULL;
	while (i < n && is_assignment(w[i]))
		i++;
	c->name = i < n ? base_name(w[i]) : "";
	while (i < n && hops++ < MAX_WRAPPERS && (wr = find_wrapper(c->name))) {
		if (strcmp(wr->name, "sudo") == 0)
			c->wrapper = "sudo";
		i = skip_wrapper(wr, w, i + 1, n);
		c->name = i < n ? base_name(w[i]) : "";
	}
	if (i + 1 < n && lint_cmd_is(c, "busybox"))
		c->name = base_name(w[++i]);
	c->args = w + (i < n ? i + 1 : n);
	c->n_args = i < n ? n - i - 1 : 0;
}

/* text_of: the instruction whose text the script is, so positions come
 * from its spans (continuation lines are joined in the text); NULL keeps
 * the shell reader's positions (heredoc bodies, exec form). */
static bool add_script(struct lint_ctx *ctx, struct lint_run *r,
                       const struct lint_script *s,
                       const struct lint_instr *text_of)
{
	struct lint_cmd *cmds = r->cmds;
	size_t i;

	if (s->n_cmds == 0)
		return true;
	/* Many heredocs on one RUN: grow by doubling, not by each script. */
	if (r->n_cmds + s->n_cmds > r->cap_cmds) {
		size_t cap = r->cap_cmds * 2;

		if (cap < r->n_cmds + s->n_cmds)
			cap = r->n_cmds + s->n_cmds;
		/* normalise writes every member */
		cmds = dt_arena_alloc_raw(ctx->arena, cap * sizeof *cmds);
		if (!cmds)
			return false;
		if (r->n_cmds)
			memcpy(cmds, r->cmds, r->n_cmds * sizeof *cmds);
		r->cap_cmds = cap;
	}
	for (i = 0; i < s->n_cmds; i++) {
		struct lint_cmd *c = &cmds[r->n_cmds + i];

		normalise(&s->cmds[i], c);
		if (text_of)
			lint_instr_text_pos(text_of, s->cmds[i].offset, &c->line, &c->col);
	}
	r->cmds = cmds;
	r->n_cmds += s->n_cmds;
	r->has_pipe = r->has_pipe || s->has_pipe;
	r->pipefail = r->pipefail || s->pipefail;
	return true;
}

/* What building the runs of a file shares: one shell reader for all its
 * scripts. */
struct builder {
	struct lint_ctx *ctx;
	struct lint_shell_reader rd;
};

/* Reads script into r; *kept (when not NULL) receives the script as the
 * shell reader returned it. */
static bool parse_into(struct builder *b, struct lint_run *r,
                       const char *script, int line,
                       const struct lint_instr *text_of,
                       const struct lint_script **kept)
{
	struct lint_script s, *copy;

	if (!lint_shell_read(&b->rd, script, line, &s))
		return false;
	if (kept) {
		if (!(copy = dt_arena_alloc(b->ctx->arena, sizeof *copy)))
			return false;
		*copy = s;
		*kept = copy;
	}
	return add_script(b->ctx, r, &s, text_of);
}

/* ["sh", "-c", "script"] or ["/bin/bash", "-euxc", "script"]. */
static bool exec_is_shell(const struct lint_instr *in)
{
	const char *opt;

	if (in->n_args < 3 || !lint_shell_is_posix(in->args[0]))
		return false;
	opt = in->args[1];
	return opt[0] == '-' && opt[1] && opt[strlen(opt) - 1] == 'c';
}

static bool exec_form(struct builder *b, struct lint_run *r,
                      const struct lint_instr *in)
{
	struct lint_shell_cmd raw;
	struct lint_script s;

	if (exec_is_shell(in)) {
		r->shell_form = true;
		return parse_into(b, r, in->args[2], in->line, NULL, NULL);
	}
	if (in->n_args == 0)
		return true;
	memset(&raw, 0, sizeof raw);
	raw.argv = in->args;
	raw.argc = in->n_args;
	raw.line = in->line;
	raw.col = in->col;
	raw.sep = "";
	memset(&s, 0, sizeof s);
	s.cmds = &raw;
	s.n_cmds = 1;
	return add_script(b->ctx, r, &s, NULL);
}

/* A heredoc body is a shell script when the command line only feeds it to
 * a POSIX shell (or has no command at all, as in RUN <<EOF) and the body
 * has no shebang for another interpreter. */
static bool heredoc_is_script(const struct lint_run *r, size_t n_line_cmds,
                              const char *body)
{
	size_t i;

	for (i = 0; i < n_line_cmds; i++)
		if (r->cmds[i].name[0] && !lint_shell_is_posix(r->cmds[i].name))
			return false;
	if (body[0] == '#' && body[1] == '!') {
		const char *p = body + 2, *end;
		char prog[64];
		size_t n;

		while (*p == ' ')
			p++;
		end = strpbrk(p, " \t\n");
		n = end ? (size_t)(end - p) : strlen(p);
		if (n >= sizeof prog)
			return false;
		memcpy(prog, p, n);
		prog[n] = '\0';
		if (strcmp(base_name(prog), "env") == 0 && end && *end == ' ') {
			p = end + 1;
			end = strpbrk(p, " \t\n");
			n = end ? (size_t)(end - p) : strlen(p);
			if (n >= sizeof prog)
				return false;
			memcpy(prog, p, n);
			prog[n] = '\0';
		}
		return lint_shell_is_posix(prog);
	}
	return true;
}

static bool shell_form(struct builder *b, struct lint_run *r,
                       const struct lint_instr *in)
{
	size_t i, n_line;

	r->shell_form = true;
	if (in->text && !parse_into(b, r, in->text, in->line, in, NULL))
		return false;
	n_line = r->n_cmds;
	for (i = 0; i < in->n_heredocs; i++) {
		const struct lint_heredoc *h = &in->heredocs[i];

		if (!h->body || !heredoc_is_script(r, n_line, h->body))
			continue;
		if (!r->heredoc_scripts &&
		    !(r->heredoc_scripts = dt_arena_alloc(b->ctx->arena,
		            in->n_heredocs * sizeof *r->heredoc_scripts)))
			return false;
		if (!parse_into(b, r, h->body, h->line, NULL,
		                &r->heredoc_scripts[i]))
			return false;
	}
	return true;
}

static bool runs_build(struct builder *b)
{
	struct lint_ctx *ctx = b->ctx;
	const struct lint_file *f = ctx->file;
	size_t i;

	ctx->runs = dt_arena_alloc_raw(ctx->arena,
	                               (f->n_instrs + 1) * sizeof *ctx->runs);
	if (!ctx->runs)
		return false;
	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *top = &f->instrs[i];
		const struct lint_instr *in = top;
		struct lint_run *r;
		bool ok;

		if (in->kind == LINT_ONBUILD && in->inner)
			in = in->inner;
		if (in->kind != LINT_RUN || !ctx->posix[i])
			continue;
		r = &ctx->runs[ctx->n_runs++];
		memset(r, 0, sizeof *r);
		r->instr = in;
		r->top = top;
		r->index = i;
		ok = in->form == LINT_FORM_EXEC ? exec_form(b, r, in)
		                                : shell_form(b, r, in);
		if (!ok)
			return false;
	}
	return true;
}

/* ---- the commands by name ---- */

/* An open-addressing table of the distinct command names of a file; each
 * name owns the range refs[first..first+n) of its commands. */
struct name_slot {
	const char *name;                /* NULL: empty */
	size_t hash;
	size_t first, n;
};

struct lint_cmd_index {
	struct lint_cmd_ref *refs;
	struct name_slot *slots;
	size_t mask;
	/* Bit hash % 256 set for every name present: most names a rule asks
	 * about are absent, and this says so without a probe. */
	unsigned long long present[4];
};

/* Program names are short and few per file: their first three bytes
 * spread them well enough, at a fixed cost. */
static inline size_t str_hash(const char *s)
{
	size_t h = (unsigned char)s[0];

	if (s[0] && s[1])
		h = h * 131 + (unsigned char)s[1] * 7 + (unsigned char)s[2];
	return (h * 2654435761u) >> 8;
}

/* The slot of name (whose hash is h), or the empty one where it would
 * go. */
static struct name_slot *slot_of(const struct lint_cmd_index *ix,
                                 const char *name, size_t h)
{
	size_t i = h & ix->mask;

	while (ix->slots[i].name && (ix->slots[i].hash != h ||
	                             ix->slots[i].name[0] != name[0] ||
	                             strcmp(ix->slots[i].name, name) != 0))
		i = (i + 1) & ix->mask;
	return &ix->slots[i];
}

/* Two passes over the commands: count them per name (remembering each
 * one's slot), then place them, so every name's range is in file order. */
static bool index_build(struct lint_ctx *ctx)
{
	struct lint_cmd_index *ix;
	size_t total = 0, size = 16, i, j, k, first = 0;
	size_t *slot;

	for (i = 0; i < ctx->n_runs; i++)
		total += ctx->runs[i].n_cmds;
	while (size < total * 2)
		size *= 2;
	ix = dt_arena_alloc(ctx->arena, sizeof *ix);
	slot = dt_arena_alloc_raw(ctx->arena, (total + 1) * sizeof *slot);
	if (!ix || !slot ||
	    !(ix->slots = dt_arena_alloc(ctx->arena, size * sizeof *ix->slots)) ||
	    !(ix->refs = dt_arena_alloc_raw(ctx->arena,
	                                    (total + 1) * sizeof *ix->refs)))
		return false;
	ix->mask = size - 1;
	for (i = 0, k = 0; i < ctx->n_runs; i++)
		for (j = 0; j < ctx->runs[i].n_cmds; j++) {
			size_t h = str_hash(ctx->runs[i].cmds[j].name);
			struct name_slot *s = slot_of(ix, ctx->runs[i].cmds[j].name, h);

			s->name = ctx->runs[i].cmds[j].name;
			s->hash = h;
			s->n++;
			ix->present[h / 64 % 4] |= 1ull << (h % 64);
			slot[k++] = (size_t)(s - ix->slots);
		}
	for (i = 0; i < size; i++) {
		ix->slots[i].first = first;
		first += ix->slots[i].n;
		ix->slots[i].n = 0;
	}
	for (i = 0, k = 0; i < ctx->n_runs; i++)
		for (j = 0; j < ctx->runs[i].n_cmds; j++) {
			struct name_slot *s = &ix->slots[slot[k++]];
			struct lint_cmd_ref *ref = &ix->refs[s->first + s->n++];

			ref->run = &ctx->runs[i];
			ref->cmd = &ctx->runs[i].cmds[j];
		}
	ctx->cmd_index = ix;
	return true;
}

/* Inline: rules ask for many names, most of them absent. */
static inline const struct lint_cmd_ref *named(const struct lint_cmd_index *ix,
                                               const char *name, size_t *n)
{
	const struct name_slot *s;
	size_t h = str_hash(name);

	*n = 0;
	if (!ix || !(ix->present[h / 64 % 4] & (1ull << (h % 64))))
		return NULL;
	s = slot_of(ix, name, h);
	*n = s->name ? s->n : 0;
	return *n ? ix->refs + s->first : NULL;
}

const struct lint_cmd_ref *lint_cmds_named(const struct lint_ctx *ctx,
                                           const char *name, size_t *n)
{
	return named(ctx->cmd_index, name, n);
}

struct lint_named *lint_named_start(struct lint_named *it,
                                    const struct lint_ctx *ctx,
                                    const char *const *names)
{
	it->k = 0;
	it->cur = NULL;
	for (; *names && it->k < LINT_NAMED_MAX; names++) {
		size_t j;

		it->refs[it->k] = named(ctx->cmd_index, *names, &it->n[it->k]);
		if (!it->refs[it->k])
			continue;
		/* A name listed twice has the same commands: walked once. */
		for (j = 0; j < it->k && it->refs[j] != it->refs[it->k]; j++)
			;
		it->k += j == it->k;
	}
	return it;
}

/* Refs of different lists compare by run, then by place in the run: both
 * arrays are in file order. */
static bool ref_before(const struct lint_cmd_ref *a,
                       const struct lint_cmd_ref *b)
{
	return a->run != b->run ? a->run < b->run : a->cmd < b->cmd;
}

bool lint_named_next(struct lint_named *it)
{
	size_t i, best = 0;

	if (it->k == 0)
		return false;
	for (i = 1; i < it->k; i++)
		if (ref_before(it->refs[i], it->refs[best]))
			best = i;
	it->cur = it->refs[best]++;
	if (--it->n[best] == 0) {
		it->k--;
		it->refs[best] = it->refs[it->k];
		it->n[best] = it->n[it->k];
	}
	return true;
}

bool lint_runs_build(struct lint_ctx *ctx)
{
	struct builder b;
	bool ok;

	b.ctx = ctx;
	lint_shell_reader_init(&b.rd, ctx->arena);
	ok = runs_build(&b);
	lint_shell_reader_fini(&b.rd);
	return ok && index_build(ctx);
}

const char *lint_cmd_operand(const struct lint_cmd *c, const char *valued,
                             size_t n)
{
	bool rest = false;
	size_t i;

	for (i = 0; i < c->n_args; i++) {
		const char *a = c->args[i];

		if (!rest && strcmp(a, "--") == 0) {
			rest = true;
			continue;
		}
		if (!rest && a[0] == '-' && a[1]) {
			if (valued && !strchr(a, '=') && valued_has(valued, a))
				i++;
			continue;
		}
		if (n-- == 0)
			return a;
	}
	return NULL;
}

const char *lint_cmd_find_operand(const struct lint_cmd *c, const char *valued,
                                  size_t from, bool (*reject)(const char *))
{
	bool rest = false;
	size_t i, n = 0;

	for (i = 0; i < c->n_args; i++) {
		const char *a = c->args[i];

		if (!rest && strcmp(a, "--") == 0) {
			rest = true;
			continue;
		}
		if (!rest && a[0] == '-' && a[1]) {
			if (valued && !strchr(a, '=') && valued_has(valued, a))
				i++;
			continue;
		}
		if (n++ >= from && reject(a))
			return a;
	}
	return NULL;
}

bool lint_cmd_has_opt(const struct lint_cmd *c, char s, const char *lng)
{
	size_t i;

	for (i = 0; i < c->n_args; i++) {
		const char *a = c->args[i];

		if (strcmp(a, "--") == 0)
			return false;
		if (a[0] != '-' || !a[1])
			continue;
		if (a[1] == '-') {
			size_t n = lng ? strlen(lng) : 0;

			if (lng && strncmp(a + 2, lng, n) == 0 &&
			    (a[2 + n] == '\0' || a[2 + n] == '='))
				return true;
		} else if (s && strchr(a + 1, s)) {
			return true;
		}
	}
	return false;
}

bool lint_cmd_has_arg(const struct lint_cmd *c, const char *w)
{
	size_t i;

	for (i = 0; i < c->n_args; i++)
		if (strcmp(c->args[i], w) == 0)
			return true;
	return false;
}

bool lint_run_has(const struct lint_run *r, const char *name,
                  const char *sub)
{
	size_t i;

	for (i = 0; i < r->n_cmds; i++) {
		const char *op;

		if (!lint_cmd_is(&r->cmds[i], name))
			continue;
		if (!sub)
			return true;
		op = lint_cmd_operand(&r->cmds[i], NULL, 0);
		if (op && strcmp(op, sub) == 0)
			return true;
	}
	return false;
}

/* Finds key=value in a comma-separated list; copies value into buf. */
static bool kv_find(const char *list, const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);
	const char *p = list;

	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
			size_t vlen = n - klen - 1;

			if (vlen >= size)
				return false;
			memcpy(buf, p + klen + 1, vlen);
			buf[vlen] = '\0';
			return true;
		}
		p = end ? end + 1 : NULL;
	}
	return false;
}

const char *lint_kv_get(struct dt_arena *arena, const char *list,
                        const char *key)
{
	char buf[4096];

	if (!list || !kv_find(list, key, buf, sizeof buf))
		return NULL;
	return dt_arena_strdup(arena, buf);
}

bool lint_run_mounts(const struct lint_run *r, const char *dir)
{
	size_t i, n = strlen(dir);

	for (i = 0; i < r->instr->n_flags; i++) {
		const struct lint_flag *f = &r->instr->flags[i];
		char type[32], target[4096];

		if (strcmp(f->name, "mount") != 0 || !f->value)
			continue;
		if (!kv_find(f->value, "type", type, sizeof type))
			continue;
		if (strcmp(type, "cache") != 0 && strcmp(type, "tmpfs") != 0)
			continue;
		if ((kv_find(f->value, "target", target, sizeof target) ||
		     kv_find(f->value, "dst", target, sizeof target) ||
		     kv_find(f->value, "destination", target, sizeof target)) &&
		    strncmp(target, dir, n) == 0)
			return true;
	}
	return false;
}

const struct lint_flag *lint_instr_flag(const struct lint_instr *in,
                                        const char *name)
{
	size_t i;

	for (i = 0; i < in->n_flags; i++)
		if (dt_strcasecmp(in->flags[i].name, name) == 0)
			return &in->flags[i];
	return NULL;
}

const struct lint_instr *lint_instr_at(const struct lint_file *file, int line)
{
	size_t lo = 0, hi = file->n_instrs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (file->instrs[mid].line <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &file->instrs[lo - 1] : NULL;
}

const char *lint_unquote(struct dt_arena *arena, const char *word)
{
	size_t n = strlen(word);

	if (n >= 2 && (word[0] == '"' || word[0] == '\'') && word[n - 1] == word[0])
		return dt_arena_strndup(arena, word + 1, n - 2);
	return word;
}

const struct lint_run *lint_run_of(const struct lint_ctx *ctx, size_t index)
{
	size_t lo = 0, hi = ctx->n_runs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ctx->runs[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ctx->n_runs && ctx->runs[lo].index == index ? &ctx->runs[lo]
	                                                        : NULL;
}

const char *lint_stage_image(const struct lint_stage *st)
{
	return st->image_resolved ? st->image_resolved
	                          : st->image ? st->image : "";
}

int lint_stage_find(const struct lint_file *file, const char *name,
                    size_t before)
{
	size_t i;

	if (indexed && indexed->file == file) {
		int s = indexed_find(indexed, name);

		return s >= 0 && (size_t)s < before ? s : -1;
	}
	for (i = 0; i < before && i < file->n_stages; i++)
		if (file->stages[i].name && dt_strcasecmp(file->stages[i].name, name) == 0)
			return (int)i;
	return -1;
}

int lint_stage_parent(const struct lint_file *file, size_t s)
{
	if (indexed && indexed->file == file && s < file->n_stages)
		return indexed->parent[s];
	return lint_stage_find(file, lint_stage_image(&file->stages[s]), s);
}

/* ---- instructions by kind ---------------------------------------------------- */

/* The kind an instruction counts as, with inner: ONBUILD's trigger's. */
static enum lint_instr_kind inner_kind(const struct lint_instr *in)
{
	return in->kind == LINT_ONBUILD && in->inner ? in->inner->kind : in->kind;
}

/* Counting sorts: counts per kind, then each index into its kind's range;
 * both orders in the same two passes. */
bool lint_kinds_index(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t fill[LINT_INSTR_COUNT], ifill[LINT_INSTR_COUNT], i, k;

	ctx->by_kind = dt_arena_alloc_raw(ctx->arena,
	                                  (f->n_instrs + 1) * sizeof *ctx->by_kind);
	ctx->by_inner_kind = dt_arena_alloc_raw(ctx->arena,
	                                        (f->n_instrs + 1) * sizeof *ctx->by_kind);
	if (!ctx->by_kind || !ctx->by_inner_kind)
		return false;
	memset(fill, 0, sizeof fill);
	memset(ifill, 0, sizeof ifill);
	for (i = 0; i < f->n_instrs; i++) {
		fill[f->instrs[i].kind]++;
		ifill[inner_kind(&f->instrs[i])]++;
	}
	ctx->kinds[0] = ctx->inner_kinds[0] = 0;
	for (k = 0; k < LINT_INSTR_COUNT; k++) {
		ctx->kinds[k + 1] = ctx->kinds[k] + fill[k];
		ctx->inner_kinds[k + 1] = ctx->inner_kinds[k] + ifill[k];
		fill[k] = ctx->kinds[k];
		ifill[k] = ctx->inner_kinds[k];
	}
	for (i = 0; i < f->n_instrs; i++) {
		ctx->by_kind[fill[f->instrs[i].kind]++] = i;
		ctx->by_inner_kind[ifill[inner_kind(&f->instrs[i])]++] = i;
	}
	return true;
}

const size_t *lint_instrs_of(const struct lint_ctx *ctx,
                             enum lint_instr_kind kind, bool inner,
                             size_t *n)
{
	const size_t *start = inner ? ctx->inner_kinds : ctx->kinds;

	*n = start[kind + 1] - start[kind];
	return (inner ? ctx->by_inner_kind : ctx->by_kind) + start[kind];
}

/* ---- the stage index ------------------------------------------------------ */

static size_t name_hash(const char *s)
{
	size_t h = 5381;

	for (; *s; s++)
		h = h * 33 + (unsigned char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
	return h;
}

/* The first stage named name, from the index; -1 when none. */
static int indexed_find(const struct lint_ctx *ctx, const char *name)
{
	size_t mask = ctx->n_slots - 1, i = name_hash(name) & mask;

	for (; ctx->name_slots[i]; i = (i + 1) & mask) {
		int s = ctx->name_slots[i] - 1;

		if (dt_strcasecmp(ctx->file->stages[s].name, name) == 0)
			return s;
	}
	return -1;
}

bool lint_stages_index(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t s, slots = 16;

	while (slots < f->n_stages * 2)
		slots *= 2;
	ctx->n_slots = slots;
	ctx->name_slots = dt_arena_alloc(ctx->arena, slots * sizeof(int));
	ctx->parent = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof(int));
	if (!ctx->name_slots || !ctx->parent)
		return false;
	for (s = 0; s < f->n_stages; s++) {
		const char *img = lint_stage_image(&f->stages[s]);
		int p = indexed_find(ctx, img);

		ctx->parent[s] = p >= 0 && (size_t)p < s ? p : -1;
		if (f->stages[s].name && indexed_find(ctx, f->stages[s].name) < 0) {
			size_t i = name_hash(f->stages[s].name) & (slots - 1);

			while (ctx->name_slots[i])
				i = (i + 1) & (slots - 1);
			ctx->name_slots[i] = (int)s + 1;
		}
	}
	indexed = ctx;
	return true;
}

void lint_stages_done(void)
{
	indexed = NULL;
}
