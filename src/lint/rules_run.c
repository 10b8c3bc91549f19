/* hadolint's rules about the commands a RUN runs, other than package
 * managers: tools that make no sense in a build (DL3001), cd (DL3003),
 * sudo (DL3004), apt (DL3027), useradd (DL3046), wget's progress bar
 * (DL3047), curl and wget together (DL4001), replacing /bin/sh (DL4005)
 * and pipes without pipefail (DL4006). */
#include <string.h>

#include "rules.h"

static void report_cmd(struct lint_ctx *ctx, const struct lint_cmd *c)
{
	lint_report(ctx, c->line, c->col, NULL);
}

void lint_check_dl3001(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("free", "ifconfig", "kill", "mount", "ps",
	                               "service", "shutdown", "ssh", "top", "vim"),
	               r, c)
		report_cmd(ctx, c);
}

void lint_check_dl3003(struct lint_ctx *ctx)
{
	/* A cd inside ( ) or $( ) ends with its subshell. */
	LINT_FOR_NAMED(ctx, LINT_NAMES("cd"), r, c)
		if (c->depth == 0)
			report_cmd(ctx, c);
}

void lint_check_dl3004(struct lint_ctx *ctx)
{
	size_t i, j;

	for (i = 0; i < ctx->n_runs; i++)
		for (j = 0; j < ctx->runs[i].n_cmds; j++) {
			const struct lint_cmd *c = &ctx->runs[i].cmds[j];

			if (c->wrapper || lint_cmd_is(c, "sudo"))
				report_cmd(ctx, c);
		}
}

void lint_check_dl3027(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("apt"), r, c)
		report_cmd(ctx, c);
}

/* The value of -u/--uid, attached or in the next word. */
static const char *useradd_uid(const struct lint_cmd *c)
{
	size_t i;

	for (i = 0; i < c->n_args; i++) {
		const char *a = c->args[i];

		if ((strcmp(a, "-u") == 0 || strcmp(a, "--uid") == 0) &&
		    i + 1 < c->n_args)
			return c->args[i + 1];
		if (dt_str_has_prefix(a, "--uid="))
			return a + 6;
		if (a[0] == '-' && a[1] == 'u' && a[2])
			return a + 2;
	}
	return NULL;
}

void lint_check_dl3046(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("useradd"), r, c) {
		const char *uid;

		if (lint_cmd_has_opt(c, 'l', "no-log-init"))
			continue;
		uid = useradd_uid(c);
		/* 99999 and below keep lastlog small. */
		if (uid && strspn(uid, "0123456789") == strlen(uid) &&
		    strlen(uid) > 5)
			report_cmd(ctx, c);
	}
}

void lint_check_dl3047(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("wget"), r, c)
		if (!lint_cmd_has_opt(c, 0, "progress") &&
		    !lint_cmd_has_opt(c, 'q', "quiet") &&
		    !lint_cmd_has_opt(c, 0, "no-verbose") &&
		    !lint_cmd_has_arg(c, "-nv") &&
		    !lint_cmd_has_opt(c, 'o', "output-file") &&
		    !lint_cmd_has_opt(c, 'a', "append-output"))
			report_cmd(ctx, c);
}

static const struct lint_cmd *run_uses(const struct lint_run *r,
                                       const char *name)
{
	size_t i;

	for (i = 0; i < r->n_cmds; i++)
		if (lint_cmd_is(&r->cmds[i], name))
			return &r->cmds[i];
	return NULL;
}

void lint_check_dl4001(struct lint_ctx *ctx)
{
	bool curl = false, wget = false;
	int stage = -2;
	size_t i, n_curl, n_wget;

	if (!lint_cmds_named(ctx, "curl", &n_curl) ||
	    !lint_cmds_named(ctx, "wget", &n_wget))
		return;
	for (i = 0; i < ctx->n_runs; i++) {
		const struct lint_run *r = &ctx->runs[i];
		const struct lint_cmd *c = run_uses(r, "curl");
		const struct lint_cmd *w = run_uses(r, "wget");

		if (r->top->stage != stage) {
			stage = r->top->stage;
			curl = wget = false;
		}
		curl = curl || c;
		wget = wget || w;
		if (curl && wget && (c || w))
			report_cmd(ctx, c && w ? (c->line <= w->line ? w : c) : c ? c : w);
	}
}

void lint_check_dl4005(struct lint_ctx *ctx)
{
	LINT_FOR_NAMED(ctx, LINT_NAMES("ln"), r, c)
		if (lint_cmd_has_arg(c, "/bin/sh"))
			report_cmd(ctx, c);
}

void lint_check_dl4006(struct lint_ctx *ctx)
{
	size_t i, j;

	for (i = 0; i < ctx->n_runs; i++) {
		const struct lint_run *r = &ctx->runs[i];

		if (!r->shell_form || !r->has_pipe || r->pipefail ||
		    ctx->pipefail_shell[r->index])
			continue;
		for (j = 0; j < r->n_cmds; j++) {
			if (strcmp(r->cmds[j].sep, "|") == 0) {
				report_cmd(ctx, &r->cmds[j]);
				break;
			}
		}
		if (j == r->n_cmds)
			lint_report(ctx, r->instr->line, r->instr->col, NULL);
	}
}
