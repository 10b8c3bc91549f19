/* Unit tests for src/course/: the sample course (tests/content/sample) read
 * field by field, defaults, lookups, durations, merge keys and the
 * standalone readers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "dockertutor/course.h"

#define SAMPLE "tests/content/sample"

struct fixture {
	struct course *course;
	struct course_diags diags;
};

static int load_sample(void **state)
{
	static struct fixture f;
	struct dt_error err;

	course_diags_init(&f.diags);
	if (course_load(SAMPLE, &f.course, &f.diags, &err) != DT_OK)
		return -1;
	*state = &f;
	return 0;
}

static int free_sample(void **state)
{
	struct fixture *f = *state;

	course_free(f->course);
	course_diags_fini(&f->diags);
	return 0;
}

static void test_course_file(void **state)
{
	struct fixture *f = *state;
	const struct course *c = f->course;

	assert_int_equal(f->diags.n, 0);
	assert_int_equal(f->diags.n_files, 7);
	assert_string_equal(c->root, SAMPLE);
	assert_string_equal(c->id, "sample-course");
	assert_string_equal(c->title, "Sample Container Course");
	assert_int_equal(c->version, 2);
	assert_int_equal(c->n_lessons, 2);
	assert_int_equal(c->n_questions, 8);
	assert_int_equal(c->n_exercises, 1);
	assert_int_equal(c->n_blueprints, 1);
	assert_int_equal(strlen(c->hash), 16);
	assert_true(strspn(c->hash, "0123456789abcdef") == 16);
}

static void test_lessons(void **state)
{
	const struct course *c = ((struct fixture *)*state)->course;
	const struct course_lesson *l = &c->lessons[0], *l2 = &c->lessons[1];

	assert_string_equal(l->id, "basics");
	assert_int_equal(l->number, 1);
	assert_string_equal(l->title, "Container Basics");
	/* Block scalars keep their inner lines, not the final newline. */
	assert_string_equal(l->summary, "What a container is, and how to start one.");
	assert_int_equal(l->minutes, 5);
	assert_string_equal(l->path, SAMPLE "/lessons/01-basics.yaml");
	assert_string_equal(l->pos.file, l->path);
	assert_int_equal(l->pos.line, 1);
	assert_int_equal(l->pos.col, 1);
	assert_int_equal(l->n_sections, 2);
	assert_string_equal(l->sections[0].id, "what-is-it");
	assert_string_equal(l->sections[0].title, "What Is a Container?");
	assert_true(dt_str_has_prefix(l->sections[0].body,
	                              "A container is an ordinary **process**"));
	assert_non_null(strstr(l->sections[0].body,
	                       "```sh\ndocker run --rm hello-world\n```\n"));
	assert_true(dt_str_has_suffix(l->sections[0].body,
	                              "| cgroups | what a process uses |"));
	assert_int_equal(l->sections[0].pos.line, 8);
	assert_int_equal(l->sections[0].pos.col, 5);
	/* A folded body joins its lines. */
	assert_string_equal(l->sections[1].body, "`docker run` creates and starts a "
	                    "container; `docker ps` lists the running ones.");
	assert_int_equal(l->n_takeaways, 2);
	assert_string_equal(l->takeaways[0],
	                    "A container is a process, not a small computer.");
	assert_string_equal(l->takeaways[1], "`docker run` = create + start.");
	assert_int_equal(l->n_exercise_ids, 1);
	assert_string_equal(l->exercise_ids[0], "first-dockerfile");
	assert_int_equal(l->n_questions, 5);
	assert_string_equal(l->questions[0]->id, "basics-kernel-features");
	assert_string_equal(l->questions[4]->id, "basics-remove-command");

	assert_string_equal(l2->id, "images");
	assert_string_equal(l2->summary, "Images are stacks of read-only layers.");
	assert_int_equal(l2->n_exercise_ids, 0);      /* default [] */
	assert_null(l2->exercise_ids);
	assert_int_equal(l2->n_questions, 3);
	assert_ptr_equal(l2->questions[0], &c->questions[5]);
}

