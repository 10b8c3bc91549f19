/* Unit tests for the exercise checks (src/exercise/check*.c): every check
 * kind of docs/content-format.md on Dockerfiles that pass it and that fail
 * it, with the line and the message a learner reads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dockertutor/exercise.h"

/* What one check said about one Dockerfile. */
struct outcome {
	bool passed;
	int line;
	char file[64];
	char msg[1024];
};

static struct outcome run_in(const struct course_check *check,
                             const char *dockerfile, const char *ws)
{
	struct exercise_report *rep;
	struct dt_error err = {0};
	struct outcome o;

	assert_int_equal(exercise_check_data(check, 1, "Dockerfile", dockerfile,
	                                     strlen(dockerfile), ws, &rep, &err),
	                 DT_OK);
	assert_int_equal(rep->n_results, 1);
	o.passed = rep->results[0].passed;
	o.line = rep->results[0].line;
	assert_non_null(rep->results[0].message);
	assert_true(dt_strlcpy(o.msg, rep->results[0].message, sizeof o.msg));
	assert_true(dt_strlcpy(o.file, rep->results[0].file, sizeof o.file));
	assert_int_equal(rep->n_passed, o.passed ? 1 : 0);
	assert_true(exercise_report_passed(rep) == o.passed);
	exercise_report_free(rep);
	return o;
}

static struct outcome run(const struct course_check *check,
                          const char *dockerfile)
{
	return run_in(check, dockerfile, NULL);
}

static struct course_check check_str(enum course_check_kind kind,
                                     const char *str)
{
	struct course_check c;

	memset(&c, 0, sizeof c);
	c.kind = kind;
	c.str = str;
	c.min = c.max = -1;
	return c;
}

static struct course_check check_list(enum course_check_kind kind,
                                      const char **list, size_t n)
{
	struct course_check c = check_str(kind, NULL);

	c.list = list;
	c.n_list = n;
	return c;
}

#define assert_contains(hay, needle)                                     \
	do {                                                             \
		if (!strstr((hay), (needle)))                            \
			fail_msg("'%s' does not contain '%s'", (hay),    \
			         (needle));                              \
	} while (0)

#define assert_passes(o) \
	do { struct outcome o_ = (o); if (!o_.passed) \
		fail_msg("expected a pass, got: %s", o_.msg); } while (0)
#define assert_fails_at(o, ln, text)                                     \
	do {                                                             \
		struct outcome o_ = (o);                                 \
		if (o_.passed)                                           \
			fail_msg("expected a failure, got: %s", o_.msg); \
		assert_int_equal(o_.line, (ln));                         \
		assert_contains(o_.msg, (text));                         \
	} while (0)

static void test_lint_threshold(void **state)
{
	struct course_check warn = check_str(COURSE_CHECK_LINT, "warning");
	struct course_check info = check_str(COURSE_CHECK_LINT, "info");
	struct course_check none = check_str(COURSE_CHECK_LINT, "none");
	/* Clean for every rule: pinned, not root, exec form. */
	const char *clean = "FROM alpine:3.20\nUSER 10001\nCMD [\"true\"]\n";
	const char *error = "FROM alpine:3.20\nWORKDIR /app\nADD . /app\n";
	const char *warning = "FROM alpine:3.20\nUSER 10001\nCMD true\n";

	(void)state;
	assert_passes(run(&warn, clean));
	assert_contains(run(&warn, clean).msg, "nothing more serious than a warning");
	assert_passes(run(&none, clean));
	assert_fails_at(run(&warn, error), 3, "error DL3020");
	/* A warning is fine up to "warning", not up to "info". */
	assert_passes(run(&warn, warning));
	assert_fails_at(run(&info, warning), 3, "DL3025");
	assert_fails_at(run(&none, "FROM alpine\nUSER 10001\n"), 1, "DL3006");
}

