/* ShellCheck on RUN scripts, as hadolint does it: every shell-form RUN
 * (heredoc bodies included) of a POSIX stage goes to shellcheck with its
 * stage's shell and the ARG and ENV names known at that point, and each
 * comment comes back as an SCnnnn finding at the RUN's line.
 *
 * Design: one shellcheck process per Dockerfile, started with
 * posix_spawn and an argv (no shell), its output read through a pipe with
 * poll() against a deadline and a byte cap.  Each script is written to its
 * own file in a private temporary folder (mkdtemp, mode 0600) and all files
 * are named on one command line; each starts with a #! line for its shell
 * and `export NAME=1` lines for the known names it uses (hadolint's
 * prelude, which exports all of them), and comments on those prelude lines
 * are dropped.  Rejected: one script made
 * of all RUNs on standard input.  ShellCheck would then read every RUN with
 * one shell although SHELL may change it per stage, an `exit` in one RUN
 * makes all later ones "unreachable" (SC2317), a variable set in one RUN
 * hides SC2154 in the next, and an unclosed quote in one RUN ends the
 * checks of all the others.  The json1 output is read by a small bounded
 * JSON reader (lint_shellcheck_parse). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rules.h"

extern char **environ;

#define SC_PROGRAM      "shellcheck"
#define SC_TIMEOUT_MS   60000          /* one shellcheck run */
#define SC_MAX_SCRIPTS  4096           /* scripts per run; later RUNs unchecked */
#define SC_MAX_NAMES    512            /* ARG/ENV names looked at per script */
#define SC_MAX_INPUT    (32u * 1024u * 1024u) /* bytes of scripts per run */

/* ---- finding the program ------------------------------------------------- */

/* Looks prog up in PATH like execvp; true with the path in out. */
static bool find_program(const char *prog, char *out, size_t size)
{
	const char *path = getenv("PATH");
	struct stat st;

	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");

		if (n == 0) {
			if (dt_snprintf(out, size, "./%s", prog) &&
			    stat(out, &st) == 0 && S_ISREG(st.st_mode) &&
			    access(out, X_OK) == 0)
				return true;
		} else if (dt_snprintf(out, size, "%.*s/%s", (int)n, path, prog) &&
		           stat(out, &st) == 0 && S_ISREG(st.st_mode) &&
		           access(out, X_OK) == 0) {
			return true;
		}
		path += n;
		if (*path == ':')
			path++;
	}
	return false;
}

bool lint_shellcheck_available(void)
{
	char buf[PATH_MAX];

	return find_program(SC_PROGRAM, buf, sizeof buf);
}

/* ---- the JSON reader -------------------------------------------------- */

struct jp {
	const char *s;
	size_t i, n;
	struct dt_arena *arena;
	struct dt_error *err;
	enum dt_status rc;
};

static bool jp_fail(struct jp *p, enum dt_status code, const char *what)
{
	if (p->rc == DT_OK)
		p->rc = dt_error_set(p->err, code, "shellcheck", 1, (int)p->i + 1,
		                     "%s at byte %zu of the output", what, p->i + 1);
	return false;
}

static void jp_ws(struct jp *p)
{
	while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]) && p->s[p->i])
		p->i++;
}

static bool jp_expect(struct jp *p, char c)
{
	jp_ws(p);
	if (p->i < p->n && p->s[p->i] == c) {
		p->i++;
		return true;
	}
	return false;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool jp_hex4(struct jp *p, unsigned *v)
{
	size_t k;

	*v = 0;
	if (p->n - p->i < 4)
		return jp_fail(p, DT_ERR_SYNTAX, "truncated \\u escape");
	for (k = 0; k < 4; k++) {
		int h = hexval(p->s[p->i + k]);

		if (h < 0)
			return jp_fail(p, DT_ERR_SYNTAX, "invalid \\u escape");
		*v = *v * 16 + (unsigned)h;
	}
	p->i += 4;
	return true;
}

static void put_utf8(struct dt_buf *b, unsigned cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	dt_buf_append(b, u, n);
}

/* \uD83D\uDE00 pairs become one code point; a lone surrogate U+FFFD. */
static bool jp_unicode(struct jp *p, struct dt_buf *b)
{
	unsigned cp, lo;

	if (!jp_hex4(p, &cp))
		return false;
	if (cp >= 0xD800 && cp < 0xDC00 && p->n - p->i >= 6 &&
	    p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
		p->i += 2;
		if (!jp_hex4(p, &lo))
			return false;
		if (lo >= 0xDC00 && lo < 0xE000) {
			put_utf8(b, 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00));
			return true;
		}
		put_utf8(b, 0xFFFD);
		cp = lo;
	}
	put_utf8(b, cp >= 0xD800 && cp < 0xE000 ? 0xFFFD : cp);
	return true;
}

