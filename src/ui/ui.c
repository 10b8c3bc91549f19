/* The UI entry point and its event loop: the screen stack, key dispatch,
 * resize, ticks, handing the terminal to an editor and the orderly
 * shutdown.
 *
 * Design: screens are struct ui_screen_ops on a stack; only the top one
 * gets input, and it is drawn together with the overlays above an opaque
 * screen.  Every turn the loop reads the signal flags, applies a pending
 * resize, ticks every screen (an exam's clock runs under the help screen
 * too), redraws when something changed (erase, draw, wnoutrefresh,
 * doupdate: curses sends only the difference, so nothing flickers) and
 * waits at most UI_TICK_MS for a key.  A key goes to the screen's own
 * hook, then its binding table, then the global table; the reaction bits
 * say what the loop does next.  Shutdown always runs the same way: close
 * every screen (which saves the reading position), then endwin. */
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui_int.h"

#define UI_TICK_MS 150
#define UI_ESC_DELAY_MS 25

const struct ui_screen_ops *const ui_all_screens[] = {
	&ui_home_ops, &ui_reader_ops, &ui_practice_ops, &ui_exams_ops,
	&ui_exam_ops, &ui_results_ops, &ui_exercises_ops, &ui_exercise_ops,
	&ui_progress_ops, &ui_pick_ops, &ui_confirm_ops, &ui_help_ops,
};
const size_t ui_n_all_screens =
	sizeof ui_all_screens / sizeof ui_all_screens[0];

static unsigned global_help(struct ui *ui, void *state, int arg)
{
	(void)state;
	(void)arg;
	if (ui->depth && ui->stack[ui->depth - 1].ops == &ui_help_ops)
		return UI_NONE;
	return ui_push(ui, &ui_help_ops, NULL);
}

static unsigned global_repaint(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	clearok(curscr, TRUE);
	return UI_REDRAW;
}

static unsigned global_quit(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_QUIT;
}

const struct ui_binding ui_global_bindings[] = {
	UI_BIND(global_help, 0, "help", "Show every key of every screen", '?',
	        KEY_F(1)),
	UI_BIND(global_repaint, 0, NULL, "Repaint the screen", 'L' & 0x1f),
	UI_BIND(global_quit, 0, NULL, "Quit dockertutor from any screen", 'Q'),
};
const size_t ui_n_global_bindings =
	sizeof ui_global_bindings / sizeof ui_global_bindings[0];

bool ui_terminal_ok(void)
{
	const char *term = getenv("TERM");

	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term && *term &&
	       strcmp(term, "dumb") != 0;
}

unsigned ui_push(struct ui *ui, const struct ui_screen_ops *ops,
                 const void *arg)
{
	ui->next = ops;
	ui->next_arg = arg;
	return UI_PUSH | UI_REDRAW;
}

unsigned ui_replace(struct ui *ui, const struct ui_screen_ops *ops,
                    const void *arg)
{
	ui->next = ops;
	ui->next_arg = arg;
	return UI_REPLACE | UI_REDRAW;
}

void ui_say(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vsnprintf(ui->message, sizeof ui->message, fmt, ap) < 0)
		ui->message[0] = '\0';
	va_end(ap);
	ui->message_is_error = error;
}

void ui_say_error(struct ui *ui, const char *what, const struct dt_error *err)
{
	const char *msg = err->msg[0] ? err->msg : dt_status_str(err->code);

	if (err->path[0])
		ui_say(ui, true, "%s: %s: %s", what, err->path, msg);
	else
		ui_say(ui, true, "%s: %s", what, msg);
}

void ui_suspend(struct ui *ui)
{
	(void)ui;
	def_prog_mode();
	endwin();
	ui_term_hold_signals(true);
}

void ui_resume(struct ui *ui)
{
	int rows, cols;

	ui_term_hold_signals(false);
	reset_prog_mode();
	/* The program may have left the window another size. */
	if (ui_term_take_resize(&rows, &cols) && (rows != LINES || cols != COLS))
		resizeterm(rows, cols);
	ui->rows = LINES;
	ui->cols = COLS;
	clearok(curscr, TRUE);
	refresh();
}

/* ---- the stack -------------------------------------------------------- */

static void open_next(struct ui *ui)
{
	const struct ui_screen_ops *ops = ui->next;
	void *state;

	ui->next = NULL;
	if (!ops)
		return;
	if (ui->depth == UI_MAX_SCREENS) {
		ui_say(ui, true, "Too many screens open; close one first");
		return;
	}
	state = ops->open(ui, ui->next_arg);
	if (!state) {
		if (!ui->message[0])
			ui_say(ui, true, "Cannot open %s: out of memory", ops->name);
		return;
	}
	ui->stack[ui->depth].ops = ops;
	ui->stack[ui->depth].state = state;
	ui->depth++;
}

/* Closes the screen at index i and moves those above it down. */
static void close_at(struct ui *ui, size_t i)
{
	struct ui_screen s = ui->stack[i];

	memmove(&ui->stack[i], &ui->stack[i + 1],
	        (ui->depth - i - 1) * sizeof ui->stack[0]);
	ui->depth--;
	ui->stack[ui->depth].ops = NULL;
	ui->stack[ui->depth].state = NULL;
	ui->epoch++;
	if (s.ops->close)
		s.ops->close(ui, s.state);
}

