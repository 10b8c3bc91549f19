/* hadolint's rules about instructions and stages: FROM and images (DL3006,
 * DL3007, DL3026, DL3029, DL3063, DL3065), COPY and ADD (DL3010,
 * DL3020-DL3023, DL3045, DL3067), order and repetition (DL3012, DL3024,
 * DL3059, DL3061, DL4003, DL4004), users (DL3002, DL3066), and the rest
 * (DL1000, DL1001, DL3000, DL3011, DL3025, DL3043, DL3044, DL3057, DL3064,
 * DL4000).
 *
 * Images are read with ARG defaults resolved (lint_stage.image_resolved),
 * so `FROM ${BASE}` is judged by what it builds. */
#include <stdlib.h>
#include <string.h>

#include "rules.h"

static void report_instr(struct lint_ctx *ctx, const struct lint_instr *in)
{
	lint_report(ctx, in->line, in->col, NULL);
}

void lint_check_dl1000(struct lint_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->file->n_errors; i++) {
		const struct lint_parse_error *e = &ctx->file->errors[i];

		lint_report(ctx, e->line, e->col, "%s", e->msg ? e->msg : "parse error");
	}
}

void lint_check_dl1001(struct lint_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->file->n_comments; i++) {
		const struct lint_comment *c = &ctx->file->comments[i];

		if (lint_pragma_is_ignore(c->text))
			lint_report(ctx, c->line, c->col, NULL);
	}
}

/* ---- images -------------------------------------------------------------- */

/* An image reference split into its parts; pointers into buf. */
struct image_ref {
	char buf[1024];
	const char *registry;    /* NULL: docker.io */
	const char *path;
	const char *tag;         /* NULL when none */
	const char *digest;      /* NULL when none */
};

static bool image_split(const char *image, struct image_ref *ref)
{
	char *p, *slash, *colon, *at;

	ref->registry = ref->path = ref->tag = ref->digest = NULL;
	if (!dt_strlcpy(ref->buf, image, sizeof ref->buf))
		return false;
	p = ref->buf;
	if ((at = strchr(p, '@')) != NULL) {
		*at = '\0';
		ref->digest = at + 1;
	}
	slash = strchr(p, '/');
	if (slash && (memchr(p, '.', (size_t)(slash - p)) ||
	              memchr(p, ':', (size_t)(slash - p)) ||
	              strncmp(p, "localhost/", 10) == 0)) {
		*slash = '\0';
		ref->registry = p;
		p = slash + 1;
	}
	slash = strrchr(p, '/');
	colon = strrchr(slash ? slash : p, ':');
	if (colon) {
		*colon = '\0';
		ref->tag = colon + 1;
	}
	ref->path = p;
	return true;
}

/* Images whose name is only known at build time, scratch, and earlier
 * stages are not images to judge. */
static bool judged_image(const struct lint_file *f, size_t s, const char *img)
{
	return img[0] && !strchr(img, '$') && dt_strcasecmp(img, "scratch") != 0 &&
	       lint_stage_find(f, img, s) < 0;
}

static const struct lint_instr *stage_from(const struct lint_file *f, size_t s)
{
	return f->stages[s].from < f->n_instrs ? &f->instrs[f->stages[s].from] : NULL;
}

static void check_images(struct lint_ctx *ctx,
                         bool (*bad)(const struct lint_ctx *, const struct image_ref *))
{
	const struct lint_file *f = ctx->file;
	size_t s;

	for (s = 0; s < f->n_stages; s++) {
		const char *img = lint_stage_image(&f->stages[s]);
		const struct lint_instr *from = stage_from(f, s);
		struct image_ref ref;

		if (!from || !judged_image(f, s, img) || !image_split(img, &ref))
			continue;
		if (bad(ctx, &ref))
			report_instr(ctx, from);
	}
}

static bool untagged(const struct lint_ctx *ctx, const struct image_ref *ref)
{
	(void)ctx;
	return !ref->tag && !ref->digest;
}

void lint_check_dl3006(struct lint_ctx *ctx)
{
	check_images(ctx, untagged);
}

static bool latest(const struct lint_ctx *ctx, const struct image_ref *ref)
{
	(void)ctx;
	return ref->tag && strcmp(ref->tag, "latest") == 0 && !ref->digest;
}

