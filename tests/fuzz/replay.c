/* Replays fuzz inputs through a libFuzzer target without libFuzzer, so that
 * `make check` runs every saved crash and corpus file with the normal
 * compiler.  Usage: replay FILE...; prints "N passed, N failed" (a crash
 * ends the process, which the runner counts as a failure). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "dockertutor/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i, pass = 0, fail = 0;

	for (i = 1; i < argc; i++) {
		struct dt_error err;
		char *data;
		size_t len;

		if (dt_read_file(argv[i], 64u << 20, &data, &len, &err) != DT_OK) {
			fprintf(stderr, "%s: %s\n", argv[i], err.msg);
			fail++;
			continue;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		dt_free(data);
		pass++;
	}
	printf("%d passed, %d failed\n", pass, fail);
	return fail != 0;
}
