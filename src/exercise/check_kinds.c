/* The check kinds of exercise.yaml, one function each: what passes, what
 * fails, and a message in the learner's terms pointing at the line to fix.
 *
 * Every function reads the parse tree or the findings and ends in exactly
 * one check_set call.  Settings an image inherits (USER, HEALTHCHECK,
 * EXPOSE) follow "FROM earlier-stage" back to the stage that sets them, as
 * the builder does; instructions that only shape the build (order,
 * has_instruction) are read from the final stage itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "exercise_int.h"

/* The final stage, or NULL (with the failure set) when there is no FROM. */
static const struct lint_stage *final_stage(struct check_ctx *ctx,
                                            struct exercise_result *res)
{
	if (ctx->file->n_stages == 0) {
		check_set(ctx, res, false, 0,
		          "The Dockerfile has no FROM instruction yet: every "
		          "build stage starts with one.");
		return NULL;
	}
	return &ctx->file->stages[ctx->file->n_stages - 1];
}

static const char *severity_phrase(enum lint_severity max)
{
	switch (max) {
	case LINT_SEV_ERROR: return "an error";
	case LINT_SEV_WARNING: return "a warning";
	case LINT_SEV_INFO: return "an info note";
	case LINT_SEV_STYLE: return "a style note";
	default: return "nothing";
	}
}

void check_lint(struct check_ctx *ctx, const struct course_check *check,
                struct exercise_result *res)
{
	enum lint_severity max = LINT_SEV_NONE;
	const struct lint_finding *first = NULL;
	size_t i, bad = 0;

	if (check->str && !lint_severity_parse(check->str, &max))
		max = LINT_SEV_NONE;
	for (i = 0; i < ctx->n_findings; i++) {
		const struct lint_finding *f = ctx->findings[i];

		if (f->severity <= LINT_SEV_STYLE && f->severity < max) {
			bad++;
			if (!first)
				first = f;
		}
	}
	if (!first) {
		if (max == LINT_SEV_NONE)
			check_set(ctx, res, true, 0,
			          "The linter has nothing to report.");
		else
			check_set(ctx, res, true, 0, "The linter reports "
			          "nothing more serious than %s.",
			          severity_phrase(max));
		return;
	}
	if (bad == 1)
		check_set(ctx, res, false, first->line,
		          "Fix the linter's %s %s: %s.",
		          lint_severity_name(first->severity), first->rule,
		          check_sentence(ctx, first->message));
	else
		check_set(ctx, res, false, first->line,
		          "Fix the linter's %zu findings%s%s; the first is "
		          "%s %s: %s.", bad,
		          max == LINT_SEV_NONE ? "" : " worse than ",
		          max == LINT_SEV_NONE ? "" : severity_phrase(max),
		          lint_severity_name(first->severity), first->rule,
		          check_sentence(ctx, first->message));
}

/* The first shown-or-not finding of rule, for forbid and require. */
static const struct lint_finding *find_rule(const struct check_ctx *ctx,
                                            const char *rule, size_t *count)
{
	const struct lint_finding *first = NULL;
	size_t i;

	*count = 0;
	for (i = 0; i < ctx->n_all; i++) {
		if (strcmp(ctx->all[i].rule, rule) != 0)
			continue;
		if (!first)
			first = &ctx->all[i];
		(*count)++;
	}
	return first;
}

void check_forbid(struct check_ctx *ctx, const struct course_check *check,
                  struct exercise_result *res)
{
	size_t i, count;

	for (i = 0; i < check->n_list; i++) {
		const struct lint_finding *f = find_rule(ctx, check->list[i],
		                                         &count);

		if (!f)
			continue;
		check_set(ctx, res, false, f->line, "%s still fires%s: %s.",
		          f->rule, count > 1 ? " (first of several)" : "",
		          check_sentence(ctx, f->message));
		return;
	}
	check_set(ctx, res, true, 0, "%s %s not fire.",
	          check_join(ctx, check->list, check->n_list, false),
	          check->n_list == 1 ? "does" : "do");
}

void check_require(struct check_ctx *ctx, const struct course_check *check,
                   struct exercise_result *res)
{
	size_t i, count;
	int line = 0;