static void close_top(struct ui *ui)
{
	if (ui->depth)
		close_at(ui, ui->depth - 1);
}

/* Runs the callback a closed confirmation left; its reaction. */
static unsigned take_after_pop(struct ui *ui)
{
	unsigned (*fn)(struct ui *, void *) = ui->after_pop;

	ui->after_pop = NULL;
	return fn ? fn(ui, ui->after_pop_ctx) : UI_NONE;
}

/* Applies a reaction; false when the loop should end. */
static bool apply(struct ui *ui, unsigned r, bool *dirty)
{
	if (r & UI_REDRAW)
		*dirty = true;
	if (r & UI_POP) {
		close_top(ui);
		*dirty = true;
		if (ui->after_pop && !(r & UI_QUIT))
			return apply(ui, take_after_pop(ui) | (r & ~(unsigned)UI_POP),
			             dirty);
	}
	if (r & (UI_PUSH | UI_REPLACE)) {
		size_t before = ui->depth;

		open_next(ui);
		if ((r & UI_REPLACE) && ui->depth > before && before > 0)
			close_at(ui, before - 1);
		*dirty = true;
	}
	ui->after_pop = NULL;
	return !(r & UI_QUIT) && ui->depth > 0;
}

/* Ticks every screen from the top down.  A screen under others that asks
 * for more than a redraw (an exam whose time ran out under the help
 * screen) first has the screens above it closed. */
static bool tick_all(struct ui *ui, bool *dirty)
{
	uint64_t now = dt_now_ms();
	size_t i;

	for (i = ui->depth; i-- > 0;) {
		struct ui_screen *s = &ui->stack[i];
		unsigned r;

		if (!s->ops->tick)
			continue;
		r = s->ops->tick(ui, s->state, now);
		if (r & ~(unsigned)UI_REDRAW) {
			while (ui->depth > i + 1)
				close_top(ui);
			return apply(ui, r, dirty);
		}
		if (r & UI_REDRAW)
			*dirty = true;
	}
	return true;
}

/* ---- drawing ---------------------------------------------------------- */

static bool too_small(const struct ui *ui)
{
	return ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
}

/* The message, wrapped at spaces to the width however narrow. */
static void draw_too_small(struct ui *ui)
{
	char msg[160];
	const char *p = msg;
	int y = 0;

	if (!dt_snprintf(msg, sizeof msg,
	                 "Terminal too small: need %dx%d, have %dx%d. "
	                 "Enlarge the window, or press q to quit.",
	                 UI_MIN_COLS, UI_MIN_ROWS, ui->cols, ui->rows))
		return;
	while (*p && y < ui->rows) {
		size_t take = ui_wrap(p, ui->cols);

		ui_put(ui, y, 0, ui->cols, p, take, A_BOLD);
		y++;
		p += take;
		while (*p == ' ')
			p++;
	}
}

