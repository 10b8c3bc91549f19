/* Unit tests for learners' workspaces, solutions, the watch and the editor
 * command (src/exercise/workspace.c, solution.c, watch.c, editor.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dockertutor/exercise.h"

#define assert_contains(hay, needle)                                     \
	do {                                                             \
		if (!strstr((hay), (needle)))                            \
			fail_msg("'%s' does not contain '%s'", (hay),    \
			         (needle));                              \
	} while (0)

static int rm_entry(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void rm_tree(const char *path)
{
	assert_int_equal(nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
}

static void put(const char *dir, const char *name, const char *text,
                unsigned mode)
{
	char path[1024];
	struct dt_error err = {0};

	assert_true(dt_snprintf(path, sizeof path, "%s/%s", dir, name));
	if (dt_write_file(path, text, strlen(text), mode, &err) != DT_OK)
		fail_msg("%s: %s", path, err.msg);
}

/* The content of dir/name, in a static buffer; "" when missing. */
static const char *get(const char *dir, const char *name)
{
	static char text[4096];
	char path[1024], *data;
	size_t len;

	assert_true(dt_snprintf(path, sizeof path, "%s/%s", dir, name));
	text[0] = '\0';
	if (dt_read_file(path, sizeof text - 1, &data, &len, NULL) == DT_OK) {
		memcpy(text, data, len + 1);
		dt_free(data);
	}
	return text;
}

static bool exists(const char *dir, const char *name)
{
	char path[1024];
	struct stat st;

	assert_true(dt_snprintf(path, sizeof path, "%s/%s", dir, name));
	return lstat(path, &st) == 0;
}

/* A scratch folder with an exercise of three starter files. */
struct fixture {
	char tmp[64];
	char dir[128];           /* the exercise folder */
	char ws[256];            /* where its workspace goes */
	const char *files[3];
	struct course_exercise ex;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char app[256];

	if (!f)
		return -1;
	strcpy(f->tmp, "/tmp/dt-ws-test-XXXXXX");
	if (!mkdtemp(f->tmp))
		return -1;
	snprintf(f->dir, sizeof f->dir, "%s/exercise", f->tmp);
	snprintf(f->ws, sizeof f->ws, "%s/data/ana/demo", f->tmp);
	if (dt_mkdir_p(f->dir, 0700, NULL) != DT_OK ||
	    !dt_snprintf(app, sizeof app, "%s/app", f->dir) ||
	    mkdir(app, 0700) != 0)
		return -1;
	put(f->dir, "Dockerfile", "FROM alpine\nCMD sh\n", 0644);
	put(f->dir, "app/server.js", "console.log('hi')\n", 0644);
	put(f->dir, "run.sh", "#!/bin/sh\nexec node app/server.js\n", 0755);
	f->files[0] = "Dockerfile";
	f->files[1] = "app/server.js";
	f->files[2] = "run.sh";
	f->ex.id = "demo";
	f->ex.lesson_id = "writing-dockerfiles";
	f->ex.title = "Demo";
	f->ex.task = "Fix it.";
	f->ex.dir = f->dir;
	f->ex.files = f->files;
	f->ex.n_files = 3;
	f->ex.target = "Dockerfile";
	f->ex.solution = "solution.Dockerfile";
	put(f->dir, "solution.Dockerfile", "FROM alpine:3.20\n", 0644);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	rm_tree(f->tmp);
	free(f);
	return 0;
}

static void test_workspace_root(void **state)
{
	char out[64];
	struct dt_error err = {0};

	(void)state;
	assert_int_equal(exercise_workspace_root("/xdg", "/home/ana", out,
	                                         sizeof out, &err), DT_OK);
	assert_string_equal(out, "/xdg/dockertutor/exercises");
	/* The XDG specification: a relative or empty value is ignored. */
	assert_int_equal(exercise_workspace_root("rel", "/home/ana", out,
	                                         sizeof out, &err), DT_OK);
	assert_string_equal(out, "/home/ana/.local/share/dockertutor/exercises");
	assert_int_equal(exercise_workspace_root("", "/home/ana", out,
	                                         sizeof out, &err), DT_OK);
	assert_int_equal(exercise_workspace_root(NULL, NULL, out, sizeof out,
	                                         &err), DT_ERR_NOTFOUND);
	assert_contains(err.msg, "HOME");
	assert_int_equal(exercise_workspace_root("/a/very/long/data/home/path",
	                                         NULL, out, 20, &err),
	                 DT_ERR_LIMIT);
}

