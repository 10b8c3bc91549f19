/* Unit tests for src/store/: opening and creating databases, learners, bank
 * sync, practice answers and reviews, progress summaries, exercises and
 * hints, exam attempts and the daily totals they feed, export and import,
 * reset, transactions, and store_open under allocation failure. */
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

#include <sqlite3.h>

#include "dockertutor/store.h"
#include "fixture_quiz.h"
#include "../../src/store/store_int.h"

#define NOW 1700000000      /* 2023-11-14, Unix seconds */
#define DAY 86400

struct env {
	char dir[256];
	char db[320];
	struct course *course;
	struct store *s;
	int64_t bank;
	int64_t learner;
	struct dt_arena arena;
};

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof *e);
	struct dt_error err;

	if (!e || !fixture_tmpdir(e->dir, sizeof e->dir))
		return -1;
	snprintf(e->db, sizeof e->db, "%s/sub/dir/dt.db", e->dir);
	e->course = fixture_course_new();
	dt_arena_init(&e->arena);
	if (store_open(e->db, STORE_CREATE, &e->s, &err) != DT_OK ||
	    store_sync_course(e->s, e->course, NOW, &e->bank, NULL, &err) != DT_OK ||
	    store_learner(e->s, "ada", true, NOW, &e->learner, &err) != DT_OK) {
		fprintf(stderr, "setup: %s: %s\n", err.path, err.msg);
		return -1;
	}
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	store_close(e->s);
	fixture_course_free(e->course);
	dt_arena_fini(&e->arena);
	fixture_rmtree(e->dir);
	free(e);
	return 0;
}

static void answer(struct env *e, const char *q, bool correct, int64_t at)
{
	struct store_answer a = { e->learner, e->bank, q, correct ? "0" : "1",
	                          correct, correct ? 1.0 : 0.0, 1500, at };
	struct dt_error err;

	assert_int_equal(store_record_answer(e->s, &a, NULL, &err), DT_OK);
}

/* ---- opening ---- */

