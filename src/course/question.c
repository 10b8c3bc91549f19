/* Reader of question bank files: the question and choice schemas, the
 * rules of each question type, fill patterns (compiled once to prove them
 * valid, under caps that keep regcomp cheap), and the author warnings that
 * concern one question. */
#include <regex.h>
#include <stddef.h>
#include <string.h>

#include "course_int.h"

_Static_assert(sizeof(enum course_qtype) == sizeof(int),
               "F_ENUM stores an int");

static const char *const qtype_names[] = {
#define QTYPE_NAME(id, name) name,
	COURSE_QTYPE_LIST(QTYPE_NAME)
#undef QTYPE_NAME
	NULL,
};

/* ---- Choices ---------------------------------------------------------- */

static const struct load_field choice_fields[] = {
	{ .key = "text", .type = F_TEXT, .flags = F_REQUIRED,
	  .off = offsetof(struct course_choice, text) },
	{ .key = "correct", .type = F_BOOL,
	  .off = offsetof(struct course_choice, correct) },
	{ .key = "why", .type = F_TEXT, .off = offsetof(struct course_choice, why) },
};

static const struct load_schema choice_schema = {
	"choice", choice_fields, sizeof choice_fields / sizeof *choice_fields,
};

/* "All of the above" and the like stop making sense once choices are
 * shuffled. */
static bool is_above_choice(const char *text)
{
	static const char *const phrases[] = { "all of the", "none of the", NULL };
	const char *p;
	size_t i;

	for (p = text; (p = strchr(p, ' ')) != NULL; p++) {
		size_t before = (size_t)(p - text);

		if (dt_strncasecmp(p, " above", 6) != 0)
			continue;
		for (i = 0; phrases[i]; i++) {
			size_t m = strlen(phrases[i]);

			if (before >= m && dt_strncasecmp(p - m, phrases[i], m) == 0)
				return true;
		}
	}
	return false;
}

static void check_choice_texts(struct load *ld, const struct course_choice *c,
                               size_t n, const struct ynode **nodes)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (is_above_choice(c[i].text))
			load_warn(ld, nodes[i], "a choice like \"all of the above\" or "
			          "\"none of the above\" breaks when choices are "
			          "shuffled; name the answer instead");
		for (j = 0; j < i; j++)
			if (strcmp(c[i].text, c[j].text) == 0) {
				load_error(ld, nodes[i], "this choice repeats the text of "
				           "the choice at line %d", nodes[j]->line);
				break;
			}
	}
}

static void read_choices(struct load *ld, const struct ynode *key,
                         const struct ynode *val, void *obj)
{
	const struct ynode *nodes[8];
	struct course_question *q = obj;
	size_t i, errors = ld->diags->n_errors;

	if (!load_count(ld, key->str, val, 2, 8) || val->kind != YNODE_SEQ)
		return;
	q->choices = load_alloc(ld, val->n * sizeof *q->choices);
	if (!q->choices)
		return;
	for (i = 0; i < val->n && !ld->stop; i++) {
		struct course_choice *c = &q->choices[q->n_choices];

		if (load_object(ld, val->items[i], &choice_schema, c, NULL) &&
		    c->text)
			nodes[q->n_choices++] = val->items[i];
	}
	check_choice_texts(ld, q->choices, q->n_choices, nodes);
	/* A broken choice would only make the count of correct ones wrong. */
	if (ld->diags->n_errors > errors)
		q->n_choices = 0;
}

static void read_case(struct load *ld, const struct ynode *key,
                      const struct ynode *val, void *obj)
{
	struct course_question *q = obj;
	char buf[64];

	if (!load_scalar(ld, key->str, val, "sensitive or insensitive"))
		return;
	if (strcmp(val->str, "sensitive") == 0 ||
	    strcmp(val->str, "insensitive") == 0)
		q->case_sensitive = val->str[0] == 's';
	else
		load_error(ld, val, "unknown value %s for 'case'; use sensitive or "
		           "insensitive", load_describe(val, buf, sizeof buf));
}

