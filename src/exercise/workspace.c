/* Learners' workspaces: ROOT/LEARNER/ID, made from an exercise's starter
 * files on first use and never overwritten; a reset keeps the learner's
 * version as a backup beside it.
 *
 * A new workspace is always built in a temporary sibling folder and renamed
 * into place, so a crash or a full disk never leaves half a workspace, and
 * two processes starting the same exercise at once agree on one.  A reset
 * builds the fresh copy first and only then swaps it in: if anything fails,
 * the learner's files stay where they were. */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "exercise_int.h"

enum dt_status exercise_workspace_root(const char *xdg_data_home,
                                       const char *home, char *out,
                                       size_t size, struct dt_error *err)
{
	bool ok;

	if (xdg_data_home && xdg_data_home[0] == '/')
		ok = dt_snprintf(out, size, "%s/dockertutor/exercises",
		                 xdg_data_home);
	else if (home && home[0] == '/')
		ok = dt_snprintf(out, size,
		                 "%s/.local/share/dockertutor/exercises", home);
	else
		return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
		                    "cannot tell where to keep workspaces: set "
		                    "HOME or XDG_DATA_HOME to an absolute path");
	if (!ok)
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the workspace folder's path is too long");
	return DT_OK;
}

bool exercise_learner_is_valid(const char *name)
{
	size_t n = strlen(name), bad;

	if (n == 0 || n > EXERCISE_MAX_LEARNER || name[0] == '.' ||
	    strchr(name, '/') || !dt_utf8_valid(name, n, &bad))
		return false;
	return !dt_has_control(name, n, &bad) && !strchr(name, '\t') &&
	       !strchr(name, '\n');
}

static bool id_is_valid(const char *id)
{
	size_t n = strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return n > 0 && id[n] == '\0' && id[0] != '-' && n <= COURSE_MAX_ID;
}

enum dt_status exercise_workspace_path(const char *root, const char *learner,
                                       const char *id, char *out, size_t size,
                                       struct dt_error *err)
{
	if (!exercise_learner_is_valid(learner))
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "'%s' cannot name a learner's folder: use up "
		                    "to %u characters, no '/', not starting with "
		                    "'.'", learner, EXERCISE_MAX_LEARNER);
	if (!id_is_valid(id))
		return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
		                    "'%s' is not an exercise id", id);
	if (!dt_snprintf(out, size, "%s/%s/%s", root, learner, id))
		return dt_error_set(err, DT_ERR_LIMIT, root, 0, 0,
		                    "the workspace path is too long");
	return DT_OK;
}

bool exercise_workspace_exists(const char *ws)
{
	struct stat st;

	return stat(ws, &st) == 0 && S_ISDIR(st.st_mode);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) == 0 ? 0 : -1;
}

