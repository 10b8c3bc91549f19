/* Unit tests for src/lint/shellcheck.c: the reader of ShellCheck's json1
 * output, and how lint_run hands RUN scripts to shellcheck and maps its
 * comments back to the RUN lines (with a stand-in shellcheck from
 * tests/e2e/shellcheck-fake/ on the PATH, so they run without it). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dockertutor/lint.h"

#define FAKE "tests/e2e/shellcheck-fake/shellcheck"

/* ---- the JSON reader --------------------------------------------------- */

/* What shellcheck 0.9 prints for three comments, fixes included. */
static const char real_output[] =
	"{\"comments\":[{\"file\":\"-\",\"line\":2,\"endLine\":2,\"column\":6,"
	"\"endColumn\":8,\"level\":\"info\",\"code\":2086,\"message\":\"Double "
	"quote to prevent globbing and word splitting.\",\"fix\":{\"replacements\":"
	"[{\"column\":6,\"endColumn\":6,\"endLine\":2,\"insertionPoint\":"
	"\"afterEnd\",\"line\":2,\"precedence\":7,\"replacement\":\"\\\"\"}]}},"
	"{\"file\":\"-\",\"line\":3,\"endLine\":3,\"column\":1,\"endColumn\":4,"
	"\"level\":\"warning\",\"code\":2034,\"message\":\"foo appears unused. "
	"Verify use (or export if used externally).\",\"fix\":null},"
	"{\"file\":\"/tmp/x/1.sh\",\"line\":3,\"endLine\":3,\"column\":5,"
	"\"endColumn\":9,\"level\":\"style\",\"code\":2006,\"message\":\"Use $(...) "
	"notation instead of legacy backticks `...`.\",\"fix\":null}]}\n";

struct parsed {
	struct dt_arena arena;
	struct lint_sc_comment *c;
	size_t n;
	struct dt_error err;
	enum dt_status rc;
};

static void parse(struct parsed *p, const char *json, size_t len)
{
	memset(p, 0, sizeof *p);
	dt_arena_init(&p->arena);
	p->rc = lint_shellcheck_parse(json, len, &p->arena, &p->c, &p->n, &p->err);
}

static void parse_str(struct parsed *p, const char *json)
{
	parse(p, json, strlen(json));
}

static void release(struct parsed *p)
{
	dt_arena_fini(&p->arena);
}

static void test_reads_real_output(void **state)
{
	struct parsed p;

	(void)state;
	parse_str(&p, real_output);
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.c[0].file, "-");
	assert_int_equal(p.c[0].line, 2);
	assert_int_equal(p.c[0].col, 6);
	assert_int_equal(p.c[0].code, 2086);
	assert_int_equal(p.c[0].severity, LINT_SEV_INFO);
	assert_string_equal(p.c[0].message,
	                    "Double quote to prevent globbing and word splitting.");
	assert_int_equal(p.c[1].severity, LINT_SEV_WARNING);
	assert_int_equal(p.c[1].code, 2034);
	assert_string_equal(p.c[2].file, "/tmp/x/1.sh");
	assert_int_equal(p.c[2].severity, LINT_SEV_STYLE);
	assert_string_equal(p.c[2].message,
	                    "Use $(...) notation instead of legacy backticks `...`.");
	release(&p);
}

static void test_decodes_escapes(void **state)
{
	struct parsed p;

	(void)state;
	parse_str(&p, "{\"comments\":[{\"file\":\"a\\/b\",\"line\":1,\"code\":1,"
	              "\"level\":\"error\",\"message\":\"q\\\" b\\\\ n\\n t\\t "
	              "e\\u00e9 s\\ud83d\\ude00 lone\\ud800x\"}]}");
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.c[0].file, "a/b");
	assert_int_equal(p.c[0].severity, LINT_SEV_ERROR);
	assert_string_equal(p.c[0].message,
	                    "q\" b\\ n\n t\t e\xc3\xa9 s\xf0\x9f\x98\x80 lone\xef\xbf\xbdx");
	release(&p);
}