static void test_questions(void **state)
{
	const struct course *c = ((struct fixture *)*state)->course;
	const struct course_question *q = &c->questions[0];

	assert_string_equal(q->id, "basics-kernel-features");
	assert_string_equal(q->lesson_id, "basics");
	assert_string_equal(q->section_id, "what-is-it");
	assert_ptr_equal(q->lesson, &c->lessons[0]);
	assert_int_equal(q->type, COURSE_Q_SINGLE);
	assert_int_equal(q->difficulty, 1);
	assert_int_equal(q->n_tags, 2);
	assert_string_equal(q->tags[0], "kernel");
	assert_string_equal(q->tags[1], "fundamentals");
	assert_string_equal(q->stem, "Which two kernel features isolate a container?");
	assert_int_equal(q->n_choices, 3);
	assert_string_equal(q->choices[0].text, "A hypervisor and virtual disks");
	assert_string_equal(q->choices[0].why,
	                    "Virtual machines use a hypervisor; containers do not.");
	assert_false(q->choices[0].correct);
	assert_true(q->choices[1].correct);
	assert_null(q->choices[1].why);
	assert_false(q->choices[2].correct);
	assert_string_equal(q->explanation,
	                    "Namespaces limit what a process sees, cgroups what it uses.");
	assert_string_equal(q->pos.file, SAMPLE "/questions/basics.yaml");
	assert_int_equal(q->pos.line, 1);
	assert_int_equal(q->pos.col, 3);

	q = &c->questions[1];
	assert_int_equal(q->type, COURSE_Q_MULTIPLE);
	assert_int_equal(q->difficulty, 3);
	assert_int_equal(q->n_tags, 0);
	assert_true(q->choices[0].correct && q->choices[1].correct);
	assert_string_equal(q->choices[2].why, "`docker run` never builds.");
	assert_string_equal(q->section_id, "running");

	q = &c->questions[2];
	assert_int_equal(q->type, COURSE_Q_TRUEFALSE);
	assert_int_equal(q->difficulty, 2);            /* default */
	assert_false(q->answer);
	assert_int_equal(q->n_choices, 0);

	q = &c->questions[3];
	assert_int_equal(q->type, COURSE_Q_FILL);
	assert_int_equal(q->n_answers, 2);
	assert_string_equal(q->answers[0], "-a");
	assert_string_equal(q->answers[1], "--all");
	assert_null(q->pattern);
	assert_false(q->case_sensitive);               /* default */

	q = &c->questions[4];
	assert_string_equal(q->pattern, "docker (container )?rm [a-z0-9_-]+");
	assert_true(q->case_sensitive);
	assert_int_equal(q->n_answers, 0);

	q = &c->questions[6];
	assert_string_equal(q->id, "images-layers-shared");
	assert_true(q->answer);
	assert_ptr_equal(q->lesson, &c->lessons[1]);
}

