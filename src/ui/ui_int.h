/* Private to src/ui/: the screen interface, key bindings, colour roles,
 * reading progress, the page of styled lines most screens draw, and the
 * drawing helpers every screen shares.
 *
 * Ownership: struct ui (one per ui_run, on its stack) owns its arena, which
 * holds the sanitised names, and the reading-progress cache; the app is
 * borrowed from the caller.  A screen's state is made by its open hook,
 * owned by its place on the stack and freed by its close hook; arguments
 * passed to open are borrowed for that call only unless the screen says
 * otherwise (the pick list and the confirmation borrow their texts while
 * they are open; the results screen takes the exam it is given). */
#ifndef DT_UI_INT_H
#define DT_UI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "dockertutor/app.h"
#include "dockertutor/course.h"
#include "dockertutor/exercise.h"
#include "dockertutor/quiz.h"
#include "dockertutor/text.h"
#include "dockertutor/ui.h"
#include "dockertutor/util.h"

/* ---- colour roles ----------------------------------------------------
 * One row per role: foreground, background (-1: the terminal's default),
 * the attribute added in colour, and the attribute used instead when there
 * is no colour (NO_COLOR, a monochrome terminal). */
#define UI_ROLES(X)                                                            \
	X(UI_NORMAL,   -1,            -1,           A_NORMAL, A_NORMAL)        \
	X(UI_BAR,      COLOR_BLACK,   COLOR_CYAN,   A_NORMAL, A_REVERSE)       \
	X(UI_BAR_KEY,  COLOR_BLACK,   COLOR_CYAN,   A_BOLD,   A_REVERSE | A_BOLD) \
	X(UI_SELECTED, COLOR_BLACK,   COLOR_YELLOW, A_NORMAL, A_REVERSE)       \
	X(UI_TITLE,    COLOR_CYAN,    -1,           A_BOLD,   A_BOLD)          \
	X(UI_SECTION,  COLOR_YELLOW,  -1,           A_BOLD,   A_BOLD | A_UNDERLINE) \
	X(UI_HEADING,  COLOR_YELLOW,  -1,           A_BOLD,   A_BOLD)          \
	X(UI_BOLD,     -1,            -1,           A_BOLD,   A_BOLD)          \
	X(UI_EMPHASIS, -1,            -1,           A_UNDERLINE, A_UNDERLINE)  \
	X(UI_CODE,     COLOR_GREEN,   -1,           A_NORMAL, A_NORMAL)        \
	X(UI_KEYWORD,  COLOR_MAGENTA, -1,           A_BOLD,   A_BOLD)          \
	X(UI_STRING,   COLOR_YELLOW,  -1,           A_NORMAL, A_NORMAL)        \
	X(UI_COMMENT,  COLOR_BLUE,    -1,           A_BOLD,   A_DIM)           \
	X(UI_FLAG,     COLOR_CYAN,    -1,           A_NORMAL, A_NORMAL)        \
	X(UI_VARIABLE, COLOR_RED,     -1,           A_NORMAL, A_UNDERLINE)     \
	X(UI_BORDER,   COLOR_BLUE,    -1,           A_BOLD,   A_NORMAL)        \
	X(UI_CALLOUT,  COLOR_CYAN,    -1,           A_NORMAL, A_NORMAL)        \
	X(UI_BULLET,   COLOR_CYAN,    -1,           A_BOLD,   A_BOLD)          \
	X(UI_MATCH,    COLOR_BLACK,   COLOR_YELLOW, A_NORMAL, A_REVERSE | A_BOLD) \
	X(UI_DONE,     COLOR_GREEN,   -1,           A_BOLD,   A_BOLD)          \
	X(UI_PARTIAL,  COLOR_YELLOW,  -1,           A_NORMAL, A_NORMAL)        \
	X(UI_DIM,      -1,            -1,           A_DIM,    A_DIM)           \
	X(UI_ERROR,    COLOR_WHITE,   COLOR_RED,    A_BOLD,   A_REVERSE | A_BOLD) \
	X(UI_RIGHT,    COLOR_GREEN,   -1,           A_BOLD,   A_BOLD)          \
	X(UI_WRONG,    COLOR_RED,     -1,           A_BOLD,   A_BOLD)          \
	X(UI_MISSED,   COLOR_YELLOW,  -1,           A_BOLD,   A_UNDERLINE)     \
	X(UI_WARN,     COLOR_WHITE,   COLOR_RED,    A_BOLD,   A_BOLD | A_UNDERLINE) \
	X(UI_CHART,    COLOR_CYAN,    -1,           A_NORMAL, A_NORMAL)        \
	X(UI_LINE,     COLOR_YELLOW,  -1,           A_BOLD,   A_BOLD)