static void test_reads_old_format_and_skips_incomplete(void **state)
{
	struct parsed p;

	(void)state;
	/* --format=json (before json1) is a bare array. */
	parse_str(&p, " [ {\"file\":\"s\",\"line\":4,\"column\":12.0,\"code\":2154,"
	              "\"level\":\"fatal\",\"message\":\"m\"} ] ");
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.c[0].col, 12);
	assert_int_equal(p.c[0].severity, LINT_SEV_INFO);   /* unknown level */
	release(&p);

	/* No file, line 0, no code, not an object: skipped, not errors. */
	parse_str(&p, "{\"version\":1,\"comments\":[{\"line\":1,\"code\":1},"
	              "{\"file\":\"f\",\"line\":0,\"code\":1},{\"file\":\"f\",\"line\":2},"
	              "7,null,{\"file\":\"f\",\"line\":1e1,\"code\":2,\"extra\":[[{}]]}]}");
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.c[0].line, 1);                   /* 1e1: integer part */
	assert_string_equal(p.c[0].message, "");
	release(&p);

	parse_str(&p, "{\"comments\":[]}");
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.n, 0);
	assert_non_null(p.c);
	release(&p);
}

static void test_rejects_malformed(void **state)
{
	static const char *const bad[] = {
		"", "{", "{\"comments\":[}", "{\"comments\":[{\"file\":\"a\"]}",
		"{\"a\":01}", "{\"a\":\"\x01\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12g4\"}",
		"[1,]", "{\"a\" 1}", "[nul]", "[-]", "[1.]", "[1e]", "{\"a\":\"open",
		"{\"a\":\"\\u12\"}", "{1:2}", "true",
	};
	struct parsed p;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		parse_str(&p, bad[i]);
		if (p.rc != DT_ERR_SYNTAX)
			fail_msg("accepted %s", bad[i]);
		assert_null(p.c);
		assert_int_equal(p.n, 0);
		release(&p);
	}
	parse_str(&p, "{} x");
	assert_int_equal(p.rc, DT_ERR_SYNTAX);
	assert_int_equal(p.err.col, 4);
	assert_non_null(strstr(p.err.msg, "byte 4"));
	release(&p);
}

static void test_limits(void **state)
{
	char deep[256];
	struct parsed p;
	char *big;
	size_t i, k = 0;

	(void)state;
	k += (size_t)snprintf(deep, sizeof deep, "{\"comments\":[{\"x\":");
	for (i = 0; i < LINT_SC_MAX_DEPTH + 2; i++)
		deep[k++] = '[';
	for (i = 0; i < LINT_SC_MAX_DEPTH + 2; i++)
		deep[k++] = ']';
	memcpy(deep + k, "}]}", 4);
	parse_str(&p, deep);
	assert_int_equal(p.rc, DT_ERR_LIMIT);
	release(&p);

	big = calloc(1, LINT_SC_MAX_OUTPUT + 2);
	assert_non_null(big);
	memset(big, ' ', LINT_SC_MAX_OUTPUT + 1);
	big[0] = '[';
	big[LINT_SC_MAX_OUTPUT] = ']';
	parse(&p, big, LINT_SC_MAX_OUTPUT + 1);
	assert_int_equal(p.rc, DT_ERR_LIMIT);
	release(&p);
	parse(&p, big + 1, LINT_SC_MAX_OUTPUT);   /* at the cap: read */
	assert_int_equal(p.rc, DT_ERR_SYNTAX);
	release(&p);
	free(big);
}

static void test_parse_allocation_failures(void **state)
{
	struct parsed p;
	unsigned long n;

	(void)state;
	for (n = 1; n < 1000; n++) {
		dt_alloc_fail_at(n);
		parse_str(&p, real_output);
		dt_alloc_fail_at(0);
		if (p.rc == DT_OK) {
			assert_int_equal(p.n, 3);
			release(&p);
			break;
		}
		assert_int_equal(p.rc, DT_ERR_NOMEM);
		assert_null(p.c);
		release(&p);
	}
	assert_true(n < 1000);
}

/* ---- lint_run with a stand-in shellcheck -------------------------------- */

struct env {
	char dir[64];            /* private folder: bin/, tmp/, the log */
	char bin[96], tmp[96], log[96];
	char *old_path, *old_tmpdir;
};