static void test_open_creates_private_file(void **state)
{
	struct env *e = *state;
	struct stat st;
	char dir[320];

	assert_int_equal(stat(e->db, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	snprintf(dir, sizeof dir, "%s/sub/dir", e->dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(store_schema_version(e->s), STORE_SCHEMA_VERSION);
	assert_string_equal(store_path(e->s), e->db);
	assert_int_equal(store_check(e->s, NULL), DT_OK);
}

static void test_open_shared_and_missing(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct dt_error err;
	struct stat st;
	char path[320];

	snprintf(path, sizeof path, "%s/class/exam.db", e->dir);
	assert_int_equal(store_open(path, 0, &s, &err), DT_ERR_NOTFOUND);
	assert_null(s);
	assert_string_equal(err.path, path);
	assert_int_equal(store_open(path, STORE_CREATE | STORE_SHARED, &s, &err),
	                 DT_OK);
	store_close(s);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0660);
	/* Reopening an existing database needs no flag. */
	assert_int_equal(store_open(path, 0, &s, &err), DT_OK);
	store_close(s);
	store_close(NULL);
}

static void test_default_path(void **state)
{
	char out[512];
	struct dt_error err;
	char *xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	assert_int_equal(store_default_path(out, sizeof out, &err), DT_OK);
	assert_string_equal(out, "/x/data/dockertutor/dockertutor.db");
	setenv("XDG_DATA_HOME", "relative", 1);     /* ignored: not absolute */
	setenv("HOME", "/home/ada", 1);
	assert_int_equal(store_default_path(out, sizeof out, &err), DT_OK);
	assert_string_equal(out, "/home/ada/.local/share/dockertutor/dockertutor.db");
	assert_int_equal(store_default_path(out, 10, &err), DT_ERR_LIMIT);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_int_equal(store_default_path(out, sizeof out, &err), DT_ERR_NOTFOUND);
	if (xdg)
		setenv("XDG_DATA_HOME", xdg, 1);
	if (home)
		setenv("HOME", home, 1);
	free(xdg);
	free(home);
}

/* ---- learners ---- */

static void test_learners(void **state)
{
	struct env *e = *state;
	struct store_learner *list;
	struct dt_error err;
	int64_t id, again;
	size_t n;

	assert_int_equal(store_learner(e->s, "bob", false, NOW, &id, &err),
	                 DT_ERR_NOTFOUND);
	assert_string_equal(err.msg, "there is no learner called 'bob'");
	assert_int_equal(store_learner(e->s, "bob", true, NOW, &id, &err), DT_OK);
	assert_int_equal(store_learner(e->s, "bob", true, NOW, &again, &err), DT_OK);
	assert_int_equal(id, again);
	assert_true(id != e->learner);
	assert_int_equal(store_learner(e->s, "", true, NOW, &id, &err),
	                 DT_ERR_INVALID);
	assert_int_equal(store_learner(e->s, "a\x1b[31m", true, NOW, &id, &err),
	                 DT_ERR_INVALID);
	assert_int_equal(store_learners(e->s, &e->arena, &list, &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "ada");
	assert_string_equal(list[1].name, "bob");
}

/* ---- banks ---- */

static void test_sync_is_cheap_when_unchanged(void **state)
{
	struct env *e = *state;
	struct dt_error err;
	int64_t bank;
	bool changed = true;

	assert_int_equal(store_sync_course(e->s, e->course, NOW, &bank, &changed,
	                                   &err), DT_OK);
	assert_false(changed);
	assert_int_equal(bank, e->bank);
	e->course->hash[0] = 'f';
	assert_int_equal(store_sync_course(e->s, e->course, NOW, &bank, &changed,
	                                   &err), DT_OK);
	assert_true(changed);
	assert_int_equal(bank, e->bank);
}

static void test_load_bank_round_trip(void **state)
{
	struct env *e = *state;
	struct course_question *qs;
	struct dt_error err;
	size_t n, i, k;

	assert_int_equal(store_load_bank(e->s, e->bank, false, &e->arena, &qs, &n,
	                                 &err), DT_OK);
	assert_int_equal(n, e->course->n_questions);
	for (i = 0; i < n; i++) {
		const struct course_question *a = &e->course->questions[i], *b = &qs[i];

		assert_string_equal(a->id, b->id);
		assert_int_equal(a->type, b->type);
		assert_string_equal(a->lesson_id, b->lesson_id);
		assert_string_equal(a->section_id, b->section_id);
		assert_int_equal(a->difficulty, b->difficulty);
		assert_string_equal(a->stem, b->stem);
		assert_string_equal(a->explanation, b->explanation);
		assert_int_equal(a->n_tags, b->n_tags);
		for (k = 0; k < a->n_tags; k++)
			assert_string_equal(a->tags[k], b->tags[k]);
		assert_int_equal(a->n_choices, b->n_choices);
		for (k = 0; k < a->n_choices; k++) {
			assert_string_equal(a->choices[k].text, b->choices[k].text);
			assert_int_equal(a->choices[k].correct, b->choices[k].correct);
			if (a->choices[k].why)
				assert_string_equal(a->choices[k].why, b->choices[k].why);
			else
				assert_null(b->choices[k].why);
		}
		assert_int_equal(a->n_answers, b->n_answers);
		for (k = 0; k < a->n_answers; k++)
			assert_string_equal(a->answers[k], b->answers[k]);
		if (a->type == COURSE_Q_TRUEFALSE)
			assert_int_equal(a->answer, b->answer);
		if (a->pattern)
			assert_string_equal(a->pattern, b->pattern);
		assert_int_equal(a->case_sensitive, b->case_sensitive);
	}
}

static void test_removed_question_is_retired_with_history(void **state)
{
	struct env *e = *state;
	struct course_question *qs;
	struct store_question_totals *t;
	struct dt_error err;
	size_t n;

	answer(e, "q12", false, NOW);
	e->course->n_questions = 11;            /* q12 leaves the content */
	e->course->hash[0] = 'e';
	assert_int_equal(store_sync_course(e->s, e->course, NOW, &e->bank, NULL,
	                                   &err), DT_OK);
	assert_int_equal(store_load_bank(e->s, e->bank, false, &e->arena, &qs, &n,
	                                 &err), DT_OK);
	assert_int_equal(n, 11);
	assert_int_equal(store_load_bank(e->s, e->bank, true, &e->arena, &qs, &n,
	                                 &err), DT_OK);
	assert_int_equal(n, 12);
	assert_int_equal(store_question_totals(e->s, e->bank, &e->arena, &t, &n,
	                                       &err), DT_OK);
	assert_int_equal(n, 11);
	/* It comes back, with its history, when the content has it again. */
	e->course->n_questions = 12;
	e->course->hash[0] = 'd';
	assert_int_equal(store_sync_course(e->s, e->course, NOW, &e->bank, NULL,
	                                   &err), DT_OK);
	assert_int_equal(store_question_totals(e->s, e->bank, &e->arena, &t, &n,
	                                       &err), DT_OK);
	assert_int_equal(n, 12);
	assert_string_equal(t[11].question, "q12");
	assert_int_equal(t[11].answers, 1);
	assert_int_equal(t[11].correct, 0);
}

static void test_imported_bank(void **state)
{
	struct env *e = *state;
	struct store_bank *banks;
	struct course_question *qs;
	struct dt_error err;
	int64_t bank, found;
	size_t n;

	assert_int_equal(store_import_bank(e->s, "gift-week1", "Week 1",
	                                   e->course->questions, 3, NOW, &bank,
	                                   &err), DT_OK);
	assert_true(bank != e->bank);
	assert_int_equal(store_bank_find(e->s, "gift-week1", &found, &err), DT_OK);
	assert_int_equal(found, bank);
	assert_int_equal(store_banks(e->s, &e->arena, &banks, &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(banks[0].name, "course:docker-basics");
	assert_string_equal(banks[0].kind, "course");
	assert_int_equal(banks[0].n_questions, 12);
	assert_string_equal(banks[1].name, "gift-week1");
	assert_string_equal(banks[1].title, "Week 1");
	assert_int_equal(banks[1].n_questions, 3);
	/* Re-importing with fewer questions retires the rest. */
	assert_int_equal(store_import_bank(e->s, "gift-week1", "Week 1",
	                                   e->course->questions, 2, NOW, &bank,
	                                   &err), DT_OK);
	assert_int_equal(store_load_bank(e->s, bank, false, &e->arena, &qs, &n,
	                                 &err), DT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_import_bank(e->s, "course:x", NULL,
	                                   e->course->questions, 1, NOW, &bank,
	                                   &err), DT_ERR_INVALID);
	assert_int_equal(store_bank_find(e->s, "nope", &found, &err),
	                 DT_ERR_NOTFOUND);
}

/* ---- answers, reviews, summaries ---- */

static void test_answers_history_and_mistakes(void **state)
{
	struct env *e = *state;
	struct quiz_history *h;
	const char **ids, **list;
	struct dt_error err;
	size_t n, i;

	answer(e, "q1", true, NOW);
	answer(e, "q2", false, NOW + 10);
	answer(e, "q5", false, NOW + 20);
	answer(e, "q5", true, NOW + 30);        /* fixed since */
	answer(e, "q9", false, NOW + 40);
	assert_int_equal(store_history(e->s, e->learner, e->bank, &e->arena, &ids,
	                               &h, &n, &err), DT_OK);
	assert_int_equal(n, 12);
	for (i = 0; i < n; i++) {
		if (!strcmp(ids[i], "q5")) {
			assert_int_equal(h[i].seen, 2);
			assert_int_equal(h[i].wrong, 1);
			assert_false(h[i].last_wrong);
			assert_int_equal(h[i].last_at, NOW + 30);
		} else if (!strcmp(ids[i], "q2")) {
			assert_true(h[i].last_wrong);
		} else if (!strcmp(ids[i], "q3")) {
			assert_int_equal(h[i].seen, 0);
		}
	}
	assert_int_equal(store_mistakes(e->s, e->learner, e->bank, &e->arena,
	                                &list, &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0], "q9");     /* most recent first */
	assert_string_equal(list[1], "q2");
	assert_int_equal(store_unseen(e->s, e->learner, e->bank, "basics",
	                              &e->arena, &list, &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0], "q3");
	assert_string_equal(list[1], "q4");
	assert_int_equal(store_unseen(e->s, e->learner, e->bank, NULL, &e->arena,
	                              &list, &n, &err), DT_OK);
	assert_int_equal(n, 8);
	{
		struct store_answer a = { e->learner, e->bank, "q99", "", 0, 0, 0, NOW };

		assert_int_equal(store_record_answer(e->s, &a, NULL, &err),
		                 DT_ERR_NOTFOUND);
		assert_string_equal(err.msg, "question 'q99' is not in the question bank");
	}
}

static void test_record_answers_all_or_none(void **state)
{
	struct env *e = *state;
	struct store_answer batch[3] = {
		{ e->learner, e->bank, "q1", "0", true, 1, 10, NOW },
		{ e->learner, e->bank, "q404", "0", true, 1, 10, NOW + 1 },
		{ e->learner, e->bank, "q2", "0", false, 0, 10, NOW + 2 },
	};
	struct store_study_day total;
	struct dt_error err;

	assert_int_equal(store_record_answers(e->s, batch, 3, &err),
	                 DT_ERR_NOTFOUND);
	assert_non_null(strstr(err.msg, "q404"));
	assert_int_equal(store_time_studied(e->s, e->learner, 0, NOW / DAY + 1,
	                                    NULL, NULL, NULL, &total, &err), DT_OK);
	assert_int_equal(total.answers, 0);
	batch[1].question = "q3";
	assert_int_equal(store_record_answers(e->s, batch, 3, &err), DT_OK);
	assert_int_equal(store_time_studied(e->s, e->learner, 0, NOW / DAY + 1,
	                                    NULL, NULL, NULL, &total, &err), DT_OK);
	assert_int_equal(total.answers, 3);
	assert_int_equal(total.correct, 2);
}

static void test_reviews_due_and_forecast(void **state)
{
	struct env *e = *state;
	struct quiz_review r;
	struct dt_error err;
	size_t due, days[5];
	const char *qs[] = { "q1", "q2", "q3" };
	size_t i;

	for (i = 0; i < 3; i++) {
		struct store_answer a = { e->learner, e->bank, qs[i], "0", i != 1,
		                          i != 1, 900, NOW };

		assert_int_equal(store_get_review(e->s, e->learner, e->bank, qs[i], &r,
		                                  &err), DT_OK);
		assert_int_equal(r.state, QUIZ_CARD_NEW);
		quiz_review_update(&r, quiz_rating_for(a.correct), NOW);
		assert_int_equal(store_record_answer(e->s, &a, &r, &err), DT_OK);
	}
	assert_int_equal(store_get_review(e->s, e->learner, e->bank, "q1", &r, &err),
	                 DT_OK);
	assert_int_equal(r.state, QUIZ_CARD_REVIEW);
	assert_int_equal(r.due, NOW + 3 * DAY);     /* first Good: 3 days */
	assert_int_equal(r.reps, 1);
	/* q2 (Again) is due in 1 day, q1 and q3 (Good) in 3. */
	assert_int_equal(store_reviews_due(e->s, e->learner, e->bank, NOW, &due,
	                                   &err), DT_OK);
	assert_int_equal(due, 0);
	assert_int_equal(store_reviews_due(e->s, e->learner, e->bank, NOW + DAY,
	                                   &due, &err), DT_OK);
	assert_int_equal(due, 1);
	assert_int_equal(store_reviews_forecast(e->s, e->learner, e->bank, NOW, 5,
	                                        days, &err), DT_OK);
	assert_int_equal(days[0], 0);
	assert_int_equal(days[1], 1);
	assert_int_equal(days[2], 0);
	assert_int_equal(days[3], 2);
	/* Seen from four days on, everything is overdue: all on day 0. */
	assert_int_equal(store_reviews_forecast(e->s, e->learner, e->bank,
	                                        NOW + 4 * DAY, 5, days, &err), DT_OK);
	assert_int_equal(days[0], 3);
}

static void test_lesson_progress_and_time(void **state)
{
	struct env *e = *state;
	struct store_lesson_progress *p;
	struct store_study_day *days, total;
	struct dt_error err;
	size_t n;

	answer(e, "q1", true, NOW);
	answer(e, "q1", false, NOW + 5);
	answer(e, "q2", true, NOW + 10);
	answer(e, "q9", true, NOW + DAY);
	assert_int_equal(store_mark_read(e->s, e->learner, "basics", "intro", NOW,
	                                 &err), DT_OK);
	assert_int_equal(store_mark_read(e->s, e->learner, "basics", "intro", NOW,
	                                 &err), DT_OK);
	assert_int_equal(store_mark_read(e->s, e->learner, "basics", "run", NOW,
	                                 &err), DT_OK);
	assert_int_equal(store_lesson_progress(e->s, e->learner, e->bank,
	                                       &e->arena, &p, &n, &err), DT_OK);
	assert_int_equal(n, 3);
	assert_string_equal(p[0].lesson, "basics");
	assert_int_equal(p[0].n_questions, 4);
	assert_int_equal(p[0].n_seen, 2);
	assert_int_equal(p[0].n_answers, 3);
	assert_int_equal(p[0].n_correct, 2);
	assert_int_equal(p[0].n_mastered, 1);       /* q1 was last wrong */
	assert_int_equal(p[0].n_sections_read, 2);
	assert_int_equal(p[0].ms, 3 * 1500);
	assert_true(p[0].accuracy > 0.66 && p[0].accuracy < 0.67);
	assert_string_equal(p[2].lesson, "networks");
	assert_int_equal(p[2].n_answers, 1);
	assert_int_equal(p[1].n_answers, 0);
	assert_true(p[1].accuracy == 0.0);

	assert_int_equal(store_time_studied(e->s, e->learner, NOW / DAY,
	                                    NOW / DAY + 7, &e->arena, &days, &n,
	                                    &total, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(days[0].answers, 3);
	assert_int_equal(days[1].answers, 1);
	assert_int_equal(total.answers, 4);
	assert_int_equal(total.correct, 3);
	assert_int_equal(total.ms, 4 * 1500);
}

static void test_reading_position(void **state)
{
	struct env *e = *state;
	const char *section, **read;
	struct dt_error err;
	size_t n;
	int line;

	assert_int_equal(store_get_position(e->s, e->learner, "images", &e->arena,
	                                    &section, &line, &err), DT_OK);
	assert_null(section);
	assert_int_equal(store_set_position(e->s, e->learner, "images", "layers",
	                                    12, NOW, &err), DT_OK);
	assert_int_equal(store_set_position(e->s, e->learner, "images", "tags", 3,
	                                    NOW + 1, &err), DT_OK);
	assert_int_equal(store_get_position(e->s, e->learner, "images", &e->arena,
	                                    &section, &line, &err), DT_OK);
	assert_string_equal(section, "tags");
	assert_int_equal(line, 3);
	assert_int_equal(store_mark_read(e->s, e->learner, "images", "layers", NOW,
	                                 &err), DT_OK);
	assert_int_equal(store_sections_read(e->s, e->learner, "images", &e->arena,
	                                     &read, &n, &err), DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(read[0], "layers");
}

static void set_position(struct env *e, int64_t learner, const char *lesson,
                         const char *section, int depth, int64_t at)
{
	struct dt_error err;

	assert_int_equal(store_set_position(e->s, learner, lesson, section, depth,
	                                    at, &err), DT_OK);
}

/* Asserts the learner's last position. */
static void last_is(struct env *e, int64_t learner, const char *lesson,
                    const char *section, int depth)
{
	const char *l, *sec;
	struct dt_error err;
	int d;

	assert_int_equal(store_last_position(e->s, learner, &e->arena, &l, &sec,
	                                     &d, &err), DT_OK);
	assert_string_equal(l, lesson);
	assert_string_equal(sec, section);
	assert_int_equal(d, depth);
}

/* The position set last, in any lesson: the latest time, and within one
 * second (a stopped clock, a quick move between lessons) the one set
 * after the others; only the learner's own; an import keeps its time. */
static void test_last_position(void **state)
{
	static const char doc[] = "{\"format\":\"dockertutor-progress\","
		"\"version\":1,\"positions\":[{\"lesson\":\"basics\","
		"\"section\":\"intro\",\"line\":42,\"at\":1700000500}]}";
	struct env *e = *state;
	struct store_import_stats st;
	const char *lesson, *section;
	struct dt_error err;
	enum dt_status rc;
	unsigned long n;
	int64_t bob;
	int depth = -1;

	assert_int_equal(store_last_position(e->s, e->learner, &e->arena, &lesson,
	                                     &section, &depth, &err), DT_OK);
	assert_null(lesson);
	assert_null(section);
	assert_int_equal(depth, 0);
	set_position(e, e->learner, "basics", "run", 5000, NOW);
	set_position(e, e->learner, "images", "layers", 100, NOW);
	last_is(e, e->learner, "images", "layers", 100);
	/* The same second, set again: now basics, whose position changed. */
	set_position(e, e->learner, "basics", "intro", STORE_DEPTH_SCALE, NOW);
	last_is(e, e->learner, "basics", "intro", STORE_DEPTH_SCALE);
	/* The same position set again counts as set again. */
	set_position(e, e->learner, "images", "layers", 100, NOW);
	last_is(e, e->learner, "images", "layers", 100);
	/* A time before the latest does not win: time comes first. */
	set_position(e, e->learner, "basics", "run", 7, NOW - 60);
	last_is(e, e->learner, "images", "layers", 100);
	set_position(e, e->learner, "basics", "run", 7, NOW + 1);
	last_is(e, e->learner, "basics", "run", 7);
	/* Another learner's positions are theirs. */
	assert_int_equal(store_learner(e->s, "bob", true, NOW, &bob, &err), DT_OK);
	assert_int_equal(store_last_position(e->s, bob, &e->arena, &lesson,
	                                     &section, &depth, &err), DT_OK);
	assert_null(lesson);
	set_position(e, bob, "images", "tags", 1, NOW + 100);
	last_is(e, e->learner, "basics", "run", 7);
	last_is(e, bob, "images", "tags", 1);
	/* An imported position later than any wins; resetting its lesson
	 * leaves the latest of the others. */
	assert_int_equal(store_import(e->s, e->learner, doc, strlen(doc), &st,
	                              &err), DT_OK);
	assert_int_equal(st.added, 1);
	last_is(e, e->learner, "basics", "intro", 42);
	assert_int_equal(store_reset(e->s, e->learner, "basics", &err), DT_OK);
	last_is(e, e->learner, "images", "layers", 100);
	/* Memory running out at each allocation in turn: a clean error and
	 * nothing half-read. */
	for (n = 1, rc = DT_ERR_NOMEM; rc != DT_OK; n++) {
		struct dt_arena a;

		dt_arena_init(&a);
		dt_alloc_fail_at(n);
		rc = store_last_position(e->s, e->learner, &a, &lesson, &section,
		                         &depth, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			assert_string_equal(section, "layers");
		} else {
			assert_int_equal(rc, DT_ERR_NOMEM);
			assert_null(lesson);
			assert_null(section);
		}
		dt_arena_fini(&a);
		assert_true(n < 100);
	}
	assert_true(n > 2);
}

static void test_exercises(void **state)
{
	struct env *e = *state;
	struct store_exercise_progress *p;
	struct dt_error err;
	size_t n;

	assert_int_equal(store_record_exercise(e->s, e->learner, "non-root-user",
	                                       "production", false, 1, NOW, &err),
	                 DT_OK);
	assert_int_equal(store_record_exercise(e->s, e->learner, "non-root-user",
	                                       "production", true, 2, NOW + 60,
	                                       &err), DT_OK);
	assert_int_equal(store_record_exercise(e->s, e->learner, "non-root-user",
	                                       "production", true, 0, NOW + 90,
	                                       &err), DT_OK);
	assert_int_equal(store_record_exercise(e->s, e->learner, "pin-base",
	                                       "images", false, 0, NOW, &err),
	                 DT_OK);
	assert_int_equal(store_exercise_progress(e->s, e->learner, &e->arena, &p,
	                                         &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].exercise, "non-root-user");
	assert_int_equal(p[0].attempts, 3);
	assert_int_equal(p[0].first_pass, NOW + 60);
	assert_int_equal(p[0].attempts_to_pass, 2);
	assert_int_equal(p[0].hints, 2);
	assert_string_equal(p[1].exercise, "pin-base");
	assert_int_equal(p[1].first_pass, 0);
	assert_int_equal(p[1].attempts_to_pass, 0);
	assert_int_equal(p[1].hints, 0);
}

/* Hints are read before any check: they are recorded on their own, only
 * ever grow, and show in the progress with or without attempts. */
static void test_hints_without_attempts(void **state)
{
	struct env *e = *state;
	struct store_exercise_progress *p;
	struct dt_error err;
	int64_t bob;
	size_t n;

	assert_int_equal(store_record_hint(e->s, e->learner, "pin-base", "images",
	                                   1, NOW, &err), DT_OK);
	assert_int_equal(store_record_hint(e->s, e->learner, "pin-base", "images",
	                                   2, NOW + 5, &err), DT_OK);
	assert_int_equal(store_record_hint(e->s, e->learner, "pin-base", "images",
	                                   1, NOW + 9, &err), DT_OK);
	assert_int_equal(store_record_hint(e->s, e->learner, "pin-base", "images",
	                                   -1, NOW, &err), DT_ERR_INVALID);
	assert_int_equal(store_record_hint(e->s, e->learner, "healthcheck",
	                                   "production", 0, NOW, &err), DT_OK);
	assert_int_equal(store_exercise_progress(e->s, e->learner, &e->arena, &p,
	                                         &n, &err), DT_OK);
	assert_int_equal(n, 1);                 /* none seen is no record */
	assert_string_equal(p[0].exercise, "pin-base");
	assert_string_equal(p[0].lesson, "images");
	assert_int_equal(p[0].attempts, 0);
	assert_int_equal(p[0].hints, 2);

	/* A check with fewer hints keeps the count; one with more raises it. */
	assert_int_equal(store_record_exercise(e->s, e->learner, "pin-base",
	                                       "images", false, 1, NOW + 60, &err),
	                 DT_OK);
	assert_int_equal(store_exercise_progress(e->s, e->learner, &e->arena, &p,
	                                         &n, &err), DT_OK);
	assert_int_equal(p[0].attempts, 1);
	assert_int_equal(p[0].hints, 2);
	assert_int_equal(store_record_exercise(e->s, e->learner, "pin-base",
	                                       "images", true, 3, NOW + 90, &err),
	                 DT_OK);
	assert_int_equal(store_exercise_progress(e->s, e->learner, &e->arena, &p,
	                                         &n, &err), DT_OK);
	assert_int_equal(p[0].attempts, 2);
	assert_int_equal(p[0].attempts_to_pass, 2);
	assert_int_equal(p[0].hints, 3);

	/* Another learner's hints are theirs. */
	assert_int_equal(store_learner(e->s, "bob", true, NOW, &bob, &err), DT_OK);
	assert_int_equal(store_exercise_progress(e->s, bob, &e->arena, &p, &n,
	                                         &err), DT_OK);
	assert_int_equal(n, 0);

	/* Resetting another lesson keeps them, resetting theirs does not. */
	assert_int_equal(store_record_hint(e->s, e->learner, "healthcheck",
	                                   "production", 1, NOW, &err), DT_OK);
	assert_int_equal(store_reset(e->s, e->learner, "basics", &err), DT_OK);
	assert_int_equal(store_exercise_progress(e->s, e->learner, &e->arena, &p,
	                                         &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_int_equal(store_reset(e->s, e->learner, "images", &err), DT_OK);
	assert_int_equal(store_exercise_progress(e->s, e->learner, &e->arena, &p,
	                                         &n, &err), DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(p[0].exercise, "healthcheck");
	assert_int_equal(p[0].hints, 1);
	assert_int_equal(store_reset(e->s, e->learner, NULL, &err), DT_OK);
	assert_int_equal(store_exercise_progress(e->s, e->learner, &e->arena, &p,
	                                         &n, &err), DT_OK);
	assert_int_equal(n, 0);
}

/* ---- attempts ---- */

static int64_t start_exam(struct env *e, struct quiz_paper *paper,
                          uint64_t seed)
{
	const struct course_question *pool[16];
	struct dt_error err;
	int64_t attempt;
	size_t i;

	for (i = 0; i < e->course->n_questions; i++)
		pool[i] = &e->course->questions[i];
	assert_int_equal(quiz_draw_exam(&e->course->blueprints[0], pool,
	                                e->course->n_questions, seed, paper, &err),
	                 DT_OK);
	assert_int_equal(store_start_attempt(e->s, e->learner, e->bank,
	                                     &e->course->blueprints[0], paper, NOW,
	                                     &attempt, &err), DT_OK);
	return attempt;
}

static void test_attempt_lifecycle(void **state)
{
	struct env *e = *state;
	struct quiz_paper paper;
	struct store_attempt a, *list;
	struct store_item *items;
	struct quiz_exam_result res = { .score = 4, .max_score = 6, .passed = true };
	struct dt_error err;
	size_t n, i;
	int64_t id = start_exam(e, &paper, 77);

	assert_int_equal(store_record_response(e->s, id, 0, "0", true, 1, 4000,
	                                       NOW + 10, &err), DT_OK);
	assert_int_equal(store_record_response(e->s, id, 0, "1", false, 0, 2000,
	                                       NOW + 20, &err), DT_OK);
	assert_int_equal(store_flag_item(e->s, id, 3, true, &err), DT_OK);
	assert_int_equal(store_record_response(e->s, id, 6, "0", true, 1, 1, NOW,
	                                       &err), DT_ERR_NOTFOUND);
	assert_int_equal(store_load_attempt(e->s, id, &e->arena, &a, &items, &n,
	                                    &err), DT_OK);
	assert_int_equal(a.status, STORE_ATTEMPT_OPEN);
	assert_int_equal(a.deadline, NOW + 600);
	assert_int_equal(a.seed, 77);
	assert_string_equal(a.exam, "final");
	assert_string_equal(a.learner_name, "ada");
	assert_int_equal(n, 6);
	for (i = 0; i < n; i++) {
		assert_int_equal(items[i].pos, i);
		assert_string_equal(items[i].question, paper.items[i].q->id);
		assert_int_equal(items[i].n_choices, paper.items[i].n_choices);
		assert_memory_equal(items[i].order, paper.items[i].order,
		                    paper.items[i].n_choices);
	}
	assert_string_equal(items[0].response, "1");    /* the later answer */
	assert_false(items[0].correct);
	assert_int_equal(items[0].ms, 6000);
	assert_int_equal(items[0].answered_at, NOW + 20);
	assert_true(items[3].flagged);
	assert_null(items[1].response);
	assert_int_equal(store_open_attempts(e->s, e->learner, &e->arena, &list, &n,
	                                     &err), DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_finish_attempt(e->s, id, STORE_ATTEMPT_SUBMITTED,
	                                      &res, NOW + 300, &err), DT_OK);
	assert_int_equal(store_finish_attempt(e->s, id, STORE_ATTEMPT_EXPIRED,
	                                      &res, NOW + 300, &err), DT_ERR_STATE);
	assert_int_equal(store_record_response(e->s, id, 1, "0", true, 1, 1,
	                                       NOW + 301, &err), DT_ERR_STATE);
	assert_string_equal(err.path, e->db);
	assert_int_equal(store_open_attempts(e->s, e->learner, &e->arena, &list, &n,
	                                     &err), DT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_exam_history(e->s, e->learner, "final", &e->arena,
	                                    &list, &n, &err), DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].status, STORE_ATTEMPT_SUBMITTED);
	assert_true(list[0].score == 4 && list[0].passed);
	assert_int_equal(list[0].finished, NOW + 300);
	assert_int_equal(store_load_attempt(e->s, 999, &e->arena, &a, NULL, NULL,
	                                    &err), DT_ERR_NOTFOUND);
	assert_string_equal(store_attempt_status_name(STORE_ATTEMPT_EXPIRED),
	                    "expired");
	quiz_paper_fini(&paper);
}

static void test_exam_report_covers_every_learner(void **state)
{
	struct env *e = *state;
	struct quiz_paper paper;
	struct store_exam_report rep;
	struct quiz_exam_result res = { .score = 1, .max_score = 6 };
	struct dt_error err;
	int64_t ada = e->learner, bob, id;

	assert_int_equal(store_learner(e->s, "bob", true, NOW, &bob, &err), DT_OK);
	id = start_exam(e, &paper, 1);
	assert_int_equal(store_record_response(e->s, id, 2, "0", true, 1, 10, NOW,
	                                       &err), DT_OK);
	assert_int_equal(store_finish_attempt(e->s, id, STORE_ATTEMPT_EXPIRED, &res,
	                                      NOW + 700, &err), DT_OK);
	quiz_paper_fini(&paper);
	e->learner = bob;
	id = start_exam(e, &paper, 2);
	assert_int_equal(store_finish_attempt(e->s, id, STORE_ATTEMPT_SUBMITTED,
	                                      &res, NOW + 100, &err), DT_OK);
	quiz_paper_fini(&paper);
	start_exam(e, &paper, 3);               /* still open: not reported */
	quiz_paper_fini(&paper);
	e->learner = ada;
	assert_int_equal(store_exam_report(e->s, "final", &e->arena, &rep, &err),
	                 DT_OK);
	assert_int_equal(rep.n, 2);
	assert_string_equal(rep.attempts[0].learner_name, "ada");
	assert_int_equal(rep.attempts[0].status, STORE_ATTEMPT_EXPIRED);
	assert_string_equal(rep.attempts[1].learner_name, "bob");
	assert_int_equal(rep.n_items[0], 6);
	assert_string_equal(rep.items[0][2].response, "0");
	assert_true(rep.items[0][2].correct);
	assert_null(rep.items[1][2].response);
	assert_int_equal(store_exam_report(e->s, "nope", &e->arena, &rep, &err),
	                 DT_OK);
	assert_int_equal(rep.n, 0);
}

/* The exams a report can cover: those with a finished attempt by anyone,
 * each once, by id; open attempts do not count. */
static void test_exams_with_finished_attempts(void **state)
{
	struct env *e = *state;
	struct quiz_paper paper;
	struct quiz_exam_result res = { .score = 1, .max_score = 6 };
	struct course_blueprint bp = e->course->blueprints[0];
	const char **ids;
	struct dt_error err;
	int64_t ada = e->learner, bob, id;
	size_t n;

	assert_int_equal(store_exams(e->s, &e->arena, &ids, &n, &err), DT_OK);
	assert_int_equal(n, 0);
	id = start_exam(e, &paper, 1);          /* open: not yet */
	quiz_paper_fini(&paper);
	assert_int_equal(store_exams(e->s, &e->arena, &ids, &n, &err), DT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_finish_attempt(e->s, id, STORE_ATTEMPT_EXPIRED, &res,
	                                      NOW + 700, &err), DT_OK);
	assert_int_equal(store_learner(e->s, "bob", true, NOW, &bob, &err), DT_OK);
	e->learner = bob;
	id = start_exam(e, &paper, 2);
	assert_int_equal(store_finish_attempt(e->s, id, STORE_ATTEMPT_SUBMITTED,
	                                      &res, NOW + 100, &err), DT_OK);
	/* The same paper under another blueprint id, sat by bob. */
	bp.id = "a-midterm";
	assert_int_equal(store_start_attempt(e->s, bob, e->bank, &bp, &paper, NOW,
	                                     &id, &err), DT_OK);
	assert_int_equal(store_finish_attempt(e->s, id, STORE_ATTEMPT_SUBMITTED,
	                                      &res, NOW + 100, &err), DT_OK);
	quiz_paper_fini(&paper);
	e->learner = ada;
	assert_int_equal(store_exams(e->s, &e->arena, &ids, &n, &err), DT_OK);
	assert_int_equal(n, 2);
	assert_string_equal(ids[0], "a-midterm");
	assert_string_equal(ids[1], "final");
}

/* Daily totals count an exam item once, however often it was answered
 * (a DOMC item logs one answer per option shown; a changed answer logs
 * another): the latest answer decides right or wrong, on its own day, and
 * every answer's time counts.  A rebuild (after a lesson reset) agrees. */
static void test_exam_items_count_once_a_day(void **state)
{
	struct env *e = *state;
	struct store_study_day *days, total;
	struct quiz_paper paper;
	struct dt_error err;
	int64_t id = start_exam(e, &paper, 9);
	int64_t day = NOW / DAY;
	size_t n, i;

	quiz_paper_fini(&paper);
	answer(e, "q1", true, NOW);                         /* practice */
	/* Item 0 as DOMC options: no, no, then the deciding yes. */
	assert_int_equal(store_record_response(e->s, id, 0, "domc:2N", false, 0,
	                                       1000, NOW + 10, &err), DT_OK);
	assert_int_equal(store_record_response(e->s, id, 0, "domc:2N,1N", false, 0,
	                                       2000, NOW + 20, &err), DT_OK);
	assert_int_equal(store_record_response(e->s, id, 0, "domc:2N,1N,0Y", true,
	                                       1, 3000, NOW + 30, &err), DT_OK);
	/* Item 1 right, then changed to wrong the next day. */
	assert_int_equal(store_record_response(e->s, id, 1, "0", true, 1, 4000,
	                                       NOW + 40, &err), DT_OK);
	assert_int_equal(store_record_response(e->s, id, 1, "1", false, 0, 5000,
	                                       NOW + DAY, &err), DT_OK);
	for (i = 0; i < 2; i++) {
		assert_int_equal(store_time_studied(e->s, e->learner, day, day + 1,
		                                    &e->arena, &days, &n, &total,
		                                    &err), DT_OK);
		assert_int_equal(n, 2);
		assert_int_equal(days[0].answers, 2);   /* q1 and item 0 */
		assert_int_equal(days[0].correct, 2);
		assert_int_equal(days[0].ms, 1500 + 1000 + 2000 + 3000 + 4000);
		assert_int_equal(days[1].answers, 1);   /* item 1, changed */
		assert_int_equal(days[1].correct, 0);
		assert_int_equal(days[1].ms, 5000);
		assert_int_equal(total.answers, 3);
		/* Rebuilt from the answers: the same. */
		assert_int_equal(store_reset(e->s, e->learner, "networks", &err),
		                 DT_OK);
	}
}

/* A transaction whose rollback failed (out of memory) stays open on the
 * connection; the next statement rolls it back before it runs, so its
 * half-done change is neither read nor committed later. */
static void test_dangling_transaction_is_rolled_back(void **state)
{
	struct env *e = *state;
	struct store_learner *all;
	struct dt_error err;
	int64_t id;
	size_t n;

	assert_int_equal(sqlite3_exec(e->s->db, "BEGIN; INSERT INTO learner "
	                              "(name, created) VALUES ('ghost', 1)",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_false(sqlite3_get_autocommit(e->s->db));
	assert_int_equal(store_learners(e->s, &e->arena, &all, &n, &err), DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(all[0].name, "ada");
	assert_true(sqlite3_get_autocommit(e->s->db));
	assert_int_equal(store_learner(e->s, "ghost", false, NOW, &id, &err),
	                 DT_ERR_NOTFOUND);
	assert_int_equal(id, 0);
}

/* ---- export, import, reset ---- */

static void fill_progress(struct env *e)
{
	struct quiz_paper paper;
	struct quiz_review r;
	struct dt_error err;
	int64_t id;

	answer(e, "q1", true, NOW);
	answer(e, "q2", false, NOW + 1);
	quiz_review_init(&r);
	quiz_review_update(&r, QUIZ_GOOD, NOW);
	{
		struct store_answer a = { e->learner, e->bank, "q3", "true", 1, 1, 5,
		                          NOW + 2 };

		assert_int_equal(store_record_answer(e->s, &a, &r, &err), DT_OK);
	}
	assert_int_equal(store_mark_read(e->s, e->learner, "basics", "intro", NOW,
	                                 &err), DT_OK);
	assert_int_equal(store_set_position(e->s, e->learner, "basics", "run", 7,
	                                    NOW, &err), DT_OK);
	assert_int_equal(store_record_exercise(e->s, e->learner, "ex1", "basics",
	                                       true, 1, NOW, &err), DT_OK);
	assert_int_equal(store_record_hint(e->s, e->learner, "ex2", "images", 2,
	                                   NOW + 1, &err), DT_OK);
	id = start_exam(e, &paper, 5);
	assert_int_equal(store_record_response(e->s, id, 1, "0", true, 1, 10,
	                                       NOW + 3, &err), DT_OK);
	quiz_paper_fini(&paper);
}

static void test_export_import_round_trip(void **state)
{
	struct env *e = *state;
	struct store_import_stats st;
	struct store_lesson_progress *p;
	struct store_attempt *list;
	struct store_item *items;
	struct store_attempt a;
	struct dt_error err;
	struct dt_buf doc;
	struct store *other;
	char path[320];
	int64_t bank, who;
	size_t n;

	fill_progress(e);
	dt_buf_init(&doc);
	assert_int_equal(store_export(e->s, e->learner, &doc, &err), DT_OK);
	assert_non_null(strstr(doc.data, "\"format\":\"dockertutor-progress\""));

	snprintf(path, sizeof path, "%s/other.db", e->dir);
	assert_int_equal(store_open(path, STORE_CREATE, &other, &err), DT_OK);
	assert_int_equal(store_sync_course(other, e->course, NOW, &bank, NULL, &err),
	                 DT_OK);
	assert_int_equal(store_learner(other, "ada-laptop", true, NOW, &who, &err),
	                 DT_OK);
	assert_int_equal(store_import(other, who, doc.data, doc.len, &st, &err),
	                 DT_OK);
	/* 1 section + 1 position + 3 answers + 1 review + 2 hint records (ex1
	 * with its attempt, ex2 alone) + 1 exercise + 1 attempt */
	assert_int_equal(st.added, 10);
	assert_int_equal(st.duplicates, 0);
	assert_int_equal(st.unknown, 0);
	{
		struct store_exercise_progress *ep;

		assert_int_equal(store_exercise_progress(other, who, &e->arena, &ep,
		                                         &n, &err), DT_OK);
		assert_int_equal(n, 2);
		assert_string_equal(ep[0].exercise, "ex1");
		assert_int_equal(ep[0].attempts, 1);
		assert_int_equal(ep[0].hints, 1);
		assert_string_equal(ep[1].exercise, "ex2");
		assert_int_equal(ep[1].attempts, 0);
		assert_int_equal(ep[1].hints, 2);
	}
	assert_int_equal(store_lesson_progress(other, who, bank, &e->arena, &p, &n,
	                                       &err), DT_OK);
	assert_int_equal(p[0].n_answers, 3);
	assert_int_equal(p[0].n_correct, 2);
	assert_int_equal(p[0].n_sections_read, 1);
	assert_int_equal(store_open_attempts(other, who, &e->arena, &list, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_load_attempt(other, list[0].id, &e->arena, &a, &items,
	                                    &n, &err), DT_OK);
	assert_int_equal(n, 6);
	assert_string_equal(items[1].response, "0");
	/* Importing again adds nothing. */
	assert_int_equal(store_import(other, who, doc.data, doc.len, &st, &err),
	                 DT_OK);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.duplicates, 10);
	assert_int_equal(store_lesson_progress(other, who, bank, &e->arena, &p, &n,
	                                       &err), DT_OK);
	assert_int_equal(p[0].n_answers, 3);
	store_close(other);
	dt_buf_fini(&doc);
}

static void test_import_rejects_bad_documents(void **state)
{
	struct env *e = *state;
	struct store_import_stats st;
	struct dt_error err;
	const char *notjson = "{\"format\": ";
	const char *other = "{\"format\":\"something\",\"version\":1}";
	const char *badtype = "{\"format\":\"dockertutor-progress\",\"version\":1,"
		"\"answers\":[{\"bank\":\"b\",\"question\":\"q\",\"response\":\"\","
		"\"correct\":1,\"score\":1,\"ms\":1,\"at\":1},"
		"{\"bank\":\"b\",\"question\":\"q\",\"response\":\"\","
		"\"correct\":1,\"score\":1,\"ms\":1,\"at\":\"yesterday\"}]}";
	const char *unknown = "{\"format\":\"dockertutor-progress\",\"version\":1,"
		"\"answers\":[{\"bank\":\"course:docker-basics\",\"question\":\"zz\","
		"\"response\":\"\",\"correct\":1,\"score\":1,\"ms\":1,\"at\":1}]}";

	assert_int_equal(store_import(e->s, e->learner, notjson, strlen(notjson),
	                              &st, &err), DT_ERR_SYNTAX);
	assert_string_equal(err.msg, "not a dockertutor progress document: the "
	                    "text is not valid JSON");
	assert_int_equal(store_import(e->s, e->learner, other, strlen(other), &st,
	                              &err), DT_ERR_SYNTAX);
	assert_int_equal(store_import(e->s, e->learner, badtype, strlen(badtype),
	                              &st, &err), DT_ERR_SYNTAX);
	assert_string_equal(err.msg, "entry 2 of answers: 'at' must be integer");
	assert_int_equal(store_import(e->s, e->learner, unknown, strlen(unknown),
	                              &st, &err), DT_OK);
	assert_int_equal(st.unknown, 1);
	assert_int_equal(st.added, 0);
}

/* Documents whose entries have the right JSON types at the top but that
 * the tables cannot hold used to fail half-way through the transaction
 * with a database error; they are malformed documents, refused up front
 * with the entry named, and the learner's progress stays as it was. */
static void test_import_refuses_what_it_cannot_store(void **state)
{
#define DOC "{\"format\":\"dockertutor-progress\",\"version\":1,"
#define ATTEMPT(status, items) "\"attempts\":[{\"exam\":\"final\"," \
	"\"title\":\"T\",\"bank\":\"course:docker-basics\",\"seed\":1," \
	"\"presentation\":\"standard\",\"pass_mark\":65,\"started\":1," \
	"\"deadline\":2,\"status\":\"" status "\",\"items\":[" items "]," \
	"\"log\":[]}]}"
#define ITEM(pos) "{" pos "\"question\":\"q1\",\"order\":\"0,1\"," \
	"\"domc_extra\":0,\"flagged\":0,\"ms\":0}"
	static const struct {
		const char *doc, *msg;
	} cases[] = {
		{ DOC ATTEMPT("open", ITEM("")),
		  "entry 1 of attempts, entry 1 of items: 'pos' must be integer" },
		{ DOC ATTEMPT("paused", ITEM("\"pos\":0,")),
		  "entry 1 of attempts: 'status' must be \"open\", \"submitted\" "
		  "or \"expired\"" },
		{ DOC ATTEMPT("open", ITEM("\"pos\":0,") "," ITEM("\"pos\":0,")),
		  "entry 1 of attempts: two items have 'pos' 0" },
		{ DOC "\"answers\":\"x\"}", "'answers' must be an array" },
		{ DOC "\"answers\":[\"x\"]}", "entry 1 of answers must be an object" },
		{ DOC "\"sections\":[{\"lesson\":\"basics\",\"section\":\"intro\","
		  "\"at\":170000000000000000000}]}",
		  "entry 1 of sections: 'at' must be integer" },
	};
#undef ITEM
#undef ATTEMPT
#undef DOC
	struct env *e = *state;
	struct store_import_stats st;
	struct dt_buf before, after;
	struct dt_error err;
	size_t i;

	fill_progress(e);
	dt_buf_init(&before);
	dt_buf_init(&after);
	assert_int_equal(store_export(e->s, e->learner, &before, &err), DT_OK);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(store_import(e->s, e->learner, cases[i].doc,
		                              strlen(cases[i].doc), &st, &err),
		                 DT_ERR_SYNTAX);
		assert_string_equal(err.msg, cases[i].msg);
		dt_buf_reset(&after);
		assert_int_equal(store_export(e->s, e->learner, &after, &err), DT_OK);
		assert_string_equal(after.data, before.data);
	}
	dt_buf_fini(&before);
	dt_buf_fini(&after);
}

static void test_reset(void **state)
{
	struct env *e = *state;
	struct store_lesson_progress *p;
	struct store_attempt *list;
	struct store_study_day total;
	const char **read;
	struct dt_error err;
	size_t n, due;

	fill_progress(e);
	answer(e, "q9", true, NOW);
	assert_int_equal(store_reset(e->s, e->learner, "basics", &err), DT_OK);
	assert_int_equal(store_lesson_progress(e->s, e->learner, e->bank,
	                                       &e->arena, &p, &n, &err), DT_OK);
	assert_int_equal(p[0].n_answers, 0);
	assert_int_equal(p[0].n_sections_read, 0);
	assert_int_equal(p[2].n_answers, 1);    /* networks kept */
	assert_int_equal(store_reviews_due(e->s, e->learner, e->bank, NOW + 99 * DAY,
	                                   &due, &err), DT_OK);
	assert_int_equal(due, 0);
	assert_int_equal(store_sections_read(e->s, e->learner, "basics", &e->arena,
	                                     &read, &n, &err), DT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_open_attempts(e->s, e->learner, &e->arena, &list, &n,
	                                     &err), DT_OK);
	assert_int_equal(n, 1);                 /* exams are not a lesson's */
	assert_int_equal(store_time_studied(e->s, e->learner, 0, NOW / DAY + 1,
	                                    NULL, NULL, NULL, &total, &err), DT_OK);
	assert_int_equal(total.answers, 2);     /* q9 and the exam answer */

	/* The class-wide totals follow: q1's answers are gone, q9's stay. */
	{
		struct store_question_totals *t;

		assert_int_equal(store_question_totals(e->s, e->bank, &e->arena, &t,
		                                       &n, &err), DT_OK);
		assert_string_equal(t[0].question, "q1");
		assert_int_equal(t[0].answers, 0);
		assert_int_equal(t[0].learners, 0);
		assert_string_equal(t[8].question, "q9");
		assert_int_equal(t[8].answers, 1);
		assert_int_equal(t[8].learners, 1);
	}
	assert_int_equal(store_reset(e->s, e->learner, NULL, &err), DT_OK);
	assert_int_equal(store_lesson_progress(e->s, e->learner, e->bank,
	                                       &e->arena, &p, &n, &err), DT_OK);
	assert_int_equal(p[2].n_answers, 0);
	assert_int_equal(store_open_attempts(e->s, e->learner, &e->arena, &list, &n,
	                                     &err), DT_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_time_studied(e->s, e->learner, 0, NOW / DAY + 1,
	                                    NULL, NULL, NULL, &total, &err), DT_OK);
	assert_int_equal(total.answers, 0);
}

/* ---- allocation failure ---- */

/* store_open fed the N-th allocation failing (inside SQLite too), for
 * N = 1, 2, ... until it succeeds: each time a clean error, nothing
 * leaked (ASan and valgrind watch), and the file still usable after. */
static void open_until_success(const char *path, unsigned flags,
                               unsigned long stride)
{
	struct store *s = NULL;
	struct dt_error err;
	enum dt_status rc = DT_ERR_NOMEM;
	unsigned long n;

	for (n = 1; rc != DT_OK; n += stride) {
		dt_alloc_fail_at(n);
		rc = store_open(path, flags, &s, &err);
		dt_alloc_fail_at(0);
		if (rc != DT_OK) {
			assert_null(s);
			if (rc != DT_ERR_NOMEM)
				fail_msg("allocation %lu: %s: %s (%s)", n, err.path, err.msg,
				         dt_status_str(rc));
		}
		assert_true(n < 100000);
	}
	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	assert_int_equal(store_check(s, &err), DT_OK);
	store_close(s);
}

static void test_open_fault_injection(void **state)
{
	struct env *e = *state;
	char path[320];

	/* An existing database, every allocation ... */
	open_until_success(e->db, 0, 1);
	/* ... and a new one, created and migrated (a failed attempt may leave
	 * a partly created file behind: the next attempt must cope). */
	snprintf(path, sizeof path, "%s/fresh/new.db", e->dir);
	open_until_success(path, STORE_CREATE, 17);
}

/* Reading a bank back and importing a document, with the N-th allocation
 * failing for N = 1, 2, ... (every fifth N for the import, which makes
 * thousands): a clean error each time and, for the import, nothing
 * half-written (the first success adds everything, once). */
static void test_loaders_fault_injection(void **state)
{
	struct env *e = *state;
	struct store_import_stats st;
	struct course_question *qs;
	struct dt_error err;
	struct dt_buf doc;
	enum dt_status rc = DT_ERR_NOMEM;
	unsigned long n;
	int64_t other;
	size_t count;

	for (n = 1; rc != DT_OK; n++) {
		struct dt_arena a;

		dt_arena_init(&a);
		dt_alloc_fail_at(n);
		rc = store_load_bank(e->s, e->bank, true, &a, &qs, &count, &err);
		dt_alloc_fail_at(0);
		if (rc != DT_OK && rc != DT_ERR_NOMEM)
			fail_msg("allocation %lu: %s (%s)", n, err.msg, dt_status_str(rc));
		if (rc == DT_OK)
			assert_int_equal(count, 12);
		dt_arena_fini(&a);
	}
	fill_progress(e);
	dt_buf_init(&doc);
	assert_int_equal(store_export(e->s, e->learner, &doc, &err), DT_OK);
	assert_int_equal(store_learner(e->s, "copy", true, NOW, &other, &err),
	                 DT_OK);
	/* SQLite may report a failed allocation inside a statement as a
	 * generic error: still a clean failure with nothing written. */
	for (rc = DT_ERR_NOMEM, n = 1; rc != DT_OK; n += 5) {
		dt_alloc_fail_at(n);
		rc = store_import(e->s, other, doc.data, doc.len, &st, &err);
		dt_alloc_fail_at(0);
		if (rc != DT_OK && rc != DT_ERR_NOMEM && rc != DT_ERR_DB)
			fail_msg("allocation %lu: %s (%s)", n, err.msg, dt_status_str(rc));
		assert_true(n < 100000);
	}
	assert_int_equal(st.added, 10);
	assert_int_equal(st.duplicates, 0);
	dt_buf_fini(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_open_creates_private_file),
		T(test_open_shared_and_missing),
		T(test_default_path),
		T(test_learners),
		T(test_sync_is_cheap_when_unchanged),
		T(test_load_bank_round_trip),
		T(test_removed_question_is_retired_with_history),
		T(test_imported_bank),
		T(test_answers_history_and_mistakes),
		T(test_record_answers_all_or_none),
		T(test_reviews_due_and_forecast),
		T(test_lesson_progress_and_time),
		T(test_reading_position),
		T(test_last_position),
		T(test_exercises),
		T(test_hints_without_attempts),
		T(test_attempt_lifecycle),
		T(test_exam_report_covers_every_learner),
		T(test_exams_with_finished_attempts),
		T(test_exam_items_count_once_a_day),
		T(test_dangling_transaction_is_rolled_back),
		T(test_export_import_round_trip),
		T(test_import_rejects_bad_documents),
		T(test_import_refuses_what_it_cannot_store),
		T(test_reset),
		T(test_open_fault_injection),
		T(test_loaders_fault_injection),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
