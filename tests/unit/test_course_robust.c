/* Unit tests for src/course/ on hostile or broken input: every allocation
 * failing in turn, alias bombs, the caps of course.h, odd encodings, and
 * positions inside block and quoted scalars. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/course.h"

#define SAMPLE "tests/content/sample"

/* Checks data as a file of the given kind; returns the diags (caller
 * frees) and the status in *rc. */
static struct course_diags check(enum course_file_kind kind, const char *data,
                                 size_t len, enum dt_status *rc)
{
	struct course_diags d;
	struct dt_error err;

	course_diags_init(&d);
	*rc = course_check_buffer(kind, "f.yaml", data, len, &d, &err);
	course_diags_sort(&d);
	return d;
}

/* Asserts that the first problem is at line:col with this message. */
static void expect_first(const struct course_diags *d, int line, int col,
                         const char *msg)
{
	assert_true(d->n > 0);
	assert_string_equal(d->items[0].msg, msg);
	assert_int_equal(d->items[0].line, line);
	assert_int_equal(d->items[0].col, col);
}

/* Asserts that some problem is at line:col with this message. */
static void expect_diag(const struct course_diags *d, int line, int col,
                       const char *msg)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->items[i].msg, msg) == 0 && d->items[i].line == line &&
		    d->items[i].col == col)
			return;
	fail_msg("no problem '%s' at %d:%d", msg, line, col);
}

static void test_course_load_nomem(void **state)
{
	unsigned long n;
	size_t n_ok = 0;

	(void)state;
	for (n = 1; n < 100000; n++) {
		struct course_diags d;
		struct course *c = (struct course *)1;
		struct dt_error err;
		enum dt_status rc;

		course_diags_init(&d);
		dt_alloc_fail_at(n);
		rc = course_load(SAMPLE, &c, &d, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			assert_int_equal(d.n, 0);
			assert_int_equal(c->n_questions, 8);
			course_free(c);
			course_diags_fini(&d);
			n_ok++;
			break;
		}
		assert_int_equal(rc, DT_ERR_NOMEM);
		assert_null(c);
		assert_int_equal(err.code, DT_ERR_NOMEM);
		course_diags_fini(&d);
	}
	assert_int_equal(n_ok, 1);
	assert_true(n > 20);              /* the loop really failed allocations */
}

/* The same for a course full of problems: the diagnostics allocate too. */
static void test_course_load_nomem_with_problems(void **state)
{
	static const char bank[] =
		"- id: q\n  lesson: nope\n  section: s\n  type: single\n"
		"  stem: \"```\"\n  choices: [{text: a}, {text: a}]\n  colour: red\n";
	unsigned long n;
	size_t seen_invalid = 0;

	(void)state;
	for (n = 1; n < 100000; n++) {
		struct course_question *qs;
		struct course_diags d;
		struct dt_arena arena;
		struct dt_error err;
		enum dt_status rc;
		size_t count;

		dt_arena_init(&arena);
		course_diags_init(&d);
		dt_alloc_fail_at(n);
		rc = course_parse_questions("b.yaml", bank, strlen(bank), &arena, &qs,
		                            &count, &d, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_ERR_INVALID) {
			assert_int_equal(d.n_errors, 3);
			seen_invalid++;
		} else {
			assert_int_equal(rc, DT_ERR_NOMEM);
			assert_null(qs);
		}
		course_diags_fini(&d);
		dt_arena_fini(&arena);
		if (rc == DT_ERR_INVALID)
			break;
	}
	assert_int_equal(seen_invalid, 1);
	assert_true(n > 5);
}

/* Nine levels of nine aliases: 387 million nodes if expanded.  It must
 * fail at the first alias over the budget, with a handful of allocations
 * (bounded memory), not after expanding anything. */
