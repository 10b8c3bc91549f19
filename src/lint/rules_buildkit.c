/* BuildKit's build checks (rules_buildkit.def): casing of keywords and
 * stage names, EXPOSE formats, the legacy ENV/LABEL form, empty
 * continuation lines, and the variables FROM and the other expanding
 * instructions use.
 *
 * Design: BuildKit runs these while it converts the Dockerfile, with the
 * base images' configurations at hand.  Here they run on the parse alone.
 * Variables are found with BuildKit's word lexer rules (quotes, the escape
 * token, ${name:-word} with nested words), on the raw text BuildKit
 * expands (lint_instr.nodes), so '$x' in single quotes is not a use.
 * Definitions are kept in one hash table keyed by stage and name; a stage
 * sees its own earlier definitions and everything of the stages it is
 * built on.  The base image's environment is unknown, which UndefinedVar
 * allows for (see its explanation). */
#include <string.h>

#include "rules.h"

#define SCAN_MAX_DEPTH   32      /* ${a:-${b:-...}} nesting followed */
#define UNDEF_MAX_CHAIN  64      /* stages walked up FROM name chains */
#define SUGGEST_MAX      4096    /* names compared for a suggestion */
#define NAME_MAX_LEN     64      /* longer names get no suggestion */

/* ---- small helpers ---------------------------------------------------- */

/* Go's s == strings.ToLower(s) (and ToUpper), for ASCII letters. */
static bool is_lower(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return false;
	return true;
}

static bool is_upper(const char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			return false;
	return true;
}

static const struct lint_instr *stage_from(const struct lint_file *f, size_t s)
{
	return f->stages[s].from < f->n_instrs ? &f->instrs[f->stages[s].from]
	                                       : NULL;
}

/* The instruction a check looks at: ONBUILD's trigger or itself. */
static const struct lint_instr *inner(const struct lint_instr *in)
{
	return in->kind == LINT_ONBUILD && in->inner ? in->inner : in;
}

