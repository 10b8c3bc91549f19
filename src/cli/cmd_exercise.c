/* dockertutor exercise: hands-on Dockerfile exercises from the terminal.
 * list, show, check (once or --watch), hint, solution, edit and reset,
 * each a small function over one session: the course, the exercise, the
 * learner's workspace and, when it opens, the progress store.
 *
 * The store only records: a check is one attempt (passed or not, with the
 * hints seen so far), a hint read is recorded as it is shown, and the
 * status, hints and solution rules are read back from it.  When the
 * database cannot be opened the exercises still work, offline, and a note
 * says that progress is not being saved. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "dockertutor/course.h"
#include "dockertutor/exercise.h"
#include "dockertutor/store.h"
#include "dockertutor/text.h"
#include "cli_int.h"

const char cmd_exercise_usage[] =
	"usage: dockertutor exercise COMMAND [ID] [OPTIONS]\n"
	"\n"
	"Hands-on Dockerfile exercises: fix a real Dockerfile in your own editor\n"
	"and let dockertutor tell you what is still wrong and where.  Your copy\n"
	"of each exercise lives in $XDG_DATA_HOME/dockertutor/exercises/LEARNER/ID\n"
	"(~/.local/share/... when XDG_DATA_HOME is unset), made on first use.\n"
	"\n"
	"Commands:\n"
	"  list              every exercise with its lesson and status\n"
	"  show ID           the task, the files and where your workspace is\n"
	"  check ID          run the checks; exit 0 when all pass, 1 otherwise\n"
	"  check ID --watch  check again whenever a file is saved; Ctrl-C stops\n"
	"                    (exit status 130, or 143 on SIGTERM)\n"
	"  hint ID           the next hint (the ones seen before are repeated)\n"
	"  solution ID       the reference solution, once you passed or failed\n"
	"                    3 checks (--force: now)\n"
	"  edit ID           open the Dockerfile in $VISUAL, $EDITOR, vi or nano,\n"
	"                    then check it\n"
	"  reset ID          start again from the starter files; your version is\n"
	"                    kept beside it as ID.bak-DATE-TIME (asks first on a\n"
	"                    terminal; --yes does not ask)\n"
	"\n"
	"Options:\n"
	"  -w, --watch   with check: keep watching the workspace\n"
	"  -f, --force   with solution: show it even if it is not unlocked yet\n"
	"  -y, --yes     with reset: do not ask for confirmation\n"
	"  -h, --help    show this help\n";

/* Older versions kept the hints seen since the last check in WS.hints,
 * beside the workspace: one small number. */
#define LEGACY_HINTS_SUFFIX ".hints"
#define LEGACY_HINTS_MAX    32          /* bytes */

enum {
	OPT_WATCH = 1 << 0,
	OPT_FORCE = 1 << 1,
	OPT_YES   = 1 << 2,
};

/* What the learner has done with one exercise, from the store. */
struct progress {
	size_t attempts;
	size_t failed;            /* failed checks before the first pass */
	bool passed;
	int hints;                /* hints seen */
};

struct session {
	struct cli_ctx *ctx;
	struct course *course;
	const struct course_exercise *ex;
	struct store *store;      /* NULL when progress cannot be saved */
	int64_t learner_id;
	char learner[EXERCISE_MAX_LEARNER + 1];
	char root[4096];
	char ws[4096];
	unsigned opts;
	bool utf8;
	int width;
};

typedef int subcommand_fn(struct session *s);

static subcommand_fn do_list, do_show, do_check, do_hint, do_solution,
	do_edit, do_reset;

/* The subcommands: name, function, whether it takes an ID, the options it
 * accepts. */
static const struct subcommand {
	const char *name;
	subcommand_fn *fn;
	bool needs_id;
	unsigned opts;
} subcommands[] = {
	{"list",     do_list,     false, 0},
	{"show",     do_show,     true,  0},
	{"check",    do_check,    true,  OPT_WATCH},
	{"hint",     do_hint,     true,  0},
	{"solution", do_solution, true,  OPT_FORCE},
	{"edit",     do_edit,     true,  0},
	{"reset",    do_reset,    true,  OPT_YES},
};

#define N_SUBCOMMANDS (sizeof subcommands / sizeof subcommands[0])

/* ---- Output helpers -------------------------------------------------- */

static const char *paint(const struct session *s, const char *sgr)
{
	return s->ctx->color ? sgr : "";
}

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* The SGR sequence for a span's style, "" without colour. */
static const char *span_sgr(const struct session *s, unsigned style)
{
	if (!s->ctx->color)
		return "";
	if (style & (TEXT_HEADING | TEXT_BOLD))
		return "\033[1m";
	if (style & TEXT_CODE)
		return "\033[36m";
	if (style & (TEXT_BORDER | TEXT_BULLET | TEXT_COMMENT))
		return "\033[2m";
	return "";
}

