/* hadolint's label rules: label keys (DL3048) and the label schema of the
 * configuration (label-schema, --require-label): missing (DL3049),
 * superfluous under strict-labels (DL3050), empty (DL3051) and values of
 * the wrong form (DL3052-DL3056, DL3058).
 *
 * A value that holds a variable is only known at build time and is not
 * judged; a missing label is looked for in the final stage and the stages
 * it builds on. */
#include <string.h>

#include "rules.h"

static const char *schema_type(const struct lint_config *cfg, const char *key)
{
	size_t i;

	for (i = 0; i < cfg->n_label_schema; i++)
		if (strcmp(cfg->label_schema[i].label, key) == 0)
			return cfg->label_schema[i].type;
	return NULL;
}

static bool lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool valid_key(const char *k)
{
	size_t n = strlen(k), i;

	if (strchr(k, '$'))
		return true;
	if (n == 0 || !(k[0] >= 'a' && k[0] <= 'z') || !lower_alnum(k[n - 1]))
		return false;
	if (dt_str_has_prefix(k, "com.docker.") || dt_str_has_prefix(k, "io.docker.") ||
	    dt_str_has_prefix(k, "org.dockerproject."))
		return false;
	for (i = 0; i < n; i++) {
		if (!lower_alnum(k[i]) && k[i] != '.' && k[i] != '-')
			return false;
		if ((k[i] == '.' || k[i] == '-') && (k[i + 1] == '.' || k[i + 1] == '-'))
			return false;
	}
	return true;
}

void lint_check_dl3048(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_LABEL), false, i) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->kind != LINT_LABEL)
			continue;
		for (k = 0; k < in->n_pairs; k++) {
			if (!valid_key(in->pairs[k].key)) {
				lint_report(ctx, in->pairs[k].line ? in->pairs[k].line : in->line,
				            in->pairs[k].line ? in->pairs[k].col : in->col, NULL);
				break;
			}
		}
	}
}

/* ---- value forms ----------------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool valid_url(const char *v)
{
	const char *p = v;

	if (!is_alpha(*p))
		return false;
	while (is_alpha(*p) || is_digit(*p) || *p == '+' || *p == '.' || *p == '-')
		p++;
	if (*p != ':' || !p[1])
		return false;
	for (p++; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>')
			return false;
	return true;
}

/* n digits at p. */
static bool digits(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(p[i]))
			return false;
	return true;
}

/* 2024-03-01T12:00:00Z, with optional fraction and numeric offset. */
static bool valid_rfc3339(const char *v)
{
	const char *p = v;

	if (!digits(p, 4) || p[4] != '-' || !digits(p + 5, 2) || p[7] != '-' ||
	    !digits(p + 8, 2) || (p[10] != 'T' && p[10] != 't' && p[10] != ' ') ||
	    !digits(p + 11, 2) || p[13] != ':' || !digits(p + 14, 2) ||
	    p[16] != ':' || !digits(p + 17, 2))
		return false;
	p += 19;
	if (*p == '.') {
		if (!is_digit(*++p))
			return false;
		while (is_digit(*p))
			p++;
	}
	if ((*p == 'Z' || *p == 'z') && !p[1])
		return true;
	return (*p == '+' || *p == '-') && digits(p + 1, 2) && p[3] == ':' &&
	       digits(p + 4, 2) && !p[6];
}

static bool valid_hash(const char *v)
{
	size_t n = strspn(v, "0123456789abcdefABCDEF");

	return v[n] == '\0' && ((n >= 7 && n <= 40) || n == 64);
}

/* A numeric identifier without leading zeros (numeric_only: digits only),
 * or an alphanumeric one with dashes; returns the end or NULL. */
static const char *semver_ident(const char *p, bool numeric_only)
{
	const char *s = p;
	bool num = true;

	while (is_digit(*p) || (!numeric_only && (is_alpha(*p) || *p == '-'))) {
		if (!is_digit(*p))
			num = false;
		p++;
	}
	if (p == s)
		return NULL;
	if (num && p - s > 1 && s[0] == '0')
		return NULL;
	return p;
}

static bool valid_semver(const char *v)
{
	const char *p = v;
	int i;

	for (i = 0; i < 3; i++) {
		if (!(p = semver_ident(p, true)))
			return false;
		if (i < 2 && *p++ != '.')
			return false;
	}
	if (*p == '-')
		do {
			if (!(p = semver_ident(p + 1, false)))
				return false;
		} while (*p == '.');
	if (*p == '+')
		do {
			const char *s = ++p;

			while (is_alpha(*p) || is_digit(*p) || *p == '-')
				p++;
			if (p == s)
				return false;
		} while (*p == '.');
	return *p == '\0';
}