void lint_check_dl3007(struct lint_ctx *ctx)
{
	check_images(ctx, latest);
}

static bool registry_trusted(const struct lint_config *cfg, const char *reg)
{
	size_t i;

	if (!reg)
		reg = "docker.io";
	for (i = 0; i < cfg->n_trusted_registries; i++) {
		const char *t = cfg->trusted_registries[i];

		if (dt_strcasecmp(t, reg) == 0 || strcmp(t, "*") == 0)
			return true;
		if (t[0] == '*' && t[1] == '.' && dt_str_has_suffix(reg, t + 1))
			return true;
		if (strcmp(reg, "docker.io") == 0 &&
		    (dt_strcasecmp(t, "index.docker.io") == 0 ||
		     dt_strcasecmp(t, "registry-1.docker.io") == 0 ||
		     dt_strcasecmp(t, "hub.docker.com") == 0))
			return true;
	}
	return false;
}

static bool untrusted(const struct lint_ctx *ctx, const struct image_ref *ref)
{
	return !registry_trusted(ctx->cfg, ref->registry);
}

/* COPY --from=image and RUN --mount=from=image name images too. */
static void check_from_flags(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];
		size_t stage = in->stage >= 0 ? (size_t)in->stage : 0;

		for (k = 0; k < in->n_flags; k++) {
			const struct lint_flag *fl = &in->flags[k];
			const char *img = NULL;
			struct image_ref ref;

			if (!fl->value)
				continue;
			if (strcmp(fl->name, "from") == 0 && in->kind == LINT_COPY)
				img = fl->value;
			else if (strcmp(fl->name, "mount") == 0)
				img = lint_kv_get(ctx->arena, fl->value, "from");
			if (!img || strspn(img, "0123456789") == strlen(img) ||
			    !judged_image(f, stage + 1, img) ||
			    !(strchr(img, ':') || strchr(img, '/') || strchr(img, '@')) ||
			    !image_split(img, &ref))
				continue;
			if (untrusted(ctx, &ref))
				lint_report(ctx, fl->line ? fl->line : in->line, fl->col, NULL);
		}
	}
}

void lint_check_dl3026(struct lint_ctx *ctx)
{
	if (ctx->cfg->n_trusted_registries == 0)
		return;
	check_images(ctx, untrusted);
	check_from_flags(ctx);
}

void lint_check_dl3029(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t s;

	for (s = 0; s < f->n_stages; s++) {
		const struct lint_stage *st = &f->stages[s];

		if (st->platform && !strchr(st->platform, '$') && stage_from(f, s))
			report_instr(ctx, stage_from(f, s));
	}
}

void lint_check_dl3065(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t s;

	for (s = 0; s < f->n_stages; s++) {
		const char *p = f->stages[s].platform;

		if (p && (strcmp(p, "$TARGETPLATFORM") == 0 ||
		          strcmp(p, "${TARGETPLATFORM}") == 0) && stage_from(f, s))
			report_instr(ctx, stage_from(f, s));
	}
}

void lint_check_dl3063(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t s;

	for (s = 0; s < f->n_stages; s++) {
		const char *n = f->stages[s].name;

		if (n && (dt_strcasecmp(n, "scratch") == 0 ||
		          dt_strcasecmp(n, "context") == 0) && stage_from(f, s))
			report_instr(ctx, stage_from(f, s));
	}
}

void lint_check_dl3024(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t s;

	for (s = 1; s < f->n_stages; s++)
		if (f->stages[s].name && lint_stage_find(f, f->stages[s].name, s) >= 0 &&
		    stage_from(f, s))
			report_instr(ctx, stage_from(f, s));
}

/* ---- COPY and ADD -------------------------------------------------------- */

/* Sources and destination of COPY or ADD; heredoc sources are left out. */
static size_t copy_words(const struct lint_instr *in, const char ***words)
{
	*words = in->args;
	if (in->n_heredocs > 0)
		return 0;
	return in->n_args;
}