/* Prints markdown-lite text rendered at the terminal width, indented;
 * bold and code stand out when colour is on. */
static void print_text(const struct session *s, const char *src, int indent)
{
	struct text_options opts = {s->width - indent, !s->utf8};
	struct text_doc *doc;
	size_t i, j;

	if (opts.width < 20)
		opts.width = 20;
	if (text_render(src, strlen(src), &opts, &doc, NULL) != DT_OK) {
		cli_put_safe(stdout, src);
		putchar('\n');
		return;
	}
	for (i = 0; i < doc->n_lines; i++) {
		const struct text_line *l = &doc->lines[i];

		if (l->n_spans > 0)
			printf("%*s", indent, "");
		for (j = 0; j < l->n_spans; j++) {
			const char *sgr = span_sgr(s, l->spans[j].style);

			/* Spans come sanitised from text_render. */
			printf("%s%.*s%s", sgr, (int)l->spans[j].len,
			       l->spans[j].text, *sgr ? "\033[0m" : "");
		}
		putchar('\n');
	}
	text_doc_free(doc);
}

static int terminal_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	if (cols && atoi(cols) >= 20 && atoi(cols) <= 1000)
		return atoi(cols);
	return 80;
}

static bool locale_is_utf8(void)
{
	const char *cs;

	if (!setlocale(LC_CTYPE, ""))
		return false;
	cs = nl_langinfo(CODESET);
	return cs && (dt_strcasecmp(cs, "UTF-8") == 0 ||
	              dt_strcasecmp(cs, "utf8") == 0);
}

static void print_cmd(const struct session *s, const char *what)
{
	printf("  %sdockertutor exercise %s %s%s\n", paint(s, "\033[1m"), what,
	       s->ex->id, paint(s, "\033[0m"));
}

/* ---- Progress in the store -------------------------------------------- */

static void store_warn(const struct dt_error *err)
{
	cli_errorf("progress is not saved: %s%s%s", err->path,
	           err->path[0] ? ": " : "", err->msg);
}

/* Opens the database and the learner's profile.  create: make both when
 * missing (a write is coming); otherwise a missing database just means no
 * progress yet. */
static void store_attach(struct session *s, bool create)
{
	char path[4096];
	struct dt_error err = {0};
	enum dt_status rc = DT_OK;

	if (s->store)
		return;
	if (s->ctx->db_path)
		rc = dt_strlcpy(path, s->ctx->db_path, sizeof path)
		     ? DT_OK
		     : dt_error_set(&err, DT_ERR_LIMIT, NULL, 0, 0,
		                    "the database path is too long");
	else
		rc = store_default_path(path, sizeof path, &err);
	if (rc == DT_OK)
		rc = store_open(path, create ? STORE_CREATE : 0, &s->store, &err);
	if (rc == DT_OK)
		rc = store_learner(s->store, s->learner, create, time(NULL),
		                   &s->learner_id, &err);
	if (rc == DT_OK)
		return;
	store_close(s->store);
	s->store = NULL;
	if (create || rc != DT_ERR_NOTFOUND)
		store_warn(&err);
}

/* Every exercise's progress; *n 0 when there is none. */
static void progress_all(struct session *s, struct dt_arena *arena,
                         struct store_exercise_progress **out, size_t *n)
{
	struct dt_error err = {0};

	*out = NULL;
	*n = 0;
	store_attach(s, false);
	if (s->store && store_exercise_progress(s->store, s->learner_id, arena,
	                                        out, n, &err) != DT_OK)
		store_warn(&err);
}

static struct progress progress_of(const struct store_exercise_progress *p,
                                   size_t n, const char *id)
{
	struct progress out = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(p[i].exercise, id) != 0)
			continue;
		out.attempts = p[i].attempts;
		out.passed = p[i].first_pass != 0;
		out.failed = out.passed ? p[i].attempts_to_pass - 1
		                        : p[i].attempts;
		out.hints = p[i].hints;
	}
	return out;
}

/* Records that hints_seen hints of the session's exercise have been
 * seen; false (after a warning) when the store cannot take it. */
static bool hints_record(struct session *s, int hints_seen)
{
	struct dt_error err = {0};

	store_attach(s, true);
	if (!s->store)
		return false;
	if (store_record_hint(s->store, s->learner_id, s->ex->id,
	                      s->ex->lesson_id, hints_seen, time(NULL),
	                      &err) != DT_OK) {
		store_warn(&err);
		return false;
	}
	return true;
}

