/* Headless UI tests of whole sessions: practice (every question type,
 * feedback, the section in the reader, the summary, my mistakes), timed
 * exams (flag, jump, navigator, review, submit, resume, DOMC, the submit
 * at zero) and their results.  Practice shuffles, so the tests read the
 * screen to find which question is shown and where its right choices are;
 * the fixture's exams draw in a fixed order. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "uitest.h"

/* ---- helpers ------------------------------------------------------------ */

/* The letter on screen before choice text ("( ) B. text"), or 0. */
static char letter_of(struct term *t, const char *text)
{
	char row[1024], want[256];
	const char *at;
	int r;

	snprintf(want, sizeof want, ". %s", text);
	r = term_find(t, want, 1);
	if (r < 0)
		return 0;
	at = strstr(term_row(t, r, row, sizeof row), want);
	return at > row ? (char)(at[-1] - 'A' + 'a') : 0;
}

/* The column of byte offset at in a row of UTF-8 text. */
static int column_of(const char *row, const char *at)
{
	int col = 0;

	for (; row < at; row++)
		col += ((unsigned char)*row & 0xC0) != 0x80;
	return col;
}

/* Opens an entry of the home menu by a click on its row (about text). */
static bool open_entry(struct term *t, const char *about)
{
	int row;

	if (!term_wait(t, about))
		return false;
	row = term_find(t, about, 1);
	term_click(t, row, 6);
	return true;
}

/* Starts an exam of the fixture from the home screen: the list, the
 * confirmation (which must mention expect), yes. */
static bool start_exam(struct term *t, const char *title, const char *expect)
{
	int row;

	if (!open_entry(t, "a timed practice exam") || !term_wait(t, title))
		return false;
	row = term_find(t, title, 1);
	term_click(t, row, 6);
	if (!term_wait(t, "[y] Yes") || !term_has(t, expect))
		return false;
	term_type(t, "y");
	/* The rule under the navigator, with the counts. */
	return term_wait_row_has(t, 0, "Question ") && term_wait(t, " answered, ");
}

/* Answers the practice question on screen: right, except the true/false
 * one, answered false.  Returns the kind shown (0 single, 1 multiple,
 * 2 true/false, 3 fill) or -1. */
static int answer_practice(struct term *t)
{
	char a, b;

	if (term_has(t, "Which tool runs")) {
		term_type(t, (char[]){letter_of(t, "Docker"), 0});
		if (!term_wait(t, "(*) ") )
			return -1;
		term_key(t, VTERM_KEY_ENTER);
		return 0;
	}
	if (term_has(t, "Which two statements")) {
		a = letter_of(t, "Images are read-only templates");
		b = letter_of(t, "Images are built from a Dockerfile");
		/* One by the cursor and Space, one by its letter. */
		for (char c = 'a'; c < a; c++)
			term_key(t, VTERM_KEY_DOWN);
		term_type(t, " ");
		term_type(t, (char[]){b, 0});
		if (!term_wait(t, (char[]){'[', 'x', ']', ' ', (char)(a - 32), '.', 0}) ||
		    !term_wait(t, (char[]){'[', 'x', ']', ' ', (char)(b - 32), '.', 0}))
			return -1;
		term_key(t, VTERM_KEY_ENTER);
		return 1;
	}
	if (term_has(t, "A container is a process on the host.")) {
		term_type(t, "f");
		if (!term_wait(t, "(*) B. False"))
			return -1;
		term_key(t, VTERM_KEY_ENTER);
		return 2;
	}
	if (term_has(t, "Which two words list")) {
		/* The editor: Ctrl-U, Backspace, Home, Right, insertion, UTF-8. */
		term_type(t, "zz");
		if (!term_wait(t, "    zz"))
			return -1;
		term_ctrl(t, 'u');
		if (!term_wait_gone(t, "    zz"))
			return -1;
		term_type(t, "dockr pz");
		term_key(t, VTERM_KEY_BACKSPACE);
		term_type(t, "s");
		if (!term_wait(t, "    dockr ps"))
			return -1;
		term_key(t, VTERM_KEY_HOME);
		for (int i = 0; i < 4; i++)
			term_key(t, VTERM_KEY_RIGHT);
		term_type(t, "e");
		term_key(t, VTERM_KEY_END);
		term_type(t, "\u00e9");
		if (!term_wait(t, "    docker ps\u00e9"))
			return -1;
		term_key(t, VTERM_KEY_BACKSPACE);
		if (!term_wait_gone(t, "\u00e9"))
			return -1;
		term_key(t, VTERM_KEY_ENTER);
		return 3;
	}
	return -1;
}

