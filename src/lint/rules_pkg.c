/* hadolint's package-manager rules: pinned versions, non-interactive
 * switches and cache cleanup for apt-get, apk, pip, npm, gem, go, yarn,
 * yum, dnf and zypper (DL3008, DL3009, DL3013-DL3019, DL3028-DL3042,
 * DL3060, DL3062).
 *
 * Every rule reads the normalised commands of ctx->runs, so RUN, ONBUILD
 * RUN and shell heredocs are covered alike.  A package given through a
 * variable ($PKG, foo=${VERSION}) is never reported: its pin is decided at
 * build time.  Cache and tmpfs mounts on a tool's cache folder count as
 * cleanup. */
#include <string.h>

#include "rules.h"

/* Options that take a value, per tool, so their values are not read as
 * package names. */
#define APT_VALUED " -o -c -t --option --config-file --target-release --default-release "
#define APK_VALUED " -t --virtual -X --repository -p --root --arch --cache-dir --keys-dir --repositories-file --cache-max-age "
#define PIP_VALUED " -r --requirement -c --constraint -e --editable -t --target -i --index-url --extra-index-url -f --find-links --prefix --root --src --upgrade-strategy --platform --python-version --implementation --abi --progress-bar --no-binary --only-binary --trusted-host --cache-dir --log --proxy --retries --timeout --exists-action --cert --client-cert --global-option --install-option --config-settings -C "
#define NPM_VALUED " --prefix --registry --tag --cache -C -w --workspace --omit --include --install-strategy "
#define GEM_VALUED " -v --version -i --install-dir -n --bindir --source -s -p --http-proxy --platform -g --file "
#define YUM_VALUED " -c --config --installroot --releasever --setopt -x --exclude --enablerepo --disablerepo -d -e --downloaddir --destdir --repo --repoid "
#define ZYPPER_VALUED " -c --config -r --repo -R --root --from -t --type "
#define GO_VALUED " -C -p -o -modfile -tags -ldflags -gcflags -asmflags -mod -overlay -pgo -pkgdir -toolexec -buildmode -compiler -gccgoflags -installsuffix -exec "

/* True for a word whose meaning is decided at build time or that names a
 * file rather than a package from the index. */
static bool is_dynamic(const char *w)
{
	return strchr(w, '$') != NULL || strchr(w, '`') != NULL;
}

static bool is_path(const char *w)
{
	return w[0] == '.' || w[0] == '/' || w[0] == '~' || strstr(w, "://");
}

/* The first package operand (from operand `from` on) that is not pinned:
 * one pass over the words, whatever their number. */
#define UNPINNED_FN(name, pinned)                                   \
	static bool name(const char *pkg)                           \
	{                                                           \
		return !is_dynamic(pkg) && !pinned(pkg);            \
	}

static const char *unpinned(const struct lint_cmd *c, const char *valued,
                            size_t from, bool (*bad)(const char *))
{
	return lint_cmd_find_operand(c, valued, from, bad);
}

static bool cmd_sub(const struct lint_cmd *c, const char *name,
                    const char *valued, const char *const *subs)
{
	const char *op;

	if (!lint_cmd_is(c, name))
		return false;
	op = lint_cmd_operand(c, valued, 0);
	if (!op)
		return false;
	for (; *subs; subs++)
		if (strcmp(op, *subs) == 0)
			return true;
	return false;
}

/* Calls fn for every command of every RUN. */
#define FOR_EACH_CMD(ctx, r, c)                                              \
	for (size_t ri_ = 0; ri_ < (ctx)->n_runs; ri_++)                     \
		for (const struct lint_run *r = &(ctx)->runs[ri_]; r; r = NULL) \
			for (size_t ci_ = 0; ci_ < r->n_cmds; ci_++)         \
				for (const struct lint_cmd *c = &r->cmds[ci_]; c; c = NULL)

static void report_cmd(struct lint_ctx *ctx, const struct lint_cmd *c)
{
	lint_report(ctx, c->line, c->col, NULL);
}

/* ---- apt-get ------------------------------------------------------------- */

static const char *const apt_install[] = {"install", NULL};

