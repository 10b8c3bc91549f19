/* What the commands built on the app layer share: opening the app from the
 * global options, printing content problems, plain text output, line input
 * with a deadline, prompts, and JSON and CSV escaping. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "dockertutor/text.h"
#include "cli_int.h"

#define TEXT_WIDTH_DEFAULT 78
#define TEXT_WIDTH_MAX 120

void cli_print_diag(FILE *f, const struct course_diag *d, bool color)
{
	bool error = d->severity == COURSE_ERROR;

	if (color)
		fputs("\033[1m", f);
	cli_put_safe(f, d->file);
	if (d->line > 0)
		fprintf(f, ":%d:%d", d->line, d->col);
	fputs(color ? ":\033[0m " : ": ", f);
	if (color)
		fputs(error ? "\033[1;31m" : "\033[1;35m", f);
	fputs(error ? "error:" : "warning:", f);
	fputs(color ? "\033[0m " : " ", f);
	cli_put_safe(f, d->msg);
	fputc('\n', f);
}

void cli_print_diags(const struct course_diags *diags, bool with_warnings)
{
	size_t i;

	for (i = 0; i < diags->n; i++)
		if (diags->items[i].severity == COURSE_ERROR || with_warnings)
			cli_print_diag(stderr, &diags->items[i], false);
}

/* $DOCKERTUTOR_NOW (Unix seconds) stops the clock, for tests and demos. */
static int64_t fixed_now;

static int64_t fixed_clock(void *arg)
{
	(void)arg;
	return fixed_now;
}

static bool clock_from_env(struct app_options *o)
{
	const char *s = getenv("DOCKERTUTOR_NOW");
	char *end;
	long long v;

	if (!s || !*s)
		return true;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < 0) {
		cli_errorf("DOCKERTUTOR_NOW must be a time in Unix seconds, not '%s'",
		           s);
		return false;
	}
	fixed_now = (int64_t)v;
	o->clock = fixed_clock;
	return true;
}

int cli_app_open(const struct cli_ctx *ctx, struct app **out)
{
	struct app_options o = {0};
	struct course_diags diags;
	struct dt_error err;
	char dir[4096];
	enum dt_status rc;

	*out = NULL;
	dt_error_clear(&err);
	if (!clock_from_env(&o))
		return CLI_USAGE;
	if (!cli_find_content(ctx, dir, sizeof dir, &err)) {
		cli_print_error(&err);
		return CLI_FAIL;
	}
	o.content_dir = dir;
	o.db_path = ctx->db_path;
	o.learner = ctx->learner;
	/* A database named on purpose (--db, $DOCKERTUTOR_DB) is usually a
	 * classroom's: created so the members of its group can write it. */
	if (ctx->db_path)
		o.store_flags |= STORE_SHARED;
	course_diags_init(&diags);
	rc = app_open(&o, out, &diags, &err);
	if (rc != DT_OK && diags.n_errors) {
		cli_print_diags(&diags, false);
		cli_errorf("cannot open the course: %zu error%s; 'dockertutor check "
		           "%s' lists every problem", diags.n_errors,
		           diags.n_errors == 1 ? "" : "s", dir);
	} else if (rc != DT_OK) {
		cli_print_error(&err);
	}
	course_diags_fini(&diags);
	return rc == DT_OK ? CLI_OK : CLI_FAIL;
}

int cli_text_width(void)
{
	struct winsize ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 40)
		return ws.ws_col > TEXT_WIDTH_MAX ? TEXT_WIDTH_MAX : ws.ws_col;
	return TEXT_WIDTH_DEFAULT;
}

/* Prints the lines of text (blank lines at either end dropped: they
 * belong to the layout around), indenting all but empty ones. */
static void print_lines(FILE *f, char *text, size_t len, const char *indent,
                        const char *first)
{
	const char *line = text;

	while (len && text[len - 1] == '\n')
		len--;
	text[len] = '\0';
	while (*line == '\n')
		line++;
	for (; line && *line; first = NULL) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);

		if (n)
			fputs(first ? first : indent, f);
		fwrite(line, 1, n, f);
		fputc('\n', f);
		line = nl ? nl + 1 : NULL;
	}
}

void cli_print_text(FILE *f, const char *md, const char *indent,
                    const char *first)
{
	struct text_options opts = { 0, false };
	struct text_doc *doc = NULL;
	struct dt_error err;
	struct dt_buf plain;
	int width = cli_text_width() - (int)strlen(indent);

	opts.width = width < 20 ? 20 : width;
	dt_buf_init(&plain);
	if (text_render(md, strlen(md), &opts, &doc, &err) == DT_OK &&
	    text_doc_to_plain(doc, &plain) && plain.data) {
		print_lines(f, plain.data, plain.len, indent, first);
	} else {
		/* Out of memory: the raw text, cleaned, beats nothing. */
		fputs(first ? first : indent, f);
		cli_put_safe(f, md);
		fputc('\n', f);
	}
	text_doc_free(doc);
	dt_buf_fini(&plain);
}

void cli_input_init(struct cli_input *in, int fd)
{
	memset(in, 0, sizeof *in);
	in->fd = fd;
}

/* Takes the first n bytes of the buffer as a line (dropping a CR before the
 * newline) and removes them and the newline. */
static enum cli_read take_line(struct cli_input *in, size_t n, bool newline,
                               char line[CLI_MAX_LINE + 1])
{
	size_t keep = n;
	bool was_skipping = in->skipping;

	if (keep && in->buf[keep - 1] == '\r')
		keep--;
	memcpy(line, in->buf, keep);
	line[keep] = '\0';
	n += newline;
	memmove(in->buf, in->buf + n, in->len - n);
	in->len -= n;
	in->skipping = false;
	return was_skipping ? CLI_READ_LONG : CLI_READ_LINE;
}

