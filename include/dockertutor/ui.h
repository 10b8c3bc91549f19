/* dockertutor/ui.h - the terminal UI on ncursesw: home, the lesson reader,
 * practice, timed exams and their results, exercises, progress and help.
 *
 * The UI only draws and reads keys: the application layer (app.h) does the
 * work and keeps everything in the database as it happens, reading
 * progress included, so a run that ends by a signal loses nothing.
 *
 * Ownership: the app is borrowed for the duration of ui_run and must be
 * open; the UI never closes it.
 */
#ifndef DOCKERTUTOR_UI_H
#define DOCKERTUTOR_UI_H

#include <stdbool.h>

#include "dockertutor/app.h"

/* The smallest terminal the screens are laid out for. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20

struct ui_options {
	struct app *app;            /* required: course, database, learner */
};

/* Exit statuses of ui_run besides 0 (the learner quit): 1 when the terminal,
 * the database or memory failed (the message is printed on stderr after
 * the terminal is restored); 128 + N after signal N (INT, TERM, HUP, QUIT),
 * once the reading position is saved and the terminal restored. */
#define UI_EXIT_FAIL 1
#define UI_EXIT_SIGNAL_BASE 128

/* True when standard input and output are terminals that can show the UI
 * ($TERM set and not "dumb"). */
bool ui_terminal_ok(void);

/* Runs the UI until the learner quits or a signal ends it; returns the exit
 * status.  The terminal is restored on every path, crashes included. */
int ui_run(const struct ui_options *opts);

#endif
