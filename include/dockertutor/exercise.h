/* dockertutor/exercise.h - hands-on Dockerfile exercises: the checks of an
 * exercise (docs/content-format.md) run on a learner's Dockerfile, the
 * learner's workspaces, watching a workspace for saves, and the editor's
 * command line.
 *
 * The checks read the linter's parse tree and findings (dockertutor/lint.h)
 * and the exercise from the course model (dockertutor/course.h).  Nothing
 * here prints or touches the database, and only exercise_editor_run reads
 * the environment ($PATH, as execvp does): callers pass $XDG_DATA_HOME,
 * $VISUAL and the like in, and print what comes back.
 *
 * Ownership: a struct exercise_report owns one arena with its results and
 * messages, and the lint result they were made from; exercise_report_free
 * releases all of it.  It borrows the checks it was given (from a struct
 * course), which must outlive it.  A struct exercise_watch owns its inotify
 * descriptor; exercise_watch_close releases it.  Free functions accept NULL.
 */
#ifndef DOCKERTUTOR_EXERCISE_H
#define DOCKERTUTOR_EXERCISE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "dockertutor/course.h"
#include "dockertutor/lint.h"
#include "dockertutor/util.h"

/* Caps on untrusted input. */
#define EXERCISE_MAX_FILE        (1024u * 1024u) /* bytes of a checked,
                                                    starter or solution file */
#define EXERCISE_MAX_LEARNER     64u    /* bytes of a learner name in a path */
#define EXERCISE_MAX_EDITOR_ARGS 64u    /* words of $VISUAL or $EDITOR */
#define EXERCISE_MAX_EDITOR_CMD  4096u  /* bytes of $VISUAL or $EDITOR */
#define EXERCISE_MAX_WATCHED     32u    /* folders one watch follows */

/* Failed checks after which the reference solution may be shown. */
#define EXERCISE_SOLUTION_AFTER  3

/* ---- Checks ------------------------------------------------------------ */

/* The outcome of one check, in the learner's terms. */
struct exercise_result {
	const struct course_check *check;  /* borrowed */
	bool passed;
	const char *file;        /* the file it concerns: the target, or the
	                            path a file_exists check names */
	int line;                /* 1-based line in file; 0 when none */
	const char *message;     /* one sentence, e.g. "The final stage still
	                            runs as root: add a USER instruction after
	                            creating the user." */
};

struct exercise_report {
	struct dt_arena arena;   /* results, messages, findings array */
	const char *target;      /* the checked file's name, e.g. "Dockerfile" */
	struct exercise_result *results;   /* one per check, in order */
	size_t n_results;
	size_t n_passed;
	struct lint_result *lint;          /* owned: the parse and findings */
	/* The findings shown to the learner: every finding of lint except
	 * those of rules that are off by default and were switched on only
	 * to evaluate forbid_rule or require_rule.  Point into lint. */
	const struct lint_finding **findings;
	size_t n_findings;
};

/* Runs checks[0..n_checks) on data[0..len), the content of the file named
 * target (used in findings and results).  ws is the workspace folder that
 * file_exists checks look in; NULL makes them fail.  The linter runs with
 * its defaults except: ShellCheck off (results must not depend on what is
 * installed) and "# hadolint ignore" comments disregarded (a learner cannot
 * silence a check).  Returns DT_OK with *out set (free with
 * exercise_report_free) whatever the checks say; errors are limits
 * (LINT_MAX_*) and allocation failures only. */
enum dt_status exercise_check_data(const struct course_check *checks,
                                   size_t n_checks, const char *target,
                                   const char *data, size_t len,
                                   const char *ws,
                                   struct exercise_report **out,
                                   struct dt_error *err);

/* Reads ws/ex->target (at most EXERCISE_MAX_FILE bytes) and checks it with
 * ex's checks.  DT_ERR_NOTFOUND (err naming the file) when the target is
 * missing from the workspace. */
