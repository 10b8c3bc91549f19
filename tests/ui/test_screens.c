/* Headless UI tests of the exercise screens (checking after an edit in the
 * learner's editor and after a direct edit, hints, the solution, reset),
 * the progress screen, and what every new screen owes the terminal: help,
 * redrawing on resize, ASCII without UTF-8, no colour under NO_COLOR;
 * plus reading progress kept across runs and a database that cannot be
 * opened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uitest.h"

/* ---- helpers ------------------------------------------------------------ */

static bool open_entry(struct term *t, const char *about)
{
	int row;

	if (!term_wait(t, about))
		return false;
	row = term_find(t, about, 1);
	term_click(t, row, 6);
	return true;
}

/* The first line of a file into buf; false when it cannot be read. */
static bool first_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	bool ok = f && fgets(buf, (int)size, f);

	if (f)
		fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

static bool file_has(const char *path, const char *text)
{
	char buf[4096];
	size_t n;
	FILE *f = fopen(path, "r");

	if (!f)
		return false;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strstr(buf, text) != NULL;
}

static bool copy_file(const char *from, const char *to)
{
	char buf[4096];
	size_t n;
	FILE *in = fopen(from, "r"), *out = fopen(to, "w");
	bool ok = in && out;

	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		ok = false;
	return ok;
}

/* Starts a practice of lesson 2 (a choice and a true/false question)
 * from the home screen: p on the lesson, the menu's first row. */
static bool practise_short(struct term *t)
{
	if (!term_wait(t, "A Short Stop"))
		return false;
	term_type(t, "gjjp");
	if (!term_wait(t, "This lesson: 2. A Short Stop"))
		return false;
	term_key(t, VTERM_KEY_ENTER);
	return term_wait(t, "Question 1 of 2") && footer_has(t, "help");
}

/* Answers the practice question on screen with its first choice. */
static bool answer_first(struct term *t)
{
	term_type(t, "a");
	term_key(t, VTERM_KEY_ENTER);
	return footer_has(t, "next");
}

/* Starts the fixture's standard exam from the home screen. */
static bool start_exam(struct term *t)
{
	int row;

	if (!open_entry(t, "a timed practice exam") ||
	    !term_wait(t, "Screen Test Exam"))
		return false;
	row = term_find(t, "Screen Test Exam", 1);
	term_click(t, row, 6);
	if (!term_wait(t, "Start the exam?"))
		return false;
	term_type(t, "y");
	return term_wait(t, "Question 1/6") && term_wait(t, "Which tool runs");
}

/* Answers every question of the standard exam and submits it. */
static bool finish_exam(struct term *t)
{
	static const char *const keys[] = {"a", " b", "t", NULL, "a", "B"};
	int i;

	for (i = 0; i < 6; i++) {
		if (keys[i])
			term_type(t, keys[i]);
		else
			term_type(t, "docker ps\r");
		term_key(t, VTERM_KEY_RIGHT);
	}
	term_type(t, "s");
	if (!term_wait(t, "Every question is answered. Submit the exam?"))
		return false;
	term_type(t, "y");
	return term_wait(t, "Score: 6/6 (100%)") && footer_has(t, "back");
}

/* ---- exercises --------------------------------------------------------------- */

