/* Private to src/lint/: the rule framework shared by the driver (lint.c)
 * and the files that hold rules (rules_dl.c, rules_buildkit.c, rules_dt.c,
 * shellcheck.c).
 *
 * Adding a rule is one table entry plus one function:
 *   1. a line LINT_RULE(Id, GROUP, SEVERITY, fn, "message", "explanation",
 *      "lesson") in rules_dl.def, rules_buildkit.def or rules_dt.def
 *      (LINT_ALIAS(OtherName, Id) gives a rule a second name);
 *   2. void lint_check_fn(struct lint_ctx *ctx) in the matching .c file,
 *      which walks what it is about and calls lint_report for each
 *      problem: the commands of a few programs (LINT_FOR_NAMED), the
 *      instructions of a few kinds (LINT_FOR_KINDS), or ctx->file and
 *      ctx->runs as a whole.  Every rule runs on every file, so a rule
 *      about apt-get should cost nothing on a file without apt-get.
 * Then two cases that fire and two that do not under tests/lint/rules/Id/
 * (tests/lint/run.sh insists) and `dockertutor lint --list-rules --format
 * markdown > docs/lint-rules.md`.  The driver runs every rule that is not
 * ignored, applies severities, pragmas and sorting; a rule only says where
 * and what.  Everything a rule allocates goes in ctx->arena, which the
 * result owns.
 */
#ifndef DT_LINT_RULES_H
#define DT_LINT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "dockertutor/lint.h"

/* A simple command of a RUN script, seen the way the rules want it:
 * assignments (A=b), wrappers (env, sudo, nice, ...) and the program's
 * path removed.  "DEBIAN_FRONTEND=x sudo /usr/bin/apt-get install -y a"
 * becomes name "apt-get", args {"install", "-y", "a"}. */
struct lint_cmd {
	const char *name;        /* basename of the program; "" when none */
	const char **args;       /* the words after the program */
	size_t n_args;
	const char *wrapper;     /* "sudo" when run through sudo, else NULL */
	int line, col;
	int depth;               /* nesting in ( ), { } or $( ) */
	const char *sep;         /* operator after the command */
};

/* One RUN (or the RUN inside an ONBUILD) whose script the shell rules
 * read: its command line and its heredoc bodies that are shell scripts,
 * merged in order.  Exec form ["apt-get", "install", "x"] is one command;
 * ["sh", "-c", "script"] is the script. */
struct lint_run {
	const struct lint_instr *instr;  /* the RUN */
	const struct lint_instr *top;    /* the ONBUILD holding it, or instr */
	size_t index;                    /* of top in file->instrs */
	struct lint_cmd *cmds;
	size_t n_cmds, cap_cmds;
	bool has_pipe;
	bool pipefail;                   /* set -o pipefail in the script */
	bool shell_form;                 /* parsed as a POSIX shell script */
	/* The shell reader's own commands of each heredoc body that was read
	 * as a script (instr->n_heredocs entries, NULL for a body that was
	 * not; the array NULL when none was), for rules that look at a body
	 * on its own. */
	const struct lint_script **heredoc_scripts;
};

/* A command of a RUN, as lint_cmds_named finds it. */
struct lint_cmd_ref {
	const struct lint_run *run;
	const struct lint_cmd *cmd;
};

struct lint_cmd_index;

struct lint_ctx {
	const struct lint_file *file;
	const struct lint_config *cfg;
	struct dt_arena *arena;          /* the result's arena */
	/* RUN scripts whose shell is POSIX; exec form and powershell/cmd
	 * stages are left out of shell-only rules (see lint_run.shell_form). */
	struct lint_run *runs;
	size_t n_runs;
	struct lint_cmd_index *cmd_index; /* the commands by name */
	bool *posix;                     /* per instruction: shell is POSIX */
	bool *pipefail_shell;            /* per instruction: SHELL has -o pipefail */
	/* The rule being run and its findings; rule_of[i] is the table index
	 * of findings[i]'s rule, -1 for one reported under another id. */
	const struct lint_rule_info *rule;
	int rule_index;
	struct lint_finding *findings;
	int *rule_of;
	size_t n_findings, cap_findings;
	enum lint_severity *severity;    /* per table entry, as configured */
	/* Stages: the parent of each (-1: none) and a hash of their names,
	 * so stage lookups cost O(1) whatever the file holds. */
	int *parent;
	int *name_slots;                 /* stage index + 1; 0: empty */
	size_t n_slots;                  /* a power of two */
	/* The instructions by kind (lint_instrs_of): indexes into
	 * file->instrs, kind by kind; kinds[k]..kinds[k + 1] are those of
	 * kind k, as written (by_kind) or ONBUILD's trigger counted as its
	 * kind (by_inner_kind). */
	size_t *by_kind, *by_inner_kind;
	size_t kinds[LINT_INSTR_COUNT + 1], inner_kinds[LINT_INSTR_COUNT + 1];
	bool nomem;
};

