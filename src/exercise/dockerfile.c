/* Readers of the parse tree that several checks share: image references,
 * instruction patterns, a stage's variables and the settings a stage
 * inherits from the stage it is built on. */
#include <string.h>

#include "exercise_int.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static bool is_lower_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool path_is_inside(const char *p)
{
	if (!*p || *p == '/')
		return false;
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += n;
		p += strspn(p, "/");
	}
	return true;
}

void image_ref_parse(const char *ref, struct image_ref *out)
{
	const char *at = strchr(ref, '@');
	const char *end = at ? at : ref + strlen(ref);
	const char *name = ref, *colon = NULL, *p;

	/* A tag lives in the last path component: "localhost:5000/app" has a
	 * port, not a tag. */
	for (p = ref; p < end; p++)
		if (*p == '/')
			name = p + 1;
	for (p = name; p < end; p++)
		if (*p == ':')
			colon = p;
	out->tag = colon ? colon + 1 : NULL;
	out->tag_len = colon ? (size_t)(end - colon - 1) : 0;
	out->digest = at ? at + 1 : NULL;
	out->digest_valid = false;
	if (at && strncmp(at + 1, "sha256:", 7) == 0 && strlen(at + 8) == 64) {
		out->digest_valid = true;
		for (p = at + 8; *p; p++)
			if (!is_lower_hex(*p))
				out->digest_valid = false;
	}
}

bool pattern_match_prefix(const char *pattern, const char *s)
{
	const char *star = NULL, *resume = NULL;

	/* The classic wildcard walk, except that running out of pattern is a
	 * match: the pattern only has to cover a prefix of s. */
	for (;;) {
		if (!*pattern)
			return true;
		if (*pattern == '*') {
			star = ++pattern;
			resume = s;
			continue;
		}
		if (*s && *pattern == *s) {
			pattern++;
			s++;
			continue;
		}
		if (!star || !*resume)
			return false;
		pattern = star;
		s = ++resume;
	}
}

char *text_fold_blanks(struct dt_arena *arena, const char *s)
{
	char *out = dt_arena_alloc(arena, strlen(s) + 1), *o = out;
	bool blank = false;

	if (!out)
		return NULL;
	for (; *s; s++) {
		if (is_blank(*s)) {
			blank = o > out;
			continue;
		}
		if (blank)
			*o++ = ' ';
		blank = false;
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

long stage_parent(const struct lint_file *file, size_t i)
{
	const char *image = file->stages[i].image_resolved;
	size_t j;

	if (!image)
		image = file->stages[i].image;
	for (j = i; j-- > 0;)
		if (file->stages[j].name &&
		    dt_strcasecmp(file->stages[j].name, image) == 0)
			return (long)j;
	return -1;
}

/* The default of the ARG called key declared before the first FROM. */
static const struct lint_pair *global_arg(const struct lint_file *file,
                                          const char *key)
{
	const struct lint_pair *found = NULL;
	size_t i, k;

	for (i = 0; i < file->n_instrs && file->instrs[i].stage < 0; i++) {
		const struct lint_instr *in = &file->instrs[i];

		if (in->kind != LINT_ARG)
			continue;
		for (k = 0; k < in->n_pairs; k++)
			if (in->pairs[k].has_value &&
			    strcmp(in->pairs[k].key, key) == 0)
				found = &in->pairs[k];
	}
	return found;
}

static bool push_var(struct dt_arena *arena, struct lint_pair *vars,
                     size_t *n, const struct lint_pair *p)
{
	const char *value = lint_expand(arena, p->value, vars, *n);

	if (!value)
		return false;
	vars[*n] = *p;
	vars[*n].value = value;
	vars[*n].has_value = true;
	(*n)++;
	return true;
}

bool stage_vars(struct dt_arena *arena, const struct lint_file *file,
                size_t i, size_t at, struct lint_pair **vars, size_t *n)
{
	const struct lint_stage *st = &file->stages[i];
	size_t end = at < st->end ? at : st->end, k, j, cap = 0;

	*vars = NULL;
	*n = 0;
	for (k = st->from + 1; k < end; k++)
		cap += file->instrs[k].n_pairs;
	if (cap == 0)
		return true;
	*vars = dt_arena_alloc(arena, cap * sizeof **vars);
	if (!*vars)
		return false;
	for (k = st->from + 1; k < end; k++) {
		const struct lint_instr *in = &file->instrs[k];

		if (in->kind != LINT_ARG && in->kind != LINT_ENV)
			continue;
		for (j = 0; j < in->n_pairs; j++) {
			const struct lint_pair *p = &in->pairs[j];

			if (in->kind == LINT_ARG && !p->has_value)
				p = global_arg(file, p->key);
			if (p && !push_var(arena, *vars, n, p))
				return false;
		}
	}
	return true;
}

const char *instr_value(struct dt_arena *arena, const struct lint_file *file,
                        const struct lint_instr *in, size_t index)
{
	struct lint_pair *vars = NULL;
	size_t n = 0;
	const char *s;

	if (in->stage >= 0 &&
	    !stage_vars(arena, file, (size_t)in->stage, index, &vars, &n))
		return NULL;
	s = lint_expand(arena, in->text ? in->text : "", vars, n);
	return s ? text_fold_blanks(arena, s) : NULL;
}

const struct lint_instr *stage_last(const struct lint_file *file, size_t i,
                                    enum lint_instr_kind kind, size_t *index)
{
	long s = (long)i;

	for (; s >= 0; s = stage_parent(file, (size_t)s)) {
		const struct lint_stage *st = &file->stages[s];
		size_t k;

		for (k = st->end; k-- > st->from + 1;) {
			if (file->instrs[k].kind == kind) {
				*index = k;
				return &file->instrs[k];
			}
		}
	}
	return NULL;
}