static bool jp_escape(struct jp *p, struct dt_buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *e;

	if (p->i >= p->n)
		return jp_fail(p, DT_ERR_SYNTAX, "unterminated string");
	if (p->s[p->i] == 'u') {
		p->i++;
		return jp_unicode(p, b);
	}
	if (!p->s[p->i] || !(e = strchr(from, p->s[p->i])))
		return jp_fail(p, DT_ERR_SYNTAX, "invalid escape");
	dt_buf_putc(b, to[e - from]);
	p->i++;
	return true;
}

/* A string; *out (when out is not NULL) is a copy in the arena. */
static bool jp_string(struct jp *p, const char **out)
{
	struct dt_buf b;
	bool ok = true;

	if (!jp_expect(p, '"'))
		return jp_fail(p, DT_ERR_SYNTAX, "expected a string");
	dt_buf_init(&b);
	while (ok) {
		size_t run = p->i;

		while (run < p->n && p->s[run] != '"' && p->s[run] != '\\' &&
		       (unsigned char)p->s[run] >= 0x20)
			run++;
		if (out)
			dt_buf_append(&b, p->s + p->i, run - p->i);
		p->i = run;
		if (p->i >= p->n || (unsigned char)p->s[p->i] < 0x20) {
			ok = jp_fail(p, DT_ERR_SYNTAX, p->i >= p->n ? "unterminated string"
			                                            : "control character in a string");
		} else if (p->s[p->i++] == '"') {
			break;
		} else {
			ok = jp_escape(p, &b);
		}
	}
	if (ok && out && !(*out = dt_arena_strndup(p->arena, b.data ? b.data : "", b.len)))
		ok = jp_fail(p, DT_ERR_NOMEM, "out of memory");
	if (ok && b.failed)
		ok = jp_fail(p, DT_ERR_NOMEM, "out of memory");
	dt_buf_fini(&b);
	return ok;
}