static void test_learner_names_and_paths(void **state)
{
	char out[128], long_name[80];
	struct dt_error err = {0};

	(void)state;
	assert_true(exercise_learner_is_valid("ana"));
	assert_true(exercise_learner_is_valid("ana.b-2"));
	assert_true(exercise_learner_is_valid("Zo\xc3\xab"));
	assert_false(exercise_learner_is_valid(""));
	assert_false(exercise_learner_is_valid(".."));
	assert_false(exercise_learner_is_valid(".hidden"));
	assert_false(exercise_learner_is_valid("a/b"));
	assert_false(exercise_learner_is_valid("a\x1b[31m"));
	assert_false(exercise_learner_is_valid("bad\xff"));
	memset(long_name, 'x', 65);
	long_name[65] = '\0';
	assert_false(exercise_learner_is_valid(long_name));
	long_name[64] = '\0';
	assert_true(exercise_learner_is_valid(long_name));
	assert_int_equal(exercise_workspace_path("/r", "ana", "non-root-user", out,
	                                         sizeof out, &err), DT_OK);
	assert_string_equal(out, "/r/ana/non-root-user");
	assert_int_equal(exercise_workspace_path("/r", "../x", "demo", out,
	                                         sizeof out, &err),
	                 DT_ERR_INVALID);
	assert_int_equal(exercise_workspace_path("/r", "ana", "../../etc", out,
	                                         sizeof out, &err),
	                 DT_ERR_INVALID);
	assert_int_equal(exercise_workspace_path("/r", "ana", "demo", out, 8,
	                                         &err), DT_ERR_LIMIT);
}

static void test_prepare_once_never_overwrites(void **state)
{
	struct fixture *f = *state;
	struct dt_error err = {0};
	char run[300];
	struct stat st;
	bool created = false;

	assert_false(exercise_workspace_exists(f->ws));
	assert_int_equal(exercise_workspace_prepare(&f->ex, f->ws, &created,
	                                            &err), DT_OK);
	assert_true(created);
	assert_string_equal(get(f->ws, "Dockerfile"), "FROM alpine\nCMD sh\n");
	assert_string_equal(get(f->ws, "app/server.js"), "console.log('hi')\n");
	/* Permission bits come along: the script stays executable. */
	snprintf(run, sizeof run, "%s/run.sh", f->ws);
	assert_int_equal(stat(run, &st), 0);
	assert_true(st.st_mode & S_IXUSR);
	/* The learner's edits and deletions are never undone. */
	put(f->ws, "Dockerfile", "FROM alpine:3.20\n", 0644);
	assert_int_equal(unlink(run), 0);
	assert_int_equal(exercise_workspace_prepare(&f->ex, f->ws, &created,
	                                            &err), DT_OK);
	assert_false(created);
	assert_string_equal(get(f->ws, "Dockerfile"), "FROM alpine:3.20\n");
	assert_false(exists(f->ws, "run.sh"));
	assert_int_equal(exercise_workspace_prepare(&f->ex, f->ws, NULL, &err),
	                 DT_OK);
}

/* Nothing named WS.new-* is left beside the workspace. */
static void assert_no_leftovers(const char *ws)
{
	char parent[256], *slash;
	struct dirent *e;
	DIR *d;

	assert_true(dt_strlcpy(parent, ws, sizeof parent));
	slash = strrchr(parent, '/');
	*slash = '\0';
	d = opendir(parent);
	if (!d)
		return;
	while ((e = readdir(d)))
		if (strstr(e->d_name, ".new-"))
			fail_msg("left behind: %s/%s", parent, e->d_name);
	closedir(d);
}

static void test_prepare_missing_starter(void **state)
{
	struct fixture *f = *state;
	struct dt_error err = {0};
	const char *files[] = {"Dockerfile", "missing.txt"};
	struct course_exercise ex = f->ex;

	ex.files = files;
	ex.n_files = 2;
	assert_int_not_equal(exercise_workspace_prepare(&ex, f->ws, NULL, &err),
	                     DT_OK);
	assert_contains(err.path, "missing.txt");
	/* All or nothing: no half-made workspace. */
	assert_false(exercise_workspace_exists(f->ws));
	assert_no_leftovers(f->ws);
	files[1] = "../escape";
	assert_int_equal(exercise_workspace_prepare(&ex, f->ws, NULL, &err),
	                 DT_ERR_INVALID);
	assert_false(exercise_workspace_exists(f->ws));
}

