/* One exercise: the task, the learner's workspace, and the keys of
 * `dockertutor exercise`: e edits the file in the learner's editor (curses
 * steps aside while it runs) and checks it, c checks, h shows the next
 * hint, s the solution once it is unlocked, r starts again from the
 * starter files after a confirmation.
 *
 * Design: the exercise engine checks, edits, resets and loads solutions,
 * the app records each check as an attempt; this screen keeps the last
 * report, the hints shown and the solution files, and lays them out as a
 * page under the task. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_int.h"

#define PAGE_MAX_WIDTH 100

struct exercise {
	const struct course_exercise *ex;
	char ws[4096];
	bool has_ws;                     /* the path could be made */
	struct dt_error ws_err;          /* why not */
	struct ui_exercise_state st;
	struct exercise_report *report;  /* the last check */
	int hints_shown;
	struct dt_arena solution;        /* files, when shown */
	struct exercise_file *files;
	size_t n_files;
	struct ui_page page;
	size_t top;
	size_t report_line;              /* where the last check starts */
	int x;
	struct ui_confirm_args confirm;
};

static int page_width(const struct ui *ui)
{
	int w = ui->cols - 4;

	if (w < UI_MIN_COLS - 4)
		w = UI_MIN_COLS - 4;
	return w > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : w;
}

static int view_h(const struct ui *ui)
{
	return ui->rows - 2;
}

/* Reads the attempts and hints seen back from the store.  A count larger
 * than the exercise's hints (the content lost some) shows them all. */
static void load_state(struct ui *ui, struct exercise *x)
{
	struct store_exercise_progress *all = NULL;
	struct dt_arena arena;
	struct dt_error err = {0};
	size_t n = 0;

	dt_arena_init(&arena);
	if (ui_exercise_records(ui, &arena, &all, &n, &err) != DT_OK)
		ui_say_error(ui, "Cannot read your attempts", &err);
	ui_exercise_state_of(all, n, x->ex->id, &x->st);
	dt_arena_fini(&arena);
	if (x->st.hints < 0)
		x->st.hints = 0;
	if ((size_t)x->st.hints > x->ex->n_hints)
		x->st.hints = (int)x->ex->n_hints;
}

/* ---- layout ----------------------------------------------------------- */

static void build_head(struct ui *ui, struct exercise *x)
{
	const struct course_exercise *ex = x->ex;
	struct ui_page *p = &x->page;
	size_t i;

	if (ex->lesson) {
		ui_page_line(p, 0, UI_NO_TAG);
		ui_page_printf(p, UI_DIM, "Lesson %d: %s", ex->lesson->number,
		               ui_lesson_title(ui, ex->lesson_id));
		ui_page_blank(p);
	}
	ui_page_markdown(ui, p, 0, NULL, UI_NORMAL, ex->task, UI_NO_TAG);
	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, "Files: ", UI_BOLD);
	for (i = 0; i < ex->n_files; i++) {
		ui_page_printf(p, UI_CODE, "%s%s", i ? ", " : "", ex->files[i]);
		if (strcmp(ex->files[i], ex->target) == 0)
			ui_page_puts(p, " (checked)", UI_DIM);
	}
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, "Workspace: ", UI_BOLD);
	ui_page_puts(p, x->has_ws ? x->ws : "(none)", UI_CODE);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_printf(p, UI_NORMAL, "Status: %s; %zu check%s; %d of %zu hint%s "
	               "seen", exercise_status_name(ui_exercise_status(&x->st,
	               x->has_ws ? x->ws : NULL)), ex->n_checks,
	               ex->n_checks == 1 ? "" : "s", x->st.hints, ex->n_hints,
	               ex->n_hints == 1 ? "" : "s");
}

/* The linter's findings, each wrapped under its place and rule. */
static void build_findings(struct ui *ui, struct ui_page *p,
                           const struct exercise_report *rep)
{
	size_t i;

	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, "Linter findings", UI_HEADING);
	if (rep->n_findings == 0)
		ui_page_puts(p, ": none", UI_NORMAL);
	for (i = 0; i < rep->n_findings; i++) {
		const struct lint_finding *f = rep->findings[i];
		char prefix[160];

		if (!dt_snprintf(prefix, sizeof prefix, "%s:%d:%d %s %s ", rep->target,
		                 f->line, f->col, lint_severity_name(f->severity),
		                 f->rule))
			dt_strlcpy(prefix, "? ", sizeof prefix);
		ui_page_markdown(ui, p, 2, prefix, f->severity == LINT_SEV_ERROR
		                 ? UI_WRONG : UI_PARTIAL, f->message, UI_NO_TAG);
	}
}

