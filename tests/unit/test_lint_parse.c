/* Unit tests for the Dockerfile parser (src/lint/parse.c, instr.c,
 * parse_json.c, expand.c, dump.c): the golden cases under tests/lint/parse/
 * compared with lint_dump, positions, stages, pairs, heredocs, parse
 * errors, limits, large and hostile inputs, and allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/lint.h"

#define CASES_DIR "tests/lint/parse"

static struct lint_file *parse(const char *text)
{
	struct lint_file *f = NULL;
	struct dt_error err;

	assert_int_equal(lint_parse("Dockerfile", text, strlen(text), &f, &err),
	                 DT_OK);
	assert_non_null(f);
	return f;
}

static char *read_opt(const char *dir, const char *name, size_t *len)
{
	char path[1024];
	struct dt_error err;
	char *data = NULL;

	assert_true(dt_snprintf(path, sizeof path, "%s/%s", dir, name));
	if (dt_read_file(path, 64u << 20, &data, len, &err) != DT_OK)
		return NULL;
	return data;
}

/* The parse errors as "line:col: msg" lines, as expected.errors has them. */
static char *errors_text(const struct lint_file *f)
{
	struct dt_buf b;
	size_t i;

	dt_buf_init(&b);
	for (i = 0; i < f->n_errors; i++)
		dt_buf_printf(&b, "%d:%d: %s\n", f->errors[i].line,
		              f->errors[i].col, f->errors[i].msg);
	return dt_buf_steal(&b);
}

/* One case folder: the dump must equal expected.dump, and the errors
 * expected.errors (none when that file is absent).  Returns false with a
 * message on a difference. */
static bool run_case(const char *dir)
{
	struct lint_file *f = NULL;
	struct dt_error err;
	struct dt_buf dump;
	size_t len, elen, xlen;
	char *src = read_opt(dir, "Dockerfile", &len);
	char *want = read_opt(dir, "expected.dump", &elen);
	char *want_err = read_opt(dir, "expected.errors", &xlen);
	char *got_err;
	bool ok;

	if (!src || !want) {
		print_error("%s: Dockerfile or expected.dump missing\n", dir);
		return false;
	}
	assert_int_equal(lint_parse("Dockerfile", src, len, &f, &err), DT_OK);
	dt_buf_init(&dump);
	assert_true(lint_dump(f, &dump));
	got_err = errors_text(f);
	ok = strcmp(dump.data ? dump.data : "", want) == 0;
	if (!ok)
		print_error("%s: dump differs\n--- expected\n%s--- got\n%s\n", dir,
		            want, dump.data ? dump.data : "");
	if (strcmp(got_err, want_err ? want_err : "") != 0) {
		print_error("%s: errors differ\n--- expected\n%s--- got\n%s\n", dir,
		            want_err ? want_err : "", got_err);
		ok = false;
	}
	dt_free(got_err);
	dt_buf_fini(&dump);
	lint_file_free(f);
	dt_free(src);
	dt_free(want);
	dt_free(want_err);
	return ok;
}

static void test_golden_cases(void **state)
{
	DIR *d = opendir(CASES_DIR);
	struct dirent *e;
	int n = 0, failed = 0;

	(void)state;
	if (!d)
		fail_msg("cannot open %s (run from the repository root)", CASES_DIR);
	while ((e = readdir(d)) != NULL) {
		char dir[512];

		if (e->d_name[0] == '.')
			continue;
		assert_true(dt_snprintf(dir, sizeof dir, "%s/%s", CASES_DIR,
		                        e->d_name));
		n++;
		if (!run_case(dir))
			failed++;
	}
	closedir(d);
	assert_int_equal(failed, 0);
	assert_true(n >= 40);
}