static bool valid_email(const char *v)
{
	const char *at = strchr(v, '@');
	const char *p;

	if (!at || at == v || strchr(at + 1, '@') || !at[1] || v[0] == '.' ||
	    at[-1] == '.')
		return false;
	for (p = v; p < at; p++)
		if (!is_alpha(*p) && !is_digit(*p) && !strchr("!#$%&'*+/=?^_`{|}~.-", *p))
			return false;
	for (p = at + 1; *p; p++) {
		if (!is_alpha(*p) && !is_digit(*p) && *p != '-' && *p != '.')
			return false;
		if (*p == '.' && (p[1] == '.' || p[1] == '\0' || p == at + 1))
			return false;
	}
	return true;
}

/* SPDX license identifiers in common use (spdx.org/licenses), sorted. */
static const char *const spdx_ids[] = {
	"0BSD", "AFL-3.0", "AGPL-1.0-only", "AGPL-1.0-or-later", "AGPL-3.0",
	"AGPL-3.0-only", "AGPL-3.0-or-later", "APSL-2.0", "Apache-1.0",
	"Apache-1.1", "Apache-2.0", "Artistic-1.0", "Artistic-2.0",
	"BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause",
	"BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "BUSL-1.1",
	"CC-BY-3.0", "CC-BY-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0",
	"CC-BY-ND-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0",
	"CDDL-1.0", "CDDL-1.1", "CECILL-2.1", "CPL-1.0", "ECL-2.0", "EPL-1.0",
	"EPL-2.0", "EUPL-1.1", "EUPL-1.2", "FTL", "GFDL-1.3-only",
	"GFDL-1.3-or-later", "GPL-1.0-only", "GPL-1.0-or-later", "GPL-2.0",
	"GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only",
	"GPL-3.0-or-later", "HPND", "ICU", "IJG", "ISC", "LGPL-2.0-only",
	"LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later",
	"LGPL-3.0", "LGPL-3.0-only", "LGPL-3.0-or-later", "LPPL-1.3c",
	"MIT", "MIT-0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception",
	"MS-PL", "MS-RL", "MulanPSL-2.0", "NCSA", "ODbL-1.0", "OFL-1.1",
	"OSL-3.0", "OpenSSL", "PHP-3.01", "PostgreSQL", "Python-2.0", "Ruby",
	"SSPL-1.0", "Sleepycat", "UPL-1.0", "Unicode-DFS-2016", "Unlicense",
	"W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1",
};

static const char *const spdx_exceptions[] = {
	"Autoconf-exception-3.0", "Bison-exception-2.2", "Classpath-exception-2.0",
	"GCC-exception-3.1", "LLVM-exception", "OpenJDK-assembly-exception-1.0",
	"Qt-LGPL-exception-1.1", "openvpn-openssl-exception",
};

static bool listed(const char *const *list, size_t n, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && dt_strncasecmp(list[i], w, len) == 0)
			return true;
	return false;
}

static bool spdx_id(const char *w, size_t n)
{
	if (n > 0 && w[n - 1] == '+')
		n--;
	if ((n > 11 && strncmp(w, "LicenseRef-", 11) == 0) ||
	    (n > 12 && strncmp(w, "DocumentRef-", 12) == 0))
		return true;
	return listed(spdx_ids, sizeof spdx_ids / sizeof spdx_ids[0], w, n);
}

/* An SPDX expression: ids joined by AND / OR, "id WITH exception",
 * parentheses.  Words are checked in turn with a small state machine. */
static bool valid_spdx(const char *v)
{
	int depth = 0;
	bool want_id = true, after_with = false;
	const char *p = v;

	for (;;) {
		const char *w;
		size_t n;

		while (*p == ' ')
			p++;
		if (!*p)
			return !want_id && depth == 0;
		if (*p == '(' || *p == ')') {
			if (*p == '(' ? !want_id : (want_id || --depth < 0))
				return false;
			if (*p++ == '(')
				depth++;
			continue;
		}
		w = p;
		while (*p && *p != ' ' && *p != '(' && *p != ')')
			p++;
		n = (size_t)(p - w);
		if (want_id) {
			if (after_with ? !listed(spdx_exceptions,
			                         sizeof spdx_exceptions / sizeof spdx_exceptions[0],
			                         w, n)
			               : !spdx_id(w, n))
				return false;
			want_id = after_with = false;
		} else if ((n == 3 && strncmp(w, "AND", 3) == 0) ||
		           (n == 2 && strncmp(w, "OR", 2) == 0)) {
			want_id = true;
		} else if (n == 4 && strncmp(w, "WITH", 4) == 0) {
			want_id = after_with = true;
		} else {
			return false;
		}
	}
}

