/* Running an exercise's checks on a Dockerfile: lint it once, hand the
 * parse and findings to each check function, collect the results in one
 * report.
 *
 * The linter runs with a configuration of its own, not the learner's
 * .hadolint.yaml: ShellCheck off, so a result does not depend on what is
 * installed; ignore pragmas off, so "# hadolint ignore=DL3025" cannot pass
 * a check; and the rules a check names that are off by default (DL3057,
 * say) switched on, but hidden from the findings the learner sees. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "exercise_int.h"

static check_fn *const check_fns[] = {
#define EXERCISE_CHECK_FN(kind, fn) [kind] = check_##fn,
	EXERCISE_CHECK_LIST(EXERCISE_CHECK_FN)
#undef EXERCISE_CHECK_FN
};

#define N_KINDS (sizeof check_fns / sizeof check_fns[0])

_Static_assert(N_KINDS == COURSE_CHECK_COUNT,
               "every check kind of course.h needs a check function");

static const char *const status_names[] = {
#define EXERCISE_STATUS_NAME(code, text) [code] = text,
	EXERCISE_STATUS_LIST(EXERCISE_STATUS_NAME)
#undef EXERCISE_STATUS_NAME
};

const char *exercise_status_name(enum exercise_status status)
{
	if ((unsigned)status >= sizeof status_names / sizeof status_names[0])
		return "unknown";
	return status_names[status];
}

void check_set(struct check_ctx *ctx, struct exercise_result *res,
               bool passed, int line, const char *fmt, ...)
{
	struct dt_buf buf;
	va_list ap;

	res->passed = passed;
	res->line = line;
	dt_buf_init(&buf);
	va_start(ap, fmt);
	dt_buf_vprintf(&buf, fmt, ap);
	va_end(ap);
	res->message = buf.failed ? NULL
	                          : dt_arena_strdup(ctx->arena, buf.data);
	if (!res->message)
		ctx->nomem = true;
	dt_buf_fini(&buf);
}

#define QUOTE_MAX     60    /* columns of Dockerfile text in a message */
#define SENTENCE_MAX  160   /* columns of a rule's message in a message */

/* s cut to max columns on a character boundary (with "..." when cut),
 * without a final period when drop_period; in ctx->arena. */
static const char *cut(struct check_ctx *ctx, const char *s, size_t max,
                       bool drop_period)
{
	size_t n = 0, cols = 0, len = strlen(s);
	const char *q;

	if (drop_period && len > 0 && s[len - 1] == '.')
		len--;
	while (n < len && cols < max) {
		uint32_t cp;
		size_t k = dt_utf8_decode(s + n, len - n, &cp);

		n += k ? k : 1;
		cols++;
	}
	q = dt_arena_printf(ctx->arena, "%.*s%s", (int)n, s,
	                    n < len ? "..." : "");
	if (!q) {
		ctx->nomem = true;
		return "";
	}
	return q;
}

const char *check_quote(struct check_ctx *ctx, const char *s)
{
	return cut(ctx, s, QUOTE_MAX, false);
}

const char *check_sentence(struct check_ctx *ctx, const char *s)
{
	return cut(ctx, s, SENTENCE_MAX, true);
}

const char *check_join(struct check_ctx *ctx, const char *const *list,
                       size_t n, bool code)
{
	struct dt_buf buf;
	const char *s;
	size_t i;

	dt_buf_init(&buf);
	for (i = 0; i < n; i++) {
		if (i > 0)
			dt_buf_puts(&buf, i + 1 == n ? " and " : ", ");
		dt_buf_printf(&buf, code ? "`%s`" : "%s",
		              code ? check_quote(ctx, list[i]) : list[i]);
	}
	s = buf.failed ? NULL : dt_arena_strdup(ctx->arena, buf.data ? buf.data
	                                                             : "");
	dt_buf_fini(&buf);
	if (!s) {
		ctx->nomem = true;
		return "";
	}
	return s;
}

/* Switches on the rules forbid_rule and require_rule name that are off by
 * default, so they can fire; they stay hidden from the learner's list. */
static enum dt_status enable_named_rules(struct lint_config *cfg,
                                         struct dt_arena *arena,
                                         const struct course_check *checks,
                                         size_t n, struct dt_error *err)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (checks[i].kind != COURSE_CHECK_FORBID_RULE &&
		    checks[i].kind != COURSE_CHECK_REQUIRE_RULE)
			continue;
		for (j = 0; j < checks[i].n_list; j++) {
			const struct lint_rule_info *r =
				lint_rule_find(checks[i].list[j]);
			enum dt_status rc;

			if (!r || r->severity != LINT_SEV_IGNORE)
				continue;
			rc = lint_config_override(cfg, arena, r->id,
			                          LINT_SEV_INFO, err);
			if (rc != DT_OK)
				return rc;
		}
	}
	return DT_OK;
}

static bool is_hidden(const struct lint_finding *f)
{
	const struct lint_rule_info *r = lint_rule_find(f->rule);

	return r && r->severity == LINT_SEV_IGNORE;
}

static bool collect_findings(struct exercise_report *rep)
{
	const struct lint_result *lr = rep->lint;
	size_t i;

	if (lr->n_findings == 0)
		return true;
	rep->findings = dt_arena_alloc(&rep->arena,
	                               lr->n_findings * sizeof *rep->findings);
	if (!rep->findings)
		return false;
	for (i = 0; i < lr->n_findings; i++)
		if (!is_hidden(&lr->findings[i]))
			rep->findings[rep->n_findings++] = &lr->findings[i];
	return true;
}

