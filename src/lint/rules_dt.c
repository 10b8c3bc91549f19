/* The course's own rules (rules_dt.def): what the lessons teach about
 * users, permissions, downloads, secrets, upgrades, heredoc scripts, stage
 * names and cache order, where the Dockerfile alone decides.
 *
 * Design: shell commands are read from the framework's normalised RUN
 * commands (ctx->runs), never by matching substrings of a script, so a
 * `curl` in a comment or a quoted string is not a download.  Each rule is a
 * walk over instructions or commands plus a small predicate; tables of
 * names (secret files, token prefixes, install commands) are data, not
 * code. */
#include <string.h>

#include "rules.h"

#define STAGE_MAX_CHAIN 64   /* FROM name hops followed to a base image */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* The instruction a rule looks at: ONBUILD's trigger or itself. */
static const struct lint_instr *inner(const struct lint_instr *in)
{
	return in->kind == LINT_ONBUILD && in->inner ? in->inner : in;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[0] == list[i][0] && strcmp(s, list[i]) == 0)
			return true;
	return false;
}

#define IN_LIST(s, list) in_list(s, list, sizeof list / sizeof list[0])

/* COPY and ADD sources: every word but the destination; none for heredoc
 * forms. */
static size_t copy_sources(const struct lint_instr *in)
{
	if (in->n_heredocs > 0 || in->n_args < 2)
		return 0;
	return in->n_args - 1;
}

/* ---- DT1001: the final stage never sets USER ----------------------------- */

void lint_check_dt1001(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	int s = f->n_stages ? (int)f->n_stages - 1 : -1;
	const struct lint_instr *from;
	const char *img = "";
	size_t hops = 0, i;

	if (s < 0 || f->stages[s].from >= f->n_instrs)
		return;
	from = &f->instrs[f->stages[s].from];
	while (s >= 0 && hops++ < STAGE_MAX_CHAIN) {
		for (i = f->stages[s].from; i < f->stages[s].end && i < f->n_instrs; i++)
			if (f->instrs[i].kind == LINT_USER)
				return;
		img = lint_stage_image(&f->stages[s]);
		s = lint_stage_parent(f, (size_t)s);
	}
	/* Windows images and :nonroot images choose their own user. */
	if (s >= 0 || strstr(img, "nonroot") || strchr(img, '$') ||
	    strstr(img, "windows") || strstr(img, "nanoserver") ||
	    strstr(img, "servercore"))
		return;
	lint_report(ctx, from->line, from->col, NULL);
}

/* ---- DT1002: world-writable modes ------------------------------------- */

/* An octal mode whose "other" digit has the write bit and no sticky bit. */
static bool octal_world_writable(const char *m)
{
	size_t n = strspn(m, "01234567");

	if (n == 0 || n > 4 || m[n] != '\0')
		return false;
	if (n == 4 && ((m[0] - '0') & 1))
		return false;
	return ((m[n - 1] - '0') & 2) != 0;
}

/* A symbolic mode clause such as a+rwx or o=w: "who" is o or a (an empty
 * who goes through the umask and is left alone), the permissions gain w,
 * and t (sticky) is absent. */
static bool symbolic_world_writable(const char *m)
{
	while (*m) {
		size_t len = strcspn(m, ",");
		bool other = false, grant = false, w = false, t = false;
		size_t i = 0;

		for (; i < len && strchr("ugoa", m[i]); i++)
			other = other || m[i] == 'o' || m[i] == 'a';
		for (; i < len; i++) {
			if (m[i] == '+' || m[i] == '=')
				grant = true;
			else if (m[i] == '-')
				grant = false;
			else if (m[i] == 'w' && grant)
				w = true;
			else if (m[i] == 't')
				t = true;
		}
		if (other && w && !t)
			return true;
		m += len;
		if (*m == ',')
			m++;
	}
	return false;
}

static bool world_writable(const char *mode)
{
	return mode && (octal_world_writable(mode) ||
	                (mode[0] && !strchr("0123456789", mode[0]) &&
	                 symbolic_world_writable(mode)));
}

