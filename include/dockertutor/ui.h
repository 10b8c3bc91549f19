/* dockertutor/ui.h - the terminal UI: the home screen, the lesson reader and
 * the help screen on ncursesw, with the screens that later use cases add.
 *
 * The UI only draws and reads keys; the course comes in loaded, and what
 * the learner has read goes out through struct ui_progress_ops, which the
 * caller fills (the application layer stores it in the database).  Without
 * it the progress lives in memory for the run.
 *
 * Ownership: everything passed in is borrowed for the duration of ui_run.
 */
#ifndef DOCKERTUTOR_UI_H
#define DOCKERTUTOR_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "dockertutor/course.h"
#include "dockertutor/util.h"

/* The smallest terminal the screens are laid out for. */
#define UI_MIN_COLS 60
#define UI_MIN_ROWS 20

/* How far into a section a reader is, independent of the window width:
 * depth is in ten-thousandths of the section's height. */
#define UI_DEPTH_SCALE 10000u

struct ui_position {
	char section_id[COURSE_MAX_ID + 1];   /* "" : the start of the lesson */
	unsigned depth;                       /* 0 .. UI_DEPTH_SCALE */
};

/* Where reading progress is kept.  Every function is called from the UI
 * thread with ctx as given; ids are borrowed for the call only.  Functions
 * that return enum dt_status fill err on failure; the UI shows the message
 * and carries on. */
struct ui_progress_ops {
	/* The saved reading position of a lesson; false when there is none. */
	bool (*get_position)(void *ctx, const char *lesson_id,
	                     struct ui_position *pos);
	enum dt_status (*set_position)(void *ctx, const char *lesson_id,
	                               const struct ui_position *pos,
	                               struct dt_error *err);
	bool (*is_section_read)(void *ctx, const char *lesson_id,
	                        const char *section_id);
	enum dt_status (*mark_section_read)(void *ctx, const char *lesson_id,
	                                    const char *section_id,
	                                    struct dt_error *err);
	/* The lesson whose position was set last, copied into id (size bytes);
	 * false when nothing was read yet. */
	bool (*last_lesson)(void *ctx, char *id, size_t size);
	/* Called once when the UI shuts down (also after INT, TERM, HUP and
	 * QUIT); NULL when everything is already stored. */
	enum dt_status (*flush)(void *ctx, struct dt_error *err);
};

struct ui_options {
	const struct course *course;            /* required */
	const struct ui_progress_ops *progress; /* NULL: kept in memory */
	void *progress_ctx;
};

/* Exit statuses of ui_run besides 0 (the learner quit): 1 when the terminal
 * or memory failed (the message is printed on stderr after the terminal is
 * restored); 128 + N after signal N (INT, TERM, HUP, QUIT), once the
 * position is saved and the terminal restored. */
#define UI_EXIT_FAIL 1
#define UI_EXIT_SIGNAL_BASE 128

/* True when standard input and output are terminals that can show the UI
 * ($TERM set and not "dumb"). */
bool ui_terminal_ok(void);

/* Runs the UI until the learner quits or a signal ends it; returns the exit
 * status.  The terminal is restored on every path, crashes included. */
int ui_run(const struct ui_options *opts);

#endif