static bool is_archive(const char *name)
{
#define EXT(s) { s, sizeof s - 1 }
	static const struct {
		const char *s;
		size_t n;
	} ext[] = {
		EXT(".tar"), EXT(".tar.gz"), EXT(".tgz"), EXT(".tar.bz2"),
		EXT(".tbz"), EXT(".tbz2"), EXT(".tb2"), EXT(".tar.xz"),
		EXT(".txz"), EXT(".tar.zst"), EXT(".tar.lz"), EXT(".tar.lzma"),
		EXT(".tlz"), EXT(".tar.Z"), EXT(".taz"), EXT(".gz"), EXT(".bz2"),
		EXT(".xz"),
	};
#undef EXT
	const char *dot = strrchr(name, '.');
	size_t i, n, tail;

	if (!dot)                /* every extension has a dot */
		return false;
	n = strlen(name);
	tail = n - (size_t)(dot - name);
	for (i = 0; i < sizeof ext / sizeof ext[0]; i++)
		/* The name's last extension must end this one. */
		if (n >= ext[i].n && tail <= ext[i].n &&
		    ext[i].s[ext[i].n - tail] == '.' &&
		    memcmp(name + n - ext[i].n, ext[i].s, ext[i].n) == 0)
			return true;
	return false;
}

static bool is_remote(const char *src)
{
	return strstr(src, "://") || dt_str_has_prefix(src, "git@") ||
	       dt_str_has_suffix(src, ".git");
}

void lint_check_dl3020(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_ADD), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char **w;
		size_t n;

		if (in->kind != LINT_ADD)
			continue;
		n = copy_words(in, &w);
		for (k = 0; k + 1 < n; k++) {
			const char *src = lint_unquote(ctx->arena, w[k]);

			if (src && !is_remote(src) && !is_archive(src) && !strchr(src, '$')) {
				report_instr(ctx, in);
				break;
			}
		}
	}
}

void lint_check_dl3021(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char **w;
		size_t n;
		const char *dest;

		if (in->kind != LINT_COPY)
			continue;
		n = copy_words(in, &w);
		if (n <= 2)
			continue;
		dest = lint_unquote(ctx->arena, w[n - 1]);
		if (dest && !dt_str_has_suffix(dest, "/") && !strchr(dest, '$'))
			report_instr(ctx, in);
	}
}

/* The value of COPY's --from, NULL when absent. */
static const char *copy_from(const struct lint_instr *in)
{
	const struct lint_flag *fl = lint_instr_flag(in, "from");

	return in->kind == LINT_COPY && fl && fl->value ? fl->value : NULL;
}

static bool is_image_ref(const char *v)
{
	return strpbrk(v, ":/@.") != NULL;
}

void lint_check_dl3022(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char *from = copy_from(in);
		size_t stage = in->stage >= 0 ? (size_t)in->stage : 0;

		if (!from || strchr(from, '$') || is_image_ref(from))
			continue;
		if (strspn(from, "0123456789") == strlen(from)) {
			if (strlen(from) > 6 || strtoul(from, NULL, 10) >= stage)
				report_instr(ctx, in);
			continue;
		}
		if (lint_stage_find(f, from, stage) < 0 &&
		    !(f->n_stages > stage && f->stages[stage].name &&
		      dt_strcasecmp(f->stages[stage].name, from) == 0))
			report_instr(ctx, in);
	}
}

void lint_check_dl3023(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char *from = copy_from(in);

		if (from && in->stage >= 0 && (size_t)in->stage < f->n_stages &&
		    f->stages[in->stage].name &&
		    dt_strcasecmp(f->stages[in->stage].name, from) == 0)
			report_instr(ctx, in);
	}
}

void lint_check_dl3067(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char **w;
		size_t n;
		const char *dest;

		if (!copy_from(in) || (n = copy_words(in, &w)) < 2)
			continue;
		dest = lint_unquote(ctx->arena, w[n - 1]);
		for (k = 0; dest && strcmp(dest, "/") == 0 && k + 1 < n; k++) {
			const char *src = lint_unquote(ctx->arena, w[k]);

			if (src && strcmp(src, "/") == 0) {
				report_instr(ctx, in);
				break;
			}
		}
	}
}

/* An absolute path, a Windows one (C:\ or C:/) or a variable. */
static bool is_absolute(const char *p)
{
	return p[0] == '/' || p[0] == '$' || p[0] == '\\' ||
	       (((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z')) &&
	        p[1] == ':' && (p[2] == '\\' || p[2] == '/'));
}

void lint_check_dl3000(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_WORKDIR), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char *dir;

		if (in->kind != LINT_WORKDIR || in->n_args == 0)
			continue;
		dir = lint_unquote(ctx->arena, in->args[0]);
		if (dir && !is_absolute(dir))
			report_instr(ctx, in);
	}
}

