/* Arenas: a chain of blocks, bump allocation, one call frees everything.
 * Large requests get a block of their own so a huge string never wastes a
 * standard block. */
#include <stdio.h>
#include <string.h>

#include "dockertutor/util.h"

#define ARENA_BLOCK 32768u
#define ARENA_ALIGN 16u

struct dt_arena_block {
	struct dt_arena_block *next;
	size_t size;
	size_t used;
	_Alignas(16) unsigned char data[];
};

void dt_arena_init(struct dt_arena *arena)
{
	arena->head = NULL;
	arena->used_total = 0;
}

void dt_arena_fini(struct dt_arena *arena)
{
	struct dt_arena_block *b, *next;

	if (!arena)
		return;
	for (b = arena->head; b; b = next) {
		next = b->next;
		dt_free(b);
	}
	arena->head = NULL;
	arena->used_total = 0;
}

void *dt_arena_alloc(struct dt_arena *arena, size_t size)
{
	void *p = dt_arena_alloc_raw(arena, size);

	if (p)
		memset(p, 0, size);
	return p;
}

void *dt_arena_alloc_raw(struct dt_arena *arena, size_t size)
{
	struct dt_arena_block *b = arena->head;
	size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < size)
		return NULL;
	if (!b || b->size - b->used < need) {
		size_t bsize = need > ARENA_BLOCK / 4 ? need : ARENA_BLOCK;

		if (bsize > SIZE_MAX - sizeof *b)
			return NULL;
		b = dt_malloc(sizeof *b + bsize);
		if (!b)
			return NULL;
		b->size = bsize;
		b->used = 0;
		if (bsize == need && arena->head) {
			/* A big block goes second so the current block keeps
			 * serving small requests. */
			b->next = arena->head->next;
			arena->head->next = b;
		} else {
			b->next = arena->head;
			arena->head = b;
		}
	}
	p = b->data + b->used;
	b->used += need;
	arena->used_total += need;
	return p;
}

char *dt_arena_strndup(struct dt_arena *arena, const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = dt_arena_alloc_raw(arena, len + 1);

	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *dt_arena_strdup(struct dt_arena *arena, const char *s)
{
	return dt_arena_strndup(arena, s, strlen(s));
}

char *dt_arena_printf(struct dt_arena *arena, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	s = dt_arena_alloc(arena, (size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	if (vsnprintf(s, (size_t)n + 1, fmt, ap) != n)
		s = NULL;
	va_end(ap);
	return s;
}
