/* Progress: the summary the stats command and the progress screen show
 * (per lesson, per exercise, reviews due, exams, time studied), reading
 * positions, exercise attempts and hints for the UI, and moving or
 * resetting a learner's progress.  Reads work for a learner without a
 * profile (everything is zero); writes create the profile first. */
#include <string.h>
#include <time.h>

#include "app_int.h"

#define SECONDS_PER_DAY 86400

/* Local midnight of the day holding now: the day a learner means by
 * "today" when reviews fall due. */
static int64_t local_midnight(int64_t now)
{
	time_t t = (time_t)now, mid;
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return now - now % SECONDS_PER_DAY;
	tm.tm_hour = 0;
	tm.tm_min = 0;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	mid = mktime(&tm);
	return mid == (time_t)-1 ? now - now % SECONDS_PER_DAY : (int64_t)mid;
}

static enum dt_status add_practice(struct app *app, struct dt_arena *arena,
                                   struct app_summary *out,
                                   struct dt_error *err)
{
	struct store_lesson_progress *lp;
	enum dt_status rc;
	size_t n, i, j;

	rc = store_lesson_progress(app->store, app->learner_id, app->bank, arena,
	                           &lp, &n, err);
	for (i = 0; rc == DT_OK && i < out->n_lessons; i++) {
		struct app_lesson_summary *ls = &out->lessons[i];

		for (j = 0; j < n; j++) {
			if (strcmp(lp[j].lesson, ls->lesson->id) != 0)
				continue;
			ls->questions = lp[j].n_questions;
			ls->seen = lp[j].n_seen;
			ls->answers = lp[j].n_answers;
			ls->correct = lp[j].n_correct;
			ls->mastered = lp[j].n_mastered;
			ls->ms = lp[j].ms;
		}
	}
	return rc;
}

/* Sections read that the lesson still has (content may have moved on). */
static enum dt_status add_reading(struct app *app, struct dt_arena *arena,
                                  struct app_summary *out,
                                  struct dt_error *err)
{
	enum dt_status rc = DT_OK;
	size_t i, j;

	for (i = 0; rc == DT_OK && i < out->n_lessons; i++) {
		struct app_lesson_summary *ls = &out->lessons[i];
		const char **read;
		size_t n;

		rc = store_sections_read(app->store, app->learner_id, ls->lesson->id,
		                         arena, &read, &n, err);
		for (j = 0; rc == DT_OK && j < n; j++)
			ls->sections_read += course_find_section(ls->lesson, read[j]) != NULL;
		out->sections_read += ls->sections_read;
		out->sections_total += ls->sections_total;
	}
	return rc;
}

static const struct store_exercise_progress *
exercise_progress(const struct store_exercise_progress *ep, size_t n,
                  const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(ep[i].exercise, id) == 0)
			return &ep[i];
	return NULL;
}

static bool passed(const struct store_exercise_progress *ep, size_t n,
                   const char *id)
{
	const struct store_exercise_progress *p = exercise_progress(ep, n, id);

	return p && p->first_pass != 0;
}

/* Every exercise of the course, in course order, with what was done. */
static enum dt_status list_exercises(const struct course *c,
                                     const struct store_exercise_progress *ep,
                                     size_t n, struct dt_arena *arena,
                                     struct app_summary *out)
{
	size_t i;

	out->exercises = dt_arena_alloc(arena, (c->n_exercises + 1) *
	                                       sizeof *out->exercises);
	if (!out->exercises)
		return DT_ERR_NOMEM;
	out->n_exercises = c->n_exercises;
	for (i = 0; i < c->n_exercises; i++) {
		struct app_exercise_summary *x = &out->exercises[i];
		const struct store_exercise_progress *p =
			exercise_progress(ep, n, c->exercises[i].id);

		memset(x, 0, sizeof *x);
		x->exercise = &c->exercises[i];
		if (!p)
			continue;
		x->attempts = p->attempts;
		x->passed = p->first_pass != 0;
		x->first_pass = p->first_pass;
		x->attempts_to_pass = p->attempts_to_pass;
		x->hints = p->hints;
	}
	return DT_OK;
}

static enum dt_status add_exercises(struct app *app, struct dt_arena *arena,
                                    struct app_summary *out,
                                    struct dt_error *err)
{
	struct store_exercise_progress *ep;
	enum dt_status rc;
	size_t n, i, j;