static void test_forbid_rule(void **state)
{
	const char *ids[] = {"DL3025"};
	const char *two[] = {"DL3020", "DL3025"};
	struct course_check c = check_list(COURSE_CHECK_FORBID_RULE, ids, 1);
	struct course_check c2 = check_list(COURSE_CHECK_FORBID_RULE, two, 2);

	(void)state;
	assert_fails_at(run(&c, "FROM alpine:3.20\n\nCMD echo hi\n"), 3,
	                "DL3025 still fires");
	assert_passes(run(&c, "FROM alpine:3.20\nCMD [\"echo\", \"hi\"]\n"));
	assert_contains(run(&c, "FROM alpine:3.20\nCMD [\"true\"]\n").msg,
	                "DL3025 does not fire.");
	assert_contains(run(&c2, "FROM alpine:3.20\nCMD [\"true\"]\n").msg,
	                "DL3020 and DL3025 do not fire.");
	/* A learner cannot silence the check with a pragma. */
	assert_fails_at(run(&c, "FROM alpine:3.20\n# hadolint ignore=DL3025\n"
	                        "CMD echo hi\n"), 3, "DL3025");
}

static void test_forbid_rule_off_by_default(void **state)
{
	const char *ids[] = {"DL3057"};
	struct course_check c = check_list(COURSE_CHECK_FORBID_RULE, ids, 1);
	struct course_check lint = check_str(COURSE_CHECK_LINT, "none");
	const struct lint_rule_info *r = lint_rule_find("DL3057");
	struct course_check both[2];
	struct exercise_report *rep;
	const char *df = "FROM alpine:3.20\nUSER 10001\nCMD [\"true\"]\n";

	(void)state;
	assert_non_null(r);
	assert_int_equal(r->severity, LINT_SEV_IGNORE);
	/* DL3057 (no HEALTHCHECK) is off unless asked for: a forbid_rule
	 * switches it on for itself, but the learner's findings and the
	 * lint check do not see it. */
	assert_fails_at(run(&c, df), 1, "DL3057");
	assert_passes(run(&c, "FROM alpine:3.20\nHEALTHCHECK CMD true\n"));
	assert_contains(run(&c, "FROM alpine:3.20\nHEALTHCHECK CMD true\n").msg,
	                "DL3057 does not fire.");
	both[0] = lint;
	both[1] = c;
	assert_int_equal(exercise_check_data(both, 2, "Dockerfile", df,
	                                     strlen(df), NULL, &rep, NULL),
	                 DT_OK);
	assert_true(rep->results[0].passed);
	assert_false(rep->results[1].passed);
	assert_int_equal(rep->n_findings, 0);
	exercise_report_free(rep);
}

static void test_require_rule(void **state)
{
	const char *ids[] = {"DL3006"};
	struct course_check c = check_list(COURSE_CHECK_REQUIRE_RULE, ids, 1);
	struct outcome o = run(&c, "FROM node\nCMD [\"node\"]\n");

	(void)state;
	assert_passes(o);
	assert_int_equal(o.line, 1);
	assert_contains(o.msg, "DL3006 fires, as the task asks");
	assert_fails_at(run(&c, "FROM node:22\n"), 0, "DL3006 does not fire yet");
}