/* Case-sensitive Levenshtein distance, at most cap + 1. */
static unsigned distance(const char *a, const char *b, unsigned cap)
{
	unsigned row[NAME_MAX_LEN + 1];
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > NAME_MAX_LEN || lb > NAME_MAX_LEN)
		return cap + 1;
	for (j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		unsigned diag = row[0];

		row[0] = (unsigned)i;
		for (j = 1; j <= lb; j++) {
			unsigned up = row[j];
			unsigned v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	return row[lb] > cap ? cap + 1 : row[lb];
}

/* BuildKit's suggest.Search: the closest option at distance 1 or 2 (the
 * first of equals), none when name itself is an option. */
struct suggest {
	const char *name;
	const char *best;
	unsigned dist;
	size_t seen;
	bool exact;
};

static void suggest_init(struct suggest *sg, const char *name)
{
	memset(sg, 0, sizeof *sg);
	sg->name = name;
	sg->dist = 3;
}

static void suggest_offer(struct suggest *sg, const char *option)
{
	unsigned d;

	if (sg->exact || sg->seen++ >= SUGGEST_MAX)
		return;
	if (strcmp(option, sg->name) == 0) {
		sg->exact = true;
		return;
	}
	d = distance(sg->name, option, 2);
	if (d < sg->dist) {
		sg->dist = d;
		sg->best = option;
	}
}

static const char *suggest_result(const struct suggest *sg)
{
	return sg->exact ? NULL : sg->best;
}

/* ---- BuildKit's word lexer, reduced to finding variable uses ----------- */

typedef void var_fn(void *ud, const char *name, size_t n);

struct scan {
	const char *s;
	size_t i, n;
	char esc;
	var_fn *fn;
	void *ud;
	bool bad;                /* syntax error or too deep: stop */
};

static bool name_char(unsigned char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* processName: a name, or digits, or one special parameter.  Only real
 * names are reported. */
static void scan_name(struct scan *sc, size_t *start, size_t *len, bool *real)
{
	size_t b = sc->i;

	*real = false;
	if (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9') {
		while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
			sc->i++;
	} else if (sc->i < sc->n && sc->s[sc->i] != '\0' &&
	           strchr("@*#?-$!", sc->s[sc->i])) {
		sc->i++;
	} else {
		while (sc->i < sc->n && name_char((unsigned char)sc->s[sc->i]))
			sc->i++;
		*real = sc->i > b;
	}
	*start = b;
	*len = sc->i - b;
}

static void scan_word(struct scan *sc, char stop, int depth);

static void report_name(struct scan *sc, size_t start, size_t len, bool real)
{
	if (real && !sc->bad)
		sc->fn(sc->ud, sc->s + start, len);
}

/* processDollar, the '$' already taken. */
static void scan_dollar(struct scan *sc, int depth)
{
	size_t start, len;
	bool real;
	char ch;

	if (sc->i >= sc->n || sc->s[sc->i] != '{') {
		scan_name(sc, &start, &len, &real);
		report_name(sc, start, len, real);
		return;
	}
	sc->i++;
	if (sc->i >= sc->n || strchr("{}:", sc->s[sc->i])) {
		sc->bad = true;
		return;
	}
	scan_name(sc, &start, &len, &real);
	if (sc->i >= sc->n) {
		sc->bad = true;
		return;
	}
	ch = sc->s[sc->i++];
	if (ch == ':' && sc->i < sc->n)
		ch = sc->s[sc->i++];
	if (ch == '/') {
		scan_word(sc, '/', depth + 1);
		scan_word(sc, '}', depth + 1);
	} else if (ch != '}') {
		if (!strchr("+-?#%", ch)) {
			sc->bad = true;
			return;
		}
		scan_word(sc, '}', depth + 1);
	}
	report_name(sc, start, len, real);
}

static void scan_double(struct scan *sc, int depth)
{
	while (sc->i < sc->n && !sc->bad) {
		char c = sc->s[sc->i++];

		if (c == '"')
			return;
		if (c == '$')
			scan_dollar(sc, depth);
		else if (c == sc->esc && sc->i < sc->n &&
		         (sc->s[sc->i] == '"' || sc->s[sc->i] == '$' ||
		          sc->s[sc->i] == sc->esc))
			sc->i++;
	}
}

/* processStopOn: up to stop (or the end of the text when stop is 0). */
static void scan_word(struct scan *sc, char stop, int depth)
{
	if (depth > SCAN_MAX_DEPTH) {
		sc->bad = true;
		return;
	}
	while (sc->i < sc->n && !sc->bad) {
		char c = sc->s[sc->i++];

		if (stop && c == stop)
			return;
		if (c == '\'') {
			const char *q = memchr(sc->s + sc->i, '\'', sc->n - sc->i);

			sc->i = q ? (size_t)(q - sc->s) + 1 : sc->n;
		} else if (c == '"') {
			scan_double(sc, depth);
		} else if (c == '$') {
			scan_dollar(sc, depth);
		} else if (c == sc->esc && sc->i < sc->n) {
			sc->i++;
		}
	}
	if (stop)
		sc->bad = true;
}

static void scan_vars(const char *word, char esc, var_fn *fn, void *ud)
{
	struct scan sc;

	if (!word || !strchr(word, '$'))
		return;
	memset(&sc, 0, sizeof sc);
	sc.s = word;
	sc.n = strlen(word);
	sc.esc = esc;
	sc.fn = fn;
	sc.ud = ud;
	scan_word(&sc, 0, 0);
}

/* ---- casing ----------------------------------------------------------- */

void lint_check_stage_name_casing(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t s;

	for (s = 0; s < f->n_stages; s++) {
		const struct lint_instr *in = stage_from(f, s);

		if (in && in->n_args == 3 && !is_lower(in->args[2]))
			lint_report(ctx, in->line, in->col,
			            "Stage name '%s' should be lowercase", in->args[2]);
	}
}

void lint_check_from_as_casing(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t s;

	for (s = 0; s < f->n_stages; s++) {
		const struct lint_instr *in = stage_from(f, s);
		bool lower, upper;

		if (!in || in->n_args < 3 || dt_strcasecmp(in->args[1], "as") != 0)
			continue;
		lower = is_lower(in->keyword);
		upper = is_upper(in->keyword);
		if ((lower && !is_lower(in->args[1])) ||
		    (upper && !lower && !is_upper(in->args[1])))
			lint_report(ctx, in->line, in->col,
			            "'%s' and '%s' keywords' casing do not match",
			            in->args[1], in->keyword);
	}
}

/* A keyword written in capitals is the parser's copy of the name. */
static bool keyword_upper(const struct lint_instr *in)
{
	return in->keyword == lint_instr_name(in->kind) || is_upper(in->keyword);
}

void lint_check_consistent_instruction_casing(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, lower = 0, upper = 0;
	bool majority_lower;

	/* Instructions before the first FROM are not part of a stage. */
	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->stage < 0)
			continue;
		if (is_lower(in->keyword))
			lower++;
		else if (keyword_upper(in))
			upper++;
	}
	majority_lower = lower > upper;
	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->stage < 0)
			continue;
		if (majority_lower ? !is_lower(in->keyword) : !keyword_upper(in))
			lint_report(ctx, in->line, in->col,
			            "Command '%s' should match the case of the command majority (%s)",
			            in->keyword, majority_lower ? "lowercase" : "uppercase");
	}
}

