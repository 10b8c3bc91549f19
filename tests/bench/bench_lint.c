/* make bench: the linter's throughput in one process, over a generated
 * corpus of realistic Dockerfiles (multi-stage builds, package installs
 * with continuations, heredocs, labels, pragmas), and the wall time of one
 * `dockertutor lint FILE` process ($DT_BIN) on a 100-line Dockerfile.
 * Prints MB/s of CPU time (the machine may be busy with other work)
 * against the target, the wall-clock figure beside it, and the median
 * process time; asserts nothing.
 *
 * The processes are started with posix_spawn and timed from the spawn to
 * the end of waitpid, so the figure is the linter's own and not that of a
 * scripting language starting it. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "dockertutor/lint.h"

#define N_FILES      2000
#define TARGET_MBPS  100.0
#define MIN_MS       2000u
#define PROC_RUNS    200     /* processes timed for the median */
#define PROC_TARGET  2.0     /* ms per process */
#define PROC_INSTALLS 45     /* RUN lines (two physical lines each) */

extern char **environ;

static const char *const bases[] = {
	"debian:12-slim", "alpine:3.19", "python:3.12-slim", "node:20.11-alpine",
	"golang:1.22", "ubuntu", "registry.example.com/team/base:4.2",
};

/* Appends one Dockerfile built from the variant number v. */
static void make_file(struct dt_buf *b, unsigned v)
{
	unsigned i;

	dt_buf_printf(b, "# syntax=docker/dockerfile:1\n# Service %u\n"
	              "ARG BASE=%s\nARG VERSION=1.%u.0\n\n", v,
	              bases[v % 7], v % 13);
	dt_buf_printf(b, "FROM ${BASE} AS build\nWORKDIR /src\n"
	              "ENV LANG=C.UTF-8 PATH=/opt/app/bin:$PATH\n");
	if (v % 3 == 0)
		dt_buf_puts(b, "RUN apt-get update \\\n"
		               " && apt-get install -y --no-install-recommends \\\n"
		               "      ca-certificates=20230311 curl=7.88.1-10+deb12u5 git \\\n"
		               " && rm -rf /var/lib/apt/lists/*\n");
	else if (v % 3 == 1)
		dt_buf_puts(b, "RUN apk add --no-cache curl=8.5.0-r0 git build-base\n");
	else
		dt_buf_puts(b, "RUN --mount=type=cache,target=/root/.cache/pip \\\n"
		               "    pip install --no-cache-dir -r requirements.txt flask==3.0.0\n");
	dt_buf_puts(b, "COPY package.json package-lock.json ./\n"
	               "RUN npm ci && npm run build | tee /tmp/build.log\n"
	               "# hadolint ignore=DL3003\n"
	               "RUN cd /src && make -j4 all && make install DESTDIR=/out\n");
	for (i = 0; i < 4 + v % 5; i++)
		dt_buf_printf(b, "RUN echo step-%u && test -d /src/dir%u || mkdir -p /src/dir%u\n",
		              i, i, i);
	dt_buf_puts(b, "RUN <<EOF\nset -eux\nfor f in /out/bin/*; do strip \"$f\"; done\n"
	               "wget -q https://example.com/tool.tar.gz && tar -xzf tool.tar.gz\nEOF\n\n");
	dt_buf_printf(b, "FROM %s\nLABEL org.opencontainers.image.version=\"${VERSION}\" "
	              "maintainer=\"team@example.com\"\n", bases[(v + 1) % 7]);
	dt_buf_puts(b, "COPY --from=build --chown=10001:10001 /out/ /opt/app/\n"
	               "EXPOSE 8080/tcp 9090\n"
	               "HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost:8080/health || exit 1\n"
	               "USER 10001:10001\nENTRYPOINT [\"/opt/app/bin/server\"]\nCMD [\"--port\", \"8080\"]\n");
}

/* The one-process Dockerfile: two stages around 45 package installs
 * with continuations, 96 lines.  False when it cannot be written. */
static bool write_dockerfile(FILE *fp, int *lines)
{
	int i, ok = 1;

	*lines = 0;
	ok &= fputs("FROM debian:12-slim AS build\nWORKDIR /src\n", fp) >= 0;
	for (i = 0; i < PROC_INSTALLS; i++)
		ok &= fprintf(fp, "RUN apt-get update && apt-get install -y "
		              "--no-install-recommends pkg%d=1.%d \\\n"
		              " && rm -rf /var/lib/apt/lists/*\n", i, i) > 0;
	ok &= fputs("FROM debian:12-slim\nCOPY --from=build /src /app\n"
	            "USER 10001\nCMD [\"/app/run\"]\n", fp) >= 0;
	*lines = 2 + 2 * PROC_INSTALLS + 4;
	return ok;
}

