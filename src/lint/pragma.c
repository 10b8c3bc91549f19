/* Comments that switch rules off or change the shell: hadolint's
 * "# hadolint ignore=DL3008,DL3015 # reason" (the next instruction),
 * "# hadolint global ignore=..." (the whole file), "# hadolint stage
 * ignore=..." (the rest of the stage), "# hadolint shell=powershell", and
 * BuildKit's "# check=skip=StageNameCasing;error=true" directive.
 *
 * Design: ignores are stored per instruction, per stage and globally, each
 * list capped, so checking a finding costs a bounded amount whatever the
 * file holds. */
#include <string.h>

#include "rules.h"

#define PRAGMA_MAX_RULES   64    /* ids taken from one comment */
#define PRAGMA_MAX_GLOBAL  1024  /* global and stage ids per file */

struct ignore {
	const char *rule;
	int from_line;           /* stage ignores: from this line on */
	struct ignore *next;
};

struct lint_pragmas {
	struct ignore **by_instr;    /* n_instrs lists */
	struct ignore **by_stage;    /* n_stages lists */
	struct ignore *global;
	size_t n_global;
	struct ignore *skip;         /* # check=skip= */
	const char **shell;          /* n_instrs: # hadolint shell= in force */
	bool check_error;
};

static const char *skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Matches w at the start of s; returns the position after it or NULL. */
static const char *word(const char *s, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(s, w, n) != 0)
		return NULL;
	return s + n;
}

static bool id_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static bool push_ignore(struct dt_arena *arena, struct ignore **list,
                        const char *rule, size_t n, int from_line)
{
	struct ignore *ig = dt_arena_alloc(arena, sizeof *ig);

	if (!ig || !(ig->rule = dt_arena_strndup(arena, rule, n)))
		return false;
	ig->from_line = from_line;
	ig->next = *list;
	*list = ig;
	return true;
}

/* "ignore = A, B # reason": adds each id to list, at most cap in total
 * counted by *count (NULL: no total).  Text that is not an ignore list
 * adds nothing.  False only when out of memory. */
static bool parse_ignore(const char *s, struct dt_arena *arena,
                         struct ignore **list, size_t *count, size_t cap,
                         int from_line)
{
	size_t taken = 0;

	s = word(s, "ignore");
	if (!s)
		return true;
	s = skip_blank(s);
	if (*s != '=')
		return true;
	s = skip_blank(s + 1);
	while (id_char(*s)) {
		const char *start = s;

		while (id_char(*s))
			s++;
		if (taken < PRAGMA_MAX_RULES && (!count || *count < cap)) {
			if (!push_ignore(arena, list, start, (size_t)(s - start),
			                 from_line))
				return false;
			taken++;
			if (count)
				(*count)++;
		}
		s = skip_blank(s);
		if (*s != ',')
			break;
		s = skip_blank(s + 1);
	}
	return true;
}

bool lint_pragma_is_ignore(const char *comment)
{
	const char *s = word(skip_blank(comment), "hadolint");

	if (!s || (*s != ' ' && *s != '\t'))
		return false;
	s = skip_blank(s);
	if (dt_str_has_prefix(s, "global") || dt_str_has_prefix(s, "stage"))
		s = skip_blank(s + (s[0] == 'g' ? 6 : 5));
	s = word(s, "ignore");
	return s && *skip_blank(s) == '=';
}