/* chmod's mode: the first word that is not an option (a mode such as -w
 * also starts with a dash, but is never the first operand then). */
static const char *chmod_mode(const struct lint_cmd *c)
{
	size_t i;

	for (i = 0; i < c->n_args; i++) {
		const char *a = c->args[i];

		if (strcmp(a, "--") == 0)
			return i + 1 < c->n_args ? c->args[i + 1] : NULL;
		if (a[0] == '-' && a[1] && strspn(a + 1, "RvcfH") == strlen(a + 1))
			continue;
		if (dt_str_has_prefix(a, "--"))
			continue;
		return a;
	}
	return NULL;
}

void lint_check_dt1002(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_NAMED(ctx, LINT_NAMES("chmod"), r, c) {
		const char *mode;

		if (world_writable(mode = chmod_mode(c)))
			lint_report(ctx, c->line, c->col,
			            "World-writable permissions (chmod %s): fix ownership instead",
			            mode);
	}
	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY, LINT_ADD), true, i) {
		const struct lint_instr *in = inner(&f->instrs[i]);
		const struct lint_flag *fl;

		if ((in->kind == LINT_COPY || in->kind == LINT_ADD) &&
		    (fl = lint_instr_flag(in, "chmod")) != NULL &&
		    world_writable(fl->value))
			lint_report(ctx, fl->line ? fl->line : f->instrs[i].line,
			            fl->line ? fl->col : f->instrs[i].col,
			            "World-writable permissions (--chmod=%s): fix ownership instead",
			            fl->value);
	}
}

/* ---- DT1003: download piped into a shell ------------------------------ */

static const char *const downloaders[] = {"curl", "wget", "fetch", NULL};
static const char *const shells[] = {
	"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", NULL,
};

static bool is_shell(const struct lint_cmd *c)
{
	const char *const *p;

	for (p = shells; *p; p++)
		if (lint_cmd_is(c, *p))
			return true;
	return false;
}

/* "$(curl ..." or "`wget ..." somewhere in word. */
static bool substitutes_download(const char *word)
{
	size_t k;

	for (k = 0; downloaders[k]; k++) {
		const char *p = word;

		while ((p = strstr(p, downloaders[k])) != NULL) {
			if ((p - word >= 2 && p[-2] == '$' && p[-1] == '(') ||
			    (p > word && p[-1] == '`'))
				return true;
			p++;
		}
	}
	return false;
}

/* sh -c "$(curl ...)" (c a shell) runs the download as well. */
static bool runs_substituted_download(const struct lint_cmd *c)
{
	size_t i;

	for (i = 0; i < c->n_args; i++)
		if (substitutes_download(c->args[i]))
			return true;
	return false;
}

/* The command of r->cmds at i starts a pipeline that reaches a shell. */
static bool piped_to_shell(const struct lint_run *r, size_t i)
{
	const struct lint_cmd *c = &r->cmds[i];
	size_t j;

	if (strcmp(c->sep, "|") != 0)
		return false;
	for (j = i + 1; j < r->n_cmds; j++) {
		const struct lint_cmd *d = &r->cmds[j];

		if (d->depth > c->depth)
			continue;        /* a $( ) inside the previous command */
		if (d->depth < c->depth)
			return false;
		if (is_shell(d))
			return true;
		if (strcmp(d->sep, "|") != 0)
			return false;
	}
	return false;
}

void lint_check_dt1003(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, downloaders, r, c)
		if (piped_to_shell(r, (size_t)(c - r->cmds)))
			lint_report(ctx, c->line, c->col, NULL);
	LINT_FOR_NAMED(ctx, shells, r, c)
		if (runs_substituted_download(c))
			lint_report(ctx, c->line, c->col, NULL);
}

/* ---- DT1004: ADD of a URL without --checksum ----------------------------- */