/* ---- instructions ----------------------------------------------------- */

void lint_check_no_empty_continuation(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	for (i = 0; i < f->n_instrs; i++)
		if (f->instrs[i].empty_cont_line > 0)
			lint_report(ctx, f->instrs[i].empty_cont_line, 1,
			            "Empty continuation line");
}

void lint_check_legacy_key_value_format(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_ENV, LINT_LABEL), true, i) {
		const struct lint_instr *in = inner(&f->instrs[i]);

		if (in->kind != LINT_ENV && in->kind != LINT_LABEL)
			continue;
		for (k = 0; k < in->n_pairs; k++) {
			if (in->pairs[k].sep != ' ')
				continue;
			lint_report(ctx, f->instrs[i].line, f->instrs[i].col,
			            "\"%s key=value\" should be used instead of legacy \"%s key value\" format",
			            in->keyword, in->keyword);
			break;
		}
	}
}

/* nat's splitParts: "[ip:]hostPort:containerPort"; true when the ip or the
 * host port is not empty. */
static bool has_host_part(const char *port)
{
	const char *last = strrchr(port, ':'), *second = NULL, *q;

	if (!last)
		return false;
	for (q = port; q < last; q++)
		if (*q == ':')
			second = q;
	if (!second)
		return last != port;
	return second != port || last != second + 1;
}

static void check_expose(struct lint_ctx *ctx, bool format)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_EXPOSE), true, i) {
		const struct lint_instr *top = &f->instrs[i];
		const struct lint_instr *in = inner(top);

		if (in->kind != LINT_EXPOSE)
			continue;
		for (k = 0; k < in->n_args; k++) {
			const char *p = in->args[k];
			const char *slash = strchr(p, '/');

			if (format && has_host_part(p))
				lint_report(ctx, top->line, top->col,
				            "EXPOSE instruction should not define an IP address or host-port mapping, found '%s'",
				            p);
			if (!format && slash && !is_lower(slash + 1))
				lint_report(ctx, top->line, top->col,
				            "Defined protocol '%s' in EXPOSE instruction should be lowercase",
				            p);
		}
	}
}

void lint_check_expose_invalid_format(struct lint_ctx *ctx)
{
	check_expose(ctx, true);
}

void lint_check_expose_proto_casing(struct lint_ctx *ctx)
{
	check_expose(ctx, false);
}

/* ---- FROM and the ARGs before it --------------------------------------- */

/* BuildKit's predefined platform ARGs, with the values of a linux/amd64
 * build for checks that need values. */
