/* Headless UI tests of the home screen, the lesson reader, help and the
 * terminal itself (sizes, locales, colour, signals): the real binary in a
 * pseudo-terminal, driven by keys, mouse and signals, its screen read back
 * through libvterm and asserted.  The helpers every test file shares are
 * here too (uitest.h). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "uitest.h"

char data_home[256];
const char *failure;
int failure_line;

bool start(struct term *t, int rows, int cols, const char *content)
{
	struct term_opts o = {.rows = rows, .cols = cols, .content = content,
	                      .data_home = data_home};

	return term_spawn(t, &o);
}

bool start_with(struct term *t, struct term_opts o)
{
	if (!o.data_home)
		o.data_home = data_home;
	return term_spawn(t, &o);
}

bool open_first(struct term *t)
{
	if (!term_wait(t, "First Steps with Containers"))
		return false;
	term_key(t, VTERM_KEY_ENTER);
	/* The footer is drawn last: once it shows, the whole frame is in. */
	return term_wait_row_has(t, 0, "Lesson 1") &&
	       term_wait_row_has(t, t->rows - 1, "%");
}

bool restored(struct term *t)
{
	struct termios now;

	return !t->altscreen && t->cursor_visible && t->mouse == VTERM_PROP_MOUSE_NONE &&
	       term_termios(t, &now) &&
	       (now.c_lflag & (ICANON | ECHO)) == (t->initial.c_lflag & (ICANON | ECHO)) &&
	       (now.c_iflag & ICRNL) == (t->initial.c_iflag & ICRNL);
}

bool exited_with(struct term *t, int status)
{
	return term_wait_exit(t) && WIFEXITED(t->status) &&
	       WEXITSTATUS(t->status) == status;
}

bool footer_has(struct term *t, const char *text)
{
	return term_wait_row_has(t, t->rows - 1, text);
}

/* ---- home ------------------------------------------------------------- */

static void test_home_lists_the_shipped_lessons(struct term *t)
{
	static const char *const titles[] = {
		"What Is a Container?", "Running Containers", "Images and Layers",
	};
	size_t i;

	CHECK(t, start(t, 24, 80, COURSE));
	CHECK(t, term_wait(t, "Docker and Containers Basics"));
	for (i = 0; i < sizeof titles / sizeof titles[0]; i++)
		CHECK(t, term_wait(t, titles[i]));
	/* Ten lesson rows, each numbered, with minutes and a status. */
	CHECK(t, term_wait(t, "Containers in Production"));
	for (i = 1; i <= 10; i++) {
		char num[8];
		int row;

		snprintf(num, sizeof num, "%3zu  ", i);
		row = term_find(t, num, 2);
		CHECK(t, row > 0);
		CHECK(t, term_find(t, " min", row) == row);
		CHECK(t, term_find(t, "not started", row) == row);
	}
	CHECK(t, term_wait(t, "Start the course: 1. What Is a Container?"));
	CHECK(t, term_wait(t, "Help"));
	CHECK(t, term_wait(t, "Quit"));
	term_type(t, "q");
	CHECK(t, exited_with(t, 0));
	CHECK(t, restored(t));
}

