/* Syntax highlighting for the code blocks of lessons: Dockerfile, shell and
 * YAML.  A small hand-written scanner per language; it only colours, so a
 * construct it does not know simply stays plain. */
#include <ctype.h>
#include <string.h>

#include "dockertutor/text.h"
#include "text_int.h"

static const char *const dockerfile_words[] = {
	"ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
	"HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL",
	"STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "AS",
};

static bool is_dockerfile_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof dockerfile_words / sizeof *dockerfile_words; i++)
		if (strlen(dockerfile_words[i]) == n &&
		    dt_strncasecmp(dockerfile_words[i], s, n) == 0)
			return true;
	return false;
}

static size_t quoted_len(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++) {
		if (s[i] == '\\' && s[0] == '"' && i + 1 < n)
			i++;
		else if (s[i] == s[0])
			return i + 1;
	}
	return n;
}

static size_t variable_len(const char *s, size_t n)
{
	size_t i = 1;

	if (n > 1 && s[1] == '{') {
		while (i < n && s[i] != '}')
			i++;
		return i < n ? i + 1 : n;
	}
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
		i++;
	return i;
}

static size_t word_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && !isspace((unsigned char)s[i]) && s[i] != '"' &&
	       s[i] != '\'' && s[i] != '$' && s[i] != '#')
		i++;
	return i ? i : 1;
}

/* Shell and the bodies of RUN: commands, flags, strings, variables and
 * comments.  first_is_command marks the first word of the line. */
static void shell_scan(struct line_builder *lb, const char *s, size_t n,
                       bool first_is_command)
{
	bool expect_command = first_is_command;
	size_t i = 0;

	while (i < n) {
		char c = s[i];
		size_t len;

		if (isspace((unsigned char)c)) {
			for (len = 0; i + len < n && isspace((unsigned char)s[i + len]); len++)
				;
			lb_add(lb, s + i, len, TEXT_CODE);
		} else if (c == '#' && (i == 0 || isspace((unsigned char)s[i - 1]))) {
			len = n - i;
			lb_add(lb, s + i, len, TEXT_CODE | TEXT_COMMENT);
		} else if (c == '"' || c == '\'') {
			len = quoted_len(s + i, n - i);
			lb_add(lb, s + i, len, TEXT_CODE | TEXT_STRING);
			expect_command = false;
		} else if (c == '$') {
			len = variable_len(s + i, n - i);
			lb_add(lb, s + i, len, TEXT_CODE | TEXT_VARIABLE);
		} else if (c == '&' || c == '|' || c == ';' || c == '(' || c == ')') {
			for (len = 0; i + len < n && strchr("&|;()", s[i + len]); len++)
				;
			lb_add(lb, s + i, len, TEXT_CODE);
			expect_command = true;
		} else {
			unsigned style = TEXT_CODE;

			len = word_len(s + i, n - i);
			if (c == '-')
				style |= TEXT_FLAG;
			else if (expect_command && memchr(s + i, '=', len) == NULL)
				style |= TEXT_KEYWORD;
			if (!(c == '-') && memchr(s + i, '=', len) == NULL)
				expect_command = false;
			lb_add(lb, s + i, len, style);
		}
		i += len;
	}
}

static void dockerfile_line(struct line_builder *lb, const char *s, size_t n)
{
	size_t i = 0, w;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i < n && s[i] == '#') {
		lb_add(lb, s, n, TEXT_CODE | TEXT_COMMENT);
		return;
	}
	lb_add(lb, s, i, TEXT_CODE);
	w = 0;
	while (i + w < n && isalpha((unsigned char)s[i + w]))
		w++;
	if (w && is_dockerfile_word(s + i, w)) {
		bool run = (w == 3 && dt_strncasecmp(s + i, "RUN", 3) == 0);

		lb_add(lb, s + i, w, TEXT_CODE | TEXT_KEYWORD);
		shell_scan(lb, s + i + w, n - i - w, run);
		return;
	}
	/* A continuation line of a RUN or a word list. */
	shell_scan(lb, s + i, n - i, false);
}

static void yaml_line(struct line_builder *lb, const char *s, size_t n)
{
	size_t i = 0, key_end;

	while (i < n && (isspace((unsigned char)s[i]) || s[i] == '-'))
		i++;
	lb_add(lb, s, i, TEXT_CODE);
	if (i < n && s[i] == '#') {
		lb_add(lb, s + i, n - i, TEXT_CODE | TEXT_COMMENT);
		return;
	}
	for (key_end = i; key_end < n; key_end++)
		if (s[key_end] == ':' || s[key_end] == ' ' || s[key_end] == '"')
			break;
	if (key_end < n && s[key_end] == ':' && key_end > i) {
		lb_add(lb, s + i, key_end - i, TEXT_CODE | TEXT_KEYWORD);
		i = key_end;
	}
	shell_scan(lb, s + i, n - i, false);
}

void text_highlight_line(struct line_builder *lb, const char *lang,
                         const char *s, size_t n)
{
	if (!lang)
		lb_add(lb, s, n, TEXT_CODE);
	else if (strcmp(lang, "dockerfile") == 0 || strcmp(lang, "Dockerfile") == 0)
		dockerfile_line(lb, s, n);
	else if (strcmp(lang, "sh") == 0 || strcmp(lang, "bash") == 0 ||
	         strcmp(lang, "shell") == 0 || strcmp(lang, "console") == 0)
		shell_scan(lb, s, n, true);
	else if (strcmp(lang, "yaml") == 0 || strcmp(lang, "yml") == 0)
		yaml_line(lb, s, n);
	else
		lb_add(lb, s, n, TEXT_CODE);
}