static bool is_http_source(const char *src)
{
	const char *hash;
	size_t n;

	if (!dt_str_has_prefix(src, "http://") && !dt_str_has_prefix(src, "https://"))
		return false;
	/* https://host/org/repo.git[#ref] is a Git source. */
	hash = strchr(src, '#');
	n = hash ? (size_t)(hash - src) : strlen(src);
	return !(n >= 4 && strncmp(src + n - 4, ".git", 4) == 0);
}

void lint_check_dt1004(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_ADD), true, i) {
		const struct lint_instr *in = inner(&f->instrs[i]);

		if (in->kind != LINT_ADD || lint_instr_flag(in, "checksum"))
			continue;
		for (k = 0; k < copy_sources(in); k++)
			if (is_http_source(in->args[k])) {
				lint_report(ctx, f->instrs[i].line, f->instrs[i].col,
				            "ADD of %s without --checksum", in->args[k]);
				break;
			}
	}
}

/* ---- DT1005: secret files copied by name -------------------------------- */

static const char *const secret_names[] = {
	".env", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".npmrc",
	".pypirc", ".netrc", ".git-credentials", ".pgpass", "credentials",
};
static const char *const secret_suffixes[] = {".key", ".pem", ".p12", ".pfx"};
static const char *const env_samples[] = {
	".env.example", ".env.sample", ".env.template", ".env.dist",
};
/* Parts of names that mark a .pem as a public certificate. */
static const char *const public_marks[] = {"cert", "chain", "bundle", "pub"};

static bool is_secret_file(const char *src)
{
	char name[256];
	size_t n, i;

	if (!dt_strlcpy(name, base_name(src), sizeof name))
		return false;
	n = strlen(name);
	while (n > 1 && name[n - 1] == '/')
		name[--n] = '\0';
	if (IN_LIST(name, secret_names))
		return true;
	if (dt_str_has_prefix(name, ".env.") && !IN_LIST(name, env_samples))
		return true;
	for (i = 0; i < sizeof secret_suffixes / sizeof secret_suffixes[0]; i++) {
		size_t k = strlen(secret_suffixes[i]);

		if (n >= k && memcmp(name + n - k, secret_suffixes[i], k) == 0)
			break;
	}
	if (i == sizeof secret_suffixes / sizeof secret_suffixes[0])
		return false;
	if (strcmp(name, "ca.pem") == 0)
		return false;
	for (i = 0; i < sizeof public_marks / sizeof public_marks[0]; i++)
		if (strstr(name, public_marks[i]))
			return false;
	return true;
}

void lint_check_dt1005(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY, LINT_ADD), true, i) {
		const struct lint_instr *in = inner(&f->instrs[i]);

		if (in->kind != LINT_COPY && in->kind != LINT_ADD)
			continue;
		for (k = 0; k < copy_sources(in); k++)
			if (is_secret_file(in->args[k]))
				lint_report(ctx, f->instrs[i].line, f->instrs[i].col,
				            "Secret file %s copied into the image", in->args[k]);
	}
}

/* ---- DT1006: package upgrades ------------------------------------------ */

struct upgrade {
	const char *tool;
	const char *const *subs;     /* subcommands that upgrade */
	bool whole_only;             /* only without package operands */
	const char *valued;          /* options that take a value */
};

static const char *const apt_subs[] = {
	"upgrade", "dist-upgrade", "full-upgrade", NULL,
};
static const char *const apk_subs[] = {"upgrade", NULL};
static const char *const rpm_subs[] = {
	"upgrade", "update", "upgrade-minimal", "update-minimal", "distro-sync",
	NULL,
};
static const char *const zypper_subs[] = {
	"update", "up", "dist-upgrade", "dup", "patch", NULL,
};

/* Options that take a value, as lint_cmd_operand wants them: each name
 * with a blank on both sides. */
#define APT_VALUED " -o -c -t --option --config-file --target-release --default-release "
#define APK_VALUED " -X -p -t --repository --root --arch --cache-dir --keys-dir --repositories-file --virtual "
#define RPM_VALUED " -c -x -d -e --config --exclude --installroot --releasever " \
	"--setopt --enablerepo --disablerepo --repo --repoid "
