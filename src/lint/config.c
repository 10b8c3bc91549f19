/* The linter's configuration: hadolint's .hadolint.yaml (read with
 * libyaml), its HADOLINT_* environment variables, its search path, and the
 * additions the command-line flags make.  The only lint file that sees
 * yaml.h.
 *
 * Design: every source adds to one struct lint_config whose lists live in
 * an arena the caller owns, so the file, then the environment, then the
 * flags can be applied in turn and the last word on a rule's severity wins.
 * Lists grow by doubling inside the arena (the old copy is left behind,
 * which costs at most as much again).  A file is read with a size cap, and
 * only the known keys with their known shapes are walked, so aliases cannot
 * make the walk grow. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "dockertutor/lint.h"

static const char *const label_types[] = {
	"text", "url", "semver", "hash", "rfc3339", "spdx", "email",
};

void lint_config_init(struct lint_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->failure_threshold = LINT_SEV_INFO;
	cfg->shellcheck = true;
	cfg->format = LINT_FORMAT_TTY;
}

/* Makes room for one more element of size elem in *arr holding n. */
static bool grow(struct dt_arena *arena, void **arr, size_t n, size_t elem)
{
	size_t cap;
	void *p;

	if (n != 0 && (n < 8 || (n & (n - 1)) != 0))
		return true;    /* capacity is the next power of two >= 8 */
	cap = n == 0 ? 8 : n * 2;
	p = dt_arena_alloc(arena, cap * elem);
	if (!p)
		return false;
	if (n)
		memcpy(p, *arr, n * elem);
	*arr = p;
	return true;
}

static enum dt_status check_room(size_t n, const char *what,
                                 struct dt_error *err)
{
	if (n >= LINT_CONFIG_MAX_ITEMS)
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "more than %u %s", LINT_CONFIG_MAX_ITEMS, what);
	return DT_OK;
}

static enum dt_status nomem(struct dt_error *err)
{
	return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0,
	                    "out of memory reading the configuration");
}

enum dt_status lint_config_ignore(struct lint_config *cfg,
                                  struct dt_arena *arena, const char *rule,
                                  struct dt_error *err)
{
	const char *copy;

	if (check_room(cfg->n_ignored, "ignored rules", err) != DT_OK)
		return err ? err->code : DT_ERR_LIMIT;
	if (!grow(arena, (void **)&cfg->ignored, cfg->n_ignored, sizeof *cfg->ignored) ||
	    !(copy = dt_arena_strdup(arena, rule)))
		return nomem(err);
	cfg->ignored[cfg->n_ignored++] = copy;
	return DT_OK;
}

enum dt_status lint_config_override(struct lint_config *cfg,
                                    struct dt_arena *arena, const char *rule,
                                    enum lint_severity sev,
                                    struct dt_error *err)
{
	const char *copy;

	if (sev > LINT_SEV_IGNORE)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "a rule's severity cannot be '%s'",
		                    lint_severity_name(sev));
	if (check_room(cfg->n_overrides, "severity overrides", err) != DT_OK)
		return err ? err->code : DT_ERR_LIMIT;
	if (!grow(arena, (void **)&cfg->overrides, cfg->n_overrides,
	          sizeof *cfg->overrides) ||
	    !(copy = dt_arena_strdup(arena, rule)))
		return nomem(err);
	cfg->overrides[cfg->n_overrides].rule = copy;
	cfg->overrides[cfg->n_overrides++].severity = sev;
	return DT_OK;
}

enum dt_status lint_config_trust(struct lint_config *cfg,
                                 struct dt_arena *arena, const char *registry,
                                 struct dt_error *err)
{
	const char *copy;

	if (check_room(cfg->n_trusted_registries, "trusted registries", err) != DT_OK)
		return err ? err->code : DT_ERR_LIMIT;
	if (!grow(arena, (void **)&cfg->trusted_registries,
	          cfg->n_trusted_registries, sizeof *cfg->trusted_registries) ||
	    !(copy = dt_arena_strdup(arena, registry)))
		return nomem(err);
	cfg->trusted_registries[cfg->n_trusted_registries++] = copy;
	return DT_OK;
}