static const struct lint_pair platform_args[] = {
	{"BUILDPLATFORM", "linux/amd64", true, '=', 0, 0},
	{"BUILDOS", "linux", true, '=', 0, 0},
	{"BUILDOSVERSION", "", true, '=', 0, 0},
	{"BUILDARCH", "amd64", true, '=', 0, 0},
	{"BUILDVARIANT", "", true, '=', 0, 0},
	{"TARGETPLATFORM", "linux/amd64", true, '=', 0, 0},
	{"TARGETOS", "linux", true, '=', 0, 0},
	{"TARGETOSVERSION", "", true, '=', 0, 0},
	{"TARGETARCH", "amd64", true, '=', 0, 0},
	{"TARGETVARIANT", "", true, '=', 0, 0},
	{"TARGETSTAGE", "", true, '=', 0, 0},
};

#define N_PLATFORM_ARGS (sizeof platform_args / sizeof platform_args[0])

/* The meta ARGs: the pairs of the ARGs before the first FROM. */
struct meta {
	const struct lint_pair **pairs;
	size_t n;
};

static bool meta_read(struct lint_ctx *ctx, struct meta *m)
{
	const struct lint_file *f = ctx->file;
	size_t i, k, n = 0;

	m->n = 0;
	for (i = 0; i < f->n_instrs && f->instrs[i].kind != LINT_FROM; i++)
		if (f->instrs[i].kind == LINT_ARG)
			n += f->instrs[i].n_pairs;
	m->pairs = dt_arena_alloc(ctx->arena, (n + 1) * sizeof *m->pairs);
	if (!m->pairs) {
		ctx->nomem = true;
		return false;
	}
	for (i = 0; i < f->n_instrs && f->instrs[i].kind != LINT_FROM; i++)
		if (f->instrs[i].kind == LINT_ARG)
			for (k = 0; k < f->instrs[i].n_pairs; k++)
				m->pairs[m->n++] = &f->instrs[i].pairs[k];
	return true;
}

struct from_vars {
	struct lint_ctx *ctx;
	const struct lint_instr *from;
	const struct meta *meta;
	const char *seen[16];    /* names reported for this FROM */
	size_t n_seen;
};

static bool from_declared(const struct from_vars *fv, const char *name)
{
	size_t i;

	for (i = 0; i < N_PLATFORM_ARGS; i++)
		if (strcmp(platform_args[i].key, name) == 0)
			return true;
	for (i = 0; i < fv->meta->n; i++)
		if (strcmp(fv->meta->pairs[i]->key, name) == 0)
			return true;
	return false;
}

static void from_var(void *ud, const char *s, size_t n)
{
	struct from_vars *fv = ud;
	const char *name = dt_arena_strndup(fv->ctx->arena, s, n);
	struct suggest sg;
	const char *hint;
	size_t i;

	if (!name) {
		fv->ctx->nomem = true;
		return;
	}
	if (from_declared(fv, name))
		return;
	for (i = 0; i < fv->n_seen; i++)
		if (strcmp(fv->seen[i], name) == 0)
			return;
	if (fv->n_seen < sizeof fv->seen / sizeof fv->seen[0])
		fv->seen[fv->n_seen++] = name;
	suggest_init(&sg, name);
	for (i = 0; i < fv->meta->n; i++)
		suggest_offer(&sg, fv->meta->pairs[i]->key);
	for (i = 0; i < N_PLATFORM_ARGS; i++)
		suggest_offer(&sg, platform_args[i].key);
	hint = suggest_result(&sg);
	lint_report(fv->ctx, fv->from->line, fv->from->col,
	            "FROM argument '%s' is not declared%s%s%s", name,
	            hint ? " (did you mean " : "", hint ? hint : "",
	            hint ? "?)" : "");
}

void lint_check_undefined_arg_in_from(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	struct from_vars fv;
	struct meta m;
	size_t s;

	if (!meta_read(ctx, &m))
		return;
	for (s = 0; s < f->n_stages; s++) {
		memset(&fv, 0, sizeof fv);
		fv.ctx = ctx;
		fv.from = stage_from(f, s);
		fv.meta = &m;
		if (!fv.from)
			continue;
		scan_vars(f->stages[s].image, f->escape, from_var, &fv);
		scan_vars(f->stages[s].platform, f->escape, from_var, &fv);
	}
}

/* ---- image references (distribution/reference's grammar) ------------- */

