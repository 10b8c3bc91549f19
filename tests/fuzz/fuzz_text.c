/* Fuzz target: the markdown-lite renderer at the widths a reader meets (a
 * narrow pane, an odd width, a full terminal), with and without ASCII
 * frames.  Whatever the input, every line fits the page and says its width
 * truly, and no span carries a control character or invalid UTF-8: the
 * reader draws spans as they come, so either would be visible damage. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/text.h"

static const int widths[] = {20, 37, 80};

/* No byte below 0x20 (tab and newline included: the reader draws a span
 * on one row, column by column), no DEL, no C1 control. */
static bool span_is_clean(const struct text_span *sp)
{
	size_t i;

	if (!sp->text || strlen(sp->text) != sp->len ||
	    !dt_utf8_valid(sp->text, sp->len, NULL) ||
	    dt_has_control(sp->text, sp->len, NULL))
		return false;
	for (i = 0; i < sp->len; i++)
		if ((unsigned char)sp->text[i] < 0x20)
			return false;
	return true;
}

static bool is_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static void check_line(const struct text_line *line, int width, bool ascii)
{
	size_t k, w = 0;

	for (k = 0; k < line->n_spans; k++) {
		const struct text_span *sp = &line->spans[k];

		if (!span_is_clean(sp))
			abort();
		/* Frames and bullets are the renderer's own: ASCII when asked. */
		if (ascii && (sp->style & (TEXT_BORDER | TEXT_BULLET)) &&
		    !is_ascii(sp->text, sp->len))
			abort();
		w += dt_utf8_width(sp->text, sp->len);
	}
	if (w != line->width || w > (size_t)width)
		abort();
}

static void render(const char *s, size_t n, int width, bool ascii)
{
	struct text_options opts = {width, ascii};
	struct text_doc *doc = NULL;
	struct dt_error err;
	struct dt_buf plain;
	size_t i;

	if (text_render(s, n, &opts, &doc, &err) != DT_OK)
		abort();        /* only out of memory may fail */
	for (i = 0; i < doc->n_lines; i++)
		check_line(&doc->lines[i], width, ascii);
	dt_buf_init(&plain);
	if (!text_doc_to_plain(doc, &plain))
		abort();
	dt_buf_fini(&plain);
	if (doc->n_lines > 0)
		(void)text_line_contains(&doc->lines[doc->n_lines - 1], "docker");
	text_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t w;

	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		render((const char *)data, size, widths[w], false);
		render((const char *)data, size, widths[w], true);
	}
	return 0;
}