	for (i = 0; i < check->n_list; i++) {
		const struct lint_finding *f = find_rule(ctx, check->list[i],
		                                         &count);

		if (!f) {
			check_set(ctx, res, false, 0, "%s does not fire yet: the "
			          "task asks for a Dockerfile that shows this "
			          "problem.", check->list[i]);
			return;
		}
		if (!line)
			line = f->line;
	}
	check_set(ctx, res, true, line, "%s fire%s, as the task asks.",
	          check_join(ctx, check->list, check->n_list, false),
	          check->n_list == 1 ? "s" : "");
}

static bool is_root(const char *user)
{
	size_t n = strcspn(user, ":");
	size_t i;

	if (n == 4 && strncmp(user, "root", 4) == 0)
		return true;
	for (i = 0; i < n; i++)
		if (user[i] != '0')
			return false;
	return n > 0;
}

void check_user(struct check_ctx *ctx, const struct course_check *check,
                struct exercise_result *res)
{
	const struct lint_stage *st = final_stage(ctx, res);
	const struct lint_instr *in;
	const char *user;
	size_t idx;

	(void)check;
	if (!st)
		return;
	in = stage_last(ctx->file, ctx->file->n_stages - 1, LINT_USER, &idx);
	if (!in) {
		check_set(ctx, res, false, 0, "The final stage still runs as "
		          "root: add a USER instruction after creating the "
		          "user.");
		return;
	}
	user = instr_value(ctx->arena, ctx->file, in, idx);
	if (!user) {
		ctx->nomem = true;
		return;
	}
	if (!*user || *user == ':')
		check_set(ctx, res, false, in->line, "USER names no user: write "
		          "a user name or UID such as `USER app` or "
		          "`USER 10001`.");
	else if (is_root(user))
		check_set(ctx, res, false, in->line, "The final stage switches "
		          "to `%s`, which is root: make the last USER a "
		          "non-root user.", check_quote(ctx, user));
	else
		check_set(ctx, res, true, in->line, "The final stage runs as "
		          "`%s`, not root.", check_quote(ctx, user));
}

/* "" when ref is pinned as mode asks, else the reason it is not. */
static const char *pin_problem(const char *ref, bool digest)
{
	struct image_ref r;

	image_ref_parse(ref, &r);
	if (r.digest && !r.digest_valid)
		return "has a malformed digest: write `@sha256:` followed by "
		       "64 lower-case hex digits";
	if (digest)
		return r.digest ? "" : "is not pinned by digest: add "
		       "`@sha256:` and the 64 hex digits of the image's digest";
	if (r.digest)
		return "";
	if (!r.tag || r.tag_len == 0)
		return "names no tag, so it pulls `latest`: pin a version tag";
	if (r.tag_len == 6 && strncmp(r.tag, "latest", 6) == 0)
		return "uses `latest`, which moves with every release: pin a "
		       "version tag";
	return "";
}

void check_pinned(struct check_ctx *ctx, const struct course_check *check,
                  struct exercise_result *res)
{
	bool digest = check->str && strcmp(check->str, "digest") == 0;
	size_t i, n_external = 0;

	for (i = 0; i < ctx->file->n_stages; i++) {
		const struct lint_stage *st = &ctx->file->stages[i];
		const char *ref = st->image_resolved ? st->image_resolved
		                                     : st->image;
		const char *why;

		if (!ref || dt_strcasecmp(ref, "scratch") == 0 ||
		    stage_parent(ctx->file, i) >= 0)
			continue;
		n_external++;
		why = pin_problem(ref, digest);
		if (*why) {
			check_set(ctx, res, false,
			          ctx->file->instrs[st->from].line,
			          "The base image `%s` %s.",
			          check_quote(ctx, *ref ? ref : st->image), why);
			return;
		}
	}
	if (n_external == 0)
		check_set(ctx, res, true, 0, "No stage pulls an external image.");
	else
		check_set(ctx, res, true, 0, "Every base image is pinned by %s.",
		          digest ? "digest" : "a version tag");
}

/* check->str as an instruction kind; LINT_UNKNOWN when it is none. */
static enum lint_instr_kind check_kind(const struct course_check *check)
{
	return check->str ? lint_instr_lookup(check->str, strlen(check->str))
	                  : LINT_UNKNOWN;
}

void check_has(struct check_ctx *ctx, const struct course_check *check,
               struct exercise_result *res)
{
	const struct lint_stage *st = final_stage(ctx, res);
	enum lint_instr_kind kind = check_kind(check);
	size_t k;

