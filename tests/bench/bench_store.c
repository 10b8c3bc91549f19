/* make bench: the store's figures against their targets: answers committed
 * per second with one writer and with twenty writer processes on one
 * database, and progress statistics over a database of 1,000,000 answers.
 * Prints figures; never fails on time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dockertutor/store.h"
#include "../unit/fixture_quiz.c"

#define NOW 1700000000
#define QUESTIONS 1000
#define LESSONS 10
#define ONE_WRITER 2000
#define WRITERS 20
#define EACH 500
#define VOLUME 1000000
#define VOLUME_LEARNERS 50
#define RUNS 30

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, const struct dt_error *err)
{
	fprintf(stderr, "bench_store: %s: %s: %s\n", what, err->path, err->msg);
	exit(1);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One answer as the application commits it: read the review state, update
 * it, store answer and review in one transaction. */
static void answer_once(struct store *s, const struct course *c, int64_t bank,
                        int64_t learner, int i)
{
	const struct course_question *q = &c->questions[(size_t)i % c->n_questions];
	struct store_answer a = { learner, bank, q->id, "0", i % 3 != 0,
	                          i % 3 != 0, 800, NOW + i };
	struct quiz_review r;
	struct dt_error err;

	if (store_get_review(s, learner, bank, q->id, &r, &err) != DT_OK)
		die("review", &err);
	quiz_review_update(&r, quiz_rating_for(a.correct), a.at);
	if (store_record_answer(s, &a, &r, &err) != DT_OK)
		die("answer", &err);
}

static void writer(const char *db, const struct course *c, int64_t bank,
                   int id, int go_fd, int ready_fd)
{
	struct store *s;
	struct dt_error err;
	char name[32], ch;
	int64_t learner;
	int i;

	snprintf(name, sizeof name, "writer%02d", id);
	if (store_open(db, 0, &s, &err) != DT_OK)
		die("open", &err);
	if (store_learner(s, name, true, NOW, &learner, &err) != DT_OK)
		die("learner", &err);
	if (write(ready_fd, "r", 1) != 1 || read(go_fd, &ch, 1) < 0)
		_exit(1);
	for (i = 0; i < EACH; i++)
		answer_once(s, c, bank, learner, i + id);
	store_close(s);
	_exit(0);
}

static void bench_writers(const char *db, const struct course *c, int64_t bank)
{
	pid_t pids[WRITERS];
	int go[2], ready[2], i, status, failed = 0;
	double t0;
	char ch;

	if (pipe(go) != 0 || pipe(ready) != 0)
		exit(1);
	for (i = 0; i < WRITERS; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(go[1]);
			close(ready[0]);
			writer(db, c, bank, i, go[0], ready[1]);
		}
	}
	close(go[0]);
	close(ready[1]);
	/* Start the clock once every writer has its database open. */
	for (i = 0; i < WRITERS; i++)
		if (read(ready[0], &ch, 1) != 1)
			failed++;
	close(ready[0]);
	t0 = now_ms();
	close(go[1]);
	for (i = 0; i < WRITERS; i++)
		if (waitpid(pids[i], &status, 0) != pids[i] || status != 0)
			failed++;
	t0 = now_ms() - t0;
	printf("  %-44s %8.0f answers/s  (target >= 2,000)%s\n",
	       "answers committed, 20 writer processes",
	       WRITERS * EACH / t0 * 1e3, failed ? "  SOME WRITERS FAILED" : "");
}

static void load_volume(struct store *s, const struct course *c, int64_t bank,
                        int64_t *learners)
{
	enum { BATCH = 20000 };
	struct store_answer *batch = calloc(BATCH, sizeof *batch);
	struct dt_error err;
	double t0 = now_ms();
	size_t i, k;

	for (i = 0; i < VOLUME_LEARNERS; i++) {
		char name[32];

		snprintf(name, sizeof name, "student%02zu", i);
		if (store_learner(s, name, true, NOW, &learners[i], &err) != DT_OK)
			die("learner", &err);
	}
	for (i = 0; i < VOLUME; i += BATCH) {
		for (k = 0; k < BATCH; k++) {
			size_t n = i + k;

			batch[k] = (struct store_answer){
				learners[n % VOLUME_LEARNERS], bank,
				c->questions[n / VOLUME_LEARNERS % c->n_questions].id, "1",
				n % 4 != 0, n % 4 != 0, 1000, NOW + (int64_t)(n / 200),
			};
		}
		if (store_record_answers(s, batch, BATCH, &err) != DT_OK)
			die("volume", &err);
	}
	printf("  %-44s %8.1f s  (%.0f answers/s in batches)\n",
	       "loading 1,000,000 answers", (now_ms() - t0) / 1e3,
	       VOLUME / (now_ms() - t0) * 1e3);
	free(batch);
}