static void test_exercise(void **state)
{
	const struct course *c = ((struct fixture *)*state)->course;
	const struct course_exercise *ex = &c->exercises[0];
	const struct course_check *k = ex->checks;
	enum course_check_kind kind;

	assert_string_equal(ex->id, "first-dockerfile");
	assert_string_equal(ex->lesson_id, "basics");
	assert_ptr_equal(ex->lesson, &c->lessons[0]);
	assert_string_equal(ex->title, "Write a first Dockerfile");
	assert_true(dt_str_has_prefix(ex->task, "Package `app/server.js` into"));
	assert_string_equal(ex->dir, SAMPLE "/exercises/first-dockerfile");
	assert_int_equal(ex->n_files, 2);
	assert_string_equal(ex->files[0], "Dockerfile");
	assert_string_equal(ex->files[1], "app/server.js");
	assert_string_equal(ex->target, "Dockerfile");
	assert_string_equal(ex->solution, "solution/Dockerfile");
	assert_int_equal(ex->n_hints, 2);
	assert_string_equal(ex->hints[1], "`USER node` switches to the image's "
	                    "non-root user.");
	/* One check of each kind, in the order of COURSE_CHECK_LIST. */
	assert_int_equal(ex->n_checks, COURSE_CHECK_COUNT);
	for (kind = 0; kind < COURSE_CHECK_COUNT; kind++)
		assert_int_equal(k[kind].kind, kind);
	assert_string_equal(k[COURSE_CHECK_LINT].str, "warning");
	assert_int_equal(k[COURSE_CHECK_FORBID_RULE].n_list, 2);
	assert_string_equal(k[COURSE_CHECK_FORBID_RULE].list[1], "DL3002");
	assert_string_equal(k[COURSE_CHECK_REQUIRE_RULE].list[0], "DT1001");
	assert_string_equal(k[COURSE_CHECK_FINAL_USER].str, "non-root");
	assert_string_equal(k[COURSE_CHECK_BASE_PINNED].str, "tag");
	assert_string_equal(k[COURSE_CHECK_HAS_INSTRUCTION].str, "USER");
	assert_string_equal(k[COURSE_CHECK_LACKS_INSTRUCTION].str, "ADD");
	assert_int_equal(k[COURSE_CHECK_STAGES].min, 1);
	assert_int_equal(k[COURSE_CHECK_STAGES].max, 2);
	assert_int_equal(k[COURSE_CHECK_LINT].min, -1);
	assert_int_equal(k[COURSE_CHECK_ORDER].n_list, 3);
	assert_string_equal(k[COURSE_CHECK_ORDER].list[1], "RUN npm ci");
	assert_int_equal(k[COURSE_CHECK_EXPOSES].number, 8080);
	assert_string_equal(k[COURSE_CHECK_FILE_EXISTS].str, "app/server.js");
	assert_int_equal(k[COURSE_CHECK_EXPOSES].pos.line, 22);
	assert_int_equal(k[COURSE_CHECK_EXPOSES].pos.col, 5);
	assert_string_equal(course_check_name(COURSE_CHECK_NO_SECRETS), "no_secrets");
	assert_string_equal(course_check_name(COURSE_CHECK_COUNT), "?");
}

static void test_blueprint(void **state)
{
	const struct course *c = ((struct fixture *)*state)->course;
	const struct course_blueprint *bp = &c->blueprints[0];

	assert_string_equal(bp->id, "final");
	assert_string_equal(bp->title, "Sample final exam");
	assert_int_equal(bp->time_limit_s, 5400);
	assert_int_equal(bp->pass_mark_pct, 65);
	assert_int_equal(bp->presentation, COURSE_PRESENT_DOMC);
	assert_false(bp->shuffle_questions);
	assert_true(bp->shuffle_choices);
	assert_int_equal(bp->seed, 42);
	assert_int_equal(bp->review, COURSE_REVIEW_NEVER);
	assert_string_equal(bp->path, SAMPLE "/exams/final.yaml");
	assert_int_equal(bp->n_draws, 2);
	assert_string_equal(bp->draws[0].lesson_id, "basics");
	assert_int_equal(bp->draws[0].count, 3);
	assert_int_equal(bp->draws[0].difficulty_mask, 0);
	assert_int_equal(bp->draws[0].n_tags, 0);
	assert_int_equal(bp->draws[1].count, 2);
	assert_int_equal(bp->draws[1].difficulty_mask, 1u << 1 | 1u << 3);
	assert_int_equal(bp->draws[1].n_tags, 1);
	assert_string_equal(bp->draws[1].tags[0], "layers");
	assert_int_equal(bp->draws[1].pos.line, 8);
}

static void test_lookups(void **state)
{
	const struct course *c = ((struct fixture *)*state)->course;
	const struct course_lesson *l = course_find_lesson(c, "images");
	size_t i;

	assert_ptr_equal(l, &c->lessons[1]);
	assert_null(course_find_lesson(c, "nope"));
	assert_null(course_find_lesson(c, NULL));
	assert_ptr_equal(course_find_section(l, "layers"), &l->sections[0]);
	assert_null(course_find_section(l, "what-is-it"));
	for (i = 0; i < c->n_questions; i++)
		assert_ptr_equal(course_find_question(c, c->questions[i].id),
		                 &c->questions[i]);
	assert_null(course_find_question(c, "basics"));
	assert_ptr_equal(course_find_exercise(c, "first-dockerfile"),
	                 &c->exercises[0]);
	assert_null(course_find_exercise(c, "second"));
	assert_ptr_equal(course_find_blueprint(c, "final"), &c->blueprints[0]);
	assert_null(course_find_blueprint(c, "midterm"));
	assert_string_equal(course_qtype_name(COURSE_Q_TRUEFALSE), "truefalse");
}