void lint_check_dl3045(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	bool *workdir = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof *workdir);
	bool cur = false;
	size_t i;

	if (!workdir)
		return;
	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];
		const char **w;
		size_t n;
		const char *dest;

		if (in->kind == LINT_FROM && in->stage >= 0) {
			int parent = lint_stage_parent(f, (size_t)in->stage);

			cur = parent >= 0 && workdir[parent];
		} else if (in->kind == LINT_WORKDIR) {
			cur = true;
		} else if (in->kind == LINT_COPY && (n = copy_words(in, &w)) >= 2) {
			dest = lint_unquote(ctx->arena, w[n - 1]);
			if (!cur && dest && !is_absolute(dest))
				report_instr(ctx, in);
		}
		if (in->stage >= 0 && (size_t)in->stage < f->n_stages)
			workdir[in->stage] = cur;
	}
}

/* RUNs after a COPY looked at for the tar that unpacks its archive: the
 * unpacking follows closely, and a bound keeps the rule linear. */
#define UNPACK_LOOKAHEAD 64

/* The first lint_run after instruction index (binary search). */
static size_t first_run_after(const struct lint_ctx *ctx, size_t index)
{
	size_t lo = 0, hi = ctx->n_runs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ctx->runs[mid].index <= index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* COPY of a local tar archive that a later RUN of the stage unpacks. */
static bool unpacked_later(const struct lint_ctx *ctx, size_t from,
                           const char *archive)
{
	const char *base = strrchr(archive, '/');
	size_t i, j, k, end;

	base = base && base[1] ? base + 1 : archive;
	i = first_run_after(ctx, from);
	end = i + UNPACK_LOOKAHEAD < ctx->n_runs ? i + UNPACK_LOOKAHEAD : ctx->n_runs;
	for (; i < end; i++) {
		const struct lint_run *r = &ctx->runs[i];

		if (r->top->stage != ctx->file->instrs[from].stage)
			break;
		for (j = 0; j < r->n_cmds; j++) {
			const struct lint_cmd *c = &r->cmds[j];

			if (!lint_cmd_is(c, "tar"))
				continue;
			for (k = 0; k < c->n_args; k++) {
				const char *b = strrchr(c->args[k], '/');

				b = b && b[1] ? b + 1 : c->args[k];
				if (strcmp(b, base) == 0)
					return true;
			}
		}
	}
	return false;
}

void lint_check_dl3010(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char **w;
		size_t n;

		if (in->kind != LINT_COPY || copy_from(in))
			continue;
		n = copy_words(in, &w);
		for (k = 0; k + 1 < n; k++) {
			const char *src = lint_unquote(ctx->arena, w[k]);

			if (src && is_archive(src) && unpacked_later(ctx, i, src)) {
				report_instr(ctx, in);
				break;
			}
		}
	}
}

/* ---- ports, healthchecks, order -------------------------------------------- */

static bool port_out_of_range(const char *p)
{
	size_t n = strspn(p, "0123456789");

	if (n == 0)
		return false;
	if (n > 5)
		return true;
	return strtoul(p, NULL, 10) > 65535;
}

void lint_check_dl3011(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_EXPOSE), false, i) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->kind != LINT_EXPOSE)
			continue;
		for (k = 0; k < in->n_args; k++) {
			const char *p = in->args[k];
			const char *dash = strchr(p, '-');

			if (strchr(p, '$'))
				continue;
			if (port_out_of_range(p) || (dash && port_out_of_range(dash + 1))) {
				report_instr(ctx, in);
				break;
			}
		}
	}
}

/* Reports every instruction of kind after the first in its stage. */
static void check_repeated(struct lint_ctx *ctx, enum lint_instr_kind kind)
{
	const struct lint_file *f = ctx->file;
	int stage = -2;
	size_t i, seen = 0;

	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->stage != stage) {
			stage = in->stage;
			seen = 0;
		}
		if (in->kind == kind && seen++ > 0)
			report_instr(ctx, in);
	}
}