	if (!st)
		return;
	for (k = st->from; k < st->end; k++) {
		if (kind != LINT_UNKNOWN && ctx->file->instrs[k].kind == kind) {
			check_set(ctx, res, true, ctx->file->instrs[k].line,
			          "The final stage has %s.", lint_instr_name(kind));
			return;
		}
	}
	check_set(ctx, res, false, 0, "The final stage has no %s instruction "
	          "yet.", check->str ? check->str : "such");
}

void check_lacks(struct check_ctx *ctx, const struct course_check *check,
                 struct exercise_result *res)
{
	enum lint_instr_kind kind = check_kind(check);
	size_t k;

	for (k = 0; k < ctx->file->n_instrs; k++) {
		const struct lint_instr *in = &ctx->file->instrs[k];

		if (in->kind == kind || (in->inner && in->inner->kind == kind)) {
			check_set(ctx, res, false, in->line, "%s is still used "
			          "here: the task asks for a Dockerfile without "
			          "it.", lint_instr_name(kind));
			return;
		}
	}
	check_set(ctx, res, true, 0, "The Dockerfile has no %s instruction.",
	          check->str ? check->str : "such");
}

void check_stages(struct check_ctx *ctx, const struct course_check *check,
                  struct exercise_result *res)
{
	size_t n = ctx->file->n_stages;
	const char *unit = n == 1 ? "stage" : "stages";

	if (check->min >= 0 && n < (size_t)check->min)
		check_set(ctx, res, false, 0, "The Dockerfile has %zu build %s; "
		          "the task needs at least %d: build in one stage and "
		          "copy the result into a smaller final one.", n, unit,
		          check->min);
	else if (check->max >= 0 && n > (size_t)check->max)
		check_set(ctx, res, false,
		          ctx->file->instrs[ctx->file->stages[check->max].from]
		                  .line,
		          "The Dockerfile has %zu build %s; the task allows at "
		          "most %d.", n, unit, check->max);
	else
		check_set(ctx, res, true, 0, "The Dockerfile has %zu build %s.",
		          n, unit);
}

/* The instruction's flags and arguments as written, "--mount=type=cache
 * pip install ...", blanks folded; NULL when out of memory. */
static const char *with_flags(struct check_ctx *ctx,
                              const struct lint_instr *in)
{
	struct dt_buf buf;
	const char *s;
	size_t i;

	dt_buf_init(&buf);
	for (i = 0; i < in->n_flags; i++) {
		dt_buf_printf(&buf, "--%s", in->flags[i].name);
		if (in->flags[i].value)
			dt_buf_printf(&buf, "=%s", in->flags[i].value);
		dt_buf_putc(&buf, ' ');
	}
	dt_buf_puts(&buf, in->text ? in->text : "");
	s = buf.failed ? NULL : text_fold_blanks(ctx->arena,
	                                         buf.data ? buf.data : "");
	dt_buf_fini(&buf);
	return s;
}

/* True when instruction in matches pattern "NAME argument-prefix".  The
 * prefix is compared with the arguments, and also with the flags and
 * arguments when the instruction has flags, so "RUN pip install" matches
 * "RUN --mount=type=cache,... pip install" and "COPY --from=build" can be
 * asked for too. */
static bool instr_matches(struct check_ctx *ctx, const struct lint_instr *in,
                          const char *pattern)
{
	size_t n = strcspn(pattern, " \t");
	const char *args = pattern + n, *text;

	if (in->kind == LINT_UNKNOWN || strlen(lint_instr_name(in->kind)) != n ||
	    dt_strncasecmp(lint_instr_name(in->kind), pattern, n) != 0)
		return false;
	while (*args == ' ' || *args == '\t')
		args++;
	text = text_fold_blanks(ctx->arena, in->text ? in->text : "");
	if (text && pattern_match_prefix(args, text))
		return true;
	if (text && in->n_flags > 0)
		text = with_flags(ctx, in);
	if (!text) {
		ctx->nomem = true;
		return false;
	}
	return in->n_flags > 0 && pattern_match_prefix(args, text);
}

/* The index of the first instruction of [from, end) matching pattern;
 * end when none does. */
static size_t find_pattern(struct check_ctx *ctx, size_t from, size_t end,
                           const char *pattern)
{
	for (; from < end; from++)
		if (instr_matches(ctx, &ctx->file->instrs[from], pattern))
			return from;
	return end;
}