static bool label_type_known(const char *type)
{
	size_t i;

	for (i = 0; i < sizeof label_types / sizeof label_types[0]; i++)
		if (strcmp(type, label_types[i]) == 0)
			return true;
	return false;
}

static enum dt_status add_label(struct lint_config *cfg, struct dt_arena *arena,
                                const char *label, size_t n, const char *type,
                                struct dt_error *err)
{
	struct lint_label_rule *r;

	if (!label_type_known(type))
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "unknown label type '%s' (use text, url, semver, "
		                    "hash, rfc3339, spdx or email)", type);
	if (n == 0)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "a label schema entry needs a label name");
	if (check_room(cfg->n_label_schema, "labels in the schema", err) != DT_OK)
		return err ? err->code : DT_ERR_LIMIT;
	if (!grow(arena, (void **)&cfg->label_schema, cfg->n_label_schema,
	          sizeof *cfg->label_schema))
		return nomem(err);
	r = &cfg->label_schema[cfg->n_label_schema];
	r->label = dt_arena_strndup(arena, label, n);
	r->type = dt_arena_strdup(arena, type);
	if (!r->label || !r->type)
		return nomem(err);
	cfg->n_label_schema++;
	return DT_OK;
}

enum dt_status lint_config_require_label(struct lint_config *cfg,
                                         struct dt_arena *arena,
                                         const char *spec,
                                         struct dt_error *err)
{
	const char *colon = strchr(spec, ':');

	if (!colon)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "'%s' is not LABEL:TYPE (e.g. maintainer:text)",
		                    spec);
	return add_label(cfg, arena, spec, (size_t)(colon - spec), colon + 1, err);
}

/* ---- the YAML file --------------------------------------------------------- */

struct reader {
	yaml_document_t doc;
	struct lint_config *cfg;
	struct dt_arena *arena;
	const char *path;
	struct dt_error *err;
};

static enum dt_status fail_at(struct reader *r, const yaml_node_t *node,
                              enum dt_status code, const char *msg)
{
	return dt_error_set(r->err, code, r->path, (int)node->start_mark.line + 1,
	                    (int)node->start_mark.column + 1, "%s", msg);
}

/* Re-anchors an error of an adding function at node. */
static enum dt_status at_node(struct reader *r, const yaml_node_t *node,
                              enum dt_status rc)
{
	char msg[sizeof r->err->msg];

	if (rc == DT_OK || !r->err)
		return rc;
	dt_strlcpy(msg, r->err->msg, sizeof msg);
	return fail_at(r, node, rc, msg);
}

static const char *scalar(const yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE
	       ? (const char *)node->data.scalar.value : NULL;
}

typedef enum dt_status item_fn(struct reader *r, const yaml_node_t *item,
                               const char *value, void *arg);

/* A scalar or a sequence of scalars: item for each. */
static enum dt_status each_item(struct reader *r, const yaml_node_t *node,
                                item_fn *item, void *arg)
{
	yaml_node_item_t *it;
	enum dt_status rc;

	if (node->type == YAML_SCALAR_NODE)
		return scalar(node)[0] ? item(r, node, scalar(node), arg) : DT_OK;
	if (node->type != YAML_SEQUENCE_NODE)
		return fail_at(r, node, DT_ERR_INVALID, "expected a list of rule codes");
	for (it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
		const yaml_node_t *child = yaml_document_get_node(&r->doc, *it);

		if (!scalar(child))
			return fail_at(r, child ? child : node, DT_ERR_INVALID,
			               "expected a plain value in this list");
		if ((rc = item(r, child, scalar(child), arg)) != DT_OK)
			return rc;
	}
	return DT_OK;
}

static enum dt_status ignore_item(struct reader *r, const yaml_node_t *item,
                                  const char *value, void *arg)
{
	(void)arg;
	return at_node(r, item, lint_config_ignore(r->cfg, r->arena, value, r->err));
}

