/* What the UI test files share: the fixture, the failure record and its
 * CHECK macro, starting the program, and checks of the terminal left
 * behind.  Each file exports a table of tests; main.c runs them. */
#ifndef DT_UITEST_H
#define DT_UITEST_H

#include <stdbool.h>
#include <stddef.h>

#include "harness.h"

#define FIXTURE "tests/ui/content"
#define COURSE "content"

/* The running test's private XDG_DATA_HOME and HOME. */
extern char data_home[256];
/* Set by CHECK when the running test failed. */
extern const char *failure;
extern int failure_line;

/* Fails the running test with the screen printed. */
#define CHECK(t, cond)                                                     \
	do {                                                               \
		if (!(cond)) {                                             \
			failure = #cond;                                   \
			failure_line = __LINE__;                           \
			term_dump(t);                                      \
			return;                                            \
		}                                                          \
	} while (0)

struct uitest {
	const char *name;
	void (*fn)(struct term *t);
	bool slow;                   /* waits for a clock: runs beside the rest */
};

extern const struct uitest reader_tests[];
extern const size_t n_reader_tests;
extern const struct uitest flow_tests[];
extern const size_t n_flow_tests;
extern const struct uitest screen_tests[];
extern const size_t n_screen_tests;

/* Starts the program at rows x cols with --content content. */
bool start(struct term *t, int rows, int cols, const char *content);
/* The same with every option given (data_home filled in when NULL). */
bool start_with(struct term *t, struct term_opts o);
/* Opens lesson 1 of the fixture from the home screen. */
bool open_first(struct term *t);
/* The program ended by itself with status. */
bool exited_with(struct term *t, int status);
/* The terminal as the program found it: normal screen, cursor shown, mouse
 * off, the terminal mode as before. */
bool restored(struct term *t);
/* No cell shows a character outside ASCII. */
bool screen_is_ascii(struct term *t);
/* Some cell has a colour other than the terminal's default. */
bool any_colour(struct term *t);
/* Waits for the key footer (the last row) to contain text: drawn last, it
 * says the frame is complete. */
bool footer_has(struct term *t, const char *text);

#endif