static void test_instr_names(void **state)
{
	int k;

	(void)state;
	/* Every name finds its kind, in capitals and in lower case. */
	for (k = 1; k < LINT_INSTR_COUNT; k++) {
		const char *name = lint_instr_name((enum lint_instr_kind)k);
		char low[16];
		size_t i, n = strlen(name);

		assert_true(n < sizeof low);
		for (i = 0; i <= n; i++)
			low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
		assert_int_equal(lint_instr_lookup(name, n), k);
		assert_int_equal(lint_instr_lookup(low, n), k);
	}
	assert_int_equal(lint_instr_lookup("healthcheck", 11), LINT_HEALTHCHECK);
	assert_int_equal(lint_instr_lookup("Run", 3), LINT_RUN);
	assert_int_equal(lint_instr_lookup("RUNX", 3), LINT_RUN);
	assert_int_equal(lint_instr_lookup("RUNX", 4), LINT_UNKNOWN);
	assert_int_equal(lint_instr_lookup("", 0), LINT_UNKNOWN);
	assert_string_equal(lint_instr_name(LINT_STOPSIGNAL), "STOPSIGNAL");
	assert_string_equal(lint_instr_name(LINT_UNKNOWN), "UNKNOWN");
	assert_string_equal(lint_instr_name((enum lint_instr_kind)999), "UNKNOWN");
}

static void test_positions(void **state)
{
	struct lint_file *f = parse(
		"FROM alpine\n"
		"  RUN --mount=type=cache,target=/x \\\n"
		"    # comment inside\n"
		"\n"
		"      --network=none apk add \\\n"
		"  curl\n"
		"ENV A=1 \\\n"
		"    B=\"x y\"\n");
	const struct lint_instr *run = &f->instrs[1], *env = &f->instrs[2];
	int line, col;

	(void)state;
	assert_int_equal(f->n_instrs, 3);
	assert_int_equal(run->line, 2);
	assert_int_equal(run->col, 3);
	assert_int_equal(run->end_line, 6);
	assert_int_equal(run->empty_cont_line, 4);
	assert_int_equal(run->n_flags, 2);
	assert_int_equal(run->flags[0].line, 2);
	assert_int_equal(run->flags[0].col, 7);
	assert_int_equal(run->flags[1].line, 5);
	assert_int_equal(run->flags[1].col, 7);
	assert_string_equal(run->text, "apk add   curl");
	lint_instr_text_pos(run, 0, &line, &col);          /* "apk" */
	assert_int_equal(line, 5);
	assert_int_equal(col, 22);
	lint_instr_text_pos(run, 10, &line, &col);         /* "curl" */
	assert_int_equal(line, 6);
	assert_int_equal(col, 3);
	assert_int_equal(env->pairs[1].line, 8);
	assert_int_equal(env->pairs[1].col, 5);
	assert_int_equal(f->n_comments, 1);
	assert_int_equal(f->comments[0].line, 3);
	assert_int_equal(f->comments[0].col, 5);
	assert_string_equal(f->comments[0].text, "comment inside");
	assert_int_equal(f->n_lines, 8);
	lint_file_free(f);
}

static void test_stages_and_meta_args(void **state)
{
	struct lint_file *f = parse(
		"ARG BASE=node\n"
		"ARG V=20\n"
		"ARG UNSET\n"
		"FROM ${BASE}:${V}-alpine AS build\n"
		"ARG V=99\n"
		"RUN npm ci\n"
		"FROM --platform=linux/arm64 ${UNSET:-busybox}${UNSET}:$V\n"
		"COPY --from=build /a /a\n");

	(void)state;
	assert_int_equal(f->n_stages, 2);
	assert_int_equal(f->instrs[0].stage, -1);
	assert_int_equal(f->instrs[3].stage, 0);
	assert_int_equal(f->instrs[5].stage, 0);
	assert_int_equal(f->instrs[7].stage, 1);
	/* A FROM belongs to the stage it starts, the second one too. */
	assert_int_equal(f->instrs[6].stage, 1);
	assert_int_equal(f->instrs[f->stages[0].from].stage, 0);
	assert_int_equal(f->instrs[f->stages[1].from].stage, 1);
	assert_string_equal(f->stages[0].image, "${BASE}:${V}-alpine");
	assert_string_equal(f->stages[0].image_resolved, "node:20-alpine");
	assert_string_equal(f->stages[0].name, "build");
	assert_null(f->stages[0].platform);
	assert_int_equal(f->stages[0].from, 3);
	assert_int_equal(f->stages[0].end, 6);
	assert_string_equal(f->stages[1].image_resolved, "busybox:20");
	assert_string_equal(f->stages[1].platform, "linux/arm64");
	assert_null(f->stages[1].name);
	assert_int_equal(f->stages[1].from, 6);
	assert_int_equal(f->stages[1].end, 8);
	assert_int_equal(f->n_meta_args, 3);
	assert_string_equal(f->meta_args[1].key, "V");
	assert_false(f->meta_args[2].has_value);
	lint_file_free(f);
}

