/* The linter's driver: the rule table, running every rule that is switched
 * on over a parsed file, and turning what rules report into sorted,
 * configured findings.
 *
 * Design: rules only say what and where (lint_report); severities from the
 * configuration, ignore pragmas, BuildKit's check= directive and sorting
 * are applied here, once, so no rule has to know about them.  A rule whose
 * configured severity is "ignore" is not run at all.  Findings collect in
 * a growing array and move into the result's arena at the end, so a
 * result is freed with its arena and its parse. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

static const struct lint_rule_info table[] = {
#define LINT_RULE(id, group, sev, fn, msg, expl, lesson) \
	{ #id, LINT_GROUP_##group, LINT_SEV_##sev, msg, expl, lesson },
#include "rules.def"
#undef LINT_RULE
};

typedef void check_fn(struct lint_ctx *ctx);

static check_fn *const checks[] = {
#define LINT_RULE(id, group, sev, fn, msg, expl, lesson) lint_check_##fn,
#include "rules.def"
#undef LINT_RULE
};

#define N_RULES (sizeof table / sizeof table[0])

/* Other names of rules: BuildKit's names for checks a hadolint rule makes. */
static const struct {
	const char *name;
	const char *rule;
} aliases[] = {
#define LINT_RULE(id, group, sev, fn, msg, expl, lesson)
#define LINT_ALIAS(name, rule) { #name, #rule },
#include "rules.def"
#undef LINT_ALIAS
#undef LINT_RULE
	{NULL, NULL},
};

static const char *const severity_names[] = {
	"error", "warning", "info", "style", "ignore", "none",
};

const char *lint_severity_name(enum lint_severity sev)
{
	if ((unsigned)sev >= sizeof severity_names / sizeof severity_names[0])
		return "unknown";
	return severity_names[sev];
}

bool lint_severity_parse(const char *s, enum lint_severity *out)
{
	size_t i;

	for (i = 0; i < sizeof severity_names / sizeof severity_names[0]; i++) {
		if (dt_strcasecmp(s, severity_names[i]) == 0) {
			*out = (enum lint_severity)i;
			return true;
		}
	}
	return false;
}

const struct lint_rule_info *lint_rules(size_t *n)
{
	*n = N_RULES;
	return table;
}

const struct lint_rule_info *lint_rule_find(const char *id)
{
	size_t i;

	for (i = 0; i < N_RULES; i++)
		if (strcmp(table[i].id, id) == 0)
			return &table[i];
	return NULL;
}

static bool is_shellcheck_id(const char *id)
{
	size_t i;

	if (id[0] != 'S' || id[1] != 'C' || !id[2])
		return false;
	for (i = 2; id[i]; i++)
		if (id[i] < '0' || id[i] > '9')
			return false;
	return i <= 6;
}

bool lint_rule_id_is_known(const char *id)
{
	return lint_rule_canonical(id) != NULL || is_shellcheck_id(id);
}

bool lint_rule_matches(const char *name, const char *rule)
{
	size_t i;

	if (strcmp(name, rule) == 0)
		return true;
	for (i = 0; aliases[i].name; i++)
		if (strcmp(aliases[i].name, name) == 0 && strcmp(aliases[i].rule, rule) == 0)
			return true;
	return false;
}

const char *lint_rule_alias(const char *id, size_t n)
{
	size_t i;

	for (i = 0; aliases[i].name; i++)
		if (strcmp(aliases[i].rule, id) == 0 && n-- == 0)
			return aliases[i].name;
	return NULL;
}

const char *lint_rule_canonical(const char *name)
{
	const struct lint_rule_info *r = lint_rule_find(name);
	size_t i;

	if (r)
		return r->id;
	for (i = 0; aliases[i].name; i++)
		if (strcmp(aliases[i].name, name) == 0)
			return aliases[i].rule;
	return NULL;
}

/* BuildKit check names become the docs page's slug: StageNameCasing ->
 * stage-name-casing. */