/* ---- practice --------------------------------------------------------------- */

static void test_practice_whole_session(struct term *t)
{
	bool seen[4] = {false};
	int q;

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, open_first(t));
	/* p in the reader practises the lesson. */
	term_type(t, "p");
	CHECK(t, term_wait(t, "Practice \u00b7 First Steps with Containers"));
	for (q = 1; q <= 4; q++) {
		char want[32];
		int kind;

		snprintf(want, sizeof want, "Question %d of 4", q);
		CHECK(t, term_wait(t, want));
		CHECK(t, footer_has(t, "submit"));
		kind = answer_practice(t);
		CHECK(t, kind >= 0 && !seen[kind]);
		seen[kind] = true;
		CHECK(t, footer_has(t, "next"));
		switch (kind) {
		case 0:
			CHECK(t, term_wait(t, "\u2713 Correct."));
			CHECK(t, term_wait(t, "Your pick, right: Docker starts and stops"));
			CHECK(t, term_wait(t, "Why not: Kettles boil water."));
			CHECK(t, term_wait(t, "The fixture course is about Docker."));
			break;
		case 1:
			CHECK(t, term_wait(t, "\u2713 Correct."));
			/* r: the section the question tests, in the reader. */
			term_type(t, "r");
			CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
			CHECK(t, term_wait_row_has(t, 1, "1.2  Images Are Templates"));
			term_type(t, "q");
			CHECK(t, term_wait(t, "An image is the template"));
			break;
		case 2:
			CHECK(t, term_wait(t, "\u2717 Wrong. The answer is true."));
			CHECK(t, term_wait(t, "\u2717 B. False"));
			CHECK(t, term_wait(t, "Your pick, wrong"));
			CHECK(t, term_wait(t, "\u25cb A. True"));
			CHECK(t, term_wait(t, "Missed: this one is right"));
			break;
		default:
			CHECK(t, term_wait(t, "\u2713 Correct."));
			CHECK(t, term_wait(t, "You typed: docker ps"));
			break;
		}
		CHECK(t, term_wait_row_has(t, 0, "answered"));
		term_key(t, VTERM_KEY_ENTER);
	}
	CHECK(t, term_wait(t, "Score: 3/4 (75%)"));
	CHECK(t, term_wait(t, "3/4 (75%)"));
	CHECK(t, term_wait(t, "1 wrong: press m to practise your mistakes."));
	/* My mistakes: the one answered wrong comes back, alone. */
	term_type(t, "m");
	CHECK(t, term_wait(t, "Practice \u00b7 my mistakes"));
	CHECK(t, term_wait(t, "A container is a process on the host."));
	CHECK(t, term_find(t, "Question 1 of", 0) < 0);
	term_type(t, "t");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "\u2713 Correct."));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Score: 1/1 (100%)"));
	/* Back to the reader, then home, where the answers count. */
	term_type(t, "q");
	CHECK(t, term_wait_row_has(t, 0, "Lesson 1"));
	term_type(t, "q");
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, term_wait(t, "Practice accuracy by lesson"));
	CHECK(t, term_wait(t, " 80% of 5 answers, 4/4 mastered"));
	CHECK(t, term_wait(t, "\u2588"));
	CHECK(t, term_wait(t, "no practice yet"));
}

