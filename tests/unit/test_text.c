/* Unit tests for src/text/: markdown-lite to styled, wrapped lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "dockertutor/text.h"

/* Renders src at width and returns the plain text (static buffer). */
static const char *plain(const char *src, int width, bool ascii)
{
	static char out[8192];
	struct text_options opts = {width, ascii};
	struct text_doc *doc;
	struct dt_buf buf;

	assert_int_equal(text_render(src, strlen(src), &opts, &doc, NULL), DT_OK);
	dt_buf_init(&buf);
	assert_true(text_doc_to_plain(doc, &buf));
	assert_true(dt_strlcpy(out, buf.data ? buf.data : "", sizeof out));
	dt_buf_fini(&buf);
	text_doc_free(doc);
	return out;
}

static void test_paragraph_wraps_at_width(void **state)
{
	(void)state;
	assert_string_equal(plain("one two three four five six seven eight nine",
	                          20, false),
	                    "one two three four\nfive six seven eight\nnine\n");
	/* Lines of the source join into one paragraph. */
	assert_string_equal(plain("alpha\nbeta\n\ngamma", 40, false),
	                    "alpha beta\n\ngamma\n");
}

static void test_inline_styles(void **state)
{
	struct text_options opts = {40, false};
	struct text_doc *doc;
	const char *src = "Use **bold** and `docker run` here";
	size_t k;
	bool bold = false, code = false;

	(void)state;
	assert_int_equal(text_render(src, strlen(src), &opts, &doc, NULL), DT_OK);
	assert_int_equal(doc->n_lines, 1);
	for (k = 0; k < doc->lines[0].n_spans; k++) {
		const struct text_span *sp = &doc->lines[0].spans[k];

		if (strcmp(sp->text, "bold") == 0)
			bold = sp->style & TEXT_BOLD;
		if (strcmp(sp->text, "docker run") == 0)
			code = sp->style & TEXT_CODE;
	}
	assert_true(bold);
	assert_true(code);
	assert_string_equal(plain(src, 40, false), "Use bold and docker run here\n");
	/* Single stars emphasise a phrase; a lone star is text. */
	assert_string_equal(plain("what it can *see*: 2 * 3 and *.pem", 60, false),
	                    "what it can see: 2 * 3 and *.pem\n");
	text_doc_free(doc);
}

static void test_lists_hang_and_count(void **state)
{
	(void)state;
	assert_string_equal(plain("- first item that wraps around\n- second", 20, true),
	                    "  - first item that\n    wraps around\n  - second\n");
	assert_string_equal(plain("1. one\n1. two\n   more\n1. three", 40, false),
	                    "  1. one\n  2. two more\n  3. three\n");
}

static void test_code_block_highlighted_and_kept(void **state)
{
	struct text_options opts = {60, false};
	struct text_doc *doc;
	const char *src = "```dockerfile\nFROM node:20 AS build\n# note\nRUN npm ci --omit=dev\n```\nafter";
	bool kw = false, comment = false, flag = false;
	size_t i, k;

	(void)state;
	assert_string_equal(plain(src, 60, false),
	                    "  FROM node:20 AS build\n  # note\n  RUN npm ci --omit=dev\nafter\n");
	assert_int_equal(text_render(src, strlen(src), &opts, &doc, NULL), DT_OK);
	for (i = 0; i < doc->n_lines; i++)
		for (k = 0; k < doc->lines[i].n_spans; k++) {
			const struct text_span *sp = &doc->lines[i].spans[k];

			if (strcmp(sp->text, "FROM") == 0)
				kw = sp->style & TEXT_KEYWORD;
			if (strcmp(sp->text, "# note") == 0)
				comment = sp->style & TEXT_COMMENT;
			if (strcmp(sp->text, "--omit=dev") == 0)
				flag = sp->style & TEXT_FLAG;
		}
	assert_true(kw);
	assert_true(comment);
	assert_true(flag);
	assert_int_equal(doc->lines[0].kind, TEXT_LINE_CODE);
	text_doc_free(doc);
}

static void test_long_code_line_breaks_not_cut(void **state)
{
	const char *out;

	(void)state;
	out = plain("```sh\necho aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n```", 20, true);
	assert_string_equal(out, "  echo aaaaaaaaaaaaa\n    aaaaaaaaaaaaaaaa\n    aaaaaa\n");
}

static void test_table_boxed_and_fallback(void **state)
{
	const char *src = "| Flag | Meaning |\n|---|---|\n| `-d` | detach |\n";

	(void)state;
	assert_string_equal(plain(src, 40, true),
	                    "+------+---------+\n"
	                    "| Flag | Meaning |\n"
	                    "+------+---------+\n"
	                    "| -d   | detach  |\n"
	                    "+------+---------+\n");
	assert_string_equal(plain(src, 40, false),
	                    "\xE2\x94\x8C\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xAC\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x90\n"
	                    "\xE2\x94\x82 Flag \xE2\x94\x82 Meaning \xE2\x94\x82\n"
	                    "\xE2\x94\x9C\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xBC\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xA4\n"
	                    "\xE2\x94\x82 -d   \xE2\x94\x82 detach  \xE2\x94\x82\n"
	                    "\xE2\x94\x94\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\xB4\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x98\n");
	/* Wider than the page: the widest columns narrow and their cells
	 * wrap, nothing is cut. */
	assert_string_equal(plain("| A long header | Another long header |\n|---|---|\n| x | y |", 20, true),
	                    "+--------+---------+\n"
	                    "| A long | Another |\n"
	                    "| header | long    |\n"
	                    "|        | header  |\n"
	                    "+--------+---------+\n"
	                    "| x      | y       |\n"
	                    "+--------+---------+\n");
}