static void expected_backup(const char *ws, time_t now, const char *suffix,
                            char *out, size_t size)
{
	char stamp[32];
	struct tm tm;

	assert_non_null(localtime_r(&now, &tm));
	assert_true(strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) > 0);
	assert_true(dt_snprintf(out, size, "%s.bak-%s%s", ws, stamp, suffix));
}

static void test_reset_keeps_a_backup(void **state)
{
	struct fixture *f = *state;
	struct dt_error err = {0};
	char backup[512], want[512];
	time_t now = 1700000000;

	/* No workspace yet: reset simply makes one. */
	assert_int_equal(exercise_workspace_reset(&f->ex, f->ws, now, backup,
	                                          sizeof backup, &err), DT_OK);
	assert_string_equal(backup, "");
	assert_true(exercise_workspace_exists(f->ws));
	put(f->ws, "Dockerfile", "FROM alpine:3.20\nUSER app\n", 0644);
	put(f->ws, ".dockerignore", ".git\n", 0644);
	assert_int_equal(exercise_workspace_reset(&f->ex, f->ws, now, backup,
	                                          sizeof backup, &err), DT_OK);
	expected_backup(f->ws, now, "", want, sizeof want);
	assert_string_equal(backup, want);
	assert_string_equal(get(backup, "Dockerfile"),
	                    "FROM alpine:3.20\nUSER app\n");
	assert_string_equal(get(backup, ".dockerignore"), ".git\n");
	assert_string_equal(get(f->ws, "Dockerfile"), "FROM alpine\nCMD sh\n");
	assert_false(exists(f->ws, ".dockerignore"));
	/* A second reset in the same second gets a name of its own. */
	put(f->ws, "Dockerfile", "second try\n", 0644);
	assert_int_equal(exercise_workspace_reset(&f->ex, f->ws, now, backup,
	                                          sizeof backup, &err), DT_OK);
	expected_backup(f->ws, now, "-2", want, sizeof want);
	assert_string_equal(backup, want);
	assert_string_equal(get(backup, "Dockerfile"), "second try\n");
	assert_no_leftovers(f->ws);
}

static void test_failed_reset_keeps_the_learners_files(void **state)
{
	struct fixture *f = *state;
	struct dt_error err = {0};
	const char *files[] = {"Dockerfile", "gone.txt"};
	struct course_exercise broken = f->ex;
	char backup[512];

	assert_int_equal(exercise_workspace_prepare(&f->ex, f->ws, NULL, &err),
	                 DT_OK);
	put(f->ws, "Dockerfile", "mine\n", 0644);
	broken.files = files;
	broken.n_files = 2;
	assert_int_not_equal(exercise_workspace_reset(&broken, f->ws, 1700000000,
	                                              backup, sizeof backup,
	                                              &err), DT_OK);
	assert_string_equal(get(f->ws, "Dockerfile"), "mine\n");
	assert_string_equal(backup, "");
	assert_no_leftovers(f->ws);
}

static void test_prepare_allocation_failures(void **state)
{
	struct fixture *f = *state;
	unsigned long n;
	bool done = false;

	for (n = 1; !done && n < 10000; n++) {
		struct dt_error err = {0};
		enum dt_status rc;

		dt_alloc_fail_at(n);
		rc = exercise_workspace_prepare(&f->ex, f->ws, NULL, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			done = true;
		} else {
			assert_int_equal(rc, DT_ERR_NOMEM);
			assert_false(exercise_workspace_exists(f->ws));
			assert_no_leftovers(f->ws);
		}
	}
	assert_true(done);
	assert_string_equal(get(f->ws, "Dockerfile"), "FROM alpine\nCMD sh\n");
}

static void test_solution_unlocking(void **state)
{
	int left = -1;

	(void)state;
	assert_false(exercise_solution_unlocked(false, 0, &left));
	assert_int_equal(left, 3);
	assert_false(exercise_solution_unlocked(false, 2, &left));
	assert_int_equal(left, 1);
	assert_true(exercise_solution_unlocked(false, 3, &left));
	assert_int_equal(left, 0);
	assert_true(exercise_solution_unlocked(true, 0, &left));
	assert_true(exercise_solution_unlocked(false, 7, NULL));
}

