/* Unit tests for src/lint/config.c: .hadolint.yaml parsing with positions,
 * HADOLINT_* variables, the search path, and allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dockertutor/lint.h"

static enum dt_status parse(struct lint_config *cfg, struct dt_arena *arena,
                            const char *yaml, struct dt_error *err)
{
	lint_config_init(cfg);
	dt_arena_init(arena);
	return lint_config_parse(cfg, arena, "h.yaml", yaml, strlen(yaml), err);
}

static void test_full_file(void **state)
{
	static const char yaml[] =
		"failure-threshold: warning\n"
		"format: sarif\n"
		"ignored:\n  - DL3000\n  - SC1010\n"
		"override:\n  error: [DL3001, DL3002]\n  style:\n    - DL3015\n"
		"trustedRegistries:\n  - docker.io\n  - \"*.gcr.io\"\n"
		"label-schema:\n  author: text\n  version: semver\n"
		"strict-labels: true\ndisable-ignore-pragma: yes\nno-fail: false\n"
		"no-color: on\nverbose: true\n";
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;

	(void)state;
	assert_int_equal(parse(&cfg, &arena, yaml, &err), DT_OK);
	assert_int_equal(cfg.failure_threshold, LINT_SEV_WARNING);
	assert_true(cfg.has_format);
	assert_int_equal(cfg.format, LINT_FORMAT_SARIF);
	assert_int_equal(cfg.n_ignored, 2);
	assert_string_equal(cfg.ignored[1], "SC1010");
	assert_int_equal(cfg.n_overrides, 3);
	assert_string_equal(cfg.overrides[1].rule, "DL3002");
	assert_int_equal(cfg.overrides[1].severity, LINT_SEV_ERROR);
	assert_int_equal(cfg.overrides[2].severity, LINT_SEV_STYLE);
	assert_int_equal(cfg.n_trusted_registries, 2);
	assert_string_equal(cfg.trusted_registries[1], "*.gcr.io");
	assert_int_equal(cfg.n_label_schema, 2);
	assert_string_equal(cfg.label_schema[1].label, "version");
	assert_string_equal(cfg.label_schema[1].type, "semver");
	assert_true(cfg.strict_labels);
	assert_true(cfg.disable_ignore_pragma);
	assert_false(cfg.no_fail);
	assert_true(cfg.no_color);
	assert_true(cfg.verbose);
	dt_arena_fini(&arena);
}

static void test_scalar_registry_and_empty(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;

	(void)state;
	assert_int_equal(parse(&cfg, &arena, "trustedRegistries: my.reg:5000\n", &err), DT_OK);
	assert_int_equal(cfg.n_trusted_registries, 1);
	assert_string_equal(cfg.trusted_registries[0], "my.reg:5000");
	dt_arena_fini(&arena);
	assert_int_equal(parse(&cfg, &arena, "", &err), DT_OK);
	assert_int_equal(cfg.n_ignored, 0);
	assert_int_equal(cfg.failure_threshold, LINT_SEV_INFO);
	dt_arena_fini(&arena);
	assert_int_equal(parse(&cfg, &arena, "ignored:\n", &err), DT_OK);
	dt_arena_fini(&arena);
}

struct bad_case {
	const char *yaml;
	int line, col;
	const char *msg;
};

static void test_errors_have_positions(void **state)
{
	static const struct bad_case cases[] = {
		{"ignored: [DL3000]\nignore: [DL3001]\n", 2, 1,
		 "unknown key 'ignore'; did you mean 'ignored'?"},
		{"override:\n  fatal: [DL3000]\n", 2, 3, "unknown severity 'fatal'"},
		{"failure-threshold: loud\n", 1, 20, "expected error, warning"},
		{"label-schema:\n  version: number\n", 2, 12, "unknown label type 'number'"},
		{"strict-labels: maybe\n", 1, 16, "expected true or false"},
		{"ignored:\n  - [DL3000]\n", 2, 5, "expected a plain value"},
		{"ignored: [DL3000\n", 2, 1, ""},
		{"- a\n- b\n", 1, 1, "a configuration is a mapping"},
		{"format: xml\n", 1, 9, "expected tty, json"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lint_config cfg;
		struct dt_arena arena;
		struct dt_error err;

		assert_int_not_equal(parse(&cfg, &arena, cases[i].yaml, &err), DT_OK);
		assert_string_equal(err.path, "h.yaml");
		assert_int_equal(err.line, cases[i].line);
		assert_int_equal(err.col, cases[i].col);
		assert_non_null(strstr(err.msg, cases[i].msg));
		dt_arena_fini(&arena);
	}
}

static void test_limits(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;
	char *big = calloc(1, LINT_CONFIG_MAX_FILE + 2);
	size_t i;

	(void)state;
	assert_non_null(big);
	memset(big, '#', LINT_CONFIG_MAX_FILE + 1);
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	assert_int_equal(lint_config_parse(&cfg, &arena, "h.yaml", big,
	                                   LINT_CONFIG_MAX_FILE + 1, &err),
	                 DT_ERR_LIMIT);
	assert_int_equal(lint_config_parse(&cfg, &arena, "h.yaml", "a: \xff\n", 5, &err),
	                 DT_ERR_ENCODING);
	for (i = 0; i < LINT_CONFIG_MAX_ITEMS; i++)
		assert_int_equal(lint_config_ignore(&cfg, &arena, "DL3000", &err), DT_OK);
	assert_int_equal(lint_config_ignore(&cfg, &arena, "DL3000", &err), DT_ERR_LIMIT);
	assert_int_equal(cfg.n_ignored, LINT_CONFIG_MAX_ITEMS);
	dt_arena_fini(&arena);
	free(big);
}

static const char *const fake_env[][2] = {
	{"HADOLINT_NOFAIL", "1"},
	{"HADOLINT_NOCOLOR", "true"},
	{"HADOLINT_FORMAT", "json"},
	{"HADOLINT_FAILURE_THRESHOLD", "error"},
	{"HADOLINT_OVERRIDE_ERROR", "DL3010, DL3020"},
	{"HADOLINT_OVERRIDE_STYLE", "DL3015"},
	{"HADOLINT_IGNORE", "DL3003,,DL3004"},
	{"HADOLINT_TRUSTED_REGISTRIES", "docker.io,my.reg"},
	{"HADOLINT_REQUIRE_LABELS", "maintainer:text,version:semver"},
	{"HADOLINT_STRICT_LABELS", "yes"},
	{"HADOLINT_DISABLE_IGNORE_PRAGMA", "0"},
	{"DOCKERTUTOR_ONLY_HADOLINT", "1"},
};

static const char *fake_get(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof fake_env / sizeof fake_env[0]; i++)
		if (strcmp(fake_env[i][0], name) == 0)
			return fake_env[i][1];
	return NULL;
}

static void test_environment(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;

	(void)state;
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	assert_int_equal(lint_config_apply_env(&cfg, &arena, fake_get, &err), DT_OK);
	assert_true(cfg.no_fail);
	assert_true(cfg.no_color);
	assert_int_equal(cfg.format, LINT_FORMAT_JSON);
	assert_int_equal(cfg.failure_threshold, LINT_SEV_ERROR);
	assert_int_equal(cfg.n_overrides, 3);
	assert_string_equal(cfg.overrides[1].rule, "DL3020");
	assert_int_equal(cfg.overrides[2].severity, LINT_SEV_STYLE);
	assert_int_equal(cfg.n_ignored, 2);
	assert_string_equal(cfg.ignored[1], "DL3004");
	assert_int_equal(cfg.n_trusted_registries, 2);
	assert_int_equal(cfg.n_label_schema, 2);
	assert_string_equal(cfg.label_schema[0].label, "maintainer");
	assert_true(cfg.strict_labels);
	assert_false(cfg.disable_ignore_pragma);
	assert_true(cfg.only_hadolint);
	dt_arena_fini(&arena);
}

static const char *bad_get(const char *name)
{
	return strcmp(name, "HADOLINT_REQUIRE_LABELS") == 0 ? "version:number" : NULL;
}

static void test_environment_errors(void **state)
{
	struct lint_config cfg;
	struct dt_arena arena;
	struct dt_error err;

	(void)state;
	lint_config_init(&cfg);
	dt_arena_init(&arena);
	assert_int_equal(lint_config_apply_env(&cfg, &arena, bad_get, &err),
	                 DT_ERR_INVALID);
	assert_string_equal(err.path, "HADOLINT_REQUIRE_LABELS");
	assert_non_null(strstr(err.msg, "unknown label type 'number'"));
	dt_arena_fini(&arena);
}

static char find_home[512];
static char find_xdg[512];

static const char *find_get(const char *name)
{
	if (strcmp(name, "HOME") == 0)
		return find_home;
	if (strcmp(name, "XDG_CONFIG_HOME") == 0)
		return find_xdg[0] ? find_xdg : NULL;
	return NULL;
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
}

/* Creates dir/rel (an empty file) and returns its path in buf. */
static const char *make_file(const char *dir, const char *rel, char *buf,
                             size_t size)
{
	FILE *f;

	assert_true(dt_snprintf(buf, size, "%s/%s", dir, rel));
	f = fopen(buf, "w");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_search_path(void **state)
{
	char tmpl[] = "/tmp/dt-cfg.XXXXXX", path[1024], old[1024];
	char f1[1024], f2[1024], f3[1024], sub[1024];
	char *dir = mkdtemp(tmpl);

	(void)state;
	assert_non_null(dir);
	assert_non_null(getcwd(old, sizeof old));
	assert_int_equal(chdir(dir), 0);
	assert_true(dt_snprintf(find_home, sizeof find_home, "%s/home", dir));
	assert_int_equal(mkdir(find_home, 0700), 0);
	assert_false(lint_config_find(find_get, path, sizeof path));
	/* The last place hadolint looks. */
	make_file(find_home, ".hadolint.yaml", f1, sizeof f1);
	assert_true(lint_config_find(find_get, path, sizeof path));
	assert_string_equal(path, f1);
	/* ~/.hadolint/hadolint.yml comes before it. */
	assert_true(dt_snprintf(sub, sizeof sub, "%s/.hadolint", find_home));
	assert_int_equal(mkdir(sub, 0700), 0);
	make_file(sub, "hadolint.yml", f2, sizeof f2);
	assert_true(lint_config_find(find_get, path, sizeof path));
	assert_string_equal(path, f2);
	/* $XDG_CONFIG_HOME/hadolint.yaml before that. */
	assert_true(dt_snprintf(find_xdg, sizeof find_xdg, "%s", dir));
	make_file(dir, "hadolint.yaml", f3, sizeof f3);
	assert_true(lint_config_find(find_get, path, sizeof path));
	assert_string_equal(path, f3);
	/* ./.hadolint.yml first of all. */
	touch(".hadolint.yml");
	assert_true(lint_config_find(find_get, path, sizeof path));
	assert_string_equal(path, "./.hadolint.yml");
	find_xdg[0] = '\0';
	assert_int_equal(unlink(".hadolint.yml"), 0);
	assert_int_equal(unlink(f3), 0);
	assert_int_equal(unlink(f2), 0);
	assert_int_equal(unlink(f1), 0);
	assert_int_equal(rmdir(sub), 0);
	assert_int_equal(rmdir(find_home), 0);
	assert_int_equal(chdir(old), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* Every allocation of the loader may fail: the result is a clean error
 * and no leak (valgrind runs this too). */
static void test_allocation_failures(void **state)
{
	static const char yaml[] =
		"ignored: [DL3000, DL3001, DL3002, DL3003, DL3004, DL3006, DL3007, "
		"DL3008, DL3009, DL3010]\noverride:\n  error: [DL3001]\n"
		"label-schema:\n  a: text\n  b: url\ntrustedRegistries: [x, y]\n";
	unsigned long n;
	bool done = false;

	(void)state;
	for (n = 1; !done && n < 10000; n++) {
		struct lint_config cfg;
		struct dt_arena arena;
		struct dt_error err;
		enum dt_status rc;

		lint_config_init(&cfg);
		dt_arena_init(&arena);
		dt_alloc_fail_at(n);
		rc = lint_config_parse(&cfg, &arena, "h.yaml", yaml, strlen(yaml), &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			assert_int_equal(cfg.n_ignored, 10);
			done = true;
		} else {
			assert_int_equal(rc, DT_ERR_NOMEM);
		}
		dt_arena_fini(&arena);
	}
	assert_true(done);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_file),
		cmocka_unit_test(test_scalar_registry_and_empty),
		cmocka_unit_test(test_errors_have_positions),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_environment),
		cmocka_unit_test(test_environment_errors),
		cmocka_unit_test(test_search_path),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