static void test_final_user(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_FINAL_USER, "non-root");
	struct outcome o;

	(void)state;
	assert_fails_at(run(&c, "FROM alpine:3.20\nCMD [\"id\"]\n"), 0,
	                "The final stage still runs as root: add a USER "
	                "instruction after creating the user.");
	assert_fails_at(run(&c, "FROM alpine:3.20\nUSER app\nUSER root\n"), 3,
	                "`root`, which is root");
	assert_fails_at(run(&c, "FROM alpine:3.20\nUSER 0:0\n"), 2, "root");
	assert_fails_at(run(&c, "FROM alpine:3.20\nUSER 000\n"), 2, "root");
	o = run(&c, "FROM alpine:3.20\nRUN adduser -S app\nUSER app\n");
	assert_passes(o);
	assert_int_equal(o.line, 3);
	assert_contains(o.msg, "runs as `app`");
	assert_passes(run(&c, "FROM alpine:3.20\nUSER 10001:10001\n"));
	assert_passes(run(&c, "FROM alpine:3.20\nUSER rooter\n"));
	/* Only the final stage counts... */
	assert_fails_at(run(&c, "FROM golang:1.23 AS build\nUSER nobody\n"
	                        "FROM alpine:3.20\n"), 0, "still runs as root");
	/* ...but it inherits the user of the stage it is built on. */
	assert_passes(run(&c, "FROM alpine:3.20 AS base\nUSER app\n"
	                      "FROM base\nCMD [\"id\"]\n"));
	/* Variables are resolved. */
	assert_passes(run(&c, "FROM alpine:3.20\nARG UID=10001\nUSER ${UID}\n"));
	assert_fails_at(run(&c, "FROM alpine:3.20\nENV U=0\nUSER $U\n"), 3,
	                "root");
	assert_fails_at(run(&c, "FROM alpine:3.20\nUSER ${NOBODY}\n"), 2,
	                "names no user");
	assert_fails_at(run(&c, "# no stage at all\n"), 0, "no FROM");
}

static void test_base_pinned_tag(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_BASE_PINNED, "tag");

	(void)state;
	assert_fails_at(run(&c, "FROM node\n"), 1, "`node` names no tag");
	assert_fails_at(run(&c, "FROM alpine:3.20\nFROM node:latest\n"), 2,
	                "`latest`");
	assert_passes(run(&c, "FROM node:22-alpine\n"));
	assert_passes(run(&c, "FROM --platform=$BUILDPLATFORM node:22 AS b\n"
	                      "FROM scratch\nCOPY --from=b /x /x\n"));
	/* A registry port is not a tag. */
	assert_fails_at(run(&c, "FROM localhost:5000/app\n"), 1, "no tag");
	assert_passes(run(&c, "FROM localhost:5000/team/app:1.2\n"));
	/* A stage built on an earlier stage pulls nothing (names are not
	 * case-sensitive). */
	assert_passes(run(&c, "FROM golang:1.23 AS Build\nFROM build\n"));
	/* A digest pins even harder than a tag. */
	assert_passes(run(&c, "FROM node@sha256:432fb824fd7eef26aea47f1b9d71d"
	                      "95b374f5da4488e3fce3bcd18db72d4a512\n"));
	/* ARGs before FROM are resolved. */
	assert_passes(run(&c, "ARG V=22\nFROM node:${V}-alpine\n"));
	assert_fails_at(run(&c, "ARG V=latest\nFROM node:$V\n"), 2, "`latest`");
	assert_fails_at(run(&c, "ARG V\nFROM node:${V}\n"), 2, "names no tag");
	assert_passes(run(&c, "FROM scratch\n"));
	assert_contains(run(&c, "FROM scratch\n").msg, "No stage pulls");
}

static void test_base_pinned_digest(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_BASE_PINNED, "digest");
	const char *good = "FROM node:22@sha256:432fb824fd7eef26aea47f1b9d71d"
	                   "95b374f5da4488e3fce3bcd18db72d4a512 AS build\n"
	                   "FROM build\n";

	(void)state;
	assert_passes(run(&c, good));
	assert_fails_at(run(&c, "FROM node:22\n"), 1, "not pinned by digest");
	assert_fails_at(run(&c, "FROM node@sha256:abc123\n"), 1,
	                "malformed digest");
	assert_fails_at(run(&c, "FROM node@sha256:432FB824FD7EEF26AEA47F1B9D71D"
	                        "95B374F5DA4488E3FCE3BCD18DB72D4A512\n"), 1,
	                "malformed");
	assert_fails_at(run(&c, "FROM node:22@sha256:432fb824fd7eef26aea47f1b9"
	                        "d71d95b374f5da4488e3fce3bcd18db72d4a512\n"
	                        "FROM nginx:1.27\n"), 2, "`nginx:1.27`");
	/* The digest may come through an ARG. */
	assert_passes(run(&c, "ARG IMG=node:22@sha256:432fb824fd7eef26aea47f1"
	                      "b9d71d95b374f5da4488e3fce3bcd18db72d4a512\n"
	                      "FROM ${IMG}\n"));
}

