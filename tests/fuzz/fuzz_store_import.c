/* Fuzz target: importing a progress document (store_import) into a
 * database where two learners already have progress of every kind.
 *
 * The database is a temporary file made once per process (the store opens
 * files only, in WAL mode).  Most inputs are rejected, and a rejected
 * import is one rolled-back transaction, so nothing needs resetting; after
 * an accepted one the learner is reset and the baseline imported again.
 * Invariants:
 *   - a rejected document is DT_ERR_SYNTAX with a message, and leaves the
 *     learner's progress exactly as it was (no half-written import);
 *   - an accepted document imported twice adds nothing the second time,
 *     never touches the other learner, and every reader of the store
 *     (progress, history, attempts, reports) copes with what it brought;
 *   - the learner's export after it imports back into an empty profile to
 *     the same export. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dockertutor/store.h"

#define NOW 1700000000

static struct course_choice single_choices[] = {
	{"namespaces", NULL, true}, {"cgroups", NULL, false},
	{"a hypervisor", NULL, false},
};
static struct course_choice multiple_choices[] = {
	{"-p", NULL, true}, {"--publish", NULL, true}, {"--expose", NULL, false},
	{"-P is not one", NULL, false},
};
static const char *fill_answers[] = {"-d", "--detach"};

#define QUESTION(qid, lesson, qtype) .id = qid, .lesson_id = lesson, \
	.section_id = "intro", .type = qtype, .difficulty = 2, .stem = "?", \
	.pos = {"questions.yaml", 1, 3}

static struct course_question questions[] = {
	{ QUESTION("q1", "basics", COURSE_Q_SINGLE), .choices = single_choices,
	  .n_choices = 3 },
	{ QUESTION("q2", "basics", COURSE_Q_MULTIPLE),
	  .choices = multiple_choices, .n_choices = 4 },
	{ QUESTION("q3", "images", COURSE_Q_TRUEFALSE), .answer = true },
	{ QUESTION("q4", "images", COURSE_Q_FILL), .answers = fill_answers,
	  .n_answers = 2 },
};

#define N_QUESTIONS (sizeof questions / sizeof questions[0])

static struct course_draw draws[] = {{ .lesson_id = "basics", .count = 2 }};

static struct course_blueprint blueprints[] = {
	{ .id = "final", .title = "Final practice exam", .time_limit_s = 600,
	  .pass_mark_pct = 65, .draws = draws, .n_draws = 1 },
	{ .id = "dca", .title = "DCA style", .time_limit_s = 900,
	  .pass_mark_pct = 70, .presentation = COURSE_PRESENT_DOMC,
	  .draws = draws, .n_draws = 1 },
};

static struct {
	char dir[512];
	char db[544];
	struct store *s;
	int64_t bank, alice, bob;
	struct dt_buf alice_doc, bob_doc;
} env;

#define MUST(call) do { if ((call) != DT_OK) abort(); } while (0)

static void cleanup(void)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char path[560];
	size_t i;

	store_close(env.s);
	for (i = 0; i < 3; i++)
		if (dt_snprintf(path, sizeof path, "%s%s", env.db, suffixes[i]))
			(void)unlink(path);
	(void)rmdir(env.dir);
	dt_buf_fini(&env.alice_doc);
	dt_buf_fini(&env.bob_doc);
}

static void export(int64_t learner, struct dt_buf *out)
{
	struct dt_error err;

	dt_buf_reset(out);
	MUST(store_export(env.s, learner, out, &err));
}

static void answer(int64_t learner, int q, const char *response, bool correct,
                   int64_t at, bool review)
{
	struct store_answer a = { learner, env.bank, questions[q].id, response,
	                          correct, correct ? 1.0 : 0.0, 1500, at };
	struct quiz_review r;
	struct dt_error err;

	quiz_review_init(&r);
	quiz_review_update(&r, quiz_rating_for(correct), at);
	MUST(store_record_answer(env.s, &a, review ? &r : NULL, &err));
}

/* An exam attempt on q1 and q2, in the orders a drawn paper would have. */
static int64_t attempt(int64_t learner, const struct course_blueprint *bp,
                       uint64_t seed, int64_t started)
{
	struct quiz_paper_item items[2] = {
		{ &questions[1], {2, 0, 3, 1}, 4, true },
		{ &questions[0], {1, 2, 0}, 3, false },
	};
	struct quiz_paper paper = { items, 2, seed };
	struct dt_error err;
	int64_t id;

	MUST(store_start_attempt(env.s, learner, env.bank, bp, &paper, started,
	                         &id, &err));
	return id;
}

