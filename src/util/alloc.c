/* Checked allocation with fault injection: tests make the N-th allocation
 * fail to prove that every loader cleans up and reports DT_ERR_NOMEM. */
#include <stdlib.h>
#include <string.h>

#include "dockertutor/util.h"

static unsigned long fail_at;   /* 0: never fail */
static unsigned long count;

void dt_alloc_fail_at(unsigned long n)
{
	fail_at = n;
	count = 0;
}

unsigned long dt_alloc_count(void)
{
	return count;
}

static bool should_fail(void)
{
	count++;
	return fail_at != 0 && count >= fail_at;
}

void *dt_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *dt_calloc(size_t n, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *dt_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

char *dt_strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = dt_malloc(len + 1);

	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *dt_strdup(const char *s)
{
	return dt_strndup(s, strlen(s));
}

void dt_free(void *ptr)
{
	free(ptr);
}