static void test_exercise_edit_check_hint_solution_reset(struct term *t)
{
	char cwd[256], visual[320], copy[420], log[300], log_env[330];
	char good[320], ws_file[1024];
	const char *env[4];
	struct term_opts o = {.rows = 30, .cols = 100, .content = FIXTURE};

	CHECK(t, getcwd(cwd, sizeof cwd) != NULL);
	snprintf(visual, sizeof visual, "VISUAL=sh %s/tests/ui/fake-editor.sh", cwd);
	snprintf(good, sizeof good, "%s/tests/ui/files/good.Dockerfile", cwd);
	snprintf(copy, sizeof copy, "FAKE_EDITOR_COPY=%s", good);
	snprintf(log, sizeof log, "%s/editor.log", data_home);
	snprintf(log_env, sizeof log_env, "FAKE_EDITOR_LOG=%s", log);
	env[0] = visual;
	env[1] = copy;
	env[2] = log_env;
	env[3] = NULL;
	o.env = env;
	CHECK(t, start_with(t, o));
	CHECK(t, open_entry(t, "fix real Dockerfiles"));
	CHECK(t, term_wait_row_has(t, 0, "0 of 1 passed"));
	CHECK(t, term_wait(t, "Lesson 3: The Last Leg"));
	CHECK(t, term_wait(t, "\u00b7 not started  Run as a user  (ui-user)"));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Run as a user"));
	CHECK(t, term_wait(t, "The image runs as root and starts FROM alpine"));
	CHECK(t, term_wait(t, "Status: not started; 2 checks; 0 of 2 hints seen"));
	/* c: the checks, each with its mark and line, and the findings. */
	term_type(t, "c");
	CHECK(t, term_wait(t, "Your workspace is ready:"));
	CHECK(t, term_wait(t, "0 of 2 checks pass. Fix the \u2717 lines"));
	CHECK(t, term_wait(t, "\u2717 Dockerfile:1"));
	CHECK(t, term_wait(t, "Linter findings"));
	/* h: the first hint; s: the solution is not open yet. */
	term_type(t, "h");
	CHECK(t, term_wait(t, "Hint 1 of 2: USER needs a user: create one first."));
	term_type(t, "s");
	CHECK(t, term_wait(t, "after 3 failed checks: 2 more to go"));
	/* e: the editor gets the terminal, then the file is checked. */
	term_type(t, "e");
	CHECK(t, term_wait(t, "All 2 checks pass. Well done!"));
	CHECK(t, term_wait(t, "\u2713 Dockerfile"));
	CHECK(t, term_wait_row_has(t, 0, "Run as a user"));
	CHECK(t, !term_has(t, "FAKE EDITOR RAN"));
	CHECK(t, first_line(log, ws_file, sizeof ws_file));
	CHECK(t, strstr(ws_file, "/dockertutor/exercises/") != NULL);
	CHECK(t, file_has(ws_file, "USER app"));
	CHECK(t, term_wait(t, "Status: passed; 2 checks; 1 of 2 hints seen"));
	/* s: the reference solution, now open. */
	term_type(t, "s");
	CHECK(t, term_wait(t, "Reference solution: Dockerfile"));
	CHECK(t, term_wait(t, "RUN adduser -D app"));
	/* r: back to the starter files, after a confirmation. */
	term_type(t, "r");
	CHECK(t, term_wait(t, "Start again from the starter files?"));
	term_type(t, "y");
	CHECK(t, term_wait(t, "your version is kept in"));
	CHECK(t, file_has(ws_file, "FROM alpine\n"));
	/* A file edited outside the UI is checked as it is on disk. */
	CHECK(t, copy_file(good, ws_file));
	term_type(t, "c");
	CHECK(t, term_wait(t, "All 2 checks pass. Well done!"));
	term_type(t, "q");
	CHECK(t, term_wait_row_has(t, 0, "1 of 1 passed"));
	CHECK(t, term_wait(t, "\u2713 passed"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "1/1"));          /* the home's exercises column */
	/* After the editor, the arrow keys and the mouse work as before. */
	term_type(t, "g");
	term_key(t, VTERM_KEY_DOWN);
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
	term_type(t, "q");
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, term_wait(t, "Practice accuracy by lesson"));
	term_type(t, "G");
	CHECK(t, term_wait(t, "1 of 1 exercises passed"));
}

/* Runs `dockertutor exercise hint ui-user` on the test's terminal and data,
 * as a learner would beside the UI; true when it ends well showing want. */
static bool cli_hint(struct term *t, const char *want)
{
	static const char *const args[] = {"exercise", "hint", "ui-user", NULL};
	struct term_opts o = {.rows = 24, .cols = 80, .content = FIXTURE,
	                      .args = args};
	bool ok;

	ok = start_with(t, o) && term_wait(t, want) && exited_with(t, 0);
	term_close(t);
	return ok;
}

