/* What the exercise screens need of a learner's exercise: the workspace
 * folder, the attempts the store recorded, the hints seen and the status,
 * read the way `dockertutor exercise` reads them so that both show the
 * same thing.  The store records every hint as it is shown (app_record_hint
 * here, the exercise command there), so the two share one count. */
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

enum dt_status ui_workspace_path(struct ui *ui, const struct course_exercise *ex,
                                 char *out, size_t size, struct dt_error *err)
{
	char root[4096];
	enum dt_status rc;

	rc = exercise_workspace_root(getenv("XDG_DATA_HOME"), getenv("HOME"), root,
	                             sizeof root, err);
	if (rc != DT_OK)
		return rc;
	return exercise_workspace_path(root, app_learner(ui->app), ex->id, out,
	                               size, err);
}

enum dt_status ui_exercise_records(struct ui *ui, struct dt_arena *arena,
                                   struct store_exercise_progress **all,
                                   size_t *n, struct dt_error *err)
{
	return store_exercise_progress(app_store(ui->app), app_learner_id(ui->app),
	                               arena, all, n, err);
}

void ui_exercise_state_of(const struct store_exercise_progress *all, size_t n,
                          const char *id, struct ui_exercise_state *out)
{
	size_t i;

	memset(out, 0, sizeof *out);
	for (i = 0; i < n; i++) {
		if (strcmp(all[i].exercise, id) != 0)
			continue;
		out->attempts = all[i].attempts;
		out->passed = all[i].first_pass != 0;
		out->failed = out->passed ? all[i].attempts_to_pass - 1
		                          : all[i].attempts;
		out->hints = all[i].hints;
	}
}

enum exercise_status ui_exercise_status(const struct ui_exercise_state *st,
                                        const char *ws)
{
	if (st->passed)
		return EXERCISE_PASSED;
	if ((ws && exercise_workspace_exists(ws)) || st->attempts > 0)
		return EXERCISE_IN_PROGRESS;
	return EXERCISE_NOT_STARTED;
}
