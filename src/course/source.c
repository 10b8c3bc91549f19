/* The raw bytes of a content file: the checks made before libyaml sees
 * them (UTF-8, control characters), the line table, and the way back from
 * a place in a scalar's text to the line and column in the file.
 *
 * Design: lines are counted the way libyaml counts them (LF, CRLF, lone
 * CR, NEL, U+2028, U+2029) and columns in characters, so positions from
 * libyaml's marks and from our own scans agree.  A scalar's text differs
 * from its source only in white space (indentation, folding) and, in
 * quoted scalars, in escapes; so the k-th visible character of the text
 * is the k-th visible unit of the source, which makes the mapping exact
 * for every style without re-implementing YAML's folding rules. */
#include <string.h>

#include "course_int.h"

#define MAX_CONTROL_REPORTS 10

static bool is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/* Length of the line break at s[0], 0 when there is none. */
static size_t break_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == '\n')
		return 1;
	if (u[0] == '\r')
		return n > 1 && u[1] == '\n' ? 2 : 1;
	if (n > 1 && u[0] == 0xC2 && u[1] == 0x85)
		return 2;
	if (n > 2 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
		return 3;
	return 0;
}

static size_t cp_len(const char *s, size_t n)
{
	uint32_t cp;
	size_t len = dt_utf8_decode(s, n, &cp);

	return len ? len : 1;
}

static int count_cols(const char *s, size_t from, size_t to)
{
	int col = 1;

	while (from < to) {
		from += cp_len(s + from, to - from);
		col++;
	}
	return col;
}