enum {
	QF_ID, QF_LESSON, QF_SECTION, QF_TYPE, QF_DIFFICULTY, QF_TAGS, QF_STEM,
	QF_CHOICES, QF_ANSWER, QF_ANSWERS, QF_PATTERN, QF_CASE, QF_EXPLANATION,
};

static const struct load_field question_fields[] = {
	[QF_ID] = { .key = "id", .type = F_ID, .flags = F_REQUIRED,
	            .off = offsetof(struct course_question, id) },
	[QF_LESSON] = { .key = "lesson", .type = F_ID, .flags = F_REQUIRED,
	                .off = offsetof(struct course_question, lesson_id) },
	[QF_SECTION] = { .key = "section", .type = F_ID, .flags = F_REQUIRED,
	                 .off = offsetof(struct course_question, section_id) },
	[QF_TYPE] = { .key = "type", .type = F_ENUM, .flags = F_REQUIRED,
	              .off = offsetof(struct course_question, type),
	              .names = qtype_names },
	[QF_DIFFICULTY] = { .key = "difficulty", .type = F_INT,
	                    .off = offsetof(struct course_question, difficulty),
	                    .min = 1, .max = 3 },
	[QF_TAGS] = { .key = "tags", .type = F_IDS,
	              .off = offsetof(struct course_question, tags),
	              .off_n = offsetof(struct course_question, n_tags) },
	[QF_STEM] = { .key = "stem", .type = F_TEXT, .flags = F_REQUIRED,
	              .off = offsetof(struct course_question, stem) },
	[QF_CHOICES] = { .key = "choices", .type = F_CUSTOM,
	                 .read = read_choices },
	[QF_ANSWER] = { .key = "answer", .type = F_BOOL,
	                .off = offsetof(struct course_question, answer) },
	[QF_ANSWERS] = { .key = "answers", .type = F_STRS,
	                 .off = offsetof(struct course_question, answers),
	                 .off_n = offsetof(struct course_question, n_answers),
	                 .min = 1 },
	[QF_PATTERN] = { .key = "pattern", .type = F_STR,
	                 .off = offsetof(struct course_question, pattern) },
	[QF_CASE] = { .key = "case", .type = F_CUSTOM, .read = read_case },
	[QF_EXPLANATION] = { .key = "explanation", .type = F_TEXT,
	                     .off = offsetof(struct course_question,
	                                     explanation) },
};

static const struct load_schema question_schema = {
	"question", question_fields,
	sizeof question_fields / sizeof *question_fields,
};

/* ---- Rules ------------------------------------------------------------ */

/* Keys that only some types use: a bit per type. */
static const struct {
	int field;
	unsigned types;
} only_for[] = {
	{ QF_CHOICES, 1u << COURSE_Q_SINGLE | 1u << COURSE_Q_MULTIPLE },
	{ QF_ANSWER, 1u << COURSE_Q_TRUEFALSE },
	{ QF_ANSWERS, 1u << COURSE_Q_FILL },
	{ QF_PATTERN, 1u << COURSE_Q_FILL },
	{ QF_CASE, 1u << COURSE_Q_FILL },
};

/* The size of a pattern once its repeats are expanded, which is what
 * glibc's regcomp builds: each atom counts 1, a group the sum of its
 * atoms; {n,m} copies the atom or group before it max(n, m) times ({n,}:
 * n + 1), and '+' copies it twice, so "a++++" doubles four times.  '*' and
 * '?' copy nothing.  Saturates just above the cap. */
struct pattern_cost {
	unsigned long group[COURSE_MAX_DEPTH + 1];
	unsigned long last;
	size_t depth;
};

static unsigned long cap_add(unsigned long a, unsigned long b)
{
	return a + b > COURSE_MAX_REPEAT ? COURSE_MAX_REPEAT + 1 : a + b;
}

static void add_atom(struct pattern_cost *c, unsigned long cost)
{
	c->group[c->depth] = cap_add(c->group[c->depth], cost);
	c->last = cost;
}

/* Skips a bracket expression starting at p[0] == '['; returns its end. */
static const char *skip_bracket(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p && *p != ']'; p++)
		if (*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			const char *end = strchr(p + 2, p[1]);

			if (end && end[1] == ']')
				p = end + 1;
		}
	return *p ? p : p - 1;
}

