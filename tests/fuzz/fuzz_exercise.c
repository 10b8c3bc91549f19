/* Fuzz target: every exercise check kind, with the settings content uses
 * (and a few edge values), run on arbitrary Dockerfile text through
 * exercise_check_data, once with a workspace and once without.  Whatever
 * the input, the report has one result per check, each with a message and
 * a line inside the file, and its findings can be written out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dockertutor/exercise.h"

static const char *forbid[] = {"DL3003", "DL3057", "DL3059"};
static const char *require[] = {"DL3008"};
static const char *require_off[] = {"DL3057", "DL4006"};
static const char *order[] = {
	"WORKDIR /srv/app", "COPY requirements.txt", "RUN pip install",
};
static const char *order_glob[] = {
	"RUN apt-get update*apt-get install", "COPY --from=build", "CMD *",
};
static const char *order_one[] = {"USER"};

#define CHECK(k) .kind = COURSE_CHECK_##k, .min = -1, .max = -1

static const struct course_check checks[] = {
	{ CHECK(LINT) },
	{ CHECK(LINT), .str = "warning" },
	{ CHECK(LINT), .str = "style" },
	{ CHECK(FORBID_RULE), .list = forbid, .n_list = 3 },
	{ CHECK(REQUIRE_RULE), .list = require, .n_list = 1 },
	{ CHECK(REQUIRE_RULE), .list = require_off, .n_list = 2 },
	{ CHECK(FINAL_USER), .str = "non-root" },
	{ CHECK(BASE_PINNED), .str = "tag" },
	{ CHECK(BASE_PINNED), .str = "digest" },
	{ CHECK(HAS_INSTRUCTION), .str = "HEALTHCHECK" },
	{ CHECK(HAS_INSTRUCTION), .str = "WORKDIR" },
	{ CHECK(LACKS_INSTRUCTION), .str = "ADD" },
	{ CHECK(LACKS_INSTRUCTION), .str = "MAINTAINER" },
	{ .kind = COURSE_CHECK_STAGES, .min = 2, .max = -1 },
	{ .kind = COURSE_CHECK_STAGES, .min = -1, .max = 1 },
	{ .kind = COURSE_CHECK_STAGES, .min = 1, .max = 3 },
	{ CHECK(ORDER), .list = order, .n_list = 3 },
	{ CHECK(ORDER), .list = order_glob, .n_list = 3 },
	{ CHECK(ORDER), .list = order_one, .n_list = 1 },
	{ CHECK(ORDER) },
	{ CHECK(EXPOSES), .number = 8080 },
	{ CHECK(EXPOSES), .number = 65535 },
	{ CHECK(WORKDIR_ABSOLUTE) },
	{ CHECK(HEALTHCHECK) },
	{ CHECK(NO_SECRETS) },
	{ CHECK(FILE_EXISTS), .str = "app.py" },
	{ CHECK(FILE_EXISTS), .str = ".dockerignore" },
	{ CHECK(FILE_EXISTS), .str = "../escape" },
};

#define N_CHECKS (sizeof checks / sizeof checks[0])

static char ws[512];

static void remove_ws(void)
{
	char path[640];

	if (dt_snprintf(path, sizeof path, "%s/app.py", ws))
		(void)unlink(path);
	(void)rmdir(ws);
}

/* A workspace with one of the files the checks ask for. */
static const char *workspace(void)
{
	const char *tmp = getenv("TMPDIR");
	char path[640];
	FILE *f;

	if (ws[0])
		return ws;
	if (!dt_snprintf(ws, sizeof ws, "%s/dt-fuzz-ex-XXXXXX",
	                 tmp && *tmp ? tmp : "/tmp") || !mkdtemp(ws) ||
	    !dt_snprintf(path, sizeof path, "%s/app.py", ws) ||
	    !(f = fopen(path, "w")))
		abort();
	if (fputs("print('hello')\n", f) == EOF || fclose(f) != 0)
		abort();
	atexit(remove_ws);
	return ws;
}

static void check_report(const struct exercise_report *rep, size_t lines)
{
	struct dt_buf out;
	size_t i, passed = 0;

	if (rep->n_results != N_CHECKS || strcmp(rep->target, "Dockerfile") != 0)
		abort();
	for (i = 0; i < rep->n_results; i++) {
		const struct exercise_result *r = &rep->results[i];

		if (r->check != &checks[i] || !r->message || !r->message[0] ||
		    !r->file || r->line < 0 || (size_t)r->line > lines)
			abort();
		passed += r->passed;
	}
	if (passed != rep->n_passed ||
	    exercise_report_passed(rep) != (passed == N_CHECKS))
		abort();
	for (i = 0; i < rep->n_findings; i++)
		if (!rep->findings[i]->rule || !rep->findings[i]->message)
			abort();
	dt_buf_init(&out);
	if (!exercise_report_write_findings(rep, &out))
		abort();
	dt_buf_fini(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t lines = 1, i;
	int pass;

	for (i = 0; i < size; i++)
		lines += s[i] == '\n';
	for (pass = 0; pass < 2; pass++) {
		struct exercise_report *rep = NULL;
		struct dt_error err;
		enum dt_status rc;

		rc = exercise_check_data(checks, N_CHECKS, "Dockerfile", s, size,
		                         pass ? workspace() : NULL, &rep, &err);
		if (rc != DT_OK) {
			if (rc != DT_ERR_LIMIT || rep)
				abort();
			continue;
		}
		check_report(rep, lines);
		/* Without a workspace no file_exists check can pass. */
		if (!pass && rep->results[N_CHECKS - 3].passed)
			abort();
		exercise_report_free(rep);
	}
	return 0;
}