/* A workspace from an older version may still have its WS.hints: its
 * count goes to the store once, then the file goes (it stays when the
 * store cannot take it, for the next time). */
static void hints_adopt_file(struct session *s)
{
	char path[4200], *data = NULL, *end;
	struct dt_error err = {0};
	long n = 0;
	size_t len;
	enum dt_status rc;

	if (!dt_snprintf(path, sizeof path, "%s" LEGACY_HINTS_SUFFIX, s->ws))
		return;
	rc = dt_read_file(path, LEGACY_HINTS_MAX, &data, &len, &err);
	if (rc == DT_ERR_NOTFOUND)
		return;
	if (rc == DT_OK) {
		errno = 0;
		n = strtol(data, &end, 10);
		if (errno || end == data || n < 0 || (size_t)n > s->ex->n_hints)
			n = 0;          /* not ours to trust: dropped */
	}
	dt_free(data);
	if (n > 0 && !hints_record(s, (int)n))
		return;
	if (unlink(path) != 0 && errno != ENOENT)
		cli_errorf("cannot remove %s: %s", path, strerror(errno));
}

/* The progress of the session's exercise, hints seen included. */
static struct progress progress_get(struct session *s)
{
	struct store_exercise_progress *all;
	struct dt_arena arena;
	struct progress p;
	size_t n;

	hints_adopt_file(s);
	dt_arena_init(&arena);
	progress_all(s, &arena, &all, &n);
	p = progress_of(all, n, s->ex->id);
	dt_arena_fini(&arena);
	return p;
}

static void progress_record(struct session *s, bool passed, int hints)
{
	struct dt_error err = {0};

	store_attach(s, true);
	if (s->store &&
	    store_record_exercise(s->store, s->learner_id, s->ex->id,
	                          s->ex->lesson_id, passed, hints, time(NULL),
	                          &err) != DT_OK)
		store_warn(&err);
}

/* ---- Session ---------------------------------------------------------- */

static bool load_course(struct session *s)
{
	char dir[4096];
	struct course_diags diags;
	struct dt_error err = {0};
	enum dt_status rc;
	size_t i;

	if (!cli_find_content(s->ctx, dir, sizeof dir, &err)) {
		cli_print_error(&err);
		return false;
	}
	course_diags_init(&diags);
	rc = course_load(dir, &s->course, &diags, &err);
	for (i = 0; rc == DT_ERR_INVALID && i < diags.n && i < 5; i++) {
		const struct course_diag *d = &diags.items[i];
		struct dt_error e = {0};

		if (d->severity != COURSE_ERROR)
			continue;
		dt_error_set(&e, DT_ERR_INVALID, d->file, d->line, d->col, "%s",
		             d->msg);
		cli_print_error(&e);
	}
	if (rc == DT_ERR_INVALID)
		cli_errorf("the course in %s has errors; 'dockertutor check %s' "
		           "lists them all", dir, dir);
	else if (rc != DT_OK)
		cli_print_error(&err);
	course_diags_fini(&diags);
	return rc == DT_OK;
}

/* The exercise named id, or an error with the nearest id as a
 * suggestion. */
static bool find_exercise(struct session *s, const char *id)
{
	const char *best = NULL;
	unsigned best_d = 4;
	size_t i;

	s->ex = course_find_exercise(s->course, id);
	if (s->ex)
		return true;
	for (i = 0; i < s->course->n_exercises; i++) {
		unsigned d = dt_edit_distance(id, s->course->exercises[i].id, 3);

		if (d < best_d) {
			best_d = d;
			best = s->course->exercises[i].id;
		}
	}
	if (best)
		cli_errorf("no exercise '%s'; did you mean '%s'?", id, best);
	else
		cli_errorf("no exercise '%s'; 'dockertutor exercise list' shows "
		           "them all", id);
	return false;
}

static bool open_session(struct session *s, const char *id)
{
	char login[APP_MAX_LEARNER + 1];
	struct dt_error err = {0};
	const char *name = s->ctx->learner;

	s->utf8 = locale_is_utf8();
	s->width = terminal_width();
	/* The login name as every command finds it. */
	if (!name && app_default_learner(login, sizeof login, &err) != DT_OK) {
		cli_print_error(&err);
		return false;
	}
	if (!name)
		name = login;
	if (!exercise_learner_is_valid(name) ||
	    !dt_strlcpy(s->learner, name, sizeof s->learner)) {
		cli_errorf("'%s' cannot name a learner: use --learner NAME with "
		           "up to %u characters, no '/'", name,
		           EXERCISE_MAX_LEARNER);
		return false;
	}
	if (exercise_workspace_root(getenv("XDG_DATA_HOME"), getenv("HOME"),
	                            s->root, sizeof s->root, &err) != DT_OK) {
		cli_print_error(&err);
		return false;
	}
	if (!load_course(s) || (id && !find_exercise(s, id)))
		return false;
	if (id && exercise_workspace_path(s->root, s->learner, id, s->ws,
	                                  sizeof s->ws, &err) != DT_OK) {
		cli_print_error(&err);
		return false;
	}
	return true;
}

