/* Reference solutions: when a learner may see one, and reading it with the
 * other files of its folder (a .dockerignore the task asks for, say). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "exercise_int.h"

#define SOLUTION_MAX_FILES 16u   /* files shown from a solution folder */

bool exercise_solution_unlocked(bool passed, long failed_checks, int *left)
{
	bool open = passed || failed_checks >= EXERCISE_SOLUTION_AFTER;

	if (left)
		*left = open ? 0 : EXERCISE_SOLUTION_AFTER - (int)failed_checks;
	return open;
}

static enum dt_status read_one(struct dt_arena *arena, const char *dir,
                               const char *name, struct exercise_file *f,
                               struct dt_error *err)
{
	char path[4096], *data, *copy;
	size_t len;
	enum dt_status rc;

	if (!dt_snprintf(path, sizeof path, "%s/%s", dir, name))
		return dt_error_set(err, DT_ERR_LIMIT, dir, 0, 0,
		                    "the solution path is too long");
	rc = dt_read_file(path, EXERCISE_MAX_FILE, &data, &len, err);
	if (rc != DT_OK)
		return rc;
	/* Every byte is kept, NULs included: readers go by len. */
	f->name = dt_arena_strdup(arena, name);
	copy = dt_arena_alloc(arena, len + 1);
	if (copy)
		memcpy(copy, data, len + 1);
	f->data = copy;
	f->len = len;
	dt_free(data);
	if (!f->name || !f->data)
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
		                    "out of memory reading the solution");
	return DT_OK;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The other regular files of dir, sorted, at most SOLUTION_MAX_FILES - 1,
 * into names[] (strings in arena). */
static enum dt_status list_others(struct dt_arena *arena, const char *dir,
                                  const char *skip, const char **names,
                                  size_t *n, struct dt_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	struct stat st;

	*n = 0;
	if (!d)
		return dt_error_set(err, DT_ERR_IO, dir, 0, 0,
		                    "cannot list the solution folder: %s",
		                    strerror(errno));
	while ((e = readdir(d)) && *n < SOLUTION_MAX_FILES - 1) {
		if (strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 || strcmp(e->d_name, skip) == 0 ||
		    !dt_snprintf(path, sizeof path, "%s/%s", dir, e->d_name) ||
		    stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		names[*n] = dt_arena_strdup(arena, e->d_name);
		if (!names[(*n)++]) {
			closedir(d);
			return dt_error_set(err, DT_ERR_NOMEM, dir, 0, 0,
			                    "out of memory reading the solution");
		}
	}
	closedir(d);
	qsort(names, *n, sizeof *names, by_name);
	return DT_OK;
}

enum dt_status exercise_solution_load(const struct course_exercise *ex,
                                      struct dt_arena *arena,
                                      struct exercise_file **files,
                                      size_t *n, struct dt_error *err)
{
	char dir[4096], *slash;
	const char *names[SOLUTION_MAX_FILES];
	size_t n_names = 0, i;
	enum dt_status rc;

	*files = NULL;
	*n = 0;
	if (!dt_snprintf(dir, sizeof dir, "%s/%s", ex->dir, ex->solution))
		return dt_error_set(err, DT_ERR_LIMIT, ex->dir, 0, 0,
		                    "the solution path is too long");
	slash = strrchr(dir, '/');
	*slash = '\0';
	names[n_names++] = slash + 1;
	/* Only a solution folder of its own holds extra files; the exercise
	 * folder itself holds the starters. */
	if (strchr(ex->solution, '/')) {
		rc = list_others(arena, dir, slash + 1, names + 1, &i, err);
		if (rc != DT_OK)
			return rc;
		n_names += i;
	}
	*files = dt_arena_alloc(arena, n_names * sizeof **files);
	if (!*files)
		return dt_error_set(err, DT_ERR_NOMEM, dir, 0, 0,
		                    "out of memory reading the solution");
	for (i = 0; i < n_names; i++) {
		rc = read_one(arena, dir, names[i], &(*files)[i], err);
		if (rc != DT_OK) {
			*files = NULL;
			return rc;
		}
	}
	*n = n_names;
	return DT_OK;
}