static bool apt_pinned(const char *pkg)
{
	return strchr(pkg, '=') || strchr(pkg, '/') || dt_str_has_suffix(pkg, ".deb");
}

UNPINNED_FN(apt_unpinned_pkg, apt_pinned)

void lint_check_dl3008(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("apt-get"), r, c) {
		if (cmd_sub(c, "apt-get", APT_VALUED, apt_install) &&
		    unpinned(c, APT_VALUED, 1, apt_unpinned_pkg))
			report_cmd(ctx, c);
	}
}

static bool apt_assume_yes(const struct lint_cmd *c)
{
	size_t i;

	if (lint_cmd_has_opt(c, 'y', "yes") ||
	    lint_cmd_has_opt(c, 0, "assume-yes") ||
	    lint_cmd_has_opt(c, 0, "force-yes"))
		return true;
	for (i = 0; i < c->n_args; i++) {
		const char *a = c->args[i];

		if (strcmp(a, "-qq") == 0 || strcmp(a, "-q=2") == 0 ||
		    strcmp(a, "--quiet=2") == 0 || strstr(a, "Assume-Yes=true") ||
		    strstr(a, "Assume-Yes=1"))
			return true;
	}
	return false;
}

void lint_check_dl3014(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("apt-get"), r, c) {
		if (cmd_sub(c, "apt-get", APT_VALUED, apt_install) &&
		    !apt_assume_yes(c))
			report_cmd(ctx, c);
	}
}

void lint_check_dl3015(struct lint_ctx *ctx)
{
	size_t i;

	LINT_FOR_NAMED(ctx, LINT_NAMES("apt-get"), r, c) {
		bool ok = false;

		if (!cmd_sub(c, "apt-get", APT_VALUED, apt_install))
			continue;
		ok = lint_cmd_has_opt(c, 0, "no-install-recommends");
		for (i = 0; i < c->n_args && !ok; i++)
			ok = strstr(c->args[i], "Install-Recommends=false") ||
			     strstr(c->args[i], "Install-Recommends=0");
		if (!ok)
			report_cmd(ctx, c);
	}
}

/* An rm of one of the paths (or anything below them). */
static bool run_removes(const struct lint_run *r, const char *const *paths)
{
	size_t i, j;

	for (i = 0; i < r->n_cmds; i++) {
		const struct lint_cmd *c = &r->cmds[i];
		const char *const *p;

		if (!lint_cmd_is(c, "rm"))
			continue;
		for (j = 0; j < c->n_args; j++)
			for (p = paths; *p; p++)
				if (dt_str_has_prefix(c->args[j], *p))
					return true;
	}
	return false;
}

/* Per stage: its files end up in the image (the last stage, or one a
 * later stage is built on).  NULL when out of memory. */
static bool *stages_shipped(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	bool *ships = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof *ships);
	size_t s;

	if (!ships) {
		ctx->nomem = true;
		return NULL;
	}
	for (s = 0; s < f->n_stages; s++) {
		int p = lint_stage_parent(f, s);

		if (p >= 0)
			ships[p] = true;
	}
	if (f->n_stages > 0)
		ships[f->n_stages - 1] = true;
	return ships;
}

static bool ships_stage(const struct lint_file *f, const bool *ships, int s)
{
	return s < 0 || (size_t)s >= f->n_stages || ships[s];
}

/* The first apt-get update of each RUN whose lists stay in the image. */
void lint_check_dl3009(struct lint_ctx *ctx)
{
	static const char *const lists[] = {"/var/lib/apt/lists", NULL};
	const struct lint_run *seen = NULL;
	bool *ships = NULL;
	size_t n;

	if (!lint_cmds_named(ctx, "apt-get", &n) || !(ships = stages_shipped(ctx)))
		return;
	LINT_FOR_NAMED(ctx, LINT_NAMES("apt-get"), r, c) {
		const char *op = lint_cmd_operand(c, APT_VALUED, 0);

		if (r == seen || !op || strcmp(op, "update") != 0)
			continue;
		seen = r;
		if (run_removes(r, lists) || lint_run_mounts(r, "/var/lib/apt/lists") ||
		    (lint_run_mounts(r, "/var/lib/apt") &&
		     lint_run_mounts(r, "/var/cache/apt")) ||
		    !ships_stage(ctx->file, ships, r->top->stage))
			continue;
		report_cmd(ctx, c);
	}
}