/* A number; its integer part, clamped to INT_MAX, in *out. */
static bool jp_number(struct jp *p, long *out)
{
	long v = 0;
	bool neg = false;

	jp_ws(p);
	if (p->i < p->n && p->s[p->i] == '-') {
		neg = true;
		p->i++;
	}
	if (p->i >= p->n || p->s[p->i] < '0' || p->s[p->i] > '9')
		return jp_fail(p, DT_ERR_SYNTAX, "expected a number");
	if (p->s[p->i] == '0' && p->i + 1 < p->n && p->s[p->i + 1] >= '0' &&
	    p->s[p->i + 1] <= '9')
		return jp_fail(p, DT_ERR_SYNTAX, "leading zero in a number");
	for (; p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9'; p->i++)
		if (v < INT_MAX)
			v = v * 10 + (p->s[p->i] - '0');
	if (p->i < p->n && p->s[p->i] == '.') {
		size_t d = ++p->i;

		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
		if (p->i == d)
			return jp_fail(p, DT_ERR_SYNTAX, "expected digits after '.'");
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		size_t d;

		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		d = p->i;
		while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
			p->i++;
		if (p->i == d)
			return jp_fail(p, DT_ERR_SYNTAX, "expected an exponent");
	}
	if (out)
		*out = neg ? -(v > INT_MAX ? INT_MAX : v) : (v > INT_MAX ? INT_MAX : v);
	return true;
}

static bool jp_value(struct jp *p, unsigned depth);

/* The members of an object or the items of an array, each handed to
 * item (which reads the value); key is NULL for arrays. */
typedef bool jp_item_fn(struct jp *p, const char *key, unsigned depth, void *ud);

static bool jp_container(struct jp *p, bool object, unsigned depth,
                         jp_item_fn *item, void *ud)
{
	char close = object ? '}' : ']';

	if (depth > LINT_SC_MAX_DEPTH)
		return jp_fail(p, DT_ERR_LIMIT, "JSON nested too deeply");
	if (!jp_expect(p, object ? '{' : '['))
		return jp_fail(p, DT_ERR_SYNTAX, object ? "expected '{'" : "expected '['");
	if (jp_expect(p, close))
		return true;
	for (;;) {
		const char *key = NULL;

		if (object && (!jp_string(p, &key) || !jp_expect(p, ':')))
			return p->rc != DT_OK ? false : jp_fail(p, DT_ERR_SYNTAX, "expected ':'");
		if (!item(p, key, depth + 1, ud))
			return false;
		if (jp_expect(p, close))
			return true;
		if (!jp_expect(p, ','))
			return jp_fail(p, DT_ERR_SYNTAX, "expected ',' or a closing bracket");
	}
}

static bool skip_item(struct jp *p, const char *key, unsigned depth, void *ud)
{
	(void)key;
	(void)ud;
	return jp_value(p, depth);
}

static bool jp_word(struct jp *p, const char *w)
{
	size_t n = strlen(w);

	if (p->n - p->i >= n && strncmp(p->s + p->i, w, n) == 0) {
		p->i += n;
		return true;
	}
	return jp_fail(p, DT_ERR_SYNTAX, "invalid value");
}

/* Any value, read and dropped. */
static bool jp_value(struct jp *p, unsigned depth)
{
	jp_ws(p);
	if (p->i >= p->n)
		return jp_fail(p, DT_ERR_SYNTAX, "unexpected end of the output");
	switch (p->s[p->i]) {
	case '{': return jp_container(p, true, depth, skip_item, NULL);
	case '[': return jp_container(p, false, depth, skip_item, NULL);
	case '"': return jp_string(p, NULL);
	case 't': return jp_word(p, "true");
	case 'f': return jp_word(p, "false");
	case 'n': return jp_word(p, "null");
	default:  return jp_number(p, NULL);
	}
}

/* One comment being read, and the list it goes into. */
struct sc_list {
	struct lint_sc_comment *items;
	size_t n, cap;
	struct lint_sc_comment cur;
	long line, col, code;
	const char *level;
};

static enum lint_severity level_severity(const char *level)
{
	static const char *const names[] = {"error", "warning", "info", "style"};
	size_t i;

	for (i = 0; level && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(level, names[i]) == 0)
			return (enum lint_severity)i;   /* same order as the enum */
	return LINT_SEV_INFO;
}

static bool comment_field(struct jp *p, const char *key, unsigned depth, void *ud)
{
	struct sc_list *l = ud;

	if (strcmp(key, "file") == 0)
		return jp_string(p, &l->cur.file);
	if (strcmp(key, "message") == 0)
		return jp_string(p, &l->cur.message);
	if (strcmp(key, "level") == 0)
		return jp_string(p, &l->level);
	if (strcmp(key, "line") == 0)
		return jp_number(p, &l->line);
	if (strcmp(key, "column") == 0)
		return jp_number(p, &l->col);
	if (strcmp(key, "code") == 0)
		return jp_number(p, &l->code);
	return jp_value(p, depth);
}

static bool comment_item(struct jp *p, const char *key, unsigned depth, void *ud)
{
	struct sc_list *l = ud;

	(void)key;
	memset(&l->cur, 0, sizeof l->cur);
	l->line = l->col = l->code = 0;
	l->level = NULL;
	jp_ws(p);
	if (p->i < p->n && p->s[p->i] != '{')
		return jp_value(p, depth);
	if (!jp_container(p, true, depth, comment_field, l))
		return false;
	if (!l->cur.file || l->line <= 0 || l->code <= 0)
		return true;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct lint_sc_comment *v = dt_realloc(l->items, cap * sizeof *v);

		if (!v)
			return jp_fail(p, DT_ERR_NOMEM, "out of memory");
		l->items = v;
		l->cap = cap;
	}
	l->cur.line = (int)l->line;
	l->cur.col = l->col > 0 ? (int)l->col : 1;
	l->cur.code = (int)l->code;
	l->cur.severity = level_severity(l->level);
	if (!l->cur.message)
		l->cur.message = "";
	l->items[l->n++] = l->cur;
	return true;
}