static void test_home_keys_move_and_open(struct term *t)
{
	int row;

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	CHECK(t, term_wait(t, "0 of 3 lessons read"));
	/* Down from "start" selects lesson 1, again lesson 2; its summary
	 * shows below the list. */
	term_key(t, VTERM_KEY_DOWN);
	term_type(t, "j");
	CHECK(t, term_wait(t, "A lesson that fits on one screen."));
	term_type(t, "k");
	CHECK(t, term_wait(t, "A lesson built for the screen tests"));
	term_type(t, "j");
	CHECK(t, term_wait(t, "A lesson that fits on one screen."));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Lesson 2"));
	CHECK(t, term_wait(t, "2.1  The Only Section"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	/* The mouse: a click on a lesson row opens it. */
	row = term_find(t, "The Last Leg", 2);
	CHECK(t, row > 0);
	term_click(t, row, 10);
	CHECK(t, term_wait_row_has(t, 0, "Lesson 3"));
}

/* ---- the reader ------------------------------------------------------- */

static void test_reader_shows_first_section(struct term *t)
{
	char row[512];

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	CHECK(t, term_wait_row_has(t, 0, "First Steps with Containers"));
	CHECK(t, strstr(term_row(t, 1, row, sizeof row), "1.1  Start Here"));
	CHECK(t, term_wait(t, "A container is a process with its own view"));
	CHECK(t, term_wait(t, "Namespaces decide what a process can see."));
	/* The footer: how far in, and the keys from the binding table. */
	CHECK(t, strstr(term_row(t, 23, row, sizeof row), "%"));
	CHECK(t, strstr(row, "j/k scroll"));
	CHECK(t, strstr(row, "search"));
}

static void test_reader_scrolls(struct term *t)
{
	char first[512], second[512], fourth[512], last[512];

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	term_row(t, 1, first, sizeof first);
	term_row(t, 2, second, sizeof second);
	term_row(t, 4, fourth, sizeof fourth);
	term_row(t, 22, last, sizeof last);
	term_type(t, "j");
	CHECK(t, term_wait_row(t, 1, second));
	term_key(t, VTERM_KEY_DOWN);
	CHECK(t, term_wait_row_not(t, 1, second));
	term_type(t, "k");
	CHECK(t, term_wait_row(t, 1, second));
	term_key(t, VTERM_KEY_UP);
	CHECK(t, term_wait_row(t, 1, first));
	/* A page keeps two lines of context: the last body row (22) comes to
	 * row 2. */
	term_key(t, VTERM_KEY_PAGEDOWN);
	CHECK(t, term_wait_row(t, 2, last));
	term_key(t, VTERM_KEY_PAGEUP);
	CHECK(t, term_wait_row(t, 1, first));
	term_type(t, " ");
	CHECK(t, term_wait_row(t, 2, last));
	term_type(t, "b");
	CHECK(t, term_wait_row(t, 1, first));
	/* G: the end, with the key takeaways box; g: back to the start. */
	term_type(t, "G");
	CHECK(t, term_wait(t, "Key takeaways"));
	CHECK(t, term_wait(t, "An image is a read-only template built from a Dockerfile."));
	CHECK(t, term_wait(t, "100%"));
	CHECK(t, term_find(t, "\u2514", 1) > 0);             /* the frame's corner */
	term_type(t, "g");
	CHECK(t, term_wait_row(t, 1, first));
	term_key(t, VTERM_KEY_END);
	CHECK(t, term_wait(t, "Key takeaways"));
	term_key(t, VTERM_KEY_HOME);
	CHECK(t, term_wait_row(t, 1, first));
	/* The wheel scrolls three lines. */
	term_wheel(t, 10, 10, true);
	CHECK(t, term_wait_row(t, 1, fourth));
	term_wheel(t, 10, 10, false);
	CHECK(t, term_wait_row(t, 1, first));
}

static void test_reader_section_list_jumps(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	term_type(t, "s");
	CHECK(t, term_wait(t, "Sections"));
	CHECK(t, term_wait(t, "1.3  A Table of Commands"));
	CHECK(t, term_wait(t, "Key takeaways"));
	term_type(t, "jj");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 1, "1.3  A Table of Commands"));
	CHECK(t, term_wait_gone(t, "Sections"));
	/* The header names the section at the top; the table has its frame. */
	CHECK(t, term_wait_row_has(t, 0, "A Table of Commands"));
	CHECK(t, term_wait(t, "docker run"));
	CHECK(t, term_find(t, "\u250c", 1) > 0);
	/* Tab opens it too; Esc closes it without moving. */
	term_key(t, VTERM_KEY_TAB);
	CHECK(t, term_wait(t, "Sections"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, term_wait_gone(t, "Sections"));
	CHECK(t, term_wait_row_has(t, 1, "1.3  A Table of Commands"));
}

static void test_reader_search(struct term *t)
{

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	/* The line editor: typing, Backspace, Ctrl-U, Esc. */
	term_type(t, "/");
	CHECK(t, term_wait_row(t, 23, "/"));
	term_type(t, "pex");
	CHECK(t, term_wait_row(t, 23, "/pex"));
	term_key(t, VTERM_KEY_BACKSPACE);
	CHECK(t, term_wait_row(t, 23, "/pe"));
	term_ctrl(t, 'u');
	CHECK(t, term_wait_row(t, 23, "/"));
	term_type(t, "zz");
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, term_wait_row_has(t, 23, "scroll"));
	/* A search puts the first matching line at the top; n and N go from
	 * match to match. */
	term_type(t, "/pelican");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 1, "The search word of this lesson is pelican"));
	term_type(t, "n");
	CHECK(t, term_wait_row_has(t, 1, "Line B3 of the images section, where a pelican also appears."));
	CHECK(t, term_wait_row_has(t, 0, "Images Are Templates"));
	term_type(t, "n");
	CHECK(t, term_wait_row_not(t, 1, "  Line B3 of the images section, where a pelican also appears."));
	CHECK(t, term_wait(t, "the last pelican of the"));
	term_type(t, "N");
	CHECK(t, term_wait_row_has(t, 1, "Line B3 of the images section, where a pelican also appears."));
	term_type(t, "N");
	CHECK(t, term_wait_row_has(t, 1, "The search word of this lesson is pelican"));
	/* Backwards from the first match wraps to the last one. */
	term_type(t, "N");
	CHECK(t, term_wait(t, "Search wrapped to the bottom"));
	CHECK(t, term_wait(t, "the last pelican of the"));
	/* Nothing found says so. */
	term_type(t, "/zzzz");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Not found: zzzz"));
}