/* ---- apk --------------------------------------------------------------- */

static const char *const apk_add[] = {"add", NULL};

static bool apk_pinned(const char *pkg)
{
	return strpbrk(pkg, "=<>~") || is_path(pkg) || dt_str_has_suffix(pkg, ".apk");
}

UNPINNED_FN(apk_unpinned_pkg, apk_pinned)

void lint_check_dl3018(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("apk"), r, c) {
		if (cmd_sub(c, "apk", APK_VALUED, apk_add) &&
		    unpinned(c, APK_VALUED, 1, apk_unpinned_pkg))
			report_cmd(ctx, c);
	}
}

void lint_check_dl3019(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("apk"), r, c) {
		if (cmd_sub(c, "apk", APK_VALUED, apk_add) &&
		    !lint_cmd_has_opt(c, 0, "no-cache") &&
		    !lint_run_mounts(r, "/var/cache/apk") &&
		    !lint_run_mounts(r, "/etc/apk/cache"))
			report_cmd(ctx, c);
	}
}

/* ---- pip --------------------------------------------------------------- */

/* The pip command of c, as a view starting after "pip" (pip, pip3,
 * pip3.12, python -m pip, python3 -m pip): false when c is not pip. */
static bool pip_view(const struct lint_cmd *c, struct lint_cmd *view)
{
	size_t i;

	if (c->name[0] != 'p')
		return false;
	*view = *c;
	if (dt_str_has_prefix(c->name, "pip") &&
	    (c->name[3] == '\0' || (c->name[3] >= '0' && c->name[3] <= '9')))
		return true;
	if (!dt_str_has_prefix(c->name, "python"))
		return false;
	for (i = 0; i + 1 < c->n_args; i++) {
		if (strcmp(c->args[i], "-m") == 0) {
			if (!dt_str_has_prefix(c->args[i + 1], "pip"))
				return false;
			view->args = c->args + i + 2;
			view->n_args = c->n_args - i - 2;
			return true;
		}
		if (c->args[i][0] != '-')
			return false;
	}
	return false;
}

static bool pip_install(const struct lint_cmd *c, struct lint_cmd *view)
{
	const char *op;

	if (!pip_view(c, view))
		return false;
	op = lint_cmd_operand(view, PIP_VALUED, 0);
	return op && strcmp(op, "install") == 0;
}

static bool pip_pinned(const char *pkg)
{
	return strstr(pkg, "==") || strpbrk(pkg, "<>~!@") ||
	       strstr(pkg, ">=") || is_path(pkg) || strchr(pkg, '/') ||
	       dt_str_has_suffix(pkg, ".whl") || dt_str_has_suffix(pkg, ".tar.gz") ||
	       dt_str_has_suffix(pkg, ".zip");
}

UNPINNED_FN(pip_unpinned_pkg, pip_pinned)

void lint_check_dl3013(struct lint_ctx *ctx)
{
	FOR_EACH_CMD(ctx, r, c) {
		struct lint_cmd v;

		if (pip_install(c, &v) && unpinned(&v, PIP_VALUED, 1, pip_unpinned_pkg))
			report_cmd(ctx, c);
	}
}

/* Per instruction: ENV or ARG PIP_NO_CACHE_DIR is set by then, in its
 * stage or a stage it builds on.  One pass; NULL when out of memory. */
static bool *pip_cache_off(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	bool *off = dt_arena_alloc(ctx->arena, (f->n_instrs + 1) * sizeof *off);
	bool *stage_off = dt_arena_alloc(ctx->arena, (f->n_stages + 1) * sizeof *off);
	bool cur = false;
	size_t i, k;

	if (!off || !stage_off) {
		ctx->nomem = true;
		return NULL;
	}
	for (i = 0; i < f->n_instrs; i++) {
		const struct lint_instr *in = &f->instrs[i];
		int st = in->stage;

		if (in->kind == LINT_FROM && st >= 0) {
			int p = lint_stage_parent(f, (size_t)st);

			cur = p >= 0 && stage_off[p];
		}
		for (k = 0; (in->kind == LINT_ENV || in->kind == LINT_ARG) &&
		            k < in->n_pairs; k++)
			if (strcmp(in->pairs[k].key, "PIP_NO_CACHE_DIR") == 0 &&
			    in->pairs[k].has_value)
				cur = true;
		if (st >= 0 && (size_t)st < f->n_stages)
			stage_off[st] = cur;
		off[i] = cur;
	}
	return off;
}