static void test_practice_menu_sources(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	/* p on a lesson offers that lesson first. */
	CHECK(t, term_wait(t, "A Short Stop"));
	term_type(t, "jjp");
	CHECK(t, term_wait(t, "This lesson: 2. A Short Stop"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, term_wait_gone(t, "This lesson:"));
	/* The Practice entry: every source. */
	CHECK(t, open_entry(t, "questions by lesson, tag"));
	CHECK(t, term_wait(t, "A lesson..."));
	CHECK(t, term_wait(t, "Review queue"));
	CHECK(t, !term_has(t, "This lesson:"));
	/* My mistakes, before any answer: nothing to go over. */
	term_key(t, VTERM_KEY_DOWN);
	term_key(t, VTERM_KEY_DOWN);
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "No mistakes to go over"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "0 of 3 lessons read"));
	/* A lesson: the list of lessons, then its questions. */
	term_type(t, "p");
	CHECK(t, term_wait(t, "A lesson..."));
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Practise a lesson"));
	term_type(t, "G");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Practice \u00b7 The Last Leg"));
	CHECK(t, term_wait(t, "Question 1 of 2"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "0 of 3 lessons read"));
	/* A tag: the second list, then a session of that tag's questions. */
	term_type(t, "p");
	CHECK(t, term_wait(t, "A tag..."));
	term_key(t, VTERM_KEY_DOWN);
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Practise a tag"));
	CHECK(t, term_wait(t, "speed"));
	CHECK(t, term_wait(t, "images"));
	term_type(t, "Gk");                       /* typed is last, then tools */
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Practice \u00b7 tag tools"));
	CHECK(t, term_wait(t, "Question 1 of 1"));
	CHECK(t, term_wait(t, "Which tool runs"));
	/* s skips: nothing saved, the summary says so. */
	term_type(t, "s");
	CHECK(t, term_wait(t, "Score: 0/0 (0%) in 0s, 1 skipped"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "0 of 3 lessons read"));
	/* Leaving before an answer goes straight back. */
	term_type(t, "p");
	CHECK(t, term_wait(t, "Unseen first"));
	term_type(t, "jjj");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait(t, "Practice \u00b7 unseen first"));
	CHECK(t, term_wait(t, "Question 1 of 8"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, term_wait(t, "0 of 3 lessons read"));
}

/* ---- exams ------------------------------------------------------------------- */

/* Row 1, the navigator, shows text for question n (" 3●"). */
static bool nav_cell(struct term *t, int n, const char *marks)
{
	char want[32];

	snprintf(want, sizeof want, " %d%s", n, marks);
	return term_wait_row_has(t, 1, want);
}

/* Answers the true/false mistake on screen (a question of the exam's
 * lessons 1 and 2) right or wrong; false when neither shows. */
static bool answer_mistake(struct term *t, bool right, const char **which)
{
	bool first = term_has(t, "A container is a process on the host.");

	if (!first && !term_has(t, "The short stop has two sections."))
		return false;
	*which = first ? "A container is a process" : "The short stop has two";
	/* The first is true, the second false. */
	term_type(t, first == right ? "t" : "f");
	term_key(t, VTERM_KEY_ENTER);
	return term_wait(t, right ? "\u2713 Correct." : "\u2717 Wrong.");
}

/* From the results of the exam of exam_flag_jump_review_submit: m, its
 * two mistakes, the first answered wrong and so asked again. */
static bool exam_mistakes(struct term *t)
{
	const char *first, *second, *again;

	term_type(t, "m");
	if (!term_wait(t, "Practice \u00b7 mistakes in Screen Test Exam") ||
	    !term_wait(t, "Question 1  \u00b7") || !answer_mistake(t, false, &first))
		return false;
	term_key(t, VTERM_KEY_ENTER);
	if (!term_wait(t, "Question 2  \u00b7") || !answer_mistake(t, true, &second))
		return false;
	term_key(t, VTERM_KEY_ENTER);
	if (!term_wait(t, "Question 3  \u00b7") || !answer_mistake(t, true, &again))
		return false;
	term_key(t, VTERM_KEY_ENTER);
	return strcmp(first, second) != 0 && strcmp(first, again) == 0 &&
	       term_wait(t, "Score: 2/3 (67%)") &&
	       term_wait(t, "1 wrong: press m to practise your mistakes.");
}