static enum dt_status override_item(struct reader *r, const yaml_node_t *item,
                                    const char *value, void *arg)
{
	return at_node(r, item, lint_config_override(r->cfg, r->arena, value,
	                                             *(enum lint_severity *)arg,
	                                             r->err));
}

static enum dt_status trust_item(struct reader *r, const yaml_node_t *item,
                                 const char *value, void *arg)
{
	(void)arg;
	return at_node(r, item, lint_config_trust(r->cfg, r->arena, value, r->err));
}

/* Walks a mapping, calling fn with each key and value node. */
typedef enum dt_status pair_fn(struct reader *r, const yaml_node_t *key,
                               const yaml_node_t *value);

static enum dt_status each_pair(struct reader *r, const yaml_node_t *node,
                                pair_fn *fn, const char *what)
{
	yaml_node_pair_t *p;
	enum dt_status rc;

	if (node->type == YAML_SCALAR_NODE && !scalar(node)[0])
		return DT_OK;   /* "key:" with nothing after it */
	if (node->type != YAML_MAPPING_NODE)
		return fail_at(r, node, DT_ERR_INVALID, what);
	for (p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(&r->doc, p->key);
		const yaml_node_t *v = yaml_document_get_node(&r->doc, p->value);

		if (!scalar(k) || !v)
			return fail_at(r, k ? k : node, DT_ERR_INVALID,
			               "expected a plain key");
		if ((rc = fn(r, k, v)) != DT_OK)
			return rc;
	}
	return DT_OK;
}

static enum dt_status override_pair(struct reader *r, const yaml_node_t *key,
                                    const yaml_node_t *value)
{
	enum lint_severity sev;
	char msg[160];

	if (!lint_severity_parse(scalar(key), &sev) || sev > LINT_SEV_STYLE) {
		dt_snprintf(msg, sizeof msg, "unknown severity '%.60s' (use error, "
		            "warning, info or style)", scalar(key));
		return fail_at(r, key, DT_ERR_INVALID, msg);
	}
	return each_item(r, value, override_item, &sev);
}

static enum dt_status label_pair(struct reader *r, const yaml_node_t *key,
                                 const yaml_node_t *value)
{
	const char *type = scalar(value);

	if (!type)
		return fail_at(r, value, DT_ERR_INVALID,
		               "expected a label type (text, url, semver, hash, "
		               "rfc3339, spdx or email)");
	return at_node(r, value, add_label(r->cfg, r->arena, scalar(key),
	                                   strlen(scalar(key)), type, r->err));
}

static bool parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on", "1", "y"};
	static const char *const no[] = {"false", "no", "off", "0", "n", ""};
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (dt_strcasecmp(s, yes[i]) == 0)
			return *out = true;
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (dt_strcasecmp(s, no[i]) == 0) {
			*out = false;
			return true;
		}
	return false;
}

static enum dt_status bool_value(struct reader *r, const yaml_node_t *v,
                                 bool *out)
{
	if (!scalar(v) || !parse_bool(scalar(v), out))
		return fail_at(r, v, DT_ERR_INVALID, "expected true or false");
	return DT_OK;
}

static enum dt_status top_pair(struct reader *r, const yaml_node_t *key,
                               const yaml_node_t *v);

enum dt_status lint_config_parse(struct lint_config *cfg,
                                 struct dt_arena *arena, const char *path,
                                 const char *data, size_t len,
                                 struct dt_error *err)
{
	yaml_parser_t parser;
	struct reader r;
	yaml_node_t *root;
	enum dt_status rc = DT_OK;