static void progress(int64_t learner, int64_t t)
{
	struct quiz_exam_result res = { .n_items = 2, .n_answered = 2,
	                                .n_correct = 1, .score = 1,
	                                .max_score = 2, .pct = 50 };
	struct dt_error err;
	int64_t id;

	MUST(store_mark_read(env.s, learner, "basics", "intro", t, &err));
	MUST(store_mark_read(env.s, learner, "images", "layers", t + 5, &err));
	MUST(store_set_position(env.s, learner, "basics", "run", 7, t, &err));
	answer(learner, 0, "0", true, t + 10, true);
	answer(learner, 1, "0,2", false, t + 20, true);
	answer(learner, 2, "true", true, t + 30, false);
	answer(learner, 3, "--detach", true, t + 40, true);
	MUST(store_record_exercise(env.s, learner, "non-root-user", "basics",
	                           false, 1, t + 50, &err));
	MUST(store_record_exercise(env.s, learner, "non-root-user", "basics",
	                           true, 2, t + 60, &err));
	id = attempt(learner, &blueprints[0], 77, t + 100);
	MUST(store_record_response(env.s, id, 0, "0,1", true, 1, 4000, t + 110,
	                           &err));
	MUST(store_record_response(env.s, id, 1, "1", false, 0, 2000, t + 120,
	                           &err));
	MUST(store_flag_item(env.s, id, 1, true, &err));
	MUST(store_finish_attempt(env.s, id, STORE_ATTEMPT_SUBMITTED, &res,
	                          t + 130, &err));
	id = attempt(learner, &blueprints[1], 5, t + 200);
	MUST(store_record_response(env.s, id, 0, "domc:2N,0Y,3N,1Y", true, 1,
	                           3000, t + 210, &err));
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	struct course course = {0};
	struct store_import_stats st;
	struct dt_error err;
	struct dt_buf again;

	if (env.s)
		return;
	if (!dt_snprintf(env.dir, sizeof env.dir, "%s/dt-fuzz-store-XXXXXX",
	                 tmp && *tmp ? tmp : "/tmp") ||
	    !mkdtemp(env.dir) ||
	    !dt_snprintf(env.db, sizeof env.db, "%s/fuzz.db", env.dir))
		abort();
	MUST(store_open(env.db, STORE_CREATE, &env.s, &err));
	atexit(cleanup);
	course.id = "docker-basics";
	course.title = "Docker and Containers Basics";
	course.questions = questions;
	course.n_questions = N_QUESTIONS;
	dt_strlcpy(course.hash, "00000000000000a1", sizeof course.hash);
	MUST(store_sync_course(env.s, &course, NOW, &env.bank, NULL, &err));
	MUST(store_learner(env.s, "alice", true, NOW, &env.alice, &err));
	MUST(store_learner(env.s, "bob", true, NOW, &env.bob, &err));
	progress(env.alice, NOW);
	progress(env.bob, NOW + 1000);
	dt_buf_init(&env.alice_doc);
	dt_buf_init(&env.bob_doc);
	export(env.alice, &env.alice_doc);
	export(env.bob, &env.bob_doc);
	/* The baseline must come back whole after a reset and an import,
	 * since that is how an accepted input is undone. */
	MUST(store_reset(env.s, env.alice, NULL, &err));
	MUST(store_import(env.s, env.alice, env.alice_doc.data,
	                  env.alice_doc.len, &st, &err));
	dt_buf_init(&again);
	export(env.alice, &again);
	if (again.len != env.alice_doc.len ||
	    memcmp(again.data, env.alice_doc.data, again.len) != 0)
		abort();
	dt_buf_fini(&again);
}