void lint_check_dl3012(struct lint_ctx *ctx)
{
	check_repeated(ctx, LINT_HEALTHCHECK);
}

void lint_check_dl4003(struct lint_ctx *ctx)
{
	check_repeated(ctx, LINT_CMD);
}

void lint_check_dl4004(struct lint_ctx *ctx)
{
	check_repeated(ctx, LINT_ENTRYPOINT);
}

void lint_check_dl3025(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_CMD, LINT_ENTRYPOINT), false, i) {
		const struct lint_instr *in = &f->instrs[i];

		if ((in->kind == LINT_CMD || in->kind == LINT_ENTRYPOINT) &&
		    in->form == LINT_FORM_SHELL)
			report_instr(ctx, in);
	}
}

void lint_check_dl3043(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_ONBUILD), false, i) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->kind == LINT_ONBUILD && in->inner &&
		    (in->inner->kind == LINT_ONBUILD || in->inner->kind == LINT_FROM ||
		     in->inner->kind == LINT_MAINTAINER))
			report_instr(ctx, in);
	}
}

void lint_check_dl3061(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->kind == LINT_FROM)
			return;
		if (in->kind != LINT_ARG) {
			report_instr(ctx, in);
			return;
		}
	}
}

void lint_check_dl4000(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_MAINTAINER), false, i)
		if (f->instrs[i].kind == LINT_MAINTAINER)
			report_instr(ctx, &f->instrs[i]);
}

/* Flags of a RUN, compared as a whole: RUNs with different mounts are
 * separate on purpose. */
static bool same_flags(const struct lint_instr *a, const struct lint_instr *b)
{
	size_t i;

	if (a->n_flags != b->n_flags)
		return false;
	for (i = 0; i < a->n_flags; i++) {
		const char *va = a->flags[i].value ? a->flags[i].value : "";
		const char *vb = b->flags[i].value ? b->flags[i].value : "";

		if (strcmp(a->flags[i].name, b->flags[i].name) != 0 || strcmp(va, vb) != 0)
			return false;
	}
	return true;
}

void lint_check_dl3059(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	const struct lint_instr *prev = NULL;
	size_t prev_cmds = 0, i;

	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];
		const struct lint_run *r;
		size_t n;

		if (in->kind != LINT_RUN) {
			prev = NULL;
			continue;
		}
		r = lint_run_of(ctx, i);
		n = r ? r->n_cmds : 1;
		if (prev && same_flags(prev, in) && n <= 2 && prev_cmds <= 2)
			report_instr(ctx, in);
		prev = in;
		prev_cmds = n;
	}
}

/* ---- users ----------------------------------------------------------------- */

/* The user part of USER user[:group], in arena. */
static const char *user_name(struct dt_arena *arena, const struct lint_instr *in)
{
	const char *u = in->n_args > 0 ? lint_unquote(arena, in->args[0]) : NULL;
	const char *colon = u ? strchr(u, ':') : NULL;

	return colon ? dt_arena_strndup(arena, u, (size_t)(colon - u)) : u;
}

void lint_check_dl3002(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	int s = f->n_stages ? (int)f->n_stages - 1 : -1;
	size_t guard = 0;

	/* The final stage's last USER, or that of the stage it builds on. */
	while (s >= 0 && guard++ <= f->n_stages) {
		const struct lint_stage *st = &f->stages[s];
		size_t i;

		for (i = st->end; i-- > st->from;) {
			const struct lint_instr *in = &f->instrs[i];
			const char *u;

			if (in->kind != LINT_USER)
				continue;
			u = user_name(ctx->arena, in);
			if (u && (strcmp(u, "root") == 0 || strcmp(u, "0") == 0))
				report_instr(ctx, in);
			return;
		}
		s = lint_stage_parent(f, (size_t)s);
	}
}

void lint_check_dl3066(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_USER), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		const char *u;

		if (in->kind != LINT_USER)
			continue;
		u = user_name(ctx->arena, in);
		if (u && u[0] && !strchr(u, '$') && strspn(u, "0123456789") != strlen(u))
			report_instr(ctx, in);
	}
}

/* ---- variables ----------------------------------------------------------- */

