/* The schema reader: every kind of content file is a table of fields
 * (key, type, required, where it goes), and one function reads a mapping
 * by its table, reporting unknown keys with a suggestion, duplicates,
 * wrong types and missing keys.  Also the scalar readers shared with the
 * custom fields, and the markdown-lite checks of text. */
#include <assert.h>
#include <limits.h>
#include <string.h>

#include "course_int.h"

#define FIELD_PTR(obj, off) ((void *)((char *)(obj) + (off)))

static const char *article(const char *noun)
{
	return strchr("aeiou", noun[0]) ? "an" : "a";
}

/* "a, b, c or d" into buf. */
static const char *join_names(char *buf, size_t size, const char *const *names,
                              const char *last)
{
	size_t i, n = 0, o = 0;

	while (names[n])
		n++;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? last : ", ";

		if (!dt_snprintf(buf + o, size - o, "%s%s", sep, names[i]))
			break;
		o += strlen(buf + o);
	}
	return buf;
}

/* ---- Scalars ---------------------------------------------------------- */

bool load_scalar(struct load *ld, const char *key, const struct ynode *val,
                 const char *expected)
{
	char buf[64];

	if (val->kind == YNODE_SCALAR && !ynode_is_null(val))
		return true;
	load_error(ld, val, "expected %s for '%s', found %s", expected, key,
	           load_describe(val, buf, sizeof buf));
	return false;
}

static bool parse_int(const char *s, long long *out)
{
	long long v = 0;
	bool neg = *s == '-';

	if (neg || *s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (LLONG_MAX - 9) / 10)
			return false;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return true;
}

bool load_int(struct load *ld, const char *key, const struct ynode *val,
              long long min, long long max, long long *out)
{
	char buf[64];

	if (!load_scalar(ld, key, val, "an integer"))
		return false;
	if (!parse_int(val->str, out)) {
		load_error(ld, val, "expected an integer for '%s', found %s", key,
		           load_describe(val, buf, sizeof buf));
		return false;
	}
	if (val->style != YSTYLE_PLAIN || val->str_tag) {
		load_error(ld, val, "expected an integer for '%s', found the "
		           "quoted text %s; remove the quotes", key,
		           load_describe(val, buf, sizeof buf));
		return false;
	}
	if (*out >= min && *out <= max)
		return true;
	if (max == INT_MAX)
		load_error(ld, val, "'%s' must be at least %lld, found %s", key, min,
		           val->str);
	else
		load_error(ld, val, "'%s' must be from %lld to %lld, found %s", key,
		           min, max, val->str);
	return false;
}

static bool load_bool(struct load *ld, const char *key,
                      const struct ynode *val, bool *out)
{
	static const char *const yes[] = { "true", "True", "TRUE", NULL };
	static const char *const no[] = { "false", "False", "FALSE", NULL };
	char buf[64];
	size_t i;

	if (!load_scalar(ld, key, val, "true or false"))
		return false;
	for (i = 0; val->style == YSTYLE_PLAIN && !val->str_tag && yes[i]; i++)
		if (strcmp(val->str, yes[i]) == 0 || strcmp(val->str, no[i]) == 0) {
			*out = strcmp(val->str, yes[i]) == 0;
			return true;
		}
	load_error(ld, val, "expected true or false for '%s', found %s", key,
	           load_describe(val, buf, sizeof buf));
	return false;
}

bool load_is_id(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-'))
			return false;
	return i <= COURSE_MAX_ID;
}

bool load_id(struct load *ld, const char *key, const struct ynode *val,
             const char **out)
{
	char buf[64];

	if (!load_scalar(ld, key, val, "an id"))
		return false;
	if (val->len > COURSE_MAX_ID) {
		load_error(ld, val, "the id for '%s' is longer than %u characters, "
		           "the limit", key, COURSE_MAX_ID);
		return false;
	}
	if (!load_is_id(val->str)) {
		load_error(ld, val, "%s is not a valid id for '%s'; use lower-case "
		           "letters, digits and '-', starting with a letter or digit",
		           load_describe(val, buf, sizeof buf), key);
		return false;
	}
	*out = load_strdup(ld, val->str, val->len);
	return *out != NULL;
}

/* A control character that came from an escape in a double-quoted
 * scalar (raw ones were reported before parsing). */