static bool top_member(struct jp *p, const char *key, unsigned depth, void *ud)
{
	jp_ws(p);
	if (strcmp(key, "comments") == 0 && p->i < p->n && p->s[p->i] == '[')
		return jp_container(p, false, depth, comment_item, ud);
	return jp_value(p, depth);
}

enum dt_status lint_shellcheck_parse(const char *json, size_t len,
                                     struct dt_arena *arena,
                                     struct lint_sc_comment **out, size_t *n,
                                     struct dt_error *err)
{
	struct sc_list l;
	struct jp p;
	bool ok;

	*out = NULL;
	*n = 0;
	if (len > LINT_SC_MAX_OUTPUT)
		return dt_error_set(err, DT_ERR_LIMIT, "shellcheck", 0, 0,
		                    "output longer than the limit of %u bytes",
		                    LINT_SC_MAX_OUTPUT);
	memset(&l, 0, sizeof l);
	memset(&p, 0, sizeof p);
	p.s = json;
	p.n = len;
	p.arena = arena;
	p.err = err;
	jp_ws(&p);
	/* json1 is {"comments": [...]}; the older json format a bare array. */
	if (p.i < p.n && p.s[p.i] == '[')
		ok = jp_container(&p, false, 1, comment_item, &l);
	else
		ok = jp_container(&p, true, 1, top_member, &l);
	jp_ws(&p);
	if (ok && p.i < p.n)
		ok = jp_fail(&p, DT_ERR_SYNTAX, "text after the JSON value");
	if (ok && !(*out = dt_arena_alloc(arena, (l.n + 1) * sizeof **out)))
		ok = jp_fail(&p, DT_ERR_NOMEM, "out of memory");
	if (ok && l.n)
		memcpy(*out, l.items, l.n * sizeof **out);
	dt_free(l.items);
	if (!ok) {
		*out = NULL;
		return p.rc;
	}
	*n = l.n;
	return DT_OK;
}

/* ---- the scripts ------------------------------------------------------- */

/* ARG and ENV names known at a point: a list shared by the stages built
 * on it, so each stage starts from its base's names without copying. */
struct name {
	const char *s;
	const struct name *next;
};

/* Names a RUN may use without declaring them (BuildKit's proxy ARGs). */
static const char *const proxy_names[] = {
	"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
	"ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
};

/* One script handed to shellcheck. */
struct script {
	const struct lint_instr *top;    /* findings go to its line */
	int prelude;                     /* lines before the script's own */
};

struct sc_run {
	struct lint_ctx *ctx;
	const struct lint_pragmas *pragmas;
	const char **shell;              /* per instruction: its SHELL program */
	const struct name **names;       /* per instruction: names before it */
	struct script *scripts;
	size_t n_scripts;
	size_t input;                    /* bytes written */
	char program[PATH_MAX];          /* shellcheck, found in PATH */
	char dir[PATH_MAX];
	const char **argv;
	size_t argc;
	const char *failure;             /* why shellcheck did not run */
};

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* The dialect shellcheck knows for a shell program; NULL for shells it
 * cannot check (zsh, powershell, cmd, ...). */