static void build_report(struct ui *ui, struct exercise *x)
{
	const struct exercise_report *rep = x->report;
	struct ui_page *p = &x->page;
	size_t i;

	ui_page_blank(p);
	x->report_line = p->n;
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, "Checks", UI_HEADING);
	for (i = 0; i < rep->n_results; i++) {
		const struct exercise_result *r = &rep->results[i];
		char prefix[256];

		if (!(r->line > 0 ? dt_snprintf(prefix, sizeof prefix, "%s %s:%d  ",
		                                ui_glyph(ui, r->passed ? UI_G_RIGHT : UI_G_WRONG),
		                                r->file, r->line)
		                  : dt_snprintf(prefix, sizeof prefix, "%s %s  ",
		                                ui_glyph(ui, r->passed ? UI_G_RIGHT : UI_G_WRONG),
		                                r->file)))
			dt_strlcpy(prefix, "? ", sizeof prefix);
		ui_page_markdown(ui, p, 2, prefix, r->passed ? UI_RIGHT : UI_WRONG,
		                 r->message, UI_NO_TAG);
	}
	build_findings(ui, p, rep);
	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	if (exercise_report_passed(rep))
		ui_page_printf(p, UI_RIGHT, "All %zu checks pass. Well done! s shows "
		               "the reference solution to compare.", rep->n_results);
	else
		ui_page_printf(p, UI_WRONG, "%zu of %zu checks pass. Fix the %s lines "
		               "and check again.", rep->n_passed, rep->n_results,
		               ui_glyph(ui, UI_G_WRONG));
}

static void build_tail(struct ui *ui, struct exercise *x)
{
	struct ui_page *p = &x->page;
	int i;
	size_t k;

	for (i = 0; i < x->hints_shown && (size_t)i < x->ex->n_hints; i++) {
		char prefix[32];

		if (i == 0)
			ui_page_blank(p);
		if (!dt_snprintf(prefix, sizeof prefix, "Hint %d of %zu: ", i + 1,
		                 x->ex->n_hints))
			prefix[0] = '\0';
		ui_page_markdown(ui, p, 0, prefix, UI_BOLD, x->ex->hints[i], UI_NO_TAG);
	}
	for (k = 0; k < x->n_files; k++) {
		ui_page_blank(p);
		ui_page_line(p, 0, UI_NO_TAG);
		ui_page_printf(p, UI_HEADING, "Reference solution: %s",
		               x->files[k].name);
		ui_page_verbatim(p, 2, x->files[k].data, x->files[k].len, UI_CODE);
	}
}

static void build(struct ui *ui, struct exercise *x)
{
	ui_page_reset(&x->page, page_width(ui));
	x->x = (ui->cols - x->page.width) / 2;
	build_head(ui, x);
	if (x->report)
		build_report(ui, x);
	build_tail(ui, x);
	if (x->page.failed)
		ui_say(ui, true, "Out of memory laying the exercise out");
}

/* ---- opening ------------------------------------------------------------ */

static void *exercise_open(struct ui *ui, const void *arg)
{
	const struct ui_exercise_args *a = arg;
	struct exercise *x = dt_calloc(1, sizeof *x);

	if (!x)
		return NULL;
	x->ex = a->ex;
	x->has_ws = ui_workspace_path(ui, x->ex, x->ws, sizeof x->ws,
	                              &x->ws_err) == DT_OK;
	if (!x->has_ws)
		ui_say_error(ui, "No workspace for this exercise", &x->ws_err);
	dt_arena_init(&x->solution);
	ui_page_init(&x->page);
	load_state(ui, x);
	x->hints_shown = x->st.hints;
	build(ui, x);
	return x;
}

static void exercise_close(struct ui *ui, void *state)
{
	struct exercise *x = state;

	(void)ui;
	exercise_report_free(x->report);
	dt_arena_fini(&x->solution);
	ui_page_fini(&x->page);
	dt_free(x);
}

static void exercise_draw(struct ui *ui, void *state)
{
	struct exercise *x = state;
	char title[300];

	if (x->page.width != page_width(ui))
		build(ui, x);
	ui_clean_into(title, sizeof title, x->ex->title);
	ui_draw_header(ui, title, x->ex->id);
	ui_page_draw(ui, &x->page, 1, view_h(ui), x->top, x->x, UI_NO_TAG);
	ui_draw_footer(ui, ui_exercise_ops.bindings, ui_exercise_ops.n_bindings,
	               NULL);
}

