/* Opening the use-case layer: the course, the database, the learner and
 * the course bank kept in step with the content; plus the small helpers
 * every use case shares (seeds, shuffles, tallies, suggestions).
 * The learner's profile is looked up at opening but created only by the
 * first write (app_learner_ensure), so a command that only reads a shared
 * classroom database (reports, banks) leaves no profile behind. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app_int.h"

static int64_t system_clock(void *arg)
{
	(void)arg;
	return (int64_t)time(NULL);
}

enum dt_status app_nomem(struct dt_error *err)
{
	return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

/* The passwd entry cannot be faked by the environment, which matters on a
 * shared classroom server; the variables cover containers without one. */
enum dt_status app_default_learner(char *out, size_t size,
                                   struct dt_error *err)
{
	struct passwd *pw = getpwuid(getuid());
	const char *name = pw && pw->pw_name && *pw->pw_name ? pw->pw_name : NULL;

	if (!name)
		name = getenv("LOGNAME");
	if (!name || !*name)
		name = getenv("USER");
	if (!name || !*name)
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "cannot tell who you are; name the learner "
		                    "with --learner NAME");
	if (!dt_strlcpy(out, name, size))
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the login name is longer than %u bytes; name "
		                    "the learner with --learner NAME",
		                    APP_MAX_LEARNER);
	return DT_OK;
}

static enum dt_status load_course(struct app *app, const char *dir,
                                  struct course_diags *diags,
                                  struct dt_error *err)
{
	struct course_diags own;
	enum dt_status rc;

	if (!diags) {
		course_diags_init(&own);
		diags = &own;
	}
	rc = course_load(dir, &app->course, diags, err);
	if (rc == DT_ERR_INVALID)
		dt_error_set(err, rc, dir, 0, 0, "the course has %zu error%s",
		             diags->n_errors, diags->n_errors == 1 ? "" : "s");
	if (diags == &own)
		course_diags_fini(&own);
	return rc;
}

static enum dt_status open_store(struct app *app,
                                 const struct app_options *opts,
                                 struct dt_error *err)
{
	char path[4096];
	const char *db = opts->db_path;
	enum dt_status rc;

	if (!db) {
		rc = store_default_path(path, sizeof path, err);
		if (rc != DT_OK)
			return rc;
		db = path;
	}
	return store_open(db, STORE_CREATE | opts->store_flags, &app->store, err);
}

static enum dt_status set_learner(struct app *app, const char *name,
                                  struct dt_error *err)
{
	if (!name)
		return app_default_learner(app->learner, sizeof app->learner, err);
	if (!dt_strlcpy(app->learner, name, sizeof app->learner))
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "a learner name has at most %u bytes",
		                    APP_MAX_LEARNER);
	return DT_OK;
}

/* The learner's id when the profile exists; 0 (not an error) when not. */
static enum dt_status find_learner(struct app *app, struct dt_error *err)
{
	enum dt_status rc = store_learner(app->store, app->learner, false,
	                                  app_now(app), &app->learner_id, err);

	if (rc != DT_ERR_NOTFOUND)
		return rc;
	app->learner_id = 0;
	dt_error_clear(err);
	return DT_OK;
}

enum dt_status app_learner_ensure(struct app *app, struct dt_error *err)
{
	int64_t id = 0;
	enum dt_status rc;

	if (app->learner_id != 0)
		return DT_OK;
	rc = store_learner(app->store, app->learner, true, app_now(app), &id,
	                   err);
	if (rc == DT_OK)
		app->learner_id = id;
	return rc;
}

enum dt_status app_open(const struct app_options *opts, struct app **out,
                        struct course_diags *diags, struct dt_error *err)
{
	struct app *app;
	enum dt_status rc;

	*out = NULL;
	if (!opts->content_dir)
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "no course folder given");
	app = dt_calloc(1, sizeof *app);
	if (!app)
		return app_nomem(err);
	app->clock = opts->clock ? opts->clock : system_clock;
	app->clock_arg = opts->clock_arg;
	rc = set_learner(app, opts->learner, err);
	if (rc == DT_OK)
		rc = load_course(app, opts->content_dir, diags, err);
	if (rc == DT_OK)
		rc = open_store(app, opts, err);
	if (rc == DT_OK)
		rc = find_learner(app, err);
	if (rc == DT_OK)
		rc = store_sync_course(app->store, app->course, app_now(app),
		                       &app->bank, NULL, err);
	if (rc != DT_OK) {
		app_close(app);
		return rc;
	}
	*out = app;
	return DT_OK;
}

void app_close(struct app *app)
{
	if (!app)
		return;
	store_close(app->store);
	course_free(app->course);
	dt_free(app);
}

const struct course *app_course(const struct app *app)
{
	return app->course;
}

struct store *app_store(struct app *app)
{
	return app->store;
}

const char *app_learner(const struct app *app)
{
	return app->learner;
}

int64_t app_learner_id(const struct app *app)
{
	return app->learner_id;
}

int64_t app_bank_id(const struct app *app)
{
	return app->bank;
}

const char *app_db_path(const struct app *app)
{
	return store_path(app->store);
}

int64_t app_now(const struct app *app)
{
	return app->clock(app->clock_arg);
}

uint64_t app_fresh_seed(struct app *app)
{
	uint64_t x = (uint64_t)app_now(app) ^ ((uint64_t)getpid() << 32) ^
	             dt_now_ms() ^ quiz_mix64(++app->fresh);

	x = quiz_mix64(x);
	return x ? x : 1;
}

void app_shuffle(uint8_t *order, size_t n, struct quiz_rng *rng)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = (size_t)quiz_rng_below(rng, i);
		uint8_t t = order[i - 1];

		order[i - 1] = order[j];
		order[j] = t;
	}
}

void app_tally_lesson(struct quiz_lesson_score *lessons, size_t *n,
                      const char *lesson_id, bool correct, double score)
{
	const char *id = lesson_id ? lesson_id : "";
	struct quiz_lesson_score *ls = NULL;
	size_t i;

	for (i = 0; i < *n && !ls; i++)
		if (strcmp(lessons[i].lesson_id, id) == 0)
			ls = &lessons[i];
	if (!ls) {
		ls = &lessons[(*n)++];
		memset(ls, 0, sizeof *ls);
		ls->lesson_id = id;
	}
	ls->n_items++;
	ls->n_correct += correct;
	ls->score += score;
	ls->pct = 100.0 * ls->score / (double)ls->n_items;
}

void app_suggest(char *out, size_t size, const char *name,
                 const char *const *names, size_t n)
{
	unsigned best = 3;
	const char *pick = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned d = dt_edit_distance(name, names[i], best);

		if (d < best) {
			best = d;
			pick = names[i];
		}
	}
	if (!pick || !dt_snprintf(out, size, "; did you mean '%s'?", pick))
		out[0] = '\0';
}

enum dt_status app_check_lesson(const struct course *c, const char *id,
                                struct dt_error *err)
{
	const char *names[256];
	char hint[128];
	size_t i, n = 0;

	if (course_find_lesson(c, id))
		return DT_OK;
	for (i = 0; i < c->n_lessons && n < 256; i++)
		names[n++] = c->lessons[i].id;
	app_suggest(hint, sizeof hint, id, names, n);
	return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
	                    "the course has no lesson '%s'%s", id, hint);
}

enum dt_status app_find_lesson(const struct app *app, const char *id,
                               const struct course_lesson **out,
                               struct dt_error *err)
{
	enum dt_status rc = app_check_lesson(app->course, id, err);

	*out = rc == DT_OK ? course_find_lesson(app->course, id) : NULL;
	return rc;
}