static void test_expand(void **state)
{
	struct dt_arena a;
	struct lint_pair vars[] = {
		{ "A", "x", true, '=', 1, 1 },
		{ "EMPTY", "", true, '=', 1, 1 },
		{ "UNSET", "", false, '\0', 1, 1 },
		{ "A", "y", true, '=', 2, 1 },
	};

	(void)state;
	dt_arena_init(&a);
	assert_string_equal(lint_expand(&a, "$A/${A}", vars, 4), "y/y");
	assert_string_equal(lint_expand(&a, "${EMPTY:-d}|${EMPTY-d}", vars, 4), "d|");
	assert_string_equal(lint_expand(&a, "${UNSET-d}|${NOPE:-${A}}", vars, 4), "d|y");
	assert_string_equal(lint_expand(&a, "${A:+alt}|${EMPTY:+alt}|${EMPTY+alt}", vars, 4),
	                    "alt||alt");
	assert_string_equal(lint_expand(&a, "\\$A $ ${A:?err} ${A", vars, 4),
	                    "$A $ y ${A");
	assert_string_equal(lint_expand(&a, "$NOPE-${NOPE}.", vars, 4), "-.");
	assert_string_equal(lint_expand(&a, "plain", NULL, 0), "plain");
	dt_arena_fini(&a);
}

static void test_pairs(void **state)
{
	struct lint_file *f = parse(
		"FROM a\n"
		"ENV A=1 B=\"two words\" C=es\\ caped D='s q' E=\"in\\\"ner\"\n"
		"ENV LEGACY the \"quoted\" rest\n"
		"LABEL \"k k\"=v\n"
		"ARG X Y=1 Z=\n");
	const struct lint_instr *env = &f->instrs[1], *leg = &f->instrs[2];
	const struct lint_instr *lab = &f->instrs[3], *arg = &f->instrs[4];

	(void)state;
	assert_int_equal(env->n_pairs, 5);
	assert_string_equal(env->pairs[1].key, "B");
	assert_string_equal(env->pairs[1].value, "two words");
	assert_string_equal(env->pairs[2].value, "es caped");
	assert_string_equal(env->pairs[3].value, "s q");
	assert_string_equal(env->pairs[4].value, "in\"ner");
	assert_int_equal(env->pairs[4].sep, '=');
	assert_int_equal(env->pairs[4].col, 43);
	assert_int_equal(leg->n_pairs, 1);
	assert_string_equal(leg->pairs[0].key, "LEGACY");
	assert_string_equal(leg->pairs[0].value, "the quoted rest");
	assert_int_equal(leg->pairs[0].sep, ' ');
	assert_string_equal(lab->pairs[0].key, "k k");
	assert_int_equal(arg->n_pairs, 3);
	assert_false(arg->pairs[0].has_value);
	assert_int_equal(arg->pairs[0].sep, '\0');
	assert_string_equal(arg->pairs[0].value, "");
	assert_true(arg->pairs[2].has_value);
	assert_string_equal(arg->pairs[2].value, "");
	lint_file_free(f);
}

