/* The load context shared by every reader: where results and scratch
 * memory go, which file is being read, diagnostics with positions (capped
 * per file), references collected for the final cross-check, and content
 * paths (joined, normalised, kept inside the content folder). */
#include <stdio.h>
#include <string.h>

#include "course_int.h"

void load_init(struct load *ld, struct dt_arena *arena,
               struct course_diags *diags, const char *root)
{
	memset(ld, 0, sizeof *ld);
	ld->arena = arena;
	dt_arena_init(&ld->scratch);
	ld->diags = diags;
	ld->root = root;
	ld->rel_dir = "";
}

void load_fini(struct load *ld)
{
	dt_free(ld->refs);
	dt_free(ld->lesson_files);
	dt_free(ld->exam_files);
	dt_free(ld->bank_files);
	dt_arena_fini(&ld->scratch);
	ld->refs = NULL;
	ld->lesson_files = ld->exam_files = ld->bank_files = NULL;
}

bool load_begin_file(struct load *ld, struct ydoc *doc, const char *file,
                     const char *rel_dir)
{
	ld->doc = doc;
	ld->file = dt_arena_strdup(ld->arena, file);
	ld->rel_dir = rel_dir;
	ld->file_diags = 0;
	ld->stop = false;
	if (!ld->file)
		ld->nomem = true;
	return ld->file != NULL;
}

void *load_alloc(struct load *ld, size_t size)
{
	void *p = dt_arena_alloc(ld->arena, size ? size : 1);

	if (!p)
		ld->nomem = true;
	return p;
}

const char *load_strdup(struct load *ld, const char *s, size_t n)
{
	char *p = dt_arena_strndup(ld->arena, s, n);

	if (!p)
		ld->nomem = true;
	return p;
}

struct course_pos load_pos(const struct load *ld, const struct ynode *node)
{
	struct course_pos pos = { ld->file, 1, 1 };

	if (node) {
		pos.line = node->line;
		pos.col = node->col;
	}
	return pos;
}

static void vdiag(struct load *ld, enum course_severity sev, const char *file,
                  int line, int col, const char *fmt, va_list ap)
{
	char msg[1024];

	if (ld->stop)
		return;
	if (file == ld->file && ++ld->file_diags > COURSE_MAX_FILE_DIAGS) {
		ld->stop = true;
		if (!course_diag_add(ld->diags, COURSE_ERROR, file, line, col,
		                     "more than %u problems in this file; the rest "
		                     "of it is not checked", COURSE_MAX_FILE_DIAGS))
			ld->nomem = true;
		return;
	}
	/* A message cut at 1 KiB still says what is wrong. */
	if (vsnprintf(msg, sizeof msg, fmt, ap) < 0)
		dt_strlcpy(msg, "invalid content", sizeof msg);
	if (!course_diag_add(ld->diags, sev, file, line, col, "%s", msg))
		ld->nomem = true;
}

void load_diag_at(struct load *ld, enum course_severity sev, const char *file,
                  int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag(ld, sev, file, line, col, fmt, ap);
	va_end(ap);
}

void load_error(struct load *ld, const struct ynode *at, const char *fmt, ...)
{
	struct course_pos pos = load_pos(ld, at);
	va_list ap;

	va_start(ap, fmt);
	vdiag(ld, COURSE_ERROR, pos.file, pos.line, pos.col, fmt, ap);
	va_end(ap);
}

void load_warn(struct load *ld, const struct ynode *at, const char *fmt, ...)
{
	struct course_pos pos = load_pos(ld, at);
	va_list ap;

	va_start(ap, fmt);
	vdiag(ld, COURSE_WARNING, pos.file, pos.line, pos.col, fmt, ap);
	va_end(ap);
}

bool load_add_ref(struct load *ld, const struct ref *ref)
{
	if (ld->n_refs == ld->cap_refs) {
		size_t cap = ld->cap_refs ? ld->cap_refs * 2 : 64;
		struct ref *p = dt_realloc(ld->refs, cap * sizeof *p);

		if (!p) {
			ld->nomem = true;
			return false;
		}
		ld->refs = p;
		ld->cap_refs = cap;
	}
	ld->refs[ld->n_refs++] = *ref;
	return true;
}

