/* Unit tests for src/lint/format.c: every format's shape for no findings
 * and for several files, escaping of hostile text (quotes, control
 * characters, invalid UTF-8, markup), colour, and the rule list. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/lint.h"

/* A result made by hand: findings with the given messages, no parse. */
static struct lint_result fake(struct lint_finding *f, size_t n)
{
	struct lint_result r;

	memset(&r, 0, sizeof r);
	r.findings = f;
	r.n_findings = n;
	return r;
}

/* Writes a report of the results in fmt; the caller frees the text. */
static char *report(enum lint_format fmt, bool color,
                    const struct lint_result *res, size_t n)
{
	struct lint_report rep;
	struct dt_buf out;
	size_t i;

	dt_buf_init(&out);
	lint_report_begin(&rep, fmt, color, &out);
	for (i = 0; i < n; i++)
		lint_report_add(&rep, &res[i], &out);
	lint_report_end(&rep, &out);
	assert_false(out.failed);
	return dt_buf_steal(&out);
}

static void test_empty_reports(void **state)
{
	char *s;

	(void)state;
	s = report(LINT_FORMAT_JSON, false, NULL, 0);
	assert_string_equal(s, "[]\n");
	dt_free(s);
	s = report(LINT_FORMAT_GITLAB_CODECLIMATE, false, NULL, 0);
	assert_string_equal(s, "[]\n");
	dt_free(s);
	s = report(LINT_FORMAT_TTY, true, NULL, 0);
	assert_string_equal(s, "");
	dt_free(s);
	s = report(LINT_FORMAT_CHECKSTYLE, false, NULL, 0);
	assert_string_equal(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                       "<checkstyle version=\"4.3\">\n</checkstyle>\n");
	dt_free(s);
	s = report(LINT_FORMAT_SARIF, false, NULL, 0);
	assert_non_null(strstr(s, "\"results\": [],"));
	assert_non_null(strstr(s, "\"id\": \"DL3008\""));
	dt_free(s);
}

static struct lint_finding hostile[] = {
	{"DL3008", LINT_SEV_WARNING, 2, 5,
	 "quote \" backslash \\ tab\t nl\n bell\a del\x7f bad\xff\xfe "
	 "sep\xe2\x80\xa8 <tag a='1'>&amp; \x1b[31mred"},
};

static void test_json_escaping(void **state)
{
	struct lint_result r = fake(hostile, 1);
	char *s;

	(void)state;
	s = report(LINT_FORMAT_JSON, false, &r, 1);
	assert_non_null(strstr(s,
		"\"message\": \"quote \\\" backslash \\\\ tab\\t nl\\n bell\\u0007 "
		"del\\u007f bad\\ufffd\\ufffd sep\\u2028 <tag a='1'>&amp; \\u001b[31mred\"}"));
	assert_non_null(strstr(s, "\"file\": \"-\""));
	dt_free(s);
}

static void test_xml_escaping(void **state)
{
	struct lint_result r = fake(hostile, 1);
	char *s;

	(void)state;
	s = report(LINT_FORMAT_CHECKSTYLE, false, &r, 1);
	assert_non_null(strstr(s,
		"message=\"quote &quot; backslash \\ tab&#9; nl&#10; bell\xef\xbf\xbd "
		"del\xef\xbf\xbd bad\xef\xbf\xbd\xef\xbf\xbd sep\xe2\x80\xa8 "
		"&lt;tag a=&apos;1&apos;&gt;&amp;amp; \xef\xbf\xbd[31mred\""));
	dt_free(s);
	s = report(LINT_FORMAT_JUNIT, false, &r, 1);
	assert_null(strchr(s, '\x1b'));
	assert_null(strstr(s, "<tag"));
	dt_free(s);
}