/* Creates the workspace on first use. */
static bool prepare_workspace(struct session *s)
{
	struct dt_error err = {0};
	bool created;

	if (exercise_workspace_prepare(s->ex, s->ws, &created, &err) != DT_OK) {
		cli_print_error(&err);
		return false;
	}
	if (created)
		printf("Your workspace for %s is ready: %s\n\n", s->ex->id, s->ws);
	return true;
}

/* ---- list ------------------------------------------------------------- */

static enum exercise_status status_of(const struct session *s,
                                      const struct course_exercise *ex,
                                      const struct progress *p)
{
	char ws[4096];

	if (p->passed)
		return EXERCISE_PASSED;
	if (exercise_workspace_path(s->root, s->learner, ex->id, ws, sizeof ws,
	                            NULL) == DT_OK &&
	    exercise_workspace_exists(ws))
		return EXERCISE_IN_PROGRESS;
	return p->attempts > 0 ? EXERCISE_IN_PROGRESS : EXERCISE_NOT_STARTED;
}

static void list_row(const struct session *s, const struct course_exercise *ex,
                     const struct progress *p, int id_width)
{
	enum exercise_status st = status_of(s, ex, p);
	const char *hue = st == EXERCISE_PASSED ? "\033[32m"
	                  : st == EXERCISE_IN_PROGRESS ? "\033[33m" : "";

	printf("  %-*s  %s%-11s%s  ", id_width, ex->id, paint(s, hue),
	       exercise_status_name(st), paint(s, "\033[0m"));
	cli_put_safe(stdout, ex->title);
	putchar('\n');
}

/* Whether ex is listed in its lesson's exercises: key. */
static bool listed(const struct course_lesson *l,
                   const struct course_exercise *ex)
{
	size_t i;

	for (i = 0; i < l->n_exercise_ids; i++)
		if (strcmp(l->exercise_ids[i], ex->id) == 0)
			return true;
	return false;
}

/* A lesson's exercises in the order its exercises: key gives, then any
 * other exercise naming the lesson; NULL past the end. */
static const struct course_exercise *nth_of_lesson(const struct course *c,
                                                   const struct course_lesson *l,
                                                   size_t n)
{
	size_t i;

	for (i = 0; i < l->n_exercise_ids; i++) {
		const struct course_exercise *ex =
			course_find_exercise(c, l->exercise_ids[i]);

		if (ex && n-- == 0)
			return ex;
	}
	for (i = 0; i < c->n_exercises; i++)
		if (strcmp(c->exercises[i].lesson_id, l->id) == 0 &&
		    !listed(l, &c->exercises[i]) && n-- == 0)
			return &c->exercises[i];
	return NULL;
}

static size_t list_lesson(const struct session *s, const struct course_lesson *l,
                          const struct store_exercise_progress *all,
                          size_t n_all, int width)
{
	const struct course_exercise *ex;
	size_t j, passed = 0;

	for (j = 0; (ex = nth_of_lesson(s->course, l, j)); j++) {
		struct progress p = progress_of(all, n_all, ex->id);

		if (j == 0) {
			printf("%sLesson %d: ", paint(s, "\033[1m"), l->number);
			cli_put_safe(stdout, l->title);
			printf("%s\n", paint(s, "\033[0m"));
		}
		passed += p.passed;
		list_row(s, ex, &p, width);
	}
	if (j > 0)
		putchar('\n');
	return passed;
}

static int do_list(struct session *s)
{
	struct store_exercise_progress *all;
	struct dt_arena arena;
	size_t n_all, i, passed = 0;
	int width = 8;

	dt_arena_init(&arena);
	progress_all(s, &arena, &all, &n_all);
	for (i = 0; i < s->course->n_exercises; i++)
		if ((int)strlen(s->course->exercises[i].id) > width)
			width = (int)strlen(s->course->exercises[i].id);
	for (i = 0; i < s->course->n_lessons; i++)
		passed += list_lesson(s, &s->course->lessons[i], all, n_all,
		                      width);
	printf("%zu of %zu exercise%s passed.", passed, s->course->n_exercises,
	       plural(s->course->n_exercises));
	if (passed < s->course->n_exercises)
		printf("  Start one with: dockertutor exercise show ID");
	putchar('\n');
	dt_arena_fini(&arena);
	return CLI_OK;
}