static void test_args_and_forms(void **state)
{
	struct lint_file *f = parse(
		"FROM a AS b\n"
		"RUN echo \"a b\" 'c d' e\\ f\n"
		"CMD [\"x\", \"y z\"]\n"
		"COPY [\"s\", \"/d\"]\n"
		"COPY s d\n"
		"HEALTHCHECK CMD [\"/check\", \"-q\"]\n"
		"HEALTHCHECK CMD curl -f x\n"
		"HEALTHCHECK NONE\n"
		"ONBUILD RUN make\n");
	const struct lint_instr *in = f->instrs;

	(void)state;
	assert_int_equal(in[0].n_args, 3);
	assert_string_equal(in[0].args[2], "b");
	assert_int_equal(in[1].form, LINT_FORM_SHELL);
	assert_int_equal(in[1].n_args, 4);
	assert_string_equal(in[1].args[1], "a b");
	assert_string_equal(in[1].args[2], "c d");
	assert_string_equal(in[1].args[3], "e f");
	assert_int_equal(in[2].form, LINT_FORM_EXEC);
	assert_string_equal(in[2].args[1], "y z");
	assert_int_equal(in[3].form, LINT_FORM_EXEC);
	assert_int_equal(in[4].form, LINT_FORM_NONE);
	assert_int_equal(in[5].form, LINT_FORM_EXEC);
	assert_int_equal(in[5].n_args, 3);
	assert_string_equal(in[5].args[0], "CMD");
	assert_string_equal(in[5].args[1], "/check");
	assert_int_equal(in[6].form, LINT_FORM_SHELL);
	assert_string_equal(in[6].args[1], "curl");
	assert_int_equal(in[7].form, LINT_FORM_NONE);
	assert_non_null(in[8].inner);
	assert_int_equal(in[8].inner->kind, LINT_RUN);
	assert_string_equal(in[8].inner->text, "make");
	assert_int_equal(in[8].inner->line, 9);
	assert_int_equal(in[8].inner->col, 9);
	assert_int_equal(in[8].inner->stage, 0);
	lint_file_free(f);
}

static void test_heredocs(void **state)
{
	struct lint_file *f = parse(
		"FROM a\n"
		"RUN <<-\"EOF\" cat && 3<<X sh\n"
		"\t\tindented $HOME\n"
		"\tEOF\n"
		"body\n"
		"X\n"
		"ONBUILD COPY <<A /a\n"
		"x\n"
		"A\n"
		"RUN after\n");
	const struct lint_instr *run = &f->instrs[1], *ob = &f->instrs[2];

	(void)state;
	assert_int_equal(f->n_instrs, 4);
	assert_int_equal(run->n_heredocs, 2);
	assert_string_equal(run->heredocs[0].name, "EOF");
	assert_true(run->heredocs[0].strip_tabs);
	assert_true(run->heredocs[0].quoted);
	assert_string_equal(run->heredocs[0].body, "indented $HOME\n");
	assert_int_equal(run->heredocs[0].line, 3);
	assert_int_equal(run->heredocs[0].end_line, 4);
	assert_string_equal(run->heredocs[1].name, "X");
	assert_false(run->heredocs[1].quoted);
	assert_int_equal(run->heredocs[1].fd, 3);
	assert_string_equal(run->heredocs[1].body, "body\n");
	assert_int_equal(run->end_line, 6);
	assert_int_equal(ob->n_heredocs, 1);
	assert_ptr_equal(ob->inner->heredocs, ob->heredocs);
	assert_int_equal(ob->inner->n_heredocs, 1);
	assert_int_equal(ob->end_line, 9);
	assert_int_equal(f->instrs[3].line, 10);
	assert_int_equal(f->n_errors, 0);
	lint_file_free(f);
}