/* Row 1 shows the word arg in reverse video, and only the word. */
static bool highlighted(struct term *t, const void *arg)
{
	VTermScreenCell cell;
	char row[512];
	const char *at = strstr(term_row(t, 1, row, sizeof row), arg);
	int col, n = (int)strlen(arg), k;

	if (!at)
		return false;
	col = (int)(at - row);           /* the row is ASCII up to the match */
	for (k = -1; k <= n; k++)
		if (!term_cell(t, 1, col + k, &cell) ||
		    (bool)cell.attrs.reverse != (k >= 0 && k < n))
			return false;
	return true;
}

static void test_search_highlights_matches(struct term *t)
{
	struct term_opts o = {.rows = 24, .cols = 80, .no_color = true, .content = FIXTURE};

	CHECK(t, start_with(t, o));
	CHECK(t, open_first(t));
	CHECK(t, !highlighted(t, "pelican"));
	term_type(t, "/pelican");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_until(t, highlighted, "pelican"));
	/* Matches are found whatever the case of the query. */
	term_type(t, "/PELICAN");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_until(t, highlighted, "pelican"));
}

static void test_reader_lessons_and_position(struct term *t)
{
	char top[512];

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	/* Ten lines down, the line on row 11 is at the top. */
	term_row(t, 11, top, sizeof top);
	CHECK(t, top[0] != '\0');
	term_type(t, "jjjjjjjjjj");
	CHECK(t, term_wait_row(t, 1, top));
	term_type(t, "]");
	CHECK(t, term_wait_row_has(t, 0, "Lesson 2"));
	term_type(t, "]");
	CHECK(t, term_wait_row_has(t, 0, "Lesson 3"));
	term_type(t, "]");
	CHECK(t, term_wait(t, "This is the last lesson"));
	term_type(t, "[[");
	CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
	CHECK(t, term_wait_row(t, 1, top));
	/* Back home: lesson 1 is in progress, and "continue" reopens it at
	 * the same line. */
	term_type(t, "q");
	CHECK(t, term_wait(t, "Continue where you left off: 1. First Steps"));
	CHECK(t, term_find(t, "in progress", term_find(t, "First Steps with Containers", 3)) > 0);
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
	CHECK(t, term_wait_row(t, 1, top));
	/* Reading to the end marks every section read. */
	term_type(t, "G");
	CHECK(t, term_wait(t, "Key takeaways"));
	term_type(t, "s");
	CHECK(t, term_wait(t, "Sections"));
	CHECK(t, term_wait(t, "\u2713 1.4  Call-outs and Headings"));
	term_key(t, VTERM_KEY_ESCAPE);
	term_type(t, "q");
	CHECK(t, term_wait(t, "1 of 3 lessons read"));
}

