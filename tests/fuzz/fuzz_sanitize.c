/* Fuzz target: the terminal sanitiser and the UTF-8 helpers.  Whatever the
 * input, the output holds no ESC, C0/C1 control (but newline and tab) and is
 * valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char *out = dt_sanitize(s, size, true);
	size_t n, off;

	if (!out)
		return 0;
	n = strlen(out);
	if (!dt_utf8_valid(out, n, NULL) || dt_has_control(out, n, &off))
		abort();
	(void)dt_utf8_width(s, size);
	dt_free(out);
	return 0;
}