static void test_exam_flag_jump_review_submit(struct term *t)
{
	char line[512];
	const char *at;

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, start_exam(t, "Screen Test Exam", "6 questions in 10 minutes"));
	CHECK(t, term_wait_row_has(t, 0, "Question 1/6"));
	term_row(t, 0, line, sizeof line);
	CHECK(t, strstr(line, "10:00") || strstr(line, "09:5"));
	CHECK(t, term_wait(t, "0 of 6 answered, 0 flagged"));
	/* Question 1: answered by its letter, then flagged. */
	CHECK(t, term_wait(t, "Which tool runs"));
	term_type(t, "a");
	CHECK(t, nav_cell(t, 1, "\u25cf"));
	term_type(t, "f");
	CHECK(t, nav_cell(t, 1, "\u25cf\u2691"));
	CHECK(t, term_wait(t, "Question 1 flagged for review"));
	/* Question 2, by the arrow: both right answers, one of them by Space. */
	term_key(t, VTERM_KEY_RIGHT);
	CHECK(t, term_wait_row_has(t, 0, "Question 2/6"));
	term_type(t, " ");
	term_type(t, "b");
	CHECK(t, term_wait(t, "[x] B. Images are built"));
	CHECK(t, nav_cell(t, 2, "\u25cf"));
	/* g and a number jump; question 5 answered. */
	term_type(t, "g");
	CHECK(t, term_wait(t, "Go to question:"));
	term_type(t, "5");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Question 5/6"));
	CHECK(t, term_wait(t, "How long is the short stop?"));
	term_type(t, "a");
	CHECK(t, nav_cell(t, 5, "\u25cf"));
	/* Tab: the navigator, moved with the arrows, Enter jumps. */
	term_key(t, VTERM_KEY_TAB);
	CHECK(t, footer_has(t, "go"));
	term_key(t, VTERM_KEY_LEFT);
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, term_wait_row_has(t, 0, "Question 4/6"));
	/* Question 4 types its answer at once. */
	CHECK(t, term_wait(t, "Which two words list"));
	term_type(t, "docker ps");
	term_key(t, VTERM_KEY_ENTER);
	CHECK(t, nav_cell(t, 4, "\u25cf"));
	/* A click on cell 3 jumps there; False is the wrong answer. */
	at = strstr(term_row(t, 1, line, sizeof line), " 3");
	CHECK(t, at != NULL);
	term_click(t, 1, column_of(line, at) + 1);
	CHECK(t, term_wait_row_has(t, 0, "Question 3/6"));
	term_type(t, "B");
	CHECK(t, term_wait(t, "(*) B. False"));
	CHECK(t, term_wait(t, "5 of 6 answered, 1 flagged"));
	/* The review page, then submit: no, then yes. */
	term_type(t, "r");
	CHECK(t, term_wait(t, "Review before you submit"));
	CHECK(t, term_wait(t, "5 of 6 answered, 1 flagged, 1 unanswered"));
	CHECK(t, term_wait(t, "Unanswered: 6"));
	CHECK(t, term_wait(t, "Flagged: 1"));
	term_type(t, "s");
	CHECK(t, term_wait(t, "1 unanswered \u2014 submit anyway?"));
	term_type(t, "n");
	CHECK(t, term_wait_gone(t, "submit anyway?"));
	CHECK(t, term_wait(t, "Review before you submit"));
	term_type(t, "s");
	CHECK(t, term_wait(t, "submit anyway?"));
	term_type(t, "y");
	/* The results: score, pass, bars by lesson, every answer reviewed. */
	CHECK(t, term_wait(t, "Score: 4/6 (67%)"));
	CHECK(t, term_wait(t, "\u2713 PASSED (pass mark 50%)"));
	CHECK(t, term_wait(t, "Answered 5 of 6 in"));
	CHECK(t, term_wait(t, "By lesson"));
	CHECK(t, term_wait(t, "3/4 (75%)"));
	CHECK(t, term_wait(t, "1/2 (50%)"));
	CHECK(t, term_wait(t, "\u2588"));
	CHECK(t, term_wait(t, "Questions"));
	CHECK(t, term_wait(t, "1. \u2713 Right"));
	term_type(t, "G");
	CHECK(t, term_wait(t, "6. \u2717 Not answered"));
	CHECK(t, term_wait(t, "It has only one section."));
	term_type(t, "g");
	CHECK(t, term_wait(t, "Score: 4/6 (67%)"));
	/* m practises the exam's mistakes, with no practice yet: question 3
	 * (wrong) and 6 (unanswered), until each is answered right. */
	CHECK(t, exam_mistakes(t));
	term_type(t, "q");
	CHECK(t, term_wait(t, "Score: 4/6 (67%)"));
	/* Back to the exams, where the score shows; the progress chart. */
	term_type(t, "q");
	CHECK(t, term_wait(t, "Last score: 67% (passed)"));
	term_type(t, "q");
	/* The home's exam column: the best score on each lesson's questions. */
	CHECK(t, term_wait(t, "7 min    75%"));
	CHECK(t, term_wait(t, "2 min    50%"));
	CHECK(t, open_entry(t, "accuracy, exam scores"));
	CHECK(t, term_wait(t, "Exam scores"));
	CHECK(t, term_wait(t, "pass mark 50%"));
	CHECK(t, term_wait(t, "67% passed  Screen Test Exam"));
}

