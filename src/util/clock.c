/* Monotonic time for durations and benchmarks. */
#include <time.h>

#include "dockertutor/util.h"

uint64_t dt_now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}