static double mono_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One `bin lint --no-shellcheck path` run: its wall time in ms, or a
 * negative number when it could not be started or did not exit with 0 or
 * 1 (1: findings). */
static double one_process(const char *bin, const char *path,
                          const posix_spawn_file_actions_t *fa)
{
	char *argv[] = {(char *)bin, "lint", "--no-shellcheck", (char *)path, NULL};
	double t0 = mono_ms();
	pid_t pid;
	int status;

	if (posix_spawn(&pid, bin, fa, NULL, argv, environ) != 0)
		return -1;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) > 1)
		return -1;
	return mono_ms() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of PROC_RUNS processes of $DT_BIN; nothing when it is unset. */
static int bench_process(void)
{
	const char *bin = getenv("DT_BIN"), *dir = getenv("TMPDIR");
	char path[4096];
	double times[PROC_RUNS];
	posix_spawn_file_actions_t fa;
	int fd, lines, i, rc = 1;
	FILE *fp;

	if (!bin || !*bin)
		return 0;
	if (!dt_snprintf(path, sizeof path, "%s/dt-bench-XXXXXX",
	                 dir && *dir ? dir : "/tmp") ||
	    (fd = mkstemp(path)) < 0 || !(fp = fdopen(fd, "w"))) {
		fprintf(stderr, "bench_lint: cannot write a temporary Dockerfile\n");
		return 1;
	}
	if (!write_dockerfile(fp, &lines) || fclose(fp) != 0 ||
	    posix_spawn_file_actions_init(&fa) != 0) {
		fprintf(stderr, "bench_lint: cannot write %s\n", path);
		unlink(path);
		return 1;
	}
	if (posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0) == 0 &&
	    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0) == 0 &&
	    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0) == 0) {
		for (i = 0; i < PROC_RUNS && (times[i] = one_process(bin, path, &fa)) >= 0; i++)
			;
		if (i == PROC_RUNS) {
			qsort(times, PROC_RUNS, sizeof times[0], cmp_double);
			printf("lint one file: median %.2f ms per process on a %d-line "
			       "Dockerfile (target <= %.0f ms; fastest %.2f ms; %d runs)\n",
			       (times[PROC_RUNS / 2 - 1] + times[PROC_RUNS / 2]) / 2, lines,
			       PROC_TARGET, times[0], PROC_RUNS);
			rc = 0;
		} else {
			fprintf(stderr, "bench_lint: %s lint did not run\n", bin);
		}
	}
	posix_spawn_file_actions_destroy(&fa);
	unlink(path);
	return rc;
}

static double cpu_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	struct dt_buf corpus;
	size_t offsets[N_FILES + 1], total, findings = 0;
	struct lint_config cfg;
	uint64_t start, ms;
	unsigned i, rounds = 0;
	double mb, cpu0, cpu;

	dt_buf_init(&corpus);
	for (i = 0; i < N_FILES; i++) {
		offsets[i] = corpus.len;
		make_file(&corpus, i);
	}
	offsets[N_FILES] = corpus.len;
	if (corpus.failed) {
		fprintf(stderr, "bench_lint: out of memory\n");
		return 1;
	}
	total = corpus.len;
	lint_config_init(&cfg);
	cfg.shellcheck = false;
	start = dt_now_ms();
	cpu0 = cpu_seconds();
	do {
		for (i = 0; i < N_FILES; i++) {
			struct lint_result *res;
			struct dt_error err;

			if (lint_run("Dockerfile", corpus.data + offsets[i],
			             offsets[i + 1] - offsets[i], &cfg, &res, &err) != DT_OK) {
				fprintf(stderr, "bench_lint: %s\n", err.msg);
				return 1;
			}
			findings += res->n_findings;
			lint_result_free(res);
		}
		rounds++;
		ms = dt_now_ms() - start;
	} while (ms < MIN_MS);
	cpu = cpu_seconds() - cpu0;
	mb = (double)total * rounds / (1024.0 * 1024.0);
	printf("lint throughput: %.0f MB/s of CPU time (target >= %.0f MB/s; "
	       "%.0f MB/s by the wall clock; %u files of %zu bytes on average, "
	       "%.1f findings each, %u rounds)\n",
	       cpu > 0 ? mb / cpu : 0.0, TARGET_MBPS, mb / ((double)ms / 1000.0),
	       N_FILES, total / N_FILES,
	       (double)findings / ((double)N_FILES * rounds), rounds);
	dt_buf_fini(&corpus);
	return bench_process();
}
