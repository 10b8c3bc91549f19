/* Unit tests for the store under real processes: a learner's program killed
 * with SIGKILL in the middle of an exam loses no given answer and the
 * attempt resumes (or, past its deadline, is submitted with what was
 * answered); twenty processes answering at once lose nothing and never see
 * "database is locked"; twenty first runs at once create one database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dockertutor/store.h"
#include "fixture_quiz.h"

#define NOW 1700000000
#define WRITERS 20
#define ANSWERS_EACH 100
#define WAIT_MS 60000        /* generous cap on waiting for a child */

struct env {
	char dir[256];
	char db[320];
	struct course *course;
	int64_t bank;
	struct dt_arena arena;
};

static int setup(void **state)
{
	struct env *e = calloc(1, sizeof *e);
	struct store *s;
	struct dt_error err;

	if (!e || !fixture_tmpdir(e->dir, sizeof e->dir))
		return -1;
	snprintf(e->db, sizeof e->db, "%s/class.db", e->dir);
	e->course = fixture_course_new();
	dt_arena_init(&e->arena);
	/* Set up, then close: connections must not cross fork(). */
	if (store_open(e->db, STORE_CREATE | STORE_SHARED, &s, &err) != DT_OK ||
	    store_sync_course(s, e->course, NOW, &e->bank, NULL, &err) != DT_OK)
		return -1;
	store_close(s);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	fixture_course_free(e->course);
	dt_arena_fini(&e->arena);
	fixture_rmtree(e->dir);
	free(e);
	return 0;
}

/* In a child: report failure through the exit status (no cmocka here). */
static void child_check(enum dt_status rc, const struct dt_error *err, int code)
{
	if (rc == DT_OK)
		return;
	fprintf(stderr, "child: %s: %s (%s)\n", err->path, err->msg,
	        dt_status_str(rc));
	_exit(code);
}

