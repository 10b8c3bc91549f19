/* SQLite's memory comes from dt_malloc, like the rest of the program, so
 * the fault-injection tests that fail the N-th allocation reach inside
 * SQLite too and prove that store_open fails cleanly at every step.  Each
 * block carries its size in a 16-byte header (SQLite asks for it). */
#include <string.h>

#include "store_int.h"

#define HEADER 16

static void *mem_malloc(int n)
{
	unsigned char *p;

	if (n <= 0)
		return NULL;
	p = dt_malloc((size_t)n + HEADER);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	return p + HEADER;
}

static void mem_free(void *ptr)
{
	if (ptr)
		dt_free((unsigned char *)ptr - HEADER);
}

static int mem_size(void *ptr)
{
	int n = 0;

	if (ptr)
		memcpy(&n, (unsigned char *)ptr - HEADER, sizeof n);
	return n;
}

static void *mem_realloc(void *ptr, int n)
{
	unsigned char *p;

	if (!ptr)
		return mem_malloc(n);
	if (n <= 0)
		return NULL;
	p = dt_realloc((unsigned char *)ptr - HEADER, (size_t)n + HEADER);
	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	return p + HEADER;
}

static int mem_roundup(int n)
{
	return (n + 7) & ~7;
}

static int mem_init(void *app)
{
	(void)app;
	return SQLITE_OK;
}

static void mem_shutdown(void *app)
{
	(void)app;
}

static const sqlite3_mem_methods methods = {
	mem_malloc, mem_free, mem_realloc, mem_size, mem_roundup,
	mem_init, mem_shutdown, NULL,
};

void store_mem_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	/* Fails with SQLITE_MISUSE when SQLite was already initialised by
	 * someone else: it then keeps its own allocator, which is fine. */
	(void)sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
}
