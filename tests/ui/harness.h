/* The headless UI test harness: the real binary in a pseudo-terminal,
 * its output fed into libvterm, the screen read back as text.
 *
 * Keys are encoded by libvterm the way a terminal encodes them for the
 * mode the program asked for (application cursor keys after smkx, mouse
 * reports after the mouse mode is switched on).  Every wait is on a
 * condition of the screen with a cap, never a sleep. */
#ifndef DT_UI_HARNESS_H
#define DT_UI_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <termios.h>
#include <vterm.h>

/* How long any wait may take before the test fails: generous, so a slow
 * machine or a sanitizer build only makes the suite slower. */
#define TERM_WAIT_MS 10000

struct term {
	pid_t pid;
	int master, slave;           /* the slave stays open to read termios */
	VTerm *vt;
	VTermScreen *screen;
	int rows, cols;
	bool altscreen;
	bool cursor_visible;
	int mouse;                   /* VTERM_PROP_MOUSE_* */
	bool exited;
	int status;                  /* from waitpid, once exited */
	struct termios initial;      /* the termios before the program ran */
};

struct term_opts {
	int rows, cols;
	const char *lang;            /* LANG and LC_ALL; NULL: C.UTF-8 */
	const char *term;            /* TERM; NULL: xterm-256color */
	bool no_color;               /* NO_COLOR=1 */
	const char *content;         /* --content DIR; NULL: none */
	const char *data_home;       /* XDG_DATA_HOME and HOME */
	const char *const *env;      /* more NAME=VALUE, NULL-terminated */
	const char *const *args;     /* a command and its arguments after the
	                                options (a plain mode run on the same
	                                terminal and data), NULL-terminated */
};

#define TERM_MAX_ENV 16              /* variables of the child, all told */
#define TERM_MAX_ARGS 8              /* arguments after the options */

/* Starts $DT_BIN in a new pseudo-terminal; false (with a message on
 * stderr) when it cannot. */
bool term_spawn(struct term *t, const struct term_opts *o);
/* Kills the program if it still runs, frees everything. */
void term_close(struct term *t);

/* Reads what the program wrote for up to ms milliseconds (0: what is
 * there now). */
void term_pump(struct term *t, int ms);

/* Row r of the screen as UTF-8, trailing blanks cut. */
const char *term_row(struct term *t, int r, char *buf, size_t size);
/* The row holding text (from row `from`), or -1. */
int term_find(struct term *t, const char *text, int from);
bool term_has(struct term *t, const char *text);

/* Waits until text is on the screen (or, for term_wait_gone, is not). */
bool term_wait(struct term *t, const char *text);
bool term_wait_gone(struct term *t, const char *text);
/* Waits until row r holds exactly text (trailing blanks cut). */
bool term_wait_row(struct term *t, int r, const char *text);
/* Waits until row r contains text. */
bool term_wait_row_has(struct term *t, int r, const char *text);
/* Waits until row r differs from text. */
bool term_wait_row_not(struct term *t, int r, const char *text);

/* Waits up to ms (not TERM_WAIT_MS) until text is on the screen: for a
 * clock that has to run out. */
bool term_wait_for(struct term *t, const char *text, int ms);

/* Waits until pred(t, arg) holds. */
bool term_wait_until(struct term *t, bool (*pred)(struct term *t, const void *arg),
                     const void *arg);

/* Input, encoded by the terminal for the mode the program set. */
void term_key(struct term *t, VTermKey key);
void term_type(struct term *t, const char *utf8);
void term_ctrl(struct term *t, char c);
void term_click(struct term *t, int row, int col);
void term_wheel(struct term *t, int row, int col, bool down);

/* Resizes the terminal as a window manager would: TIOCSWINSZ on the pty,
 * which sends SIGWINCH to the program. */
void term_resize(struct term *t, int rows, int cols);
void term_signal(struct term *t, int sig);

/* Waits for the program to end (reading its output meanwhile). */
bool term_wait_exit(struct term *t);
/* The terminal mode the program left behind on the pty. */
bool term_termios(const struct term *t, struct termios *out);

/* Cell attributes at (r, c). */
bool term_cell(struct term *t, int r, int c, VTermScreenCell *cell);

/* Prints the screen, for a failing test. */
void term_dump(struct term *t);

#endif