/* ---- show ------------------------------------------------------------- */

static int do_show(struct session *s)
{
	const struct course_exercise *ex = s->ex;
	struct progress p;
	size_t i;

	if (!prepare_workspace(s))
		return CLI_FAIL;
	p = progress_get(s);
	printf("%s%s: ", paint(s, "\033[1m"), ex->id);
	cli_put_safe(stdout, ex->title);
	printf("%s\n", paint(s, "\033[0m"));
	if (ex->lesson) {
		printf("Lesson %d, ", ex->lesson->number);
		cli_put_safe(stdout, ex->lesson->title);
		putchar('\n');
	}
	putchar('\n');
	print_text(s, ex->task, 0);
	printf("\nFiles (in %s):\n", s->ws);
	for (i = 0; i < ex->n_files; i++) {
		printf("  ");
		cli_put_safe(stdout, ex->files[i]);
		puts(strcmp(ex->files[i], ex->target) == 0 ? "   (checked)" : "");
	}
	printf("\nStatus: %s; %zu check%s, %zu hint%s (%d seen)\n",
	       exercise_status_name(status_of(s, ex, &p)), ex->n_checks,
	       plural(ex->n_checks), ex->n_hints, plural(ex->n_hints), p.hints);
	printf("\nEdit the files there, then check your work:\n");
	print_cmd(s, "check");
	printf("or keep checking every time you save:\n");
	printf("  %sdockertutor exercise check %s --watch%s\n",
	       paint(s, "\033[1m"), ex->id, paint(s, "\033[0m"));
	return CLI_OK;
}

/* ---- check ------------------------------------------------------------- */

static void location(const struct exercise_result *r, char *out, size_t size)
{
	if (r->line > 0 ? !dt_snprintf(out, size, "%s:%d", r->file, r->line)
	                : !dt_snprintf(out, size, "%s", r->file))
		dt_strlcpy(out, r->file, size);
}

static void print_results(const struct session *s,
                          const struct exercise_report *rep)
{
	char loc[128];
	int width = 0;
	size_t i;

	for (i = 0; i < rep->n_results; i++) {
		location(&rep->results[i], loc, sizeof loc);
		if ((int)strlen(loc) > width)
			width = (int)strlen(loc);
	}
	for (i = 0; i < rep->n_results; i++) {
		const struct exercise_result *r = &rep->results[i];
		const char *mark = r->passed ? (s->utf8 ? "✓" : "PASS")
		                             : (s->utf8 ? "✗" : "FAIL");

		location(r, loc, sizeof loc);
		printf("  %s%s%s %-*s  ",
		       paint(s, r->passed ? "\033[1;32m" : "\033[1;31m"), mark,
		       paint(s, "\033[0m"), width, loc);
		cli_put_safe(stdout, r->message);
		putchar('\n');
	}
}

static void print_findings(const struct exercise_report *rep)
{
	struct dt_buf buf;
	const char *line;

	if (rep->n_findings == 0) {
		puts("\nLinter findings: none");
		return;
	}
	printf("\nLinter findings:\n");
	dt_buf_init(&buf);
	if (exercise_report_write_findings(rep, &buf) && buf.data) {
		for (line = buf.data; *line;) {
			size_t n = strcspn(line, "\n");

			printf("  %.*s\n", (int)n, line);
			line += n + (line[n] == '\n');
		}
	}
	dt_buf_fini(&buf);
}

static void print_summary(struct session *s, const struct exercise_report *rep,
                          const struct progress *p)
{
	int left;

	putchar('\n');
	if (exercise_report_passed(rep)) {
		printf("%s%s: all %zu check%s pass.%s Well done!\n",
		       paint(s, "\033[1;32m"), s->ex->id, rep->n_results,
		       plural(rep->n_results), paint(s, "\033[0m"));
		printf("Compare your Dockerfile with the reference solution:\n");
		print_cmd(s, "solution");
		return;
	}
	printf("%s%s: %zu of %zu check%s pass.%s Fix the %s lines and check "
	       "again.\n", paint(s, "\033[1;31m"), s->ex->id, rep->n_passed,
	       rep->n_results, plural(rep->n_results), paint(s, "\033[0m"),
	       s->utf8 ? "✗" : "FAIL");
	if ((size_t)p->hints < s->ex->n_hints) {
		printf("Stuck? Hint %d of %zu:\n", p->hints + 1, s->ex->n_hints);
		print_cmd(s, "hint");
	} else if (exercise_solution_unlocked(p->passed, (long)p->failed,
	                                      &left)) {
		printf("The reference solution is open:\n");
		print_cmd(s, "solution");
	}
}