static const char *dialect(const char *shell)
{
	static const char *const map[][2] = {
		{"sh", "sh"}, {"bash", "bash"}, {"dash", "dash"}, {"ksh", "ksh"},
		{"mksh", "ksh"}, {"ksh93", "ksh"}, {"pdksh", "ksh"},
		{"ash", "dash"}, {"busybox", "dash"},
	};
	const char *name = base_name(shell);
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(name, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

static bool valid_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static bool valid_name(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!valid_name_char(*s))
			return false;
	return true;
}

static bool push_names(struct dt_arena *arena, const struct lint_instr *in,
                       const struct name **cur)
{
	size_t k;

	for (k = 0; k < in->n_pairs; k++) {
		struct name *nm;

		if (!valid_name(in->pairs[k].key))
			continue;
		if (!(nm = dt_arena_alloc(arena, sizeof *nm)))
			return false;
		nm->s = in->pairs[k].key;
		nm->next = *cur;
		*cur = nm;
	}
	return true;
}

/* Fills sc->shell and sc->names for every instruction, stage by stage; a
 * stage built on another starts with its SHELL and names. */
static bool walk_stages(struct sc_run *sc)
{
	const struct lint_file *f = sc->ctx->file;
	struct dt_arena *arena = sc->ctx->arena;
	const char **end_shell;
	const struct name **end_names;
	size_t s, i;

	sc->shell = dt_arena_alloc(arena, (f->n_instrs + 1) * sizeof *sc->shell);
	sc->names = dt_arena_alloc(arena, (f->n_instrs + 1) * sizeof *sc->names);
	end_shell = dt_arena_alloc(arena, (f->n_stages + 1) * sizeof *end_shell);
	end_names = dt_arena_alloc(arena, (f->n_stages + 1) * sizeof *end_names);
	if (!sc->shell || !sc->names || !end_shell || !end_names)
		return false;
	/* A RUN before the first FROM (a parse error) still reads as sh. */
	for (i = 0; i < f->n_instrs; i++)
		sc->shell[i] = "/bin/sh";
	for (s = 0; s < f->n_stages; s++) {
		int parent = lint_stage_parent(f, s);
		const char *shell = parent >= 0 ? end_shell[parent] : "/bin/sh";
		const struct name *cur = parent >= 0 ? end_names[parent] : NULL;

		for (i = f->stages[s].from; i < f->stages[s].end && i < f->n_instrs; i++) {
			const struct lint_instr *in = &f->instrs[i];
			const char *pragma = lint_pragmas_shell(sc->pragmas, i);

			if (in->kind == LINT_SHELL && in->n_args > 0)
				shell = strcmp(base_name(in->args[0]), "env") == 0 &&
				        in->n_args > 1 ? in->args[1] : in->args[0];
			sc->shell[i] = pragma ? pragma : shell;
			sc->names[i] = cur;
			if ((in->kind == LINT_ENV || in->kind == LINT_ARG) &&
			    !push_names(arena, in, &cur))
				return false;
		}
		end_shell[s] = shell;
		end_names[s] = cur;
	}
	return true;
}

/* RUN <<EOF: the single heredoc is the script itself. */
static bool heredoc_is_whole_script(const struct lint_instr *in)
{
	return in->n_heredocs == 1 && in->n_args == 1 &&
	       dt_str_has_prefix(in->args[0], "<<");
}

/* The interpreter a #! line names (its base name) into buf; false when
 * the body has no #! line. */
static bool shebang(const char *body, char *buf, size_t size)
{
	const char *p = body + 2, *end;
	size_t n;

	if (body[0] != '#' || body[1] != '!')
		return false;
	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strcspn(p, " \t\r\n");
	n = (size_t)(end - p);
	if (n >= size)
		n = size - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	if (strcmp(base_name(buf), "env") == 0) {
		p = end + strspn(end, " \t");
		n = strcspn(p, " \t\r\n");
		if (n >= size)
			n = size - 1;
		memcpy(buf, p, n);
		buf[n] = '\0';
	}
	return true;
}

/* The script of one RUN into b; the dialect, NULL when the RUN is not a
 * script shellcheck can read. */
static const char *script_body(struct sc_run *sc, size_t index,
                               const struct lint_instr *in, struct dt_buf *b)
{
	const char *d = dialect(sc->shell[index]);
	char interp[128];
	size_t k;

	if (heredoc_is_whole_script(in)) {
		const char *body = in->heredocs[0].body ? in->heredocs[0].body : "";

		/* BuildKit runs a body with #! as a file of its own. */
		if (shebang(body, interp, sizeof interp)) {
			d = dialect(interp);
			body += strcspn(body, "\n");
			body += *body == '\n';
		}
		dt_buf_puts(b, body);
		return d;
	}
	/* The command line, then each heredoc as the shell would read it. */
	dt_buf_puts(b, in->text);
	dt_buf_putc(b, '\n');
	for (k = 0; k < in->n_heredocs; k++) {
		const char *hb = in->heredocs[k].body ? in->heredocs[k].body : "";

		dt_buf_puts(b, hb);
		if (*hb && hb[strlen(hb) - 1] != '\n')
			dt_buf_putc(b, '\n');
		dt_buf_printf(b, "%s\n", in->heredocs[k].name);
	}
	return d;
}

/* The script uses $name or ${name...}. */
static bool references(const char *script, const char *name)
{
	size_t n = strlen(name);
	const char *p = script;

	while ((p = strchr(p, '$')) != NULL) {
		p++;
		if (*p == '{')
			p++;
		if (strncmp(p, name, n) == 0 && !valid_name_char(p[n]))
			return true;
	}
	return false;
}

static bool exported(const char *const *done, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(done[i], name) == 0)
			return true;
	return false;
}