static bool alnum_lower(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* path-component: [a-z0-9]+ ((\.|_|__|-+)[a-z0-9]+)* */
static bool path_component_ok(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t run = 0;

		while (i < n && alnum_lower(s[i])) {
			i++;
			run++;
		}
		if (run == 0)
			return false;
		if (i == n)
			return true;
		if (s[i] == '.' || (s[i] == '_' && (i + 1 >= n || s[i + 1] != '_')))
			i++;
		else if (s[i] == '_')
			i += 2;
		else if (s[i] == '-')
			while (i < n && s[i] == '-')
				i++;
		else
			return false;
	}
	return false;
}

/* host[:port], host a dotted name of [A-Za-z0-9-] labels or [IPv6]. */
static bool domain_ok(const char *s, size_t n)
{
	const char *colon;
	size_t hn, i;

	if (n > 0 && s[0] == '[') {
		const char *close = memchr(s, ']', n);

		if (!close)
			return false;
		hn = (size_t)(close - s) + 1;
	} else {
		colon = memchr(s, ':', n);
		hn = colon ? (size_t)(colon - s) : n;
		for (i = 0; i < hn; i++) {
			char c = s[i];
			bool edge = i == 0 || i + 1 == hn || s[i - 1] == '.' ||
			            s[i + 1] == '.';

			if (c == '.' ? edge : c == '-' ? edge :
			    !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			      (c >= '0' && c <= '9')))
				return false;
		}
	}
	if (hn == 0)
		return false;
	if (hn == n)
		return true;
	if (s[hn] != ':' || hn + 1 == n)
		return false;
	for (i = hn + 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool tag_ok(const char *t)
{
	size_t i, n = strlen(t);

	if (n == 0 || n > 128 || t[0] == '.' || t[0] == '-')
		return false;
	for (i = 0; i < n; i++)
		if (!(alnum_lower(t[i]) || (t[i] >= 'A' && t[i] <= 'Z') ||
		      t[i] == '_' || t[i] == '.' || t[i] == '-'))
			return false;
	return true;
}

static bool digest_ok(const char *d)
{
	const char *colon = strchr(d, ':');
	size_t i, hex;

	if (!colon || colon == d)
		return false;
	for (i = 0; d + i < colon; i++)
		if (!((d[i] >= 'a' && d[i] <= 'z') || (d[i] >= 'A' && d[i] <= 'Z') ||
		      (i > 0 && ((d[i] >= '0' && d[i] <= '9') || strchr("+.-_", d[i])))))
			return false;
	hex = strspn(colon + 1, "0123456789abcdefABCDEF");
	return hex >= 32 && colon[1 + hex] == '\0';
}

static bool first_is_domain(const char *s, size_t n)
{
	size_t i;

	if (n == 9 && strncmp(s, "localhost", 9) == 0)
		return true;
	for (i = 0; i < n; i++)
		if (s[i] == '.' || s[i] == ':' || (s[i] >= 'A' && s[i] <= 'Z'))
			return true;
	return false;
}

/* reference.ParseNormalizedNamed accepts ref. */
static bool image_ref_ok(struct dt_arena *arena, const char *ref)
{
	char *buf = dt_arena_strdup(arena, ref), *at, *slash, *colon, *p;
	size_t name_len;

	if (!buf || !*buf || strspn(buf, "0123456789abcdef") == 64)
		return false;
	if ((at = strchr(buf, '@')) != NULL) {
		*at = '\0';
		if (!digest_ok(at + 1))
			return false;
	}
	slash = strrchr(buf, '/');
	colon = strrchr(slash ? slash : buf, ':');
	if (colon) {
		*colon = '\0';
		if (!tag_ok(colon + 1))
			return false;
	}
	name_len = strlen(buf);
	if (name_len == 0 || name_len > 255)
		return false;
	p = buf;
	slash = strchr(p, '/');
	if (slash && first_is_domain(p, (size_t)(slash - p))) {
		if (!domain_ok(p, (size_t)(slash - p)))
			return false;
		p = slash + 1;
	}
	while ((slash = strchr(p, '/')) != NULL) {
		if (!path_component_ok(p, (size_t)(slash - p)))
			return false;
		p = slash + 1;
	}
	return path_component_ok(p, strlen(p));
}

void lint_check_invalid_default_arg_in_from(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	struct lint_pair *env;
	struct meta m;
	size_t i, n, s;

	if (!meta_read(ctx, &m))
		return;
	env = dt_arena_alloc(ctx->arena, (N_PLATFORM_ARGS + m.n + 1) * sizeof *env);
	if (!env) {
		ctx->nomem = true;
		return;
	}
	memcpy(env, platform_args, sizeof platform_args);
	n = N_PLATFORM_ARGS;
	for (i = 0; i < m.n; i++) {
		/* Defaults see the ARGs declared before them. */
		env[n] = *m.pairs[i];
		if (env[n].has_value &&
		    !(env[n].value = lint_expand(ctx->arena, env[n].value, env, n))) {
			ctx->nomem = true;
			return;
		}
		n++;
	}
	for (s = 0; s < f->n_stages; s++) {
		const char *img = f->stages[s].image, *res;
		const struct lint_instr *from = stage_from(f, s);

		if (!from || !img || !strchr(img, '$'))
			continue;
		if (!(res = lint_expand(ctx->arena, img, env, n))) {
			ctx->nomem = true;
			return;
		}
		if (!image_ref_ok(ctx->arena, res))
			lint_report(ctx, from->line, from->col,
			            "Default value for ARG %s results in empty or invalid base image name",
			            img);
	}
}

/* ---- UndefinedVar ------------------------------------------------------ */

/* Every ENV and ARG name, by stage: the index of its first definition. */
struct def {
	const char *name;
	int stage;
	size_t index;
	struct def *next_in_stage;   /* this stage's names, for suggestions */
};

struct defs {
	struct def **slots;
	size_t mask;
	struct def **stage_names;    /* per stage: its names, newest first */
	int *parent;                 /* per stage */
	bool *plain;                 /* per stage: base env is PATH only */
};

static size_t hash(const char *s, int stage)
{
	size_t h = 2166136261u ^ (size_t)(unsigned)stage;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct def *def_find(const struct defs *d, const char *name, int stage)
{
	size_t i = hash(name, stage) & d->mask;

	for (; d->slots[i]; i = (i + 1) & d->mask)
		if (d->slots[i]->stage == stage && strcmp(d->slots[i]->name, name) == 0)
			return d->slots[i];
	return NULL;
}

static bool def_add(struct dt_arena *arena, struct defs *d, const char *name,
                    int stage, size_t index)
{
	struct def *e;
	size_t i;

	if (def_find(d, name, stage))
		return true;
	if (!(e = dt_arena_alloc(arena, sizeof *e)))
		return false;
	e->name = name;
	e->stage = stage;
	e->index = index;
	e->next_in_stage = d->stage_names[stage];
	d->stage_names[stage] = e;
	for (i = hash(name, stage) & d->mask; d->slots[i]; i = (i + 1) & d->mask)
		;
	d->slots[i] = e;
	return true;
}

/* Base images whose configuration sets no variable but PATH. */
static bool plain_image(const char *img)
{
	static const char *const plain[] = {
		"scratch", "alpine", "busybox", "debian", "ubuntu",
	};
	size_t i, n;

	if (dt_str_has_prefix(img, "docker.io/"))
		img += 10;
	if (dt_str_has_prefix(img, "library/"))
		img += 8;
	n = strcspn(img, ":@");
	for (i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (strlen(plain[i]) == n && strncmp(img, plain[i], n) == 0)
			return true;
	return false;
}

static size_t count_defs(const struct lint_file *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->n_instrs; i++)
		if (f->instrs[i].kind == LINT_ENV || f->instrs[i].kind == LINT_ARG)
			n += f->instrs[i].n_pairs;
	return n;
}

static bool defs_build(struct lint_ctx *ctx, struct defs *d)
{
	const struct lint_file *f = ctx->file;
	size_t size = 16, i, k, s;

	while (size < 2 * count_defs(f) + 2)
		size *= 2;
	d->mask = size - 1;
	d->slots = dt_arena_alloc(ctx->arena, size * sizeof *d->slots);
	d->stage_names = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof *d->stage_names);
	d->parent = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof *d->parent);
	d->plain = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof *d->plain);
	if (!d->slots || !d->stage_names || !d->parent || !d->plain)
		return false;
	for (s = 0; s < f->n_stages; s++) {
		d->parent[s] = lint_stage_parent(f, s);
		d->plain[s] = d->parent[s] >= 0 ? d->plain[d->parent[s]]
		                                : plain_image(lint_stage_image(&f->stages[s]));
		for (i = f->stages[s].from; i < f->stages[s].end && i < f->n_instrs; i++) {
			const struct lint_instr *in = &f->instrs[i];

			if (in->kind != LINT_ENV && in->kind != LINT_ARG)
				continue;
			for (k = 0; k < in->n_pairs; k++)
				if (!def_add(ctx->arena, d, in->pairs[k].key, (int)s, i))
					return false;
		}
	}
	return true;
}

