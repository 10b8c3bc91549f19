/* Status codes and positioned errors: engines fill a struct dt_error, the
 * CLI and UI print it. */
#include <stdio.h>
#include <string.h>

#include "dockertutor/util.h"

static const char *const status_text[] = {
#define DT_STATUS_TEXT(code, text) text,
	DT_STATUS_LIST(DT_STATUS_TEXT)
#undef DT_STATUS_TEXT
};

const char *dt_status_str(enum dt_status status)
{
	if ((unsigned)status >= DT_STATUS_COUNT)
		return "unknown status";
	return status_text[status];
}

enum dt_status dt_error_set(struct dt_error *err, enum dt_status code,
                            const char *path, int line, int col,
                            const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	err->line = line;
	err->col = col;
	dt_strlcpy(err->path, path ? path : "", sizeof err->path);
	va_start(ap, fmt);
	/* A cut message is still a useful message: truncation is accepted. */
	if (vsnprintf(err->msg, sizeof err->msg, fmt, ap) < 0)
		dt_strlcpy(err->msg, dt_status_str(code), sizeof err->msg);
	va_end(ap);
	return code;
}

void dt_error_clear(struct dt_error *err)
{
	if (err)
		memset(err, 0, sizeof *err);
}
