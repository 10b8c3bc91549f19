/* A string map for ids, paths and stems while a course is checked, and
 * the FNV-1a hash behind it and behind the course's content hash.  Sized
 * once from a known count, it lives in an arena and never rehashes. */
#include <string.h>

#include "course_int.h"

/* FNV-1a, eight bytes at a time where it can: whole files go through it
 * for the content hash. */
uint64_t course_hash_bytes(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t i = 0;

	if (h == 0)
		h = 0xcbf29ce484222325u;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0x100000001b3u;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	return h;
}

/* The hash with its bits mixed (MurmurHash3's finaliser), so that the low
 * bits used to pick a slot depend on every byte. */
uint64_t course_hash_str(const char *s)
{
	uint64_t h = course_hash_bytes(0, s, strlen(s));

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

bool idmap_init(struct idmap *map, struct dt_arena *arena, size_t expect)
{
	size_t cap = 16;

	while (cap < expect * 2 + 2)
		cap *= 2;
	map->keys = dt_arena_alloc(arena, cap * sizeof *map->keys);
	map->vals = dt_arena_alloc(arena, cap * sizeof *map->vals);
	map->cap = cap;
	map->n = 0;
	return map->keys && map->vals;
}

static size_t slot(const struct idmap *map, const char *key)
{
	size_t i = (size_t)course_hash_str(key) & (map->cap - 1);

	while (map->keys[i] && strcmp(map->keys[i], key) != 0)
		i = (i + 1) & (map->cap - 1);
	return i;
}

const void *idmap_get(const struct idmap *map, const char *key)
{
	size_t i;

	if (!map->keys || !key)
		return NULL;
	i = slot(map, key);
	return map->keys[i] ? map->vals[i] : NULL;
}

const void *idmap_put(struct idmap *map, const char *key, const void *val)
{
	size_t i;

	if (!map->keys || !key)
		return NULL;
	i = slot(map, key);
	if (map->keys[i])
		return map->vals[i];
	if (map->n + 1 >= map->cap / 2)
		return key;                   /* full: the caller sized it wrong */
	map->keys[i] = key;
	map->vals[i] = val;
	map->n++;
	return NULL;
}