static bool check_controls(struct load *ld, const struct ynode *val)
{
	size_t off;
	uint32_t cp;
	int line, col;

	/* Raw control characters were refused before parsing; only escapes
	 * in double quotes can make new ones. */
	if (val->style != YSTYLE_DOUBLE ||
	    !dt_has_control(val->str, val->len, &off))
		return true;
	if (!dt_utf8_decode(val->str + off, val->len - off, &cp))
		cp = (unsigned char)val->str[off];
	source_scalar_pos(ld->doc, val, off, &line, &col);
	if (cp == 0x1B)
		load_diag_at(ld, COURSE_ERROR, ld->file, line, col,
		             "the escape character U+001B is not allowed in text; "
		             "terminal escape sequences could take over the "
		             "learner's terminal");
	else
		load_diag_at(ld, COURSE_ERROR, ld->file, line, col,
		             "the control character U+%04X is not allowed in text",
		             (unsigned)cp);
	return false;
}

bool load_string(struct load *ld, const char *key, const struct ynode *val,
                 bool text, const char **out)
{
	size_t n;

	if (!load_scalar(ld, key, val, text ? "text" : "a string"))
		return false;
	if (!check_controls(ld, val))
		return false;
	n = val->len;
	while (n > 0 && strchr(" \t\n", val->str[n - 1]))
		n--;
	if (n == 0) {
		load_error(ld, val, "'%s' is empty", key);
		return false;
	}
	if (!text && memchr(val->str, '\n', n)) {
		load_error(ld, val, "'%s' must be a single line", key);
		return false;
	}
	if (text)
		load_check_text(ld, val, val->str);
	*out = load_strdup(ld, val->str, n);
	return *out != NULL;
}

static bool load_path(struct load *ld, const char *key,
                      const struct ynode *val, const char **out)
{
	char norm[COURSE_MAX_PATH + 1];
	const char *problem;

	if (!load_string(ld, key, val, false, out))
		return false;
	problem = load_path_join(ld->root ? ld->rel_dir : "", *out, norm,
	                         sizeof norm);
	if (problem && (ld->root || (*out)[0] == '/')) {
		load_error(ld, val, "bad path for '%s': %s", key, problem);
		return false;
	}
	return true;
}

bool load_list(struct load *ld, const char *key, const struct ynode *val,
               enum ftype type, const char ***out, size_t *n)
{
	char buf[64];
	const char **items;
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	if (ynode_is_null(val))
		return true;
	if (val->kind != YNODE_SEQ) {
		load_error(ld, val, "expected a list for '%s', found %s", key,
		           load_describe(val, buf, sizeof buf));
		return false;
	}
	items = load_alloc(ld, val->n * sizeof *items);
	if (!items)
		return false;
	for (i = 0; i < val->n && !ld->stop; i++) {
		const struct ynode *item = val->items[i];
		bool ok;

		if (type == F_IDS)
			ok = load_id(ld, key, item, &items[k]);
		else if (type == F_PATHS)
			ok = load_path(ld, key, item, &items[k]);
		else
			ok = load_string(ld, key, item, type == F_TEXTS, &items[k]);
		k += ok;
	}
	*out = items;
	*n = k;
	return k == val->n;
}

/* ---- Markdown-lite ---------------------------------------------------- */

static void check_language(struct load *ld, const struct ynode *val,
                           const char *s, size_t at, size_t end)
{
	static const char *const langs[] = {
		"dockerfile", "sh", "yaml", "json", "text", NULL,
	};
	int line, col;
	size_t i, n;

	while (at < end && (s[at] == ' ' || s[at] == '\t'))
		at++;
	n = end - at;
	while (n > 0 && (s[at + n - 1] == ' ' || s[at + n - 1] == '\t'))
		n--;
	if (n == 0)
		return;
	for (i = 0; langs[i]; i++)
		if (strlen(langs[i]) == n && memcmp(langs[i], s + at, n) == 0)
			return;
	source_scalar_pos(ld->doc, val, at, &line, &col);
	load_diag_at(ld, COURSE_WARNING, ld->file, line, col,
	             "unknown code language '%.*s'; use dockerfile, sh, yaml, "
	             "json or text, or none", n > 40 ? 40 : (int)n, s + at);
}

/* Fences: a line starting with ``` (after indentation) opens a code block
 * with an optional language; a line of only backticks closes it. */