/* The prelude: the #! line, then `export NAME=1` for each known name the
 * script uses (exporting all of them slows shellcheck down for nothing). */
static int write_prelude(struct sc_run *sc, size_t index, const char *d,
                         const char *script, struct dt_buf *out)
{
	const char *done[SC_MAX_NAMES];
	const struct name *nm;
	size_t n = 0, seen = 0, k;
	int lines = 1;

	dt_buf_printf(out, "#!/bin/%s\n", d);
	for (nm = sc->names[index]; nm && seen < SC_MAX_NAMES; nm = nm->next, seen++)
		if (references(script, nm->s) && !exported(done, n, nm->s))
			done[n++] = nm->s;
	for (k = 0; k < sizeof proxy_names / sizeof proxy_names[0]; k++)
		if (n < SC_MAX_NAMES && references(script, proxy_names[k]) &&
		    !exported(done, n, proxy_names[k]))
			done[n++] = proxy_names[k];
	for (k = 0; k < n; k++, lines++)
		dt_buf_printf(out, "export %s=1\n", done[k]);
	return lines;
}

static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		data += w;
		len -= (size_t)w;
	}
	return true;
}

static bool write_script(struct sc_run *sc, const struct dt_buf *b)
{
	char path[PATH_MAX];
	const char *copy;
	int fd;
	bool ok;

	if (!dt_snprintf(path, sizeof path, "%s/%zu.sh", sc->dir, sc->n_scripts) ||
	    !(copy = dt_arena_strdup(sc->ctx->arena, path))) {
		sc->failure = "cannot name a temporary file";
		return false;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		sc->failure = "cannot create a temporary file";
		return false;
	}
	ok = write_all(fd, b->data ? b->data : "", b->len);
	ok = close(fd) == 0 && ok;
	if (!ok) {
		unlink(path);
		sc->failure = "cannot write a temporary file";
		return false;
	}
	sc->argv[sc->argc++] = copy;
	return true;
}

/* Writes every RUN script shellcheck can read; false on a failure (set
 * in sc->failure) or when out of memory (ctx->nomem). */
static bool write_scripts(struct sc_run *sc)
{
	struct lint_ctx *ctx = sc->ctx;
	struct dt_buf body, b;
	size_t i;
	bool ok = true;

	dt_buf_init(&body);
	dt_buf_init(&b);
	for (i = 0; i < ctx->n_runs && ok && sc->n_scripts < SC_MAX_SCRIPTS; i++) {
		const struct lint_run *r = &ctx->runs[i];
		const char *d;
		int prelude;

		if (r->instr->form != LINT_FORM_SHELL || !ctx->posix[r->index])
			continue;
		dt_buf_reset(&body);
		dt_buf_reset(&b);
		if (!(d = script_body(sc, r->index, r->instr, &body)))
			continue;
		prelude = write_prelude(sc, r->index, d, body.data ? body.data : "", &b);
		dt_buf_append(&b, body.data ? body.data : "", body.len);
		if (b.failed || body.failed) {
			ctx->nomem = true;
			ok = false;
		} else if (sc->input + b.len > SC_MAX_INPUT) {
			break;
		} else if ((ok = write_script(sc, &b))) {
			sc->input += b.len;
			sc->scripts[sc->n_scripts].top = r->top;
			sc->scripts[sc->n_scripts++].prelude = prelude;
		}
	}
	dt_buf_fini(&body);
	dt_buf_fini(&b);
	return ok;
}