struct use {
	struct lint_ctx *ctx;
	const struct defs *defs;
	const struct lint_instr *in;
	int stage;
	size_t index;
	const struct lint_pair *same;  /* ARG: its earlier pairs count */
	size_t n_same;
	const char *seen[16];          /* names reported for this instruction */
	size_t n_seen;
};

/* Defined before instruction index of the stage, or anywhere in a stage
 * it builds on.  A chain too long to follow counts as defined. */
static bool defined(const struct use *u, const char *name)
{
	int s = u->stage;
	size_t hops = 0, i;
	struct def *e;

	if (strcmp(name, "PATH") == 0)
		return true;
	for (i = 0; i < u->n_same; i++)
		if (strcmp(u->same[i].key, name) == 0)
			return true;
	if ((e = def_find(u->defs, name, s)) != NULL && e->index < u->index)
		return true;
	while ((s = u->defs->parent[s]) >= 0) {
		if (++hops > UNDEF_MAX_CHAIN || def_find(u->defs, name, s))
			return true;
	}
	return false;
}

/* The defined name closest to name.  With the base image's variables
 * unknown only the Dockerfile's own names are offered: any image has a
 * PATH, and GOPATH is two edits away from it. */
static const char *var_hint(const struct use *u, const char *name)
{
	struct suggest sg;
	const struct def *e;
	size_t hops = 0, i;
	int s = u->stage;

	suggest_init(&sg, name);
	for (i = 0; i < u->n_same; i++)
		suggest_offer(&sg, u->same[i].key);
	for (e = u->defs->stage_names[s]; e; e = e->next_in_stage)
		if (e->index < u->index)
			suggest_offer(&sg, e->name);
	while ((s = u->defs->parent[s]) >= 0 && hops++ < UNDEF_MAX_CHAIN)
		for (e = u->defs->stage_names[s]; e; e = e->next_in_stage)
			suggest_offer(&sg, e->name);
	if (u->defs->plain[u->stage])
		suggest_offer(&sg, "PATH");
	return suggest_result(&sg);
}