static void test_alias_bomb(void **state)
{
	struct dt_buf buf;
	struct course_diags d;
	enum dt_status rc;
	char level;

	(void)state;
	dt_buf_init(&buf);
	dt_buf_puts(&buf, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (level = 'b'; level <= 'z'; level++)
		dt_buf_printf(&buf, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, "
		              "*%c]\n", level, level, level - 1, level - 1, level - 1,
		              level - 1, level - 1, level - 1, level - 1, level - 1,
		              level - 1);
	assert_false(buf.failed);
	dt_alloc_fail_at(0);              /* resets the allocation count */
	d = check(COURSE_FILE_LESSON, buf.data, buf.len, &rc);
	assert_true(dt_alloc_count() < 40);
	assert_int_equal(rc, DT_ERR_INVALID);
	assert_int_equal(d.n, 1);
	expect_first(&d, 5, 8, "aliases expand to more than 10000 nodes, the "
	             "limit per file; this looks like an alias bomb");
	course_diags_fini(&d);
	dt_buf_fini(&buf);
}

/* Aliases within the budget are fine, and a recursive alias is refused. */
static void test_alias_budget_and_recursion(void **state)
{
	static const char ok[] =
		"- &q {id: q, lesson: l, section: s, type: truefalse, stem: S?, "
		"answer: true, explanation: E., tags: &t [a, b, c]}\n"
		"- {id: r, lesson: l, section: s, type: truefalse, stem: R?, "
		"answer: true, explanation: E., tags: *t}\n";
	static const char recursive[] = "- &x [1, *x]\n";
	struct course_diags d;
	enum dt_status rc;

	(void)state;
	d = check(COURSE_FILE_QUESTIONS, ok, strlen(ok), &rc);
	assert_int_equal(rc, DT_OK);
	assert_int_equal(d.n, 0);
	course_diags_fini(&d);
	d = check(COURSE_FILE_QUESTIONS, recursive, strlen(recursive), &rc);
	assert_int_equal(rc, DT_ERR_INVALID);
	expect_first(&d, 1, 10, "unknown alias '*x'; no complete node with the "
	             "anchor '&x' comes before it");
	course_diags_fini(&d);
}

/* A redefined anchor refers to its newest node; thousands of anchors keep
 * every alias resolvable. */
static void test_anchor_table(void **state)
{
	struct course_question *qs;
	struct course_diags d;
	struct dt_arena arena;
	struct dt_error err;
	struct dt_buf buf;
	size_t n, i;

	(void)state;
	dt_buf_init(&buf);
	dt_buf_puts(&buf, "- id: q1\n  lesson: &l old\n  section: s\n"
	            "  type: truefalse\n  stem: One?\n  answer: true\n"
	            "  explanation: E.\n  tags: [");
	for (i = 0; i < 3000; i++)
		dt_buf_printf(&buf, "&t%zu t%zu, ", i, i);
	dt_buf_puts(&buf, "last]\n- id: q2\n  lesson: &l new\n  section: s\n"
	            "  type: truefalse\n  stem: Two?\n  answer: true\n"
	            "  explanation: E.\n  tags: [*t0, *t1499, *t2999]\n"
	            "- id: q3\n  lesson: *l\n  section: s\n  type: truefalse\n"
	            "  stem: Three?\n  answer: true\n  explanation: E.\n");
	assert_false(buf.failed);
	dt_arena_init(&arena);
	course_diags_init(&d);
	assert_int_equal(course_parse_questions("a.yaml", buf.data, buf.len, &arena,
	                                        &qs, &n, &d, &err), DT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(qs[0].n_tags, 3001);
	assert_string_equal(qs[1].tags[0], "t0");
	assert_string_equal(qs[1].tags[1], "t1499");
	assert_string_equal(qs[1].tags[2], "t2999");
	assert_string_equal(qs[2].lesson_id, "new");
	course_diags_fini(&d);
	dt_arena_fini(&arena);
	dt_buf_fini(&buf);
}

static void test_caps(void **state)
{
	struct course_diags d;
	enum dt_status rc;
	struct dt_buf buf;
	size_t i;

	(void)state;
	/* Nodes per file. */
	dt_buf_init(&buf);
	dt_buf_puts(&buf, "[");
	for (i = 0; i < COURSE_MAX_NODES + 10; i++)
		dt_buf_puts(&buf, "1,");
	dt_buf_puts(&buf, "1]\n");
	assert_false(buf.failed);
	d = check(COURSE_FILE_QUESTIONS, buf.data, buf.len, &rc);
	assert_int_equal(rc, DT_ERR_INVALID);
	expect_first(&d, 1, 2 * COURSE_MAX_NODES, "the file has more than 100000 "
	             "YAML nodes, the limit per file; split it into several files");
	course_diags_fini(&d);

	/* Bytes per file. */
	dt_buf_reset(&buf);
	while (buf.len <= COURSE_MAX_FILE)
		dt_buf_puts(&buf, "# a comment line to fill the file up\n");
	d = check(COURSE_FILE_QUESTIONS, buf.data, buf.len, &rc);
	assert_int_equal(rc, DT_ERR_INVALID);
	expect_first(&d, 1, 1, "the file is larger than 1048576 bytes (1 MiB), "
	             "the limit per content file; split it");
	course_diags_fini(&d);

	/* Nesting. */
	dt_buf_reset(&buf);
	for (i = 0; i < 100; i++)
		dt_buf_putc(&buf, '[');
	d = check(COURSE_FILE_QUESTIONS, buf.data, buf.len, &rc);
	expect_first(&d, 1, COURSE_MAX_DEPTH + 1, "YAML nesting is deeper than "
	             "64 levels, the limit");
	course_diags_fini(&d);
	dt_buf_fini(&buf);
}

static void test_encodings(void **state)
{
	static const char bom_crlf[] =
		"\xEF\xBB\xBF- id: Bad\r\n  lesson: l\r\n  section: \"s x\"\r\n";
	static const char nul[] = "- id: q\n  stem: a\0b\n";
	static const char wide[] = "- id: q\n  stem: \xE6\x97\xA5\xE6\x9C\xAC \xFF\n";
	static const char c1[] = "- id: q\n  stem: \"\xC2\x9B\"\n";
	struct course_diags d;
	enum dt_status rc;

	(void)state;
	/* Columns start after a BOM; CRLF is one line end. */
	d = check(COURSE_FILE_QUESTIONS, bom_crlf, strlen(bom_crlf), &rc);
	expect_diag(&d, 1, 7, "'Bad' is not a valid id for 'id'; use lower-case "
	           "letters, digits and '-', starting with a letter or digit");
	expect_diag(&d, 3, 12, "'s x' is not a valid id for 'section'; use "
	           "lower-case letters, digits and '-', starting with a letter "
	           "or digit");
	course_diags_fini(&d);

	d = check(COURSE_FILE_QUESTIONS, nul, sizeof nul - 1, &rc);
	assert_int_equal(rc, DT_ERR_INVALID);
	expect_first(&d, 2, 10, "the control character U+0000 is not allowed in "
	             "content files");
	course_diags_fini(&d);

	/* Columns count characters: two CJK characters and a space. */
	d = check(COURSE_FILE_QUESTIONS, wide, strlen(wide), &rc);
	expect_first(&d, 2, 12, "invalid UTF-8 (byte 0xFF); content files must "
	             "be saved as UTF-8");
	course_diags_fini(&d);

	d = check(COURSE_FILE_QUESTIONS, c1, strlen(c1), &rc);
	expect_first(&d, 2, 10, "the control character U+009B is not allowed in "
	             "content files");
	course_diags_fini(&d);

	d = check(COURSE_FILE_QUESTIONS, "", 0, &rc);
	expect_first(&d, 1, 1, "the file is empty; a question bank is a list of "
	             "questions");
	course_diags_fini(&d);
}

/* A problem inside a scalar points at its line and column in the file,
 * whatever the scalar's style. */
static void test_positions_in_scalars(void **state)
{
	static const struct {
		const char *yaml;
		int line, col;
	} cases[] = {
		/* literal, with an explicit indentation and a tab in the text */
		{ "id: x\nnumber: 1\ntitle: T\nsummary: |2\n   \tindented\n\n"
		  "  \xC3\xA9t\xC3\xA9 ```sh\n  ```sh\n  ls\n", 8, 3 },
		/* folded, more-indented lines kept */
		{ "summary: >\n  one\n  two\n\n    ```\n    code\n", 5, 5 },
		/* plain, spanning lines: a blank line is its only line break */
		{ "summary: first line\n  second\n\n  ```yaml\n  code\n", 4, 3 },
		/* single-quoted with a doubled quote before the fence */
		{ "summary: 'it''s\n\n  ```json\n  {}'\n", 3, 3 },
		/* double-quoted with escapes before the fence */
		{ "summary: \"\\u00e9\\x41\\\n  \\n```text\\n\"\n", 2, 5 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct course_diags d;
		enum dt_status rc;
		size_t k;
		bool found = false;

		d = check(COURSE_FILE_LESSON, cases[i].yaml, strlen(cases[i].yaml),
		          &rc);
		for (k = 0; k < d.n; k++) {
			if (strcmp(d.items[k].msg, "this code block is never closed; "
			           "end it with a line holding only ```") != 0)
				continue;
			found = true;
			if (d.items[k].line != cases[i].line ||
			    d.items[k].col != cases[i].col)
				fail_msg("case %zu: at %d:%d, wanted %d:%d", i,
				         d.items[k].line, d.items[k].col, cases[i].line,
				         cases[i].col);
		}
		if (!found)
			fail_msg("case %zu: no unclosed fence reported", i);
		course_diags_fini(&d);
	}
}

/* Escaped control characters in double quotes are found after parsing,
 * at the escape's place. */
static void test_escaped_controls(void **state)
{
	static const char yaml[] =
		"- id: q\n  lesson: l\n  section: s\n  type: truefalse\n"
		"  answer: true\n  explanation: ok\n"
		"  stem: \"caf\\u00e9 \\\n    \\x1b]0;pwned\\a\"\n";
	struct course_diags d;
	enum dt_status rc;

	(void)state;
	d = check(COURSE_FILE_QUESTIONS, yaml, strlen(yaml), &rc);
	assert_int_equal(rc, DT_ERR_INVALID);
	assert_int_equal(d.n, 1);
	expect_first(&d, 8, 5, "the escape character U+001B is not allowed in "
	             "text; terminal escape sequences could take over the "
	             "learner's terminal");
	course_diags_fini(&d);
}

static void test_pattern_caps(void **state)
{
	static const char *const ok[] = {
		"docker (container )?ls( -a)?", "[0-9]{1,5}", "(ab|cd){3}x{2,4}",
		"[[:alpha:]]{10}", "a\\{1000\\}", "-+d(etach)?", "[0-9]+(\\.[0-9]+)+",
	};
	static const char *const too_big[] = {
		"a{10001}", "(a{100}){101}", "((ab){50}c){100}", "([a-z]{99}){200}",
		"a{10000,}", "(ab)++++++++++++++", "x(y+)+++++++++++++++++++++++++++",
	};
	char yaml[2048];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof *ok + sizeof too_big / sizeof *too_big;
	     i++) {
		bool good = i < sizeof ok / sizeof *ok;
		const char *p = good ? ok[i] : too_big[i - sizeof ok / sizeof *ok];
		struct course_diags d;
		enum dt_status rc;

		assert_true(dt_snprintf(yaml, sizeof yaml, "- id: q\n  lesson: l\n"
		                        "  section: s\n  type: fill\n  stem: S?\n"
		                        "  explanation: E.\n  pattern: '%s'\n", p));
		d = check(COURSE_FILE_QUESTIONS, yaml, strlen(yaml), &rc);
		if (good && rc != DT_OK)
			fail_msg("'%s' refused: %s", p, d.items[0].msg);
		if (!good)
			expect_first(&d, 7, 12, "the pattern is larger than 10000 "
			             "characters once its repeats ({n,m} and +) are "
			             "expanded, the limit; simplify it");
		course_diags_fini(&d);
	}
}

/* Every kind of file survives every allocation failure. */
static void test_check_buffer_nomem(void **state)
{
	static const char *const files[] = {
		SAMPLE "/course.yaml", SAMPLE "/lessons/01-basics.yaml",
		SAMPLE "/questions/basics.yaml",
		SAMPLE "/exercises/first-dockerfile/exercise.yaml",
		SAMPLE "/exams/final.yaml",
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof files / sizeof *files; k++) {
		struct dt_error err;
		unsigned long n;
		char *data;
		size_t len;

		assert_int_equal(dt_read_file(files[k], COURSE_MAX_FILE, &data, &len,
		                              &err), DT_OK);
		for (n = 1; n < 100000; n++) {
			struct course_diags d;
			enum dt_status rc;

			course_diags_init(&d);
			dt_alloc_fail_at(n);
			rc = course_check_buffer((enum course_file_kind)k, files[k], data,
			                         len, &d, &err);
			dt_alloc_fail_at(0);
			course_diags_fini(&d);
			if (rc == DT_OK)
				break;
			assert_int_equal(rc, DT_ERR_NOMEM);
		}
		assert_true(n > 3);
		dt_free(data);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_course_load_nomem),
		cmocka_unit_test(test_course_load_nomem_with_problems),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_alias_budget_and_recursion),
		cmocka_unit_test(test_anchor_table),
		cmocka_unit_test(test_caps),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_positions_in_scalars),
		cmocka_unit_test(test_escaped_controls),
		cmocka_unit_test(test_pattern_caps),
		cmocka_unit_test(test_check_buffer_nomem),
	};

	return cmocka_run_group_tests_name("course_robust", tests, NULL, NULL);
}