static void test_exam_resumes_after_leaving(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, start_exam(t, "Screen Test Exam", "6 questions in 10 minutes"));
	term_type(t, "a");
	CHECK(t, nav_cell(t, 1, "\u25cf"));
	term_key(t, VTERM_KEY_RIGHT);
	term_type(t, "f");
	CHECK(t, nav_cell(t, 2, "\u00b7\u2691"));
	/* q asks; no stays, yes leaves with the attempt open. */
	term_type(t, "q");
	CHECK(t, term_wait(t, "the clock keeps running"));
	term_type(t, "n");
	CHECK(t, term_wait_gone(t, "the clock keeps running"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "the clock keeps running"));
	term_type(t, "y");
	CHECK(t, term_wait(t, "Open attempt:"));
	CHECK(t, term_wait(t, "left, Enter resumes it"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "0 of 3 lessons read"));
	term_type(t, "q");
	CHECK(t, exited_with(t, 0));
	term_close(t);
	/* A new run on the same database resumes with every answer and flag. */
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, start_exam(t, "Screen Test Exam", "Resume Screen Test Exam?"));
	CHECK(t, term_wait(t, "Resumed: 1 of 6 answered"));
	CHECK(t, nav_cell(t, 1, "\u25cf"));
	CHECK(t, nav_cell(t, 2, "\u00b7\u2691"));
	CHECK(t, term_wait_row_has(t, 0, "Question 2/6"));
	CHECK(t, term_wait(t, "Flagged for review"));
	term_key(t, VTERM_KEY_LEFT);
	CHECK(t, term_wait(t, "(*) A. Docker"));
}

static void test_exam_domc_one_option_at_a_time(struct term *t)
{
	int guard;

	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, start_exam(t, "Option by Option", "2 questions in 20 minutes"));
	CHECK(t, term_wait(t, "Which tool runs"));
	CHECK(t, term_wait(t, "Option 1: Docker"));
	CHECK(t, term_wait(t, "Is this option correct? y yes, n no"));
	/* Not the other choices: one option at a time. */
	CHECK(t, !term_has(t, "A kettle"));
	term_type(t, "y");
	CHECK(t, term_wait(t, "Option 1, you said yes: Docker"));
	CHECK(t, nav_cell(t, 1, "\u25cf"));
	/* The item may show one more option; any answer to it is kept. */
	for (guard = 0; guard < 4 && !term_has(t, "cannot change"); guard++) {
		term_type(t, "n");
		term_pump(t, 100);
	}
	CHECK(t, term_wait(t, "a DOMC answer cannot change"));
	term_key(t, VTERM_KEY_RIGHT);
	CHECK(t, term_wait(t, "Which two statements"));
	for (guard = 0; guard < 6 && !term_has(t, "cannot change"); guard++) {
		CHECK(t, term_wait(t, "Is this option correct?"));
		term_type(t, term_has(t, ": Images are running") ? "n" : "y");
		term_pump(t, 100);
	}
	CHECK(t, term_wait(t, "a DOMC answer cannot change"));
	term_type(t, "s");
	CHECK(t, term_wait(t, "Every question is answered. Submit the exam?"));
	term_type(t, "y");
	CHECK(t, term_wait(t, "Score: 2/2 (100%)"));
	CHECK(t, term_wait(t, "1. \u2713 Right"));
	term_type(t, "G");
	CHECK(t, term_wait(t, "2. \u2713 Right"));
}

/* Left with the clock stopped at a time, reopened after the deadline: the
 * exam opens submitted, on its results. */