static void copy_fake(const char *to)
{
	FILE *in = fopen(FAKE, "rb"), *out;
	char buf[4096];
	size_t n;

	if (!in)
		fail_msg("%s is missing (run from the repository root)", FAKE);
	out = fopen(to, "wb");
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	assert_int_equal(fclose(in), 0);
	assert_int_equal(fclose(out), 0);
	assert_int_equal(chmod(to, 0755), 0);
}

static char *dup_env(const char *name)
{
	const char *v = getenv(name);

	return v ? strdup(v) : NULL;
}

/* with_fake: the stand-in first on PATH; else an empty PATH folder. */
static void env_setup(struct env *e, bool with_fake)
{
	char path[256], fake[128];

	memset(e, 0, sizeof *e);
	strcpy(e->dir, "/tmp/dt-sc-test.XXXXXX");
	assert_non_null(mkdtemp(e->dir));
	snprintf(e->bin, sizeof e->bin, "%s/bin", e->dir);
	snprintf(e->tmp, sizeof e->tmp, "%s/tmp", e->dir);
	snprintf(e->log, sizeof e->log, "%s/log", e->dir);
	assert_int_equal(mkdir(e->bin, 0755), 0);
	assert_int_equal(mkdir(e->tmp, 0755), 0);
	if (with_fake) {
		snprintf(fake, sizeof fake, "%s/shellcheck", e->bin);
		copy_fake(fake);
		snprintf(path, sizeof path, "%s:/usr/bin:/bin", e->bin);
	} else {
		snprintf(path, sizeof path, "%s", e->bin);
	}
	e->old_path = dup_env("PATH");
	e->old_tmpdir = dup_env("TMPDIR");
	setenv("PATH", path, 1);
	setenv("TMPDIR", e->tmp, 1);
	setenv("DT_SC_LOG", e->log, 1);
	unsetenv("DT_SC_MODE");
}

static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* The lines of the log: one per shellcheck run. */
static int log_lines(const struct env *e, char *first, size_t size)
{
	FILE *f = fopen(e->log, "r");
	char line[8192];
	int n = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof line, f)) {
		if (n++ == 0 && first)
			snprintf(first, size, "%s", line);
	}
	fclose(f);
	return n;
}

static void env_teardown(struct env *e)
{
	char path[128];

	if (e->old_path)
		setenv("PATH", e->old_path, 1);
	if (e->old_tmpdir)
		setenv("TMPDIR", e->old_tmpdir, 1);
	else
		unsetenv("TMPDIR");
	unsetenv("DT_SC_LOG");
	unsetenv("DT_SC_MODE");
	free(e->old_path);
	free(e->old_tmpdir);
	snprintf(path, sizeof path, "%s/shellcheck", e->bin);
	unlink(path);
	unlink(e->log);
	rmdir(e->bin);
	rmdir(e->tmp);
	rmdir(e->dir);
}

static struct lint_result *lint(const char *text, const struct lint_config *cfg)
{
	struct lint_result *res = NULL;
	struct dt_error err;

	assert_int_equal(lint_run("Dockerfile", text, strlen(text), cfg, &res, &err),
	                 DT_OK);
	return res;
}

/* The findings of rule, as "LINE:MESSAGE" lines. */
static size_t findings_of(const struct lint_result *res, const char *rule,
                          char *out, size_t size)
{
	size_t i, n = 0, k = 0;

	out[0] = '\0';
	for (i = 0; i < res->n_findings; i++) {
		const struct lint_finding *f = &res->findings[i];

		if (strcmp(f->rule, rule) != 0)
			continue;
		n++;
		k += (size_t)snprintf(out + k, size - k, "%d:%s\n", f->line, f->message);
		assert_true(k < size);
	}
	return n;
}

static enum lint_severity severity_of(const struct lint_result *res,
                                      const char *rule)
{
	size_t i;

	for (i = 0; i < res->n_findings; i++)
		if (strcmp(res->findings[i].rule, rule) == 0)
			return res->findings[i].severity;
	fail_msg("no %s finding", rule);
	return LINT_SEV_NONE;
}

