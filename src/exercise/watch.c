/* Watching a workspace for saves with inotify, for "check --watch".
 *
 * Editors rarely write a file in place: vim writes a new file and renames
 * it over the old one, others delete and create, and many write a swap or
 * backup file every few seconds.  So the watch is on the folders, and only
 * events naming one of the watched files count (IN_CLOSE_WRITE, IN_MOVED_TO,
 * IN_CREATE); swap files, "4913" probes and the like are ignored.  One save
 * is often several events, so a wait merges a burst: it returns after a
 * quiet spell, or after a fixed settle time if the events never stop.
 * When a watched folder itself is moved or deleted (a reset from another
 * terminal), the watch is added again on the same path. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "exercise_int.h"

#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | \
                      IN_DELETE_SELF | IN_MOVE_SELF)

struct watch_dir {
	int wd;                  /* -1 after the folder went away */
	const char *path;        /* absolute, in the arena */
	bool lost;
};

struct watch_file {
	size_t dir;              /* index into dirs */
	const char *base;        /* name within the folder */
	const char *rel;         /* as given */
};

struct exercise_watch {
	struct dt_arena arena;
	int fd;
	struct watch_dir dirs[EXERCISE_MAX_WATCHED];
	size_t n_dirs;
	struct watch_file *files;
	size_t n_files;
	const char *changed;
};

static enum dt_status add_dir(struct exercise_watch *w, const char *path,
                              size_t *index, struct dt_error *err)
{
	size_t i;
	int wd;

	for (i = 0; i < w->n_dirs; i++) {
		if (strcmp(w->dirs[i].path, path) == 0) {
			*index = i;
			return DT_OK;
		}
	}
	if (w->n_dirs == EXERCISE_MAX_WATCHED)
		return dt_error_set(err, DT_ERR_LIMIT, path, 0, 0,
		                    "more than %u folders to watch",
		                    EXERCISE_MAX_WATCHED);
	wd = inotify_add_watch(w->fd, path, WATCH_EVENTS | IN_ONLYDIR);
	if (wd < 0)
		return dt_error_set(err, errno == ENOENT ? DT_ERR_NOTFOUND
		                                         : DT_ERR_IO,
		                    path, 0, 0, "cannot watch this folder: %s",
		                    strerror(errno));
	w->dirs[w->n_dirs].wd = wd;
	w->dirs[w->n_dirs].path = dt_arena_strdup(&w->arena, path);
	if (!w->dirs[w->n_dirs].path)
		return dt_error_set(err, DT_ERR_NOMEM, path, 0, 0,
		                    "out of memory");
	*index = w->n_dirs++;
	return DT_OK;
}

static enum dt_status add_file(struct exercise_watch *w, const char *ws,
                               const char *rel, struct dt_error *err)
{
	struct watch_file *f = &w->files[w->n_files];
	const char *slash = strrchr(rel, '/');
	const char *dir = ws;
	enum dt_status rc;

	if (!path_is_inside(rel))
		return dt_error_set(err, DT_ERR_INVALID, ws, 0, 0,
		                    "'%s' is not a path inside the workspace",
		                    rel);
	if (slash) {
		dir = dt_arena_printf(&w->arena, "%s/%.*s", ws,
		                      (int)(slash - rel), rel);
		if (!dir)
			return dt_error_set(err, DT_ERR_NOMEM, ws, 0, 0,
			                    "out of memory");
	}
	rc = add_dir(w, dir, &f->dir, err);
	/* A subfolder that does not exist yet holds nothing to check. */
	if (rc == DT_ERR_NOTFOUND && slash)
		return DT_OK;
	if (rc != DT_OK)
		return rc;
	f->base = slash ? slash + 1 : rel;
	f->rel = dt_arena_strdup(&w->arena, rel);
	if (!f->rel)
		return dt_error_set(err, DT_ERR_NOMEM, ws, 0, 0, "out of memory");
	w->n_files++;
	return DT_OK;
}

enum dt_status exercise_watch_open(const char *ws, const char *const *files,
                                   size_t n, struct exercise_watch **out,
                                   struct dt_error *err)
{
	struct exercise_watch *w = dt_calloc(1, sizeof *w);
	enum dt_status rc = DT_OK;
	size_t i;

	*out = NULL;
	if (!w)
		return dt_error_set(err, DT_ERR_NOMEM, ws, 0, 0, "out of memory");
	dt_arena_init(&w->arena);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0)
		rc = dt_error_set(err, DT_ERR_IO, ws, 0, 0,
		                  "cannot watch for changes: %s", strerror(errno));
	if (rc == DT_OK) {
		w->files = dt_arena_alloc(&w->arena,
		                          (n ? n : 1) * sizeof *w->files);
		if (!w->files)
			rc = dt_error_set(err, DT_ERR_NOMEM, ws, 0, 0,
			                  "out of memory");
	}
	for (i = 0; rc == DT_OK && i < n; i++)
		rc = add_file(w, ws, files[i], err);
	if (rc != DT_OK) {
		exercise_watch_close(w);
		return rc;
	}
	*out = w;
	return DT_OK;
}

void exercise_watch_close(struct exercise_watch *watch)
{
	if (!watch)
		return;
	if (watch->fd >= 0)
		close(watch->fd);
	dt_arena_fini(&watch->arena);
	dt_free(watch);
}