static void test_exam_expired_while_away(struct term *t)
{
	const char *then[] = {"DOCKERTUTOR_NOW=1700000000", NULL};
	const char *later[] = {"DOCKERTUTOR_NOW=1700000011", NULL};
	struct term_opts o = {.rows = 24, .cols = 80, .content = FIXTURE,
	                      .env = then};

	CHECK(t, start_with(t, o));
	CHECK(t, start_exam(t, "Ten Second Blitz", "2 questions in 10s"));
	CHECK(t, term_wait_row_has(t, 0, "00:10"));
	term_type(t, "a");
	CHECK(t, nav_cell(t, 1, "\u25cf"));
	term_type(t, "q");
	CHECK(t, term_wait(t, "the clock keeps running"));
	term_type(t, "y");
	CHECK(t, term_wait(t, "Open attempt: 00:10 left"));
	term_type(t, "qq");
	CHECK(t, exited_with(t, 0));
	term_close(t);
	o.env = later;
	CHECK(t, start_with(t, o));
	CHECK(t, open_entry(t, "a timed practice exam"));
	CHECK(t, term_wait(t, "The time ran out while you were away: Enter "
	                   "shows the results"));
	term_click(t, term_find(t, "Ten Second Blitz", 1), 6);
	CHECK(t, term_wait(t, "The time ran out while you were away: the exam "
	                   "was submitted"));
	CHECK(t, term_wait(t, "Answered 1 of 2"));
	CHECK(t, term_wait(t, "(the time ran out)"));
}

/* The clock cell of the header (the last cells of row 0) has the warning
 * colours: the exam is in its last five minutes. */
static bool clock_warns(struct term *t, const void *arg)
{
	VTermScreenCell cell;

	(void)arg;
	return term_cell(t, 0, t->cols - 3, &cell) &&
	       VTERM_COLOR_IS_INDEXED(&cell.bg) && cell.bg.indexed.idx == 1;
}

static void test_exam_submits_itself_at_zero(struct term *t)
{
	CHECK(t, start(t, 24, 80, FIXTURE));
	CHECK(t, start_exam(t, "Ten Second Blitz", "2 questions in 10s"));
	CHECK(t, term_wait(t, "What does the last lesson do?"));
	CHECK(t, term_wait_until(t, clock_warns, NULL));
	term_type(t, "a");
	CHECK(t, nav_cell(t, 1, "\u25cf"));
	/* The help screen on top: the clock runs under it all the same. */
	term_type(t, "?");
	CHECK(t, term_wait(t, "Keys"));
	CHECK(t, term_wait_for(t, "Time is up: the exam was submitted", 20000));
	CHECK(t, term_wait(t, "Score: 1/2 (50%)"));
	CHECK(t, term_wait(t, "Answered 1 of 2 in"));
	CHECK(t, term_wait(t, "(the time ran out)"));
	CHECK(t, term_wait(t, "The answers of this exam are not shown."));
	CHECK(t, !term_has(t, "It closes the course"));
	/* Nor its mistakes, which would show them. */
	term_type(t, "m");
	CHECK(t, footer_has(t, "The answers of this exam are not shown, so "
	                    "neither are its mistakes"));
}

/* ---- eight choices at the smallest size -------------------------------------- */

#define EIGHT "tests/ui/eight"

/* The frame holds together: every row within the width, the header on
 * row 0 with arg, the key footer on the last row. */
static bool frame_whole(struct term *t, const void *arg)
{
	char row[1024];
	int r;

	for (r = 0; r < t->rows; r++) {
		term_row(t, r, row, sizeof row);
		if (column_of(row, row + strlen(row)) > t->cols)
			return false;
	}
	return strstr(term_row(t, 0, row, sizeof row), arg) &&
	       strstr(term_row(t, t->rows - 1, row, sizeof row), "? help");
}

/* The column where text starts on the row holding it, or -1. */
static int column_on_screen(struct term *t, const char *text)
{
	char row[1024];
	int r = term_find(t, text, 0);
	const char *at;

	if (r < 0)
		return -1;
	at = strstr(term_row(t, r, row, sizeof row), text);
	return at ? column_of(row, at) : -1;
}

/* Practice at 60x20: the list is taller than the window; moving down
 * scrolls the last choice in, the small letters choose, the feedback
 * scrolls to the explanation. */
