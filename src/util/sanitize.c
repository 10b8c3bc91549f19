/* The terminal-safe sanitiser.  Text from content files, Dockerfiles and
 * databases passes through here before any of it reaches a terminal, so an
 * author cannot move the cursor, retitle the window or hide text. */
#include <string.h>

#include "dockertutor/util.h"

static const char replacement[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* Length of the escape sequence starting at s[0] == ESC (or a C1 CSI/OSC
 * introducer already decoded); the whole sequence is dropped. */
static size_t escape_len(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 2)
		return 1;
	switch (s[1]) {
	case '[':                       /* CSI: parameters, then a final byte */
		for (i = 2; i < n; i++)
			if ((unsigned char)s[i] >= 0x40 && (unsigned char)s[i] <= 0x7E)
				return i + 1;
		return n;
	case ']': case 'P': case 'X': case '^': case '_':
		/* OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \) */
		for (i = 2; i < n; i++) {
			if (s[i] == '\a')
				return i + 1;
			if (s[i] == '\x1b' && i + 1 < n && s[i + 1] == '\\')
				return i + 2;
		}
		return n;
	default:                        /* two- or three-byte escapes */
		if ((unsigned char)s[1] >= 0x20 && (unsigned char)s[1] <= 0x2F)
			return n > 2 ? 3 : 2;
		return 2;
	}
}

char *dt_sanitize(const char *s, size_t n, bool keep_newlines)
{
	struct dt_buf out;
	size_t i = 0;

	dt_buf_init(&out);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t len;

		if (c == 0x1B) {
			i += escape_len(s + i, n - i);
			continue;
		}
		if (c == '\n' || c == '\t') {
			dt_buf_putc(&out, keep_newlines ? (char)c : ' ');
			i++;
			continue;
		}
		if (c < 0x20 || c == 0x7F) {
			dt_buf_puts(&out, replacement);
			i++;
			continue;
		}
		if (c < 0x80) {
			dt_buf_putc(&out, (char)c);
			i++;
			continue;
		}
		len = dt_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			dt_buf_puts(&out, replacement);
			i++;
		} else if (cp >= 0x80 && cp < 0xA0) {
			dt_buf_puts(&out, replacement);   /* C1 controls, CSI included */
			i += len;
		} else {
			dt_buf_append(&out, s + i, len);
			i += len;
		}
	}
	return dt_buf_steal(&out);
}

bool dt_has_control(const char *s, size_t n, size_t *offset)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t len;

		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
			goto found;
		if (c < 0x80) {
			i++;
			continue;
		}
		len = dt_utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			i++;
			continue;
		}
		if (cp >= 0x80 && cp < 0xA0)
			goto found;
		i += len;
	}
	return false;
found:
	if (offset)
		*offset = i;
	return true;
}