static void test_help_lists_every_binding(struct term *t)
{
	CHECK(t, start(t, 40, 100, FIXTURE));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	term_type(t, "?");
	CHECK(t, term_wait(t, "Select the next line"));
	CHECK(t, term_wait(t, "j, Down"));
	CHECK(t, term_wait(t, "Lesson reader"));
	CHECK(t, term_wait(t, "Scroll down one line"));
	CHECK(t, term_wait(t, "Search the lesson"));
	term_type(t, "G");
	CHECK(t, term_wait(t, "Quit dockertutor from any screen"));
	CHECK(t, term_wait(t, "Everywhere"));
	CHECK(t, term_wait(t, "Typing a search"));
	CHECK(t, term_wait(t, "Delete the whole text"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	/* From the reader too, and back to it. */
	CHECK(t, open_first(t));
	term_type(t, "?");
	CHECK(t, term_wait(t, "Keys"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
}

/* At 60 columns a binding's text goes on under its own column, a word
 * at a time; wider, it is one row again, and the help keeps its place. */
static void test_help_wraps_at_60_columns(struct term *t)
{
	char row[512], want[128];
	int r;

	snprintf(want, sizeof want, "%26stag, mistakes or reviews", "");
	CHECK(t, start(t, 20, 60, FIXTURE));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	term_type(t, "?");
	CHECK(t, term_wait(t, "Practise: the selected lesson,"));
	r = term_find(t, "Practise: the selected lesson,", 1);
	CHECK(t, strncmp(term_row(t, r, row, sizeof row), "    p ", 6) == 0);
	CHECK(t, !strstr(row, "tag"));
	CHECK(t, term_wait_row(t, r + 1, want));
	CHECK(t, term_wait_row_has(t, r + 2, "    q "));
	term_resize(t, 20, 100);
	CHECK(t, term_wait(t, "Practise: the selected lesson, a tag, mistakes or "
	                   "reviews"));
	CHECK(t, term_wait_gone(t, want));
	r = term_find(t, "Practise: the selected lesson,", 1);
	CHECK(t, term_wait_row_has(t, r + 1, "    q "));
	term_type(t, "j");
	CHECK(t, term_wait_row_has(t, 1, "j, Down"));
	term_resize(t, 20, 60);
	CHECK(t, term_wait(t, want));
	CHECK(t, term_wait_row_has(t, 1, "j, Down"));
	r = term_find(t, "Practise: the selected lesson,", 1);
	CHECK(t, term_wait_row(t, r + 1, want));
	/* Every row of every binding fits, down to the last. */
	term_type(t, "G");
	CHECK(t, term_wait(t, "Quit dockertutor from any screen"));
	for (r = 1; r < t->rows; r++)
		CHECK(t, strlen(term_row(t, r, row, sizeof row)) <= 60);
}

/* ---- the terminal ----------------------------------------------------- */

/* The footer shows the reading percentage but not the text arg. */
static bool footer_without(struct term *t, const void *arg)
{
	char row[512];

	term_row(t, t->rows - 1, row, sizeof row);
	return strstr(row, "%") && !strstr(row, arg);
}

/* Every body row fits the width less the margins, and row 4 changed. */
static bool rewrapped(struct term *t, const void *arg)
{
	char row[512];
	int r;

	for (r = 1; r < t->rows - 1; r++)
		if ((int)strlen(term_row(t, r, row, sizeof row)) > t->cols - 2)
			return false;
	return strcmp(term_row(t, 4, row, sizeof row), arg) != 0;
}

static void test_resize_redraws_each_screen(struct term *t)
{
	char row[512];
	int len80, len60;

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	CHECK(t, term_wait_row_has(t, 23, "quit"));
	term_resize(t, 30, 100);
	CHECK(t, term_wait_row_has(t, 29, "quit"));
	CHECK(t, term_wait(t, "First Steps with Containers"));
	term_resize(t, 24, 80);
	CHECK(t, term_wait_row_has(t, 23, "quit"));
	/* The reader re-wraps at the new width and keeps its section. */
	CHECK(t, open_first(t));
	term_row(t, 4, row, sizeof row);
	len80 = (int)strlen(row);
	term_resize(t, 24, 60);
	CHECK(t, term_wait_until(t, rewrapped, row));
	/* The footer loses its last keys at 60 columns; drawn last, it says
	 * the frame is complete. */
	CHECK(t, term_wait_until(t, footer_without, "back"));
	len60 = (int)strlen(term_row(t, 4, row, sizeof row));
	CHECK(t, len60 < len80 && len60 <= 58);
	CHECK(t, term_wait_row_has(t, 0, "Start Here"));
	term_type(t, "s");
	CHECK(t, term_wait(t, "Sections"));
	term_type(t, "jj");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 1, "1.3  A Table of Commands"));
	term_resize(t, 30, 120);
	CHECK(t, term_wait_row_has(t, 29, "%"));
	CHECK(t, term_wait_row_has(t, 0, "A Table of Commands"));
	CHECK(t, term_wait(t, "1.3  A Table of Commands"));
	/* The help screen too, opened at the reader's keys. */
	term_type(t, "?");
	CHECK(t, term_wait(t, "Scroll down one line"));
	CHECK(t, term_wait_row_has(t, 1, "Lesson reader"));
	term_resize(t, 24, 70);
	CHECK(t, term_wait_row_has(t, 23, "back"));
	CHECK(t, term_wait(t, "Scroll down one line"));
}

static void test_too_small_then_grown(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	term_resize(t, 15, 50);
	CHECK(t, term_wait(t, "Terminal too small: need 60x20, have 50x15"));
	CHECK(t, term_wait_gone(t, "Containers for Screen Tests"));
	term_resize(t, 20, 59);
	CHECK(t, term_wait(t, "have 59x20"));
	term_resize(t, 20, 60);
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	CHECK(t, term_wait_gone(t, "Terminal too small"));
	CHECK(t, term_wait(t, "First Steps with Containers"));
}

static void test_starts_too_small(struct term *t)
{
	CHECK(t, start(t, 10, 40, FIXTURE));
	CHECK(t, term_wait(t, "Terminal too small:"));
	CHECK(t, term_wait(t, "40x10"));
	term_type(t, "q");
	CHECK(t, exited_with(t, 0));
	CHECK(t, restored(t));
}

bool screen_is_ascii(struct term *t)
{
	VTermScreenCell cell;
	int r, c;

	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++)
			if (term_cell(t, r, c, &cell) && cell.chars[0] > 127)
				return false;
	return true;
}

static void test_ascii_without_utf8(struct term *t)
{
	struct term_opts o = {.rows = 24, .cols = 80, .lang = "C", .content = FIXTURE};

	CHECK(t, start_with(t, o));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	CHECK(t, term_wait(t, "> Start the course: 1. First Steps"));
	CHECK(t, term_wait(t, ". not started"));
	CHECK(t, screen_is_ascii(t));
	CHECK(t, open_first(t));
	CHECK(t, term_wait(t, "- Namespaces decide what a process can see."));
	CHECK(t, term_wait(t, "Lesson 1 - First Steps with Containers"));
	term_type(t, "G");
	CHECK(t, term_wait(t, "Key takeaways"));
	CHECK(t, term_wait(t, "+- Key takeaways -"));
	CHECK(t, term_wait(t, "|   - A container is a process"));
	CHECK(t, screen_is_ascii(t));
	term_type(t, "s");
	CHECK(t, term_wait(t, "Sections"));
	CHECK(t, screen_is_ascii(t));
}

bool any_colour(struct term *t)
{
	VTermScreenCell cell;
	int r, c;

	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++)
			if (term_cell(t, r, c, &cell) &&
			    (!VTERM_COLOR_IS_DEFAULT_FG(&cell.fg) ||
			     !VTERM_COLOR_IS_DEFAULT_BG(&cell.bg)))
				return true;
	return false;
}