	if (len > LINT_CONFIG_MAX_FILE)
		return dt_error_set(err, DT_ERR_LIMIT, path, 0, 0,
		                    "configuration is larger than %u bytes",
		                    LINT_CONFIG_MAX_FILE);
	if (!dt_utf8_valid(data, len, NULL))
		return dt_error_set(err, DT_ERR_ENCODING, path, 0, 0,
		                    "configuration is not valid UTF-8");
	if (!yaml_parser_initialize(&parser))
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
		                    "out of memory reading the configuration");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &r.doc)) {
		rc = dt_error_set(err, parser.error == YAML_MEMORY_ERROR ? DT_ERR_NOMEM
		                                                        : DT_ERR_SYNTAX,
		                  path, (int)parser.problem_mark.line + 1,
		                  (int)parser.problem_mark.column + 1, "%s",
		                  parser.problem ? parser.problem : "invalid YAML");
		yaml_parser_delete(&parser);
		return rc;
	}
	r.cfg = cfg;
	r.arena = arena;
	r.path = path;
	r.err = err;
	root = yaml_document_get_root_node(&r.doc);
	if (root)
		rc = each_pair(&r, root, top_pair,
		               "a configuration is a mapping of keys such as "
		               "'ignored:' and 'override:'");
	yaml_document_delete(&r.doc);
	yaml_parser_delete(&parser);
	if (rc != DT_OK && err && !err->path[0])
		dt_strlcpy(err->path, path, sizeof err->path);
	return rc;
}

/* The keys of a configuration file, as one table. */
#define CONFIG_KEYS(X) \
	X("ignored") X("override") X("failure-threshold") X("trustedRegistries") \
	X("label-schema") X("strict-labels") X("disable-ignore-pragma") \
	X("no-fail") X("no-color") X("format") X("verbose")

static const char *const config_keys[] = {
#define CONFIG_KEY_NAME(k) k,
	CONFIG_KEYS(CONFIG_KEY_NAME)
#undef CONFIG_KEY_NAME
};

static enum dt_status unknown_key(struct reader *r, const yaml_node_t *key)
{
	const char *k = scalar(key), *best = NULL;
	unsigned best_d = 4;
	char msg[256];
	size_t i;

	for (i = 0; i < sizeof config_keys / sizeof config_keys[0]; i++) {
		unsigned d = dt_edit_distance(k, config_keys[i], 3);

		if (d < best_d) {
			best_d = d;
			best = config_keys[i];
		}
	}
	if (best)
		dt_snprintf(msg, sizeof msg, "unknown key '%.80s'; did you mean '%s'?",
		            k, best);
	else
		dt_snprintf(msg, sizeof msg, "unknown key '%.80s'", k);
	return fail_at(r, key, DT_ERR_INVALID, msg);
}

static enum dt_status top_pair(struct reader *r, const yaml_node_t *key,
                               const yaml_node_t *v)
{
	const char *k = scalar(key), *s = scalar(v);
	struct lint_config *cfg = r->cfg;

	if (strcmp(k, "ignored") == 0)
		return each_item(r, v, ignore_item, NULL);
	if (strcmp(k, "trustedRegistries") == 0)
		return each_item(r, v, trust_item, NULL);
	if (strcmp(k, "override") == 0)
		return each_pair(r, v, override_pair,
		                 "override: maps error, warning, info and style to "
		                 "lists of rule codes");
	if (strcmp(k, "label-schema") == 0)
		return each_pair(r, v, label_pair,
		                 "label-schema: maps label names to types");
	if (strcmp(k, "failure-threshold") == 0) {
		if (!s || !lint_severity_parse(s, &cfg->failure_threshold))
			return fail_at(r, v, DT_ERR_INVALID,
			               "expected error, warning, info, style, ignore or none");
		return DT_OK;
	}
	if (strcmp(k, "format") == 0) {
		if (!s || !lint_format_parse(s, &cfg->format))
			return fail_at(r, v, DT_ERR_INVALID,
			               "expected tty, json, gnu, checkstyle, sarif, "
			               "codeclimate, gitlab_codeclimate or junit");
		cfg->has_format = true;
		return DT_OK;
	}
	if (strcmp(k, "strict-labels") == 0)
		return bool_value(r, v, &cfg->strict_labels);
	if (strcmp(k, "disable-ignore-pragma") == 0)
		return bool_value(r, v, &cfg->disable_ignore_pragma);
	if (strcmp(k, "no-fail") == 0)
		return bool_value(r, v, &cfg->no_fail);
	if (strcmp(k, "no-color") == 0)
		return bool_value(r, v, &cfg->no_color);
	if (strcmp(k, "verbose") == 0)
		return bool_value(r, v, &cfg->verbose);
	return unknown_key(r, key);
}