static void use_var(void *ud, const char *s, size_t n)
{
	struct use *u = ud;
	const char *name = dt_arena_strndup(u->ctx->arena, s, n), *hint;
	size_t i;

	if (!name) {
		u->ctx->nomem = true;
		return;
	}
	if (defined(u, name) || dt_str_has_prefix(name, "BUILDKIT_SBOM_SCAN_"))
		return;
	for (i = 0; i < u->n_seen; i++)
		if (strcmp(u->seen[i], name) == 0)
			return;
	if (u->n_seen < sizeof u->seen / sizeof u->seen[0])
		u->seen[u->n_seen++] = name;
	hint = var_hint(u, name);
	/* The base image may set it; only a likely typo is reported. */
	if (!hint && !u->defs->plain[u->stage])
		return;
	lint_report(u->ctx, u->in->line, u->in->col,
	            "Usage of undefined variable '$%s'%s%s%s", name,
	            hint ? " (did you mean $" : "", hint ? hint : "",
	            hint ? "?)" : "");
}

/* The flags BuildKit expands on COPY and ADD. */
static void use_flags(struct use *u, char esc)
{
	static const char *const expanded[] = {"chown", "chmod", "checksum"};
	size_t i, k;

	for (i = 0; i < u->in->n_flags; i++)
		for (k = 0; k < sizeof expanded / sizeof expanded[0]; k++)
			if (strcmp(u->in->flags[i].name, expanded[k]) == 0)
				scan_vars(u->in->flags[i].value, esc, use_var, u);
}