/* The first instruction starting after line; n_instrs when none. */
static size_t next_instr(const struct lint_file *f, int line)
{
	size_t lo = 0, hi = f->n_instrs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->instrs[mid].line <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* "shell=NAME": from the next instruction on, the shell is NAME. */
static bool add_shell(struct lint_pragmas *p, const struct lint_file *f,
                      struct dt_arena *arena, const char *s, int line)
{
	const char *end, *name;
	size_t i;

	s = skip_blank(s);
	if (*s != '=')
		return true;
	s = skip_blank(s + 1);
	end = s;
	while (*end && *end != ' ' && *end != '\t' && *end != '\n')
		end++;
	if (end == s)
		return true;
	name = dt_arena_strndup(arena, s, (size_t)(end - s));
	if (!name)
		return false;
	i = next_instr(f, line);
	if (i < f->n_instrs)
		p->shell[i] = name;
	return true;
}

static bool read_hadolint(struct lint_pragmas *p, const struct lint_file *f,
                          struct dt_arena *arena, const char *s, int line)
{
	const char *rest;
	size_t next;
	int st;

	s = word(skip_blank(s), "hadolint");
	if (!s || (*s != ' ' && *s != '\t'))
		return true;
	s = skip_blank(s);
	if ((rest = word(s, "shell")) != NULL)
		return add_shell(p, f, arena, rest, line);
	if ((rest = word(s, "global")) != NULL && (*rest == ' ' || *rest == '\t'))
		return parse_ignore(skip_blank(rest), arena, &p->global,
		                    &p->n_global, PRAGMA_MAX_GLOBAL, 0);
	next = next_instr(f, line);
	if (next >= f->n_instrs)
		return true;
	if ((rest = word(s, "stage")) != NULL && (*rest == ' ' || *rest == '\t')) {
		st = f->instrs[next].stage;
		if (st < 0 || (size_t)st >= f->n_stages)
			return true;
		return parse_ignore(skip_blank(rest), arena, &p->by_stage[st],
		                    &p->n_global, PRAGMA_MAX_GLOBAL,
		                    f->instrs[next].line);
	}
	return parse_ignore(s, arena, &p->by_instr[next], NULL, 0, 0);
}

/* BuildKit: "skip=A,B;error=true" (or "skip=all"). */
static bool read_check(struct lint_pragmas *p, struct dt_arena *arena,
                       const char *v)
{
	while (v && *v) {
		const char *end = strchr(v, ';');
		size_t n = end ? (size_t)(end - v) : strlen(v);
		char *part = dt_arena_strndup(arena, v, n);
		char *item, *save = NULL;

		if (!part)
			return false;
		item = (char *)skip_blank(part);
		if (dt_str_has_prefix(item, "error=")) {
			p->check_error = dt_strncasecmp(item + 6, "true", 4) == 0;
		} else if (dt_str_has_prefix(item, "skip=")) {
			for (item = strtok_r(item + 5, ", \t", &save); item;
			     item = strtok_r(NULL, ", \t", &save)) {
				if (p->n_global >= PRAGMA_MAX_GLOBAL)
					break;
				if (!push_ignore(arena, &p->skip, item, strlen(item), 0))
					return false;
				p->n_global++;
			}
		}
		v = end ? end + 1 : NULL;
	}
	return true;
}

struct lint_pragmas *lint_pragmas_read(const struct lint_file *file,
                                       struct dt_arena *arena)
{
	struct lint_pragmas *p = dt_arena_alloc(arena, sizeof *p);
	const char *check = file->check;
	size_t i;

	if (!p)
		return NULL;
	p->by_instr = dt_arena_alloc(arena, (file->n_instrs + 1) * sizeof *p->by_instr);
	p->by_stage = dt_arena_alloc(arena, (file->n_stages + 1) * sizeof *p->by_stage);
	p->shell = dt_arena_alloc(arena, (file->n_instrs + 1) * sizeof *p->shell);
	if (!p->by_instr || !p->by_stage || !p->shell)
		return NULL;
	for (i = 0; i < file->n_comments; i++) {
		const struct lint_comment *c = &file->comments[i];

		if (!read_hadolint(p, file, arena, c->text, c->line))
			return NULL;
	}
	if (check && dt_str_has_prefix(check, "check="))
		check += 6;
	if (check && !read_check(p, arena, check))
		return NULL;
	for (i = 1; i < file->n_instrs; i++)
		if (!p->shell[i])
			p->shell[i] = p->shell[i - 1];
	return p;
}

static bool listed(const struct ignore *ig, const char *rule, int line)
{
	for (; ig; ig = ig->next)
		if (line >= ig->from_line &&
		    (lint_rule_matches(ig->rule, rule) || dt_strcasecmp(ig->rule, "all") == 0))
			return true;
	return false;
}

bool lint_pragmas_ignore(const struct lint_pragmas *p,
                         const struct lint_file *file, const char *rule,
                         int line, bool hadolint, bool buildkit)
{
	const struct lint_instr *in;

	if (buildkit && listed(p->skip, rule, line))
		return true;
	if (!hadolint)
		return false;
	if (listed(p->global, rule, line))
		return true;
	in = lint_instr_at(file, line);
	if (!in)
		return false;
	if (in->stage >= 0 && (size_t)in->stage < file->n_stages &&
	    listed(p->by_stage[in->stage], rule, line))
		return true;
	return listed(p->by_instr[in - file->instrs], rule, line);
}

const char *lint_pragmas_shell(const struct lint_pragmas *p, size_t instr)
{
	return p->shell[instr];
}

bool lint_pragmas_check_error(const struct lint_pragmas *p)
{
	return p->check_error;
}