static void test_solution_load(void **state)
{
	struct fixture *f = *state;
	struct exercise_file *files;
	struct dt_arena arena;
	struct dt_error err = {0};
	struct course_exercise ex = f->ex;
	char sol[256];
	size_t n;

	dt_arena_init(&arena);
	/* A solution beside the starters: only the one file. */
	assert_int_equal(exercise_solution_load(&ex, &arena, &files, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 1);
	assert_string_equal(files[0].name, "solution.Dockerfile");
	assert_string_equal(files[0].data, "FROM alpine:3.20\n");
	/* A solution folder: the solution first, then its other files. */
	snprintf(sol, sizeof sol, "%s/solution", f->dir);
	assert_int_equal(mkdir(sol, 0700), 0);
	put(sol, "Dockerfile", "FROM alpine:3.20\nUSER app\n", 0644);
	put(sol, ".dockerignore", ".env\n", 0644);
	put(sol, "NOTES", "why\n", 0644);
	ex.solution = "solution/Dockerfile";
	assert_int_equal(exercise_solution_load(&ex, &arena, &files, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 3);
	assert_string_equal(files[0].name, "Dockerfile");
	assert_string_equal(files[1].name, ".dockerignore");
	assert_string_equal(files[1].data, ".env\n");
	assert_int_equal(files[1].len, 5);
	assert_string_equal(files[2].name, "NOTES");
	ex.solution = "solution/Missing";
	assert_int_equal(exercise_solution_load(&ex, &arena, &files, &n, &err),
	                 DT_ERR_NOTFOUND);
	dt_arena_fini(&arena);
}

/* A file with a NUL byte keeps every byte its length says it has (it was
 * cut at the NUL while len kept the file's size, so readers went past the
 * copy). */
static void test_solution_load_keeps_nul_bytes(void **state)
{
	static const char text[] = "FROM alpine\0garbage after the NUL\n";
	struct fixture *f = *state;
	struct exercise_file *files;
	struct dt_arena arena;
	struct dt_error err = {0};
	struct course_exercise ex = f->ex;
	char path[256];
	size_t n;

	snprintf(path, sizeof path, "%s/solution.Dockerfile", f->dir);
	assert_int_equal(dt_write_file(path, text, sizeof text - 1, 0644, &err),
	                 DT_OK);
	dt_arena_init(&arena);
	assert_int_equal(exercise_solution_load(&ex, &arena, &files, &n, &err),
	                 DT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(files[0].len, sizeof text - 1);
	assert_memory_equal(files[0].data, text, sizeof text);
	dt_arena_fini(&arena);
}

static void assert_argv(char **argv, const char *const *want)
{
	size_t i;

	for (i = 0; want[i]; i++) {
		assert_non_null(argv[i]);
		assert_string_equal(argv[i], want[i]);
	}
	assert_null(argv[i]);
}

static void test_editor_argv(void **state)
{
	struct fixture *f = *state;
	struct dt_arena arena;
	struct dt_error err = {0};
	char bin[256], many[400];
	char **argv;
	size_t i;

	dt_arena_init(&arena);
	assert_int_equal(exercise_editor_argv("code --wait", "nano", "/bin",
	                                      "/w/Dockerfile", &arena, &argv,
	                                      &err), DT_OK);
	assert_argv(argv, (const char *[]){"code", "--wait", "/w/Dockerfile",
	                                   NULL});
	/* A blank VISUAL falls through to EDITOR. */
	assert_int_equal(exercise_editor_argv("  ", "nano -w", NULL, "f", &arena,
	                                      &argv, &err), DT_OK);
	assert_argv(argv, (const char *[]){"nano", "-w", "f", NULL});
	/* Quotes group, a backslash escapes, nothing else is special. */
	assert_int_equal(exercise_editor_argv("\"/opt/My Editor/ed\" -a 'x \"y'"
	                                      " a\\ b $HOME;rm", NULL, NULL,
	                                      "f", &arena, &argv, &err), DT_OK);
	assert_argv(argv, (const char *[]){"/opt/My Editor/ed", "-a", "x \"y",
	                                   "a b", "$HOME;rm", "f", NULL});
	assert_int_equal(exercise_editor_argv("vim 'oops", NULL, NULL, "f",
	                                      &arena, &argv, &err),
	                 DT_ERR_INVALID);
	assert_contains(err.msg, "unclosed quote");
	/* Neither set: vi, else nano, found on PATH. */
	snprintf(bin, sizeof bin, "%s/bin", f->tmp);
	assert_int_equal(mkdir(bin, 0700), 0);
	put(bin, "nano", "#!/bin/sh\n", 0755);
	put(bin, "vi", "not executable\n", 0644);
	assert_int_equal(exercise_editor_argv(NULL, "", bin, "f", &arena, &argv,
	                                      &err), DT_OK);
	assert_argv(argv, (const char *[]){"nano", "f", NULL});
	put(bin, "vi", "#!/bin/sh\n", 0755);
	assert_int_equal(exercise_editor_argv(NULL, NULL, bin, "f", &arena,
	                                      &argv, &err), DT_OK);
	assert_argv(argv, (const char *[]){"vi", "f", NULL});
	assert_int_equal(exercise_editor_argv(NULL, NULL, "/nonexistent", "f",
	                                      &arena, &argv, &err),
	                 DT_ERR_NOTFOUND);
	assert_contains(err.msg, "VISUAL or EDITOR");
	for (i = 0; i < 2 * EXERCISE_MAX_EDITOR_ARGS; i++)
		memcpy(many + 2 * i, "a ", 2);
	many[2 * i] = '\0';
	assert_int_equal(exercise_editor_argv(many, NULL, NULL, "f", &arena,
	                                      &argv, &err), DT_ERR_LIMIT);
	dt_arena_fini(&arena);
}

static void test_editor_run(void **state)
{
	struct dt_error err = {0};
	struct sigaction ign, old;
	int status;

	(void)state;
	assert_int_equal(exercise_editor_run((char *[]){"true", NULL}, &status,
	                                     &err), DT_OK);
	assert_int_equal(status, 0);
	assert_int_equal(exercise_editor_run((char *[]){"false", NULL}, &status,
	                                     &err), DT_OK);
	assert_int_equal(status, 1);
	assert_int_equal(exercise_editor_run((char *[]){"/nonexistent/editor",
	                                                NULL}, &status, &err),
	                 DT_ERR_NOTFOUND);
	/* The caller ignores Ctrl-C while the editor runs; the editor does
	 * not. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	assert_int_equal(sigaction(SIGINT, &ign, &old), 0);
	assert_int_equal(exercise_editor_run((char *[]){"sh", "-c",
	                                                "kill -INT $$; exit 3",
	                                                NULL}, &status, &err),
	                 DT_OK);
	assert_int_equal(sigaction(SIGINT, &old, NULL), 0);
	assert_int_equal(status, 128 + SIGINT);
}

/* A caller that blocks Ctrl-C (rather than ignoring it) must not hand the
 * block on: the editor still dies of SIGINT, as system() arranges. */
static void test_editor_run_unblocks_signals(void **state)
{
	struct dt_error err = {0};
	sigset_t block, old;
	int status;

	(void)state;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGQUIT);
	assert_int_equal(sigprocmask(SIG_BLOCK, &block, &old), 0);
	assert_int_equal(exercise_editor_run((char *[]){"sh", "-c",
	                                                "kill -INT $$; exit 3",
	                                                NULL}, &status, &err),
	                 DT_OK);
	assert_int_equal(sigprocmask(SIG_SETMASK, &old, NULL), 0);
	assert_int_equal(status, 128 + SIGINT);
}

/* Waits without blocking: events are queued when the write returns, so a
 * zero timeout sees them. */
static enum exercise_wait poll_now(struct exercise_watch *w)
{
	struct dt_error err = {0};
	enum exercise_wait r = exercise_watch_wait(w, 0, &err);

	if (r == EXERCISE_WAIT_ERROR)
		print_message("watch: %s: %s\n", err.path, err.msg);
	return r;
}

static void test_watch_sees_saves(void **state)
{
	struct fixture *f = *state;
	const char *files[] = {"Dockerfile", ".dockerignore", "app/server.js"};
	struct exercise_watch *w;
	struct dt_error err = {0};
	char tmp[512], dst[512];
	int i;

	assert_int_equal(exercise_workspace_prepare(&f->ex, f->ws, NULL, &err),
	                 DT_OK);
	assert_int_equal(exercise_watch_open(f->ws, files, 3, &w, &err), DT_OK);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_TIMEOUT);
	/* Files nobody checks do not count: notes, swap files. */
	put(f->ws, "notes.txt", "x\n", 0644);
	put(f->ws, ".Dockerfile.swp", "x\n", 0644);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_TIMEOUT);
	/* A save in place. */
	put(f->ws, "Dockerfile", "FROM alpine:3.20\n", 0644);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_CHANGED);
	assert_string_equal(exercise_watch_changed(w), "Dockerfile");
	assert_int_equal(poll_now(w), EXERCISE_WAIT_TIMEOUT);
	/* A save by rename, as vim does, and a burst of saves: one change. */
	snprintf(tmp, sizeof tmp, "%s/4913", f->ws);
	snprintf(dst, sizeof dst, "%s/Dockerfile", f->ws);
	for (i = 0; i < 50; i++) {
		put(f->ws, "4913", "FROM alpine:3.21\n", 0644);
		assert_int_equal(rename(tmp, dst), 0);
	}
	assert_int_equal(poll_now(w), EXERCISE_WAIT_CHANGED);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_TIMEOUT);
	/* A new file the checks look for, and one in a subfolder. */
	put(f->ws, ".dockerignore", ".git\n", 0644);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_CHANGED);
	assert_string_equal(exercise_watch_changed(w), ".dockerignore");
	put(f->ws, "app/server.js", "//\n", 0644);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_CHANGED);
	assert_string_equal(exercise_watch_changed(w), "app/server.js");
	exercise_watch_close(w);
	exercise_watch_close(NULL);
}