static void test_parse_duration(void **state)
{
	static const struct { const char *s; int secs; } good[] = {
		{ "90m", 5400 }, { "1h30m", 5400 }, { "45s", 45 }, { "2h", 7200 },
		{ "1h1m1s", 3661 }, { "0s", 0 }, { "10m30s", 630 },
	};
	static const char *const bad[] = {
		"", "90", "m", "1h30", "30m1h", "1h1h", "1d", "-5m", "1.5h", "1 h",
		"99999999999h", "h30m",
	};
	size_t i;
	int secs;

	(void)state;
	for (i = 0; i < sizeof good / sizeof *good; i++) {
		assert_true(course_parse_duration(good[i].s, &secs));
		assert_int_equal(secs, good[i].secs);
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(course_parse_duration(bad[i], &secs));
	assert_false(course_parse_duration(NULL, &secs));
}

/* Anchors, aliases and merge keys, from memory. */
static void test_parse_questions_merge(void **state)
{
	static const char bank[] =
		"- &base\n"
		"  id: q-one\n"
		"  lesson: l\n"
		"  section: s\n"
		"  type: truefalse\n"
		"  tags: &tags [a, b]\n"
		"  stem: First?\n"
		"  answer: true\n"
		"  explanation: Yes.\n"
		"- <<: *base\n"
		"  id: q-two\n"
		"  stem: Second?\n"
		"  tags: *tags\n"
		"- <<: [{difficulty: 3, answer: false}, *base]\n"
		"  id: q-three\n"
		"  stem: Third?\n";
	struct course_question *qs;
	struct course_diags diags;
	struct dt_arena arena;
	struct dt_error err;
	size_t n;

	(void)state;
	dt_arena_init(&arena);
	course_diags_init(&diags);
	assert_int_equal(course_parse_questions("bank.yaml", bank, strlen(bank),
	                                        &arena, &qs, &n, &diags, &err),
	                 DT_OK);
	assert_int_equal(diags.n, 0);
	assert_int_equal(n, 3);
	assert_string_equal(qs[1].id, "q-two");
	assert_string_equal(qs[1].stem, "Second?");
	assert_string_equal(qs[1].lesson_id, "l");
	assert_true(qs[1].answer);
	assert_int_equal(qs[1].n_tags, 2);
	assert_string_equal(qs[1].tags[1], "b");
	assert_int_equal(qs[1].pos.line, 10);
	/* Earlier merge sources win over later ones. */
	assert_int_equal(qs[2].difficulty, 3);
	assert_false(qs[2].answer);
	assert_string_equal(qs[2].explanation, "Yes.");
	assert_null(qs[0].lesson);
	course_diags_fini(&diags);
	dt_arena_fini(&arena);
}

/* Every kind of file can be checked on its own, from memory. */
static void test_check_buffer(void **state)
{
	static const char lesson[] =
		"id: solo\nnumber: 3\ntitle: Solo\nsummary: Alone.\nminutes: 2\n"
		"sections:\n  - {id: a, title: A, body: Text.}\n"
		"takeaways: [One.]\nquestions: ../questions/x.yaml\n"
		"exercises: [not-checked]\n";
	static const char blueprint[] =
		"id: bp\ntitle: BP\ntime_limit: 5s\npass_mark: 50%\n"
		"draw: [{lesson: x, count: 1}]\n";
	struct course_diags diags;
	struct dt_error err;

	(void)state;
	course_diags_init(&diags);
	assert_int_equal(course_check_buffer(COURSE_FILE_LESSON, "l.yaml", lesson,
	                                     strlen(lesson), &diags, &err), DT_OK);
	assert_int_equal(diags.n, 0);
	assert_int_equal(course_check_buffer(COURSE_FILE_BLUEPRINT, "b.yaml",
	                                     blueprint, strlen(blueprint), &diags,
	                                     &err), DT_ERR_INVALID);
	assert_int_equal(diags.n, 1);
	assert_string_equal(diags.items[0].file, "b.yaml");
	assert_int_equal(diags.items[0].line, 3);
	assert_int_equal(diags.items[0].col, 13);
	assert_string_equal(diags.items[0].msg,
	                    "'time_limit' must be from 10s to 24h, found 5s");
	course_diags_fini(&diags);
}

/* Instructors' blueprints are checked against a loaded course. */
static void test_load_blueprint(void **state)
{
	struct fixture *f = *state;
	struct course_blueprint *bp;
	struct course_diags diags;
	struct dt_error err;

	course_diags_init(&diags);
	assert_int_equal(course_load_blueprint(f->course,
	                                       SAMPLE "/exams/final.yaml", &bp,
	                                       &diags, &err), DT_OK);
	assert_string_equal(bp->id, "final");
	assert_int_equal(bp->n_draws, 2);
	assert_int_equal(course_load_blueprint(f->course, SAMPLE "/nope.yaml",
	                                       &bp, &diags, &err),
	                 DT_ERR_NOTFOUND);
	assert_null(bp);
	course_diags_fini(&diags);
}

/* Questions from elsewhere are checked against the course. */
static void test_check_questions(void **state)
{
	struct fixture *f = *state;
	struct course_question qs[2];
	struct course_diags diags;

	memset(qs, 0, sizeof qs);
	qs[0].id = "x-1";
	qs[0].lesson_id = "images";
	qs[0].section_id = "layers";
	qs[0].stem = "Same stem";
	qs[0].pos.file = "bank.yaml";
	qs[0].pos.line = 1;
	qs[0].pos.col = 3;
	qs[1] = qs[0];
	qs[1].id = "x-2";
	qs[1].section_id = "lairs";
	qs[1].stem = "same   STEM";
	qs[1].pos.line = 7;
	qs[1].pos.col = 3;
	course_diags_init(&diags);
	assert_true(course_check_questions(f->course, qs, 2, &diags));
	assert_ptr_equal(qs[0].lesson, &f->course->lessons[1]);
	assert_int_equal(diags.n_errors, 1);
	assert_int_equal(diags.n_warnings, 1);
	course_diags_sort(&diags);
	assert_string_equal(diags.items[0].msg, "question 'x-2' has the same stem "
	                    "as question 'x-1' at bank.yaml:1:3");
	assert_string_equal(diags.items[1].msg, "lesson 'images' has no section "
	                    "'lairs'; did you mean 'layers'?");
	course_diags_fini(&diags);
}

static void test_diags_sort_stable(void **state)
{
	struct course_diags d;

	(void)state;
	course_diags_init(&d);
	assert_true(course_diag_add(&d, COURSE_ERROR, "b.yaml", 1, 1, "b1"));
	assert_true(course_diag_add(&d, COURSE_WARNING, "a.yaml", 9, 2, "a9"));
	assert_true(course_diag_add(&d, COURSE_ERROR, "a.yaml", 2, 5, "a2-first"));
	assert_true(course_diag_add(&d, COURSE_ERROR, "a.yaml", 2, 5, "a2-%s",
	                            "second"));
	course_diags_sort(&d);
	assert_string_equal(d.items[0].msg, "a2-first");
	assert_string_equal(d.items[1].msg, "a2-second");
	assert_string_equal(d.items[2].msg, "a9");
	assert_string_equal(d.items[3].file, "b.yaml");
	assert_int_equal(d.n_errors, 3);
	assert_int_equal(d.n_warnings, 1);
	course_diags_fini(&d);
	course_diags_fini(NULL);
}

int main(void)
{
	const struct CMUnitTest with_sample[] = {
		cmocka_unit_test(test_course_file),
		cmocka_unit_test(test_lessons),
		cmocka_unit_test(test_questions),
		cmocka_unit_test(test_exercise),
		cmocka_unit_test(test_blueprint),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_load_blueprint),
		cmocka_unit_test(test_check_questions),
	};
	const struct CMUnitTest alone[] = {
		cmocka_unit_test(test_parse_duration),
		cmocka_unit_test(test_parse_questions_merge),
		cmocka_unit_test(test_check_buffer),
		cmocka_unit_test(test_diags_sort_stable),
	};

	return cmocka_run_group_tests_name("course_load (sample)", with_sample,
	                                   load_sample, free_sample) |
	       cmocka_run_group_tests_name("course_load (alone)", alone, NULL,
	                                   NULL);
}