void check_order(struct check_ctx *ctx, const struct course_check *check,
                 struct exercise_result *res)
{
	const struct lint_stage *st = final_stage(ctx, res);
	size_t i, at, prev = 0, next;

	if (!st)
		return;
	if (check->n_list == 0) {
		check_set(ctx, res, true, 0, "No order to keep.");
		return;
	}
	for (i = 0, at = st->from + 1; i < check->n_list; i++, at = next + 1) {
		next = find_pattern(ctx, at, st->end, check->list[i]);
		if (next < st->end) {
			prev = next;
			continue;
		}
		next = find_pattern(ctx, st->from + 1, st->end, check->list[i]);
		if (next == st->end || i == 0)
			check_set(ctx, res, false, 0, "The final stage has no "
			          "instruction like `%s`.",
			          check_quote(ctx, check->list[i]));
		else
			check_set(ctx, res, false, ctx->file->instrs[next].line,
			          "`%s` must come after `%s` (line %d).",
			          check_quote(ctx, check->list[i]),
			          check_quote(ctx, check->list[i - 1]),
			          ctx->file->instrs[prev].line);
		return;
	}
	if (check->n_list == 1)
		check_set(ctx, res, true, ctx->file->instrs[prev].line,
		          "The final stage has `%s`.",
		          check_quote(ctx, check->list[0]));
	else
		check_set(ctx, res, true, 0, "The final stage runs %s in this "
		          "order.", check_join(ctx, check->list, check->n_list,
		                             true));
}

/* True when an EXPOSE value ("8080", "8080/tcp", "8000-8010/udp") covers
 * port. */
static bool port_in(const char *word, int port)
{
	char *end;
	long lo = strtol(word, &end, 10), hi = lo;

	if (end == word)
		return false;
	if (*end == '-')
		hi = strtol(end + 1, &end, 10);
	return (*end == '\0' || *end == '/' || *end == ' ') && lo <= port &&
	       port <= hi;
}

static bool expose_has(const char *value, int port)
{
	const char *p = value;

	while (*p) {
		if (port_in(p, port))
			return true;
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	return false;
}

void check_exposes(struct check_ctx *ctx, const struct course_check *check,
                   struct exercise_result *res)
{
	const struct lint_stage *st = final_stage(ctx, res);
	const struct lint_instr *other = NULL;
	long s;

	if (!st)
		return;
	for (s = (long)ctx->file->n_stages - 1; s >= 0;
	     s = stage_parent(ctx->file, (size_t)s)) {
		size_t k;

		for (k = ctx->file->stages[s].from + 1;
		     k < ctx->file->stages[s].end; k++) {
			const struct lint_instr *in = &ctx->file->instrs[k];
			const char *v;

			if (in->kind != LINT_EXPOSE)
				continue;
			v = instr_value(ctx->arena, ctx->file, in, k);
			if (!v) {
				ctx->nomem = true;
				return;
			}
			if (expose_has(v, check->number)) {
				check_set(ctx, res, true, in->line, "The image "
				          "exposes port %d.", check->number);
				return;
			}
			other = in;
		}
	}
	if (other)
		check_set(ctx, res, false, other->line, "EXPOSE names other "
		          "ports, but not %d, the port the application listens "
		          "on.", check->number);
	else
		check_set(ctx, res, false, 0, "The final stage does not EXPOSE "
		          "port %d: document the port the application listens "
		          "on.", check->number);
}

static bool path_is_absolute(const char *p)
{
	if (*p == '/' || *p == '\\')
		return true;
	/* A Windows image: C:\app or C:/app. */
	return ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) &&
	       p[1] == ':' && (p[2] == '\\' || p[2] == '/');
}

void check_workdir(struct check_ctx *ctx, const struct course_check *check,
                   struct exercise_result *res)
{
	size_t k, n = 0;