static void draw_all(struct ui *ui)
{
	size_t base;

	erase();
	curs_set(0);
	if (too_small(ui)) {
		draw_too_small(ui);
	} else if (ui->depth) {
		base = ui->depth - 1;
		while (base > 0 && ui->stack[base].ops->overlay)
			base--;
		for (; base < ui->depth; base++)
			ui->stack[base].ops->draw(ui, ui->stack[base].state);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- events ----------------------------------------------------------- */

static void relayout(struct ui *ui, int rows, int cols)
{
	size_t i;

	if (rows != LINES || cols != COLS)
		resizeterm(rows, cols);
	ui->rows = LINES;
	ui->cols = COLS;
	clearok(curscr, TRUE);
	for (i = 0; i < ui->depth; i++)
		if (ui->stack[i].ops->resize)
			ui->stack[i].ops->resize(ui, ui->stack[i].state);
}

static unsigned handle_event(struct ui *ui, const struct ui_event *ev)
{
	struct ui_screen *top = &ui->stack[ui->depth - 1];
	unsigned r = UI_PASS;

	if (ev->key == KEY_RESIZE) {
		relayout(ui, LINES, COLS);
		return UI_REDRAW;
	}
	if (too_small(ui))
		return ev->key == 'q' || ev->key == 'Q' ? UI_QUIT : UI_NONE;
	if (top->ops->key)
		r = top->ops->key(ui, top->state, ev);
	if (r & UI_PASS)
		r = ui_dispatch(ui, top->ops->bindings, top->ops->n_bindings,
		                top->state, ev);
	if (r & UI_PASS)
		r = ui_dispatch(ui, ui_global_bindings, ui_n_global_bindings, NULL, ev);
	return r & ~(unsigned)UI_PASS;
}

/* Runs until the learner quits or a stop signal arrives; returns the
 * signal number, or 0. */
static int loop(struct ui *ui)
{
	bool dirty = true, running = true;

	while (running) {
		struct ui_event ev;
		int sig = ui_term_take_signal(), rows, cols;

		if (sig)
			return sig;
		if (ui_term_take_resize(&rows, &cols)) {
			relayout(ui, rows, cols);
			dirty = true;
		}
		running = tick_all(ui, &dirty);
		if (running && dirty) {
			draw_all(ui);
			dirty = false;
		}
		if (!running || !ui_read_event(ui, &ev))
			continue;
		if (ui->message[0]) {
			ui->message[0] = '\0';
			dirty = true;
		}
		running = apply(ui, handle_event(ui, &ev), &dirty);
	}
	return 0;
}

/* ---- start and end ---------------------------------------------------- */

static bool prepare_names(struct ui *ui)
{
	const struct course *c = ui->course;
	size_t i, k;

	ui->course_title = ui_clean(ui, c->title);
	ui->lessons = dt_arena_alloc(&ui->arena, (c->n_lessons + 1) * sizeof *ui->lessons);
	if (!ui->lessons)
		return false;
	for (i = 0; i < c->n_lessons; i++) {
		const struct course_lesson *l = &c->lessons[i];
		struct ui_lesson *u = &ui->lessons[i];

		u->lesson = l;
		u->title = ui_clean(ui, l->title);
		u->section_titles = dt_arena_alloc(&ui->arena,
		                                   (l->n_sections + 1) * sizeof *u->section_titles);
		if (!u->section_titles)
			return false;
		for (k = 0; k < l->n_sections; k++)
			u->section_titles[k] = ui_clean(ui, l->sections[k].title);
	}
	return true;
}

static bool start_curses(struct ui *ui, SCREEN **scr)
{
	const char *no_color = getenv("NO_COLOR");
	mmask_t mouse = BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED |
	                BUTTON4_PRESSED;

#ifdef BUTTON5_PRESSED
	mouse |= BUTTON5_PRESSED;
#endif
	*scr = newterm(NULL, stdout, stdin);
	if (!*scr)
		return false;
	set_term(*scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(UI_TICK_MS);
	set_escdelay(UI_ESC_DELAY_MS);
	curs_set(0);
	mouseinterval(0);
	ui->color = !(no_color && *no_color);
	ui_colors_init(ui);
	ui_term_prepare_crash_reset(mousemask(mouse, NULL) != 0);
	ui->rows = LINES;
	ui->cols = COLS;
	return true;
}

static void stop_curses(SCREEN *scr)
{
	endwin();
	delscreen(scr);
}

static void finish(struct ui *ui, char *fatal, size_t size)
{
	/* Closing saves the reading position; a failure there is reported
	 * once the terminal is back. */
	ui->message[0] = '\0';
	while (ui->depth)
		close_top(ui);
	if (ui->message[0] && ui->message_is_error && !fatal[0])
		dt_snprintf(fatal, size, "%s", ui->message);
}

/* Prints "dockertutor: TEXT" on stderr, sanitised. */
static void print_fatal(const char *text)
{
	char *clean = dt_sanitize(text, strlen(text), false);

	fprintf(stderr, "dockertutor: %s\n", clean ? clean : text);
	dt_free(clean);
}

/* Everything before curses starts: names, the reading progress.  On
 * failure the message is printed and false returned. */
static bool prepare(struct ui *ui, const struct ui_options *opts)
{
	struct dt_error err = {0};

	memset(ui, 0, sizeof *ui);
	setlocale(LC_ALL, "");
	ui->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	ui->app = opts->app;
	ui->course = app_course(opts->app);
	dt_arena_init(&ui->arena);
	if (!prepare_names(ui)) {
		print_fatal("out of memory");
		return false;
	}
	if (ui_progress_load(ui, &err) != DT_OK) {
		char line[1200];

		if (!dt_snprintf(line, sizeof line, "%s%serror: %s", err.path,
		                 err.path[0] ? ": " : "", err.msg))
			dt_strlcpy(line, err.msg, sizeof line);
		print_fatal(line);
		return false;
	}
	return true;
}

/* The part of ui_run inside curses; the exit status. */
static int run_curses(struct ui *ui)
{
	SCREEN *scr = NULL;
	char fatal[512] = "";
	int sig = 0;

	ui_term_install();
	if (!start_curses(ui, &scr)) {
		ui_term_uninstall();
		print_fatal("cannot start the terminal screen (check $TERM)");
		return UI_EXIT_FAIL;
	}
	ui_push(ui, &ui_home_ops, NULL);
	open_next(ui);
	if (ui->depth)
		sig = loop(ui);
	else
		dt_snprintf(fatal, sizeof fatal, "%s", ui->message);
	finish(ui, fatal, sizeof fatal);
	stop_curses(scr);
	ui_term_uninstall();
	if (fatal[0])
		print_fatal(fatal);
	if (sig)
		return UI_EXIT_SIGNAL_BASE + sig;
	return fatal[0] ? UI_EXIT_FAIL : 0;
}

int ui_run(const struct ui_options *opts)
{
	struct ui ui;
	int status = UI_EXIT_FAIL;

	if (prepare(&ui, opts))
		status = run_curses(&ui);
	ui_progress_free(&ui);
	dt_arena_fini(&ui.arena);
	return status;
}
