/* Unit tests for GIFT and Aiken banks: every supported construct read, every
 * unsupported one an error with its line, and round trips that keep every
 * field the format carries. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dockertutor/course.h"

struct parsed {
	struct course_bank bank;
	struct course_diags diags;
	enum dt_status rc;
};

static void parse(struct parsed *p, enum course_bank_format fmt,
                  const char *text)
{
	memset(p, 0, sizeof *p);
	dt_arena_init(&p->bank.arena);
	p->bank.path = "bank.txt";
	course_diags_init(&p->diags);
	p->rc = fmt == COURSE_BANK_GIFT ?
	        course_gift_parse(&p->bank, text, strlen(text), &p->diags) :
	        course_aiken_parse(&p->bank, text, strlen(text), &p->diags);
}

static void release(struct parsed *p)
{
	dt_arena_fini(&p->bank.arena);
	course_diags_fini(&p->diags);
}

/* Asserts one error at line:col with the message. */
static void expect_error(enum course_bank_format fmt, const char *text,
                         int line, int col, const char *msg)
{
	struct parsed p;

	parse(&p, fmt, text);
	assert_int_equal(p.rc, DT_ERR_INVALID);
	assert_true(p.diags.n_errors >= 1);
	assert_int_equal(p.diags.items[0].line, line);
	assert_int_equal(p.diags.items[0].col, col);
	assert_string_equal(p.diags.items[0].msg, msg);
	release(&p);
}

static void test_gift_every_supported_type(void **state)
{
	const char *text =
		"// comment\n"
		"$CATEGORY: docker-basics/running-containers\n"
		"\n"
		"::Run Detached::Which flag detaches?{\n"
		"=-d#right\n"
		"~-i#keeps stdin open\n"
		"####Detached mode returns the prompt.\n"
		"}\n"
		"\n"
		"::tf::Stop sends SIGTERM first.{T}\n"
		"\n"
		"::multi::Which publish ports?{\n"
		"~%50%-p\n"
		"~%50%-P\n"
		"~%-100%--expose#documents only\n"
		"}\n"
		"\n"
		"::fill::Follow logs with docker logs {=-f =--follow} web\n"
		"\n"
		"Escaped \\{braces\\} and \\= signs{=yes ~no}\n";
	struct parsed p;
	const struct course_question *q;

	(void)state;
	parse(&p, COURSE_BANK_GIFT, text);
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.diags.n, 0);
	assert_int_equal(p.bank.n_questions, 5);

	q = &p.bank.questions[0];
	assert_string_equal(q->id, "run-detached");
	assert_string_equal(q->lesson_id, "running-containers");
	assert_int_equal(q->type, COURSE_Q_SINGLE);
	assert_string_equal(q->stem, "Which flag detaches?");
	assert_int_equal(q->n_choices, 2);
	assert_string_equal(q->choices[0].text, "-d");
	assert_true(q->choices[0].correct);
	assert_string_equal(q->choices[0].why, "right");
	assert_false(q->choices[1].correct);
	assert_string_equal(q->choices[1].why, "keeps stdin open");
	assert_string_equal(q->explanation, "Detached mode returns the prompt.");
	assert_int_equal(q->pos.line, 4);

	q = &p.bank.questions[1];
	assert_int_equal(q->type, COURSE_Q_TRUEFALSE);
	assert_true(q->answer);

	q = &p.bank.questions[2];
	assert_int_equal(q->type, COURSE_Q_MULTIPLE);
	assert_true(q->choices[0].correct && q->choices[1].correct);
	assert_false(q->choices[2].correct);
	assert_string_equal(q->choices[2].why, "documents only");

	q = &p.bank.questions[3];
	assert_int_equal(q->type, COURSE_Q_FILL);
	assert_string_equal(q->stem, "Follow logs with docker logs ___ web");
	assert_int_equal(q->n_answers, 2);
	assert_string_equal(q->answers[1], "--follow");

	q = &p.bank.questions[4];
	assert_string_equal(q->stem, "Escaped {braces} and = signs");
	assert_string_equal(q->id, "bank-txt-5");
	release(&p);
}