#define ZYPPER_VALUED " -c --config -r --repo -R --root --from -t --type "
#define NPM_VALUED " --prefix --registry --tag --cache -C -w --workspace --omit --include --install-strategy "

static const struct upgrade upgrades[] = {
	{"apt-get", apt_subs, false, APT_VALUED},
	{"apt", apt_subs, false, APT_VALUED},
	{"aptitude", apt_subs, false, APT_VALUED},
	{"apk", apk_subs, false, APK_VALUED},
	{"dnf", rpm_subs, true, RPM_VALUED},
	{"yum", rpm_subs, true, RPM_VALUED},
	{"microdnf", rpm_subs, true, RPM_VALUED},
	{"tdnf", rpm_subs, true, RPM_VALUED},
	{"zypper", zypper_subs, true, ZYPPER_VALUED},
};

static bool sub_in(const char *sub, const char *const *subs)
{
	for (; *subs; subs++)
		if (strcmp(sub, *subs) == 0)
			return true;
	return false;
}

static const struct upgrade *upgrade_of(const struct lint_cmd *c,
                                        const char **sub)
{
	size_t i;

	for (i = 0; i < sizeof upgrades / sizeof upgrades[0]; i++) {
		const struct upgrade *u = &upgrades[i];

		if (!lint_cmd_is(c, u->tool))
			continue;
		*sub = lint_cmd_operand(c, u->valued, 0);
		if (!*sub || !sub_in(*sub, u->subs))
			return NULL;
		if (u->whole_only && lint_cmd_operand(c, u->valued, 1))
			return NULL;
		return u;
	}
	return NULL;
}

/* The programs of a table of n entries of size bytes whose first member
 * is the program name, as a NULL-terminated list in names (room for
 * LINT_NAMED_MAX + 1) for LINT_FOR_NAMED. */
static void table_names(const void *table, size_t n, size_t size,
                        const char **names)
{
	size_t i;

	for (i = 0; i < n && i < LINT_NAMED_MAX; i++)
		names[i] = *(const char *const *)((const char *)table + i * size);
	names[i] = NULL;
}

#define TABLE_NAMES(table, names) \
	table_names(table, sizeof table / sizeof table[0], sizeof table[0], names)

_Static_assert(sizeof upgrades / sizeof upgrades[0] <= LINT_NAMED_MAX,
               "every upgrade tool is walked");

void lint_check_dt1006(struct lint_ctx *ctx)
{
	const char *names[LINT_NAMED_MAX + 1];

	TABLE_NAMES(upgrades, names);
	LINT_FOR_NAMED(ctx, names, r, c) {
		const struct upgrade *u;
		const char *sub = NULL;

		if ((u = upgrade_of(c, &sub)) != NULL)
			lint_report(ctx, c->line, c->col,
			            "Package upgrade during the build (%s %s)",
			            u->tool, sub);
	}
}

/* ---- DT1007: credentials in ENV and ARG values ------------------------- */

/* Token formats: a prefix, then at least min characters of [A-Za-z0-9_-]
 * (upper-case letters and digits only when upper is set). */
struct token {
	const char *prefix;
	size_t len;              /* of prefix */
	size_t min;
	bool upper;
};

#define TOKEN(prefix, min, upper) { prefix, sizeof prefix - 1, min, upper }

static const struct token tokens[] = {
	TOKEN("ghp_", 30, false), TOKEN("gho_", 30, false),
	TOKEN("ghu_", 30, false), TOKEN("ghs_", 30, false),
	TOKEN("ghr_", 30, false), TOKEN("github_pat_", 40, false),
	TOKEN("glpat-", 20, false), TOKEN("xoxb-", 20, false),
	TOKEN("xoxp-", 20, false), TOKEN("xoxa-", 20, false),
	TOKEN("sk_live_", 20, false), TOKEN("rk_live_", 20, false),
	TOKEN("AKIA", 16, true), TOKEN("ASIA", 16, true),
	TOKEN("AIza", 35, false), TOKEN("npm_", 36, false),
};

