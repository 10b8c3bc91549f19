/* Unit tests for src/util/: errors, allocation failures, arenas, buffers,
 * file reads, UTF-8 and the sanitiser. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dockertutor/util.h"

static void test_error_set_fills_position(void **state)
{
	struct dt_error err;

	(void)state;
	assert_int_equal(dt_error_set(&err, DT_ERR_SYNTAX, "a.yaml", 3, 7,
	                              "unknown key '%s'", "titel"),
	                 DT_ERR_SYNTAX);
	assert_string_equal(err.path, "a.yaml");
	assert_int_equal(err.line, 3);
	assert_int_equal(err.col, 7);
	assert_string_equal(err.msg, "unknown key 'titel'");
	assert_string_equal(dt_status_str(DT_ERR_LIMIT), "limit exceeded");
	assert_string_equal(dt_status_str((enum dt_status)999), "unknown status");
}

static void test_alloc_fault_injection(void **state)
{
	void *a, *b;

	(void)state;
	dt_alloc_fail_at(2);
	a = dt_malloc(10);
	b = dt_malloc(10);
	assert_non_null(a);
	assert_null(b);
	assert_null(dt_strdup("x"));
	dt_alloc_fail_at(0);
	b = dt_malloc(10);
	assert_non_null(b);
	dt_free(a);
	dt_free(b);
}

static void test_arena_many_and_large(void **state)
{
	struct dt_arena arena;
	char *big;
	int i;

	(void)state;
	dt_arena_init(&arena);
	for (i = 0; i < 10000; i++) {
		char *s = dt_arena_printf(&arena, "item-%d", i);

		assert_non_null(s);
		assert_int_equal(((uintptr_t)s) % 16, 0);
	}
	big = dt_arena_alloc(&arena, 1 << 20);
	assert_non_null(big);
	assert_int_equal(big[12345], 0);
	assert_string_equal(dt_arena_strndup(&arena, "abcdef", 3), "abc");
	dt_arena_fini(&arena);
	dt_arena_fini(NULL);
}

static void test_buf_grows_and_fails_cleanly(void **state)
{
	struct dt_buf buf;
	char *s;
	int i;

	(void)state;
	dt_buf_init(&buf);
	for (i = 0; i < 1000; i++)
		assert_true(dt_buf_printf(&buf, "%d,", i));
	assert_int_equal(strncmp(buf.data, "0,1,2,", 6), 0);
	s = dt_buf_steal(&buf);
	assert_null(buf.data);
	dt_free(s);

	dt_buf_init(&buf);
	dt_alloc_fail_at(1);
	assert_false(dt_buf_puts(&buf, "hello"));
	dt_alloc_fail_at(0);
	assert_false(dt_buf_puts(&buf, "again"));  /* stays failed */
	assert_null(dt_buf_steal(&buf));
}

static void test_read_file_limits(void **state)
{
	char path[] = "/tmp/dt-test-XXXXXX";
	struct dt_error err;
	char *data;
	size_t len;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	assert_int_equal(dt_read_file(path, 100, &data, &len, &err), DT_OK);
	assert_int_equal(len, 10);
	assert_string_equal(data, "0123456789");
	dt_free(data);
	assert_int_equal(dt_read_file(path, 9, &data, &len, &err), DT_ERR_LIMIT);
	assert_null(data);
	assert_string_equal(err.path, path);
	unlink(path);
	assert_int_equal(dt_read_file(path, 9, &data, &len, &err), DT_ERR_NOTFOUND);
	assert_int_equal(dt_read_file("/tmp", 9, &data, &len, &err), DT_ERR_IO);
}

/* The temporary name of an atomic write is predictable: a symbolic link
 * planted there (a shared classroom folder) must not be followed. */