static void test_no_color(struct term *t)
{
	struct term_opts o = {.rows = 24, .cols = 80, .no_color = true, .content = FIXTURE};
	VTermScreenCell cell;

	CHECK(t, start_with(t, o));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	CHECK(t, !any_colour(t));
	/* Without colour the bars and the selection are reversed. */
	CHECK(t, term_cell(t, 0, 0, &cell) && cell.attrs.reverse);
	CHECK(t, open_first(t));
	term_type(t, "G");
	CHECK(t, term_wait(t, "Key takeaways"));
	CHECK(t, !any_colour(t));
	term_close(t);
	/* With colour allowed, the same screens use it. */
	o.no_color = false;
	CHECK(t, start_with(t, o));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	CHECK(t, any_colour(t));
}

static void test_quit_restores_terminal(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	CHECK(t, t->altscreen);
	term_type(t, "q");
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	term_type(t, "q");
	CHECK(t, exited_with(t, 0));
	CHECK(t, restored(t));
	CHECK(t, term_wait_gone(t, "Containers for Screen Tests"));
}

static void test_capital_q_quits_from_any_screen(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	term_type(t, "s");
	CHECK(t, term_wait(t, "Sections"));
	term_type(t, "Q");
	CHECK(t, exited_with(t, 0));
	CHECK(t, restored(t));
}