static size_t token_run(const char *s, bool upper)
{
	size_t n = 0;

	for (; s[n]; n++) {
		char c = s[n];
		bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		if (!upper)
			ok = ok || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
		if (!ok)
			break;
	}
	return n;
}

static bool has_token(const char *v)
{
	size_t i, len = strlen(v);
	const char *p;

	for (i = 0; i < sizeof tokens / sizeof tokens[0]; i++) {
		/* Most values are too short to hold a token at all. */
		if (len < tokens[i].len + tokens[i].min)
			continue;
		for (p = v; (p = strstr(p, tokens[i].prefix)) != NULL; p++) {
			bool start = p == v || !((p[-1] >= 'A' && p[-1] <= 'Z') ||
			                         (p[-1] >= 'a' && p[-1] <= 'z') ||
			                         (p[-1] >= '0' && p[-1] <= '9'));
			if (start && token_run(p + tokens[i].len, tokens[i].upper) >=
			             tokens[i].min)
				return true;
		}
	}
	return false;
}

/* scheme://user:password@host with a literal password. */
static bool has_url_password(const char *v)
{
	const char *p = strstr(v, "://");

	while (p) {
		const char *auth = p + 3;
		size_t n = strcspn(auth, "/?#@ \t");
		const char *colon;

		if (auth[n] == '@') {
			colon = memchr(auth, ':', n);
			if (colon && colon + 1 < auth + n && colon[1] != '$')
				return true;
		}
		p = strstr(auth, "://");
	}
	return false;
}

static bool looks_secret(const char *v)
{
	return strstr(v, "PRIVATE KEY-----") || has_token(v) || has_url_password(v);
}

void lint_check_dt1007(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_ENV, LINT_ARG), true, i) {
		const struct lint_instr *in = inner(&f->instrs[i]);

		if (in->kind != LINT_ENV && in->kind != LINT_ARG)
			continue;
		for (k = 0; k < in->n_pairs; k++)
			if (in->pairs[k].has_value && looks_secret(in->pairs[k].value))
				lint_report(ctx, in->pairs[k].line, in->pairs[k].col,
				            "%s %s: the value looks like a credential",
				            lint_instr_name(in->kind), in->pairs[k].key);
	}
}

/* ---- DT1008: heredoc scripts without set -e -------------------------- */

/* Options of set, a shell or a #! line that turn on errexit: -e, -ex,
 * -eu, -euo (but not -o on its own). */
static bool errexit_option(const char *a)
{
	return a[0] == '-' && a[1] != '-' && a[1] != 'o' && strchr(a, 'e');
}

/* set -e, set -eux, set -o errexit. */
static bool sets_errexit(const struct lint_shell_cmd *c)
{
	size_t i;

	if (c->argc < 2 || strcmp(c->argv[0], "set") != 0)
		return false;
	for (i = 1; i < c->argc; i++)
		if (errexit_option(c->argv[i]) ||
		    (strcmp(c->argv[i], "errexit") == 0 &&
		     strcmp(c->argv[i - 1], "-o") == 0))
			return true;
	return false;
}

/* A failure in the script can go unnoticed: a top-level command (other
 * than true or :) is followed by another after ';', a newline or '&'. */
static bool failures_ignored(const struct lint_script *s)
{
	size_t i, last = s->n_cmds;

	for (i = 0; i < s->n_cmds; i++)
		if (s->cmds[i].depth == 0) {
			if (sets_errexit(&s->cmds[i]))
				return false;
			last = i;
		}
	for (i = 0; i < s->n_cmds; i++)
		if (s->cmds[i].depth == 0 && i != last &&
		    (strcmp(s->cmds[i].sep, ";") == 0 || strcmp(s->cmds[i].sep, "&") == 0) &&
		    strcmp(s->cmds[i].argv[0], "true") != 0 &&
		    strcmp(s->cmds[i].argv[0], ":") != 0)
			return true;
	return false;
}