static void test_errors_keep_going(void **state)
{
	struct lint_file *f = parse(
		"# escape=`\n"
		"# escape=`\n"
		"FROM a\n"
		"BOGUS x\n"
		"CMD [\"a\", 1]\n"
		"ENV K\n"
		"RUN <<EOF\n"
		"never closed\n");

	(void)state;
	assert_int_equal(f->n_instrs, 5);
	assert_int_equal(f->instrs[1].kind, LINT_UNKNOWN);
	assert_string_equal(f->instrs[1].keyword, "BOGUS");
	assert_int_equal(f->n_errors, 5);
	assert_int_equal(f->errors[0].line, 2);
	assert_string_equal(f->errors[0].msg,
	                    "only one escape parser directive can be used");
	assert_int_equal(f->errors[1].line, 4);
	assert_string_equal(f->errors[1].msg, "unknown instruction: BOGUS");
	assert_int_equal(f->errors[2].line, 5);
	assert_int_equal(f->errors[3].line, 6);
	assert_string_equal(f->errors[3].msg, "ENV must have two arguments");
	assert_int_equal(f->errors[4].line, 7);
	assert_string_equal(f->errors[4].msg, "unterminated heredoc");
	assert_int_equal(f->instrs[4].end_line, 8);
	lint_file_free(f);
}

static void test_directives_and_file_flags(void **state)
{
	struct lint_file *f = parse(
		"\xEF\xBB\xBF# syntax=docker/dockerfile:1\r\n"
		"# CHECK = skip=all\r\n"
		"# escape=`\r\n"
		"FROM a\r\n");

	(void)state;
	assert_true(f->bom);
	assert_true(f->crlf);
	assert_string_equal(f->syntax, "docker/dockerfile:1");
	assert_string_equal(f->check, "skip=all");
	assert_int_equal(f->escape, '`');
	assert_int_equal(f->n_comments, 0);
	assert_int_equal(f->instrs[0].col, 1);
	lint_file_free(f);
	f = parse("# hadolint ignore=DL3006\nFROM a\n");
	assert_null(f->syntax);
	assert_int_equal(f->escape, '\\');
	assert_false(f->crlf);
	assert_int_equal(f->n_comments, 1);
	assert_string_equal(f->comments[0].text, "hadolint ignore=DL3006");
	lint_file_free(f);
}

/* ---- limits and large inputs ---- */

static char *repeat(const char *unit, size_t times, const char *head,
                    const char *tail, size_t *len)
{
	size_t u = strlen(unit), h = strlen(head), t = strlen(tail), i;
	char *s = malloc(h + u * times + t + 1), *p = s;

	assert_non_null(s);
	memcpy(p, head, h);
	p += h;
	for (i = 0; i < times; i++, p += u)
		memcpy(p, unit, u);
	memcpy(p, tail, t + 1);
	*len = h + u * times + t;
	return s;
}

static void test_limits(void **state)
{
	struct lint_file *f = NULL;
	struct dt_error err;
	size_t len;
	char *s;

	(void)state;
	s = repeat("x", LINT_MAX_LINE + 1, "FROM a\nRUN ", "\n", &len);
	assert_int_equal(lint_parse("big", s, len, &f, &err), DT_ERR_LIMIT);
	assert_null(f);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.path, "big");
	free(s);

	s = repeat("xxxxxxxxxxxxxxx\n", LINT_MAX_HEREDOC / 16 + 1,
	           "FROM a\nRUN <<EOF\n", "EOF\n", &len);
	assert_int_equal(lint_parse("doc", s, len, &f, &err), DT_ERR_LIMIT);
	assert_true(err.line > 3);
	free(s);

	s = repeat("RUN x\n", LINT_MAX_INSTRS + 1, "", "", &len);
	assert_int_equal(lint_parse("many", s, len, &f, &err), DT_ERR_LIMIT);
	assert_int_equal(err.line, (int)LINT_MAX_INSTRS + 1);
	free(s);

	s = repeat("#\n", LINT_MAX_FILE / 2 + 1, "", "", &len);
	assert_int_equal(lint_parse("huge", s, len, &f, &err), DT_ERR_LIMIT);
	assert_int_equal(err.line, (int)(LINT_MAX_FILE / 2 + 1));
	free(s);
}

static void test_one_megabyte_line(void **state)
{
	size_t len;
	char *s = repeat("abcdefgh", 1000000 / 8, "FROM a\nRUN echo ", "", &len);
	struct lint_file *f = parse(s);

	(void)state;
	assert_int_equal(f->n_instrs, 2);
	assert_int_equal(strlen(f->instrs[1].text), 5 + 1000000);
	assert_int_equal(f->n_errors, 0);
	lint_file_free(f);
	free(s);
}