enum ui_role {
#define UI_ROLE_ENUM(role, fg, bg, attr, mono) role,
	UI_ROLES(UI_ROLE_ENUM)
#undef UI_ROLE_ENUM
	UI_ROLE_COUNT
};

/* ---- screens ---------------------------------------------------------- */

/* What a key, mouse or tick handler asks of the event loop.  POP is
 * applied before PUSH and REPLACE, so a list can close itself and open
 * what was chosen in one reaction. */
enum ui_reaction {
	UI_NONE    = 0,
	UI_REDRAW  = 1 << 0,   /* draw the screens again */
	UI_PUSH    = 1 << 1,   /* open ui->next on top */
	UI_POP     = 1 << 2,   /* close the top screen */
	UI_QUIT    = 1 << 3,   /* close every screen and leave */
	UI_PASS    = 1 << 4,   /* not handled here: try the next table */
	UI_REPLACE = 1 << 5,   /* open ui->next, then close the screen under
	                          it (which may hand its state over) */
};

/* One input event.  key is a KEY_* code, a character below KEY_MIN, or 0
 * for other characters; ch is the typed character (0 for function keys);
 * mouse is valid when key is KEY_MOUSE. */
struct ui_event {
	int key;
	wint_t ch;
	MEVENT mouse;
};

struct ui;

#define UI_MAX_KEYS 4

/* A key binding: the keys, what they do and the text of `?` help and of
 * the key footer (NULL: not in the footer).  fn gets the screen state and
 * arg, so one function serves "down 1" and "up 1".  A row with fn NULL
 * only documents keys a screen reads itself (letters for choices); its
 * keys_text names them. */
struct ui_binding {
	int keys[UI_MAX_KEYS];
	unsigned (*fn)(struct ui *ui, void *state, int arg);
	int arg;
	const char *footer;
	const char *help;
	const char *keys_text;
};

#define UI_BIND(fn, arg, footer, help, ...) \
	{ {__VA_ARGS__}, fn, arg, footer, help, NULL }
#define UI_BIND_DOC(keys_text, footer, help) \
	{ {0}, NULL, 0, footer, help, keys_text }

/* Keys that work in one mode of a screen (answering, after an answer):
 * the screen's key hook dispatches the table of its current mode, `?`
 * help lists every mode under the screen's name, and the footer shows the
 * current mode's keys before the screen's own.  A keymap without a name
 * is only another footer for a mode whose help rows cover it: help leaves
 * it out. */
struct ui_keymap {
	const char *name;
	const struct ui_binding *bindings;
	size_t n;
};

#define UI_KEYMAP(name, table) { name, (table), sizeof (table) / sizeof (table)[0] }

/* A screen.  open builds the state from arg (NULL on failure, with
 * ui->message set); key sees every event first and returns UI_PASS for the
 * ones the binding table should handle; resize re-lays the state out for
 * the new size; tick runs every turn of the loop for every screen on the
 * stack (a reaction from a screen under others closes those first);
 * close saves what must outlive the screen and frees the state.  Any hook
 * but open and draw may be NULL. */
struct ui_screen_ops {
	const char *name;                   /* the heading in `?` help */
	const struct ui_binding *bindings;
	size_t n_bindings;
	const struct ui_keymap *modes;      /* NULL when the keys never change */
	size_t n_modes;
	bool overlay;                       /* drawn over the screen below */
	void *(*open)(struct ui *ui, const void *arg);
	void (*draw)(struct ui *ui, void *state);
	unsigned (*key)(struct ui *ui, void *state, const struct ui_event *ev);
	unsigned (*resize)(struct ui *ui, void *state);
	unsigned (*tick)(struct ui *ui, void *state, uint64_t now_ms);
	void (*close)(struct ui *ui, void *state);
};

#define UI_BINDINGS(table) (table), (sizeof (table) / sizeof (table)[0])

struct ui_screen {
	const struct ui_screen_ops *ops;
	void *state;
};