/* Reads exactly len bytes, waiting at most WAIT_MS for each. */
static bool read_within(int fd, void *buf, size_t len)
{
	unsigned char *p = buf;

	while (len > 0) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		ssize_t n;

		if (poll(&pfd, 1, WAIT_MS) <= 0)
			return false;
		n = read(fd, p, len);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

struct report {
	int64_t attempt;
	int answered;
};

#define GIVEN 4     /* answers the child gives before it is killed */

/* The child: starts the exam, answers GIVEN items (item i gets response
 * "i"... in the stored form of its question), reports after each, then
 * waits to be killed. */
static void exam_child(struct env *e, int report_fd)
{
	const struct course_question *pool[16];
	struct quiz_paper paper;
	struct report rep;
	struct store *s;
	struct dt_error err;
	int64_t learner;
	size_t i;

	memset(&rep, 0, sizeof rep);    /* padding too: it goes down a pipe */
	child_check(store_open(e->db, 0, &s, &err), &err, 10);
	child_check(store_learner(s, "ada", true, NOW, &learner, &err), &err, 11);
	for (i = 0; i < e->course->n_questions; i++)
		pool[i] = &e->course->questions[i];
	child_check(quiz_draw_exam(&e->course->blueprints[0], pool,
	                           e->course->n_questions, 99, &paper, &err),
	            &err, 12);
	child_check(store_start_attempt(s, learner, e->bank,
	                                &e->course->blueprints[0], &paper, NOW,
	                                &rep.attempt, &err), &err, 13);
	for (i = 0; i < GIVEN; i++) {
		char resp[32];

		snprintf(resp, sizeof resp, "answer-%zu", i);
		child_check(store_record_response(s, rep.attempt, i, resp, i % 2 == 0,
		                                  i % 2 == 0, 1000, NOW + 10 + (int64_t)i,
		                                  &err), &err, 14);
		rep.answered = (int)i + 1;
		if (write(report_fd, &rep, sizeof rep) != (ssize_t)sizeof rep)
			_exit(15);
	}
	for (;;)
		pause();        /* killed here, connection open */
}

static void test_kill_during_exam_keeps_answers(void **state)
{
	struct env *e = *state;
	struct report rep = { 0, 0 };
	struct store *s;
	struct store_attempt a, *open;
	struct store_item *items;
	struct dt_error err;
	int fds[2], status;
	size_t n, i;
	pid_t pid;
	int64_t learner;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		exam_child(e, fds[1]);
	}
	close(fds[1]);
	while (rep.answered < GIVEN)
		assert_true(read_within(fds[0], &rep, sizeof rep));
	close(fds[0]);
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

	/* Reopen as the next run of the program would. */
	assert_int_equal(store_open(e->db, 0, &s, &err), DT_OK);
	assert_int_equal(store_learner(s, "ada", false, NOW, &learner, &err), DT_OK);
	assert_int_equal(store_open_attempts(s, learner, &e->arena, &open, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(open[0].id, rep.attempt);
	assert_int_equal(store_load_attempt(s, rep.attempt, &e->arena, &a, &items,
	                                    &n, &err), DT_OK);
	assert_int_equal(n, 6);
	for (i = 0; i < GIVEN; i++) {
		char want[32];

		snprintf(want, sizeof want, "answer-%zu", i);
		assert_non_null(items[i].response);
		assert_string_equal(items[i].response, want);
		assert_int_equal(items[i].correct, i % 2 == 0);
	}
	assert_null(items[GIVEN].response);

	/* Still within the time limit: the attempt resumes. */
	assert_false(quiz_attempt_expired(a.deadline, NOW + 60));
	assert_int_equal(store_record_response(s, rep.attempt, GIVEN, "late", true,
	                                       1, 500, NOW + 60, &err), DT_OK);

	/* Reopened after the deadline: submitted with what was answered. */
	{
		struct quiz_paper paper = { 0 };
		struct quiz_result res[6];
		bool answered[6];
		struct quiz_exam_result total;
		struct store_item *now_items;
		const struct course_question *q[6];

		assert_true(quiz_attempt_expired(a.deadline, NOW + 601));
		assert_int_equal(store_load_attempt(s, rep.attempt, &e->arena, &a,
		                                    &now_items, &n, &err), DT_OK);
		paper.items = calloc(n, sizeof *paper.items);
		paper.n_items = n;
		for (i = 0; i < n; i++) {
			q[i] = fixture_question(e->course, now_items[i].question);
			paper.items[i].q = q[i];
			res[i] = (struct quiz_result){ .correct = now_items[i].correct,
			                               .score = now_items[i].score };
			answered[i] = now_items[i].response != NULL;
		}
		assert_int_equal(quiz_exam_tally(&paper, res, answered,
		                                 a.pass_mark_pct, &total, &err), DT_OK);
		assert_int_equal(total.n_answered, GIVEN + 1);
		assert_int_equal(total.n_correct, 3);   /* items 0, 2 and 4 */
		assert_int_equal(store_finish_attempt(s, rep.attempt,
		                                      STORE_ATTEMPT_EXPIRED, &total,
		                                      NOW + 601, &err), DT_OK);
		quiz_exam_result_fini(&total);
		free(paper.items);
	}
	assert_int_equal(store_load_attempt(s, rep.attempt, &e->arena, &a, NULL,
	                                    NULL, &err), DT_OK);
	assert_int_equal(a.status, STORE_ATTEMPT_EXPIRED);
	assert_true(a.score == 3.0);
	store_close(s);
}

/* One writer: its own learner, ANSWERS_EACH answers with review updates,
 * each in its own transaction, starting when the parent says go. */
static void writer_child(struct env *e, int id, int go_fd)
{
	struct store *s;
	struct dt_error err;
	char name[32], c;
	int64_t learner;
	int i;

	snprintf(name, sizeof name, "student%02d", id);
	if (read(go_fd, &c, 1) < 0)
		_exit(20);
	child_check(store_open(e->db, 0, &s, &err), &err, 21);
	child_check(store_learner(s, name, true, NOW, &learner, &err), &err, 22);
	for (i = 0; i < ANSWERS_EACH; i++) {
		const struct course_question *q =
			&e->course->questions[(size_t)(i + id) % e->course->n_questions];
		struct store_answer a = { learner, e->bank, q->id, "0", i % 3 != 0,
		                          i % 3 != 0, 700, NOW + i };
		struct quiz_review r;

		child_check(store_get_review(s, learner, e->bank, q->id, &r, &err),
		            &err, 23);
		quiz_review_update(&r, quiz_rating_for(a.correct), a.at);
		child_check(store_record_answer(s, &a, &r, &err), &err, 24);
	}
	store_close(s);
	_exit(0);
}

static void test_twenty_writers_lose_nothing(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct store_learner *learners;
	struct store_question_totals *t;
	struct store_study_day total;
	struct dt_error err;
	pid_t pids[WRITERS];
	int go[2], i, status;
	size_t n, k, sum = 0;

	assert_int_equal(pipe(go), 0);
	for (i = 0; i < WRITERS; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			close(go[1]);
			writer_child(e, i, go[0]);
		}
	}
	close(go[0]);
	close(go[1]);           /* everyone starts at once */
	for (i = 0; i < WRITERS; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fail_msg("writer %d failed (status %d)", i, status);
	}
	assert_int_equal(store_open(e->db, 0, &s, &err), DT_OK);
	assert_int_equal(store_learners(s, &e->arena, &learners, &n, &err), DT_OK);
	assert_int_equal(n, WRITERS);
	for (k = 0; k < n; k++) {
		assert_int_equal(store_time_studied(s, learners[k].id, 0, NOW / 86400 + 1,
		                                    NULL, NULL, NULL, &total, &err),
		                 DT_OK);
		assert_int_equal(total.answers, ANSWERS_EACH);
	}
	assert_int_equal(store_question_totals(s, e->bank, &e->arena, &t, &n, &err),
	                 DT_OK);
	for (k = 0; k < n; k++) {
		sum += t[k].answers;
		assert_int_equal(t[k].learners, WRITERS);
	}
	assert_int_equal(sum, WRITERS * ANSWERS_EACH);
	assert_int_equal(store_check(s, &err), DT_OK);
	store_close(s);
}

/* Twenty programs started at once on a database that does not exist yet:
 * one creates it, the migrations and the course sync run once, and every
 * one of them gets to work. */
static void first_open_child(struct env *e, const char *db, int id, int go_fd)
{
	struct store *s;
	struct dt_error err;
	char name[32], c;
	int64_t bank, learner;
	bool changed;

	snprintf(name, sizeof name, "late%02d", id);
	if (read(go_fd, &c, 1) < 0)
		_exit(30);
	child_check(store_open(db, STORE_CREATE, &s, &err), &err, 31);
	child_check(store_sync_course(s, e->course, NOW, &bank, &changed, &err),
	            &err, 32);
	child_check(store_learner(s, name, true, NOW, &learner, &err), &err, 33);
	{
		struct store_answer a = { learner, bank, "q1", "0", true, 1, 5, NOW };

		child_check(store_record_answer(s, &a, NULL, &err), &err, 34);
	}
	store_close(s);
	_exit(changed ? 1 : 0);
}

static void test_twenty_first_opens(void **state)
{
	struct env *e = *state;
	struct store *s;
	struct store_bank *banks;
	struct store_learner *learners;
	struct store_question_totals *t;
	struct dt_error err;
	pid_t pids[WRITERS];
	int go[2], i, status, synced = 0;
	char db[400];
	size_t n;

	snprintf(db, sizeof db, "%s/fresh/first.db", e->dir);
	assert_int_equal(pipe(go), 0);
	for (i = 0; i < WRITERS; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			close(go[1]);
			first_open_child(e, db, i, go[0]);
		}
	}
	close(go[0]);
	close(go[1]);
	for (i = 0; i < WRITERS; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
			fail_msg("opener %d failed (status %d)", i, status);
		synced += WEXITSTATUS(status);
	}
	assert_int_equal(synced, 1);            /* one process wrote the bank */
	assert_int_equal(store_open(db, 0, &s, &err), DT_OK);
	assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
	assert_int_equal(store_banks(s, &e->arena, &banks, &n, &err), DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(banks[0].n_questions, 12);
	assert_int_equal(store_learners(s, &e->arena, &learners, &n, &err), DT_OK);
	assert_int_equal(n, WRITERS);
	assert_int_equal(store_question_totals(s, banks[0].id, &e->arena, &t, &n,
	                                       &err), DT_OK);
	assert_int_equal(t[0].answers, WRITERS);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kill_during_exam_keeps_answers,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_twenty_writers_lose_nothing,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_twenty_first_opens,
		                                setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