/* Strings between the pool's first chunk and its own-block size once
 * overflowed the chunk they were given: each text must come back whole. */
static void test_mid_sized_strings_keep_their_text(void **state)
{
	/* Large first: the pool's chunks are still small. */
	static const size_t sizes[] = { 7000, 3000, 8100, 600, 5000, 1500, 4000,
	                                9000, 2500, 300, 700 };
	size_t n = sizeof sizes / sizeof *sizes, i, k;
	struct dt_buf src;
	struct lint_file *f;

	(void)state;
	dt_buf_init(&src);
	dt_buf_puts(&src, "FROM alpine\n");
	for (i = 0; i < n; i++) {
		dt_buf_printf(&src, "%s ", i % 2 ? "LABEL" : "RUN echo");
		for (k = 0; k < sizes[i]; k++)
			dt_buf_putc(&src, i % 2 && k == 0 ? 'k' : i % 2 && k == 1
			            ? '=' : (char)('a' + i));
		dt_buf_putc(&src, '\n');
	}
	assert_false(src.failed);
	f = parse(src.data);
	assert_int_equal(f->n_instrs, n + 1);
	for (i = 0; i < n; i++) {
		const struct lint_instr *in = &f->instrs[i + 1];
		size_t want = sizes[i] + (i % 2 ? 0 : 5);

		assert_int_equal(strlen(in->text), want);
		for (k = want - sizes[i] + 2; k < want; k++)
			assert_int_equal(in->text[k], 'a' + (int)i);
		if (i % 2) {
			assert_int_equal(in->n_pairs, 1);
			assert_int_equal(strlen(in->pairs[0].value), sizes[i] - 2);
		}
	}
	lint_file_free(f);
	dt_buf_fini(&src);
}

/* ONBUILD ONBUILD ... across a whole line: one error, and memory and time
 * that stay linear (each level once copied the rest of the line). */
