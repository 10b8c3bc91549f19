/* Small pieces the Dockerfile parser and the shell reader share: a packed
 * string pool on the arena, growable scratch arrays, and Go's notion of a
 * blank (the parser must split where BuildKit splits). */
#include <string.h>

#include "lint_int.h"

#define POOL_FIRST 512u     /* bytes of the first chunk; each next doubles */
#define POOL_MAX   65536u   /* largest chunk */
#define POOL_OWN   8192u    /* strings this long get a block of their own */

_Static_assert(POOL_OWN <= POOL_MAX, "a chunk must hold any pooled string");
_Static_assert(LINT_POOL_SHORT <= POOL_OWN, "inline copies are pooled strings");

void lint_pool_init(struct lint_pool *pool, struct dt_arena *arena)
{
	pool->arena = arena;
	pool->cur = NULL;
	pool->left = 0;
	pool->chunk = POOL_FIRST / 2;
}

/* Chunks grow so that a pool used for one short script (the shell reader
 * makes one per RUN) wastes little, and a large file needs few chunks.  A
 * new chunk always holds the string asked for: POOL_OWN <= POOL_MAX, so
 * doubling reaches n + 1 before the cap. */
char *lint_pool_reserve(struct lint_pool *pool, size_t n)
{
	if (n >= POOL_OWN)
		return dt_arena_alloc_raw(pool->arena, n + 1);
	if (pool->left < n + 1) {
		if (pool->chunk < POOL_MAX)
			pool->chunk *= 2;
		while (pool->chunk < n + 1)
			pool->chunk *= 2;
		pool->cur = dt_arena_alloc_raw(pool->arena, pool->chunk);
		pool->left = pool->cur ? pool->chunk : 0;
	}
	return pool->cur;
}

void lint_pool_commit(struct lint_pool *pool, char *buf, size_t used)
{
	buf[used] = '\0';
	if (buf == pool->cur) {
		pool->cur += used + 1;
		pool->left -= used + 1;
	}
}

void *lint_vec_grow(struct lint_vec *v, size_t size)
{
	size_t cap = v->cap ? v->cap * 2 : 16;
	void *p;

	if (cap > SIZE_MAX / size)
		return NULL;
	p = dt_realloc(v->data, cap * size);
	if (!p)
		return NULL;
	v->data = p;
	v->cap = cap;
	return lint_vec_add(v, size);
}

void *lint_vec_copy(const struct lint_vec *v, size_t size,
                    struct dt_arena *arena)
{
	/* Most instructions have no pairs, flags or heredocs: an empty array
	 * costs nothing. */
	static max_align_t empty;
	void *out;

	if (v->n == 0)
		return &empty;
	out = dt_arena_alloc_raw(arena, v->n * size);
	if (out)
		memcpy(out, v->data, v->n * size);
	return out;
}

void lint_vec_free(struct lint_vec *v)
{
	dt_free(v->data);
	v->data = NULL;
	v->n = v->cap = 0;
}

/* The multi-byte blanks of unicode.IsSpace, as UTF-8. */
size_t lint_wide_space_len(const unsigned char *u, size_t n)
{
	if (n >= 2 && u[0] == 0xC2 && (u[1] == 0x85 || u[1] == 0xA0))
		return 2;
	if (n < 3)
		return 0;
	if (u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80)
		return 3;                                /* U+1680 */
	if (u[0] == 0xE2 && u[1] == 0x80 &&
	    ((u[2] >= 0x80 && u[2] <= 0x8A) || u[2] == 0xA8 || u[2] == 0xA9 ||
	     u[2] == 0xAF))
		return 3;                                /* U+2000-200A, 2028, 2029, 202F */
	if (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3;                                /* U+205F */
	if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;                                /* U+3000 */
	return 0;
}

size_t lint_space_len_back(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if (u[n - 1] == ' ' || (u[n - 1] >= '\t' && u[n - 1] <= '\r'))
		return 1;
	if (u[n - 1] < 0x80)
		return 0;
	if (n >= 2 && lint_wide_space_len(u + n - 2, 2) == 2)
		return 2;
	if (n >= 3 && lint_wide_space_len(u + n - 3, 3) == 3)
		return 3;
	return 0;
}

void lint_trim_space(const char **s, size_t *n)
{
	size_t k;

	while ((k = lint_space_len(*s, *n)) != 0) {
		*s += k;
		*n -= k;
	}
	while ((k = lint_space_len_back(*s, *n)) != 0)
		*n -= k;
}