/* Copies at most max characters of s, stopping at a line break, and marks
 * a cut with "...".  Control characters (from escapes in double quotes)
 * become '?', so a message never carries one. */
static void clip(char *out, size_t size, const char *s, size_t max)
{
	size_t i = 0, chars = 0, o = 0, n = strlen(s);

	while (s[i] && s[i] != '\n' && chars < max) {
		uint32_t cp;
		size_t len = dt_utf8_decode(s + i, n - i, &cp);

		if (len == 0 || o + len + 4 >= size)
			break;
		if (dt_utf8_cp_width(cp) < 0) {
			out[o++] = '?';
		} else {
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
		chars++;
	}
	if (s[i] && o + 4 < size) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

const char *load_describe(const struct ynode *node, char *buf, size_t size)
{
	char text[200];

	if (node->kind == YNODE_SEQ)
		return "a list";
	if (node->kind == YNODE_MAP)
		return "a mapping";
	if (ynode_is_null(node))
		return "nothing";
	clip(text, sizeof text, node->str, 40);
	if (!dt_snprintf(buf, size, "'%s'", text))
		return "a value";
	return buf;
}

const char *load_suggest(const char *s, const char *const *names)
{
	unsigned cap = strlen(s) <= 3 ? 1 : 2, best = cap + 1;
	const char *hit = NULL;
	size_t i;

	for (i = 0; names[i]; i++) {
		unsigned d = dt_edit_distance(s, names[i], cap);

		if (d < best && strcmp(s, names[i]) != 0) {
			best = d;
			hit = names[i];
		}
	}
	return hit;
}

/* ---- Paths ------------------------------------------------------------ */

const char *load_path_join(const char *rel_dir, const char *path, char *out,
                           size_t size)
{
	char tmp[COURSE_MAX_PATH * 2 + 2];
	size_t o = 0, n_parts = 0;
	size_t starts[COURSE_MAX_PATH];
	char *p, *part;

	if (!path[0])
		return "the path is empty";
	if (path[0] == '/')
		return "an absolute path is not allowed; write it relative to "
		       "this file";
	if (strlen(path) > COURSE_MAX_PATH)
		return "the path is longer than 1024 bytes, the limit";
	if (!dt_snprintf(tmp, sizeof tmp, "%s%s%s", rel_dir,
	                 rel_dir[0] ? "/" : "", path))
		return "the path is longer than 1024 bytes, the limit";
	for (part = tmp; part; part = p) {
		p = strchr(part, '/');
		if (p)
			*p++ = '\0';
		if (!part[0] || strcmp(part, ".") == 0)
			continue;
		if (strcmp(part, "..") == 0) {
			if (n_parts == 0)
				return "the path leaves the content folder";
			o = starts[--n_parts];
			continue;
		}
		starts[n_parts++] = o;
		if (o + strlen(part) + 2 > size || o + strlen(part) + 2 > COURSE_MAX_PATH)
			return "the path is longer than 1024 bytes, the limit";
		if (o)
			out[o++] = '/';
		memcpy(out + o, part, strlen(part));
		o += strlen(part);
	}
	if (o == 0)
		return "the path names the content folder itself, not a file";
	out[o] = '\0';
	return NULL;
}

const char *load_display_path(struct load *ld, const char *rel)
{
	const char *root = ld->root ? ld->root : ".";
	size_t n = strlen(root);
	char *p;

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (n == 1 && root[0] == '.')
		p = dt_arena_strdup(ld->arena, rel);
	else if (n == 1 && root[0] == '/')
		p = dt_arena_printf(ld->arena, "/%s", rel);
	else
		p = dt_arena_printf(ld->arena, "%.*s/%s", (int)n, root, rel);
	if (!p)
		ld->nomem = true;
	return p;
}
