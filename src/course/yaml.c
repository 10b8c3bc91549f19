/* YAML to a node tree: libyaml's event parser feeds a small builder that
 * keeps positions, resolves anchors, aliases and merge keys, and enforces
 * the caps of course.h.
 *
 * Design: yaml_parser_load would expand every alias into a copy, which is
 * how a "billion laughs" file eats memory.  Here an alias is the anchored
 * node itself (shared), and each node records its expanded size (weight);
 * every alias adds its target's weight to a per-file budget, so a bomb
 * fails at its first oversized alias in constant time and memory.  An
 * anchor becomes visible only when its node is complete, so a node cannot
 * contain itself and the tree stays acyclic.  Children of open collections
 * wait on one shared stack and are copied into the arena when their
 * collection ends. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "course_int.h"

struct anchor {
	const char *name;
	struct ynode *node;
};

struct open {
	struct ynode *node;
	size_t first;                   /* its first child on the stack */
	const char *anchor;
};

struct builder {
	struct ydoc *doc;
	struct course_diags *diags;
	struct ynode **stack;           /* pending children (dt_realloc) */
	size_t n_stack, cap_stack;
	struct open open[COURSE_MAX_DEPTH + 1];
	size_t depth;
	struct anchor *anchors;         /* open addressing (dt_calloc), names
	                                   in the arena */
	size_t n_anchors, cap_anchors;
	uint64_t alias_nodes;
	size_t n_nodes;
	int documents;
	enum dt_status status;
};

static enum dt_status fail(struct builder *b, enum dt_status code,
                           const yaml_mark_t *mark, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static enum dt_status fail(struct builder *b, enum dt_status code,
                           const yaml_mark_t *mark, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n < 0)
		dt_strlcpy(msg, dt_status_str(code), sizeof msg);
	if (code == DT_ERR_NOMEM ||
	    !course_diag_add(b->diags, COURSE_ERROR, b->doc->path,
	                     mark ? (int)mark->line + 1 : 0,
	                     mark ? (int)mark->column + 1 : 0, "%s", msg))
		code = DT_ERR_NOMEM;
	b->status = code;
	return code;
}

static enum dt_status nomem(struct builder *b)
{
	b->status = DT_ERR_NOMEM;
	return DT_ERR_NOMEM;
}

static uint32_t add_weight(uint32_t a, uint32_t b)
{
	return a > UINT32_MAX - b ? UINT32_MAX : a + b;
}

static struct ynode *new_node(struct builder *b, enum ynode_kind kind,
                              const yaml_mark_t *start)
{
	struct ynode *node;

	if (++b->n_nodes > COURSE_MAX_NODES) {
		fail(b, DT_ERR_LIMIT, start,
		     "the file has more than %u YAML nodes, the limit per file; "
		     "split it into several files", COURSE_MAX_NODES);
		return NULL;
	}
	node = dt_arena_alloc(&b->doc->arena, sizeof *node);
	if (!node) {
		nomem(b);
		return NULL;
	}
	node->kind = kind;
	node->style = YSTYLE_COLLECTION;
	node->line = (int)start->line + 1;
	node->col = (int)start->column + 1;
	node->weight = 1;
	return node;
}