static unsigned exercise_resize(struct ui *ui, void *state)
{
	build(ui, state);
	return UI_REDRAW;
}

/* ---- the keys ------------------------------------------------------------- */

/* Creates the workspace from the starter files on first use. */
static bool prepare(struct ui *ui, struct exercise *x)
{
	struct dt_error err = {0};
	bool created = false;

	if (!x->has_ws) {
		ui_say_error(ui, "No workspace for this exercise", &x->ws_err);
		return false;
	}
	if (exercise_workspace_prepare(x->ex, x->ws, &created, &err) != DT_OK) {
		ui_say_error(ui, "Cannot make the workspace", &err);
		return false;
	}
	if (created)
		ui_say(ui, false, "Your workspace is ready: %s", x->ws);
	return true;
}

/* Checks the workspace and records the attempt, as `exercise check`. */
static unsigned check(struct ui *ui, void *state, int arg)
{
	struct exercise *x = state;
	struct exercise_report *rep;
	struct dt_error err = {0};
	bool passed;

	(void)arg;
	if (!prepare(ui, x))
		return UI_REDRAW;
	if (exercise_check_workspace(x->ex, x->ws, &rep, &err) != DT_OK) {
		ui_say_error(ui, err.code == DT_ERR_NOTFOUND
		             ? "Cannot check (r brings back the starter files)"
		             : "Cannot check", &err);
		return UI_REDRAW;
	}
	exercise_report_free(x->report);
	x->report = rep;
	passed = exercise_report_passed(rep);
	if (app_record_exercise(ui->app, x->ex->id, passed,
	                        x->hints_shown > x->st.hints ? x->hints_shown
	                                                     : x->st.hints,
	                        &err) != DT_OK)
		ui_say_error(ui, "The attempt was not saved", &err);
	load_state(ui, x);
	build(ui, x);
	x->top = x->report_line;
	ui_page_scroll(&x->page, &x->top, 0, view_h(ui));
	return UI_REDRAW;
}

/* Opens the target in the learner's editor, then checks it, as `exercise
 * edit`: the editor gets the terminal (curses steps aside) and an argv,
 * never a shell. */
static unsigned edit(struct ui *ui, void *state, int arg)
{
	struct exercise *x = state;
	struct dt_arena arena;
	struct dt_error err = {0};
	char path[4200], **argv;
	enum dt_status rc;
	int status = 0;

	(void)arg;
	if (!prepare(ui, x))
		return UI_REDRAW;
	if (!dt_snprintf(path, sizeof path, "%s/%s", x->ws, x->ex->target)) {
		ui_say(ui, true, "The workspace path is too long");
		return UI_REDRAW;
	}
	dt_arena_init(&arena);
	rc = exercise_editor_argv(getenv("VISUAL"), getenv("EDITOR"),
	                          getenv("PATH"), path, &arena, &argv, &err);
	if (rc == DT_OK) {
		ui_suspend(ui);
		rc = exercise_editor_run(argv, &status, &err);
		ui_resume(ui);
	}
	dt_arena_fini(&arena);
	if (rc != DT_OK) {
		ui_say_error(ui, "Cannot start the editor", &err);
		return UI_REDRAW;
	}
	check(ui, x, 0);
	if (status != 0)
		ui_say(ui, true, "The editor exited with status %d", status);
	return UI_REDRAW;
}

/* Shows the next hint and records it as seen at once, as `exercise hint`
 * does (the workspace is made too, so both call the exercise started): a
 * hint read counts before any check.  Hints seen meanwhile with the
 * exercise command are shown first.  One the store could not take, or
 * with no workspace to make, is still shown. */
static unsigned hint(struct ui *ui, void *state, int arg)
{
	struct exercise *x = state;
	struct dt_error err = {0};

	(void)arg;
	if (x->ex->n_hints == 0) {
		ui_say(ui, false, "This exercise has no hints: the task says it all");
		return UI_REDRAW;
	}
	(void)prepare(ui, x);        /* says why not in the footer */
	load_state(ui, x);
	if (x->hints_shown < x->st.hints) {
		x->hints_shown = x->st.hints;
	} else if ((size_t)x->hints_shown >= x->ex->n_hints) {
		ui_say(ui, false, "That was the last hint");
	} else {
		x->hints_shown++;
		if (app_record_hint(ui->app, x->ex->id, x->hints_shown, &err) !=
		    DT_OK)
			ui_say_error(ui, "The hint was not saved", &err);
		else
			load_state(ui, x);
	}
	build(ui, x);
	x->top = ui_page_max_top(&x->page, view_h(ui));
	return UI_REDRAW;
}