static enum dt_status lint_target(struct exercise_report *rep,
                                  const struct course_check *checks,
                                  size_t n, const char *data, size_t len,
                                  struct dt_error *err)
{
	struct lint_config cfg;
	enum dt_status rc;

	lint_config_init(&cfg);
	cfg.shellcheck = false;
	cfg.disable_ignore_pragma = true;
	rc = enable_named_rules(&cfg, &rep->arena, checks, n, err);
	if (rc == DT_OK)
		rc = lint_run(rep->target, data, len, &cfg, &rep->lint, err);
	if (rc == DT_OK && !collect_findings(rep))
		rc = dt_error_set(err, DT_ERR_NOMEM, rep->target, 0, 0,
		                  "out of memory checking the file");
	return rc;
}

static void run_checks(struct exercise_report *rep, struct check_ctx *ctx,
                       const struct course_check *checks, size_t n)
{
	size_t i;

	for (i = 0; i < n && !ctx->nomem; i++) {
		struct exercise_result *res = &rep->results[i];

		res->check = &checks[i];
		res->file = rep->target;
		if ((unsigned)checks[i].kind < N_KINDS &&
		    check_fns[checks[i].kind])
			check_fns[checks[i].kind](ctx, &checks[i], res);
		else
			check_set(ctx, res, false, 0, "This check is unknown to "
			          "this version of dockertutor.");
		if (res->passed)
			rep->n_passed++;
	}
}

/* A report with room for n results; NULL when out of memory. */
static struct exercise_report *report_new(const char *target, size_t n)
{
	struct exercise_report *rep = dt_calloc(1, sizeof *rep);

	if (!rep)
		return NULL;
	dt_arena_init(&rep->arena);
	rep->target = dt_arena_strdup(&rep->arena, target);
	rep->results = dt_arena_alloc(&rep->arena,
	                              (n ? n : 1) * sizeof *rep->results);
	rep->n_results = n;
	if (!rep->target || !rep->results) {
		exercise_report_free(rep);
		return NULL;
	}
	return rep;
}

enum dt_status exercise_check_data(const struct course_check *checks,
                                   size_t n_checks, const char *target,
                                   const char *data, size_t len,
                                   const char *ws,
                                   struct exercise_report **out,
                                   struct dt_error *err)
{
	struct exercise_report *rep = report_new(target, n_checks);
	struct check_ctx ctx = {0};
	enum dt_status rc;

	*out = NULL;
	if (!rep)
		return dt_error_set(err, DT_ERR_NOMEM, target, 0, 0,
		                    "out of memory checking the file");
	rc = lint_target(rep, checks, n_checks, data, len, err);
	if (rc != DT_OK) {
		exercise_report_free(rep);
		return rc;
	}
	ctx.arena = &rep->arena;
	ctx.file = rep->lint->file;
	ctx.findings = rep->findings;
	ctx.n_findings = rep->n_findings;
	ctx.all = rep->lint->findings;
	ctx.n_all = rep->lint->n_findings;
	ctx.target = rep->target;
	ctx.ws = ws;
	run_checks(rep, &ctx, checks, n_checks);
	if (ctx.nomem) {
		exercise_report_free(rep);
		return dt_error_set(err, DT_ERR_NOMEM, target, 0, 0,
		                    "out of memory checking the file");
	}
	*out = rep;
	return DT_OK;
}

enum dt_status exercise_check_workspace(const struct course_exercise *ex,
                                        const char *ws,
                                        struct exercise_report **out,
                                        struct dt_error *err)
{
	char path[4096];
	char *data;
	size_t len;
	enum dt_status rc;

	*out = NULL;
	if (!dt_snprintf(path, sizeof path, "%s/%s", ws, ex->target))
		return dt_error_set(err, DT_ERR_LIMIT, ws, 0, 0,
		                    "the workspace path is too long");
	rc = dt_read_file(path, EXERCISE_MAX_FILE, &data, &len, err);
	if (rc == DT_ERR_NOTFOUND)
		return dt_error_set(err, rc, path, 0, 0,
		                    "the file to check is missing from the "
		                    "workspace");
	if (rc != DT_OK)
		return rc;
	rc = exercise_check_data(ex->checks, ex->n_checks, ex->target, data,
	                         len, ws, out, err);
	dt_free(data);
	return rc;
}

void exercise_report_free(struct exercise_report *report)
{
	if (!report)
		return;
	lint_result_free(report->lint);
	dt_arena_fini(&report->arena);
	dt_free(report);
}

bool exercise_report_passed(const struct exercise_report *report)
{
	return report->n_passed == report->n_results;
}

bool exercise_report_write_findings(const struct exercise_report *report,
                                    struct dt_buf *out)
{
	struct lint_result shown = *report->lint;
	struct lint_finding *copy = NULL;
	struct lint_report rep;
	size_t i;

	/* The formatter takes a whole result: give it one that holds only
	 * the findings the learner should see. */
	if (report->n_findings > 0) {
		copy = dt_malloc(report->n_findings * sizeof *copy);
		if (!copy)
			return false;
		for (i = 0; i < report->n_findings; i++)
			copy[i] = *report->findings[i];
	}
	shown.findings = copy;
	shown.n_findings = report->n_findings;
	lint_report_begin(&rep, LINT_FORMAT_GNU, false, out);
	lint_report_add(&rep, &shown, out);
	lint_report_end(&rep, out);
	dt_free(copy);
	return !out->failed;
}