static void test_onbuild_chain_is_bounded(void **state)
{
	size_t len;
	char *s = repeat("ONBUILD ", 120000, "FROM a\n", "RUN x\n", &len);
	struct lint_file *f = parse(s);
	const struct lint_instr *in;
	int depth = 0;

	(void)state;
	assert_int_equal(f->n_instrs, 2);
	assert_int_equal(f->n_errors, 1);
	assert_string_equal(f->errors[0].msg,
	                    "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
	assert_int_equal(f->errors[0].line, 2);
	assert_int_equal(f->errors[0].col, 9);
	for (in = &f->instrs[1]; in->inner; in = in->inner)
		depth++;
	assert_true(depth > 0 && depth < 10);
	lint_file_free(f);
	free(s);

	/* Short chains still nest as BuildKit nests them. */
	f = parse("FROM a\nONBUILD ONBUILD ONBUILD RUN x\n");
	in = &f->instrs[1];
	assert_int_equal(in->inner->kind, LINT_ONBUILD);
	assert_int_equal(in->inner->inner->kind, LINT_ONBUILD);
	assert_int_equal(in->inner->inner->inner->kind, LINT_RUN);
	assert_int_equal(f->n_errors, 1);
	lint_file_free(f);
}

/* A long keyword of non-ASCII letters dumps in linear time. */
static void test_dump_long_unicode_keyword(void **state)
{
	size_t len;
	char *s = repeat("\xC3\xA9", 400000, "", "\n", &len);
	struct lint_file *f = parse(s);
	struct dt_buf b;

	(void)state;
	dt_buf_init(&b);
	assert_true(lint_dump(f, &b));
	assert_int_equal(b.len, 1 + 2 * 400000 + 3 + 2);   /* (KEYWORD "")\n */
	assert_memory_equal(b.data, "(\xC3\xA9", 3);
	dt_buf_fini(&b);
	lint_file_free(f);
	free(s);
}

static void test_million_continuations(void **state)
{
	size_t len;
	char *s = repeat("\\\n", 1000000, "FROM a\nRUN echo a ", "b\n", &len);
	struct lint_file *f = parse(s);

	(void)state;
	assert_int_equal(f->n_instrs, 2);
	assert_string_equal(f->instrs[1].text, "echo a b");
	assert_int_equal(f->instrs[1].end_line, 1000002);
	lint_file_free(f);
	free(s);
	/* Comment lines inside one continuation. */
	s = repeat("# c\n", 1000000, "FROM a\nRUN echo \\\n", "done\n", &len);
	f = parse(s);
	assert_string_equal(f->instrs[1].text, "echo done");
	assert_int_equal(f->n_comments, 1000000);
	lint_file_free(f);
	free(s);
}

static void test_thousands_of_heredocs(void **state)
{
	struct dt_buf b;
	struct lint_file *f;
	int i;

	(void)state;
	dt_buf_init(&b);
	dt_buf_puts(&b, "FROM a\nRUN cat");
	for (i = 0; i < 5000; i++)
		dt_buf_printf(&b, " <<E%d", i);
	dt_buf_putc(&b, '\n');
	for (i = 0; i < 5000; i++)
		dt_buf_printf(&b, "line %d\nE%d\n", i, i);
	for (i = 0; i < 5000; i++)
		dt_buf_printf(&b, "COPY <<X%d /x\n%d\nX%d\n", i, i, i);
	assert_false(b.failed);
	f = parse(b.data);
	assert_int_equal(f->n_instrs, 5002);
	assert_int_equal(f->instrs[1].n_heredocs, 5000);
	assert_string_equal(f->instrs[1].heredocs[4999].body, "line 4999\n");
	assert_string_equal(f->instrs[5001].heredocs[0].body, "4999\n");
	assert_int_equal(f->n_errors, 0);
	lint_file_free(f);
	dt_buf_fini(&b);
}

/* A realistic multi-stage Dockerfile, repeated to about 10 MB. */
static const char realistic[] =
	"# syntax=docker/dockerfile:1\n"
	"ARG NODE=20\n"
	"FROM node:${NODE}-bookworm AS build\n"
	"WORKDIR /app\n"
	"ENV NODE_ENV=production \\\n"
	"    PATH=\"/app/node_modules/.bin:$PATH\"\n"
	"COPY --chown=node:node package.json package-lock.json ./\n"
	"RUN --mount=type=cache,target=/root/.npm \\\n"
	"    npm ci --omit=dev && \\\n"
	"    npm cache clean --force\n"
	"COPY . .\n"
	"RUN <<EOF\n"
	"set -eux\n"
	"npm run build\n"
	"EOF\n"
	"FROM debian:12-slim\n"
	"RUN apt-get update \\\n"
	" && apt-get install -y --no-install-recommends ca-certificates curl \\\n"
	" && rm -rf /var/lib/apt/lists/*\n"
	"COPY --from=build /app/dist /srv\n"
	"LABEL org.opencontainers.image.title=\"app\" version=\"1.0\"\n"
	"EXPOSE 8080\n"
	"USER 1000:1000\n"
	"HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/ || exit 1\n"
	"ENTRYPOINT [\"/srv/app\", \"--port\", \"8080\"]\n";

static void test_ten_megabytes(void **state)
{
	size_t n = (10u << 20) / (sizeof realistic - 1), len, lines = 0, i;
	char *s = repeat(realistic, n, "", "", &len);
	struct lint_file *f = NULL;
	struct dt_error err;

	(void)state;
	for (i = 0; realistic[i]; i++)
		lines += realistic[i] == '\n';
	assert_int_equal(lint_parse("big", s, len, &f, &err), DT_OK);
	assert_int_equal(f->n_instrs, n * 16);
	assert_int_equal(f->n_stages, n * 2);
	/* The first file's # syntax is a directive; the repeats are comments. */
	assert_int_equal(f->n_comments, n - 1);
	assert_int_equal(f->n_errors, 0);
	assert_int_equal(f->n_lines, (int)(n * lines));
	assert_string_equal(f->stages[2 * n - 2].image_resolved, "node:20-bookworm");
	lint_file_free(f);
	free(s);
}

static void test_binary_junk(void **state)
{
	static const char alphabet[] = "\\\n <\"'[]{}=-#`$EOF\t\rRUN";
	size_t len = 1u << 20, i;
	unsigned char *s = malloc(len);
	uint32_t x = 2463534242u;
	struct lint_file *f = NULL;
	struct dt_error err;
	struct dt_buf b;
	int round;

	(void)state;
	assert_non_null(s);
	for (round = 0; round < 4; round++) {
		for (i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			/* Rounds 1-3 mix in Dockerfile syntax to reach more paths. */
			s[i] = round == 0 ? (unsigned char)x
			       : (unsigned char)alphabet[x % (sizeof alphabet - 1)];
		}
		assert_int_equal(lint_parse("junk", (char *)s, len, &f, &err), DT_OK);
		dt_buf_init(&b);
		assert_true(lint_dump(f, &b));
		dt_buf_fini(&b);
		lint_file_free(f);
	}
	free(s);
}

/* ---- allocation failures ---- */

static const char rich[] =
	"# syntax=docker/dockerfile:1\n"
	"ARG V=1\n"
	"FROM --platform=$P alpine:${V} AS base\n"
	"ENV A=1 B=\"x y\"\n"
	"LABEL k v\n"
	"RUN --mount=type=cache,target=/c <<EOF cat \\\n"
	"  # c\n"
	"  && echo ok\n"
	"line\n"
	"EOF\n"
	"CMD [\"a\", \"\\u00e9\"]\n"
	"ONBUILD RUN x\n"
	"HEALTHCHECK CMD true\n"
	"BOGUS\n"
	"COPY --bad a b\n";

static void test_alloc_failures(void **state)
{
	unsigned long n;
	bool done = false;

	(void)state;
	for (n = 1; !done && n < 10000; n++) {
		struct lint_file *f = (struct lint_file *)1;
		struct dt_error err;
		enum dt_status rc;

		dt_alloc_fail_at(n);
		rc = lint_parse("rich", rich, strlen(rich), &f, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			done = true;
			lint_file_free(f);
			continue;
		}
		assert_int_equal(rc, DT_ERR_NOMEM);
		assert_int_equal(err.code, DT_ERR_NOMEM);
		assert_null(f);
	}
	assert_true(done);
	assert_true(n > 5);
}

static void test_dump_alloc_failures(void **state)
{
	struct lint_file *f = parse(rich);
	unsigned long n;
	bool done = false;

	(void)state;
	for (n = 1; !done && n < 1000; n++) {
		struct dt_buf b;
		bool ok;

		dt_buf_init(&b);
		dt_alloc_fail_at(n);
		ok = lint_dump(f, &b);
		dt_alloc_fail_at(0);
		done = ok;
		if (!ok)
			assert_true(b.failed);
		dt_buf_fini(&b);
	}
	assert_true(done);
	lint_file_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_cases),
		cmocka_unit_test(test_instr_names),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_stages_and_meta_args),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_pairs),
		cmocka_unit_test(test_args_and_forms),
		cmocka_unit_test(test_heredocs),
		cmocka_unit_test(test_errors_keep_going),
		cmocka_unit_test(test_directives_and_file_flags),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_one_megabyte_line),
		cmocka_unit_test(test_mid_sized_strings_keep_their_text),
		cmocka_unit_test(test_onbuild_chain_is_bounded),
		cmocka_unit_test(test_dump_long_unicode_keyword),
		cmocka_unit_test(test_million_continuations),
		cmocka_unit_test(test_thousands_of_heredocs),
		cmocka_unit_test(test_ten_megabytes),
		cmocka_unit_test(test_binary_junk),
		cmocka_unit_test(test_alloc_failures),
		cmocka_unit_test(test_dump_alloc_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