const char *exercise_watch_changed(const struct exercise_watch *watch)
{
	return watch->changed;
}

static struct watch_dir *dir_of(struct exercise_watch *w, int wd)
{
	size_t i;

	for (i = 0; i < w->n_dirs; i++)
		if (w->dirs[i].wd == wd)
			return &w->dirs[i];
	return NULL;
}

/* Notes one event; true when it concerns a watched file. */
static bool take_event(struct exercise_watch *w,
                       const struct inotify_event *ev)
{
	struct watch_dir *d;
	size_t i;

	/* Events were lost: anything may have changed. */
	if (ev->mask & IN_Q_OVERFLOW) {
		if (w->n_files > 0)
			w->changed = w->files[0].rel;
		return true;
	}
	d = dir_of(w, ev->wd);
	if (!d)
		return false;
	if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
		d->lost = true;
		return true;
	}
	if (ev->len == 0)
		return false;
	for (i = 0; i < w->n_files; i++) {
		const struct watch_file *f = &w->files[i];

		if (&w->dirs[f->dir] == d && strcmp(f->base, ev->name) == 0) {
			w->changed = f->rel;
			return true;
		}
	}
	return false;
}

/* Reads every pending event; 1 when one concerned a watched file, 0 when
 * none did, -1 on error. */
static int drain(struct exercise_watch *w, struct dt_error *err)
{
	_Alignas(struct inotify_event) char buf[8192];
	int hit = 0;

	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		size_t off = 0;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return hit;
		if (n <= 0) {
			dt_error_set(err, DT_ERR_IO, NULL, 0, 0,
			             "cannot read file events: %s",
			             n < 0 ? strerror(errno) : "end of file");
			return -1;
		}
		while (off + sizeof(struct inotify_event) <= (size_t)n) {
			const struct inotify_event *ev =
				(const struct inotify_event *)(buf + off);

			if (take_event(w, ev))
				hit = 1;
			off += sizeof *ev + ev->len;
		}
	}
}

/* Watches again the folders that were moved or deleted; false when one
 * is gone for good. */
static bool rewatch(struct exercise_watch *w, struct dt_error *err)
{
	size_t i;

	for (i = 0; i < w->n_dirs; i++) {
		struct watch_dir *d = &w->dirs[i];

		if (!d->lost)
			continue;
		if (d->wd >= 0)
			(void)inotify_rm_watch(w->fd, d->wd);
		d->wd = inotify_add_watch(w->fd, d->path,
		                          WATCH_EVENTS | IN_ONLYDIR);
		d->lost = false;
		if (d->wd < 0) {
			dt_error_set(err, DT_ERR_NOTFOUND, d->path, 0, 0,
			             "the workspace folder was moved or deleted");
			return false;
		}
		if (!w->changed && w->n_files > 0)
			w->changed = w->files[0].rel;
	}
	return true;
}

/* poll() on the watch; 1 readable, 0 timeout, -1 signal, -2 error. */
static int wait_readable(struct exercise_watch *w, int timeout_ms,
                         struct dt_error *err)
{
	struct pollfd p = {.fd = w->fd, .events = POLLIN};
	int rc = poll(&p, 1, timeout_ms);

	if (rc < 0 && errno == EINTR)
		return -1;
	if (rc < 0) {
		dt_error_set(err, DT_ERR_IO, NULL, 0, 0,
		             "cannot wait for file events: %s", strerror(errno));
		return -2;
	}
	return rc > 0;
}

/* After the first event: wait for the burst to end. */
static enum exercise_wait settle(struct exercise_watch *w,
                                 struct dt_error *err)
{
	uint64_t deadline = dt_now_ms() + EXERCISE_WATCH_SETTLE_MS;

	for (;;) {
		uint64_t now = dt_now_ms();
		int left = now >= deadline ? 0 : (int)(deadline - now);
		int rc = wait_readable(w, left < EXERCISE_WATCH_QUIET_MS
		                              ? left : EXERCISE_WATCH_QUIET_MS,
		                       err);

		if (rc == -1)
			return EXERCISE_WAIT_INTERRUPTED;
		if (rc == -2 || (rc == 1 && drain(w, err) < 0))
			return EXERCISE_WAIT_ERROR;
		if (rc == 0 || left == 0)
			break;
	}
	return rewatch(w, err) ? EXERCISE_WAIT_CHANGED : EXERCISE_WAIT_ERROR;
}

enum exercise_wait exercise_watch_wait(struct exercise_watch *watch,
                                       int timeout_ms, struct dt_error *err)
{
	uint64_t deadline = dt_now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	watch->changed = NULL;
	for (;;) {
		int left = -1, rc, hit;

		if (timeout_ms >= 0) {
			uint64_t now = dt_now_ms();

			left = now >= deadline ? 0 : (int)(deadline - now);
		}
		rc = wait_readable(watch, left, err);
		if (rc == -1)
			return EXERCISE_WAIT_INTERRUPTED;
		if (rc == -2)
			return EXERCISE_WAIT_ERROR;
		if (rc == 0)
			return EXERCISE_WAIT_TIMEOUT;
		hit = drain(watch, err);
		if (hit < 0)
			return EXERCISE_WAIT_ERROR;
		if (hit > 0)
			return settle(watch, err);
	}
}