/* Checks the workspace once, records the attempt and prints the result;
 * returns the exit status. */
static int check_once(struct session *s)
{
	struct exercise_report *rep;
	struct dt_error err = {0};
	struct progress p = progress_get(s);
	bool passed;

	if (exercise_check_workspace(s->ex, s->ws, &rep, &err) != DT_OK) {
		cli_print_error(&err);
		if (err.code == DT_ERR_NOTFOUND)
			cli_errorf("'dockertutor exercise reset %s' brings back "
			           "the starter files", s->ex->id);
		return CLI_FAIL;
	}
	passed = exercise_report_passed(rep);
	progress_record(s, passed, p.hints);
	p.attempts++;
	if (!p.passed)
		p.failed += !passed;
	p.passed = p.passed || passed;
	printf("Checking %s%s%s in %s\n\n", paint(s, "\033[1m"), s->ex->id,
	       paint(s, "\033[0m"), s->ws);
	print_results(s, rep);
	print_findings(rep);
	print_summary(s, rep, &p);
	exercise_report_free(rep);
	return passed ? CLI_OK : CLI_FAIL;
}

static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* The files whose saving triggers a check: the target and every file a
 * file_exists check names. */
static size_t watched_files(const struct course_exercise *ex,
                            const char **files, size_t max)
{
	size_t n = 0, i;

	files[n++] = ex->target;
	for (i = 0; i < ex->n_checks && n < max; i++)
		if (ex->checks[i].kind == COURSE_CHECK_FILE_EXISTS &&
		    ex->checks[i].str)
			files[n++] = ex->checks[i].str;
	return n;
}

static void print_separator(const struct session *s, const char *file)
{
	char stamp[16] = "";
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm))
		strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
	if (isatty(STDOUT_FILENO))
		fputs("\033[H\033[2J", stdout);
	printf("\n%s %s saved at %s, checking again %s\n\n",
	       s->utf8 ? "────" : "----", file ? file : "a file", stamp,
	       s->utf8 ? "────" : "----");
}

/* Installs on_stop for SIGINT and SIGTERM without SA_RESTART, so a wait
 * returns at once. */
static void catch_stop(struct sigaction *old_int, struct sigaction *old_term)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	stop_signal = 0;
	sigaction(SIGINT, &sa, old_int);
	sigaction(SIGTERM, &sa, old_term);
}

static int watch_loop(struct session *s, struct exercise_watch *w)
{
	struct dt_error err = {0};

	for (;;) {
		/* A bounded wait: a signal that lands just before poll() is
		 * still seen within a quarter of a second. */
		enum exercise_wait r = exercise_watch_wait(w, 250, &err);

		if (stop_signal)
			return stop_signal == SIGTERM ? 143 : 130;
		if (r == EXERCISE_WAIT_ERROR) {
			cli_print_error(&err);
			return CLI_FAIL;
		}
		if (r != EXERCISE_WAIT_CHANGED)
			continue;
		print_separator(s, exercise_watch_changed(w));
		check_once(s);
		printf("\nWatching for changes; Ctrl-C stops.\n");
		fflush(stdout);
	}
}