/* ---- the schema ------------------------------------------------------------ */

/* The rule's message with `<label>` replaced by the label's key. */
static void report_label(struct lint_ctx *ctx, int line, int col,
                         const char *key)
{
	const char *msg = ctx->rule->message;
	const char *hole = strstr(msg, "<label>");

	if (!hole) {
		lint_report(ctx, line, col, NULL);
		return;
	}
	lint_report(ctx, line, col, "%.*s%s%s", (int)(hole - msg), msg, key,
	            hole + 7);
}

typedef bool value_fn(const char *value);

static bool non_empty(const char *value)
{
	return value[0] != '\0';
}

/* Reports each LABEL pair whose key the schema gives `type` (NULL: any)
 * and whose value fails valid.  Values with variables are not judged. */
static void check_values(struct lint_ctx *ctx, const char *type, value_fn *valid)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	if (ctx->cfg->n_label_schema == 0)
		return;
	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_LABEL), false, i) {
		const struct lint_instr *in = &f->instrs[i];

		if (in->kind != LINT_LABEL)
			continue;
		for (k = 0; k < in->n_pairs; k++) {
			const struct lint_pair *p = &in->pairs[k];
			const char *t = schema_type(ctx->cfg, p->key);

			if (!t || strchr(p->value, '$') || (type && strcmp(t, type) != 0) ||
			    (type && !p->value[0]) || valid(p->value))
				continue;
			report_label(ctx, p->line ? p->line : in->line,
			             p->line ? p->col : in->col, p->key);
		}
	}
}

void lint_check_dl3051(struct lint_ctx *ctx)
{
	check_values(ctx, NULL, non_empty);
}

void lint_check_dl3052(struct lint_ctx *ctx)
{
	check_values(ctx, "url", valid_url);
}

void lint_check_dl3053(struct lint_ctx *ctx)
{
	check_values(ctx, "rfc3339", valid_rfc3339);
}

void lint_check_dl3054(struct lint_ctx *ctx)
{
	check_values(ctx, "spdx", valid_spdx);
}

void lint_check_dl3055(struct lint_ctx *ctx)
{
	check_values(ctx, "hash", valid_hash);
}

void lint_check_dl3056(struct lint_ctx *ctx)
{
	check_values(ctx, "semver", valid_semver);
}

void lint_check_dl3058(struct lint_ctx *ctx)
{
	check_values(ctx, "email", valid_email);
}

/* True when the final stage, or a stage it builds on, sets key. */
static bool final_has_label(const struct lint_file *f, const char *key)
{
	int s = f->n_stages ? (int)f->n_stages - 1 : -1;
	size_t guard = 0;

	while (s >= 0 && guard++ <= f->n_stages) {
		size_t i, k;

		for (i = f->stages[s].from; i < f->stages[s].end && i < f->n_instrs; i++) {
			const struct lint_instr *in = &f->instrs[i];

			for (k = 0; in->kind == LINT_LABEL && k < in->n_pairs; k++)
				if (strcmp(in->pairs[k].key, key) == 0)
					return true;
		}
		s = lint_stage_parent(f, (size_t)s);
	}
	return false;
}

void lint_check_dl3049(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	const struct lint_instr *from;
	size_t i;

	if (f->n_stages == 0 || f->stages[f->n_stages - 1].from >= f->n_instrs)
		return;
	from = &f->instrs[f->stages[f->n_stages - 1].from];
	for (i = 0; i < ctx->cfg->n_label_schema; i++)
		if (!final_has_label(f, ctx->cfg->label_schema[i].label))
			report_label(ctx, from->line, from->col,
			             ctx->cfg->label_schema[i].label);
}

void lint_check_dl3050(struct lint_ctx *ctx)
{
	const struct lint_file *f = ctx->file;
	size_t i, k;

	if (!ctx->cfg->strict_labels)
		return;
	LINT_FOR_KINDS(ctx, LINT_KINDS(LINT_LABEL), false, i) {
		const struct lint_instr *in = &f->instrs[i];

		for (k = 0; in->kind == LINT_LABEL && k < in->n_pairs; k++) {
			if (!schema_type(ctx->cfg, in->pairs[k].key)) {
				lint_report(ctx, in->line, in->col, NULL);
				break;
			}
		}
	}
}