static void test_has_and_lacks_instruction(void **state)
{
	struct course_check has = check_str(COURSE_CHECK_HAS_INSTRUCTION,
	                                    "HEALTHCHECK");
	struct course_check lacks = check_str(COURSE_CHECK_LACKS_INSTRUCTION,
	                                      "ADD");
	struct outcome o;

	(void)state;
	o = run(&has, "FROM alpine:3.20\nhealthcheck CMD true\n");
	assert_passes(o);
	assert_int_equal(o.line, 2);
	assert_fails_at(run(&has, "FROM alpine:3.20 AS a\nHEALTHCHECK CMD true\n"
	                          "FROM alpine:3.20\n"), 0,
	                "The final stage has no HEALTHCHECK instruction yet");
	assert_passes(run(&lacks, "FROM alpine:3.20\nCOPY a b\n"));
	assert_fails_at(run(&lacks, "FROM alpine:3.20\nCOPY a b\nADD c d\n"), 3,
	                "ADD is still used here");
	/* Any stage counts, and ONBUILD too. */
	assert_fails_at(run(&lacks, "FROM alpine:3.20 AS a\nADD c d\n"
	                            "FROM alpine:3.20\n"), 2, "ADD");
	assert_fails_at(run(&lacks, "FROM alpine:3.20\nONBUILD ADD . /app\n"), 2,
	                "ADD");
}

static void test_stages(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_STAGES, NULL);
	const char *two = "FROM golang:1.23 AS build\nRUN go build\n"
	                  "FROM scratch\nCOPY --from=build /a /a\n";

	(void)state;
	c.min = 2;
	assert_fails_at(run(&c, "FROM golang:1.23\n"), 0,
	                "has 1 build stage; the task needs at least 2");
	assert_passes(run(&c, two));
	assert_contains(run(&c, two).msg, "has 2 build stages");
	c.min = -1;
	c.max = 1;
	assert_fails_at(run(&c, two), 3, "at most 1");
	assert_passes(run(&c, "FROM golang:1.23\n"));
}