static void kebab(const char *id, char *buf, size_t size)
{
	size_t k = 0;

	for (; *id && k + 2 < size; id++) {
		if (*id >= 'A' && *id <= 'Z') {
			if (k > 0)
				buf[k++] = '-';
			buf[k++] = (char)(*id - 'A' + 'a');
		} else {
			buf[k++] = *id;
		}
	}
	buf[k] = '\0';
}

const char *lint_rule_url(const char *id, char *buf, size_t size)
{
	const struct lint_rule_info *r = lint_rule_find(id);
	char slug[96];

	if (is_shellcheck_id(id) &&
	    dt_snprintf(buf, size, "https://www.shellcheck.net/wiki/%s", id))
		return buf;
	if (r && r->group == LINT_GROUP_BUILDKIT) {
		kebab(id, slug, sizeof slug);
		if (dt_snprintf(buf, size,
		                "https://docs.docker.com/reference/build-checks/%s/",
		                slug))
			return buf;
	}
	if (r && r->group == LINT_GROUP_HADOLINT &&
	    dt_snprintf(buf, size, "https://github.com/hadolint/hadolint/wiki/%s",
	                id))
		return buf;
	return "https://github.com/hadolint/hadolint#rules";
}

/* ---- reporting --------------------------------------------------------- */

static bool make_room(struct lint_ctx *ctx)
{
	size_t cap = ctx->cap_findings ? ctx->cap_findings * 2 : 64;
	struct lint_finding *p;
	int *q;

	if (ctx->n_findings < ctx->cap_findings)
		return true;
	p = dt_realloc(ctx->findings, cap * sizeof *p);
	if (p)
		ctx->findings = p;
	q = p ? dt_realloc(ctx->rule_of, cap * sizeof *q) : NULL;
	if (!q)
		return false;
	ctx->rule_of = q;
	ctx->cap_findings = cap;
	return true;
}

static void push(struct lint_ctx *ctx, int index, const char *rule,
                 enum lint_severity sev, int line, int col, const char *msg)
{
	struct lint_finding *f;

	if (ctx->nomem)
		return;
	if (!msg || !make_room(ctx)) {
		ctx->nomem = true;
		return;
	}
	ctx->rule_of[ctx->n_findings] = index;
	f = &ctx->findings[ctx->n_findings++];
	f->rule = rule;
	f->severity = sev;
	f->line = line > 0 ? line : 1;
	f->col = col > 0 ? col : 1;
	f->message = msg;
}

void lint_report(struct lint_ctx *ctx, int line, int col, const char *fmt, ...)
{
	const char *msg = ctx->rule->message;

	if (fmt) {
		struct dt_buf b;
		va_list ap;

		dt_buf_init(&b);
		va_start(ap, fmt);
		dt_buf_vprintf(&b, fmt, ap);
		va_end(ap);
		msg = b.failed ? NULL : dt_arena_strdup(ctx->arena, b.data ? b.data : "");
		dt_buf_fini(&b);
	}
	push(ctx, ctx->rule_index, ctx->rule->id, ctx->rule->severity, line, col,
	     msg);
}

void lint_report_as(struct lint_ctx *ctx, const char *rule,
                    enum lint_severity sev, int line, int col,
                    const char *msg)
{
	const char *r = dt_arena_strdup(ctx->arena, rule);

	push(ctx, -1, r ? r : rule, sev, line, col,
	     r ? dt_arena_strdup(ctx->arena, msg) : NULL);
}

/* ---- configuration ------------------------------------------------------- */

static enum lint_severity configured(const struct lint_config *cfg,
                                     const char *rule, enum lint_severity sev)
{
	size_t i;

	for (i = 0; i < cfg->n_ignored; i++)
		if (lint_rule_matches(cfg->ignored[i], rule))
			return LINT_SEV_IGNORE;
	for (i = cfg->n_overrides; i-- > 0;)
		if (lint_rule_matches(cfg->overrides[i].rule, rule))
			return cfg->overrides[i].severity;
	return sev;
}

