/* Private to src/text/: the line builder shared by the renderer and the
 * code highlighter. */
#ifndef DT_TEXT_INT_H
#define DT_TEXT_INT_H

#include "dockertutor/text.h"

/* A line under construction: spans are kept in a growable array and copied
 * into the arena when the line is finished. */
struct line_builder {
	struct dt_arena *arena;
	struct text_span *spans;
	size_t n, cap;
	size_t width;
	bool failed;
};

void lb_init(struct line_builder *lb, struct dt_arena *arena);
void lb_fini(struct line_builder *lb);
/* Appends text (copied) with a style, merging with the previous span when
 * the style is the same. */
void lb_add(struct line_builder *lb, const char *s, size_t n, unsigned style);

/* Splits one line of code in the given language into styled pieces and adds
 * them to lb.  lang may be NULL or unknown: then the line is plain code. */
void text_highlight_line(struct line_builder *lb, const char *lang,
                         const char *s, size_t n);

#endif