enum dt_status lint_config_load(struct lint_config *cfg,
                                struct dt_arena *arena, const char *path,
                                struct dt_error *err)
{
	char *data;
	size_t len;
	enum dt_status rc;

	rc = dt_read_file(path, LINT_CONFIG_MAX_FILE, &data, &len, err);
	if (rc != DT_OK)
		return rc;
	rc = lint_config_parse(cfg, arena, path, data, len, err);
	dt_free(data);
	return rc;
}

/* ---- the environment ------------------------------------------------------- */

typedef enum dt_status list_fn(struct lint_config *cfg, struct dt_arena *arena,
                               const char *item, void *arg,
                               struct dt_error *err);

/* Calls fn for each item of a comma-separated list (blanks trimmed). */
static enum dt_status each_csv(struct lint_config *cfg, struct dt_arena *arena,
                               const char *name, const char *list, list_fn *fn,
                               void *arg, struct dt_error *err)
{
	while (*list) {
		const char *end = strchr(list, ',');
		size_t n = end ? (size_t)(end - list) : strlen(list);
		char *item;
		enum dt_status rc;

		while (n > 0 && (*list == ' ' || *list == '\t')) {
			list++;
			n--;
		}
		while (n > 0 && (list[n - 1] == ' ' || list[n - 1] == '\t'))
			n--;
		if (n > 0) {
			item = dt_arena_strndup(arena, list, n);
			if (!item)
				return nomem(err);
			rc = fn(cfg, arena, item, arg, err);
			if (rc != DT_OK) {
				if (err)
					dt_strlcpy(err->path, name, sizeof err->path);
				return rc;
			}
		}
		if (!end)
			break;
		list = end + 1;
	}
	return DT_OK;
}

static enum dt_status env_ignore(struct lint_config *cfg, struct dt_arena *a,
                                 const char *item, void *arg, struct dt_error *e)
{
	(void)arg;
	return lint_config_ignore(cfg, a, item, e);
}

static enum dt_status env_override(struct lint_config *cfg, struct dt_arena *a,
                                   const char *item, void *arg, struct dt_error *e)
{
	return lint_config_override(cfg, a, item, *(enum lint_severity *)arg, e);
}

static enum dt_status env_trust(struct lint_config *cfg, struct dt_arena *a,
                                const char *item, void *arg, struct dt_error *e)
{
	(void)arg;
	return lint_config_trust(cfg, a, item, e);
}

static enum dt_status env_label(struct lint_config *cfg, struct dt_arena *a,
                                const char *item, void *arg, struct dt_error *e)
{
	(void)arg;
	return lint_config_require_label(cfg, a, item, e);
}

static enum dt_status env_bool(lint_getenv_fn *get, const char *name, bool *out,
                               struct dt_error *err)
{
	const char *v = get(name);

	if (v && !parse_bool(v, out))
		return dt_error_set(err, DT_ERR_INVALID, name, 0, 0,
		                    "expected a truth value (1, true, yes or 0, "
		                    "false, no), not '%.60s'", v);
	return DT_OK;
}

enum dt_status lint_config_apply_env(struct lint_config *cfg,
                                     struct dt_arena *arena,
                                     lint_getenv_fn *get,
                                     struct dt_error *err)
{
	static const struct {
		const char *name;
		enum lint_severity sev;
	} overrides[] = {
		{"HADOLINT_OVERRIDE_ERROR", LINT_SEV_ERROR},
		{"HADOLINT_OVERRIDE_WARNING", LINT_SEV_WARNING},
		{"HADOLINT_OVERRIDE_INFO", LINT_SEV_INFO},
		{"HADOLINT_OVERRIDE_STYLE", LINT_SEV_STYLE},
	};
	enum dt_status rc;
	const char *v;
	size_t i;