/* Reads {n}, {n,} or {n,m} at p[0] == '{' into the copies it makes. */
static const char *read_bound(const char *p, unsigned long *copies)
{
	unsigned long a = 0, b = 0;
	bool open_ended = false;

	for (p++; *p >= '0' && *p <= '9'; p++)
		a = a > COURSE_MAX_REPEAT ? a : a * 10 + (unsigned long)(*p - '0');
	if (*p == ',') {
		open_ended = p[1] < '0' || p[1] > '9';
		for (p++; *p >= '0' && *p <= '9'; p++)
			b = b > COURSE_MAX_REPEAT ? b : b * 10 + (unsigned long)(*p - '0');
	}
	*copies = open_ended ? a + 1 : a > b ? a : b;
	return *p ? p : p - 1;
}

/* The atom or group before a repeat is copied `copies` times. */
static bool repeat_last(struct pattern_cost *c, unsigned long copies)
{
	if (copies <= 1)
		return true;
	if (c->last > COURSE_MAX_REPEAT / copies)
		return false;
	c->group[c->depth] = cap_add(c->group[c->depth], c->last * (copies - 1));
	c->last *= copies;
	return true;
}

static unsigned long pattern_cost(const char *p)
{
	struct pattern_cost c;
	unsigned long copies;

	memset(&c, 0, sizeof c);
	for (; *p; p++) {
		switch (*p) {
		case '(':
			if (c.depth == COURSE_MAX_DEPTH)
				return COURSE_MAX_REPEAT + 1;
			c.group[++c.depth] = 0;
			c.last = 0;
			break;
		case ')':
			if (c.depth > 0)
				add_atom(&c, c.group[c.depth--]);
			break;
		case '{':
			p = read_bound(p, &copies);
			if (!repeat_last(&c, copies))
				return COURSE_MAX_REPEAT + 1;
			break;
		case '+':
			if (!repeat_last(&c, 2))
				return COURSE_MAX_REPEAT + 1;
			break;
		case '|': case '*': case '?': case '^': case '$':
			break;
		case '[':
			p = skip_bracket(p);
			add_atom(&c, 1);
			break;
		case '\\':
			if (p[1])
				p++;
			add_atom(&c, 1);
			break;
		default:
			add_atom(&c, 1);
		}
	}
	while (c.depth > 0)
		add_atom(&c, c.group[c.depth--]);
	return c.group[0];
}

static void check_pattern(struct load *ld, const struct ynode *val,
                          const struct course_question *q)
{
	char msg[256];
	regex_t re;
	int rc;

	if (strlen(q->pattern) > COURSE_MAX_PATTERN) {
		load_error(ld, val, "the pattern is longer than %u bytes, the limit",
		           COURSE_MAX_PATTERN);
		return;
	}
	if (pattern_cost(q->pattern) > COURSE_MAX_REPEAT) {
		load_error(ld, val, "the pattern is larger than %u characters once "
		           "its repeats ({n,m} and +) are expanded, the limit; "
		           "simplify it", COURSE_MAX_REPEAT);
		return;
	}
	rc = regcomp(&re, q->pattern, REG_EXTENDED | REG_NOSUB |
	             (q->case_sensitive ? 0 : REG_ICASE));
	if (rc == 0) {
		regfree(&re);
		return;
	}
	if (regerror(rc, &re, msg, sizeof msg) == 0)
		dt_strlcpy(msg, "unknown error", sizeof msg);
	load_error(ld, val, "the pattern is not a valid POSIX extended regular "
	           "expression: %s", msg);
}