static void test_quit_from_the_menu(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, term_wait(t, "Containers for Screen Tests"));
	term_type(t, "G");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, exited_with(t, 0));
	CHECK(t, restored(t));
}

static void stop_signal(struct term *t, int sig)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	term_signal(t, sig);
	CHECK(t, exited_with(t, 128 + sig));
	CHECK(t, restored(t));
}

static void test_sigterm_restores_terminal(struct term *t) { stop_signal(t, SIGTERM); }
static void test_sighup_restores_terminal(struct term *t) { stop_signal(t, SIGHUP); }
static void test_sigint_restores_terminal(struct term *t) { stop_signal(t, SIGINT); }
static void test_sigquit_restores_terminal(struct term *t) { stop_signal(t, SIGQUIT); }

static void crash_signal(struct term *t, int sig)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	term_signal(t, sig);
	CHECK(t, term_wait_exit(t));
	CHECK(t, WIFSIGNALED(t->status) && WTERMSIG(t->status) == sig);
	CHECK(t, restored(t));
}

static void test_sigsegv_restores_terminal(struct term *t) { crash_signal(t, SIGSEGV); }
static void test_sigabrt_restores_terminal(struct term *t) { crash_signal(t, SIGABRT); }

static void test_dumb_terminal_points_to_plain(struct term *t)
{
	struct term_opts o = {.rows = 24, .cols = 80, .term = "dumb", .content = FIXTURE};

	CHECK(t, start_with(t, o));
	CHECK(t, exited_with(t, 2));
	CHECK(t, term_wait(t, "--plain"));
	CHECK(t, !t->altscreen);
}

static void test_broken_course_is_reported(struct term *t)
{
	char dir[300], path[400];
	FILE *f;

	snprintf(dir, sizeof dir, "%s/broken", data_home);
	snprintf(path, sizeof path, "%s/course.yaml", dir);
	CHECK(t, mkdir(dir, 0755) == 0 || access(dir, F_OK) == 0);
	f = fopen(path, "w");
	CHECK(t, f != NULL);
	fputs("id: broken\ntitle: [unclosed\n", f);
	CHECK(t, fclose(f) == 0);
	struct term_opts o = {.rows = 24, .cols = 80, .content = dir};
	CHECK(t, start_with(t, o));
	CHECK(t, exited_with(t, 1));
	CHECK(t, term_wait(t, "course.yaml:"));
	CHECK(t, term_wait(t, "error:"));
	CHECK(t, !t->altscreen);
}

/* ---- the table ------------------------------------------------------- */

const struct uitest reader_tests[] = {
#define T(name) {#name, test_##name, false}
	T(home_lists_the_shipped_lessons),
	T(home_keys_move_and_open),
	T(reader_shows_first_section),
	T(reader_scrolls),
	T(reader_section_list_jumps),
	T(reader_search),
	T(search_highlights_matches),
	T(reader_lessons_and_position),
	T(help_lists_every_binding),
	T(help_wraps_at_60_columns),
	T(resize_redraws_each_screen),
	T(too_small_then_grown),
	T(starts_too_small),
	T(ascii_without_utf8),
	T(no_color),
	T(quit_restores_terminal),
	T(quit_from_the_menu),
	T(capital_q_quits_from_any_screen),
	T(sigterm_restores_terminal),
	T(sighup_restores_terminal),
	T(sigint_restores_terminal),
	T(sigquit_restores_terminal),
	T(sigsegv_restores_terminal),
	T(sigabrt_restores_terminal),
	T(dumb_terminal_points_to_plain),
	T(broken_course_is_reported),
#undef T
};

const size_t n_reader_tests = sizeof reader_tests / sizeof reader_tests[0];