/* Reports a finding of the current rule at line:col (col 0 means 1).
 * fmt NULL uses the rule's message; otherwise the text is formatted. */
void lint_report(struct lint_ctx *ctx, int line, int col, const char *fmt,
                 ...) __attribute__((format(printf, 4, 5)));
/* Reports under another id (ShellCheck's SC codes). */
void lint_report_as(struct lint_ctx *ctx, const char *rule,
                    enum lint_severity sev, int line, int col,
                    const char *msg);

/* True for sh, bash, ash, dash, zsh, ksh, mksh, busybox (any path). */
bool lint_shell_is_posix(const char *path);
/* Fills ctx->runs from ctx->file and ctx->posix, and the index behind
 * lint_cmds_named; false when out of memory. */
bool lint_runs_build(struct lint_ctx *ctx);
/* Every command of ctx->runs whose name is name, in file order (NULL
 * and *n 0 when none).  Most rules are about one program: they walk its
 * commands, not every command of the file. */
const struct lint_cmd_ref *lint_cmds_named(const struct lint_ctx *ctx,
                                           const char *name, size_t *n);

/* A walk over the commands with any of a few names, in file order. */
#define LINT_NAMED_MAX 12

struct lint_named {
	const struct lint_cmd_ref *refs[LINT_NAMED_MAX];
	size_t n[LINT_NAMED_MAX];
	size_t k;                        /* lists not yet walked to the end */
	const struct lint_cmd_ref *cur;  /* the command reached */
};

/* Starts it over names: NULL-terminated, at most LINT_NAMED_MAX
 * (LINT_NAMES builds one); a name may be listed more than once.
 * Returns it. */
struct lint_named *lint_named_start(struct lint_named *it,
                                    const struct lint_ctx *ctx,
                                    const char *const *names);
/* Moves it->cur to the next command of the walk; false at the end. */
bool lint_named_next(struct lint_named *it);

#define LINT_NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})
/* for (each command c named one of names, in file order; r its RUN) */
#define LINT_FOR_NAMED(ctx, names, r, c)                                    \
	for (struct lint_named it_, *p_ = lint_named_start(&it_, (ctx), (names)); \
	     lint_named_next(p_);)                                          \
		for (const struct lint_run *r = p_->cur->run; r; r = NULL)  \
			for (const struct lint_cmd *c = p_->cur->cmd; c; c = NULL)
/* Builds the instruction lists of lint_instrs_of; false when out of
 * memory. */
bool lint_kinds_index(struct lint_ctx *ctx);
/* The indexes (ascending) of the instructions of kind; with inner, an
 * ONBUILD counts as the kind of the instruction it wraps.  Most rules are
 * about one or two kinds: they walk those, not the whole file. */
const size_t *lint_instrs_of(const struct lint_ctx *ctx,
                             enum lint_instr_kind kind, bool inner,
                             size_t *n);
/* A walk over the instructions of a few kinds: kind by kind, each kind's
 * in file order (instruction rules report at the instruction, so the
 * order across kinds does not show: findings are sorted). */
struct lint_kind_walk {
	const struct lint_ctx *ctx;
	const enum lint_instr_kind *kinds;  /* ends with LINT_UNKNOWN */
	bool inner;
	const size_t *ix;
	size_t n, j;
};

static inline struct lint_kind_walk lint_kind_walk(const struct lint_ctx *ctx,
                                                   const enum lint_instr_kind *kinds,
                                                   bool inner)
{
	struct lint_kind_walk w = { ctx, kinds, inner, NULL, 0, 0 };

	return w;
}

/* Sets *i to the next instruction's index; false at the end. */
static inline bool lint_kind_next(struct lint_kind_walk *w, size_t *i)
{
	while (w->j == w->n) {
		if (*w->kinds == LINT_UNKNOWN)
			return false;
		w->ix = lint_instrs_of(w->ctx, *w->kinds++, w->inner, &w->n);
		w->j = 0;
	}
	*i = w->ix[w->j++];
	return true;
}

#define LINT_KINDS(...) ((const enum lint_instr_kind[]){__VA_ARGS__, LINT_UNKNOWN})
/* for (i = each index of an instruction of one of kinds (LINT_KINDS); with
 * inner, ONBUILD's trigger counts) */