static bool eight_in_practice(struct term *t)
{
	int guard;
	char pick;

	term_type(t, "jp");
	if (!term_wait(t, "This lesson: 1. Many Ports"))
		return false;
	term_key(t, VTERM_KEY_ENTER);
	if (!term_wait(t, "Question 1 of 1") || term_has(t, "( ) H. ") ||
	    !term_wait_until(t, frame_whole, "Practice"))
		return false;
	term_type(t, "jjjjjjj");
	if (!term_wait(t, "( ) H. ") || !term_wait_until(t, frame_whole, "Practice") ||
	    !(pick = letter_of(t, "Choice seven")))
		return false;
	term_type(t, (char[]){pick, 0});
	if (!term_wait(t, "(*) ") || !term_has(t, ". Choice seven"))
		return false;
	term_key(t, VTERM_KEY_ENTER);
	if (!term_wait(t, "\u2713 Correct."))
		return false;
	/* The verdict and the explanation show at once; the page goes back
	 * up to the stem, page by page, each a new first row. */
	if (!term_wait(t, "of the container.") ||
	    !term_wait_until(t, frame_whole, "Practice"))
		return false;
	for (guard = 0; guard < 4 && !term_has(t, "Question 1 of 1"); guard++) {
		char top[1024];

		term_row(t, 1, top, sizeof top);
		term_key(t, VTERM_KEY_PAGEUP);
		if (!term_wait_row_not(t, 1, top))
			return false;
	}
	return term_has(t, "After docker run -p 8080:80 nginx") &&
	       term_wait_until(t, frame_whole, "Practice");
}

static void test_eight_choices_at_60x20(struct term *t)
{
	int row;

	CHECK(t, start(t, 20, 60, EIGHT));
	CHECK(t, term_wait(t, "Many Ports"));
	CHECK(t, eight_in_practice(t));
	term_type(t, "qq");
	CHECK(t, term_wait(t, "0 of 1 lessons read"));
	/* The exam. */
	CHECK(t, open_entry(t, "a timed practice exam"));
	CHECK(t, term_wait(t, "1 question \u00b7 10 minutes"));
	term_click(t, term_find(t, "Eight Choice Exam", 1), 6);
	CHECK(t, term_wait(t, "1 question in 10 minutes"));
	term_type(t, "y");
	/* The footer says which letters take Shift, and the way to the end. */
	CHECK(t, footer_has(t, "A-H answer, Shift for E-G  [/] question  "
	                    "r review"));
	CHECK(t, term_wait_until(t, frame_whole, "Question 1/1"));
	/* e and g are commands: each says what Shift does instead. */
	term_type(t, "e");
	CHECK(t, footer_has(t, "e types typed answers; Shift-E chooses E"));
	term_type(t, "g");
	CHECK(t, footer_has(t, "Go to question (Esc: back; Shift-G chooses G):"));
	term_key(t, VTERM_KEY_ESCAPE);
	CHECK(t, footer_has(t, "Shift for E-G"));
	term_type(t, "G");
	CHECK(t, term_wait(t, "(*) G. Choice seven"));
	CHECK(t, nav_cell(t, 1, "\u25cf"));
	term_type(t, "f");
	CHECK(t, footer_has(t, "Question 1 flagged for review; Shift-F chooses F"));
	/* The last choice comes into view under the navigator and the rule. */
	term_type(t, "j");
	CHECK(t, term_wait(t, "( ) H. Choice eight"));
	CHECK(t, term_wait_row_has(t, 2, "1 of 1 answered, 1 flagged"));
	CHECK(t, term_wait_until(t, frame_whole, "Question 1/1"));
	row = term_find(t, "( ) H. Choice eight", 3);
	CHECK(t, row > 2 && row < t->rows - 2);
	/* `?` says it too, wrapped under the text column. */
	term_type(t, "?");
	CHECK(t, term_wait_row_has(t, 1, "Exam"));
	term_type(t, " ");
	CHECK(t, term_wait(t, "Exam: answering"));
	CHECK(t, term_wait(t, "need Shift"));
	CHECK(t, column_on_screen(t, "Choose that answer") == 26);
	CHECK(t, term_find(t, "need Shift", 0) ==
	         term_find(t, "Choose that answer", 0) + 1);
}

/* ---- the table ----------------------------------------------------------------- */

const struct uitest flow_tests[] = {
#define T(name, slow) {#name, test_##name, slow}
	T(practice_whole_session, false),
	T(practice_menu_sources, false),
	T(exam_flag_jump_review_submit, false),
	T(exam_resumes_after_leaving, false),
	T(exam_domc_one_option_at_a_time, false),
	T(exam_expired_while_away, false),
	T(exam_submits_itself_at_zero, true),
	T(eight_choices_at_60x20, false),
#undef T
};

const size_t n_flow_tests = sizeof flow_tests / sizeof flow_tests[0];