static void test_order(void **state)
{
	const char *pats[] = {"COPY package*.json", "RUN npm ci", "COPY . ."};
	const char *mount[] = {"RUN --mount=type=cache*pip install"};
	const char *from[] = {"COPY --from=build"};
	struct course_check c = check_list(COURSE_CHECK_ORDER, pats, 3);
	struct course_check m = check_list(COURSE_CHECK_ORDER, mount, 1);
	struct course_check f = check_list(COURSE_CHECK_ORDER, from, 1);
	const char *good = "FROM node:22\nWORKDIR /app\n"
	                   "COPY package.json package-lock.json ./\n"
	                   "RUN npm ci   --omit=dev\nCOPY . .\n";
	const char *bad = "FROM node:22\nWORKDIR /app\nCOPY . .\n"
	                  "COPY package.json ./\nRUN npm ci\n";

	(void)state;
	assert_passes(run(&c, good));
	/* Blanks and continuations fold; instruction names ignore case. */
	assert_passes(run(&c, "FROM node:22\ncopy  package.json \\\n  ./\n"
	                      "RUN npm \\\n    ci\ncopy . .\n"));
	/* COPY . . comes first: the last pattern is missing after RUN. */
	assert_fails_at(run(&c, bad), 3, "`COPY . .` must come after `RUN npm "
	                "ci` (line 5)");
	assert_fails_at(run(&c, "FROM node:22\nCOPY package.json .\nCOPY . .\n"),
	                0, "no instruction like `RUN npm ci`");
	/* Only the final stage counts. */
	assert_fails_at(run(&c, "FROM node:22 AS a\nCOPY package.json .\n"
	                        "RUN npm ci\nCOPY . .\nFROM node:22\n"), 0,
	                "no instruction like `COPY package*.json`");
	/* Flags can be asked for, and do not get in the way otherwise. */
	assert_passes(run(&m, "FROM python:3.12\nRUN --mount=type=cache,"
	                      "target=/root/.cache/pip pip install -r r.txt\n"));
	assert_fails_at(run(&m, "FROM python:3.12\nRUN pip install -r r.txt\n"),
	                0, "no instruction like");
	assert_passes(run(&f, "FROM golang:1.23 AS build\nFROM scratch\n"
	                      "COPY --from=build /out/app /app\n"));
	assert_fails_at(run(&f, "FROM golang:1.23 AS build\nFROM scratch\n"
	                        "COPY /out/app /app\n"), 0, "COPY --from=build");
	assert_passes(run(&c, "FROM node:22\nRUN --mount=type=cache,target=/r "
	                      "npm ci\nCOPY package.json .\nRUN npm ci\n"
	                      "COPY . .\n"));
}

static void test_exposes(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_EXPOSES, NULL);

	(void)state;
	c.number = 8080;
	assert_passes(run(&c, "FROM alpine:3.20\nEXPOSE 8080\n"));
	assert_passes(run(&c, "FROM alpine:3.20\nEXPOSE 53/udp 8080/tcp\n"));
	assert_passes(run(&c, "FROM alpine:3.20\nEXPOSE 8000-8090\n"));
	assert_passes(run(&c, "FROM alpine:3.20\nENV PORT=8080\nEXPOSE ${PORT}\n"));
	assert_passes(run(&c, "FROM alpine:3.20 AS base\nEXPOSE 8080\n"
	                      "FROM base\n"));
	assert_fails_at(run(&c, "FROM alpine:3.20\nEXPOSE 80\n"), 2,
	                "but not 8080");
	assert_fails_at(run(&c, "FROM alpine:3.20\nEXPOSE 80808\n"), 2,
	                "not 8080");
	assert_fails_at(run(&c, "FROM alpine:3.20 AS a\nEXPOSE 8080\n"
	                        "FROM alpine:3.20\n"), 0,
	                "does not EXPOSE port 8080");
}

static void test_workdir_absolute(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_WORKDIR_ABSOLUTE, NULL);

	(void)state;
	assert_fails_at(run(&c, "FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\n"),
	                3, "WORKDIR `src` is a relative path");
	assert_passes(run(&c, "FROM alpine:3.20\nWORKDIR /srv/app\n"));
	assert_passes(run(&c, "FROM alpine:3.20\nENV HOME=/home/app\n"
	                      "WORKDIR $HOME/data\n"));
	assert_passes(run(&c, "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022"
	                      "\nWORKDIR C:\\\\app\n"));
	assert_contains(run(&c, "FROM alpine:3.20\n").msg, "No WORKDIR");
	assert_fails_at(run(&c, "FROM alpine:3.20 AS a\nWORKDIR app\n"
	                        "FROM alpine:3.20\nWORKDIR /app\n"), 2,
	                "relative");
}