/* True when value expands $name or ${name...}. */
static bool references(const char *value, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = strchr(value, '$'); p; p = strchr(p + 1, '$')) {
		const char *v = p[1] == '{' ? p + 2 : p + 1;
		char next;

		if (strncmp(v, name, n) != 0)
			continue;
		next = v[n];
		if (!((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') ||
		      (next >= '0' && next <= '9') || next == '_'))
			return true;
	}
	return false;
}

void lint_check_dl3044(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, j, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_ENV), false, i) {
		const struct lint_instr *in = &f->instrs[i];
		bool hit = false;

		if (in->kind != LINT_ENV)
			continue;
		/* Pairs per ENV are few; a pathological ENV is capped. */
		for (j = 1; j < in->n_pairs && j < 256 && !hit; j++)
			for (k = 0; k < j && !hit; k++)
				hit = strcmp(in->pairs[k].key, in->pairs[j].key) != 0 &&
				      references(in->pairs[j].value, in->pairs[k].key);
		if (hit)
			report_instr(ctx, in);
	}
}

/* s[0..n) ends with suffix. */
static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static bool sensitive_name(const char *name)
{
	static const char *const known[] = {
		"ACCESS_TOKEN", "APPLICATION_KEY", "APP_SECRET", "AUTH_TOKEN",
		"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "CF_PASSWORD",
		"CF_USERNAME", "CI_DEPLOY_PASSWORD", "CI_DEPLOY_USER",
		"DOCKERHUB_PASSWORD", "DOCKER_PASSWORD", "DOCKER_USERNAME",
		"FIREBASE_TOKEN", "GH_TOKEN", "GITHUB_TOKEN", "HEROKU_API_KEY",
		"NPM_AUTH_TOKEN", "NPM_TOKEN", "OPENAI_API_KEY", "OS_PASSWORD",
		"POSTGRES_PASSWORD", "SLACK_TOKEN", "STRIPE_API_KEY",
		"VAULT_TOKEN",
	};
	static const char *const parts[] = {
		"api_key", "apikey", "client_key", "password", "passwd", "private",
		"secret", "token", "username",
	};
	char lower[128];
	unsigned long letters = 0;
	size_t i, n = strlen(name);

	/* A name that points at a secret (PASSWORD_FILE) is the right way. */
	if (n >= sizeof lower || ends_with(name, n, "_FILE") ||
	    ends_with(name, n, "_PATH") || ends_with(name, n, "_DIR"))
		return false;
	/* known[] is in capitals: the first byte rules out most names. */
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if ((name[0] & ~0x20) == known[i][0] &&
		    dt_strcasecmp(name, known[i]) == 0)
			return true;
	/* The letters of the name say which parts it cannot hold. */
	for (i = 0; i <= n; i++) {
		lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a'
		                                                   : name[i]);
		if (lower[i] >= 'a' && lower[i] <= 'z')
			letters |= 1ul << (lower[i] - 'a');
	}
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if ((letters >> (parts[i][0] - 'a') & 1) &&
		    (letters >> (parts[i][1] - 'a') & 1) && strstr(lower, parts[i]))
			return true;
	return false;
}

void lint_check_dl3064(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_ARG, LINT_ENV), true, i) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->kind == LINT_ONBUILD && in->inner)
			in = in->inner;
		if (in->kind != LINT_ARG && in->kind != LINT_ENV)
			continue;
		for (k = 0; k < in->n_pairs; k++) {
			if (sensitive_name(in->pairs[k].key)) {
				report_instr(ctx, &f->instrs[i]);
				break;
			}
		}
	}
}

/* The final stage and the stages it builds on, through FROM name. */
static bool final_chain_has(const struct lint_file *f, enum lint_instr_kind kind)
{
	int s = f->n_stages ? (int)f->n_stages - 1 : -1;
	size_t guard = 0;

	while (s >= 0 && guard++ <= f->n_stages) {
		size_t i;

		for (i = f->stages[s].from; i < f->stages[s].end && i < f->n_instrs; i++)
			if (f->instrs[i].kind == kind)
				return true;
		s = lint_stage_parent(f, (size_t)s);
	}
	return false;
}

void lint_check_dl3057(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;

	if (f->n_stages == 0 || final_chain_has(f, LINT_HEALTHCHECK))
		return;
	if (stage_from(f, f->n_stages - 1))
		report_instr(ctx, stage_from(f, f->n_stages - 1));
}