/* One count of hints seen: the command's and the UI's h add to it. */
static void test_hints_shared_with_the_command(struct term *t)
{
	CHECK(t, cli_hint(t, "1 more hint: run this again for the next one."));
	CHECK(t, start(t, 30, 100, FIXTURE));
	CHECK(t, open_entry(t, "fix real Dockerfiles"));
	CHECK(t, term_wait(t, "Run as a user  (ui-user)"));
	term_key(t, VTERM_KEY_ENTER);
	/* The hint read with the command shows, counted as seen. */
	CHECK(t, term_wait(t, "1 of 2 hints seen"));
	CHECK(t, term_wait(t, "Hint 1 of 2: USER needs a user: create one first."));
	CHECK(t, !term_has(t, "Hint 2 of 2"));
	/* h shows the next one and counts it at once. */
	term_type(t, "h");
	CHECK(t, term_wait(t, "Hint 2 of 2: FROM alpine:3.20, then RUN adduser"));
	CHECK(t, term_wait(t, "2 of 2 hints seen"));
	term_type(t, "h");
	CHECK(t, footer_has(t, "That was the last hint"));
	term_type(t, "qqq");
	CHECK(t, exited_with(t, 0));
	term_close(t);
	/* The command knows both were seen, and adds none. */
	CHECK(t, cli_hint(t, "Hint 2 of 2 (seen)"));
	CHECK(t, start(t, 30, 100, FIXTURE));
	CHECK(t, open_entry(t, "fix real Dockerfiles"));
	CHECK(t, term_wait(t, "Run as a user  (ui-user)"));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "2 of 2 hints seen"));
	CHECK(t, term_wait(t, "Hint 2 of 2: FROM alpine:3.20"));
}

/* ---- progress and persistence ------------------------------------------------ */

static void test_progress_reviews_and_time(struct term *t)
{
	CHECK(t, start(t, 30, 100, FIXTURE));
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, term_wait(t, "Practice accuracy by lesson"));
	CHECK(t, term_wait(t, "1. First Steps with Containers"));
	CHECK(t, term_wait(t, "no practice yet"));
	term_type(t, "G");
	CHECK(t, term_wait(t, "Reviews due"));
	CHECK(t, term_wait(t, "Today"));
	CHECK(t, term_wait(t, "Time studied"));
	CHECK(t, term_wait(t, "Last 7 days"));
	CHECK(t, term_wait(t, "0 of 7 sections read, 0 of 1 exercises passed"));
	term_type(t, "g");
	CHECK(t, term_wait(t, "No exam taken yet"));
	term_type(t, "q");
	/* One practice answer: the lesson's bar and today's time show it. */
	CHECK(t, practise_short(t));
	CHECK(t, answer_first(t));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Score:"));
	term_type(t, "q");
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, term_wait(t, "of 1 answer,"));
	term_type(t, "G");
	CHECK(t, term_wait(t, ", 1 answer"));
}

static void test_reading_position_persists(struct term *t)
{
	char top[512];

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	term_row(t, 11, top, sizeof top);
	term_type(t, "jjjjjjjjjj");
	CHECK(t, term_wait_row(t, 1, top));
	/* The short lesson is read as soon as it is moved through. */
	term_type(t, "]");
	CHECK(t, term_wait_row_has(t, 0, "Lesson 2"));
	term_type(t, "j[");
	CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "1 of 3 lessons read"));
	term_type(t, "q");
	CHECK(t, exited_with(t, 0));
	term_close(t);
	/* The next run on the same database: the same place, the same marks. */
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, term_wait(t, "1 of 3 lessons read"));
	CHECK(t, term_wait(t, "Continue where you left off: 1. First Steps"));
	CHECK(t, term_find(t, "in progress", 3) > 0);
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
	CHECK(t, term_wait_row(t, 1, top));
}

/* Opens a lesson of the fixture from the home screen by a click on its
 * title, waiting for the reader's first frame. */
static bool open_lesson(struct term *t, const char *title, const char *which)
{
	if (!term_wait(t, title))
		return false;
	term_click(t, term_find(t, title, 3), 10);
	return term_wait_row_has(t, 0, which) &&
	       term_wait_row_has(t, t->rows - 1, "%");
}

/* "Continue" reopens the lesson read last, in this run and the next, even
 * when an earlier lesson is still in progress. */