static int check_watch(struct session *s)
{
	const char *files[EXERCISE_MAX_WATCHED];
	struct sigaction old_int, old_term;
	struct exercise_watch *w;
	struct dt_error err = {0};
	int rc;

	if (exercise_watch_open(s->ws, files,
	                        watched_files(s->ex, files, EXERCISE_MAX_WATCHED),
	                        &w, &err) != DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	catch_stop(&old_int, &old_term);
	printf("Watching %s: save %s to check again; Ctrl-C stops.\n\n", s->ws,
	       s->ex->target);
	check_once(s);
	printf("\nWatching for changes; Ctrl-C stops.\n");
	fflush(stdout);
	rc = watch_loop(s, w);
	exercise_watch_close(w);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	printf("\nStopped watching.\n");
	return rc;
}

static int do_check(struct session *s)
{
	if (!prepare_workspace(s))
		return CLI_FAIL;
	if (s->opts & OPT_WATCH)
		return check_watch(s);
	return check_once(s);
}

/* ---- hint --------------------------------------------------------------- */

static int do_hint(struct session *s)
{
	struct progress p;
	bool fresh;
	size_t i;

	if (s->ex->n_hints == 0) {
		printf("%s has no hints: the task says it all.\n", s->ex->id);
		return CLI_OK;
	}
	if (!prepare_workspace(s))
		return CLI_FAIL;
	p = progress_get(s);
	fresh = (size_t)p.hints < s->ex->n_hints;
	if (fresh) {
		p.hints++;
		(void)hints_record(s, p.hints);     /* warns when not saved */
	}
	for (i = 0; i < (size_t)p.hints; i++) {
		bool seen = !fresh || i + 1 < (size_t)p.hints;

		printf("%sHint %zu of %zu%s%s\n", paint(s, "\033[1m"), i + 1,
		       s->ex->n_hints, seen ? " (seen)" : "",
		       paint(s, "\033[0m"));
		print_text(s, s->ex->hints[i], 2);
		putchar('\n');
	}
	if ((size_t)p.hints < s->ex->n_hints)
		printf("%zu more hint%s: run this again for the next one.\n",
		       s->ex->n_hints - (size_t)p.hints,
		       plural(s->ex->n_hints - (size_t)p.hints));
	else
		printf("That was the last hint.\nThe solution opens once you "
		       "pass, or after %d failed checks:\n",
		       EXERCISE_SOLUTION_AFTER);
	if ((size_t)p.hints == s->ex->n_hints)
		print_cmd(s, "solution");
	return CLI_OK;
}

/* ---- solution ------------------------------------------------------------ */

static void print_file(const struct session *s, const struct exercise_file *f)
{
	const char *slash = strrchr(s->ex->solution, '/');
	int dir = slash ? (int)(slash - s->ex->solution + 1) : 0;

	printf("%s%s %.*s", paint(s, "\033[1m"), s->utf8 ? "──" : "--", dir,
	       s->ex->solution);
	cli_put_safe(stdout, f->name);
	printf(" %s%s\n", s->utf8 ? "──" : "--", paint(s, "\033[0m"));
	cli_put_safe(stdout, f->data);
	if (f->len == 0 || f->data[f->len - 1] != '\n')
		putchar('\n');
	putchar('\n');
}

static int do_solution(struct session *s)
{
	struct exercise_file *files;
	struct dt_arena arena;
	struct dt_error err = {0};
	struct progress p = progress_get(s);
	size_t n, i;
	int left;

	if (!(s->opts & OPT_FORCE) &&
	    !exercise_solution_unlocked(p.passed, (long)p.failed, &left)) {
		printf("The solution of %s opens once you pass, or after %d "
		       "failed checks (%d more to go).\n", s->ex->id,
		       EXERCISE_SOLUTION_AFTER, left);
		if ((size_t)p.hints < s->ex->n_hints) {
			printf("Try a hint first:\n");
			print_cmd(s, "hint");
		}
		printf("To see it now:\n");
		printf("  dockertutor exercise solution %s --force\n", s->ex->id);
		return CLI_FAIL;
	}
	dt_arena_init(&arena);
	if (exercise_solution_load(s->ex, &arena, &files, &n, &err) != DT_OK) {
		cli_print_error(&err);
		dt_arena_fini(&arena);
		return CLI_FAIL;
	}
	printf("The reference solution of %s%s\n\n", s->ex->id,
	       p.passed ? ", to compare with yours:" : ":");
	for (i = 0; i < n; i++)
		print_file(s, &files[i]);
	dt_arena_fini(&arena);
	return CLI_OK;
}

/* ---- edit ---------------------------------------------------------------- */

/* Opens path in the learner's editor and waits; false (after saying why)
 * when no editor could be started. */
static bool run_editor(const char *path)
{
	struct sigaction ign, old_int, old_quit;
	struct dt_arena arena;
	struct dt_error err = {0};
	char **argv;
	enum dt_status rc;
	int status = 0;

	dt_arena_init(&arena);
	rc = exercise_editor_argv(getenv("VISUAL"), getenv("EDITOR"),
	                          getenv("PATH"), path, &arena, &argv, &err);
	if (rc == DT_OK) {
		/* Ctrl-C belongs to the editor while it runs, as with
		 * system(). */
		memset(&ign, 0, sizeof ign);
		ign.sa_handler = SIG_IGN;
		sigemptyset(&ign.sa_mask);
		sigaction(SIGINT, &ign, &old_int);
		sigaction(SIGQUIT, &ign, &old_quit);
		fflush(stdout);
		rc = exercise_editor_run(argv, &status, &err);
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
	}
	dt_arena_fini(&arena);
	if (rc != DT_OK)
		cli_print_error(&err);
	else if (status != 0)
		cli_errorf("the editor exited with status %d", status);
	return rc == DT_OK;
}

static int do_edit(struct session *s)
{
	char path[4200];

	if (!prepare_workspace(s))
		return CLI_FAIL;
	if (!dt_snprintf(path, sizeof path, "%s/%s", s->ws, s->ex->target)) {
		cli_errorf("the workspace path is too long");
		return CLI_FAIL;
	}
	if (!run_editor(path))
		return CLI_FAIL;
	return check_once(s);
}

/* ---- reset --------------------------------------------------------------- */

static bool confirm_reset(const struct session *s)
{
	char answer[16];

	if (s->opts & OPT_YES)
		return true;
	if (!isatty(STDIN_FILENO)) {
		cli_errorf("reset replaces your files in %s; add --yes to confirm "
		           "when not on a terminal", s->ws);
		return false;
	}
	printf("Start %s again from the starter files?  Your files are kept "
	       "as a backup beside the workspace. [y/N] ", s->ex->id);
	fflush(stdout);
	if (!fgets(answer, sizeof answer, stdin))
		return false;
	return answer[0] == 'y' || answer[0] == 'Y';
}

static int do_reset(struct session *s)
{
	char backup[4200];
	struct dt_error err = {0};

	if (!exercise_workspace_exists(s->ws)) {
		if (!prepare_workspace(s))
			return CLI_FAIL;
		printf("Nothing to reset: %s starts from the starter files.\n",
		       s->ex->id);
		return CLI_OK;
	}
	if (!confirm_reset(s)) {
		if (isatty(STDIN_FILENO))
			puts("Nothing changed.");
		return CLI_FAIL;
	}
	if (exercise_workspace_reset(s->ex, s->ws, time(NULL), backup,
	                             sizeof backup, &err) != DT_OK) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	printf("%s starts again from the starter files in %s\n", s->ex->id,
	       s->ws);
	printf("Your version is kept in %s\n", backup);
	return CLI_OK;
}

/* ---- The command ----------------------------------------------------------- */

static const struct subcommand *find_subcommand(const char *name)
{
	size_t i;

	for (i = 0; i < N_SUBCOMMANDS; i++)
		if (strcmp(subcommands[i].name, name) == 0)
			return &subcommands[i];
	return NULL;
}

/* Prints "dockertutor: exercise: MESSAGE" (when fmt is not NULL) and the
 * usage on stderr; returns the usage exit status. */
static int usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		if (vsnprintf(msg, sizeof msg, fmt, ap) < 0)
			dt_strlcpy(msg, "bad arguments", sizeof msg);
		va_end(ap);
		cli_errorf("exercise: %s", msg);
	}
	fputs(cmd_exercise_usage, stderr);
	return CLI_USAGE;
}