static unsigned solution(struct ui *ui, void *state, int arg)
{
	struct exercise *x = state;
	struct dt_error err = {0};
	int left;

	(void)arg;
	if (!exercise_solution_unlocked(x->st.passed, (long)x->st.failed, &left)) {
		ui_say(ui, false, "The solution opens once you pass, or after %d "
		       "failed checks: %d more to go", EXERCISE_SOLUTION_AFTER, left);
		return UI_REDRAW;
	}
	dt_arena_fini(&x->solution);
	dt_arena_init(&x->solution);
	x->n_files = 0;
	if (exercise_solution_load(x->ex, &x->solution, &x->files, &x->n_files,
	                           &err) != DT_OK) {
		x->n_files = 0;
		ui_say_error(ui, "Cannot read the solution", &err);
		return UI_REDRAW;
	}
	build(ui, x);
	x->top = ui_page_max_top(&x->page, view_h(ui));
	return UI_REDRAW;
}

static unsigned reset_now(struct ui *ui, void *ctx)
{
	struct exercise *x = ctx;
	struct dt_error err = {0};
	char backup[4200];

	if (exercise_workspace_reset(x->ex, x->ws, time(NULL), backup,
	                             sizeof backup, &err) != DT_OK) {
		ui_say_error(ui, "Cannot reset the workspace", &err);
		return UI_REDRAW;
	}
	ui_say(ui, false, "Started again from the starter files; your version "
	       "is kept in %s", backup);
	exercise_report_free(x->report);
	x->report = NULL;
	build(ui, x);
	return UI_REDRAW;
}

static unsigned reset(struct ui *ui, void *state, int arg)
{
	struct exercise *x = state;

	(void)arg;
	if (!x->has_ws || !exercise_workspace_exists(x->ws)) {
		if (prepare(ui, x))
			ui_say(ui, false, "Nothing to reset: the workspace has the "
			       "starter files");
		return UI_REDRAW;
	}
	x->confirm = (struct ui_confirm_args){
		"Start again?",
		"Start again from the starter files? Your files are kept as a "
		"backup beside the workspace.", reset_now, x,
	};
	return ui_push(ui, &ui_confirm_ops, &x->confirm);
}

static unsigned scroll_by(struct ui *ui, void *state, int lines)
{
	struct exercise *x = state;

	return ui_page_scroll(&x->page, &x->top, lines, view_h(ui));
}

static unsigned page(struct ui *ui, void *state, int dir)
{
	int step = view_h(ui) > 2 ? view_h(ui) - 2 : 1;

	return scroll_by(ui, state, dir * step);
}

static unsigned back(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static unsigned exercise_key(struct ui *ui, void *state,
                             const struct ui_event *ev)
{
	if (ui_wheel(ev))
		return scroll_by(ui, state, 3 * ui_wheel(ev));
	return ev->key == KEY_MOUSE ? UI_NONE : UI_PASS;
}

static const struct ui_binding exercise_bindings[] = {
	UI_BIND(edit, 0, "edit", "Edit the file in $VISUAL or $EDITOR, then "
	        "check it", 'e'),
	UI_BIND(check, 0, "check", "Check the workspace", 'c'),
	UI_BIND(hint, 0, "hint", "The next hint", 'h'),
	UI_BIND(solution, 0, "solution", "The reference solution (after a pass, "
	        "or 3 failed checks)", 's'),
	UI_BIND(reset, 0, "reset", "Start again from the starter files (asks "
	        "first)", 'r'),
	UI_BIND(scroll_by, 1, NULL, "Scroll down one line", 'j', KEY_DOWN),
	UI_BIND(scroll_by, -1, NULL, "Scroll up one line", 'k', KEY_UP),
	UI_BIND(page, 1, NULL, "Scroll down one page", ' ', KEY_NPAGE),
	UI_BIND(page, -1, NULL, "Scroll up one page", 'b', KEY_PPAGE),
	UI_BIND(back, 0, "back", "Back to the exercises", 'q', 27, KEY_LEFT),
};

const struct ui_screen_ops ui_exercise_ops = {
	.name = "Exercise",
	.bindings = UI_BINDINGS(exercise_bindings),
	.open = exercise_open,
	.draw = exercise_draw,
	.key = exercise_key,
	.resize = exercise_resize,
	.close = exercise_close,
};