	if ((rc = env_bool(get, "HADOLINT_NOFAIL", &cfg->no_fail, err)) != DT_OK ||
	    (rc = env_bool(get, "HADOLINT_NOCOLOR", &cfg->no_color, err)) != DT_OK ||
	    (rc = env_bool(get, "HADOLINT_VERBOSE", &cfg->verbose, err)) != DT_OK ||
	    (rc = env_bool(get, "HADOLINT_STRICT_LABELS", &cfg->strict_labels, err)) != DT_OK ||
	    (rc = env_bool(get, "HADOLINT_DISABLE_IGNORE_PRAGMA",
	                   &cfg->disable_ignore_pragma, err)) != DT_OK ||
	    (rc = env_bool(get, "DOCKERTUTOR_ONLY_HADOLINT", &cfg->only_hadolint,
	                   err)) != DT_OK)
		return rc;
	if ((v = get("HADOLINT_FORMAT")) != NULL && *v) {
		if (!lint_format_parse(v, &cfg->format))
			return dt_error_set(err, DT_ERR_INVALID, "HADOLINT_FORMAT", 0, 0,
			                    "unknown format '%.60s'", v);
		cfg->has_format = true;
	}
	if ((v = get("HADOLINT_FAILURE_THRESHOLD")) != NULL && *v &&
	    !lint_severity_parse(v, &cfg->failure_threshold))
		return dt_error_set(err, DT_ERR_INVALID, "HADOLINT_FAILURE_THRESHOLD",
		                    0, 0, "unknown threshold '%.60s'", v);
	for (i = 0; i < sizeof overrides / sizeof overrides[0]; i++) {
		enum lint_severity sev = overrides[i].sev;

		if ((v = get(overrides[i].name)) != NULL &&
		    (rc = each_csv(cfg, arena, overrides[i].name, v, env_override,
		                   &sev, err)) != DT_OK)
			return rc;
	}
	if ((v = get("HADOLINT_IGNORE")) != NULL &&
	    (rc = each_csv(cfg, arena, "HADOLINT_IGNORE", v, env_ignore, NULL, err)) != DT_OK)
		return rc;
	if ((v = get("HADOLINT_TRUSTED_REGISTRIES")) != NULL &&
	    (rc = each_csv(cfg, arena, "HADOLINT_TRUSTED_REGISTRIES", v, env_trust,
	                   NULL, err)) != DT_OK)
		return rc;
	if ((v = get("HADOLINT_REQUIRE_LABELS")) != NULL &&
	    (rc = each_csv(cfg, arena, "HADOLINT_REQUIRE_LABELS", v, env_label,
	                   NULL, err)) != DT_OK)
		return rc;
	return DT_OK;
}

/* ---- where the file is ------------------------------------------------------ */

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* dir/name with .yaml then .yml; true when one exists. */
static bool try_both(const char *dir, const char *name, char *out, size_t size)
{
	static const char *const ext[] = {"yaml", "yml"};
	size_t i;

	if (!dir || !*dir)
		return false;
	for (i = 0; i < 2; i++)
		if (dt_snprintf(out, size, "%s/%s.%s", dir, name, ext[i]) && is_file(out))
			return true;
	return false;
}

bool lint_config_find(lint_getenv_fn *get, char *out, size_t size)
{
	const char *home = get("HOME");
	const char *xdg = get("XDG_CONFIG_HOME");
	char dir[4096];

	if (try_both(".", ".hadolint", out, size) ||
	    try_both(xdg, "hadolint", out, size))
		return true;
	if (!home || !*home)
		return false;
	if ((dt_snprintf(dir, sizeof dir, "%s/.config", home) &&
	     try_both(dir, "hadolint", out, size)) ||
	    (dt_snprintf(dir, sizeof dir, "%s/.hadolint", home) &&
	     try_both(dir, "hadolint", out, size)) ||
	    (dt_snprintf(dir, sizeof dir, "%s/hadolint", home) &&
	     try_both(dir, "config", out, size)))
		return true;
	return try_both(home, ".hadolint", out, size);
}