/* Sanitised names of one lesson, made once at start. */
struct ui_lesson {
	const struct course_lesson *lesson;
	const char *title;
	const char **section_titles;
};

/* What the learner has read of one lesson (progress.c). */
struct ui_reading {
	bool *read;                         /* per section */
	size_t n_read;
	bool has_position;
	size_t section;                     /* where reading stopped */
	unsigned depth;                     /* 0 .. UI_DEPTH_SCALE */
};

#define UI_MAX_SCREENS 16

struct ui {
	struct app *app;                    /* borrowed */
	const struct course *course;        /* the app's */
	const char *course_title;           /* sanitised */
	struct ui_lesson *lessons;          /* course order, in arena */
	struct ui_reading *reading;         /* course order, owned */
	size_t last_lesson;                 /* positioned last, or (size_t)-1 */
	struct dt_arena arena;
	bool utf8;                          /* UTF-8 locale: wide characters */
	bool color;
	bool button_down;                   /* a press not yet released */
	int button_y, button_x;
	int rows, cols;
	struct ui_screen stack[UI_MAX_SCREENS];
	size_t depth;
	unsigned epoch;                     /* counts closed screens: a screen
	                                       uncovered again refreshes what
	                                       others may have changed */
	const struct ui_screen_ops *next;   /* for UI_PUSH, UI_REPLACE */
	const void *next_arg;
	/* Runs once the top screen has closed (a confirmation's yes); its
	 * reaction applies to the screen uncovered. */
	unsigned (*after_pop)(struct ui *ui, void *ctx);
	void *after_pop_ctx;
	char message[256];                  /* one-line status, "" when none */
	bool message_is_error;
};

/* The screens. */
extern const struct ui_screen_ops ui_home_ops;
extern const struct ui_screen_ops ui_reader_ops;
extern const struct ui_screen_ops ui_practice_ops;
extern const struct ui_screen_ops ui_exams_ops;
extern const struct ui_screen_ops ui_exam_ops;
extern const struct ui_screen_ops ui_results_ops;
extern const struct ui_screen_ops ui_exercises_ops;
extern const struct ui_screen_ops ui_exercise_ops;
extern const struct ui_screen_ops ui_progress_ops;
extern const struct ui_screen_ops ui_help_ops;
extern const struct ui_screen_ops ui_pick_ops;
extern const struct ui_screen_ops ui_confirm_ops;

/* Every screen, in the order `?` help lists them. */
extern const struct ui_screen_ops *const ui_all_screens[];
extern const size_t ui_n_all_screens;
/* Bindings that work on every screen. */
extern const struct ui_binding ui_global_bindings[];
extern const size_t ui_n_global_bindings;

/* Asks the loop to open ops with arg; returns UI_PUSH | UI_REDRAW. */
unsigned ui_push(struct ui *ui, const struct ui_screen_ops *ops,
                 const void *arg);
/* Asks the loop to open ops with arg in place of the top screen; returns
 * UI_REPLACE | UI_REDRAW. */
unsigned ui_replace(struct ui *ui, const struct ui_screen_ops *ops,
                    const void *arg);