static void test_write_file_never_follows_a_planted_link(void **state)
{
	char dir[] = "/tmp/dt-test-XXXXXX", path[128], tmp[160], victim[128];
	struct dt_error err;
	char *data;
	size_t len;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/progress.json", dir);
	snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
	snprintf(victim, sizeof victim, "%s/victim", dir);
	assert_int_equal(dt_write_file(victim, "precious", 8, 0600, &err), DT_OK);
	assert_int_equal(symlink(victim, tmp), 0);
	assert_int_equal(dt_write_file(path, "new", 3, 0600, &err), DT_OK);
	assert_int_equal(dt_read_file(victim, 100, &data, &len, &err), DT_OK);
	assert_string_equal(data, "precious");
	dt_free(data);
	assert_int_equal(dt_read_file(path, 100, &data, &len, &err), DT_OK);
	assert_string_equal(data, "new");
	dt_free(data);
	assert_int_equal(access(tmp, F_OK), -1);
	unlink(path);
	unlink(victim);
	assert_int_equal(rmdir(dir), 0);
}

static void test_mkdir_p_empty_path(void **state)
{
	struct dt_error err;

	(void)state;
	assert_int_equal(dt_mkdir_p("", 0700, &err), DT_ERR_INVALID);
}

static void test_utf8(void **state)
{
	uint32_t cp;
	size_t bad;

	(void)state;
	assert_int_equal(dt_utf8_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(dt_utf8_decode("\xC0\xAF", 2, &cp), 0);      /* overlong */
	assert_int_equal(dt_utf8_decode("\xED\xA0\x80", 3, &cp), 0);  /* surrogate */
	assert_int_equal(dt_utf8_decode("\xE2\x82", 2, &cp), 0);      /* truncated */
	assert_true(dt_utf8_valid("caf\xC3\xA9", 5, NULL));
	assert_false(dt_utf8_valid("ab\xFF", 3, &bad));
	assert_int_equal(bad, 2);
	assert_int_equal(dt_utf8_width("\xE6\x97\xA5\xE6\x9C\xAC", 6), 4); /* 日本 */
	assert_int_equal(dt_utf8_width("e\xCC\x81", 3), 1);  /* e + combining acute */
	assert_int_equal(dt_utf8_cp_width(0x1B), -1);
}

static void test_sanitize_removes_escapes(void **state)
{
	const char *in = "a\x1b[31mred\x1b[0m\x1b]0;title\a b\x07\n\xC2\x9B" "c\xFF";
	char *out;

	(void)state;
	out = dt_sanitize(in, strlen(in), true);
	assert_non_null(out);
	assert_string_equal(out, "ared b\xEF\xBF\xBD\n\xEF\xBF\xBD" "c\xEF\xBF\xBD");
	dt_free(out);
	out = dt_sanitize("x\ny\tz", 5, false);
	assert_string_equal(out, "x y z");
	dt_free(out);
}

static void test_has_control(void **state)
{
	size_t off;

	(void)state;
	assert_false(dt_has_control("plain\ttext\n", 11, &off));
	assert_true(dt_has_control("ab\x1b[1m", 6, &off));
	assert_int_equal(off, 2);
	assert_true(dt_has_control("\xC2\x85", 2, &off));   /* NEL, a C1 control */
}

static void test_strings(void **state)
{
	char small[4];

	(void)state;
	assert_false(dt_strlcpy(small, "abcdef", sizeof small));
	assert_string_equal(small, "abc");
	assert_true(dt_snprintf(small, sizeof small, "%d", 123));
	assert_false(dt_snprintf(small, sizeof small, "%d", 1234));
	assert_int_equal(dt_edit_distance("titel", "title", 3), 2);
	assert_int_equal(dt_edit_distance("lessons", "lesson", 3), 1);
	assert_int_equal(dt_edit_distance("abc", "xyzxyz", 2), 3);
	assert_int_equal(dt_strcasecmp("FROM", "from"), 0);
	assert_true(dt_str_has_suffix("a.Dockerfile", ".Dockerfile"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_set_fills_position),
		cmocka_unit_test(test_alloc_fault_injection),
		cmocka_unit_test(test_arena_many_and_large),
		cmocka_unit_test(test_buf_grows_and_fails_cleanly),
		cmocka_unit_test(test_read_file_limits),
		cmocka_unit_test(test_write_file_never_follows_a_planted_link),
		cmocka_unit_test(test_mkdir_p_empty_path),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_sanitize_removes_escapes),
		cmocka_unit_test(test_has_control),
		cmocka_unit_test(test_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