/* Parses the options after the subcommand into *opts and the one operand
 * into *id; returns -1 when all is well, else the exit status. */
static int parse_args(int argc, char **argv, unsigned *opts, const char **id)
{
	static const struct option longopts[] = {
		{"watch", no_argument, NULL, 'w'},
		{"force", no_argument, NULL, 'f'},
		{"yes",   no_argument, NULL, 'y'},
		{"help",  no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	*opts = 0;
	*id = NULL;
	while ((c = getopt_long(argc, argv, "wfyh", longopts, NULL)) != -1) {
		switch (c) {
		case 'w': *opts |= OPT_WATCH; break;
		case 'f': *opts |= OPT_FORCE; break;
		case 'y': *opts |= OPT_YES; break;
		case 'h': fputs(cmd_exercise_usage, stdout); return CLI_OK;
		default: return usage_error(NULL);
		}
	}
	if (optind < argc)
		*id = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	return -1;
}

int cmd_exercise(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct subcommand *sub;
	struct session s;
	const char *id;
	unsigned opts;
	int rc;

	if (argc < 2)
		return usage_error("which command? list, show, check, hint, "
		                   "solution, edit or reset");
	sub = find_subcommand(argv[1]);
	if (!sub)
		return strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0
		       ? (fputs(cmd_exercise_usage, stdout), CLI_OK)
		       : usage_error("unknown command '%s'", argv[1]);
	rc = parse_args(argc - 1, argv + 1, &opts, &id);
	if (rc >= 0)
		return rc;
	if (sub->needs_id && !id)
		return usage_error("'%s' needs an exercise ID", sub->name);
	if (!sub->needs_id && id)
		return usage_error("unexpected argument '%s'", id);
	if (opts & ~sub->opts)
		return usage_error("that option does not apply to '%s'",
		                   sub->name);
	memset(&s, 0, sizeof s);
	s.ctx = ctx;
	s.opts = opts;
	rc = open_session(&s, id) ? sub->fn(&s) : CLI_FAIL;
	fflush(stdout);
	store_close(s.store);
	course_free(s.course);
	return rc;
}