static void test_gift_unsupported_constructs_name_their_line(void **state)
{
	(void)state;
	expect_error(COURSE_BANK_GIFT, "\n\nMatch{=a -> b =c -> d}\n", 3, 10,
	             "matching questions ('->') are not supported");
	expect_error(COURSE_BANK_GIFT, "What is 2+2?{#4}", 1, 14,
	             "numerical questions ('{#...}') are not supported");
	expect_error(COURSE_BANK_GIFT, "Write an essay.{}", 1, 16,
	             "essay questions ('{}') are not supported");
	expect_error(COURSE_BANK_GIFT, "Just a description.", 1, 1,
	             "description items (text without an answer block) are not supported");
	expect_error(COURSE_BANK_GIFT, "[html]<p>x</p>{T}", 1, 1,
	             "HTML question text is not supported; use [markdown] or [plain]");
	expect_error(COURSE_BANK_GIFT, "Q{=a =%50%b}", 1, 6,
	             "partial credit on short answers is not supported");
	expect_error(COURSE_BANK_GIFT, "Q{\n~a\n~b\n}", 2, 1,
	             "no answer is marked correct ('=' or a positive weight)");
	expect_error(COURSE_BANK_GIFT, "Q{=a\n=b\n~c}", 1, 3,
	             "more than one '=' answer: use weights (~%50%) for several correct answers");
	expect_error(COURSE_BANK_GIFT, "Q{=a ~b", 1, 2,
	             "the answer block '{' is not closed");
	expect_error(COURSE_BANK_GIFT, "::title Q{T}", 1, 1,
	             "the question title is not closed with '::'");
	expect_error(COURSE_BANK_GIFT, "Q{=a ~%abc%b}", 1, 7,
	             "an answer weight must be a number from -100 to 100");
	/* strtod took these, and a NAN weight slipped past the range. */
	expect_error(COURSE_BANK_GIFT, "Q{=a ~%nan%b}", 1, 7,
	             "an answer weight must be a number from -100 to 100");
	expect_error(COURSE_BANK_GIFT, "Q{=a ~%0x10%b}", 1, 7,
	             "an answer weight must be a number from -100 to 100");
}

static void test_gift_weights_not_100_warn(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, COURSE_BANK_GIFT, "Q{~%50%a ~%40%b ~%-100%c}");
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.diags.n_warnings, 1);
	assert_string_equal(p.diags.items[0].msg, "the positive weights do not add up to 100%");
	release(&p);
}

static void test_aiken_reads_and_errors(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, COURSE_BANK_AIKEN,
	      "Which command lists running containers?\n"
	      "A. docker ps\nB) docker images\nANSWER: B\n\n"
	      "Second?\nA. x\nB. y\nC. z\nANSWER: C\n");
	assert_int_equal(p.rc, DT_OK);
	assert_int_equal(p.bank.n_questions, 2);
	assert_string_equal(p.bank.questions[0].stem, "Which command lists running containers?");
	assert_string_equal(p.bank.questions[0].choices[1].text, "docker images");
	assert_true(p.bank.questions[0].choices[1].correct);
	assert_false(p.bank.questions[0].choices[0].correct);
	assert_string_equal(p.bank.questions[1].id, "bank-aiken-2");
	assert_int_equal(p.bank.questions[1].pos.line, 6);
	release(&p);

	expect_error(COURSE_BANK_AIKEN, "Q?\nA. x\nB. y\nANSWER: D\n", 4, 9,
	             "ANSWER names an option the question does not have");
	expect_error(COURSE_BANK_AIKEN, "Q?\nA. x\nB. y\n", 1, 1,
	             "the last question has no ANSWER line");
	expect_error(COURSE_BANK_AIKEN, "Q?\nA. x\nC. y\nANSWER: A\n", 3, 1,
	             "options must be lettered A, B, C ... in order");
	expect_error(COURSE_BANK_AIKEN, "Q?\nA. x\nANSWER: A\n", 3, 1,
	             "a question needs at least two options before ANSWER");
}

/* Writes the bank out in fmt, reads it back, and compares every field
 * the format carries. */