/* Removes a folder this module created (a temporary build). */
static void remove_tree(const char *path)
{
	if (nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
		(void)rmdir(path);
}

/* Copies one starter file into dir, creating its folders. */
static enum dt_status copy_starter(const struct course_exercise *ex,
                                   const char *rel, const char *dir,
                                   struct dt_error *err)
{
	char src[4096], dst[4096], *slash, *data;
	struct stat st;
	size_t len;
	enum dt_status rc;

	if (!path_is_inside(rel))
		return dt_error_set(err, DT_ERR_INVALID, ex->dir, 0, 0,
		                    "starter file '%s' is not inside the "
		                    "exercise folder", rel);
	if (!dt_snprintf(src, sizeof src, "%s/%s", ex->dir, rel) ||
	    !dt_snprintf(dst, sizeof dst, "%s/%s", dir, rel))
		return dt_error_set(err, DT_ERR_LIMIT, dir, 0, 0,
		                    "the workspace path is too long");
	slash = strrchr(dst, '/');
	*slash = '\0';
	rc = dt_mkdir_p(dst, 0700, err);
	*slash = '/';
	if (rc != DT_OK)
		return rc;
	if (stat(src, &st) != 0)
		return dt_error_set(err, DT_ERR_NOTFOUND, src, 0, 0,
		                    "cannot read the starter file: %s",
		                    strerror(errno));
	rc = dt_read_file(src, EXERCISE_MAX_FILE, &data, &len, err);
	if (rc != DT_OK)
		return rc;
	rc = dt_write_file(dst, data, len, (st.st_mode & 0777) | 0600, err);
	dt_free(data);
	return rc;
}

/* Builds a fresh copy of the starter files in a new temporary folder
 * beside ws; its path goes into tmp. */
static enum dt_status build_fresh(const struct course_exercise *ex,
                                  const char *ws, char *tmp, size_t size,
                                  struct dt_error *err)
{
	char parent[4096], *slash;
	enum dt_status rc;
	size_t i;

	if (!dt_strlcpy(parent, ws, sizeof parent) ||
	    !dt_snprintf(tmp, size, "%s.new-XXXXXX", ws))
		return dt_error_set(err, DT_ERR_LIMIT, ws, 0, 0,
		                    "the workspace path is too long");
	slash = strrchr(parent, '/');
	if (slash && slash != parent) {
		*slash = '\0';
		rc = dt_mkdir_p(parent, 0700, err);
		if (rc != DT_OK)
			return rc;
	}
	if (!mkdtemp(tmp))
		return dt_error_set(err, DT_ERR_IO, ws, 0, 0,
		                    "cannot create the workspace: %s",
		                    strerror(errno));
	for (i = 0; i < ex->n_files; i++) {
		rc = copy_starter(ex, ex->files[i], tmp, err);
		if (rc != DT_OK) {
			remove_tree(tmp);
			return rc;
		}
	}
	return DT_OK;
}

enum dt_status exercise_workspace_prepare(const struct course_exercise *ex,
                                          const char *ws, bool *created,
                                          struct dt_error *err)
{
	char tmp[4096];
	enum dt_status rc;

	if (created)
		*created = false;
	if (exercise_workspace_exists(ws))
		return DT_OK;
	rc = build_fresh(ex, ws, tmp, sizeof tmp, err);
	if (rc != DT_OK)
		return rc;
	/* rename() onto an existing non-empty folder fails: whoever came
	 * first keeps theirs. */
	if (rename(tmp, ws) != 0) {
		int saved = errno;

		remove_tree(tmp);
		if (exercise_workspace_exists(ws))
			return DT_OK;
		return dt_error_set(err, DT_ERR_IO, ws, 0, 0,
		                    "cannot create the workspace: %s",
		                    strerror(saved));
	}
	if (created)
		*created = true;
	return DT_OK;
}

/* Finds a free backup name WS.bak-STAMP[-N]. */
static enum dt_status backup_name(const char *ws, time_t now, char *out,
                                  size_t size, struct dt_error *err)
{
	char stamp[32];
	struct tm tm;
	struct stat st;
	int i;

	if (!localtime_r(&now, &tm) ||
	    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
		return dt_error_set(err, DT_ERR_INVALID, ws, 0, 0,
		                    "cannot format the backup's time");
	for (i = 1; i <= 100; i++) {
		bool ok = i == 1 ? dt_snprintf(out, size, "%s.bak-%s", ws, stamp)
		                 : dt_snprintf(out, size, "%s.bak-%s-%d", ws,
		                               stamp, i);

		if (!ok)
			return dt_error_set(err, DT_ERR_LIMIT, ws, 0, 0,
			                    "the backup path is too long");
		if (lstat(out, &st) != 0 && errno == ENOENT)
			return DT_OK;
	}
	return dt_error_set(err, DT_ERR_LIMIT, ws, 0, 0,
	                    "too many backups from the same second");
}

enum dt_status exercise_workspace_reset(const struct course_exercise *ex,
                                        const char *ws, time_t now,
                                        char *backup, size_t size,
                                        struct dt_error *err)
{
	char tmp[4096], bak[4096];
	enum dt_status rc;

	if (backup && size > 0)
		backup[0] = '\0';
	if (!exercise_workspace_exists(ws))
		return exercise_workspace_prepare(ex, ws, NULL, err);
	rc = backup_name(ws, now, bak, sizeof bak, err);
	if (rc == DT_OK && backup && strlen(bak) >= size)
		rc = dt_error_set(err, DT_ERR_LIMIT, ws, 0, 0,
		                  "the backup path is too long");
	if (rc == DT_OK)
		rc = build_fresh(ex, ws, tmp, sizeof tmp, err);
	if (rc != DT_OK)
		return rc;
	if (rename(ws, bak) != 0) {
		rc = dt_error_set(err, DT_ERR_IO, ws, 0, 0,
		                  "cannot move the workspace aside: %s",
		                  strerror(errno));
		remove_tree(tmp);
		return rc;
	}
	if (rename(tmp, ws) != 0) {
		rc = dt_error_set(err, DT_ERR_IO, ws, 0, 0,
		                  "cannot put the fresh workspace in place: %s",
		                  strerror(errno));
		/* Put the learner's files back where they were. */
		(void)rename(bak, ws);
		remove_tree(tmp);
		return rc;
	}
	if (backup)
		dt_strlcpy(backup, bak, size);
	return DT_OK;
}
