/* lint_dump: the parse written the way BuildKit's parser tests write it, so
 * a dump can be compared with BuildKit's own (and golden files stay
 * readable).  Strings are quoted exactly as Go's strconv.Quote quotes. */
#include <string.h>

#include "lint_int.h"

static const char hex[] = "0123456789abcdef";

/* Go's unicode.IsPrint for code points from U+0080 on, without Go's
 * tables: controls, format characters, separators other than the ASCII
 * space, private use and non-characters are not printable.  Unassigned code
 * points count as printable here (Go would escape them). */
static bool printable(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
		{ 0x80, 0xA0 }, { 0xAD, 0xAD }, { 0x600, 0x605 }, { 0x61C, 0x61C },
		{ 0x6DD, 0x6DD }, { 0x70F, 0x70F }, { 0x1680, 0x1680 },
		{ 0x180E, 0x180E }, { 0x2000, 0x200F }, { 0x2028, 0x202F },
		{ 0x205F, 0x2064 }, { 0x2066, 0x206F }, { 0x3000, 0x3000 },
		{ 0xD800, 0xF8FF }, { 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB },
		{ 0xFFFE, 0xFFFF }, { 0x110BD, 0x110BD }, { 0x1D173, 0x1D17A },
		{ 0xE0001, 0xE0001 }, { 0xE0020, 0xE007F }, { 0xF0000, 0x10FFFF },
	};
	size_t i;

	for (i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return false;
	return (cp & 0xFFFF) < 0xFFFE;
}

static void escape_cp(struct dt_buf *out, uint32_t cp)
{
	static const char named[] = "\a\b\f\n\r\t\v", letters[] = "abfnrtv";
	const char *k = cp && cp < 0x80 ? strchr(named, (int)cp) : NULL;
	char u[11];
	int digits, i;

	if (k) {
		dt_buf_putc(out, '\\');
		dt_buf_putc(out, letters[k - named]);
		return;
	}
	if (cp < 0x80) {
		u[0] = '\\';
		u[1] = 'x';
		digits = 2;
	} else {
		u[0] = '\\';
		u[1] = cp < 0x10000 ? 'u' : 'U';
		digits = cp < 0x10000 ? 4 : 8;
	}
	for (i = 0; i < digits; i++)
		u[2 + i] = hex[(cp >> (4 * (digits - 1 - i))) & 0xF];
	dt_buf_append(out, u, (size_t)(2 + digits));
}

/* The inside of a quoted string; escaping is per character, so quoting
 * pieces one after the other equals quoting their concatenation. */
static void quote_body(struct dt_buf *out, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t k;

		if (c == '"' || c == '\\') {
			dt_buf_putc(out, '\\');
			dt_buf_putc(out, (char)c);
			i++;
		} else if (c >= 0x20 && c < 0x7F) {
			size_t run = i + 1;

			while (run < n && (unsigned char)s[run] >= 0x20 &&
			       (unsigned char)s[run] < 0x7F && s[run] != '"' &&
			       s[run] != '\\')
				run++;
			dt_buf_append(out, s + i, run - i);
			i = run;
		} else if (c < 0x80) {
			escape_cp(out, c);
			i++;
		} else if ((k = dt_utf8_decode(s + i, n - i, &cp)) == 0) {
			char x[4] = { '\\', 'x', hex[c >> 4], hex[c & 0xF] };

			dt_buf_append(out, x, 4);
			i++;
		} else {
			if (printable(cp))
				dt_buf_append(out, s + i, k);
			else
				escape_cp(out, cp);
			i += k;
		}
	}
}

bool lint_go_quote(struct dt_buf *out, const char *s, size_t n)
{
	dt_buf_putc(out, '"');
	quote_body(out, s, n);
	dt_buf_putc(out, '"');
	return !out->failed;
}

static void quote_str(struct dt_buf *out, const char *s)
{
	lint_go_quote(out, s, strlen(s));
}

/* strings.ToLower on the keyword: ASCII folded, invalid UTF-8 replaced. */
static void keyword(struct dt_buf *out, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t k;

		if (c < 0x80) {
			dt_buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			i++;
		} else if ((k = dt_utf8_decode(s + i, n - i, &cp)) == 0) {
			dt_buf_append(out, "\xEF\xBF\xBD", 3);
			i++;
		} else {
			dt_buf_append(out, s + i, k);
			i += k;
		}
	}
}

/* The flags as BuildKit keeps them, --name[=value], in Go's %q of a
 * []string: ["--a=b" "--c"]. */
static void flags(struct dt_buf *out, const struct lint_instr *in)
{
	size_t i;

	if (in->n_flags == 0)
		return;
	dt_buf_puts(out, " [");
	for (i = 0; i < in->n_flags; i++) {
		const struct lint_flag *f = &in->flags[i];

		dt_buf_puts(out, i ? " \"--" : "\"--");
		quote_body(out, f->name, strlen(f->name));
		if (f->value) {
			dt_buf_putc(out, '=');
			quote_body(out, f->value, strlen(f->value));
		}
		dt_buf_putc(out, '"');
	}
	dt_buf_putc(out, ']');
}

static void instr(struct dt_buf *out, const struct lint_instr *in)
{
	size_t i;

	keyword(out, in->keyword);
	flags(out, in);
	for (i = 0; i < in->n_nodes; i++) {
		dt_buf_putc(out, ' ');
		quote_str(out, in->nodes[i]);
	}
	if (in->inner) {
		dt_buf_puts(out, " (");
		instr(out, in->inner);
		dt_buf_putc(out, ')');
	}
}

bool lint_dump(const struct lint_file *file, struct dt_buf *out)
{
	size_t i, j;

	for (i = 0; i < file->n_instrs; i++) {
		const struct lint_instr *in = &file->instrs[i];

		dt_buf_putc(out, '(');
		instr(out, in);
		for (j = 0; j < in->n_heredocs; j++) {
			dt_buf_puts(out, " (heredoc ");
			quote_str(out, in->heredocs[j].name);
			dt_buf_putc(out, ' ');
			quote_str(out, in->heredocs[j].body);
			dt_buf_putc(out, ')');
		}
		dt_buf_puts(out, ")\n");
	}
	return !out->failed;
}