static const char mapped[] =
	"FROM debian:12\n"                                   /* 1 */
	"ARG version=1\n"                                    /* 2 */
	"RUN echo one $version $http_proxy\n"               /* 3 */
	"RUN <<EOF\n"                                        /* 4 */
	"set -e\n"                                           /* 5 */
	"echo two\n"                                         /* 6 */
	"EOF\n"                                              /* 7 */
	"SHELL [\"/bin/bash\", \"-c\"]\n"                    /* 8 */
	"RUN echo three \\\n"                                /* 9 */
	" && echo four\n"                                    /* 10 */
	"ONBUILD RUN echo five\n"                            /* 11 */
	"RUN [\"sh\", \"-c\", \"echo exec\"]\n"              /* 12 */
	"RUN python3 <<EOF\n"                                /* 13 */
	"print('py')\n"                                      /* 14 */
	"EOF\n"                                              /* 15 */
	"FROM mcr.microsoft.com/powershell:lts-debian-12\n"  /* 16 */
	"SHELL [\"pwsh\", \"-Command\"]\n"                   /* 17 */
	"RUN echo six\n"                                     /* 18 */
	"FROM debian:12\n"                                   /* 19 */
	"# hadolint shell=zsh\n"                             /* 20 */
	"RUN echo seven\n";                                  /* 21 */

static void test_maps_comments_to_run_lines(void **state)
{
	struct lint_result *res;
	struct env e;
	char got[4096], first[8192];

	(void)state;
	env_setup(&e, true);
	assert_true(lint_shellcheck_available());
	res = lint(mapped, NULL);
	/* One comment per script, at its RUN's line; the prelude ones are
	 * dropped (SC1111); exec form, pwsh and zsh stages are left out; the
	 * known names a script uses are exported. */
	assert_int_equal(findings_of(res, "SC1111", got, sizeof got), 0);
	assert_int_equal(findings_of(res, "SC2222", got, sizeof got), 5);
	assert_string_equal(got,
		"3:#!/bin/sh | echo one $version $http_proxy | 2 exports\n"
		"4:#!/bin/sh | set -e | 0 exports\n"
		"9:#!/bin/bash | echo three  && echo four | 0 exports\n"
		"11:#!/bin/bash | echo five | 0 exports\n"
		"13:#!/bin/bash | python3 <<EOF | 0 exports\n");
	assert_int_equal(findings_of(res, "SCxxxx", got, sizeof got), 0);
	/* One process for the whole file, five scripts; nothing left behind. */
	assert_int_equal(log_lines(&e, first, sizeof first), 1);
	assert_non_null(strstr(first, "--format=json1"));
	assert_non_null(strstr(first, "/4.sh"));
	assert_null(strstr(first, "/5.sh"));
	assert_int_equal(count_entries(e.tmp), 0);
	lint_result_free(res);
	env_teardown(&e);
}

static void test_heredoc_with_shebang_and_severities(void **state)
{
	static const char text[] =
		"FROM debian:12\n"
		"RUN <<EOF\n"
		"#!/bin/bash\n"
		"echo in-bash\n"
		"EOF\n"
		"RUN <<EOF\n"
		"#!/usr/bin/env python3\n"
		"print('not shell')\n"
		"EOF\n";
	struct lint_config cfg;
	struct dt_arena arena;
	struct lint_result *res;
	struct dt_error err;
	struct env e;
	char got[1024];

	(void)state;
	env_setup(&e, true);
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	assert_int_equal(lint_config_override(&cfg, &arena, "SC2222", LINT_SEV_ERROR,
	                                      &err), DT_OK);
	res = lint(text, &cfg);
	assert_int_equal(findings_of(res, "SC2222", got, sizeof got), 1);
	/* The body's own #! line picks the shell and stays out of the script. */
	assert_string_equal(got, "2:#!/bin/bash | echo in-bash | 0 exports\n");
	assert_int_equal(severity_of(res, "SC2222"), LINT_SEV_ERROR);
	lint_result_free(res);
	dt_arena_fini(&arena);
	env_teardown(&e);
}