enum dt_status exercise_check_workspace(const struct course_exercise *ex,
                                        const char *ws,
                                        struct exercise_report **out,
                                        struct dt_error *err);

void exercise_report_free(struct exercise_report *report);

/* True when every check passed. */
bool exercise_report_passed(const struct exercise_report *report);

/* Appends report->findings as gnu-style lines, "FILE:LINE:COL: severity:
 * message [RULE]", cleaned of control characters.  False when out failed. */
bool exercise_report_write_findings(const struct exercise_report *report,
                                    struct dt_buf *out);

/* ---- Workspaces ---------------------------------------------------------- */

/* A learner's copy of an exercise lives in ROOT/LEARNER/ID, where ROOT is
 * $XDG_DATA_HOME/dockertutor/exercises, or ~/.local/share/dockertutor/
 * exercises when XDG_DATA_HOME is unset, empty or relative (as the XDG
 * specification says).  Writes ROOT into out.  xdg_data_home and home are
 * the variables' values (NULL when unset); DT_ERR_NOTFOUND when neither
 * gives an absolute folder, DT_ERR_LIMIT when the path does not fit. */
enum dt_status exercise_workspace_root(const char *xdg_data_home,
                                       const char *home, char *out,
                                       size_t size, struct dt_error *err);

/* True when name may be used as a learner folder: 1 to
 * EXERCISE_MAX_LEARNER bytes of valid UTF-8, no '/', no control character,
 * not starting with '.'. */
bool exercise_learner_is_valid(const char *name);

/* Writes ROOT/LEARNER/ID into out.  DT_ERR_INVALID for a learner name
 * exercise_learner_is_valid refuses or an id that is not a content id. */
enum dt_status exercise_workspace_path(const char *root, const char *learner,
                                       const char *id, char *out, size_t size,
                                       struct dt_error *err);

/* True when the workspace folder exists. */
bool exercise_workspace_exists(const char *ws);

/* Creates the workspace from the exercise's starter files when it does not
 * exist yet, and never touches one that does: the files are copied into a
 * temporary sibling folder that is then renamed into place, so a workspace
 * is either complete or absent, and two processes racing to create it end
 * up with one.  *created (may be NULL) says whether this call made it.
 * Folders are made mode 0700; files keep their starter's permission bits. */
enum dt_status exercise_workspace_prepare(const struct course_exercise *ex,
                                          const char *ws, bool *created,
                                          struct dt_error *err);

/* Moves the workspace aside to "WS.bak-YYYYMMDD-HHMMSS" (local time of now;
 * "-2", "-3"... appended when that name is taken) and creates it again from
 * the starter files.  The backup's path goes into backup (size bytes; may
 * be NULL).  A missing workspace is simply created (backup gets ""). */
enum dt_status exercise_workspace_reset(const struct course_exercise *ex,
                                        const char *ws, time_t now,
                                        char *backup, size_t size,
                                        struct dt_error *err);

/* ---- Solutions ----------------------------------------------------------- */

/* True when the reference solution may be shown: the learner passed, or
 * failed EXERCISE_SOLUTION_AFTER checks.  *left (may be NULL) receives the
 * failed checks still needed otherwise (0 when unlocked). */
bool exercise_solution_unlocked(bool passed, long failed_checks, int *left);

/* A reference file of the exercise: the solution of the target, or another
 * file in the solution's folder (e.g. a .dockerignore the task asks for). */
struct exercise_file {
	const char *name;        /* relative to the solution folder */
	const char *data;        /* NUL-terminated */
	size_t len;
};

/* Reads the solution (first) and every other regular file of its folder
 * (sorted by name), each at most EXERCISE_MAX_FILE bytes, at most 16 files.
 * The array and contents live in arena. */
enum dt_status exercise_solution_load(const struct course_exercise *ex,
                                      struct dt_arena *arena,
                                      struct exercise_file **files,
                                      size_t *n, struct dt_error *err);