static bool pip_cache_mounted(const struct lint_run *r)
{
	size_t i;

	for (i = 0; i < r->instr->n_flags; i++) {
		const struct lint_flag *fl = &r->instr->flags[i];

		if (strcmp(fl->name, "mount") == 0 && fl->value &&
		    (strstr(fl->value, ".cache/pip") || strstr(fl->value, "PIP_CACHE")))
			return true;
	}
	return false;
}

void lint_check_dl3042(struct lint_ctx *ctx)
{
	bool *off = NULL;

	FOR_EACH_CMD(ctx, r, c) {
		struct lint_cmd v;

		if (!pip_install(c, &v) || lint_cmd_has_opt(&v, 0, "no-cache-dir") ||
		    pip_cache_mounted(r))
			continue;
		/* Worked out for the first pip install only: most files have none. */
		if (!off && !(off = pip_cache_off(ctx)))
			return;
		if (!off[r->index])
			report_cmd(ctx, c);
	}
}

/* ---- npm, yarn, gem, go -------------------------------------------------- */

static const char *const npm_install[] = {
	"install", "i", "in", "ins", "inst", "insta", "instal", "isnt",
	"isnta", "isntal", "isntall", "add", NULL,
};

static bool npm_pinned(const char *pkg)
{
	return strchr(pkg + 1, '@') || is_path(pkg) || strchr(pkg, '#') ||
	       dt_str_has_prefix(pkg, "git") || dt_str_has_prefix(pkg, "github:") ||
	       dt_str_has_prefix(pkg, "file:") || dt_str_has_suffix(pkg, ".tgz") ||
	       dt_str_has_suffix(pkg, ".tar.gz") ||
	       (strchr(pkg, '/') && pkg[0] != '@');
}

UNPINNED_FN(npm_unpinned_pkg, npm_pinned)

void lint_check_dl3016(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("npm"), r, c) {
		if (cmd_sub(c, "npm", NPM_VALUED, npm_install) &&
		    unpinned(c, NPM_VALUED, 1, npm_unpinned_pkg))
			report_cmd(ctx, c);
	}
}

/* The RUN mounts a yarn cache or runs yarn cache clean. */
static bool yarn_cache_handled(const struct lint_run *r)
{
	size_t j;

	for (j = 0; j < r->instr->n_flags; j++)
		if (strcmp(r->instr->flags[j].name, "mount") == 0 &&
		    r->instr->flags[j].value &&
		    strstr(r->instr->flags[j].value, "yarn"))
			return true;
	for (j = 0; j < r->n_cmds; j++)
		if (lint_cmd_is(&r->cmds[j], "yarn") &&
		    lint_cmd_has_arg(&r->cmds[j], "cache") &&
		    lint_cmd_has_arg(&r->cmds[j], "clean"))
			return true;
	return false;
}

/* The first yarn install of each RUN that leaves the cache behind. */
void lint_check_dl3060(struct lint_ctx *ctx)
{
	static const char *const install[] = {"install", NULL};
	const struct lint_run *seen = NULL;

	LINT_FOR_NAMED(ctx, LINT_NAMES("yarn"), r, c) {
		if (r == seen || !cmd_sub(c, "yarn", NULL, install))
			continue;
		seen = r;
		if (!yarn_cache_handled(r))
			report_cmd(ctx, c);
	}
}

static const char *const gem_install[] = {"install", "i", NULL};

static bool gem_pinned(const char *pkg)
{
	return strchr(pkg, ':') || is_path(pkg) || dt_str_has_suffix(pkg, ".gem");
}

UNPINNED_FN(gem_unpinned_pkg, gem_pinned)