typedef enum dt_status query_fn(struct store *s, int64_t bank,
                                int64_t learner, struct dt_arena *a,
                                struct dt_error *err);

static enum dt_status q_progress(struct store *s, int64_t bank, int64_t learner,
                                 struct dt_arena *a, struct dt_error *err)
{
	struct store_lesson_progress *p;
	size_t n;

	return store_lesson_progress(s, learner, bank, a, &p, &n, err);
}

static enum dt_status q_history(struct store *s, int64_t bank, int64_t learner,
                                struct dt_arena *a, struct dt_error *err)
{
	struct quiz_history *h;
	const char **ids;
	size_t n;

	return store_history(s, learner, bank, a, &ids, &h, &n, err);
}

static enum dt_status q_totals(struct store *s, int64_t bank, int64_t learner,
                               struct dt_arena *a, struct dt_error *err)
{
	struct store_question_totals *t;
	size_t n;

	(void)learner;
	return store_question_totals(s, bank, a, &t, &n, err);
}

static enum dt_status q_time(struct store *s, int64_t bank, int64_t learner,
                             struct dt_arena *a, struct dt_error *err)
{
	struct store_study_day total;

	(void)bank;
	(void)a;
	return store_time_studied(s, learner, 0, NOW / 86400 + 100, NULL, NULL,
	                          NULL, &total, err);
}

static void bench_query(struct store *s, int64_t bank, int64_t learner,
                        query_fn *fn, const char *what)
{
	static double t[RUNS];
	struct dt_error err;
	int i;

	for (i = 0; i < RUNS; i++) {
		struct dt_arena a;
		double t0;

		dt_arena_init(&a);
		t0 = now_ms();
		if (fn(s, bank, learner, &a, &err) != DT_OK)
			die(what, &err);
		t[i] = now_ms() - t0;
		dt_arena_fini(&a);
	}
	qsort(t, RUNS, sizeof *t, cmp_double);
	printf("  %-44s median %8.3f ms  worst %8.3f ms  (target <= 20 ms)\n",
	       what, t[RUNS / 2], t[RUNS - 1]);
}

int main(void)
{
	struct course *c = fixture_course_big(QUESTIONS, LESSONS);
	int64_t learners[VOLUME_LEARNERS], bank, learner;
	struct store *s;
	struct dt_error err;
	char dir[256], db[320], big[320];
	double t0;
	int i;

	if (!c || !fixture_tmpdir(dir, sizeof dir))
		return 1;
	snprintf(db, sizeof db, "%s/bench.db", dir);
	snprintf(big, sizeof big, "%s/volume.db", dir);
	printf("bench_store: SQLite store (WAL), %d questions\n", QUESTIONS);

	if (store_open(db, STORE_CREATE, &s, &err) != DT_OK ||
	    store_sync_course(s, c, NOW, &bank, NULL, &err) != DT_OK ||
	    store_learner(s, "solo", true, NOW, &learner, &err) != DT_OK)
		die("setup", &err);
	t0 = now_ms();
	for (i = 0; i < ONE_WRITER; i++)
		answer_once(s, c, bank, learner, i);
	t0 = now_ms() - t0;
	printf("  %-44s %8.0f answers/s  (target >= 2,000 with 20 writers)\n",
	       "answers committed, 1 writer", ONE_WRITER / t0 * 1e3);
	store_close(s);
	bench_writers(db, c, bank);

	if (store_open(big, STORE_CREATE, &s, &err) != DT_OK ||
	    store_sync_course(s, c, NOW, &bank, NULL, &err) != DT_OK)
		die("setup", &err);
	load_volume(s, c, bank, learners);
	bench_query(s, bank, learners[7], q_progress,
	            "per-lesson progress of one learner");
	bench_query(s, bank, learners[7], q_history,
	            "practice history of one learner");
	bench_query(s, bank, learners[7], q_time, "time studied of one learner");
	bench_query(s, bank, learners[7], q_totals,
	            "per-question totals of the whole class");
	store_close(s);
	fixture_rmtree(dir);
	fixture_course_free(c);
	return 0;
}