void load_check_text(struct load *ld, const struct ynode *val,
                     const char *text)
{
	size_t i = 0, open_at = 0;
	bool in_code = false;

	while (text[i]) {
		size_t start = i, end, p;

		while (text[i] && text[i] != '\n')
			i++;
		end = i;
		if (text[i])
			i++;
		for (p = start; p < end && (text[p] == ' ' || text[p] == '\t'); p++)
			;
		if (end - p < 3 || memcmp(text + p, "```", 3) != 0)
			continue;
		if (!in_code) {
			in_code = true;
			open_at = p;
			check_language(ld, val, text, p + 3, end);
			continue;
		}
		while (p < end && text[p] == '`')
			p++;
		while (p < end && (text[p] == ' ' || text[p] == '\t'))
			p++;
		if (p == end)
			in_code = false;
	}
	if (in_code) {
		int line, col;

		source_scalar_pos(ld->doc, val, open_at, &line, &col);
		load_diag_at(ld, COURSE_ERROR, ld->file, line, col,
		             "this code block is never closed; end it with a line "
		             "holding only ```");
	}
}

/* ---- Objects ---------------------------------------------------------- */

static void store_list(void *obj, const struct load_field *f,
                       const char **items, size_t n)
{
	*(const char ***)FIELD_PTR(obj, f->off) = items;
	*(size_t *)FIELD_PTR(obj, f->off_n) = n;
}

bool load_count(struct load *ld, const char *key, const struct ynode *val,
                int min, int max)
{
	size_t n = val->kind == YNODE_SEQ ? val->n : 0;
	char buf[64];

	if (val->kind != YNODE_SEQ && !ynode_is_null(val)) {
		load_error(ld, val, "expected a list for '%s', found %s", key,
		           load_describe(val, buf, sizeof buf));
		return false;
	}
	if (min > 0 && n < (size_t)min) {
		load_error(ld, val, "'%s' needs at least %d item%s", key, min,
		           min == 1 ? "" : "s");
		return false;
	}
	if (max > 0 && n > (size_t)max) {
		load_error(ld, val, "'%s' has %zu items; at most %d are allowed",
		           key, n, max);
		return false;
	}
	return true;
}

static void read_enum(struct load *ld, const struct load_field *f,
                      const struct ynode *val, void *obj)
{
	char buf[64], list[256];
	const char *hint;
	size_t i;

	if (!load_scalar(ld, f->key, val, "a value"))
		return;
	for (i = 0; f->names[i]; i++)
		if (strcmp(val->str, f->names[i]) == 0) {
			*(int *)FIELD_PTR(obj, f->off) = (int)i;
			return;
		}
	hint = load_suggest(val->str, f->names);
	if (hint)
		load_error(ld, val, "unknown value %s for '%s'; did you mean '%s'?",
		           load_describe(val, buf, sizeof buf), f->key, hint);
	else
		load_error(ld, val, "unknown value %s for '%s'; use %s",
		           load_describe(val, buf, sizeof buf), f->key,
		           join_names(list, sizeof list, f->names, " or "));
}

static void read_field(struct load *ld, const struct load_field *f,
                       const struct ynode *key, const struct ynode *val,
                       void *obj)
{
	const char **items;
	long long v;
	size_t n;

	switch (f->type) {
	case F_ID:
		load_id(ld, f->key, val, (const char **)FIELD_PTR(obj, f->off));
		break;
	case F_STR:
	case F_TEXT:
		load_string(ld, f->key, val, f->type == F_TEXT,
		            (const char **)FIELD_PTR(obj, f->off));
		break;
	case F_PATH:
		load_path(ld, f->key, val, (const char **)FIELD_PTR(obj, f->off));
		break;
	case F_INT:
		if (load_int(ld, f->key, val, f->min, f->max, &v))
			*(int *)FIELD_PTR(obj, f->off) = (int)v;
		break;
	case F_BOOL:
		load_bool(ld, f->key, val, (bool *)FIELD_PTR(obj, f->off));
		break;
	case F_ENUM:
		read_enum(ld, f, val, obj);
		break;
	case F_IDS:
	case F_STRS:
	case F_TEXTS:
	case F_PATHS:
		if (!load_count(ld, f->key, val, f->min, f->max))
			break;
		load_list(ld, f->key, val, f->type, &items, &n);
		store_list(obj, f, items, n);
		break;
	case F_CUSTOM:
		f->read(ld, key, val, obj);
		break;
	}
}