/* A table rule's severity after the configuration and # check=error;
 * with only_hadolint, the rules hadolint does not have are off. */
static enum lint_severity rule_severity(const struct lint_ctx *ctx,
                                        const struct lint_pragmas *p,
                                        const struct lint_rule_info *r)
{
	enum lint_severity sev;

	if (ctx->cfg->only_hadolint && r->group != LINT_GROUP_HADOLINT &&
	    r->group != LINT_GROUP_SHELLCHECK)
		return LINT_SEV_IGNORE;
	/* Most runs configure nothing: the table's severity, without a call. */
	sev = ctx->cfg->n_ignored || ctx->cfg->n_overrides
	      ? configured(ctx->cfg, r->id, r->severity) : r->severity;
	if (sev != LINT_SEV_IGNORE && r->group == LINT_GROUP_BUILDKIT &&
	    lint_pragmas_check_error(p))
		sev = LINT_SEV_ERROR;
	return sev;
}

/* ---- shells ------------------------------------------------------------ */

static bool is_windows_image(const char *image)
{
	return image && (dt_str_has_prefix(image, "mcr.microsoft.com/windows") ||
	                 strstr(image, "nanoserver") ||
	                 strstr(image, "servercore"));
}

static bool shell_has_pipefail(const struct lint_instr *in)
{
	size_t i;

	for (i = 0; i < in->n_args; i++) {
		const char *a = in->args[i];

		if (a[0] == '-' && strstr(a, "pipefail"))
			return true;
		if (strcmp(a, "pipefail") == 0 && i > 0 && in->args[i - 1][0] == '-' &&
		    strchr(in->args[i - 1], 'o'))
			return true;
	}
	return false;
}

struct shell_state {
	bool posix, pipefail;
};

static bool shells_build(struct lint_ctx *ctx, const struct lint_pragmas *p)
{
	const struct lint_file *f = ctx->file;
	struct shell_state cur = {true, false};
	struct shell_state *ends;
	size_t i;

	ctx->posix = dt_arena_alloc(ctx->arena, (f->n_instrs + 1) * sizeof(bool));
	ctx->pipefail_shell = dt_arena_alloc(ctx->arena,
	                                     (f->n_instrs + 1) * sizeof(bool));
	ends = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof *ends);
	if (!ctx->posix || !ctx->pipefail_shell || !ends)
		return false;
	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];
		const char *pragma = lint_pragmas_shell(p, i);

		if (in->kind == LINT_FROM && in->stage >= 0 &&
		    (size_t)in->stage < f->n_stages) {
			size_t s = (size_t)in->stage;
			int parent = lint_stage_parent(f, s);

			if (s > 0)
				ends[s - 1] = cur;
			cur.posix = !is_windows_image(f->stages[s].image_resolved);
			cur.pipefail = false;
			if (parent >= 0)
				cur = ends[parent];
		} else if (in->kind == LINT_SHELL && in->n_args > 0) {
			cur.posix = lint_shell_is_posix(in->args[0]);
			cur.pipefail = shell_has_pipefail(in);
		}
		if (in->stage >= 0 && (size_t)in->stage < f->n_stages)
			ends[in->stage] = cur;
		ctx->posix[i] = cur.posix && (!pragma || lint_shell_is_posix(pragma));
		ctx->pipefail_shell[i] = cur.pipefail;
	}
	return true;
}

/* ---- running ------------------------------------------------------------- */