/* The SHELL in effect for instruction index, NULL for the default. */
static const struct lint_instr *shell_of(const struct lint_file *f, size_t index)
{
	int s = f->instrs[index].stage;
	size_t hops = 0, end = index, i;

	while (s >= 0 && (size_t)s < f->n_stages && hops++ < STAGE_MAX_CHAIN) {
		for (i = end; i-- > f->stages[s].from;)
			if (f->instrs[i].kind == LINT_SHELL)
				return &f->instrs[i];
		s = lint_stage_parent(f, (size_t)s);
		if (s >= 0)
			end = f->stages[s].end;
	}
	return NULL;
}

static bool shell_has_errexit(const struct lint_instr *sh)
{
	size_t i;

	for (i = 1; sh && i < sh->n_args; i++)
		if (errexit_option(sh->args[i]))
			return true;
	return false;
}

/* A #! line naming a POSIX shell without -e, or no #! line at all. */
static bool shebang_unsafe(const char *body)
{
	char line[256], *save = NULL, *w;
	size_t n = strcspn(body, "\n");

	if (body[0] != '#' || body[1] != '!')
		return true;
	if (n >= sizeof line)
		return false;
	memcpy(line, body + 2, n - 2);
	line[n - 2] = '\0';
	w = strtok_r(line, " \t", &save);
	if (w && strcmp(base_name(w), "env") == 0)
		w = strtok_r(NULL, " \t", &save);
	if (!w || !lint_shell_is_posix(w))
		return false;
	while ((w = strtok_r(NULL, " \t", &save)) != NULL)
		if (errexit_option(w))
			return false;
	return true;
}

/* The heredoc body a RUN hands to a POSIX shell as its script, when that
 * shell does not stop on errors: RUN <<EOF (run by the stage's SHELL), or
 * RUN sh <<EOF / bash -s <<EOF without -e.  NULL otherwise. */
static const char *heredoc_script(const struct lint_file *f, size_t index,
                                  const struct lint_instr *in)
{
	const char *body = in->n_heredocs == 1 ? in->heredocs[0].body : NULL;
	size_t i;

	if (!body || in->form != LINT_FORM_SHELL || in->n_args == 0)
		return NULL;
	if (dt_str_has_prefix(in->args[0], "<<")) {
		if (in->n_args != 1 || shell_has_errexit(shell_of(f, index)))
			return NULL;
	} else if (lint_shell_is_posix(in->args[0])) {
		for (i = 1; i < in->n_args && !dt_str_has_prefix(in->args[i], "<<"); i++)
			if (errexit_option(in->args[i]) || strcmp(in->args[i], "-c") == 0)
				return NULL;
	} else {
		return NULL;
	}
	return shebang_unsafe(body) ? body : NULL;
}

/* The commands of the heredoc body of instruction index: the ones the
 * RUN's reading kept, or read now.  False when out of memory. */
static bool body_script(struct lint_ctx *ctx, size_t index,
                        const struct lint_instr *in, struct lint_script *s)
{
	const struct lint_run *r = lint_run_of(ctx, index);

	if (r && r->heredoc_scripts && r->heredoc_scripts[0]) {
		*s = *r->heredoc_scripts[0];
		return true;
	}
	return lint_shell_parse(ctx->arena, in->heredocs[0].body,
	                        in->heredocs[0].line, s);
}

void lint_check_dt1008(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_RUN), true, i) {
		const struct lint_instr *in = inner(&f->instrs[i]);
		struct lint_script s;

		if (in->kind != LINT_RUN || !ctx->posix[i] ||
		    !heredoc_script(f, i, in))
			continue;
		if (!body_script(ctx, i, in, &s)) {
			ctx->nomem = true;
			return;
		}
		if (failures_ignored(&s))
			lint_report(ctx, f->instrs[i].line, f->instrs[i].col, NULL);
	}
}

/* ---- DT1009: stages by number ------------------------------------------ */

