/* dockertutor/text.h - markdown-lite to styled, wrapped lines.
 *
 * The lesson reader, the quiz screens and the plain CLI all show
 * markdown-lite text (docs/content-format.md).  text_render turns it into
 * lines of styled spans already wrapped to a width, with code blocks
 * highlighted and tables laid out; drawing them is the caller's business.
 * Input is sanitised first, so no escape sequence survives into a span.
 *
 * Ownership: a struct text_doc owns one arena holding its lines, spans and
 * span text; text_doc_free releases it.  Spans point into that arena.
 */
#ifndef DOCKERTUTOR_TEXT_H
#define DOCKERTUTOR_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "dockertutor/util.h"

/* Styles of a span, combinable. */
enum text_style {
	TEXT_PLAIN    = 0,
	TEXT_BOLD     = 1 << 0,
	TEXT_CODE     = 1 << 1,   /* inline code or a code block */
	TEXT_HEADING  = 1 << 2,
	TEXT_KEYWORD  = 1 << 3,   /* highlighting: instruction, command, key */
	TEXT_STRING   = 1 << 4,
	TEXT_COMMENT  = 1 << 5,
	TEXT_FLAG     = 1 << 6,   /* --flag */
	TEXT_VARIABLE = 1 << 7,   /* $VAR, ${VAR} */
	TEXT_BORDER   = 1 << 8,   /* table and call-out frames */
	TEXT_CALLOUT  = 1 << 9,
	TEXT_BULLET   = 1 << 10,  /* list markers */
	TEXT_EMPHASIS = 1 << 11,  /* *emphasis* */
};

/* What block a line belongs to. */
enum text_kind {
	TEXT_LINE_BLANK,
	TEXT_LINE_PARAGRAPH,
	TEXT_LINE_HEADING,
	TEXT_LINE_LIST,
	TEXT_LINE_CODE,
	TEXT_LINE_TABLE,
	TEXT_LINE_CALLOUT,
};

struct text_span {
	const char *text;         /* UTF-8, NUL-terminated, no control chars */
	size_t len;
	unsigned style;           /* enum text_style bits */
};

struct text_line {
	enum text_kind kind;
	struct text_span *spans;
	size_t n_spans;
	size_t width;             /* display columns of the whole line */
};

struct text_doc {
	struct dt_arena arena;
	struct text_line *lines;
	size_t n_lines;
};

struct text_options {
	int width;                /* columns to wrap to, at least 20 */
	bool ascii;               /* ASCII frames and bullets (no UTF-8) */
};

/* Renders markdown-lite src[0..len) into wrapped lines.  Returns DT_OK with
 * *out set (free with text_doc_free), or DT_ERR_NOMEM. */
enum dt_status text_render(const char *src, size_t len,
                           const struct text_options *opts,
                           struct text_doc **out, struct dt_error *err);
void text_doc_free(struct text_doc *doc);

/* Appends the doc as plain text (styles dropped, one '\n' per line). */
bool text_doc_to_plain(const struct text_doc *doc, struct dt_buf *out);

/* Finds needle (ASCII case-insensitive) in line i's text; true when found. */
bool text_line_contains(const struct text_line *line, const char *needle);

#endif