static void test_continue_reopens_the_lesson_read_last(struct term *t)
{
	char top[512];

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	term_row(t, 11, top, sizeof top);
	term_type(t, "jjjjjjjjjj");
	CHECK(t, term_wait_row(t, 1, top));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Continue where you left off: 1. First Steps"));
	CHECK(t, open_lesson(t, "The Last Leg", "Lesson 3"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Continue where you left off: 3. The Last Leg"));
	term_type(t, "q");
	CHECK(t, exited_with(t, 0));
	term_close(t);
	/* The next run: lesson 3, though lesson 1 is in progress before it. */
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, term_wait(t, "Continue where you left off: 3. The Last Leg"));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Lesson 3"));
	term_type(t, "q");
	/* Lesson 1 looked at again, without a move, is the one read last. */
	CHECK(t, open_lesson(t, "First Steps with Containers", "Lesson 1"));
	CHECK(t, term_wait_row(t, 1, top));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Continue where you left off: 1. First Steps"));
	term_type(t, "q");
	CHECK(t, exited_with(t, 0));
	term_close(t);
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, term_wait(t, "Continue where you left off: 1. First Steps"));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row(t, 1, top));
}

static void test_database_error_is_one_line(struct term *t)
{
	char path[400], env[450];
	const char *envp[2] = {env, NULL};
	struct term_opts o = {.rows = 24, .cols = 80, .content = FIXTURE,
	                      .env = envp};
	FILE *f;

	snprintf(path, sizeof path, "%s/not-a-database.db", data_home);
	snprintf(env, sizeof env, "DOCKERTUTOR_DB=%s", path);
	f = fopen(path, "w");
	CHECK(t, f != NULL);
	for (int i = 0; i < 64; i++)
		fputs("this is not an SQLite file at all\n", f);
	CHECK(t, fclose(f) == 0);
	CHECK(t, start_with(t, o));
	CHECK(t, exited_with(t, 1));
	CHECK(t, term_wait(t, "not-a-database.db: error:"));
	CHECK(t, term_find(t, "dockertutor:", 0) == term_find(t, "error:", 0));
	CHECK(t, !t->altscreen);
}

/* ---- help, resize, locales, colour ------------------------------------------- */