static void test_healthcheck(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_HEALTHCHECK, NULL);
	struct outcome o;

	(void)state;
	o = run(&c, "FROM alpine:3.20\nHEALTHCHECK --interval=30s \\\n"
	            "  CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1\n");
	assert_passes(o);
	assert_int_equal(o.line, 2);
	assert_fails_at(run(&c, "FROM alpine:3.20\n"), 0,
	                "The final stage has no HEALTHCHECK");
	assert_fails_at(run(&c, "FROM alpine:3.20\nHEALTHCHECK none\n"), 2,
	                "`HEALTHCHECK NONE` switches the health check off");
	/* Only the last one counts. */
	assert_fails_at(run(&c, "FROM alpine:3.20\nHEALTHCHECK CMD true\n"
	                        "HEALTHCHECK NONE\n"), 3, "NONE");
	assert_passes(run(&c, "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\n"
	                      "FROM base\n"));
}

static void test_no_secrets(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_NO_SECRETS, NULL);

	(void)state;
	assert_fails_at(run(&c, "FROM alpine:3.20\nENV DB_PASSWORD=hunter2\n"), 2,
	                "ENV DB_PASSWORD puts a secret into the image");
	assert_fails_at(run(&c, "FROM alpine:3.20\nENV LOG=1 \\\n"
	                        "    api_token=abc\n"), 3, "api_token");
	assert_fails_at(run(&c, "ARG NPM_TOKEN=npm_abc\nFROM alpine:3.20\n"), 1,
	                "ARG NPM_TOKEN has a default value");
	assert_fails_at(run(&c, "FROM alpine:3.20\nARG GEOIP_LICENSE_KEY=x\n"), 2,
	                "GEOIP_LICENSE_KEY");
	assert_fails_at(run(&c, "FROM alpine:3.20\nENV CLIENT_SECRET abc\n"), 2,
	                "CLIENT_SECRET");
	assert_fails_at(run(&c, "FROM alpine:3.20\nONBUILD ENV TOKEN=abc\n"), 2,
	                "ENV TOKEN");
	/* A build argument without a value carries nothing; neither does an
	 * empty value or a name that only ends in KEY. */
	assert_passes(run(&c, "FROM alpine:3.20\nARG GITHUB_TOKEN\n"
	                      "ENV API_TOKEN=\nENV KEYBOARD=us MONKEY=1\n"));
	assert_contains(run(&c, "FROM alpine:3.20\n").msg, "No ENV or ARG");
}

static void test_file_exists(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_FILE_EXISTS,
	                                  ".dockerignore");
	struct course_check up = check_str(COURSE_CHECK_FILE_EXISTS,
	                                   "../secret");
	char ws[] = "/tmp/dt-ws-XXXXXX", path[256];
	const char *df = "FROM alpine:3.20\n";
	struct outcome o;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(ws));
	o = run_in(&c, df, ws);
	assert_fails_at(o, 0, "The workspace has no .dockerignore yet: create "
	                "it next to the Dockerfile");
	assert_string_equal(o.file, ".dockerignore");
	assert_true(dt_snprintf(path, sizeof path, "%s/.dockerignore", ws));
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	assert_passes(run_in(&c, df, ws));
	assert_false(run_in(&up, df, ws).passed);
	assert_false(run(&c, df).passed);
	/* A folder is not a file. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_false(run_in(&c, df, ws).passed);
	assert_int_equal(rmdir(path), 0);
	assert_int_equal(rmdir(ws), 0);
}

static void test_report_and_findings(void **state)
{
	const char *ids[] = {"DL3025"};
	struct course_check checks[3];
	struct exercise_report *rep;
	struct dt_buf buf;
	const char *df = "FROM alpine:3.20\nADD a.txt /a.txt\nCMD echo hi\n";

	(void)state;
	checks[0] = check_str(COURSE_CHECK_LINT, "warning");
	checks[1] = check_list(COURSE_CHECK_FORBID_RULE, ids, 1);
	checks[2] = check_str(COURSE_CHECK_FINAL_USER, "non-root");
	assert_int_equal(exercise_check_data(checks, 3, "Dockerfile", df,
	                                     strlen(df), NULL, &rep, NULL),
	                 DT_OK);
	assert_int_equal(rep->n_results, 3);
	assert_int_equal(rep->n_passed, 0);
	assert_false(exercise_report_passed(rep));
	assert_ptr_equal(rep->results[1].check, &checks[1]);
	assert_string_equal(rep->results[0].file, "Dockerfile");
	dt_buf_init(&buf);
	assert_true(exercise_report_write_findings(rep, &buf));
	assert_contains(buf.data, "Dockerfile:2:1: error:");
	assert_contains(buf.data, "[DL3020]");
	assert_contains(buf.data, "Dockerfile:3:1: warning:");
	dt_buf_fini(&buf);
	exercise_report_free(rep);
	exercise_report_free(NULL);
}

static void test_a_file_that_does_not_parse(void **state)
{
	struct course_check c = check_str(COURSE_CHECK_FINAL_USER, "non-root");
	const char *junk = "\x01\x02 not a dockerfile\n\"\\\n";

	(void)state;
	/* Checks still run on whatever parsed; nothing crashes. */
	assert_false(run(&c, junk).passed);
	assert_false(run(&c, "").passed);
}

