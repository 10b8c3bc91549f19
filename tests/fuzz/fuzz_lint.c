/* libFuzzer target: the Dockerfile parser, the shell reader and every rule
 * (ShellCheck off), with a configuration that switches on the rules that
 * are off by default and the label schema, then one output format chosen
 * by the input's length (all of them over a corpus; one per run keeps the
 * fuzzer fast).  Any input must come back as a result or a clean error. */
#include <stdint.h>
#include <string.h>

#include "dockertutor/lint.h"

static void configure(struct lint_config *cfg, struct dt_arena *arena)
{
	static const char *const labels[] = {
		"version:semver", "url:url", "created:rfc3339", "license:spdx",
		"rev:hash", "mail:email", "text:text",
	};
	const struct lint_rule_info *rules;
	struct dt_error err;
	size_t i, n;

	lint_config_init(cfg);
	cfg->shellcheck = false;
	cfg->strict_labels = true;
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		(void)lint_config_require_label(cfg, arena, labels[i], &err);
	(void)lint_config_trust(cfg, arena, "docker.io", &err);
	/* Every rule of the table that is off by default, so that a rule
	 * added later is fuzzed too. */
	rules = lint_rules(&n);
	for (i = 0; i < n; i++)
		if (rules[i].severity == LINT_SEV_IGNORE)
			(void)lint_config_override(cfg, arena, rules[i].id,
			                           LINT_SEV_INFO, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct lint_result *res = NULL;
	struct dt_error err;

	dt_arena_init(&arena);
	configure(&cfg, &arena);
	if (lint_run("fuzz", (const char *)data, size, &cfg, &res, &err) == DT_OK) {
		enum lint_format fmt = (enum lint_format)(size % LINT_FORMAT_COUNT);
		struct lint_report rep;
		struct dt_buf out;

		dt_buf_init(&out);
		lint_report_begin(&rep, fmt, size % 2 == 0, &out);
		lint_report_add(&rep, res, &out);
		lint_report_end(&rep, &out);
		dt_buf_fini(&out);
		(void)lint_result_fails(res, &cfg);
		lint_result_free(res);
	}
	dt_arena_fini(&arena);
	return 0;
}