	(void)check;
	for (k = 0; k < ctx->file->n_instrs; k++) {
		const struct lint_instr *in = &ctx->file->instrs[k];
		const char *v;

		if (in->kind != LINT_WORKDIR)
			continue;
		n++;
		v = instr_value(ctx->arena, ctx->file, in, k);
		if (!v) {
			ctx->nomem = true;
			return;
		}
		if (!path_is_absolute(v)) {
			check_set(ctx, res, false, in->line, "WORKDIR `%s` is a "
			          "relative path, which depends on the base "
			          "image: start it with `/`, as in `/app`.",
			          check_quote(ctx, in->text ? in->text : ""));
			return;
		}
	}
	if (n == 0)
		check_set(ctx, res, true, 0, "No WORKDIR to check.");
	else
		check_set(ctx, res, true, 0, "Every WORKDIR is an absolute "
		          "path.");
}

void check_health(struct check_ctx *ctx, const struct course_check *check,
                  struct exercise_result *res)
{
	const struct lint_stage *st = final_stage(ctx, res);
	const struct lint_instr *in;
	size_t idx;

	(void)check;
	if (!st)
		return;
	in = stage_last(ctx->file, ctx->file->n_stages - 1, LINT_HEALTHCHECK,
	                &idx);
	if (!in)
		check_set(ctx, res, false, 0, "The final stage has no "
		          "HEALTHCHECK: add one that asks the application "
		          "whether it works.");
	else if (in->n_args > 0 && dt_strcasecmp(in->args[0], "NONE") == 0)
		check_set(ctx, res, false, in->line, "`HEALTHCHECK NONE` "
		          "switches the health check off: give it a command "
		          "with `HEALTHCHECK CMD ...`.");
	else
		check_set(ctx, res, true, in->line, "The image has a "
		          "HEALTHCHECK.");
}

/* *PASSWORD*, *SECRET*, *TOKEN*, *_KEY, in any case. */
static bool looks_secret(const char *key)
{
	static const char *const words[] = {"PASSWORD", "SECRET", "TOKEN"};
	size_t n = strlen(key), i, j;

	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t w = strlen(words[i]);

		for (j = 0; j + w <= n; j++)
			if (dt_strncasecmp(key + j, words[i], w) == 0)
				return true;
	}
	return n >= 4 && dt_strcasecmp(key + n - 4, "_KEY") == 0;
}

static const struct lint_pair *secret_pair(const struct lint_instr *in)
{
	size_t j;

	if (in->kind != LINT_ENV && in->kind != LINT_ARG)
		return NULL;
	for (j = 0; j < in->n_pairs; j++)
		if (in->pairs[j].has_value && in->pairs[j].value[0] &&
		    looks_secret(in->pairs[j].key))
			return &in->pairs[j];
	return NULL;
}

void check_secrets(struct check_ctx *ctx, const struct course_check *check,
                   struct exercise_result *res)
{
	size_t k;

	(void)check;
	for (k = 0; k < ctx->file->n_instrs; k++) {
		const struct lint_instr *in = &ctx->file->instrs[k];
		const struct lint_instr *at = in;
		const struct lint_pair *p = secret_pair(in);

		if (!p && in->inner) {
			at = in->inner;
			p = secret_pair(at);
		}
		if (!p)
			continue;
		if (at->kind == LINT_ENV)
			check_set(ctx, res, false, p->line ? p->line : in->line,
			          "ENV %s puts a secret into the image, where "
			          "anyone who pulls it can read it: give it at "
			          "run time (`docker run -e %s`) or, for a build "
			          "step, through a secret mount.",
			          check_quote(ctx, p->key), check_quote(ctx, p->key));
		else
			check_set(ctx, res, false, p->line ? p->line : in->line,
			          "ARG %s has a default value, and build "
			          "arguments are recorded in the image history: "
			          "pass the secret to the RUN that needs it with "
			          "a secret mount (`RUN --mount=type=secret`).",
			          check_quote(ctx, p->key));
		return;
	}
	check_set(ctx, res, true, 0, "No ENV or ARG carries a secret.");
}

void check_exists(struct check_ctx *ctx, const struct course_check *check,
                  struct exercise_result *res)
{
	const char *rel = check->str ? check->str : "";
	char path[4096];
	struct stat st;

	res->file = rel;
	if (!ctx->ws || !path_is_inside(rel) ||
	    !dt_snprintf(path, sizeof path, "%s/%s", ctx->ws, rel) ||
	    stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		check_set(ctx, res, false, 0, "The workspace has no %s yet: "
		          "create it next to the %s.", check_quote(ctx, rel),
		          ctx->target);
		return;
	}
	check_set(ctx, res, true, 0, "The workspace has %s.",
	          check_quote(ctx, rel));
}