static void test_switched_off(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct lint_result *res;
	struct dt_error err;
	struct env e;
	char got[256];

	(void)state;
	env_setup(&e, true);
	lint_config_init(&cfg);
	cfg.shellcheck = false;
	res = lint(mapped, &cfg);
	assert_int_equal(findings_of(res, "SC2222", got, sizeof got), 0);
	assert_int_equal(log_lines(&e, NULL, 0), 0);
	lint_result_free(res);

	/* Ignoring SCxxxx switches it off as well; ignoring a code drops it. */
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	assert_int_equal(lint_config_ignore(&cfg, &arena, "SCxxxx", &err), DT_OK);
	res = lint(mapped, &cfg);
	assert_int_equal(findings_of(res, "SC2222", got, sizeof got), 0);
	assert_int_equal(log_lines(&e, NULL, 0), 0);
	lint_result_free(res);
	lint_config_init(&cfg);
	assert_int_equal(lint_config_ignore(&cfg, &arena, "SC2222", &err), DT_OK);
	res = lint(mapped, &cfg);
	assert_int_equal(findings_of(res, "SC2222", got, sizeof got), 0);
	assert_int_equal(log_lines(&e, NULL, 0), 1);
	lint_result_free(res);
	dt_arena_fini(&arena);
	env_teardown(&e);
}

static void test_without_shellcheck_on_path(void **state)
{
	struct lint_result *res;
	struct env e;
	char got[256];

	(void)state;
	env_setup(&e, false);
	assert_false(lint_shellcheck_available());
	res = lint(mapped, NULL);
	assert_int_equal(findings_of(res, "SCxxxx", got, sizeof got), 0);
	assert_int_equal(findings_of(res, "SC2222", got, sizeof got), 0);
	/* Every other rule still runs. */
	assert_int_equal(findings_of(res, "DT1001", got, sizeof got), 1);
	assert_int_equal(count_entries(e.tmp), 0);
	lint_result_free(res);
	env_teardown(&e);
}

static void test_failures_are_reported(void **state)
{
	static const struct { const char *mode, *why; } cases[] = {
		{"garbage", "ShellCheck could not check the RUN scripts: its output was not valid JSON\n"},
		{"fail", "ShellCheck could not check the RUN scripts: it failed\n"},
	};
	struct lint_result *res;
	struct env e;
	char got[512], want[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		env_setup(&e, true);
		setenv("DT_SC_MODE", cases[i].mode, 1);
		res = lint(mapped, NULL);
		snprintf(want, sizeof want, "1:%s", cases[i].why);
		assert_int_equal(findings_of(res, "SCxxxx", got, sizeof got), 1);
		assert_string_equal(got, want);
		assert_int_equal(count_entries(e.tmp), 0);
		lint_result_free(res);
		env_teardown(&e);
	}
}

/* Every allocation of a lint_run with the BuildKit, DT and ShellCheck
 * rules failing in turn: a clean DT_ERR_NOMEM, nothing leaked, no
 * temporary file left. */
static void test_lint_allocation_failures(void **state)
{
	static const char text[] =
		"ARG TAG\n"
		"FROM alpine:${TAGG} as Build\n"
		"ENV A b\n"
		"COPY $undefined id_rsa /x/\n"
		"RUN curl -fsSL https://x | sh && chmod 777 /x\n"
		"RUN <<EOF\napk update\napk upgrade\nEOF\n";
	struct lint_result *res, *clean;
	struct dt_error err;
	struct env e;
	unsigned long n;
	enum dt_status rc;

	(void)state;
	env_setup(&e, true);
	clean = lint(text, NULL);
	for (n = 1; n < 20000; n++) {
		res = NULL;
		dt_alloc_fail_at(n);
		rc = lint_run("Dockerfile", text, sizeof text - 1, NULL, &res, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			assert_int_equal(res->n_findings, clean->n_findings);
			lint_result_free(res);
			break;
		}
		assert_int_equal(rc, DT_ERR_NOMEM);
		assert_null(res);
		assert_int_equal(count_entries(e.tmp), 0);
	}
	assert_true(n < 20000);
	lint_result_free(clean);
	env_teardown(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_real_output),
		cmocka_unit_test(test_decodes_escapes),
		cmocka_unit_test(test_reads_old_format_and_skips_incomplete),
		cmocka_unit_test(test_rejects_malformed),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_parse_allocation_failures),
		cmocka_unit_test(test_maps_comments_to_run_lines),
		cmocka_unit_test(test_heredoc_with_shebang_and_severities),
		cmocka_unit_test(test_switched_off),
		cmocka_unit_test(test_without_shellcheck_on_path),
		cmocka_unit_test(test_failures_are_reported),
		cmocka_unit_test(test_lint_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