static void test_help_from_every_new_screen(struct term *t)
{
	CHECK(t, start(t, 40, 100, FIXTURE));
	CHECK(t, practise_short(t));
	term_type(t, "?");
	CHECK(t, term_wait(t, "Keys"));
	CHECK(t, term_wait(t, "Practice: answering"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Question 1 of 2"));
	term_type(t, "q");
	/* While typing an answer ? is text; F1 opens the help. */
	term_type(t, "p");
	CHECK(t, term_wait(t, "A tag..."));
	term_type(t, "jj");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Practise a tag"));
	term_type(t, "G");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Your answer:"));
	term_type(t, "why?");
	CHECK(t, term_wait(t, "    why?"));
	term_key(t, VTERM_KEY_FUNCTION(1));
	CHECK(t, term_wait(t, "Keys"));
	CHECK(t, term_wait(t, "Practice: typing an answer"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, term_wait(t, "    why?"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, start_exam(t));
	term_type(t, "?");
	CHECK(t, term_wait(t, "Exam: the navigator"));
	CHECK(t, term_wait(t, "Flag or unflag this question"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Which tool runs"));
	CHECK(t, finish_exam(t));
	term_type(t, "?");
	CHECK(t, term_wait(t, "Exam results"));
	term_type(t, "qqq");
	CHECK(t, open_entry(t, "fix real Dockerfiles"));
	term_type(t, "?");
	CHECK(t, term_wait(t, "The reference solution (after a pass"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Run as a user"));
	term_type(t, "q");
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	term_type(t, "?");
	CHECK(t, term_wait(t, "Keys"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Practice accuracy by lesson"));
}

/* Every row fits the width, and the last row is the footer with text. */
static bool fits(struct term *t, const void *arg)
{
	char row[1024];
	int r;

	for (r = 0; r < t->rows; r++) {
		const char *s = term_row(t, r, row, sizeof row);
		int cols = 0;

		for (; *s; s++)
			cols += ((unsigned char)*s & 0xC0) != 0x80;
		if (cols > t->cols)
			return false;
	}
	return strstr(term_row(t, t->rows - 1, row, sizeof row), arg) != NULL;
}

/* Resizes to 60x20 and to 100x30, each time waiting for text and the
 * footer's word. */
static bool resize_both(struct term *t, const char *text, const char *word)
{
	term_resize(t, 20, 60);
	if (!term_wait_until(t, fits, word) || !term_wait(t, text))
		return false;
	term_resize(t, 30, 100);
	return term_wait_until(t, fits, word) && term_wait(t, text);
}

static void test_resize_redraws_new_screens(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, practise_short(t));
	CHECK(t, resize_both(t, "Question 1 of 2", "leave"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, open_entry(t, "a timed practice exam"));
	CHECK(t, resize_both(t, "6 questions", "start"));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, resize_both(t, "Start the exam?", "yes"));
	term_type(t, "n");
	term_type(t, "q");
	CHECK(t, start_exam(t));
	CHECK(t, resize_both(t, "Which tool runs", "question"));
	CHECK(t, term_wait_row_has(t, 0, "Question 1/6"));
	CHECK(t, term_wait(t, "0 of 6 answered"));
	CHECK(t, finish_exam(t));
	CHECK(t, resize_both(t, "Score: 6/6 (100%)", "scroll"));
	term_type(t, "qq");
	CHECK(t, open_entry(t, "fix real Dockerfiles"));
	CHECK(t, resize_both(t, "Run as a user", "open"));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, resize_both(t, "The image runs as root", "edit"));
	term_type(t, "qq");
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, resize_both(t, "Practice accuracy by lesson", "back"));
}

static void test_new_screens_in_ascii(struct term *t)
{
	struct term_opts o = {.rows = 24, .cols = 80, .lang = "C",
	                      .content = FIXTURE};

	CHECK(t, start_with(t, o));
	CHECK(t, practise_short(t));
	CHECK(t, screen_is_ascii(t));
	CHECK(t, answer_first(t));
	CHECK(t, term_has(t, "+ Correct.") || term_has(t, "x Wrong."));
	CHECK(t, screen_is_ascii(t));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Score:"));
	CHECK(t, footer_has(t, "mistakes"));
	CHECK(t, term_has(t, "#") || term_has(t, ".........."));
	CHECK(t, screen_is_ascii(t));
	term_type(t, "q");
	CHECK(t, start_exam(t));
	term_type(t, "af");
	CHECK(t, term_wait_row_has(t, 1, "1#!"));
	CHECK(t, term_wait(t, "! Flagged for review"));
	CHECK(t, screen_is_ascii(t));
	CHECK(t, finish_exam(t));
	CHECK(t, term_wait(t, "+ PASSED"));
	CHECK(t, term_wait(t, "####"));
	CHECK(t, screen_is_ascii(t));
	term_type(t, "qq");
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, term_wait(t, "- pass mark 50%"));
	CHECK(t, screen_is_ascii(t));
}

static void test_new_screens_without_colour(struct term *t)
{
	struct term_opts o = {.rows = 24, .cols = 80, .no_color = true,
	                      .content = FIXTURE};

	CHECK(t, start_with(t, o));
	CHECK(t, practise_short(t));
	CHECK(t, !any_colour(t));
	CHECK(t, answer_first(t));
	CHECK(t, !any_colour(t));
	term_type(t, "qq");
	CHECK(t, start_exam(t));
	CHECK(t, !any_colour(t));
	CHECK(t, finish_exam(t));
	CHECK(t, !any_colour(t));
	term_type(t, "qq");
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, term_wait(t, "pass mark 50%"));
	CHECK(t, !any_colour(t));
	term_type(t, "q");
	CHECK(t, open_entry(t, "fix real Dockerfiles"));
	CHECK(t, term_wait(t, "Run as a user"));
	CHECK(t, !any_colour(t));
}

/* ---- the table ------------------------------------------------------------------ */

const struct uitest screen_tests[] = {
#define T(name) {#name, test_##name, false}
	T(exercise_edit_check_hint_solution_reset),
	T(hints_shared_with_the_command),
	T(progress_reviews_and_time),
	T(reading_position_persists),
	T(continue_reopens_the_lesson_read_last),
	T(database_error_is_one_line),
	T(help_from_every_new_screen),
	T(resize_redraws_new_screens),
	T(new_screens_in_ascii),
	T(new_screens_without_colour),
#undef T
};

const size_t n_screen_tests = sizeof screen_tests / sizeof screen_tests[0];