static void check_choices(struct load *ld, const struct ynode *node,
                          const struct course_question *q,
                          const struct load_seen *seen)
{
	const char *type = course_qtype_name(q->type);
	size_t i, correct = 0;

	if (!seen->key[QF_CHOICES]) {
		load_error(ld, node, "a %s question needs 'choices'", type);
		return;
	}
	for (i = 0; i < q->n_choices; i++)
		correct += q->choices[i].correct;
	if (q->n_choices < seen->val[QF_CHOICES]->n)
		return;                       /* a choice was broken: said so */
	if (q->type == COURSE_Q_SINGLE && correct == 0)
		load_error(ld, seen->key[QF_CHOICES], "a single question needs "
		           "exactly one correct choice, found none; mark it with "
		           "'correct: true'");
	else if (q->type == COURSE_Q_SINGLE && correct > 1)
		load_error(ld, seen->key[QF_CHOICES], "a single question needs "
		           "exactly one correct choice, found %zu; use type "
		           "multiple for several", correct);
	else if (q->type == COURSE_Q_MULTIPLE && correct == 0)
		load_error(ld, seen->key[QF_CHOICES], "a multiple question needs at "
		           "least one correct choice, found none");
}

static void check_rules(struct load *ld, const struct ynode *node,
                        const struct course_question *q,
                        const struct load_seen *seen)
{
	const char *type = course_qtype_name(q->type);
	size_t i;

	if (q->type >= COURSE_Q_COUNT || !q->id)
		return;                       /* reported already */
	for (i = 0; i < sizeof only_for / sizeof *only_for; i++)
		if (seen->key[only_for[i].field] &&
		    !(only_for[i].types & 1u << q->type))
			load_error(ld, seen->key[only_for[i].field], "'%s' does not "
			           "apply to a %s question",
			           question_fields[only_for[i].field].key, type);
	if (q->type == COURSE_Q_SINGLE || q->type == COURSE_Q_MULTIPLE)
		check_choices(ld, node, q, seen);
	if (q->type == COURSE_Q_TRUEFALSE && !seen->key[QF_ANSWER])
		load_error(ld, node, "a truefalse question needs 'answer: true' or "
		           "'answer: false'");
	if (q->type == COURSE_Q_FILL && !seen->key[QF_ANSWERS] &&
	    !seen->key[QF_PATTERN])
		load_error(ld, node, "a fill question needs 'answers' or 'pattern'");
	if (q->type == COURSE_Q_FILL && q->pattern)
		check_pattern(ld, seen->val[QF_PATTERN], q);
	if (!seen->key[QF_EXPLANATION])
		load_warn(ld, node, "question '%s' has no explanation; learners "
		          "who get it wrong see only the right answer", q->id);
}

static bool read_question(struct load *ld, const struct ynode *node,
                          struct course_question *q)
{
	struct load_seen seen;

	memset(q, 0, sizeof *q);
	q->difficulty = 2;
	q->type = COURSE_Q_COUNT;           /* until a valid type is read */
	q->pos = load_pos(ld, node);
	if (!load_object(ld, node, &question_schema, q, &seen))
		return false;
	check_rules(ld, node, q, &seen);
	if (!q->id || !q->lesson_id || !q->section_id || !q->stem ||
	    q->type >= COURSE_Q_COUNT)
		return false;
	if (ld->root) {
		struct ref r = { REF_QUESTION, q, q->lesson_id,
		                 load_pos(ld, seen.val[QF_LESSON]), q->section_id,
		                 load_pos(ld, seen.val[QF_SECTION]) };

		return load_add_ref(ld, &r);
	}
	return true;
}

bool course_read_questions(struct load *ld, const struct ynode *root,
                           struct course_question **out, size_t *n)
{
	struct course_question *qs;
	char buf[64];
	size_t i;

	*out = NULL;
	*n = 0;
	if (!root) {
		load_error(ld, NULL, "the file is empty; a question bank is a list "
		           "of questions");
		return false;
	}
	if (root->kind != YNODE_SEQ) {
		load_error(ld, root, "a question bank is a list of questions "
		           "('- id: ...'), found %s",
		           load_describe(root, buf, sizeof buf));
		return false;
	}
	qs = load_alloc(ld, root->n * sizeof *qs);
	if (!qs)
		return false;
	for (i = 0; i < root->n && !ld->stop && !ld->nomem; i++)
		*n += read_question(ld, root->items[i], &qs[*n]);
	*out = qs;
	return true;
}