static void test_allocation_failures(void **state)
{
	const char *pats[] = {"COPY requirements.txt", "RUN pip install"};
	const char *ids[] = {"DL3042"};
	struct course_check checks[7];
	const char *df = "ARG V=3.12\nFROM python:${V}-slim AS build\n"
	                 "WORKDIR /app\nCOPY requirements.txt .\n"
	                 "RUN pip install -r requirements.txt\n"
	                 "FROM build\nENV API_TOKEN=x PORT=8000\n"
	                 "USER ${UID}\nEXPOSE ${PORT}\nHEALTHCHECK CMD true\n";
	unsigned long n;
	bool done = false;

	(void)state;
	checks[0] = check_str(COURSE_CHECK_LINT, "style");
	checks[1] = check_list(COURSE_CHECK_ORDER, pats, 2);
	checks[2] = check_list(COURSE_CHECK_FORBID_RULE, ids, 1);
	checks[3] = check_str(COURSE_CHECK_FINAL_USER, "non-root");
	checks[4] = check_str(COURSE_CHECK_EXPOSES, NULL);
	checks[4].number = 8000;
	checks[5] = check_str(COURSE_CHECK_NO_SECRETS, NULL);
	checks[6] = check_str(COURSE_CHECK_BASE_PINNED, "tag");
	/* Every allocation failing in turn: a clean error, never a crash or
	 * a leak (ASan and valgrind see to the leaks). */
	for (n = 1; !done && n < 100000; n++) {
		struct exercise_report *rep = NULL;
		struct dt_error err = {0};
		enum dt_status rc;

		dt_alloc_fail_at(n);
		rc = exercise_check_data(checks, 7, "Dockerfile", df, strlen(df),
		                         NULL, &rep, &err);
		dt_alloc_fail_at(0);
		if (rc == DT_OK) {
			assert_non_null(rep);
			assert_int_equal(rep->n_results, 7);
			done = true;
		} else {
			assert_int_equal(rc, DT_ERR_NOMEM);
			assert_null(rep);
		}
		exercise_report_free(rep);
	}
	assert_true(done);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lint_threshold),
		cmocka_unit_test(test_forbid_rule),
		cmocka_unit_test(test_forbid_rule_off_by_default),
		cmocka_unit_test(test_require_rule),
		cmocka_unit_test(test_final_user),
		cmocka_unit_test(test_base_pinned_tag),
		cmocka_unit_test(test_base_pinned_digest),
		cmocka_unit_test(test_has_and_lacks_instruction),
		cmocka_unit_test(test_stages),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_exposes),
		cmocka_unit_test(test_workdir_absolute),
		cmocka_unit_test(test_healthcheck),
		cmocka_unit_test(test_no_secrets),
		cmocka_unit_test(test_file_exists),
		cmocka_unit_test(test_report_and_findings),
		cmocka_unit_test(test_a_file_that_does_not_parse),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