	rc = store_exercise_progress(app->store, app->learner_id, arena, &ep, &n,
	                             err);
	for (i = 0; rc == DT_OK && i < out->n_lessons; i++) {
		struct app_lesson_summary *ls = &out->lessons[i];

		ls->exercises_total = ls->lesson->n_exercise_ids;
		for (j = 0; j < ls->lesson->n_exercise_ids; j++)
			ls->exercises_passed += passed(ep, n, ls->lesson->exercise_ids[j]);
		out->exercises_total += ls->exercises_total;
		out->exercises_passed += ls->exercises_passed;
	}
	if (rc == DT_OK && list_exercises(app->course, ep, n, arena, out) != DT_OK)
		rc = app_nomem(err);
	return rc;
}

/* The best per-lesson score over one finished attempt's items. */
static void add_attempt_scores(struct app_summary *out,
                               const struct store_item *items, size_t n)
{
	size_t i, j;

	for (i = 0; i < out->n_lessons; i++) {
		const char *id = out->lessons[i].lesson->id;
		double score = 0;
		size_t count = 0;

		for (j = 0; j < n; j++) {
			if (!items[j].lesson || strcmp(items[j].lesson, id) != 0)
				continue;
			score += items[j].score;
			count++;
		}
		if (count && 100.0 * score / (double)count > out->lessons[i].best_exam_pct)
			out->lessons[i].best_exam_pct = 100.0 * score / (double)count;
	}
}

static enum dt_status add_exams(struct app *app, struct dt_arena *arena,
                                struct app_summary *out,
                                struct dt_error *err)
{
	enum dt_status rc;
	size_t i;

	rc = store_exam_history(app->store, app->learner_id, NULL, arena,
	                        &out->exams, &out->n_exams, err);
	for (i = 0; rc == DT_OK && i < out->n_exams; i++) {
		struct store_attempt at;
		struct store_item *items;
		size_t n;

		if (out->exams[i].status == STORE_ATTEMPT_OPEN)
			continue;
		rc = store_load_attempt(app->store, out->exams[i].id, arena, &at,
		                        &items, &n, err);
		if (rc == DT_OK)
			add_attempt_scores(out, items, n);
	}
	return rc;
}

static enum dt_status add_reviews(struct app *app, struct app_summary *out,
                                  struct dt_error *err)
{
	int64_t now = app_now(app);
	enum dt_status rc;

	out->day_start = local_midnight(now);
	rc = store_reviews_due(app->store, app->learner_id, app->bank, now,
	                       &out->reviews_due, err);
	if (rc == DT_OK)
		rc = store_reviews_forecast(app->store, app->learner_id, app->bank,
		                            out->day_start, APP_FORECAST_DAYS,
		                            out->forecast, err);
	return rc;
}

static enum dt_status add_time(struct app *app, struct app_summary *out,
                               struct dt_error *err)
{
	int64_t today = app_now(app) / SECONDS_PER_DAY;
	enum dt_status rc;

	rc = store_time_studied(app->store, app->learner_id, 0, today, NULL, NULL,
	                        NULL, &out->studied_total, err);
	if (rc == DT_OK)
		rc = store_time_studied(app->store, app->learner_id, today, today,
		                        NULL, NULL, NULL, &out->studied_today, err);
	if (rc == DT_OK)
		rc = store_time_studied(app->store, app->learner_id, today - 6, today,
		                        NULL, NULL, NULL, &out->studied_week, err);
	return rc;
}

enum dt_status app_summary(struct app *app, struct dt_arena *arena,
                           struct app_summary *out, struct dt_error *err)
{
	const struct course *c = app->course;
	enum dt_status rc;
	size_t i;

	memset(out, 0, sizeof *out);
	out->lessons = dt_arena_alloc(arena, (c->n_lessons + 1) * sizeof *out->lessons);
	if (!out->lessons)
		return app_nomem(err);
	out->n_lessons = c->n_lessons;
	for (i = 0; i < c->n_lessons; i++) {
		out->lessons[i].lesson = &c->lessons[i];
		out->lessons[i].sections_total = c->lessons[i].n_sections;
		out->lessons[i].questions = c->lessons[i].n_questions;
		out->lessons[i].best_exam_pct = -1;
	}
	rc = add_practice(app, arena, out, err);
	if (rc == DT_OK)
		rc = add_reading(app, arena, out, err);
	if (rc == DT_OK)
		rc = add_exercises(app, arena, out, err);
	if (rc == DT_OK)
		rc = add_exams(app, arena, out, err);
	if (rc == DT_OK)
		rc = add_reviews(app, out, err);
	if (rc == DT_OK)
		rc = add_time(app, out, err);
	return rc;
}