static bool all_digits(const char *s)
{
	return s && *s && strspn(s, "0123456789") == strlen(s);
}

void lint_check_dt1009(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_COPY, LINT_RUN), true, i) {
		const struct lint_instr *top = &f->instrs[i], *in = inner(top);

		for (k = 0; k < in->n_flags; k++) {
			const struct lint_flag *fl = &in->flags[k];
			const char *from = NULL;

			if (in->kind == LINT_COPY && strcmp(fl->name, "from") == 0)
				from = fl->value;
			else if (in->kind == LINT_RUN && strcmp(fl->name, "mount") == 0 &&
			         fl->value)
				from = lint_kv_get(ctx->arena, fl->value, "from");
			if (all_digits(from))
				lint_report(ctx, fl->line ? fl->line : top->line,
				            fl->line ? fl->col : top->col,
				            "Stage referred to by number (from=%s): name the stage with AS and use its name",
				            from);
		}
	}
}

/* ---- DT1010: index update without install -------------------------------- */

/* A package manager whose index `update` refreshes, and the subcommands
 * that read that index. */
struct index_tool {
	const char *const *programs;
	const char *const *use;
	const char *valued;
};

static const char *const apt_programs[] = {"apt-get", "apt", NULL};
static const char *const apt_use[] = {
	"install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep",
	"source", "download", NULL,
};
static const char *const apk_programs[] = {"apk", NULL};
static const char *const apk_use[] = {"add", "upgrade", "fix", NULL};
static const char *const update_sub[] = {"update", NULL};

static const struct index_tool index_tools[] = {
	{apt_programs, apt_use, APT_VALUED},
	{apk_programs, apk_use, APK_VALUED},
};

/* c runs one of t's programs with a subcommand of subs. */
static bool runs_sub(const struct lint_cmd *c, const struct index_tool *t,
                     const char *const *subs)
{
	const char *const *p;
	const char *sub;

	for (p = t->programs; *p; p++)
		if (lint_cmd_is(c, *p))
			return (sub = lint_cmd_operand(c, t->valued, 0)) && sub_in(sub, subs);
	return false;
}

static bool index_used(const struct lint_run *r, const struct index_tool *t)
{
	size_t k;

	for (k = 0; k < r->n_cmds; k++)
		if (runs_sub(&r->cmds[k], t, t->use))
			return true;
	return false;
}

void lint_check_dt1010(struct lint_ctx *ctx)
{
	const char *names[LINT_NAMED_MAX + 1];
	const char *const *p;
	size_t t, k = 0;

	for (t = 0; t < sizeof index_tools / sizeof index_tools[0]; t++)
		for (p = index_tools[t].programs; *p && k < LINT_NAMED_MAX; p++)
			names[k++] = *p;
	names[k] = NULL;
	LINT_FOR_NAMED(ctx, names, r, c)
		for (t = 0; t < sizeof index_tools / sizeof index_tools[0]; t++)
			if (runs_sub(c, &index_tools[t], update_sub) &&
			    !index_used(r, &index_tools[t]))
				lint_report(ctx, c->line, c->col,
				            "%s update without an install in the same RUN",
				            c->name);
}

/* ---- DT1011: dependencies installed after COPY . . ----------------------- */

/* The dependency installs whose cache a COPY of the whole context
 * defeats: tool, subcommand, and what else must hold. */
enum needs { NEED_NOTHING, NEED_NO_PACKAGE, NEED_REQUIREMENTS, NEED_SUB2 };

struct install {
	const char *tool, *sub, *sub2;
	enum needs needs;
	const char *valued;
};