static void round_trip(enum course_bank_format fmt, const char *text)
{
	struct parsed a, b;
	const struct course_question *qs[16];
	struct dt_buf out;
	size_t i, k;

	parse(&a, fmt, text);
	assert_int_equal(a.rc, DT_OK);
	for (i = 0; i < a.bank.n_questions; i++)
		qs[i] = &a.bank.questions[i];
	dt_buf_init(&out);
	assert_true(course_bank_export(qs, a.bank.n_questions, fmt, &out, &a.diags));
	parse(&b, fmt, out.data);
	if (b.rc != DT_OK)
		print_message("%s\n%s:%d:%d: %s\n", out.data, b.diags.items[0].file,
		              b.diags.items[0].line, b.diags.items[0].col,
		              b.diags.items[0].msg);
	assert_int_equal(b.rc, DT_OK);
	assert_int_equal(b.bank.n_questions, a.bank.n_questions);
	for (i = 0; i < a.bank.n_questions; i++) {
		const struct course_question *x = &a.bank.questions[i], *y = &b.bank.questions[i];

		assert_int_equal(x->type, y->type);
		assert_string_equal(x->stem, y->stem);
		assert_int_equal(x->n_choices, y->n_choices);
		for (k = 0; k < x->n_choices; k++) {
			assert_string_equal(x->choices[k].text, y->choices[k].text);
			assert_int_equal(x->choices[k].correct, y->choices[k].correct);
			if (fmt == COURSE_BANK_GIFT) {
				assert_int_equal(!x->choices[k].why, !y->choices[k].why);
				if (x->choices[k].why)
					assert_string_equal(x->choices[k].why, y->choices[k].why);
			}
		}
		if (fmt == COURSE_BANK_GIFT) {
			assert_string_equal(x->id, y->id);
			assert_int_equal(x->answer, y->answer);
			assert_int_equal(x->n_answers, y->n_answers);
			for (k = 0; k < x->n_answers; k++)
				assert_string_equal(x->answers[k], y->answers[k]);
			assert_int_equal(!x->explanation, !y->explanation);
			if (x->explanation)
				assert_string_equal(x->explanation, y->explanation);
			assert_int_equal(!x->lesson_id, !y->lesson_id);
			if (x->lesson_id)
				assert_string_equal(x->lesson_id, y->lesson_id);
		}
	}
	dt_buf_fini(&out);
	release(&a);
	release(&b);
}

static void test_round_trips_keep_every_field(void **state)
{
	(void)state;
	round_trip(COURSE_BANK_GIFT,
	           "$CATEGORY: c/networking\n\n"
	           "::q-1::Pick \\{a\\} one\\: x \\= y?{=yes#because ~no#not so ####general}\n\n"
	           "::q-2::Three right{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d#wrong}\n\n"
	           "::q-3::True?{F}\n\n"
	           "::q-4::Name it{=docker ps =docker container ls}\n");
	round_trip(COURSE_BANK_AIKEN,
	           "One?\nA. a\nB. b\nANSWER: B\n\nTwo?\nA. x\nB. y\nC. z\nANSWER: A\n");
}

static void test_allocation_failures_are_clean(void **state)
{
	const char *text = "::a::Q{=x ~y ####g}\n\n::b::R{T}\n\n::c::S{=p =q}\n";
	unsigned long n;

	(void)state;
	for (n = 1; n < 1000; n++) {
		struct parsed p;

		dt_alloc_fail_at(n);
		parse(&p, COURSE_BANK_GIFT, text);
		dt_alloc_fail_at(0);
		release(&p);
		if (p.rc == DT_OK)
			break;
		assert_int_equal(p.rc, DT_ERR_NOMEM);
	}
	assert_true(n < 1000);
}

/* Uses up all but room bytes of the arena's current block, so that the
 * parser's next allocations start a new block (the only arena allocations
 * that can fail). */
static void fill_arena(struct dt_arena *arena, size_t used)
{
	while (used > 0) {
		size_t k = used > 8000 ? 8000 : used;

		assert_non_null(dt_arena_alloc(arena, k));
		used -= k;
	}
}

/* Every question of a bank read without error is complete. */
static void assert_complete(const struct course_bank *bank)
{
	size_t i, k;

	for (i = 0; i < bank->n_questions; i++) {
		const struct course_question *q = &bank->questions[i];

		assert_non_null(q->id);
		assert_true(q->id[0] != '\0');
		assert_non_null(q->stem);
		for (k = 0; k < q->n_choices; k++)
			assert_non_null(q->choices[k].text);
		for (k = 0; k < q->n_answers; k++)
			assert_non_null(q->answers[k]);
	}
}

/* An allocation may fail at any point of a question, wherever the arena
 * happens to need a new block: the parse then fails cleanly, and a parse
 * that succeeds has complete questions (a GIFT id once came out NULL). */
