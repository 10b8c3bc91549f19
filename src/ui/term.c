/* The terminal around the UI: signal flags, the size after SIGWINCH, and
 * restoring the terminal after a crash.
 *
 * Design: handlers only set flags, which the event loop reads every turn
 * (its wait is bounded, so a flag is seen within one timeout).  INT, TERM,
 * HUP and QUIT end the loop, which then saves and calls endwin.  SEGV,
 * ABRT, BUS, FPE and ILL cannot wait for the loop and endwin is not
 * async-signal-safe, so their handler writes reset sequences computed from
 * terminfo at start-up (leave the alternate screen, attributes off, cursor
 * on, keypad and mouse off), puts the saved termios back with tcsetattr
 * (which is async-signal-safe), and re-raises with the default action so
 * the crash still produces its status and core.  Our SIGWINCH handler is
 * installed before initscr, so ncurses leaves it alone and the loop calls
 * resizeterm itself. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "ui_int.h"
/* Last: it defines terminfo names such as "lines" as macros. */
#include <term.h>

static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t resized;

static struct termios saved_tios;
static bool have_tios;
static char reset_seq[512];
static size_t reset_len;

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static const int crash_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};
#define N_STOP (sizeof stop_signals / sizeof stop_signals[0])
#define N_CRASH (sizeof crash_signals / sizeof crash_signals[0])

static struct sigaction old_stop[N_STOP], old_crash[N_CRASH], old_winch;
static struct sigaction held_int, held_quit;

static void on_stop(int sig)
{
	stop_signal = sig;
}

static void on_winch(int sig)
{
	(void)sig;
	resized = 1;
}

static void on_crash(int sig)
{
	int saved = errno;
	ssize_t w;

	if (reset_len)
		w = write(STDOUT_FILENO, reset_seq, reset_len);
	(void)w;
	if (have_tios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tios);
	signal(sig, SIG_DFL);
	errno = saved;
	raise(sig);
}

static void install(int sig, void (*fn)(int), struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes the loop's wait at once. */
	sa.sa_flags = fn == on_crash ? (int)SA_NODEFER : 0;
	sigaction(sig, &sa, old);
}

void ui_term_install(void)
{
	size_t i;

	stop_signal = 0;
	resized = 0;
	have_tios = tcgetattr(STDIN_FILENO, &saved_tios) == 0;
	for (i = 0; i < N_STOP; i++)
		install(stop_signals[i], on_stop, &old_stop[i]);
	for (i = 0; i < N_CRASH; i++)
		install(crash_signals[i], on_crash, &old_crash[i]);
	install(SIGWINCH, on_winch, &old_winch);
}

void ui_term_uninstall(void)
{
	size_t i;

	for (i = 0; i < N_STOP; i++)
		sigaction(stop_signals[i], &old_stop[i], NULL);
	for (i = 0; i < N_CRASH; i++)
		sigaction(crash_signals[i], &old_crash[i], NULL);
	sigaction(SIGWINCH, &old_winch, NULL);
	reset_len = 0;
}

void ui_term_hold_signals(bool hold)
{
	struct sigaction ign;

	if (!hold) {
		sigaction(SIGINT, &held_int, NULL);
		sigaction(SIGQUIT, &held_quit, NULL);
		return;
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &held_int);
	sigaction(SIGQUIT, &ign, &held_quit);
}

static void add_cap(const char *name)
{
	char *s = tigetstr(name);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (reset_len + n < sizeof reset_seq) {
		memcpy(reset_seq + reset_len, s, n);
		reset_len += n;
	}
}

void ui_term_prepare_crash_reset(bool mouse)
{
	/* The same mode curses turned on; xterm's private modes otherwise. */
	static const char mouse_off[] = "\033[?1006l\033[?1000l";
	size_t i;
	static const char *const caps[] = {"sgr0", "cnorm", "rmkx", "rmcup"};

	reset_len = 0;
	if (mouse && reset_len + sizeof mouse_off - 1 < sizeof reset_seq) {
		memcpy(reset_seq, mouse_off, sizeof mouse_off - 1);
		reset_len = sizeof mouse_off - 1;
	}
	for (i = 0; i < sizeof caps / sizeof caps[0]; i++)
		add_cap(caps[i]);
}

int ui_term_take_signal(void)
{
	return (int)stop_signal;
}

bool ui_term_take_resize(int *rows, int *cols)
{
	struct winsize ws;

	if (!resized)
		return false;
	resized = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0)
		return false;
	*rows = ws.ws_row;
	*cols = ws.ws_col;
	return true;
}