static size_t anchor_slot(const struct anchor *t, size_t cap,
                          const char *name)
{
	size_t i = (size_t)course_hash_str(name) & (cap - 1);

	while (t[i].name && strcmp(t[i].name, name) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

/* Doubles the anchor table, keeping it at most half full. */
static bool grow_anchors(struct builder *b)
{
	size_t cap = b->cap_anchors ? b->cap_anchors * 2 : 64, i;
	struct anchor *t = dt_calloc(cap, sizeof *t);

	if (!t)
		return false;
	for (i = 0; i < b->cap_anchors; i++)
		if (b->anchors[i].name)
			t[anchor_slot(t, cap, b->anchors[i].name)] = b->anchors[i];
	dt_free(b->anchors);
	b->anchors = t;
	b->cap_anchors = cap;
	return true;
}

/* A redefined anchor refers to its newest node from then on. */
static bool define_anchor(struct builder *b, const char *name,
                          struct ynode *node)
{
	struct anchor *a;

	if ((b->n_anchors + 1) * 2 > b->cap_anchors && !grow_anchors(b))
		return false;
	a = &b->anchors[anchor_slot(b->anchors, b->cap_anchors, name)];
	if (!a->name) {
		if (!(a->name = dt_arena_strdup(&b->doc->arena, name)))
			return false;
		b->n_anchors++;
	}
	a->node = node;
	return true;
}

static struct ynode *find_anchor(const struct builder *b, const char *name)
{
	const struct anchor *a;

	if (!b->anchors)
		return NULL;
	a = &b->anchors[anchor_slot(b->anchors, b->cap_anchors, name)];
	return a->name ? a->node : NULL;
}

static bool push(struct builder *b, struct ynode *node)
{
	if (b->n_stack == b->cap_stack) {
		size_t cap = b->cap_stack ? b->cap_stack * 2 : 64;
		struct ynode **p = dt_realloc(b->stack, cap * sizeof *p);

		if (!p)
			return false;
		b->stack = p;
		b->cap_stack = cap;
	}
	b->stack[b->n_stack++] = node;
	return true;
}

/* A finished node goes to its parent, or becomes the root. */
static enum dt_status attach(struct builder *b, struct ynode *node)
{
	if (b->depth == 0) {
		b->doc->root = node;
		return DT_OK;
	}
	return push(b, node) ? DT_OK : nomem(b);
}

/* The tags that change nothing but !!str, which keeps "3" a string. */
static enum dt_status check_tag(struct builder *b, const yaml_char_t *tag,
                                const yaml_mark_t *mark, struct ynode *node)
{
	static const char *const known[] = {
		"str", "int", "bool", "null", "float", "seq", "map", NULL,
	};
	static const char prefix[] = "tag:yaml.org,2002:";
	const char *t = (const char *)tag;
	size_t i;

	if (!t)
		return DT_OK;
	if (strncmp(t, prefix, sizeof prefix - 1) == 0) {
		for (i = 0; known[i]; i++)
			if (strcmp(t + sizeof prefix - 1, known[i]) == 0) {
				node->str_tag = i == 0;
				return DT_OK;
			}
	}
	if (strcmp(t, "!") == 0)      /* the non-specific tag of quoted text */
		return DT_OK;
	return fail(b, DT_ERR_SYNTAX, mark,
	            "the YAML tag '%.40s' is not supported; remove it", t);
}

static enum dt_status on_scalar(struct builder *b, const yaml_event_t *ev)
{
	static const enum ynode_style styles[] = {
		[YAML_PLAIN_SCALAR_STYLE] = YSTYLE_PLAIN,
		[YAML_SINGLE_QUOTED_SCALAR_STYLE] = YSTYLE_SINGLE,
		[YAML_DOUBLE_QUOTED_SCALAR_STYLE] = YSTYLE_DOUBLE,
		[YAML_LITERAL_SCALAR_STYLE] = YSTYLE_LITERAL,
		[YAML_FOLDED_SCALAR_STYLE] = YSTYLE_FOLDED,
	};
	struct ynode *node = new_node(b, YNODE_SCALAR, &ev->start_mark);
	yaml_scalar_style_t style = ev->data.scalar.style;

	if (!node)
		return b->status;
	if (check_tag(b, ev->data.scalar.tag, &ev->start_mark, node) != DT_OK)
		return b->status;
	node->style = (unsigned)style < sizeof styles / sizeof *styles
	              ? styles[style] : YSTYLE_PLAIN;
	node->end_line = (int)ev->end_mark.line + 1;
	node->end_col = (int)ev->end_mark.column + 1;
	node->len = ev->data.scalar.length;
	node->str = dt_arena_strndup(&b->doc->arena,
	                             (const char *)ev->data.scalar.value,
	                             node->len);
	if (!node->str)
		return nomem(b);
	if (strlen(node->str) != node->len)
		return fail(b, DT_ERR_ENCODING, &ev->start_mark,
		            "text may not contain a NUL character (\\0)");
	if (ev->data.scalar.anchor &&
	    !define_anchor(b, (const char *)ev->data.scalar.anchor, node))
		return nomem(b);
	return attach(b, node);
}

static enum dt_status on_start(struct builder *b, const yaml_event_t *ev,
                               enum ynode_kind kind)
{
	const yaml_char_t *anchor, *tag;
	struct ynode *node;
	struct open *o;

	if (b->depth >= COURSE_MAX_DEPTH)
		return fail(b, DT_ERR_LIMIT, &ev->start_mark,
		            "YAML nesting is deeper than %u levels, the limit",
		            COURSE_MAX_DEPTH);
	node = new_node(b, kind, &ev->start_mark);
	if (!node)
		return b->status;
	if (kind == YNODE_SEQ) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	if (check_tag(b, tag, &ev->start_mark, node) != DT_OK)
		return b->status;
	o = &b->open[b->depth++];
	o->node = node;
	o->first = b->n_stack;
	o->anchor = NULL;
	if (anchor && !(o->anchor = dt_arena_strdup(&b->doc->arena,
	                                            (const char *)anchor)))
		return nomem(b);
	return DT_OK;
}

static bool is_merge_key(const struct ynode *key)
{
	return key->kind == YNODE_SCALAR && key->style == YSTYLE_PLAIN &&
	       strcmp(key->str, "<<") == 0;
}

/* Counts the pairs a merge value brings; -1 when it is not a mapping or a
 * list of mappings. */
static long merge_size(const struct ynode *val)
{
	long total = 0;
	size_t i;

	if (val->kind == YNODE_MAP)
		return (long)val->n;
	if (val->kind != YNODE_SEQ)
		return -1;
	for (i = 0; i < val->n; i++) {
		if (val->items[i]->kind != YNODE_MAP)
			return -1;
		total += (long)val->items[i]->n;
	}
	return total;
}

static void append_pairs(struct ynode *node, size_t *at,
                         const struct ynode *src)
{
	memcpy(node->items + 2 * *at, src->items, 2 * src->n * sizeof *src->items);
	*at += src->n;
}

/* Rebuilds a mapping's items as its own pairs followed by the merged
 * ones.  Earlier sources win over later ones (YAML merge rules), which the
 * readers get by taking the first occurrence of a merged key. */
static enum dt_status resolve_merges(struct builder *b, struct ynode *node,
                                     struct ynode **kids, size_t n_pairs)
{
	size_t i, own = 0, extra = 0, at;
	struct ynode **items;

	for (i = 0; i < n_pairs; i++) {
		long m;

		if (!is_merge_key(kids[2 * i])) {
			own++;
			continue;
		}
		m = merge_size(kids[2 * i + 1]);
		if (m < 0) {
			yaml_mark_t mark = { 0, (size_t)kids[2 * i]->line - 1,
			                     (size_t)kids[2 * i]->col - 1 };

			return fail(b, DT_ERR_SYNTAX, &mark,
			            "a merge key '<<' needs a mapping or a list of "
			            "mappings, usually an alias such as *defaults");
		}
		extra += (size_t)m;
	}
	items = dt_arena_alloc(&b->doc->arena,
	                       2 * (own + extra) * sizeof *items + 1);
	if (!items)
		return nomem(b);
	node->items = items;
	for (i = 0, at = 0; i < n_pairs; i++)
		if (!is_merge_key(kids[2 * i])) {
			items[2 * at] = kids[2 * i];
			items[2 * at + 1] = kids[2 * i + 1];
			at++;
		}
	for (i = 0; i < n_pairs; i++) {
		const struct ynode *v = kids[2 * i + 1];
		size_t j;

		if (!is_merge_key(kids[2 * i]))
			continue;
		if (v->kind == YNODE_MAP)
			append_pairs(node, &at, v);
		else
			for (j = 0; j < v->n; j++)
				append_pairs(node, &at, v->items[j]);
	}
	node->n = at;
	node->n_own = own;
	return DT_OK;
}

static enum dt_status on_end(struct builder *b)
{
	struct open *o = &b->open[--b->depth];
	struct ynode *node = o->node;
	/* The stack is NULL until the first child: no arithmetic on it then. */
	struct ynode **kids = b->stack ? b->stack + o->first : NULL;
	size_t n = b->n_stack - o->first, i;
	bool merges = false;

	for (i = 0; i < n; i++) {
		node->weight = add_weight(node->weight, kids[i]->weight);
		if (node->kind == YNODE_MAP && i % 2 == 0 && is_merge_key(kids[i]))
			merges = true;
	}
	if (merges) {
		if (resolve_merges(b, node, kids, n / 2) != DT_OK)
			return b->status;
	} else {
		node->items = dt_arena_alloc(&b->doc->arena, n * sizeof *kids + 1);
		if (!node->items)
			return nomem(b);
		if (n)
			memcpy(node->items, kids, n * sizeof *kids);
		node->n = node->kind == YNODE_MAP ? n / 2 : n;
		node->n_own = node->n;
	}
	b->n_stack = o->first;
	if (o->anchor && !define_anchor(b, o->anchor, node))
		return nomem(b);
	return attach(b, node);
}

static enum dt_status on_alias(struct builder *b, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct ynode *target = find_anchor(b, name);

	if (!target)
		return fail(b, DT_ERR_SYNTAX, &ev->start_mark,
		            "unknown alias '*%.40s'; no complete node with the "
		            "anchor '&%.40s' comes before it", name, name);
	b->alias_nodes += target->weight;
	if (b->alias_nodes > COURSE_MAX_ALIAS_NODES)
		return fail(b, DT_ERR_LIMIT, &ev->start_mark,
		            "aliases expand to more than %u nodes, the limit per "
		            "file; this looks like an alias bomb",
		            COURSE_MAX_ALIAS_NODES);
	return attach(b, target);
}

static enum dt_status on_event(struct builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1)
			return fail(b, DT_ERR_SYNTAX, &ev->start_mark,
			            "a content file holds one YAML document; a second "
			            "one starts here");
		return DT_OK;
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(b, ev, YNODE_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev, YNODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(b);
	case YAML_ALIAS_EVENT:
		return on_alias(b, ev);
	default:
		return DT_OK;
	}
}

/* libyaml's own error, with its position and context. */
static enum dt_status syntax_error(struct builder *b,
                                   const yaml_parser_t *parser)
{
	const char *problem = parser->problem ? parser->problem : "unreadable";
	yaml_mark_t mark = parser->problem_mark;

	if (parser->error == YAML_MEMORY_ERROR)
		return nomem(b);
	if (parser->error == YAML_READER_ERROR) {
		int line, col;

		source_linecol(b->doc, parser->problem_offset, &line, &col);
		mark.line = (size_t)line - 1;
		mark.column = (size_t)col - 1;
	}
	if (parser->context && (parser->context_mark.line != mark.line ||
	                        parser->context_mark.column != mark.column))
		return fail(b, DT_ERR_SYNTAX, &mark,
		            "invalid YAML: %s %s started at line %zu, column %zu",
		            problem, parser->context,
		            parser->context_mark.line + 1,
		            parser->context_mark.column + 1);
	if (parser->context)
		return fail(b, DT_ERR_SYNTAX, &mark, "invalid YAML: %s %s",
		            problem, parser->context);
	return fail(b, DT_ERR_SYNTAX, &mark, "invalid YAML: %s", problem);
}

static enum dt_status build(struct builder *b, const char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;

	if (!yaml_parser_initialize(&parser))
		return nomem(b);
	/* The encoding is detected, not set: detection is what skips a BOM
	 * (source_scan has already refused anything but UTF-8). */
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done && b->status == DT_OK) {
		if (!yaml_parser_parse(&parser, &ev)) {
			syntax_error(b, &parser);
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		on_event(b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return b->status;
}

enum dt_status ydoc_parse(struct ydoc *doc, const char *path,
                          const char *data, size_t len,
                          struct course_diags *diags)
{
	struct builder b;
	enum dt_status rc;

	memset(doc, 0, sizeof *doc);
	dt_arena_init(&doc->arena);
	doc->path = path;
	doc->data = data;
	doc->len = len;
	if (len > COURSE_MAX_FILE) {
		if (!course_diag_add(diags, COURSE_ERROR, path, 1, 1,
		                     "the file is larger than %u bytes (1 MiB), the "
		                     "limit per content file; split it",
		                     COURSE_MAX_FILE))
			return DT_ERR_NOMEM;
		return DT_ERR_LIMIT;
	}
	rc = source_scan(doc, diags);
	if (rc != DT_OK)
		return rc;
	memset(&b, 0, sizeof b);
	b.doc = doc;
	b.diags = diags;
	rc = build(&b, data, len);
	dt_free(b.stack);
	dt_free(b.anchors);
	return rc;
}

void ydoc_fini(struct ydoc *doc)
{
	if (!doc)
		return;
	dt_arena_fini(&doc->arena);
	dt_free(doc->lines);
	doc->root = NULL;
	doc->lines = NULL;
	doc->n_lines = 0;
}

bool ynode_is_null(const struct ynode *node)
{
	return node->kind == YNODE_SCALAR && node->style == YSTYLE_PLAIN &&
	       !node->str_tag &&
	       (node->len == 0 || strcmp(node->str, "~") == 0 ||
	        strcmp(node->str, "null") == 0 || strcmp(node->str, "Null") == 0 ||
	        strcmp(node->str, "NULL") == 0);
}