static void remove_scripts(struct sc_run *sc)
{
	size_t i;

	for (i = 0; i < sc->argc; i++)
		if (sc->argv[i][0] == '/')
			unlink(sc->argv[i]);
	rmdir(sc->dir);
}

/* ---- running shellcheck ------------------------------------------------ */

static void reap(pid_t pid)
{
	int status;

	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
}

/* Waits for the child until the deadline (it has closed its output, so
 * it is about to exit); false when it did not exit in time. */
static bool wait_exit(pid_t pid, uint64_t deadline, int *status)
{
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR)
			return false;
		if (dt_now_ms() >= deadline)
			return false;
		poll(NULL, 0, 5);
	}
}

/* Reads fd until end of file, the byte cap or the deadline. */
static const char *read_output(int fd, uint64_t deadline, struct dt_buf *out)
{
	char chunk[65536];

	for (;;) {
		struct pollfd pfd = {fd, POLLIN, 0};
		uint64_t now = dt_now_ms();
		ssize_t n;
		int rc;

		if (now >= deadline)
			return "it ran out of time";
		rc = poll(&pfd, 1, (int)(deadline - now));
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc < 0)
			return "cannot read its output";
		if (rc == 0)
			continue;
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			return "cannot read its output";
		if (n == 0)
			return NULL;
		if ((size_t)n > LINT_SC_MAX_OUTPUT - out->len)
			return "its output is longer than the limit";
		if (!dt_buf_append(out, chunk, (size_t)n))
			return "out of memory";
	}
}

