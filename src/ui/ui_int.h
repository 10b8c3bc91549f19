/* Private to src/ui/: the screen interface, key bindings, colour roles and
 * the drawing helpers every screen shares.
 *
 * Ownership: struct ui (one per ui_run, on its stack) owns its arena, which
 * holds the sanitised names; the course and the progress context are
 * borrowed from the caller.  A screen's state is made by its open hook,
 * owned by its place on the stack and freed by its close hook; arguments
 * passed to open are borrowed for that call only unless the screen says
 * otherwise (the pick list borrows its items while it is open). */
#ifndef DT_UI_INT_H
#define DT_UI_INT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "dockertutor/course.h"
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
	X(UI_ERROR,    COLOR_WHITE,   COLOR_RED,    A_BOLD,   A_REVERSE | A_BOLD)

enum ui_role {
#define UI_ROLE_ENUM(role, fg, bg, attr, mono) role,
	UI_ROLES(UI_ROLE_ENUM)
#undef UI_ROLE_ENUM
	UI_ROLE_COUNT
};

/* ---- screens ---------------------------------------------------------- */

/* What a key, mouse or tick handler asks of the event loop. */
enum ui_reaction {
	UI_NONE   = 0,
	UI_REDRAW = 1 << 0,   /* draw the screens again */
	UI_PUSH   = 1 << 1,   /* open ui->next on top */
	UI_POP    = 1 << 2,   /* close the top screen */
	UI_QUIT   = 1 << 3,   /* close every screen and leave */
	UI_PASS   = 1 << 4,   /* not handled here: try the next table */
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
 * arg, so one function serves "down 1" and "up 1". */
struct ui_binding {
	int keys[UI_MAX_KEYS];
	unsigned (*fn)(struct ui *ui, void *state, int arg);
	int arg;
	const char *footer;
	const char *help;
};

#define UI_BIND(fn, arg, footer, help, ...) \
	{ {__VA_ARGS__}, fn, arg, footer, help }

/* A screen.  open builds the state from arg (NULL on failure, with
 * ui->message set); key sees every event first and returns UI_PASS for the
 * ones the binding table should handle; resize re-lays the state out for
 * the new size; tick runs every turn of the loop; close saves what must
 * outlive the screen and frees the state.  Any hook but open and draw may
 * be NULL. */
struct ui_screen_ops {
	const char *name;                   /* the heading in `?` help */
	const struct ui_binding *bindings;
	size_t n_bindings;
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

#define UI_MAX_SCREENS 16

struct ui {
	const struct course *course;        /* borrowed */
	const char *course_title;           /* sanitised */
	struct ui_lesson *lessons;          /* course order, in arena */
	struct dt_arena arena;
	const struct ui_progress_ops *progress;
	void *progress_ctx;
	bool utf8;                          /* UTF-8 locale: wide characters */
	bool color;
	int rows, cols;
	struct ui_screen stack[UI_MAX_SCREENS];
	size_t depth;
	const struct ui_screen_ops *next;   /* for UI_PUSH */
	const void *next_arg;
	char message[256];                  /* one-line status, "" when none */
	bool message_is_error;
};

/* The screens. */
extern const struct ui_screen_ops ui_home_ops;
extern const struct ui_screen_ops ui_reader_ops;
extern const struct ui_screen_ops ui_help_ops;
extern const struct ui_screen_ops ui_pick_ops;

/* Every screen, in the order `?` help lists them. */
extern const struct ui_screen_ops *const ui_all_screens[];
extern const size_t ui_n_all_screens;
/* Bindings that work on every screen. */
extern const struct ui_binding ui_global_bindings[];
extern const size_t ui_n_global_bindings;

/* Asks the loop to open ops with arg; returns UI_PUSH | UI_REDRAW. */
unsigned ui_push(struct ui *ui, const struct ui_screen_ops *ops,
                 const void *arg);
/* Sets the one-line status message shown in the footer until the next key. */
void ui_say(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

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

/* ---- progress --------------------------------------------------------- */

enum ui_lesson_status { UI_NOT_STARTED, UI_IN_PROGRESS, UI_READ };

enum ui_lesson_status ui_lesson_status(struct ui *ui,
                                       const struct course_lesson *lesson);
/* The in-memory progress used when the caller gives none. */
void *ui_progress_mem_new(void);
void ui_progress_mem_free(void *ctx);
extern const struct ui_progress_ops ui_progress_mem_ops;

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

/* ---- keys ------------------------------------------------------------- */

/* Waits at most the loop's timeout for one event; false when none came. */
bool ui_read_event(struct ui_event *ev);
/* Runs the binding of ev->key in table; UI_PASS when none matches. */
unsigned ui_dispatch(struct ui *ui, const struct ui_binding *table, size_t n,
                     void *state, const struct ui_event *ev);
/* The keys of a binding as text ("j, Down"), into buf. */
const char *ui_binding_keys(const struct ui_binding *b, char *buf,
                            size_t size);
/* Draws the key footer of a screen's table on the last row. */
void ui_draw_footer(struct ui *ui, const struct ui_binding *table, size_t n,
                    const char *left);

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

#define UI_EDIT_MAX 128          /* bytes of text the editor takes */

struct ui_lineedit {
	char buf[UI_EDIT_MAX + 1];
	size_t len;
};

enum ui_edit_result { UI_EDIT_CONTINUE, UI_EDIT_DONE, UI_EDIT_CANCEL };

/* The editing keys, for `?` help. */
extern const struct ui_binding ui_lineedit_bindings[];
extern const size_t ui_n_lineedit_bindings;

void ui_lineedit_start(struct ui_lineedit *ed);
enum ui_edit_result ui_lineedit_key(struct ui *ui, struct ui_lineedit *ed,
                                    const struct ui_event *ev);
/* Draws prompt and text on row y and leaves the cursor after the text. */
void ui_lineedit_draw(struct ui *ui, const struct ui_lineedit *ed, int y,
                      const char *prompt);

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
/* Fills columns [x, x + n) of row y with spaces in attr. */
void ui_fill(int y, int x, int n, attr_t attr);
/* A frame of box characters (ASCII outside UTF-8). */
void ui_box(struct ui *ui, int y, int x, int h, int w, attr_t attr);
/* A horizontal rule of n columns. */
void ui_hline(struct ui *ui, int y, int x, int n, attr_t attr);
/* The one-row bar at the top of a screen: left text, right text. */
void ui_draw_header(struct ui *ui, const char *left, const char *right);
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
	X(UI_G_DOT,      "\u00B7", "-")

enum ui_glyph {
#define UI_GLYPH_ENUM(g, utf8, ascii) g,
	UI_GLYPHS(UI_GLYPH_ENUM)
#undef UI_GLYPH_ENUM
	UI_GLYPH_COUNT
};

/* The glyph in this locale (one column either way). */
const char *ui_glyph(const struct ui *ui, enum ui_glyph g);

/* Sanitises s into the UI's arena; "?" when memory ran out. */
const char *ui_clean(struct ui *ui, const char *s);

#endif