static int finding_cmp(const void *a, const void *b)
{
	const struct lint_finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

static void run_rules(struct lint_ctx *ctx, const struct lint_pragmas *p)
{
	size_t i;

	for (i = 0; i < N_RULES && !ctx->nomem; i++) {
		ctx->severity[i] = rule_severity(ctx, p, &table[i]);
		if (ctx->severity[i] == LINT_SEV_IGNORE)
			continue;
		ctx->rule = &table[i];
		ctx->rule_index = (int)i;
		checks[i](ctx);
	}
}

/* Applies severities and pragmas, drops what is switched off, sorts, and
 * moves the findings into the result. */
static bool finish(struct lint_ctx *ctx, const struct lint_pragmas *p,
                   struct lint_result *res)
{
	size_t i, k = 0;

	for (i = 0; i < ctx->n_findings; i++) {
		struct lint_finding f = ctx->findings[i];
		int r = ctx->rule_of[i];

		f.severity = r >= 0 ? ctx->severity[r]
		                    : configured(ctx->cfg, f.rule, f.severity);
		if (f.severity == LINT_SEV_IGNORE || f.severity == LINT_SEV_NONE)
			continue;
		if (lint_pragmas_ignore(p, ctx->file, f.rule, f.line,
		                        !ctx->cfg->disable_ignore_pragma,
		                        !ctx->cfg->only_hadolint))
			continue;
		ctx->findings[k++] = f;
	}
	if (k > 1)
		qsort(ctx->findings, k, sizeof *ctx->findings, finding_cmp);
	res->findings = dt_arena_alloc(&res->arena, (k + 1) * sizeof *res->findings);
	if (!res->findings)
		return false;
	if (k)
		memcpy(res->findings, ctx->findings, k * sizeof *res->findings);
	res->n_findings = k;
	return true;
}

static enum dt_status lint_file_rules(struct lint_result *res,
                                      const struct lint_config *cfg,
                                      struct dt_error *err)
{
	struct lint_ctx ctx;
	struct lint_pragmas *p;
	bool ok;

	memset(&ctx, 0, sizeof ctx);
	ctx.file = res->file;
	ctx.cfg = cfg;
	ctx.arena = &res->arena;
	p = lint_pragmas_read(res->file, ctx.arena);
	ctx.severity = dt_arena_alloc(ctx.arena, N_RULES * sizeof *ctx.severity);
	ok = p && ctx.severity && lint_kinds_index(&ctx) &&
	     lint_stages_index(&ctx) && shells_build(&ctx, p) &&
	     lint_runs_build(&ctx);
	if (ok) {
		run_rules(&ctx, p);
		ok = !ctx.nomem && finish(&ctx, p, res);
	}
	lint_stages_done();
	dt_free(ctx.findings);
	dt_free(ctx.rule_of);
	if (!ok)
		return dt_error_set(err, DT_ERR_NOMEM, res->file->path, 0, 0,
		                    "out of memory while linting");
	return DT_OK;
}

enum dt_status lint_run(const char *path, const char *data, size_t len,
                        const struct lint_config *cfg,
                        struct lint_result **out, struct dt_error *err)
{
	struct lint_config defaults;
	struct lint_result *res;
	enum dt_status rc;

	*out = NULL;
	if (!cfg) {
		lint_config_init(&defaults);
		cfg = &defaults;
	}
	res = dt_calloc(1, sizeof *res);
	if (!res)
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
		                    "out of memory while linting");
	dt_arena_init(&res->arena);
	rc = lint_parse(path, data, len, &res->file, err);
	if (rc == DT_OK)
		rc = lint_file_rules(res, cfg, err);
	if (rc != DT_OK) {
		lint_result_free(res);
		return rc;
	}
	*out = res;
	return DT_OK;
}

void lint_result_free(struct lint_result *result)
{
	if (!result)
		return;
	lint_file_free(result->file);
	dt_arena_fini(&result->arena);
	dt_free(result);
}

bool lint_result_fails(const struct lint_result *result,
                       const struct lint_config *cfg)
{
	size_t i;

	if (cfg->no_fail)
		return false;
	if (result->file && result->file->n_errors > 0)
		return true;
	if (cfg->failure_threshold >= LINT_SEV_IGNORE)
		return false;
	for (i = 0; i < result->n_findings; i++)
		if (result->findings[i].severity <= cfg->failure_threshold)
			return true;
	return false;
}