/* Waits for input; false on timeout. */
static bool wait_input(const struct cli_input *in, int timeout_ms)
{
	struct pollfd p = { in->fd, POLLIN, 0 };

	for (;;) {
		int r = poll(&p, 1, timeout_ms);

		if (r >= 0)
			return r > 0;
		if (errno != EINTR)
			return true;    /* let read() report it */
	}
}

enum cli_read cli_read_line(struct cli_input *in, int timeout_ms,
                            char line[CLI_MAX_LINE + 1])
{
	for (;;) {
		char *nl = memchr(in->buf, '\n', in->len);
		ssize_t got;

		if (nl)
			return take_line(in, (size_t)(nl - in->buf), true, line);
		if (in->eof && (in->len || in->skipping))
			return take_line(in, in->len, false, line);
		if (in->eof)
			return CLI_READ_EOF;
		if (in->len == CLI_MAX_LINE) {  /* too long: keep skipping it */
			in->len = 0;
			in->skipping = true;
		}
		if (!wait_input(in, timeout_ms))
			return CLI_READ_TIMEOUT;
		got = read(in->fd, in->buf + in->len, CLI_MAX_LINE - in->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			in->eof = true;
		else
			in->len += (size_t)got;
	}
}

void cli_prompt(const char *fmt, ...)
{
	char text[512];
	size_t len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (n < 0)
		dt_strlcpy(text, "> ", sizeof text);
	len = strlen(text);
	if (!isatty(STDIN_FILENO)) {
		while (len && text[len - 1] == ' ')
			len--;
		if (len == sizeof text - 1)
			len--;                  /* a cut prompt still ends its line */
		text[len++] = '\n';
		text[len] = '\0';
	}
	/* Prompts quote titles and names: sanitised like every other text. */
	cli_put_safe(stdout, text);
	fflush(stdout);
}

bool cli_confirm(struct cli_input *in, const char *question, int timeout_ms)
{
	char line[CLI_MAX_LINE + 1];

	cli_prompt("%s [y/N]: ", question);
	if (cli_read_line(in, timeout_ms, line) != CLI_READ_LINE)
		return false;
	return dt_strcasecmp(line, "y") == 0 || dt_strcasecmp(line, "yes") == 0;
}

void cli_format_duration(char *out, size_t size, int64_t s)
{
	int64_t h = s / 3600, m = s / 60 % 60, sec = s % 60;
	bool ok;

	if (s < 0)
		h = m = sec = 0;
	if (h && m)
		ok = dt_snprintf(out, size, "%" PRId64 "h %02" PRId64 "m", h, m);
	else if (h)
		ok = dt_snprintf(out, size, "%" PRId64 "h", h);
	else if (m && sec)
		ok = dt_snprintf(out, size, "%" PRId64 "m %02" PRId64 "s", m, sec);
	else if (m)
		ok = dt_snprintf(out, size, "%" PRId64 "m", m);
	else
		ok = dt_snprintf(out, size, "%" PRId64 "s", sec);
	if (!ok)
		dt_strlcpy(out, "?", size);
}

void cli_format_time(char *out, size_t size, int64_t unix_seconds)
{
	time_t t = (time_t)unix_seconds;
	struct tm tm;

	if (unix_seconds == 0 || !localtime_r(&t, &tm) ||
	    strftime(out, size, "%Y-%m-%d %H:%M", &tm) == 0)
		dt_strlcpy(out, "-", size);
}

const char *cli_lesson_title(const struct course *course, const char *id)
{
	const struct course_lesson *l;

	if (!id || !*id)
		return "(no lesson)";
	l = course_find_lesson(course, id);
	return l && l->title ? l->title : id;
}

void cli_json_str(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");

	if (!s) {
		fputs("null", f);
		return;
	}
	fputc('"', f);
	for (; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '\r': fputs("\\r", f); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

void cli_json_num(FILE *f, double v)
{
	if (isnan(v) || isinf(v))
		fputs("null", f);
	else if (v == floor(v) && fabs(v) < 1e15)
		fprintf(f, "%.0f", v);
	else
		fprintf(f, "%.4f", v);
}

void cli_csv_field(FILE *f, const char *s)
{
	if (!s)
		s = "";
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

bool cli_flush_ok(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return true;
	cli_errorf("cannot write the output: %s", strerror(errno));
	return false;
}

bool cli_parse_number(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned d;

		if (*s < '0' || *s > '9')
			return false;
		d = (unsigned)(*s - '0');
		if (v > max / 10 || d > max - v * 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

int cli_with_app(const struct cli_ctx *ctx, cli_app_fn *fn, const void *opts)
{
	struct app *app;
	int status = cli_app_open(ctx, &app);

	if (status != CLI_OK)
		return status;
	status = fn(app, opts);
	app_close(app);
	if (status == CLI_OK && !cli_flush_ok())
		status = CLI_FAIL;
	return status;
}

void cli_put_cell(FILE *f, const char *s, int width)
{
	char *clean = dt_sanitize(s, strlen(s), false);
	size_t w;

	if (!clean) {
		fputs("?", f);
		w = 1;
	} else {
		fputs(clean, f);
		w = dt_utf8_width(clean, strlen(clean));
		dt_free(clean);
	}
	for (; width > 0 && w < (size_t)width; w++)
		fputc(' ', f);
}
