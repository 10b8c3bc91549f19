/* Unit tests for the linter's driver (src/lint/lint.c, pragma.c,
 * rules_cmd.c): the rule table, configuration applied to findings,
 * pragmas, shells, exit decisions and allocation failures.  What each rule
 * finds is covered by the golden cases in tests/lint/rules/. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/lint.h"

/* Lints text with cfg (NULL: defaults) and returns the result. */
static struct lint_result *run(const char *text, const struct lint_config *cfg)
{
	struct lint_result *res = NULL;
	struct dt_error err;

	assert_int_equal(lint_run("Dockerfile", text, strlen(text), cfg, &res, &err),
	                 DT_OK);
	assert_non_null(res);
	return res;
}

/* Number of findings of rule (NULL: any) at line (0: any). */
static size_t count(const struct lint_result *res, const char *rule, int line)
{
	size_t i, n = 0;

	for (i = 0; i < res->n_findings; i++)
		if ((!rule || strcmp(res->findings[i].rule, rule) == 0) &&
		    (line == 0 || res->findings[i].line == line))
			n++;
	return n;
}

static void test_table(void **state)
{
	static const char *const lessons[] = {
		"what-is-a-container", "running-containers", "images-and-layers",
		"writing-dockerfiles", "efficient-images", "data-and-volumes",
		"networking", "compose", "registries", "production",
	};
	size_t n, i, j;
	const struct lint_rule_info *rules = lint_rules(&n);

	(void)state;
	assert_true(n >= 72);
	for (i = 0; i < n; i++) {
		bool lesson_ok = false;

		assert_non_null(rules[i].message);
		assert_true(strlen(rules[i].message) > 10);
		assert_null(strchr(rules[i].message, '\n'));
		/* A paragraph and an example fix (an indented block). */
		assert_non_null(strstr(rules[i].explanation, "\n\n    "));
		/* hadolint's rules each point at a lesson; others may not. */
		if (rules[i].group == LINT_GROUP_HADOLINT)
			assert_non_null(rules[i].lesson);
		for (j = 0; rules[i].lesson && j < sizeof lessons / sizeof lessons[0]; j++)
			lesson_ok |= dt_str_has_prefix(rules[i].lesson, lessons[j]);
		assert_true(lesson_ok || !rules[i].lesson);
		assert_ptr_equal(lint_rule_find(rules[i].id), &rules[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(rules[i].id, rules[j].id);
	}
	assert_null(lint_rule_find("DL3005"));   /* removed from hadolint */
	assert_null(lint_rule_find("dl3008"));
	assert_true(lint_rule_id_is_known("DL3008"));
	assert_true(lint_rule_id_is_known("SC2086"));
	assert_false(lint_rule_id_is_known("SC"));
	assert_false(lint_rule_id_is_known("DL9999"));
	/* BuildKit's names for hadolint's checks */
	assert_true(lint_rule_id_is_known("JSONArgsRecommended"));
	assert_string_equal(lint_rule_canonical("JSONArgsRecommended"), "DL3025");
	assert_true(lint_rule_matches("MultipleInstructionsDisallowed", "DL4004"));
	assert_false(lint_rule_matches("JSONArgsRecommended", "DL3024"));
	assert_null(lint_rule_canonical("NoSuchCheck"));
	assert_int_equal(lint_rule_find("DL3057")->severity, LINT_SEV_IGNORE);
	assert_int_equal(lint_rule_find("DL3048")->severity, LINT_SEV_STYLE);
}

static void test_names(void **state)
{
	enum lint_severity sev;
	enum lint_format fmt;
	char url[128];

	(void)state;
	assert_true(lint_severity_parse("Warning", &sev));
	assert_int_equal(sev, LINT_SEV_WARNING);
	assert_false(lint_severity_parse("fatal", &sev));
	assert_string_equal(lint_severity_name(LINT_SEV_NONE), "none");
	assert_true(lint_format_parse("gitlab_codeclimate", &fmt));
	assert_int_equal(fmt, LINT_FORMAT_GITLAB_CODECLIMATE);
	assert_false(lint_format_parse("markdown", &fmt));
	assert_string_equal(lint_format_name(LINT_FORMAT_SARIF), "sarif");
	assert_string_equal(lint_rule_url("DL3008", url, sizeof url),
	                    "https://github.com/hadolint/hadolint/wiki/DL3008");
	assert_string_equal(lint_rule_url("SC2086", url, sizeof url),
	                    "https://www.shellcheck.net/wiki/SC2086");
}

static void test_sorted_by_line_col_rule(void **state)
{
	struct lint_result *res = run(
		"FROM debian\n"
		"RUN apt-get install curl && cd /tmp\n"
		"MAINTAINER me\n", NULL);
	size_t i;

	(void)state;
	assert_true(res->n_findings >= 5);
	for (i = 1; i < res->n_findings; i++) {
		const struct lint_finding *a = &res->findings[i - 1], *b = &res->findings[i];

		assert_true(a->line < b->line ||
		            (a->line == b->line && (a->col < b->col ||
		             (a->col == b->col && strcmp(a->rule, b->rule) <= 0))));
	}
	assert_int_equal(count(res, "DL3003", 2), 1);
	assert_int_equal(count(res, "DL4000", 3), 1);
	lint_result_free(res);
}

static void test_config_applies(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;
	struct lint_result *res;

	(void)state;
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	assert_int_equal(lint_config_ignore(&cfg, &arena, "DL3008", &err), DT_OK);
	assert_int_equal(lint_config_override(&cfg, &arena, "DL3006", LINT_SEV_INFO, &err), DT_OK);
	assert_int_equal(lint_config_override(&cfg, &arena, "DL3006", LINT_SEV_ERROR, &err), DT_OK);
	assert_int_equal(lint_config_override(&cfg, &arena, "DL3057", LINT_SEV_STYLE, &err), DT_OK);
	res = run("FROM debian\nRUN apt-get install -y curl\n", &cfg);
	assert_int_equal(count(res, "DL3008", 0), 0);
	assert_int_equal(count(res, "DL3006", 1), 1);
	assert_int_equal(res->findings[0].severity, LINT_SEV_ERROR);   /* last wins */
	assert_int_equal(count(res, "DL3057", 1), 1);
	cfg.failure_threshold = LINT_SEV_ERROR;
	assert_true(lint_result_fails(res, &cfg));
	cfg.no_fail = true;
	assert_false(lint_result_fails(res, &cfg));
	lint_result_free(res);
	dt_arena_fini(&arena);
}

/* Switches off every rule but keep (other rules of the table would change
 * what fails). */
static void only(struct lint_config *cfg, struct dt_arena *arena, const char *keep)
{
	size_t n, i;
	const struct lint_rule_info *rules = lint_rules(&n);
	struct dt_error err;

	for (i = 0; i < n; i++)
		if (strcmp(rules[i].id, keep) != 0)
			assert_int_equal(lint_config_ignore(cfg, arena, rules[i].id, &err), DT_OK);
}

static void test_thresholds(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct lint_result *res;

	(void)state;
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	only(&cfg, &arena, "DL3059");
	res = run("FROM debian:12\nRUN echo a\nRUN echo b\n", &cfg);   /* DL3059 info */
	assert_int_equal(count(res, "DL3059", 3), 1);
	assert_true(lint_result_fails(res, &cfg));
	cfg.failure_threshold = LINT_SEV_WARNING;
	assert_false(lint_result_fails(res, &cfg));
	cfg.failure_threshold = LINT_SEV_STYLE;
	assert_true(lint_result_fails(res, &cfg));
	cfg.failure_threshold = LINT_SEV_NONE;
	assert_false(lint_result_fails(res, &cfg));
	lint_result_free(res);
	/* A file that does not parse fails whatever the threshold. */
	res = run("FROM debian:12\nFROMM x\n", &cfg);
	assert_int_equal(count(res, "DL1000", 2), 0);   /* ignored, still fails */
	assert_true(lint_result_fails(res, &cfg));
	lint_result_free(res);
	dt_arena_fini(&arena);
}

static void test_pragmas(void **state)
{
	struct lint_config cfg;
	struct lint_result *res;
	static const char text[] =
		"# hadolint ignore=DL3006 , DL3007 # reason after the list\n"
		"FROM debian\n"
		"\n"
		"# hadolint ignore=DL3008\n"
		"# another comment between\n"
		"RUN apt-get install -y --no-install-recommends curl \\\n"
		"    wget\n"
		"RUN apt-get install -y --no-install-recommends git\n"
		"# hadolint ignore=DL3008\n";

	(void)state;
	lint_config_init(&cfg);
	res = run(text, &cfg);
	assert_int_equal(count(res, "DL3006", 0), 0);
	assert_int_equal(count(res, "DL3008", 6), 0);
	assert_int_equal(count(res, "DL3008", 8), 1);
	lint_result_free(res);
	cfg.disable_ignore_pragma = true;
	res = run(text, &cfg);
	assert_int_equal(count(res, "DL3006", 2), 1);
	assert_int_equal(count(res, "DL3008", 0), 2);
	lint_result_free(res);
}

static void test_aliases_in_config_and_pragmas(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;
	struct lint_result *res;
	static const char text[] =
		"# check=skip=MaintainerDeprecated\n"
		"FROM debian:12\n"
		"MAINTAINER me\n"
		"CMD echo a\n";

	(void)state;
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	res = run(text, &cfg);
	assert_int_equal(count(res, "DL4000", 0), 0);
	assert_int_equal(count(res, "DL3025", 4), 1);
	lint_result_free(res);
	assert_int_equal(lint_config_ignore(&cfg, &arena, "JSONArgsRecommended", &err), DT_OK);
	res = run(text, &cfg);
	assert_int_equal(count(res, "DL3025", 0), 0);
	lint_result_free(res);
	dt_arena_fini(&arena);
}

static void test_global_and_stage_pragmas(void **state)
{
	struct lint_result *res;

	(void)state;
	res = run("FROM debian:12 AS a\n"
	          "RUN cd /x\n"
	          "# hadolint stage ignore=DL3003\n"
	          "RUN cd /y\n"
	          "RUN cd /z\n"
	          "FROM debian:12\n"
	          "RUN cd /w\n"
	          "# hadolint global ignore=DL3059\n", NULL);
	assert_int_equal(count(res, "DL3003", 2), 1);
	assert_int_equal(count(res, "DL3003", 4), 0);
	assert_int_equal(count(res, "DL3003", 5), 0);
	assert_int_equal(count(res, "DL3003", 7), 1);
	assert_int_equal(count(res, "DL3059", 0), 0);
	lint_result_free(res);
}

static void test_shells(void **state)
{
	struct lint_result *res;

	(void)state;
	/* powershell via SHELL, the shell pragma, and a Windows base image */
	res = run("FROM debian:12\n"
	          "SHELL [\"pwsh\", \"-Command\"]\n"
	          "RUN cd C:\\\\x | Out-Null\n"
	          "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
	          "RUN cd x\n"
	          "FROM debian:12\n"
	          "RUN cd y\n"
	          "# hadolint shell=cmd\n"
	          "RUN cd z\n", NULL);
	assert_int_equal(count(res, "DL3003", 3), 0);
	assert_int_equal(count(res, "DL4006", 3), 0);
	assert_int_equal(count(res, "DL3003", 5), 0);
	assert_int_equal(count(res, "DL3003", 7), 1);
	assert_int_equal(count(res, "DL3003", 9), 0);
	lint_result_free(res);
	/* exec form: sh -c is a script, anything else one command */
	res = run("FROM debian:12\n"
	          "RUN [\"sh\", \"-c\", \"cd /x && apt-get install -y curl\"]\n"
	          "RUN [\"apt-get\", \"install\", \"-y\", \"--no-install-recommends\", \"wget\"]\n",
	          NULL);
	assert_int_equal(count(res, "DL3003", 2), 1);
	assert_int_equal(count(res, "DL3008", 2), 1);
	assert_int_equal(count(res, "DL3008", 3), 1);
	lint_result_free(res);
}

static void test_heredocs(void **state)
{
	struct lint_result *res;

	(void)state;
	res = run("FROM debian:12\n"
	          "RUN <<EOF\n"
	          "apt-get install -y curl\n"
	          "EOF\n"
	          "RUN python3 <<EOF\n"
	          "cd = 1\n"
	          "EOF\n"
	          "RUN <<EOF\n"
	          "#!/usr/bin/env python3\n"
	          "cd = 2\n"
	          "EOF\n"
	          "RUN bash <<EOF\n"
	          "cd /tmp\n"
	          "EOF\n", NULL);
	assert_int_equal(count(res, "DL3008", 3), 1);
	assert_int_equal(count(res, "DL3003", 6), 0);
	assert_int_equal(count(res, "DL3003", 10), 0);
	assert_int_equal(count(res, "DL3003", 13), 1);
	lint_result_free(res);
}

static void test_positions(void **state)
{
	struct lint_result *res;

	(void)state;
	res = run("FROM debian:12\n"
	          "RUN apt-get update \\\n"
	          "  && apt-get install -y --no-install-recommends curl\n", NULL);
	assert_int_equal(count(res, "DL3008", 3), 1);
	assert_int_equal(res->findings[res->n_findings - 1].col, 6);
	lint_result_free(res);
}

/* hadolint's rule set alone: no BuildKit check, no DT rule, no BuildKit
 * directive; the DL rules and hadolint's pragmas as before. */
static void test_only_hadolint(void **state)
{
	static const char text[] =
		"# check=skip=DL3006\n"
		"FROM debian as build\n"
		"# hadolint ignore=DL3008\n"
		"RUN apt-get install -y --no-install-recommends curl\n"
		"CMD run\n";
	struct lint_config cfg;
	struct lint_result *res;
	size_t i;

	(void)state;
	lint_config_init(&cfg);
	cfg.shellcheck = false;
	res = run(text, &cfg);
	assert_int_equal(count(res, "FromAsCasing", 2), 1);
	assert_int_equal(count(res, "DT1001", 0), 1);
	assert_int_equal(count(res, "DL3006", 0), 0);
	assert_int_equal(count(res, "DL3025", 5), 1);
	lint_result_free(res);
	cfg.only_hadolint = true;
	res = run(text, &cfg);
	for (i = 0; i < res->n_findings; i++)
		assert_true(dt_str_has_prefix(res->findings[i].rule, "DL"));
	assert_int_equal(count(res, "DL3006", 2), 1);   /* check=skip is BuildKit's */
	assert_int_equal(count(res, "DL3008", 0), 0);   /* hadolint's pragma holds */
	assert_int_equal(count(res, "DL3025", 5), 1);
	assert_true(lint_result_fails(res, &cfg));
	lint_result_free(res);
}

/* The other names of a rule come from the alias table. */
static void test_rule_aliases(void **state)
{
	(void)state;
	assert_string_equal(lint_rule_alias("DL3025", 0), "JSONArgsRecommended");
	assert_null(lint_rule_alias("DL3025", 1));
	assert_string_equal(lint_rule_alias("DL4004", 0), "MultipleInstructionsDisallowed");
	assert_null(lint_rule_alias("DL3008", 0));
	assert_null(lint_rule_alias("JSONArgsRecommended", 0));
}

/* Rules about several programs walk their commands in the script's order,
 * so findings that share a position keep that order. */
static void test_named_commands_in_order(void **state)
{
	static const char *const want[] = {
		"(apk upgrade)", "(apt-get upgrade)", "(apk upgrade)",
	};
	struct lint_config cfg;
	struct lint_result *res;
	size_t i, k = 0;

	(void)state;
	lint_config_init(&cfg);
	cfg.shellcheck = false;
	res = run("FROM alpine:3.19\n"
	          "RUN echo `apk upgrade; apt-get upgrade; apk upgrade`\n", &cfg);
	assert_int_equal(count(res, "DT1006", 2), 3);
	for (i = 0; i < res->n_findings; i++)
		if (strcmp(res->findings[i].rule, "DT1006") == 0)
			assert_non_null(strstr(res->findings[i].message, want[k++]));
	lint_result_free(res);
}

/* lint_run with the N-th allocation failing, N = 1, 2, ...: a clean
 * DT_ERR_NOMEM each time, until it succeeds with the full result. */
static void test_allocation_failures(void **state)
{
	static const char text[] =
		"# hadolint ignore=DL3006\n"
		"ARG BASE=debian\n"
		"FROM ${BASE} AS build\n"
		"RUN apt-get update && apt-get install -y curl | tee /log\n"
		"RUN <<EOF\ncd /x\nEOF\n"
		"ONBUILD RUN pip install flask\n"
		"COPY . .\n"
		"RUN npm install && yarn install && apt-get upgrade\n"
		"LABEL version=1.0\n"
		"FROM build\n"
		"COPY --from=build a b c\n"
		"USER root\n";
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;
	size_t expected;
	unsigned long n;
	bool done = false;

	(void)state;
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	assert_int_equal(lint_config_require_label(&cfg, &arena, "version:semver", &err), DT_OK);
	{
		struct lint_result *res = run(text, &cfg);

		expected = res->n_findings;
		lint_result_free(res);
	}
	for (n = 1; !done && n < 100000; n++) {
		struct lint_result *res = NULL;
		enum dt_status rc;

		dt_alloc_fail_at(n);
		rc = lint_run("Dockerfile", text, strlen(text), &cfg, &res, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			assert_int_equal(res->n_findings, expected);
			done = true;
		} else {
			assert_int_equal(rc, DT_ERR_NOMEM);
			assert_null(res);
		}
		lint_result_free(res);
	}
	assert_true(done);
	dt_arena_fini(&arena);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_sorted_by_line_col_rule),
		cmocka_unit_test(test_config_applies),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_pragmas),
		cmocka_unit_test(test_aliases_in_config_and_pragmas),
		cmocka_unit_test(test_global_and_stage_pragmas),
		cmocka_unit_test(test_shells),
		cmocka_unit_test(test_heredocs),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_only_hadolint),
		cmocka_unit_test(test_rule_aliases),
		cmocka_unit_test(test_named_commands_in_order),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