enum dt_status app_mark_read(struct app *app, const char *lesson,
                             const char *section, struct dt_error *err)
{
	enum dt_status rc = app_learner_ensure(app, err);

	if (rc == DT_OK)
		rc = store_mark_read(app->store, app->learner_id, lesson, section,
		                     app_now(app), err);
	return rc;
}

enum dt_status app_set_position(struct app *app, const char *lesson,
                                const char *section, int depth,
                                struct dt_error *err)
{
	enum dt_status rc = app_learner_ensure(app, err);

	if (rc == DT_OK)
		rc = store_set_position(app->store, app->learner_id, lesson, section,
		                        depth, app_now(app), err);
	return rc;
}

enum dt_status app_get_position(struct app *app, const char *lesson,
                                struct dt_arena *arena, const char **section,
                                int *depth, struct dt_error *err)
{
	return store_get_position(app->store, app->learner_id, lesson, arena,
	                          section, depth, err);
}

enum dt_status app_last_position(struct app *app, struct dt_arena *arena,
                                 const char **lesson, const char **section,
                                 int *depth, struct dt_error *err)
{
	return store_last_position(app->store, app->learner_id, arena, lesson,
	                           section, depth, err);
}

/* The course's exercise id with hints (0..its number of hints) seen; and
 * the learner's profile, about to be written to. */
static enum dt_status exercise_write(struct app *app, const char *id,
                                     int hints,
                                     const struct course_exercise **out,
                                     struct dt_error *err)
{
	const struct course_exercise *ex = course_find_exercise(app->course, id);

	*out = ex;
	if (!ex)
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "the course has no exercise '%s'", id);
	if (hints < 0 || (size_t)hints > ex->n_hints)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "exercise '%s' has %zu hint%s, not %d", id,
		                    ex->n_hints, ex->n_hints == 1 ? "" : "s", hints);
	return app_learner_ensure(app, err);
}

enum dt_status app_record_exercise(struct app *app, const char *exercise,
                                   bool passed_checks, int hints,
                                   struct dt_error *err)
{
	const struct course_exercise *ex;
	enum dt_status rc = exercise_write(app, exercise, hints, &ex, err);

	if (rc != DT_OK)
		return rc;
	return store_record_exercise(app->store, app->learner_id, exercise,
	                             ex->lesson_id ? ex->lesson_id : "",
	                             passed_checks, hints, app_now(app), err);
}

enum dt_status app_record_hint(struct app *app, const char *exercise,
                               int hints_seen, struct dt_error *err)
{
	const struct course_exercise *ex;
	enum dt_status rc = exercise_write(app, exercise, hints_seen, &ex, err);

	if (rc != DT_OK)
		return rc;
	return store_record_hint(app->store, app->learner_id, exercise,
	                         ex->lesson_id ? ex->lesson_id : "", hints_seen,
	                         app_now(app), err);
}

/* Exporting names the learner, so the profile is made even when there is
 * nothing else in it yet. */
enum dt_status app_progress_export(struct app *app, struct dt_buf *out,
                                   struct dt_error *err)
{
	enum dt_status rc = app_learner_ensure(app, err);

	if (rc == DT_OK)
		rc = store_export(app->store, app->learner_id, out, err);
	return rc;
}

enum dt_status app_progress_import(struct app *app, const char *doc,
                                   size_t len,
                                   struct store_import_stats *stats,
                                   struct dt_error *err)
{
	enum dt_status rc = app_learner_ensure(app, err);

	if (rc == DT_OK)
		rc = store_import(app->store, app->learner_id, doc, len, stats, err);
	return rc;
}

enum dt_status app_reset(struct app *app, const char *lesson,
                         struct dt_error *err)
{
	if (lesson && app_check_lesson(app->course, lesson, err) != DT_OK)
		return err->code;
	if (app->learner_id == 0)
		return DT_OK;           /* no profile: nothing to delete */
	return store_reset(app->store, app->learner_id, lesson, err);
}