void source_linecol(const struct ydoc *doc, size_t off, int *line, int *col)
{
	size_t lo = 0, hi = doc->n_lines;

	if (!doc->lines || doc->n_lines == 0) {
		*line = 1;
		*col = 1;
		return;
	}
	if (off > doc->len)
		off = doc->len;
	while (hi - lo > 1) {              /* last line start <= off */
		size_t mid = lo + (hi - lo) / 2;

		if (doc->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*col = off < doc->lines[lo] ? 1 : count_cols(doc->data, doc->lines[lo], off);
}

size_t source_offset(const struct ydoc *doc, int line, int col)
{
	size_t off;

	if (!doc->lines || line < 1 || (size_t)line > doc->n_lines)
		return doc->len;
	off = doc->lines[line - 1];
	while (col-- > 1 && off < doc->len)
		off += cp_len(doc->data + off, doc->len - off);
	return off;
}

static bool report(struct ydoc *doc, struct course_diags *diags, size_t off,
                   size_t line_start, size_t line, const char *fmt,
                   uint32_t cp)
{
	return course_diag_add(diags, COURSE_ERROR, doc->path, (int)line + 1,
	                       count_cols(doc->data, line_start, off), fmt,
	                       (unsigned)cp);
}

static const char *control_message(uint32_t cp, const char *s, size_t n)
{
	if (cp == 0x1B)
		return n > 1 && (s[1] == '[' || s[1] == ']')
		       ? "a terminal escape sequence (ESC, U+%04X) is not allowed; "
		         "it could take over the learner's terminal"
		       : "the escape character U+%04X is not allowed; terminal "
		         "escape sequences could take over the learner's terminal";
	if (cp == '\r')
		return "a carriage return (U+%04X) without a line feed is not "
		       "allowed; save the file with LF or CRLF line ends";
	return "the control character U+%04X is not allowed in content files";
}

static bool is_control(uint32_t cp, const char *s, size_t n)
{
	if (cp == '\r')
		return !(n > 1 && s[1] == '\n');
	return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
	       (cp >= 0x80 && cp < 0xA0);
}

/* Appends a line start to the table (dt_realloc, owned by the doc). */
static bool add_line(struct ydoc *doc, size_t *cap, size_t off)
{
	if (doc->n_lines == *cap) {
		size_t ncap = *cap * 2;
		size_t *p = dt_realloc(doc->lines, ncap * sizeof *p);

		if (!p)
			return false;
		doc->lines = p;
		*cap = ncap;
	}
	doc->lines[doc->n_lines++] = off;
	return true;
}

enum dt_status source_scan(struct ydoc *doc, struct course_diags *diags)
{
	const char *s = doc->data;
	size_t n = doc->len, i = 0, cap = 256, reported = 0;

	doc->lines = dt_malloc(cap * sizeof *doc->lines);
	if (!doc->lines)
		return DT_ERR_NOMEM;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;                        /* libyaml skips the BOM */
	doc->lines[0] = i;
	doc->n_lines = 1;
	while (i < n) {
		uint32_t cp = (unsigned char)s[i];
		size_t len = 1, br, line = doc->n_lines - 1;

		/* The common case first: printable ASCII, tabs, line feeds. */
		if ((cp >= 0x20 && cp < 0x7F) || cp == '\t') {
			i++;
			continue;
		}
		if (cp == '\n') {
			if (!add_line(doc, &cap, ++i))
				return DT_ERR_NOMEM;
			continue;
		}
		if (cp >= 0x80 && !(len = dt_utf8_decode(s + i, n - i, &cp))) {
			if (!report(doc, diags, i, doc->lines[line], line,
			            "invalid UTF-8 (byte 0x%02X); content files must "
			            "be saved as UTF-8", (unsigned char)s[i]))
				return DT_ERR_NOMEM;
			return DT_ERR_ENCODING;
		}
		if (is_control(cp, s + i, n - i) && reported++ < MAX_CONTROL_REPORTS &&
		    !report(doc, diags, i, doc->lines[line], line,
		            control_message(cp, s + i, n - i), cp))
			return DT_ERR_NOMEM;
		br = break_len(s + i, n - i);
		i += br ? br : len;
		if (br && !add_line(doc, &cap, i))
			return DT_ERR_NOMEM;
	}
	return reported ? DT_ERR_ENCODING : DT_OK;
}

/* ---- From a scalar's text back to its source ------------------------- */

static size_t count_visible(const char *s, size_t n)
{
	size_t i = 0, k = 0;

	while (i < n) {
		uint32_t cp = (unsigned char)s[i];
		size_t len = cp < 0x80 ? 1 : dt_utf8_decode(s + i, n - i, &cp);

		if (len == 0)
			len = 1;
		if (!is_blank(cp))
			k++;
		i += len;
	}
	return k;
}

static uint32_t hex_value(const char *s, size_t digits)
{
	uint32_t v = 0;
	size_t i;

	for (i = 0; i < digits; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (uint32_t)(c - 'A' + 10);
	}
	return v;
}

/* One escape of a double-quoted scalar at s[0] == '\\': its length in the
 * source and the character it stands for (*produces false for an escaped
 * line break, which stands for nothing). */
static size_t escape_unit(const char *s, size_t n, uint32_t *cp,
                          bool *produces)
{
	static const char simple[] = "0abt\tnvfre \"/\\N_LP";
	static const uint32_t value[] = {
		0, 7, 8, 9, 9, 10, 11, 12, 13, 27, 32, '"', '/', '\\',
		0x85, 0xA0, 0x2028, 0x2029,
	};
	const char *hit;
	size_t digits = 0;

	*produces = true;
	if (n < 2) {
		*cp = '\\';
		return 1;
	}
	if (break_len(s + 1, n - 1)) {
		*produces = false;
		return 1 + break_len(s + 1, n - 1);
	}
	hit = strchr(simple, s[1]);
	if (hit && s[1] != '\0') {
		*cp = value[hit - simple];
		return 2;
	}
	digits = s[1] == 'x' ? 2 : s[1] == 'u' ? 4 : s[1] == 'U' ? 8 : 0;
	if (digits == 0 || n < 2 + digits) {
		*cp = (unsigned char)s[1];
		return 2;
	}
	*cp = hex_value(s + 2, digits);
	return 2 + digits;
}

/* The next unit of the source at s[0]: its length and the character it
 * stands for in the text. */
static size_t source_unit(enum ynode_style style, const char *s, size_t n,
                          uint32_t *cp, bool *produces)
{
	size_t len;

	*produces = true;
	if (style == YSTYLE_DOUBLE && s[0] == '\\')
		return escape_unit(s, n, cp, produces);
	if (style == YSTYLE_SINGLE && s[0] == '\'' && n > 1 && s[1] == '\'') {
		*cp = '\'';
		return 2;
	}
	*cp = (unsigned char)s[0];
	if (*cp < 0x80)
		return 1;
	len = dt_utf8_decode(s, n, cp);
	return len ? len : 1;
}

void source_scalar_pos(const struct ydoc *doc, const struct ynode *node,
                       size_t off, int *line, int *col)
{
	size_t k, p, end;

	*line = node->line;
	*col = node->col;
	if (node->kind != YNODE_SCALAR || !doc->lines)
		return;
	k = count_visible(node->str, off < node->len ? off : node->len);
	p = source_offset(doc, node->line, node->col);
	end = source_offset(doc, node->end_line, node->end_col);
	if (node->style == YSTYLE_LITERAL || node->style == YSTYLE_FOLDED) {
		while (p < end && !break_len(doc->data + p, end - p))
			p++;                    /* the header line: | or > */
	} else if (node->style == YSTYLE_SINGLE || node->style == YSTYLE_DOUBLE) {
		p++;
		end--;
	}
	while (p < end) {
		uint32_t cp;
		bool produces;
		size_t len = source_unit(node->style, doc->data + p, end - p, &cp,
		                         &produces);

		if (produces && !is_blank(cp) && k-- == 0) {
			source_linecol(doc, p, line, col);
			return;
		}
		p += len;
	}
}
