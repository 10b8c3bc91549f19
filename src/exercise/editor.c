/* Opening a file in the learner's editor: $VISUAL or $EDITOR split into
 * words without a shell (so nothing in them is ever run as shell code),
 * then started with posix_spawnp and waited for. */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exercise_int.h"

extern char **environ;

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Reads one word starting at *s into out (at least strlen(*s) + 1 bytes)
 * and advances *s past it; false on an unclosed quote. */
static bool next_word(const char **s, char *out)
{
	const char *p = *s;
	char quote = 0;

	for (; *p && (quote || !is_blank(*p)); p++) {
		if (quote && *p == quote) {
			quote = 0;
		} else if (!quote && (*p == '\'' || *p == '"')) {
			quote = *p;
		} else if (*p == '\\' && quote != '\'' && p[1]) {
			*out++ = *++p;
		} else {
			*out++ = *p;
		}
	}
	*out = '\0';
	*s = p;
	return quote == 0;
}

static enum dt_status split_words(const char *cmd, const char *file,
                                  struct dt_arena *arena, char ***argv,
                                  struct dt_error *err)
{
	size_t len = strlen(cmd), n = 0;
	char **words, *word;

	if (len > EXERCISE_MAX_EDITOR_CMD)
		return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0, "the editor "
		                    "command is longer than %u bytes",
		                    EXERCISE_MAX_EDITOR_CMD);
	words = dt_arena_alloc(arena, (EXERCISE_MAX_EDITOR_ARGS + 2) *
	                       sizeof *words);
	word = dt_arena_alloc(arena, len + 1);
	if (!words || !word)
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0,
		                    "out of memory");
	for (;;) {
		while (is_blank(*cmd))
			cmd++;
		if (!*cmd)
			break;
		if (n == EXERCISE_MAX_EDITOR_ARGS)
			return dt_error_set(err, DT_ERR_LIMIT, NULL, 0, 0, "the "
			                    "editor command has more than %u "
			                    "words", EXERCISE_MAX_EDITOR_ARGS);
		if (!next_word(&cmd, word))
			return dt_error_set(err, DT_ERR_INVALID, NULL, 0, 0,
			                    "the editor command has an unclosed "
			                    "quote");
		words[n] = dt_arena_strdup(arena, word);
		if (!words[n++])
			return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0,
			                    "out of memory");
	}
	words[n] = dt_arena_strdup(arena, file);
	words[n + 1] = NULL;
	if (!words[n])
		return dt_error_set(err, DT_ERR_NOMEM, NULL, 0, 0,
		                    "out of memory");
	*argv = words;
	return DT_OK;
}

/* True when name is an executable file in one of path's folders. */
static bool on_path(const char *path, const char *name)
{
	char full[4096];
	struct stat st;

	while (path && *path) {
		size_t n = strcspn(path, ":");

		if (n > 0 && dt_snprintf(full, sizeof full, "%.*s/%s", (int)n,
		                         path, name) &&
		    stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(full, X_OK) == 0)
			return true;
		path += n;
		if (*path == ':')
			path++;
	}
	return false;
}

static bool is_set(const char *s)
{
	if (!s)
		return false;
	while (is_blank(*s))
		s++;
	return *s != '\0';
}

enum dt_status exercise_editor_argv(const char *visual, const char *editor,
                                    const char *path, const char *file,
                                    struct dt_arena *arena, char ***argv,
                                    struct dt_error *err)
{
	static const char *const fallbacks[] = {"vi", "nano"};
	size_t i;

	*argv = NULL;
	if (is_set(visual))
		return split_words(visual, file, arena, argv, err);
	if (is_set(editor))
		return split_words(editor, file, arena, argv, err);
	for (i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
		if (on_path(path, fallbacks[i]))
			return split_words(fallbacks[i], file, arena, argv, err);
	return dt_error_set(err, DT_ERR_NOTFOUND, NULL, 0, 0,
	                    "no editor found: set VISUAL or EDITOR, or "
	                    "install vi or nano");
}

/* True when argv0 names an executable file: as a path, or found in
 * $PATH as execvp would.  Checked first because a spawn that fails after
 * the fork is reported only as exit status 127 on some systems. */
static bool program_exists(const char *argv0)
{
	const char *path = getenv("PATH");

	if (strchr(argv0, '/'))
		return access(argv0, X_OK) == 0;
	return on_path(path ? path : "/usr/bin:/bin", argv0);
}

enum dt_status exercise_editor_run(char *const *argv, int *status,
                                   struct dt_error *err)
{
	posix_spawnattr_t attr;
	sigset_t def, none;
	pid_t pid;
	int rc, ws;

	*status = -1;
	if (!program_exists(argv[0]))
		return dt_error_set(err, DT_ERR_NOTFOUND, argv[0], 0, 0,
		                    "cannot start the editor: %s",
		                    strerror(ENOENT));
	if (posix_spawnattr_init(&attr) != 0)
		return dt_error_set(err, DT_ERR_NOMEM, argv[0], 0, 0,
		                    "cannot start the editor");
	/* Ignored or blocked, Ctrl-C must reach the editor: default actions
	 * and an empty signal mask in the child. */
	sigemptyset(&def);
	sigaddset(&def, SIGINT);
	sigaddset(&def, SIGQUIT);
	sigemptyset(&none);
	rc = posix_spawnattr_setsigdefault(&attr, &def);
	if (rc == 0)
		rc = posix_spawnattr_setsigmask(&attr, &none);
	if (rc == 0)
		rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF |
		                                     POSIX_SPAWN_SETSIGMASK);
	if (rc == 0)
		rc = posix_spawnp(&pid, argv[0], NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	if (rc != 0)
		return dt_error_set(err, rc == ENOENT ? DT_ERR_NOTFOUND
		                                      : DT_ERR_IO,
		                    argv[0], 0, 0, "cannot start the editor: %s",
		                    strerror(rc));
	while (waitpid(pid, &ws, 0) < 0) {
		if (errno != EINTR)
			return dt_error_set(err, DT_ERR_IO, argv[0], 0, 0,
			                    "cannot wait for the editor: %s",
			                    strerror(errno));
	}
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws)
	                        : WIFSIGNALED(ws) ? 128 + WTERMSIG(ws) : -1;
	return DT_OK;
}