void lint_check_dl3028(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("gem"), r, c) {
		if (cmd_sub(c, "gem", GEM_VALUED, gem_install) &&
		    !lint_cmd_has_opt(c, 'v', "version") &&
		    unpinned(c, GEM_VALUED, 1, gem_unpinned_pkg))
			report_cmd(ctx, c);
	}
}

static bool go_pinned(const char *pkg)
{
	return strchr(pkg, '@') || pkg[0] == '.' || pkg[0] == '/';
}

UNPINNED_FN(go_unpinned_pkg, go_pinned)

void lint_check_dl3062(struct lint_ctx *ctx)
{
	static const char *const install[] = {"install", NULL};

	LINT_FOR_NAMED(ctx, LINT_NAMES("go"), r, c) {
		if (cmd_sub(c, "go", GO_VALUED, install) &&
		    unpinned(c, GO_VALUED, 1, go_unpinned_pkg))
			report_cmd(ctx, c);
	}
}

/* ---- yum, dnf, microdnf, zypper ------------------------------------------ */

static const char *const rpm_install[] = {
	"install", "groupinstall", "localinstall", "reinstall", NULL,
};

static bool rpm_pinned(const char *pkg)
{
	const char *p;

	for (p = strchr(pkg, '-'); p; p = strchr(p + 1, '-'))
		if (p[1] >= '0' && p[1] <= '9')
			return true;
	return is_path(pkg) || dt_str_has_suffix(pkg, ".rpm") || pkg[0] == '@';
}

UNPINNED_FN(rpm_unpinned_pkg, rpm_pinned)

static bool module_pinned(const char *pkg)
{
	return strchr(pkg, ':') != NULL;
}

UNPINNED_FN(module_unpinned_pkg, module_pinned)

/* yum/dnf install (or "module install"): the unpinned package, if any. */
static bool rpm_unpinned(const struct lint_cmd *c)
{
	static const char *const module[] = {"module", NULL};
	const char *op;

	if (cmd_sub(c, c->name, YUM_VALUED, module)) {
		op = lint_cmd_operand(c, YUM_VALUED, 1);
		return op && strcmp(op, "install") == 0 &&
		       unpinned(c, YUM_VALUED, 2, module_unpinned_pkg);
	}
	return cmd_sub(c, c->name, YUM_VALUED, rpm_install) &&
	       unpinned(c, YUM_VALUED, 1, rpm_unpinned_pkg);
}

static bool is_dnf(const struct lint_cmd *c)
{
	return lint_cmd_is(c, "dnf") || lint_cmd_is(c, "microdnf") ||
	       lint_cmd_is(c, "dnf5");
}

static bool rpm_installs(const struct lint_cmd *c)
{
	static const char *const module[] = {"module", NULL};

	return cmd_sub(c, c->name, YUM_VALUED, rpm_install) ||
	       (cmd_sub(c, c->name, YUM_VALUED, module) &&
	        lint_cmd_operand(c, YUM_VALUED, 1) &&
	        strcmp(lint_cmd_operand(c, YUM_VALUED, 1), "install") == 0);
}

static bool assume_yes(const struct lint_cmd *c)
{
	return lint_cmd_has_opt(c, 'y', "assumeyes") || lint_cmd_has_opt(c, 0, "yes");
}

void lint_check_dl3030(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("yum"), r, c) {
		if (lint_cmd_is(c, "yum") && rpm_installs(c) && !assume_yes(c))
			report_cmd(ctx, c);
	}
}

void lint_check_dl3038(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("dnf", "microdnf", "dnf5"), r, c) {
		if (is_dnf(c) && rpm_installs(c) && !assume_yes(c))
			report_cmd(ctx, c);
	}
}

void lint_check_dl3033(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("yum"), r, c) {
		if (lint_cmd_is(c, "yum") && rpm_unpinned(c))
			report_cmd(ctx, c);
	}
}

void lint_check_dl3041(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("dnf", "microdnf", "dnf5"), r, c) {
		if (is_dnf(c) && rpm_unpinned(c))
			report_cmd(ctx, c);
	}
}

