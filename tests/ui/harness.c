/* The headless UI test harness (see harness.h): openpty + fork + exec of
 * the real binary, libvterm as the terminal, the screen read back as text.
 * openpty rather than forkpty so that the parent keeps the slave side open
 * and can read the terminal mode the program leaves behind. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>

#include "harness.h"

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Replies of the terminal (key encodings, answers to queries) go to the
 * program. */
static void on_output(const char *s, size_t len, void *user)
{
	struct term *t = user;

	while (len > 0) {
		ssize_t w = write(t->master, s, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		len -= (size_t)w;
	}
}

static int on_prop(VTermProp prop, VTermValue *val, void *user)
{
	struct term *t = user;

	switch (prop) {
	case VTERM_PROP_ALTSCREEN: t->altscreen = val->boolean; break;
	case VTERM_PROP_CURSORVISIBLE: t->cursor_visible = val->boolean; break;
	case VTERM_PROP_MOUSE: t->mouse = val->number; break;
	default: break;
	}
	return 1;
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = on_prop,
};

static void child(const struct term *t, const struct term_opts *o)
{
	static char env[TERM_MAX_ENV][600];
	char *envp[TERM_MAX_ENV + 1], *argv[TERM_MAX_ARGS + 4];
	const char *bin = getenv("DT_BIN");
	const char *lang = o->lang ? o->lang : "C.UTF-8";
	struct rlimit no_core = {0, 0};
	int n = 0;

	(void)t;
	setrlimit(RLIMIT_CORE, &no_core);     /* the crash test dumps no core */
	snprintf(env[n++], sizeof env[0], "TERM=%s", o->term ? o->term : "xterm-256color");
	snprintf(env[n++], sizeof env[0], "LANG=%s", lang);
	snprintf(env[n++], sizeof env[0], "LC_ALL=%s", lang);
	snprintf(env[n++], sizeof env[0], "HOME=%s", o->data_home ? o->data_home : "/nonexistent");
	snprintf(env[n++], sizeof env[0], "XDG_DATA_HOME=%s", o->data_home ? o->data_home : "/nonexistent");
	snprintf(env[n++], sizeof env[0], "PATH=/usr/bin:/bin");
	if (o->no_color)
		snprintf(env[n++], sizeof env[0], "NO_COLOR=1");
	for (int i = 0; o->env && o->env[i] && n < TERM_MAX_ENV; i++)
		snprintf(env[n++], sizeof env[0], "%s", o->env[i]);
	for (int i = 0; i < n; i++)
		envp[i] = env[i];
	envp[n] = NULL;
	argv[0] = (char *)bin;
	n = 1;
	if (o->content) {
		argv[n++] = "--content";
		argv[n++] = (char *)o->content;
	}
	for (int i = 0; o->args && o->args[i] && i < TERM_MAX_ARGS; i++)
		argv[n++] = (char *)o->args[i];
	argv[n] = NULL;
	execve(bin, argv, envp);
	fprintf(stderr, "exec %s: %s\n", bin, strerror(errno));
	_exit(127);
}

bool term_spawn(struct term *t, const struct term_opts *o)
{
	struct winsize ws = {(unsigned short)o->rows, (unsigned short)o->cols, 0, 0};
	const char *bin = getenv("DT_BIN");

	memset(t, 0, sizeof *t);
	t->rows = o->rows;
	t->cols = o->cols;
	t->cursor_visible = true;
	if (!bin || !*bin) {
		fprintf(stderr, "harness: DT_BIN is not set\n");
		return false;
	}
	if (openpty(&t->master, &t->slave, NULL, NULL, &ws) != 0) {
		perror("harness: openpty");
		return false;
	}
	tcgetattr(t->slave, &t->initial);
	t->vt = vterm_new(o->rows, o->cols);
	vterm_set_utf8(t->vt, 1);
	vterm_output_set_callback(t->vt, on_output, t);
	t->screen = vterm_obtain_screen(t->vt);
	vterm_screen_enable_altscreen(t->screen, 1);
	vterm_screen_set_callbacks(t->screen, &screen_callbacks, t);
	vterm_screen_reset(t->screen, 1);
	t->pid = fork();
	if (t->pid < 0) {
		perror("harness: fork");
		return false;
	}
	if (t->pid == 0) {
		close(t->master);
		if (login_tty(t->slave) != 0)
			_exit(126);
		child(t, o);
	}
	fcntl(t->master, F_SETFL, fcntl(t->master, F_GETFL) | O_NONBLOCK);
	return true;
}

void term_close(struct term *t)
{
	if (t->pid > 0 && !t->exited) {
		kill(t->pid, SIGKILL);
		waitpid(t->pid, &t->status, 0);
		t->exited = true;
	}
	if (t->vt)
		vterm_free(t->vt);
	if (t->master > 0)
		close(t->master);
	if (t->slave > 0)
		close(t->slave);
	t->vt = NULL;
	t->master = t->slave = -1;
}

void term_pump(struct term *t, int ms)
{
	long long end = now_ms() + ms;

	for (;;) {
		struct pollfd p = {t->master, POLLIN, 0};
		long long left = end - now_ms();
		char buf[8192];
		ssize_t n;

		if (poll(&p, 1, left > 0 ? (int)left : 0) <= 0)
			return;
		n = read(t->master, buf, sizeof buf);
		if (n <= 0)
			return;
		vterm_input_write(t->vt, buf, (size_t)n);
		ms = 0;                    /* after data: drain what is there, return */
		end = now_ms() + 5;
	}
}

const char *term_row(struct term *t, int r, char *buf, size_t size)
{
	VTermRect rect = {r, r + 1, 0, t->cols};
	size_t n = vterm_screen_get_text(t->screen, buf, size - 1, rect);

	buf[n] = '\0';
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	return buf;
}

int term_find(struct term *t, const char *text, int from)
{
	char row[2048];
	int r;

	for (r = from < 0 ? 0 : from; r < t->rows; r++)
		if (strstr(term_row(t, r, row, sizeof row), text))
			return r;
	return -1;
}

bool term_has(struct term *t, const char *text)
{
	return term_find(t, text, 0) >= 0;
}

/* Waits until pred holds, pumping output; the cap is TERM_WAIT_MS. */
static bool wait_for(struct term *t, bool (*pred)(struct term *, int, const char *),
                     int r, const char *text)
{
	long long end = now_ms() + TERM_WAIT_MS;

	term_pump(t, 0);
	while (!pred(t, r, text)) {
		if (now_ms() > end)
			return false;
		term_pump(t, 50);
	}
	return true;
}

static bool p_has(struct term *t, int r, const char *text)
{
	(void)r;
	return term_has(t, text);
}

static bool p_gone(struct term *t, int r, const char *text)
{
	(void)r;
	return !term_has(t, text);
}

static bool p_row(struct term *t, int r, const char *text)
{
	char row[2048];

	return strcmp(term_row(t, r, row, sizeof row), text) == 0;
}

static bool p_row_has(struct term *t, int r, const char *text)
{
	char row[2048];

	return strstr(term_row(t, r, row, sizeof row), text) != NULL;
}

static bool p_row_not(struct term *t, int r, const char *text)
{
	return !p_row(t, r, text);
}

bool term_wait(struct term *t, const char *text) { return wait_for(t, p_has, 0, text); }
bool term_wait_gone(struct term *t, const char *text) { return wait_for(t, p_gone, 0, text); }
bool term_wait_row(struct term *t, int r, const char *text) { return wait_for(t, p_row, r, text); }
bool term_wait_row_has(struct term *t, int r, const char *text) { return wait_for(t, p_row_has, r, text); }
bool term_wait_row_not(struct term *t, int r, const char *text) { return wait_for(t, p_row_not, r, text); }

bool term_wait_for(struct term *t, const char *text, int ms)
{
	long long end = now_ms() + ms;

	term_pump(t, 0);
	while (!term_has(t, text)) {
		if (now_ms() > end)
			return false;
		term_pump(t, 50);
	}
	return true;
}

bool term_wait_until(struct term *t, bool (*pred)(struct term *t, const void *arg),
                     const void *arg)
{
	long long end = now_ms() + TERM_WAIT_MS;

	term_pump(t, 0);
	while (!pred(t, arg)) {
		if (now_ms() > end)
			return false;
		term_pump(t, 50);
	}
	return true;
}

void term_key(struct term *t, VTermKey key)
{
	vterm_keyboard_key(t->vt, key, VTERM_MOD_NONE);
}

void term_type(struct term *t, const char *s)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		uint32_t cp = c;
		int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

		if (extra)
			cp = c & (0x3F >> extra);
		for (s++; extra > 0 && *s; extra--, s++)
			cp = cp << 6 | ((unsigned char)*s & 0x3F);
		vterm_keyboard_unichar(t->vt, cp, VTERM_MOD_NONE);
	}
}

