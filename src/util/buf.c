/* Growable byte buffers.  A failed allocation marks the buffer failed so a
 * writer can append freely and check once at the end. */
#include <stdio.h>
#include <string.h>

#include "dockertutor/util.h"

void dt_buf_init(struct dt_buf *buf)
{
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->failed = false;
}

void dt_buf_fini(struct dt_buf *buf)
{
	if (!buf)
		return;
	dt_free(buf->data);
	dt_buf_init(buf);
}

void dt_buf_reset(struct dt_buf *buf)
{
	buf->len = 0;
	if (buf->data)
		buf->data[0] = '\0';
}

static bool reserve(struct dt_buf *buf, size_t extra)
{
	size_t want, cap;
	char *p;

	if (buf->failed)
		return false;
	if (extra > SIZE_MAX - buf->len - 1)
		goto fail;
	want = buf->len + extra + 1;
	if (want <= buf->cap)
		return true;
	cap = buf->cap ? buf->cap : 64;
	while (cap < want) {
		if (cap > SIZE_MAX / 2)
			goto fail;
		cap *= 2;
	}
	p = dt_realloc(buf->data, cap);
	if (!p)
		goto fail;
	buf->data = p;
	buf->cap = cap;
	return true;
fail:
	buf->failed = true;
	return false;
}

bool dt_buf_append(struct dt_buf *buf, const char *s, size_t n)
{
	if (!reserve(buf, n))
		return false;
	if (n)
		memcpy(buf->data + buf->len, s, n);
	buf->len += n;
	buf->data[buf->len] = '\0';
	return true;
}

bool dt_buf_puts(struct dt_buf *buf, const char *s)
{
	return dt_buf_append(buf, s, strlen(s));
}

bool dt_buf_putc(struct dt_buf *buf, char c)
{
	return dt_buf_append(buf, &c, 1);
}

bool dt_buf_vprintf(struct dt_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0) {
		buf->failed = true;
		return false;
	}
	if (!reserve(buf, (size_t)n))
		return false;
	if (vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap) != n) {
		buf->failed = true;
		return false;
	}
	buf->len += (size_t)n;
	return true;
}

bool dt_buf_printf(struct dt_buf *buf, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = dt_buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return ok;
}

char *dt_buf_steal(struct dt_buf *buf)
{
	char *data;

	if (buf->failed) {
		dt_buf_fini(buf);
		return NULL;
	}
	if (!buf->data && !reserve(buf, 0))
		return NULL;
	if (buf->len == 0)
		buf->data[0] = '\0';
	data = buf->data;
	dt_buf_init(buf);
	return data;
}