static void test_watch_follows_a_reset(void **state)
{
	struct fixture *f = *state;
	const char *files[] = {"Dockerfile"};
	struct exercise_watch *w;
	struct dt_error err = {0};
	char backup[512];

	assert_int_equal(exercise_workspace_prepare(&f->ex, f->ws, NULL, &err),
	                 DT_OK);
	assert_int_equal(exercise_watch_open(f->ws, files, 1, &w, &err), DT_OK);
	assert_int_equal(exercise_workspace_reset(&f->ex, f->ws, 1700000000,
	                                          backup, sizeof backup, &err),
	                 DT_OK);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_CHANGED);
	/* The watch now follows the new folder, not the backup. */
	put(backup, "Dockerfile", "old\n", 0644);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_TIMEOUT);
	put(f->ws, "Dockerfile", "new\n", 0644);
	assert_int_equal(poll_now(w), EXERCISE_WAIT_CHANGED);
	/* A workspace deleted for good ends the watch with an error. */
	rm_tree(f->ws);
	assert_int_equal(exercise_watch_wait(w, 0, &err), EXERCISE_WAIT_ERROR);
	assert_contains(err.msg, "moved or deleted");
	exercise_watch_close(w);
}

static void test_watch_open_errors(void **state)
{
	struct fixture *f = *state;
	const char *bad[] = {"../outside"};
	const char *ok[] = {"Dockerfile"};
	struct exercise_watch *w = NULL;
	struct dt_error err = {0};
	unsigned long n;
	bool done = false;

	assert_int_equal(exercise_watch_open(f->ws, ok, 1, &w, &err),
	                 DT_ERR_NOTFOUND);
	assert_null(w);
	assert_int_equal(exercise_workspace_prepare(&f->ex, f->ws, NULL, &err),
	                 DT_OK);
	assert_int_equal(exercise_watch_open(f->ws, bad, 1, &w, &err),
	                 DT_ERR_INVALID);
	for (n = 1; !done && n < 1000; n++) {
		enum dt_status rc;

		dt_alloc_fail_at(n);
		rc = exercise_watch_open(f->ws, ok, 1, &w, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK)
			done = true;
		else
			assert_int_equal(rc, DT_ERR_NOMEM);
	}
	assert_true(done);
	exercise_watch_close(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workspace_root),
		cmocka_unit_test(test_learner_names_and_paths),
		cmocka_unit_test_setup_teardown(test_prepare_once_never_overwrites,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_prepare_missing_starter,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_reset_keeps_a_backup,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_failed_reset_keeps_the_learners_files, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_prepare_allocation_failures,
		                                setup, teardown),
		cmocka_unit_test(test_solution_unlocking),
		cmocka_unit_test_setup_teardown(test_solution_load_keeps_nul_bytes,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_solution_load, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_editor_argv, setup, teardown),
		cmocka_unit_test(test_editor_run),
		cmocka_unit_test(test_editor_run_unblocks_signals),
		cmocka_unit_test_setup_teardown(test_watch_sees_saves, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_watch_follows_a_reset, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_watch_open_errors, setup,
		                                teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