static const char *spawn(struct sc_run *sc, pid_t *pid, int *fd)
{
	posix_spawn_file_actions_t fa;
	int p[2], rc;

	if (pipe(p) != 0)
		return "cannot create a pipe";
	if (fcntl(p[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    posix_spawn_file_actions_init(&fa) != 0) {
		close(p[0]);
		close(p[1]);
		return "cannot prepare the process";
	}
	rc = posix_spawn_file_actions_adddup2(&fa, p[1], STDOUT_FILENO);
	if (rc == 0)
		rc = posix_spawn_file_actions_addclose(&fa, p[1]);
	if (rc == 0)
		rc = posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
		                                      O_RDONLY, 0);
	if (rc == 0)
		rc = posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
		                                      O_WRONLY, 0);
	if (rc == 0)
		rc = posix_spawn(pid, sc->program, &fa, NULL,
		                  (char *const *)sc->argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(p[1]);
	if (rc != 0) {
		close(p[0]);
		return "it could not be started";
	}
	*fd = p[0];
	return NULL;
}

/* Runs shellcheck over the written scripts; its output in out. */
static const char *run_shellcheck(struct sc_run *sc, struct dt_buf *out)
{
	uint64_t deadline = dt_now_ms() + SC_TIMEOUT_MS;
	const char *why;
	pid_t pid;
	int fd, status = 0;

	if ((why = spawn(sc, &pid, &fd)) != NULL)
		return why;
	why = read_output(fd, deadline, out);
	close(fd);
	if (!why && !wait_exit(pid, deadline, &status))
		why = "it ran out of time";
	if (why) {
		reap(pid);
		return why;
	}
	/* 0: nothing found, 1: comments; anything else is a failure. */
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
		return "it failed";
	return NULL;
}

/* ---- findings -------------------------------------------------------- */

/* The script a file name stands for: DIR/N.sh. */
static const struct script *script_of(const struct sc_run *sc, const char *file)
{
	const char *name = base_name(file);
	char *end;
	unsigned long k;

	if (name[0] < '0' || name[0] > '9')
		return NULL;
	k = strtoul(name, &end, 10);
	if (strcmp(end, ".sh") != 0 || k >= sc->n_scripts)
		return NULL;
	return &sc->scripts[k];
}

/* The comment at i is one to report: in a known script, below the
 * prelude, and not the same code and message as an earlier one of the
 * same script (they would read as one finding on the RUN's line). */
static const struct script *wanted(const struct sc_run *sc,
                                   const struct lint_sc_comment *c, size_t i)
{
	const struct script *s = script_of(sc, c[i].file);
	size_t k;

	if (!s || c[i].line <= s->prelude)
		return NULL;
	for (k = 0; k < i; k++)
		if (c[k].code == c[i].code && c[k].line > s->prelude &&
		    strcmp(c[k].file, c[i].file) == 0 &&
		    strcmp(c[k].message, c[i].message) == 0)
			return NULL;
	return s;
}

static void report_comments(struct sc_run *sc, const char *json, size_t len)
{
	struct lint_sc_comment *c;
	struct dt_error err;
	size_t n, i;
	char id[16];

	if (lint_shellcheck_parse(json, len, sc->ctx->arena, &c, &n, &err) != DT_OK) {
		if (err.code == DT_ERR_NOMEM)
			sc->ctx->nomem = true;
		else
			sc->failure = "its output was not valid JSON";
		return;
	}
	for (i = 0; i < n; i++) {
		const struct script *s = wanted(sc, c, i);

		if (!s || !dt_snprintf(id, sizeof id, "SC%d", c[i].code))
			continue;
		lint_report_as(sc->ctx, id, c[i].severity, s->top->line, s->top->col,
		               c[i].message);
	}
}

static bool make_dir(struct sc_run *sc)
{
	const char *tmp = getenv("TMPDIR");

	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	if (!dt_snprintf(sc->dir, sizeof sc->dir, "%s/dockertutor-sc.XXXXXX", tmp) ||
	    !mkdtemp(sc->dir)) {
		sc->failure = "cannot create a temporary folder";
		return false;
	}
	return true;
}

static bool prepare(struct sc_run *sc)
{
	struct lint_ctx *ctx = sc->ctx;
	static const char *const fixed[] = {
		SC_PROGRAM, "--format=json1", "--norc",
		"--exclude=SC1090,SC1091,SC2187", "--",
	};
	size_t n = ctx->n_runs < SC_MAX_SCRIPTS ? ctx->n_runs : SC_MAX_SCRIPTS;

	sc->pragmas = lint_pragmas_read(ctx->file, ctx->arena);
	sc->argv = dt_arena_alloc(ctx->arena, (n + 8) * sizeof *sc->argv);
	sc->scripts = dt_arena_alloc(ctx->arena, (n + 1) * sizeof *sc->scripts);
	if (!sc->pragmas || !sc->argv || !sc->scripts || !walk_stages(sc)) {
		ctx->nomem = true;
		return false;
	}
	memcpy(sc->argv, fixed, sizeof fixed);
	sc->argc = sizeof fixed / sizeof fixed[0];
	return true;
}

void lint_check_shellcheck(struct lint_ctx *ctx)
{
	struct sc_run sc;
	struct dt_buf out;
	size_t fixed;

	if (!ctx->cfg->shellcheck || ctx->n_runs == 0)
		return;
	memset(&sc, 0, sizeof sc);
	if (!find_program(SC_PROGRAM, sc.program, sizeof sc.program))
		return;
	sc.ctx = ctx;
	if (!prepare(&sc))
		return;
	fixed = sc.argc;
	if (!make_dir(&sc)) {
		lint_report(ctx, 1, 1, "ShellCheck could not check the RUN scripts: %s",
		            sc.failure);
		return;
	}
	dt_buf_init(&out);
	if (write_scripts(&sc) && sc.argc > fixed) {
		sc.argv[sc.argc] = NULL;
		sc.failure = run_shellcheck(&sc, &out);
		if (!sc.failure)
			report_comments(&sc, out.data ? out.data : "", out.len);
	}
	remove_scripts(&sc);
	dt_buf_fini(&out);
	if (sc.failure && !ctx->nomem)
		lint_report(ctx, 1, 1, "ShellCheck could not check the RUN scripts: %s",
		            sc.failure);
}