static void test_text_is_sanitised(void **state)
{
	struct lint_result r = fake(hostile, 1);
	char *s;

	(void)state;
	s = report(LINT_FORMAT_GNU, false, &r, 1);
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\a'));
	assert_true(dt_str_has_prefix(s, "-:2:5: warning: quote \""));
	assert_true(dt_str_has_suffix(s, " [DL3008]\n"));
	assert_int_equal(strchr(s, '\n') - s, (long)strlen(s) - 1);   /* one line */
	dt_free(s);
	s = report(LINT_FORMAT_TTY, true, &r, 1);
	assert_true(dt_str_has_prefix(s, "-:2 DL3008 \x1b[33mwarning\x1b[0m: quote"));
	assert_null(strstr(s, "\x1b[31m"));
	dt_free(s);
}

static struct lint_finding two[] = {
	{"DL3006", LINT_SEV_WARNING, 1, 1, "a"},
	{"DL3059", LINT_SEV_INFO, 3, 1, "b"},
};

static void test_several_files(void **state)
{
	struct lint_result r[3];
	char *s;

	(void)state;
	r[0] = fake(two, 2);
	r[1] = fake(NULL, 0);
	r[2] = fake(two + 1, 1);
	s = report(LINT_FORMAT_JSON, false, r, 3);
	assert_string_equal(s,
		"[\n"
		"  {\"code\": \"DL3006\", \"column\": 1, \"file\": \"-\", \"level\": \"warning\", \"line\": 1, \"message\": \"a\"},\n"
		"  {\"code\": \"DL3059\", \"column\": 1, \"file\": \"-\", \"level\": \"info\", \"line\": 3, \"message\": \"b\"},\n"
		"  {\"code\": \"DL3059\", \"column\": 1, \"file\": \"-\", \"level\": \"info\", \"line\": 3, \"message\": \"b\"}\n"
		"]\n");
	dt_free(s);
	s = report(LINT_FORMAT_JUNIT, false, r, 3);
	assert_non_null(strstr(s, "tests=\"2\" failures=\"2\""));
	assert_non_null(strstr(s, "tests=\"1\" failures=\"0\""));
	assert_non_null(strstr(s, "<testcase name=\"lint\" classname=\"-\"/>"));
	dt_free(s);
	s = report(LINT_FORMAT_CODECLIMATE, false, r, 3);
	assert_non_null(strstr(s, "\"severity\": \"major\"}"));
	dt_free(s);
	s = report(LINT_FORMAT_SARIF, false, r, 3);
	assert_non_null(strstr(s, "\"level\": \"note\""));
	dt_free(s);
}

static void test_fingerprints_differ(void **state)
{
	struct lint_result r = fake(two, 2);
	char *s, *a, *b;

	(void)state;
	s = report(LINT_FORMAT_GITLAB_CODECLIMATE, false, &r, 1);
	a = strstr(s, "\"fingerprint\": \"");
	assert_non_null(a);
	b = strstr(a + 1, "\"fingerprint\": \"");
	assert_non_null(b);
	assert_int_not_equal(memcmp(a, b, 48), 0);
	assert_int_equal(strspn(a + 16, "0123456789abcdef"), 32);
	dt_free(s);
}

static void test_rule_list_and_explain(void **state)
{
	struct dt_buf b;

	(void)state;
	dt_buf_init(&b);
	assert_true(lint_rules_write(false, &b));
	assert_non_null(strstr(b.data, "DL3008"));
	assert_non_null(strstr(b.data, "  warning  Pin versions in apt-get install."));
	dt_buf_reset(&b);
	assert_true(lint_rules_write(true, &b));
	assert_true(dt_str_has_prefix(b.data, "# Linter rules\n"));
	assert_non_null(strstr(b.data, "\n### DL3008\n\n**warning** (hadolint)."));
	dt_buf_reset(&b);
	assert_false(lint_rule_explain("DL0000", &b));
	assert_true(lint_rule_explain("JSONArgsRecommended", &b));
	assert_true(dt_str_has_prefix(b.data, "DL3025 (warning, hadolint): "));
	dt_buf_fini(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_reports),
		cmocka_unit_test(test_json_escaping),
		cmocka_unit_test(test_xml_escaping),
		cmocka_unit_test(test_text_is_sanitised),
		cmocka_unit_test(test_several_files),
		cmocka_unit_test(test_fingerprints_differ),
		cmocka_unit_test(test_rule_list_and_explain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