static void test_arena_failures_leave_complete_questions(void **state)
{
	static const char gift[] =
		"::a::Q{=x ~y ####g}\n\n::b::R{T}\n\n$CATEGORY: x/two\n\n"
		"::c::S{=p =q}\n\nNo title{=u#fine ~v#no}\n";
	static const char aiken[] = "Q?\nA. x\nB. y\nANSWER: B\n\n"
	                            "R?\nA. u\nB. v\nANSWER: A\n";
	size_t used;
	int fmt;

	(void)state;
	for (fmt = 0; fmt < 2; fmt++)
		for (used = 24000; used < 32768; used += 16) {
			unsigned long n;

			for (n = 1; n < 8; n++) {
				struct parsed p;
				const char *text = fmt ? aiken : gift;

				memset(&p, 0, sizeof p);
				dt_arena_init(&p.bank.arena);
				p.bank.path = "bank.txt";
				course_diags_init(&p.diags);
				fill_arena(&p.bank.arena, used);
				dt_alloc_fail_at(n);
				p.rc = fmt ? course_aiken_parse(&p.bank, text,
				                                strlen(text), &p.diags)
				           : course_gift_parse(&p.bank, text,
				                               strlen(text), &p.diags);
				dt_alloc_fail_at(0);
				if (p.rc == DT_OK)
					assert_complete(&p.bank);
				else
					assert_int_equal(p.rc, DT_ERR_NOMEM);
				release(&p);
			}
		}
}

/* Imports text (written to a scratch file) as fmt; the first diagnostic
 * must be at line:col with msg, or there must be none when msg is NULL. */
static void expect_import(enum course_bank_format fmt, const char *text,
                          int line, int col, const char *msg)
{
	char path[] = "/tmp/dt-bank-test-XXXXXX";
	struct course_bank *bank = NULL;
	struct course_diags diags;
	struct dt_error err;
	enum dt_status rc;
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(close(fd), 0);
	course_diags_init(&diags);
	dt_error_clear(&err);
	rc = course_bank_import(path, fmt, NULL, &bank, &diags, &err);
	unlink(path);
	if (!msg) {
		assert_int_equal(rc, DT_OK);
		assert_int_equal(diags.n, 0);
	} else {
		assert_int_equal(rc, DT_ERR_INVALID);
		assert_int_equal(err.code, DT_ERR_INVALID);
		assert_true(diags.n >= 1);
		assert_int_equal(diags.items[0].line, line);
		assert_int_equal(diags.items[0].col, col);
		assert_string_equal(diags.items[0].msg, msg);
	}
	course_bank_free(bank);
	course_diags_fini(&diags);
}

/* GIFT and Aiken text ends up on learners' terminals: control characters
 * and escape sequences are refused as in content files, at the right
 * character; CRLF line ends are fine. */
static void test_import_refuses_control_characters(void **state)
{
	(void)state;
	expect_import(COURSE_BANK_GIFT, "::q::Caf\xC3\xA9 \x1b[2J?{T}\n", 1, 11,
	              "the escape character U+001B is not allowed: terminal "
	              "escape sequences could take over the learner's "
	              "terminal");
	expect_import(COURSE_BANK_AIKEN, "Q?\nA. x\x07\nB. y\nANSWER: A\n", 2, 5,
	              "the control character U+0007 is not allowed in a "
	              "question bank");
	expect_import(COURSE_BANK_GIFT, "::q::A\rB{T}\n", 1, 7,
	              "a carriage return (U+000D) without a line feed is not "
	              "allowed; save the file with LF or CRLF line ends");
	expect_import(COURSE_BANK_GIFT, "::q::\xC3\xA9\xC2\x9B" "1m{T}\n", 1, 7,
	              "the control character U+009B is not allowed in a "
	              "question bank");
	expect_import(COURSE_BANK_GIFT, "::q::\xC3\xA9\xC3{T}\n", 1, 7,
	              "invalid UTF-8 byte 0xC3");
	expect_import(COURSE_BANK_AIKEN, "Q?\r\nA. x\r\nB. y\r\nANSWER: A\r\n",
	              0, 0, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gift_every_supported_type),
		cmocka_unit_test(test_gift_unsupported_constructs_name_their_line),
		cmocka_unit_test(test_gift_weights_not_100_warn),
		cmocka_unit_test(test_aiken_reads_and_errors),
		cmocka_unit_test(test_round_trips_keep_every_field),
		cmocka_unit_test(test_allocation_failures_are_clean),
		cmocka_unit_test(test_arena_failures_leave_complete_questions),
		cmocka_unit_test(test_import_refuses_control_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