static const struct install installs[] = {
	{"npm", "ci", NULL, NEED_NOTHING, NPM_VALUED},
	{"npm", "install", NULL, NEED_NO_PACKAGE, NPM_VALUED},
	{"npm", "i", NULL, NEED_NO_PACKAGE, NPM_VALUED},
	{"yarn", "install", NULL, NEED_NOTHING, NULL},
	{"pnpm", "install", NULL, NEED_NO_PACKAGE, NPM_VALUED},
	{"pnpm", "i", NULL, NEED_NO_PACKAGE, NPM_VALUED},
	{"pip", "install", NULL, NEED_REQUIREMENTS, NULL},
	{"pip3", "install", NULL, NEED_REQUIREMENTS, NULL},
	{"go", "mod", "download", NEED_SUB2, NULL},
	{"bundle", "install", NULL, NEED_NOTHING, NULL},
	{"composer", "install", NULL, NEED_NOTHING, NULL},
	{"poetry", "install", NULL, NEED_NOTHING, NULL},
};

static const struct install *install_of(const struct lint_cmd *c)
{
	size_t i;

	for (i = 0; i < sizeof installs / sizeof installs[0]; i++) {
		const struct install *in = &installs[i];
		const char *sub = lint_cmd_is(c, in->tool)
		                  ? lint_cmd_operand(c, in->valued, 0) : NULL;
		const char *next = sub ? lint_cmd_operand(c, in->valued, 1) : NULL;

		if (!sub || strcmp(sub, in->sub) != 0)
			continue;
		if ((in->needs == NEED_NO_PACKAGE && next) ||
		    (in->needs == NEED_REQUIREMENTS &&
		     !lint_cmd_has_opt(c, 'r', "requirement")) ||
		    (in->needs == NEED_SUB2 && !(next && strcmp(next, in->sub2) == 0)))
			continue;
		return in;
	}
	return NULL;
}

/* COPY of the whole context: a source "." or "./" (not --from). */
static bool copies_context(const struct lint_instr *in)
{
	size_t k;

	if (in->kind != LINT_COPY || lint_instr_flag(in, "from"))
		return false;
	for (k = 0; k < copy_sources(in); k++)
		if (strcmp(in->args[k], ".") == 0 || strcmp(in->args[k], "./") == 0)
			return true;
	return false;
}

_Static_assert(sizeof installs / sizeof installs[0] <= LINT_NAMED_MAX,
               "every install tool is walked");

/* Per stage: the index of its first COPY of the whole context (the number
 * of instructions when none).  NULL when out of memory. */
static size_t *first_context_copies(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t *first = dt_arena_alloc_raw(ctx->arena,
	                                   (f->n_stages + 1) * sizeof *first);
	size_t s, i;

	if (!first)
		return NULL;
	for (s = 0; s < f->n_stages; s++) {
		first[s] = f->n_instrs;
		for (i = f->stages[s].from; i < f->stages[s].end && i < f->n_instrs; i++)
			if (copies_context(&f->instrs[i])) {
				first[s] = i;
				break;
			}
	}
	return first;
}

/* Each stage's first install by each tool, when the whole context was
 * copied before it: walked over the install commands in file order. */
void lint_check_dt1011(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	const char *names[LINT_NAMED_MAX + 1];
	unsigned *done = NULL;
	size_t *copy = NULL;

	TABLE_NAMES(installs, names);
	LINT_FOR_NAMED(ctx, names, r, c) {
		const struct install *in;
		int s = r->top->stage;
		unsigned bit;
		size_t k;

		if (r->top->kind != LINT_RUN || s < 0 || (size_t)s >= f->n_stages ||
		    !(in = install_of(c)))
			continue;
		/* Worked out at the first install: most files have none. */
		if (!done && (!(copy = first_context_copies(ctx)) ||
		              !(done = dt_arena_alloc(ctx->arena,
		                                      (f->n_stages + 1) * sizeof *done)))) {
			ctx->nomem = true;
			return;
		}
		for (k = 0; strcmp(names[k], in->tool) != 0; k++)
			;
		bit = 1u << k;
		if (done[s] & bit)
			continue;
		done[s] |= bit;
		if (copy[s] < r->index)
			lint_report(ctx, c->line, c->col,
			            "%s %s runs after the whole context was copied (line %d): copy the dependency manifests first",
			            in->tool, in->sub, f->instrs[copy[s]].line);
	}
}