static void test_callout_and_heading(void **state)
{
	(void)state;
	assert_string_equal(plain("### Title\n> careful with\n> this one", 40, true),
	                    "Title\n| careful with this one\n");
}

static void test_escape_sequences_never_pass(void **state)
{
	const char *out;

	(void)state;
	out = plain("evil \x1b[2J\x1b]0;pwned\x07text `co\x1b[1mde`", 40, true);
	assert_null(strchr(out, '\x1b'));
	assert_null(strchr(out, '\x07'));
	assert_string_equal(out, "evil text code\n");
}

static void test_wide_characters_measured(void **state)
{
	(void)state;
	/* Each of these characters takes two columns: 4 fit in 9 columns with
	 * a space, so the third word wraps. */
	assert_string_equal(plain("\xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5\xE6\x9C\xAC "
	                          "\xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5\xE6\x9C\xAC", 20, false),
	                    "\xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5\xE6\x9C\xAC \xE6\x97\xA5\xE6\x9C\xAC\n"
	                    "\xE6\x97\xA5\xE6\x9C\xAC\n");
}

/* Every line of src at width, rendered, is at most width columns wide and
 * says its width truly. */
static void assert_fits(const char *src, int width)
{
	struct text_options opts = {width, false};
	struct text_doc *doc;
	size_t i, k;

	assert_int_equal(text_render(src, strlen(src), &opts, &doc, NULL), DT_OK);
	for (i = 0; i < doc->n_lines; i++) {
		size_t w = 0;

		for (k = 0; k < doc->lines[i].n_spans; k++)
			w += dt_utf8_width(doc->lines[i].spans[k].text,
			                   doc->lines[i].spans[k].len);
		assert_int_equal(w, doc->lines[i].width);
		assert_true(w <= (size_t)width);
	}
	text_doc_free(doc);
}

static void test_unmatched_backtick_is_text(void **state)
{
	(void)state;
	/* A backtick that closes nothing used to stop every word, forever. */
	assert_string_equal(plain("Type ` to quote", 40, false),
	                    "Type ` to quote\n");
	assert_string_equal(plain("`", 20, false), "`\n");
}

static void test_tabs_expand_to_stops(void **state)
{
	const char *out;

	(void)state;
	/* A tab drawn as itself would move the cursor by a width the layout
	 * never counted: it becomes spaces up to the next multiple of 4. */
	out = plain("```\na\tb\n\tc\n```", 40, false);
	assert_string_equal(out, "  a   b\n      c\n");
	out = plain("Inline `a\tb` code and a\ttab", 40, false);
	assert_null(strchr(out, '\t'));
	assert_fits("```dockerfile\nRUN <<-EOF\n\t\techo indented with tabs\n\tEOF\n```",
	            20);
}

static void test_lines_never_overflow(void **state)
{
	(void)state;
	/* Inline code glued to a period fills the line to the last column:
	 * the period moves to the next line instead of past the edge. */
	assert_string_equal(plain("- Set the base with `ARG NODE_VERSION`.", 20,
	                          true),
	                    "  - Set the base\n    with\n    ARG NODE_VERSION\n"
	                    "    .\n");
	/* A wide character never lands in the last free column. */
	assert_fits("`abcdefghijklmnopqrs`\xE6\x97\xA5\xE6\x9C\xAC", 20);
	/* Deeply indented items keep room for their text on a narrow page. */
	assert_string_equal(plain("                    - deeply nested item", 20,
	                          true),
	                    "          - deeply\n            nested\n"
	                    "            item\n");
	assert_fits("                 1. numbered item with words", 20);
}

static void test_allocation_failures_are_clean(void **state)
{
	struct text_options opts = {30, false};
	struct dt_buf src;
	unsigned long n;
	int i;

	(void)state;
	/* A code line of some hundred rows is re-flowed past the doc's first
	 * 64 lines, which used to spin forever once an allocation failed. */
	dt_buf_init(&src);
	dt_buf_puts(&src, "# H\n\npara **b** `c`\n\n- l1\n- l2\n\n```sh\nls -l\necho");
	for (i = 0; i < 500; i++)
		dt_buf_puts(&src, " word");
	dt_buf_puts(&src, "\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n> note\n\n\tx");
	assert_false(src.failed);
	for (n = 1; n < 10000; n++) {
		struct text_doc *doc = NULL;
		struct dt_error err;
		enum dt_status rc;

		dt_alloc_fail_at(n);
		rc = text_render(src.data, src.len, &opts, &doc, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			text_doc_free(doc);
			break;
		}
		assert_int_equal(rc, DT_ERR_NOMEM);
		assert_null(doc);
	}
	assert_true(n < 10000);
	dt_buf_fini(&src);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraph_wraps_at_width),
		cmocka_unit_test(test_inline_styles),
		cmocka_unit_test(test_lists_hang_and_count),
		cmocka_unit_test(test_code_block_highlighted_and_kept),
		cmocka_unit_test(test_long_code_line_breaks_not_cut),
		cmocka_unit_test(test_table_boxed_and_fallback),
		cmocka_unit_test(test_callout_and_heading),
		cmocka_unit_test(test_escape_sequences_never_pass),
		cmocka_unit_test(test_wide_characters_measured),
		cmocka_unit_test(test_unmatched_backtick_is_text),
		cmocka_unit_test(test_tabs_expand_to_stops),
		cmocka_unit_test(test_lines_never_overflow),
		cmocka_unit_test(test_allocation_failures_are_clean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