#define LINT_FOR_KINDS(ctx, kinds, inner, i)                                \
	for (struct lint_kind_walk kw_ = lint_kind_walk((ctx), (kinds), (inner)); \
	     lint_kind_next(&kw_, &(i));)

/* Builds ctx->parent and the stage-name index and makes them the ones the
 * stage helpers use until lint_stages_done; false when out of memory. */
bool lint_stages_index(struct lint_ctx *ctx);
void lint_stages_done(void);

/* Command helpers. */
/* True when the command's program is name.  Inline: rules ask it of many
 * commands, and the first two bytes settle nearly every comparison. */
static inline bool lint_cmd_is(const struct lint_cmd *c, const char *name)
{
	if (c->name[0] != name[0])
		return false;
	return !name[0] || (c->name[1] == name[1] &&
	                    (!name[1] || strcmp(c->name + 2, name + 2) == 0));
}
/* The n-th operand (word that is not an option), skipping the values of
 * the options listed in valued (" -o -t --target-release "); words after
 * "--" are operands.  NULL when there is none. */
const char *lint_cmd_operand(const struct lint_cmd *c, const char *valued,
                             size_t n);
/* Walks the operands of c from operand `from` on, in one pass: returns
 * the first for which reject returns true, or NULL. */
const char *lint_cmd_find_operand(const struct lint_cmd *c, const char *valued,
                                  size_t from, bool (*reject)(const char *));
/* True when the command has option -s (alone or among combined short
 * options, s may be 0 for none) or --long (alone or --long=value; long may
 * be NULL). */
bool lint_cmd_has_opt(const struct lint_cmd *c, char s, const char *lng);
/* True when a word equals w. */
bool lint_cmd_has_arg(const struct lint_cmd *c, const char *w);
/* True when a RUN of the same instruction has a command named name whose
 * first operand is sub (sub NULL: any). */
bool lint_run_has(const struct lint_run *r, const char *name,
                  const char *sub);
/* True when the RUN has --mount=type=cache (or tmpfs) with a target
 * starting with dir. */
bool lint_run_mounts(const struct lint_run *r, const char *dir);

/* The lint_run of the instruction at index, NULL when it has none. */
const struct lint_run *lint_run_of(const struct lint_ctx *ctx, size_t index);

/* Stage helpers.  While a rule runs they answer from the driver's index
 * of the file's stages in O(1); elsewhere they scan. */
/* The earlier stage that stage s builds on (FROM name), or -1. */
int lint_stage_parent(const struct lint_file *file, size_t s);
/* The image of stage s with ARGs resolved when the parser could. */
const char *lint_stage_image(const struct lint_stage *st);
/* The index of the stage named name (case-insensitive) among the first
 * `before` stages, or -1. */
int lint_stage_find(const struct lint_file *file, const char *name,
                    size_t before);

/* Instruction helpers. */
const struct lint_flag *lint_instr_flag(const struct lint_instr *in,
                                        const char *name);
/* The value of key=... in a comma list such as a --mount value; the result
 * lives in arena; NULL when absent. */
const char *lint_kv_get(struct dt_arena *arena, const char *list,
                        const char *key);
/* The instruction a finding at line belongs to (the last one starting at
 * or before it); NULL before the first. */
const struct lint_instr *lint_instr_at(const struct lint_file *file,
                                       int line);
/* word without one pair of surrounding quotes, in arena. */
const char *lint_unquote(struct dt_arena *arena, const char *word);

/* The rule functions, one per table entry. */
#define LINT_RULE(id, group, sev, fn, msg, expl, lesson) \
	void lint_check_##fn(struct lint_ctx *ctx);
#include "rules.def"
#undef LINT_RULE

/* Pragmas (pragma.c): what the comments of a file switch off. */
struct lint_pragmas;
struct lint_pragmas *lint_pragmas_read(const struct lint_file *file,
                                       struct dt_arena *arena);
/* True when a finding of rule at line is switched off by a "# hadolint
 * ... ignore=" comment (when hadolint is true) or by # check=skip= (when
 * buildkit is true). */
bool lint_pragmas_ignore(const struct lint_pragmas *p,
                         const struct lint_file *file, const char *rule,
                         int line, bool hadolint, bool buildkit);
/* The shell named by "# hadolint shell=..." for instruction instr (NULL:
 * none). */
const char *lint_pragmas_shell(const struct lint_pragmas *p, size_t instr);
/* BuildKit's "# check=error=true". */
bool lint_pragmas_check_error(const struct lint_pragmas *p);
/* Parses one comment as "hadolint ignore=..."; true when it is one. */
bool lint_pragma_is_ignore(const char *comment);

#endif