/* Sets the one-line status message shown in the footer until the next key. */
void ui_say(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Shows err (its path when it has one) as the footer's error message. */
void ui_say_error(struct ui *ui, const char *what, const struct dt_error *err);

/* Leaves curses for a program that takes the terminal (the learner's
 * editor) and comes back: the screen is repainted whole afterwards. */
void ui_suspend(struct ui *ui);
void ui_resume(struct ui *ui);

/* Arguments of the screens that take some.  Each is read by open and may
 * then go. */
struct ui_reader_args {
	size_t lesson;                      /* course order */
	const char *section;                /* an id to open at; NULL: the
	                                       saved position */
};

struct ui_practice_args {
	enum quiz_source source;
	const char *lesson;                 /* an id, or NULL */
	const char *tag;                    /* or NULL */
	int64_t attempt;                    /* QUIZ_FROM_MISTAKES: a finished
	                                       exam attempt's mistakes, or 0 */
	const char *exam_title;             /* that exam's (sanitised), for
	                                       the header; NULL: none */
};

struct ui_exam_args {
	const char *blueprint;              /* a blueprint id of the course */
};

/* The results screen takes the exam: it sets *exam to NULL and frees the
 * exam when it closes. */
struct ui_results_args {
	struct app_exam **exam;
};

struct ui_exercise_args {
	const struct course_exercise *ex;
};

/* A list to pick from (ui_pick_ops): picked(ctx, i) runs on Enter or a
 * click and returns the reaction (usually UI_POP).  The args are copied;
 * title, items and marks are borrowed and must live while the list is
 * open (the screen below owns them). */
struct ui_pick_args {
	const char *title;
	const char *const *items;
	const char *const *marks;           /* a short mark per item, or NULL */
	size_t n;
	size_t current;
	unsigned (*picked)(struct ui *ui, void *ctx, size_t i);
	void *ctx;
};

/* A yes/no question drawn over the screen below (ui_confirm_ops): y runs
 * yes(ui, ctx) once the question has closed (its reaction applies to the
 * screen below); n, Esc or q only close it.  title and text are borrowed
 * while it is open. */
struct ui_confirm_args {
	const char *title;
	const char *text;                   /* one or more sentences */
	unsigned (*yes)(struct ui *ui, void *ctx);
	void *ctx;
};

/* The practice menu (practice_menu.c): the sources to practise from, and
 * for a lesson or a tag the list to choose it from.  A screen that offers
 * it embeds one (it must live while the lists are open) and calls
 * ui_practice_menu, with the lesson to offer first or (size_t)-1. */
struct ui_practice_menu {
	const char *items[QUIZ_SOURCE_COUNT + 1];
	enum quiz_source sources[QUIZ_SOURCE_COUNT + 1];
	const char **names;                 /* the list's texts: the array is
	                                       owned, the texts are the UI's
	                                       or the course's */
	const char **ids;                   /* the same: lesson ids or tags */
	size_t n_names;
	size_t lesson;
	char this_lesson[256];
	struct ui_pick_args pick;
	struct ui_practice_args args;
};

unsigned ui_practice_menu(struct ui *ui, struct ui_practice_menu *m,
                          size_t lesson);
void ui_practice_menu_fini(struct ui_practice_menu *m);

/* ---- reading progress (progress.c) ------------------------------------ */

/* depth: ten-thousandths of a section's height, as the store keeps it */
#define UI_DEPTH_SCALE ((unsigned)STORE_DEPTH_SCALE)

enum ui_lesson_status { UI_NOT_STARTED, UI_IN_PROGRESS, UI_READ };

/* Reads every lesson's sections read and position from the database. */
enum dt_status ui_progress_load(struct ui *ui, struct dt_error *err);
void ui_progress_free(struct ui *ui);

enum ui_lesson_status ui_lesson_status(const struct ui *ui, size_t lesson);
/* Stores the position; says why in the footer when that fails. */
void ui_progress_set_position(struct ui *ui, size_t lesson, size_t section,
                              unsigned depth);
/* Marks a section read; false (with the reason in the footer) on error. */
bool ui_progress_mark_read(struct ui *ui, size_t lesson, size_t section);
/* The lesson "continue" opens: the one read last (in this run or an
 * earlier one); *resumed tells whether anything was read. */
size_t ui_progress_continue(const struct ui *ui, bool *resumed);

/* ---- the terminal (term.c) ------------------------------------------- */

/* Installs the signal handlers (before initscr) and saves the termios. */
void ui_term_install(void);
/* Puts back the handlers that were there before ui_term_install. */
void ui_term_uninstall(void);
/* Computes what a crash handler writes to restore the terminal; after
 * initscr, when terminfo is loaded. */
void ui_term_prepare_crash_reset(bool mouse);
/* The stop signal received (INT, TERM, HUP, QUIT), 0 when none. */
int ui_term_take_signal(void);
/* True (with the new size) once after each SIGWINCH. */
bool ui_term_take_resize(int *rows, int *cols);
/* Ignores INT and QUIT while another program owns the terminal (as
 * system() does), and takes them back. */
void ui_term_hold_signals(bool hold);

/* ---- keys ------------------------------------------------------------- */

/* Waits at most the loop's timeout for one event; false when none came.
 * Clicks come as BUTTON1_CLICKED, once each. */
bool ui_read_event(struct ui *ui, struct ui_event *ev);
/* Runs the binding of ev->key in table; UI_PASS when none matches. */
unsigned ui_dispatch(struct ui *ui, const struct ui_binding *table, size_t n,
                     void *state, const struct ui_event *ev);
/* True when key runs a binding of table. */
bool ui_binds(const struct ui_binding *table, size_t n, int key);
/* The keys of a binding as text ("j, Down"), into buf. */
const char *ui_binding_keys(const struct ui_binding *b, char *buf,
                            size_t size);
/* Draws the key footer of a screen's table on the last row. */
void ui_draw_footer(struct ui *ui, const struct ui_binding *table, size_t n,
                    const char *left);
/* The same with a mode's keys first (mode may be NULL). */
void ui_draw_footer_mode(struct ui *ui, const struct ui_keymap *mode,
                         const struct ui_binding *table, size_t n,
                         const char *left);
/* True for a click of the first button (ui_read_event's). */
bool ui_is_click(const struct ui_event *ev);
/* -1 or 1 for a wheel turn up or down, else 0. */
int ui_wheel(const struct ui_event *ev);

/* ---- the reader's document (reader_doc.c) ----------------------------- */

enum ui_rl_kind {
	UI_RL_BLANK,
	UI_RL_TITLE,       /* a section's title */
	UI_RL_RULE,        /* the rule under it */
	UI_RL_TEXT,        /* a line of a section body */
	UI_RL_BOX_TOP,     /* the takeaways frame */
	UI_RL_BOX_TEXT,
	UI_RL_BOX_BOTTOM,
};

struct ui_rline {
	enum ui_rl_kind kind;
	size_t part;                  /* section index; n_sections: takeaways */
	const struct text_line *tl;   /* TEXT, BOX_TEXT: owned by docs */
};

/* A lesson laid out for one width.  Owns lines, part_start and docs. */
struct ui_lesson_doc {
	struct ui_rline *lines;
	size_t n;
	size_t n_parts;               /* sections, then the takeaways */
	size_t *part_start;           /* n_parts + 1 entries; the last is n */
	struct text_doc **docs;       /* one per part */
	int width;
};

enum dt_status ui_lesson_doc_build(const struct course_lesson *l, int width,
                                   bool ascii, struct ui_lesson_doc *out);
void ui_lesson_doc_fini(struct ui_lesson_doc *d);
/* The part (section or takeaways) that line belongs to. */
size_t ui_lesson_doc_part_of(const struct ui_lesson_doc *d, size_t line);
/* The plain text of a line into out (title: the text shown for titles). */
bool ui_lesson_doc_line_text(const struct ui_lesson_doc *d, size_t line,
                             const char *title, struct dt_buf *out);

/* ---- the line editor (lineedit.c) ------------------------------------- */

#define UI_EDIT_MAX 256          /* bytes of text the editor takes */

struct ui_lineedit {
	char buf[UI_EDIT_MAX + 1];
	size_t len;
	size_t pos;                  /* the cursor, a byte offset */
	bool backspace_cancels;      /* Backspace on nothing cancels (search) */
	bool digits_only;            /* a question number */
};

enum ui_edit_result { UI_EDIT_CONTINUE, UI_EDIT_DONE, UI_EDIT_CANCEL };

/* The editing keys, for `?` help. */
extern const struct ui_binding ui_lineedit_bindings[];
extern const size_t ui_n_lineedit_bindings;

void ui_lineedit_start(struct ui_lineedit *ed, bool backspace_cancels);
/* Replaces the text (cut at UI_EDIT_MAX on a character boundary) and puts
 * the cursor at its end. */
void ui_lineedit_set(struct ui_lineedit *ed, const char *text);
enum ui_edit_result ui_lineedit_key(struct ui *ui, struct ui_lineedit *ed,
                                    const struct ui_event *ev);
/* Draws prompt and text on row y and leaves the cursor on the cursor. */
void ui_lineedit_draw(struct ui *ui, const struct ui_lineedit *ed, int y,
                      const char *prompt);
/* Draws the text in columns [x, x + w) of row y, scrolled so the cursor
 * shows, and puts the terminal's cursor there. */
void ui_lineedit_draw_at(struct ui *ui, const struct ui_lineedit *ed, int y,
                         int x, int w, attr_t attr);

/* ---- pages (page.c) --------------------------------------------------- *
 * A page is what most screens show: lines of styled segments laid out for
 * one width, scrolled in a window.  Builders add lines; text is sanitised
 * as it comes in (markdown-lite through text_render, which sanitises), so
 * nothing from content reaches the terminal raw.  A line may carry a tag
 * (a choice, a row of a chart) for highlighting and mouse hits.  The page
 * owns everything in it; after an allocation failure it is marked failed
 * and further adds are no-ops, so builders check once at the end. */

#define UI_NO_TAG (-1)

struct ui_seg {
	const char *text;
	size_t len;
	enum ui_role role;
	attr_t attr;                 /* added to the role's */
};

struct ui_pline {
	int indent;
	int tag;
	struct ui_seg *segs;
	size_t n, cap;
};

struct ui_page {
	struct dt_arena arena;       /* texts and segment arrays */
	struct ui_pline *lines;
	size_t n, cap;
	int width;                   /* laid out for; 0: to be built again */
	bool failed;
};

void ui_page_init(struct ui_page *p);
void ui_page_fini(struct ui_page *p);
/* Empties the page for a new layout at width. */
void ui_page_reset(struct ui_page *p, int width);
/* Starts a line. */
void ui_page_line(struct ui_page *p, int indent, int tag);
void ui_page_blank(struct ui_page *p);
/* Appends s[0..n) (sanitised here) to the current line. */
void ui_page_add(struct ui_page *p, const char *s, size_t n,
                 enum ui_role role, attr_t attr);
void ui_page_puts(struct ui_page *p, const char *s, enum ui_role role);
void ui_page_printf(struct ui_page *p, enum ui_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Markdown-lite wrapped to the page width less indent and the prefix's
 * width; the first line starts with prefix, the others are indented under
 * it.  Every line gets tag. */
void ui_page_markdown(struct ui *ui, struct ui_page *p, int indent,
                      const char *prefix, enum ui_role prefix_role,
                      const char *md, int tag);
/* Lines of plain text (a file), each sanitised and wrapped at the width. */
void ui_page_verbatim(struct ui_page *p, int indent, const char *text,
                      size_t len, enum ui_role role);
/* Draws lines [top, top + h) in rows [y, y + h) from column x; lines whose
 * tag is highlight are drawn selected across the width. */
void ui_page_draw(struct ui *ui, const struct ui_page *p, int y, int h,
                  size_t top, int x, int highlight);
/* The first and last line with tag; false when none has it. */
bool ui_page_find(const struct ui_page *p, int tag, size_t *first,
                  size_t *last);
/* The largest top that still fills a window of h rows. */
size_t ui_page_max_top(const struct ui_page *p, int h);
/* Moves *top by delta lines within the page; UI_REDRAW. */
unsigned ui_page_scroll(const struct ui_page *p, size_t *top, long delta,
                        int h);
/* Scrolls *top so lines [first, last] show in a window of h rows. */
void ui_page_show(size_t *top, size_t first, size_t last, int h);

/* ---- charts (chart.c) ------------------------------------------------- */

/* Appends to the page's current line a horizontal bar of width cells
 * showing value out of max: eighth blocks in UTF-8, '#' in ASCII. */
void ui_chart_bar(struct ui *ui, struct ui_page *p, int width, double value,
                  double max, enum ui_role role);
/* Appends a column chart of the values (0..100) height rows high after a
 * five-column scale, one column each (2 cells wide, 3 with the gap), with
 * a dashed line at mark (0..100; negative for none) and the columns at or
 * above it in pass_role. */
void ui_chart_columns(struct ui *ui, struct ui_page *p, int indent,
                      const double *values, size_t n, int height,
                      double mark, enum ui_role role,
                      enum ui_role pass_role);

/* ---- questions (question.c) ------------------------------------------- *
 * A question as practice and exams show it: the stem and the choices
 * laid out in a page, the answer being chosen (a cursor, picks, a typed
 * text) and, once answered, the marks.  True/false questions show two
 * choices, True (A) and False (B). */

enum { UI_TAG_EDIT = 1000 };     /* the line the fill editor goes on */

struct ui_question {
	const struct app_item *item; /* borrowed */
	size_t n_rows;               /* choices shown: the item's, or 2 */
	size_t cursor;               /* display position */
	uint32_t picked;             /* display positions chosen */
	struct ui_lineedit edit;     /* fill */
};

enum ui_answer_key {
	UI_ANSWER_NONE,              /* not an answering key */
	UI_ANSWER_MOVED,             /* the cursor moved or the text changed */
	UI_ANSWER_PICKED,            /* a choice was picked or toggled */
	UI_ANSWER_SUBMIT,            /* Enter: the answer is complete */
};

void ui_question_start(struct ui_question *qv, const struct app_item *item);
/* Shows response r (content order, as stored) as the current picks. */
void ui_question_set(struct ui_question *qv, const struct quiz_response *r);
/* The response the picks make, in content order; false when nothing is
 * chosen (err->msg says what to do). fill text points into qv. */
bool ui_question_response(const struct ui_question *qv,
                          struct quiz_response *r, struct dt_error *err);
/* Lays the question out: stem, then the choices (with their picks when
 * marks is false) or the fill line, each choice's lines tagged with its
 * position.  With marks, r and res give the outcome: right, wrong and
 * missed choices marked, each choice's why under it. */
void ui_question_layout(struct ui *ui, const struct ui_question *qv,
                        struct ui_page *p, const struct quiz_response *r,
                        const struct quiz_result *res);
/* Keys that answer: Up/Down and j/k move, letters choose (lower case ones
 * only when reserved does not bind them), Space picks or toggles, Enter
 * submits (picking the cursor's choice on a one-answer question); for
 * fill, the editing keys. */
enum ui_answer_key ui_question_key(struct ui *ui, struct ui_question *qv,
                                   const struct ui_event *ev,
                                   const struct ui_binding *reserved,
                                   size_t n_reserved);
/* The feedback lines after an answer: right or wrong, the right answer,
 * and the explanation. */
void ui_question_verdict(struct ui *ui, struct ui_page *p,
                         const struct app_item *item,
                         const struct quiz_response *r,
                         const struct quiz_result *res,
                         const char *explanation);
/* A choice's position picked by a click on page row line, or -1. */
int ui_question_hit(const struct ui_page *p, size_t line);

/* ---- exercises (workspace.c) ----------------------------------------- */

/* What the store knows of one exercise, with the hints seen (recorded as
 * they are shown, by this screen or `dockertutor exercise hint`). */
struct ui_exercise_state {
	size_t attempts;
	size_t failed;               /* failed checks before the first pass */
	bool passed;
	int hints;
};

/* The learner's workspace folder of ex into out. */
enum dt_status ui_workspace_path(struct ui *ui, const struct course_exercise *ex,
                                 char *out, size_t size, struct dt_error *err);
/* Every exercise's record for the learner, in arena. */
enum dt_status ui_exercise_records(struct ui *ui, struct dt_arena *arena,
                                   struct store_exercise_progress **all,
                                   size_t *n, struct dt_error *err);
/* The state of exercise id from the records (zero when none). */
void ui_exercise_state_of(const struct store_exercise_progress *all, size_t n,
                          const char *id, struct ui_exercise_state *out);
/* Passed, in progress (a workspace or an attempt) or not started; ws may
 * be NULL. */
enum exercise_status ui_exercise_status(const struct ui_exercise_state *st,
                                        const char *ws);

/* ---- the exam's navigator (nav.c) ------------------------------------ */

#define UI_NAV_MAX_ROWS 3

/* Where the grid was laid out: cells of cell_w columns, per_row to a row,
 * rows of them shown from first_row. */
struct ui_nav {
	size_t n;
	int cell_w, per_row, rows, x;
	size_t first_row;
};

/* Lays the grid of n questions out for the width, scrolled to focus. */
void ui_nav_layout(struct ui *ui, struct ui_nav *nav, size_t n,
                     size_t focus);
/* Draws it from row y: current highlighted, cursor (QUIZ_NONE: none)
 * framed. */
void ui_nav_draw(struct ui *ui, const struct ui_nav *nav,
                   const struct app_exam *e, size_t current, size_t cursor,
                   int y);
/* The question a click at (y, x) lands on, the grid drawn from y0; or
 * QUIZ_NONE. */
size_t ui_nav_hit(const struct ui_nav *nav, int y0, int y, int x);
/* The review page: counts, unanswered and flagged questions, the legend. */
void ui_nav_review(struct ui *ui, struct ui_page *p, const struct app_exam *e);

/* ---- drawing ---------------------------------------------------------- */

void ui_colors_init(struct ui *ui);
/* The attribute (colour pair included) of a role. */
attr_t ui_attr(const struct ui *ui, enum ui_role role);
/* The role of a span style from the text renderer. */
enum ui_role ui_style_role(unsigned style);

/* Draws s[0..n) at (y, x) in at most max columns; wide characters are
 * measured with dt_utf8_width and never cut in half; outside a UTF-8
 * locale other characters show as ASCII stand-ins of the same width.
 * Returns the columns used.  s must already be sanitised. */
int ui_put(struct ui *ui, int y, int x, int max, const char *s, size_t n,
           attr_t attr);
int ui_puts(struct ui *ui, int y, int x, int max, const char *s, attr_t attr);
/* The bytes of s (NUL-terminated, sanitised) that fill one row of at most
 * width columns: up to the last space that fits, or cut inside a word
 * longer than the row (never inside a character, never nothing while s
 * has text).  Leading spaces of the next row are for the caller to skip. */
size_t ui_wrap(const char *s, int width);
/* Fills columns [x, x + n) of row y with spaces in attr. */
void ui_fill(int y, int x, int n, attr_t attr);
/* A frame of box characters (ASCII outside UTF-8). */
void ui_box(struct ui *ui, int y, int x, int h, int w, attr_t attr);
/* A horizontal rule of n columns. */
void ui_hline(struct ui *ui, int y, int x, int n, attr_t attr);
/* The one-row bar at the top of a screen: left text, right text. */
void ui_draw_header(struct ui *ui, const char *left, const char *right);
/* A framed box in the middle of the screen, cleared, with a title; its
 * inside is rows [*y, *y + h - 2) and columns [*x, *x + w - 4). */
void ui_draw_dialog(struct ui *ui, int h, int w, const char *title, int *y,
                    int *x);

/* Frames and marks: the UTF-8 glyph and its one-column ASCII stand-in. */
#define UI_GLYPHS(X)                                          \
	X(UI_G_TL,       "\u250C", "+")                       \
	X(UI_G_TR,       "\u2510", "+")                       \
	X(UI_G_BL,       "\u2514", "+")                       \
	X(UI_G_BR,       "\u2518", "+")                       \
	X(UI_G_H,        "\u2500", "-")                       \
	X(UI_G_V,        "\u2502", "|")                       \
	X(UI_G_RULE,     "\u2501", "=")                       \
	X(UI_G_READ,     "\u2713", "*")                       \
	X(UI_G_PARTIAL,  "\u25D0", "~")                       \
	X(UI_G_UNREAD,   "\u00B7", ".")                       \
	X(UI_G_POINTER,  "\u25B8", ">")                       \
	X(UI_G_ELLIPSIS, "\u2026", "~")                       \
	X(UI_G_DOT,      "\u00B7", "-")                       \
	X(UI_G_RIGHT,    "\u2713", "+")                       \
	X(UI_G_WRONG,    "\u2717", "x")                       \
	X(UI_G_MISSED,   "\u25CB", "o")                       \
	X(UI_G_ANSWERED, "\u25CF", "#")                       \
	X(UI_G_FLAGGED,  "\u2691", "!")                       \
	X(UI_G_BLANK,    "\u00B7", ".")                       \
	X(UI_G_BLOCK,    "\u2588", "#")                       \
	X(UI_G_TRACK,    "\u2591", ".")                       \
	X(UI_G_DASH,     "\u2504", "-")

enum ui_glyph {
#define UI_GLYPH_ENUM(g, utf8, ascii) g,
	UI_GLYPHS(UI_GLYPH_ENUM)
#undef UI_GLYPH_ENUM
	UI_GLYPH_COUNT
};

/* The glyph in this locale (one column either way). */
const char *ui_glyph(const struct ui *ui, enum ui_glyph g);

/* Sanitises s into the UI's arena; "?" when memory ran out.  For names
 * made once; ui_clean_into serves texts made again and again. */
const char *ui_clean(struct ui *ui, const char *s);
/* Sanitises s into out (size bytes, cut when longer). */
void ui_clean_into(char *out, size_t size, const char *s);
/* The sanitised title of a lesson by id; "(no lesson)" for NULL or "",
 * the id when the course has no such lesson. */
const char *ui_lesson_title(struct ui *ui, const char *id);
/* "1h 02m", "3m 05s", "12s"; "12:34" or "1:02:03" for a countdown. */
void ui_format_duration(char *out, size_t size, int64_t seconds);
void ui_format_clock(char *out, size_t size, int64_t seconds);

#endif