static void expect_export(int64_t learner, const struct dt_buf *want)
{
	struct dt_buf now;

	dt_buf_init(&now);
	export(learner, &now);
	if (now.len != want->len || memcmp(now.data, want->data, now.len) != 0)
		abort();
	dt_buf_fini(&now);
}

/* Everything that reads a learner's progress back must take what an
 * import brought in. */
static void read_back(int64_t learner)
{
	struct store_lesson_progress *lp;
	struct store_exercise_progress *ep;
	struct store_attempt *atts, one;
	struct store_item *items;
	struct store_study_day total, *days;
	struct store_exam_report report;
	struct quiz_history *hist;
	struct quiz_review review;
	struct dt_arena arena;
	struct dt_error err;
	const char **ids;
	size_t n, n_items, i, count, forecast[7];

	dt_arena_init(&arena);
	MUST(store_lesson_progress(env.s, learner, env.bank, &arena, &lp, &n,
	                           &err));
	MUST(store_history(env.s, learner, env.bank, &arena, &ids, &hist, &n,
	                   &err));
	MUST(store_mistakes(env.s, learner, env.bank, &arena, &ids, &n, &err));
	MUST(store_unseen(env.s, learner, env.bank, NULL, &arena, &ids, &n, &err));
	MUST(store_reviews_due(env.s, learner, env.bank, NOW, &count, &err));
	MUST(store_reviews_forecast(env.s, learner, env.bank, NOW, 7, forecast,
	                            &err));
	MUST(store_get_review(env.s, learner, env.bank, "q1", &review, &err));
	MUST(store_exercise_progress(env.s, learner, &arena, &ep, &n, &err));
	MUST(store_time_studied(env.s, learner, 0, INT64_MAX / 86400, &arena,
	                        &days, &n, &total, &err));
	MUST(store_exam_history(env.s, learner, NULL, &arena, &atts, &n, &err));
	for (i = 0; i < n; i++) {
		MUST(store_load_attempt(env.s, atts[i].id, &arena, &one, &items,
		                        &n_items, &err));
		if (atts[i].exam)
			MUST(store_exam_report(env.s, atts[i].exam, &arena, &report,
			                       &err));
	}
	MUST(store_open_attempts(env.s, learner, &arena, &atts, &n, &err));
	dt_arena_fini(&arena);
}

static void restore_alice(void)
{
	struct store_import_stats st;
	struct dt_error err;

	MUST(store_reset(env.s, env.alice, NULL, &err));
	MUST(store_import(env.s, env.alice, env.alice_doc.data,
	                  env.alice_doc.len, &st, &err));
}

static void accepted(const char *doc, size_t len)
{
	struct store_import_stats st;
	struct dt_error err;
	struct dt_buf merged;

	MUST(store_import(env.s, env.alice, doc, len, &st, &err));
	if (st.added != 0)
		abort();                /* importing twice adds nothing */
	expect_export(env.bob, &env.bob_doc);
	read_back(env.alice);
	dt_buf_init(&merged);
	export(env.alice, &merged);
	MUST(store_reset(env.s, env.alice, NULL, &err));
	MUST(store_import(env.s, env.alice, merged.data, merged.len, &st, &err));
	expect_export(env.alice, &merged);
	dt_buf_fini(&merged);
	restore_alice();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store_import_stats st;
	struct dt_error err;
	enum dt_status rc;
	char *doc;

	setup();
	doc = malloc(size + 1);
	if (!doc)
		return 0;
	memcpy(doc, data, size);
	doc[size] = '\0';
	dt_error_clear(&err);
	rc = store_import(env.s, env.alice, doc, size, &st, &err);
	if (rc == DT_OK) {
		accepted(doc, size);
	} else {
		if (rc != DT_ERR_SYNTAX || !err.msg[0] || st.added || st.duplicates ||
		    st.unknown)
			abort();
		expect_export(env.alice, &env.alice_doc);
	}
	free(doc);
	return 0;
}