/* ---- Watching a workspace for saves -------------------------------------- */

/* Editors save in many ways (write in place, write a temporary file and
 * rename it over the original, delete and create), so a watch follows the
 * folders holding the files and reacts to IN_CLOSE_WRITE, IN_MOVED_TO and
 * IN_CREATE of the names it was given.  Bursts (a save is often several
 * events) are merged: a wait returns once the folder has been quiet for
 * EXERCISE_WATCH_QUIET_MS, or at the latest EXERCISE_WATCH_SETTLE_MS after
 * the first event. */
#define EXERCISE_WATCH_QUIET_MS   150
#define EXERCISE_WATCH_SETTLE_MS  2000

struct exercise_watch;

enum exercise_wait {
	EXERCISE_WAIT_CHANGED,       /* a watched file was saved */
	EXERCISE_WAIT_TIMEOUT,
	EXERCISE_WAIT_INTERRUPTED,   /* a signal arrived: check your flags */
	EXERCISE_WAIT_ERROR,         /* err says why */
};

/* Watches files[0..n) (paths relative to ws).  Free with
 * exercise_watch_close. */
enum dt_status exercise_watch_open(const char *ws, const char *const *files,
                                   size_t n, struct exercise_watch **out,
                                   struct dt_error *err);
void exercise_watch_close(struct exercise_watch *watch);

/* Waits up to timeout_ms (negative: without limit) for a save of a watched
 * file.  On EXERCISE_WAIT_CHANGED, the name of the last file saved (as
 * given to exercise_watch_open) is returned by exercise_watch_changed. */
enum exercise_wait exercise_watch_wait(struct exercise_watch *watch,
                                       int timeout_ms, struct dt_error *err);
const char *exercise_watch_changed(const struct exercise_watch *watch);

/* ---- The editor ------------------------------------------------------------ */

/* Builds the command that opens file in the learner's editor: visual
 * ($VISUAL) if set and not blank, else editor ($EDITOR), else "vi" or
 * "nano", whichever is found first in path ($PATH).  The variable is split
 * into words on blanks; '...' and "..." group words that contain blanks and
 * a backslash escapes the next character; nothing else is special (no
 * variables, no globs, no shell).  file is appended as the last word.
 * *argv (NULL-terminated) and its strings live in arena.  DT_ERR_NOTFOUND
 * when no editor is set or found, DT_ERR_INVALID for an unclosed quote,
 * DT_ERR_LIMIT past EXERCISE_MAX_EDITOR_CMD bytes or
 * EXERCISE_MAX_EDITOR_ARGS words. */
enum dt_status exercise_editor_argv(const char *visual, const char *editor,
                                    const char *path, const char *file,
                                    struct dt_arena *arena, char ***argv,
                                    struct dt_error *err);

/* Starts argv[0] (looked up in $PATH when it has no '/') with argv, without
 * a shell, and waits for it.  The child gets default SIGINT and SIGQUIT
 * handling whatever the caller does with them (a caller usually ignores
 * both while an editor runs, as system() does).  *status receives the exit
 * status, or 128 + N when the editor died of signal N.  DT_ERR_NOTFOUND
 * when the program does not exist. */
enum dt_status exercise_editor_run(char *const *argv, int *status,
                                   struct dt_error *err);

/* ---- Status -------------------------------------------------------------- */

#define EXERCISE_STATUS_LIST(X)                   \
	X(EXERCISE_NOT_STARTED, "not started")    \
	X(EXERCISE_IN_PROGRESS, "in progress")    \
	X(EXERCISE_PASSED,      "passed")

enum exercise_status {
#define EXERCISE_STATUS_ENUM(code, text) code,
	EXERCISE_STATUS_LIST(EXERCISE_STATUS_ENUM)
#undef EXERCISE_STATUS_ENUM
};

/* "not started", "in progress", "passed". */
const char *exercise_status_name(enum exercise_status status);

#endif