static void use_instr(struct use *u, char esc)
{
	const struct lint_instr *in = u->in;
	size_t k;

	switch (in->kind) {
	case LINT_ARG:
		/* Each default is expanded after the pairs before it are set. */
		for (k = 0; k < in->n_pairs && k < in->n_nodes; k++) {
			const char *eq = strchr(in->nodes[k], '=');

			u->same = in->pairs;
			u->n_same = k;
			if (eq)
				scan_vars(eq + 1, esc, use_var, u);
		}
		u->n_same = 0;
		break;
	case LINT_COPY: case LINT_ADD:
		use_flags(u, esc);
		/* fall through */
	case LINT_ENV: case LINT_LABEL: case LINT_WORKDIR: case LINT_USER:
	case LINT_VOLUME: case LINT_STOPSIGNAL:
		for (k = 0; k < in->n_nodes; k++)
			scan_vars(in->nodes[k], esc, use_var, u);
		/* COPY <<EOF bodies are expanded unless the delimiter is
		 * quoted (only COPY and ADD carry heredocs here). */
		for (k = 0; k < in->n_heredocs; k++)
			if (!in->heredocs[k].quoted)
				scan_vars(in->heredocs[k].body, esc, use_var, u);
		break;
	default:
		break;
	}
}

void lint_check_undefined_var(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	struct defs d;
	struct use u;
	size_t s, i;

	memset(&d, 0, sizeof d);
	if (!defs_build(ctx, &d)) {
		ctx->nomem = true;
		return;
	}
	u.ctx = ctx;
	u.defs = &d;
	for (s = 0; s < f->n_stages && !ctx->nomem; s++) {
		for (i = f->stages[s].from + 1; i < f->stages[s].end && i < f->n_instrs; i++) {
			u.in = &f->instrs[i];
			u.stage = (int)s;
			u.index = i;
			u.same = NULL;
			u.n_same = 0;
			u.n_seen = 0;
			use_instr(&u, f->escape);
		}
	}
}

/* ---- descriptions (experimental) --------------------------------------- */

/* The comment on the line right above line, NULL when there is none. */
static const char *comment_above(const struct lint_file *f, int line)
{
	size_t lo = 0, hi = f->n_comments;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->comments[mid].line < line - 1)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->n_comments && f->comments[lo].line == line - 1)
		return f->comments[lo].text;
	return NULL;
}

static bool describes(const char *comment, const char *key)
{
	size_t n = strlen(key);

	return strncmp(comment, key, n) == 0 &&
	       (comment[n] == ' ' || comment[n] == '\0');
}

static void check_description(struct lint_ctx *ctx, const struct lint_instr *in,
                              const char *what, const char **keys, size_t n)
{
	const char *c = comment_above(ctx->file, in->line);
	size_t i;

	if (!c || n == 0 || dt_str_has_prefix(c, "hadolint "))
		return;
	for (i = 0; i < n; i++)
		if (describes(c, keys[i]))
			return;
	lint_report(ctx, in->line, in->col,
	            "Comment for %s should follow the format: `# %s <description>`",
	            what, n > 1 ? "<arg_key>" : keys[0]);
}

void lint_check_invalid_definition_description(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	const char *keys[8];
	size_t i, k;

	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->kind == LINT_FROM && in->n_args == 3) {
			check_description(ctx, in, "FROM", &in->args[2], 1);
		} else if (in->kind == LINT_ARG) {
			for (k = 0; k < in->n_pairs && k < sizeof keys / sizeof keys[0]; k++)
				keys[k] = in->pairs[k].key;
			check_description(ctx, in, "ARG", keys, k);
		}
	}
}