void term_ctrl(struct term *t, char c)
{
	vterm_keyboard_unichar(t->vt, (uint32_t)c, VTERM_MOD_CTRL);
}

void term_click(struct term *t, int row, int col)
{
	vterm_mouse_move(t->vt, row, col, VTERM_MOD_NONE);
	vterm_mouse_button(t->vt, 1, true, VTERM_MOD_NONE);
	vterm_mouse_button(t->vt, 1, false, VTERM_MOD_NONE);
}

void term_wheel(struct term *t, int row, int col, bool down)
{
	vterm_mouse_move(t->vt, row, col, VTERM_MOD_NONE);
	vterm_mouse_button(t->vt, down ? 5 : 4, true, VTERM_MOD_NONE);
}

void term_resize(struct term *t, int rows, int cols)
{
	struct winsize ws = {(unsigned short)rows, (unsigned short)cols, 0, 0};

	t->rows = rows;
	t->cols = cols;
	vterm_set_size(t->vt, rows, cols);
	ioctl(t->master, TIOCSWINSZ, &ws);
}

void term_signal(struct term *t, int sig)
{
	kill(t->pid, sig);
}

bool term_wait_exit(struct term *t)
{
	long long end = now_ms() + TERM_WAIT_MS;

	while (!t->exited) {
		pid_t w = waitpid(t->pid, &t->status, WNOHANG);

		if (w == t->pid) {
			t->exited = true;
			break;
		}
		if (now_ms() > end)
			return false;
		term_pump(t, 20);
	}
	term_pump(t, 0);
	return true;
}

bool term_termios(const struct term *t, struct termios *out)
{
	return tcgetattr(t->slave, out) == 0;
}

bool term_cell(struct term *t, int r, int c, VTermScreenCell *cell)
{
	VTermPos pos = {r, c};

	return vterm_screen_get_cell(t->screen, pos, cell) != 0;
}

void term_dump(struct term *t)
{
	char row[2048];
	int r;

	fprintf(stderr, "    +%.*s+\n", t->cols, "------------------------------------------------------------------------------------------------------------------------------------------------------");
	for (r = 0; r < t->rows; r++)
		fprintf(stderr, "    |%s\n", term_row(t, r, row, sizeof row));
	fprintf(stderr, "    +--- altscreen %d, cursor %s\n", t->altscreen,
	        t->cursor_visible ? "visible" : "hidden");
}