/* `tool clean all` in the RUN (also "clean packages metadata ..."). */
static bool run_cleans(const struct lint_run *r, bool (*is_tool)(const struct lint_cmd *))
{
	size_t i;

	for (i = 0; i < r->n_cmds; i++) {
		const char *op;

		if (!is_tool(&r->cmds[i]))
			continue;
		op = lint_cmd_operand(&r->cmds[i], YUM_VALUED, 0);
		if (op && strcmp(op, "clean") == 0)
			return true;
	}
	return false;
}

static bool is_yum(const struct lint_cmd *c)
{
	return lint_cmd_is(c, "yum");
}

/* The first install of each RUN by one of the tools (names, is_tool)
 * that neither cleans nor removes its caches. */
static void check_clean(struct lint_ctx *ctx, const char *const *names,
                        bool (*is_tool)(const struct lint_cmd *),
                        const char *const *caches)
{
	const struct lint_run *seen = NULL;

	LINT_FOR_NAMED(ctx, names, r, c) {
		const char *const *m;
		bool skip;

		if (r == seen || !rpm_installs(c))
			continue;
		seen = r;
		skip = run_cleans(r, is_tool) || run_removes(r, caches);
		for (m = caches; *m && !skip; m++)
			skip = lint_run_mounts(r, *m);
		if (!skip)
			report_cmd(ctx, c);
	}
}

void lint_check_dl3032(struct lint_ctx *ctx)
{
	static const char *const caches[] = {"/var/cache/yum", NULL};

	check_clean(ctx, LINT_NAMES("yum"), is_yum, caches);
}

void lint_check_dl3040(struct lint_ctx *ctx)
{
	static const char *const caches[] = {
		"/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5", NULL,
	};

	check_clean(ctx, LINT_NAMES("dnf", "microdnf", "dnf5"), is_dnf, caches);
}

static const char *const zypper_install[] = {"install", "in", NULL};

static bool zypper_changes(const struct lint_cmd *c)
{
	static const char *const subs[] = {
		"install", "in", "remove", "rm", "source-install", "si", "patch",
		"update", "up", "dist-upgrade", "dup", NULL,
	};

	return cmd_sub(c, "zypper", ZYPPER_VALUED, subs);
}

void lint_check_dl3034(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("zypper"), r, c) {
		if (zypper_changes(c) && !lint_cmd_has_opt(c, 'n', "non-interactive") &&
		    !lint_cmd_has_opt(c, 'y', "no-confirm"))
			report_cmd(ctx, c);
	}
}

void lint_check_dl3035(struct lint_ctx *ctx)
{
	static const char *const dup[] = {"dist-upgrade", "dup", NULL};

	LINT_FOR_NAMED(ctx, LINT_NAMES("zypper"), r, c) {
		if (cmd_sub(c, "zypper", ZYPPER_VALUED, dup))
			report_cmd(ctx, c);
	}
}

/* The first zypper install of each RUN that leaves the cache behind. */
void lint_check_dl3036(struct lint_ctx *ctx)
{
	static const char *const caches[] = {"/var/cache/zypp", NULL};
	static const char *const clean[] = {"clean", "cc", NULL};
	const struct lint_run *seen = NULL;
	size_t j;

	LINT_FOR_NAMED(ctx, LINT_NAMES("zypper"), r, c) {
		bool skip;

		if (r == seen || !cmd_sub(c, "zypper", ZYPPER_VALUED, zypper_install))
			continue;
		seen = r;
		skip = run_removes(r, caches) || lint_run_mounts(r, caches[0]);
		for (j = 0; j < r->n_cmds && !skip; j++)
			skip = cmd_sub(&r->cmds[j], "zypper", ZYPPER_VALUED, clean);
		if (!skip)
			report_cmd(ctx, c);
	}
}

static bool zypper_pinned(const char *pkg)
{
	return strpbrk(pkg, "=<>") || is_path(pkg) || dt_str_has_suffix(pkg, ".rpm");
}

UNPINNED_FN(zypper_unpinned_pkg, zypper_pinned)

void lint_check_dl3037(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("zypper"), r, c) {
		if (cmd_sub(c, "zypper", ZYPPER_VALUED, zypper_install) &&
		    unpinned(c, ZYPPER_VALUED, 1, zypper_unpinned_pkg))
			report_cmd(ctx, c);
	}
}