/* Reports an unknown key; returns the field it suggests (or NULL), whose
 * absence then goes without a second message. */
static const char *unknown_key(struct load *ld, const struct ynode *key,
                               const struct load_schema *schema)
{
	const char *names[sizeof ((struct load_seen *)0)->key /
	                  sizeof (const struct ynode *) + 1];
	char buf[64], list[512];
	const char *hint;
	size_t i;

	for (i = 0; i < schema->n; i++)
		names[i] = schema->fields[i].key;
	names[i] = NULL;
	hint = load_suggest(key->str, names);
	if (hint)
		load_error(ld, key, "unknown key %s in %s %s; did you mean '%s'?",
		           load_describe(key, buf, sizeof buf),
		           article(schema->what), schema->what, hint);
	else
		load_error(ld, key, "unknown key %s in %s %s; the keys are %s",
		           load_describe(key, buf, sizeof buf),
		           article(schema->what), schema->what,
		           join_names(list, sizeof list, names, " and "));
	return hint;
}

/* The object's id for messages, when the schema has one and it was read. */
static const char *object_id(const struct load_schema *schema, void *obj)
{
	size_t i;

	for (i = 0; i < schema->n; i++)
		if (schema->fields[i].type == F_ID &&
		    strcmp(schema->fields[i].key, "id") == 0)
			return *(const char **)FIELD_PTR(obj, schema->fields[i].off);
	return NULL;
}

static void check_required(struct load *ld, const struct ynode *node,
                           const struct load_schema *schema, void *obj,
                           const struct load_seen *seen,
                           unsigned long suggested)
{
	const char *id = object_id(schema, obj);
	size_t i;

	for (i = 0; i < schema->n; i++) {
		if (!(schema->fields[i].flags & F_REQUIRED) || seen->key[i] ||
		    suggested & 1ul << i)
			continue;
		if (id)
			load_error(ld, node, "missing required key '%s' in %s '%s'",
			           schema->fields[i].key, schema->what, id);
		else
			load_error(ld, node, "missing required key '%s' in this %s",
			           schema->fields[i].key, schema->what);
	}
}

static const struct load_field *find_field(const struct load_schema *schema,
                                           const char *key)
{
	size_t i;

	for (i = 0; i < schema->n; i++)
		if (strcmp(schema->fields[i].key, key) == 0)
			return &schema->fields[i];
	return NULL;
}

bool load_object(struct load *ld, const struct ynode *node,
                 const struct load_schema *schema, void *obj,
                 struct load_seen *seen)
{
	unsigned long suggested = 0;
	struct load_seen local;
	const char *hint;
	char buf[64];
	size_t i;

	assert(schema->n <= sizeof seen->key / sizeof *seen->key);
	if (!seen)
		seen = &local;
	memset(seen, 0, sizeof *seen);
	if (!node) {
		load_error(ld, NULL, "the file is empty; %s %s was expected",
		           article(schema->what), schema->what);
		return false;
	}
	if (node->kind != YNODE_MAP) {
		load_error(ld, node, "expected %s %s (a mapping of keys to values), "
		           "found %s", article(schema->what), schema->what,
		           load_describe(node, buf, sizeof buf));
		return false;
	}
	for (i = 0; i < node->n && !ld->stop; i++) {
		const struct ynode *key = node->items[2 * i];
		const struct ynode *val = node->items[2 * i + 1];
		bool merged = i >= node->n_own;
		const struct load_field *f;
		size_t k;

		if (key->kind != YNODE_SCALAR) {
			if (!merged)
				load_error(ld, key, "a key must be a name, found %s",
				           load_describe(key, buf, sizeof buf));
			continue;
		}
		f = find_field(schema, key->str);
		if (!f) {
			if (!merged && (hint = unknown_key(ld, key, schema)))
				suggested |= 1ul << (find_field(schema, hint) -
				                     schema->fields);
			continue;
		}
		k = (size_t)(f - schema->fields);
		if (seen->key[k]) {
			if (!merged)
				load_error(ld, key, "duplicate key '%s'; it is already "
				           "given at line %d", f->key, seen->key[k]->line);
			continue;
		}
		seen->key[k] = key;
		seen->val[k] = val;
		read_field(ld, f, key, val, obj);
	}
	check_required(ld, node, schema, obj, seen, suggested);
	return true;
}
