/* The shipped exercises (content/exercises/NAME): every starter fails, every
 * solution passes, and every check is needed.  For check N of exercise ID,
 * tests/exercises/ID/N-KIND.Dockerfile is the solution with that check's
 * fix undone, and must fail check N; a file_exists check is undone by
 * removing the file from a solved workspace. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dockertutor/exercise.h"

#define CONTENT "content"
#define UNDONE "tests/exercises"

static struct course *course;

static int setup(void **state)
{
	struct course_diags diags;
	struct dt_error err = {0};
	enum dt_status rc;
	size_t i;

	(void)state;
	course_diags_init(&diags);
	rc = course_load(CONTENT, &course, &diags, &err);
	for (i = 0; i < diags.n; i++)
		if (diags.items[i].severity == COURSE_ERROR)
			print_error("%s:%d:%d: %s\n", diags.items[i].file,
			            diags.items[i].line, diags.items[i].col,
			            diags.items[i].msg);
	course_diags_fini(&diags);
	if (rc != DT_OK)
		print_error("course_load: %s\n", err.msg);
	return rc == DT_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	course_free(course);
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag,
                    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void rm_tree(const char *path)
{
	assert_int_equal(nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
}

/* A fresh workspace of ex in a new temporary folder: tmp receives the
 * folder to remove, ws the workspace inside it. */
static void make_ws(const struct course_exercise *ex, char *tmp, char *ws,
                    size_t size)
{
	struct dt_error err = {0};
	bool created = false;

	assert_true(dt_strlcpy(tmp, "/tmp/dt-content-XXXXXX", size));
	assert_non_null(mkdtemp(tmp));
	assert_true(dt_snprintf(ws, size, "%s/learner/%s", tmp, ex->id));
	if (exercise_workspace_prepare(ex, ws, &created, &err) != DT_OK)
		fail_msg("%s: %s: %s", ex->id, err.path, err.msg);
	assert_true(created);
}

/* Writes the reference files over the workspace's. */
static void put_solution(const struct course_exercise *ex, const char *ws)
{
	struct exercise_file *files;
	struct dt_arena arena;
	struct dt_error err = {0};
	char path[4096];
	size_t n, i;

	dt_arena_init(&arena);
	if (exercise_solution_load(ex, &arena, &files, &n, &err) != DT_OK)
		fail_msg("%s: %s: %s", ex->id, err.path, err.msg);
	assert_true(n >= 1);
	for (i = 0; i < n; i++) {
		const char *name = i == 0 ? ex->target : files[i].name;

		assert_true(dt_snprintf(path, sizeof path, "%s/%s", ws, name));
		assert_int_equal(dt_write_file(path, files[i].data, files[i].len,
		                               0644, &err), DT_OK);
	}
	dt_arena_fini(&arena);
}

static struct exercise_report *check_ws(const struct course_exercise *ex,
                                        const char *ws)
{
	struct exercise_report *rep;
	struct dt_error err = {0};

	if (exercise_check_workspace(ex, ws, &rep, &err) != DT_OK)
		fail_msg("%s: %s: %s", ex->id, err.path, err.msg);
	return rep;
}

/* Every message a learner reads is one finished sentence. */
static void assert_sentences(const struct course_exercise *ex,
                             const struct exercise_report *rep)
{
	size_t i;

	for (i = 0; i < rep->n_results; i++) {
		const char *m = rep->results[i].message;
		size_t n = strlen(m);

		if (n < 10 || m[n - 1] != '.')
			fail_msg("%s: check %zu: not a sentence: '%s'", ex->id,
			         i + 1, m);
	}
}

static void report_failures(const struct course_exercise *ex,
                            const struct exercise_report *rep)
{
	size_t i;

	for (i = 0; i < rep->n_results; i++)
		if (!rep->results[i].passed)
			print_error("%s: check %zu (%s) fails at line %d: %s\n",
			            ex->id, i + 1,
			            course_check_name(ex->checks[i].kind),
			            rep->results[i].line,
			            rep->results[i].message);
}

static void test_course_offers_the_exercises(void **state)
{
	static const char *const lessons[] = {
		"writing-dockerfiles", "efficient-images", "registries",
		"production",
	};
	size_t i, j, k;

	(void)state;
	assert_true(course->n_exercises >= 12);
	for (i = 0; i < course->n_exercises; i++) {
		const struct course_exercise *ex = &course->exercises[i];
		bool listed = false, known = false;

		for (k = 0; k < sizeof lessons / sizeof lessons[0]; k++)
			known = known || strcmp(ex->lesson_id, lessons[k]) == 0;
		if (!known)
			fail_msg("%s: lesson %s is not 4, 5, 9 or 10", ex->id,
			         ex->lesson_id);
		assert_non_null(ex->lesson);
		for (j = 0; j < ex->lesson->n_exercise_ids; j++)
			listed = listed ||
			         strcmp(ex->lesson->exercise_ids[j], ex->id) == 0;
		if (!listed)
			fail_msg("%s: not in the exercises: of lesson %s", ex->id,
			         ex->lesson_id);
		if (ex->n_hints < 2 || ex->n_hints > 3)
			fail_msg("%s: %zu hints; graded hints are 2 or 3", ex->id,
			         ex->n_hints);
		assert_true(ex->n_files >= 2);
	}
}

static void test_starters_fail(void **state)
{
	char tmp[256], ws[512];
	size_t i;

	(void)state;
	for (i = 0; i < course->n_exercises; i++) {
		const struct course_exercise *ex = &course->exercises[i];
		struct exercise_report *rep;

		make_ws(ex, tmp, ws, sizeof ws);
		rep = check_ws(ex, ws);
		if (exercise_report_passed(rep))
			fail_msg("%s: the starter already passes", ex->id);
		assert_sentences(ex, rep);
		exercise_report_free(rep);
		rm_tree(tmp);
	}
}

static void test_solutions_pass(void **state)
{
	char tmp[256], ws[512];
	size_t i;

	(void)state;
	for (i = 0; i < course->n_exercises; i++) {
		const struct course_exercise *ex = &course->exercises[i];
		struct exercise_report *rep;

		make_ws(ex, tmp, ws, sizeof ws);
		put_solution(ex, ws);
		rep = check_ws(ex, ws);
		if (!exercise_report_passed(rep)) {
			report_failures(ex, rep);
			fail_msg("%s: the solution does not pass", ex->id);
		}
		assert_sentences(ex, rep);
		exercise_report_free(rep);
		rm_tree(tmp);
	}
}

/* Reads "N-KIND.Dockerfile"; false when name is not of that form. */
static bool undone_name(const char *name, size_t *n, char *kind, size_t size)
{
	char *end;
	unsigned long v = strtoul(name, &end, 10);
	const char *dot = strstr(name, ".Dockerfile");

	if (end == name || *end != '-' || !dot || dot[11] != '\0' ||
	    (size_t)(dot - end - 1) >= size)
		return false;
	memcpy(kind, end + 1, (size_t)(dot - end - 1));
	kind[dot - end - 1] = '\0';
	*n = (size_t)v;
	return true;
}

/* Runs one undone Dockerfile; it must fail check n (1-based). */
static void run_undone(const struct course_exercise *ex, const char *ws,
                       const char *file, size_t n)
{
	struct exercise_report *rep;
	struct dt_error err = {0};
	char path[1024], *data;
	size_t len;

	assert_true(dt_snprintf(path, sizeof path, "%s/%s/%s", UNDONE, ex->id,
	                        file));
	assert_int_equal(dt_read_file(path, EXERCISE_MAX_FILE, &data, &len,
	                              &err), DT_OK);
	assert_int_equal(exercise_check_data(ex->checks, ex->n_checks,
	                                     ex->target, data, len, ws, &rep,
	                                     &err), DT_OK);
	if (rep->results[n - 1].passed)
		fail_msg("%s: %s passes check %zu (%s): %s", ex->id, file, n,
		         course_check_name(ex->checks[n - 1].kind),
		         rep->results[n - 1].message);
	assert_sentences(ex, rep);
	exercise_report_free(rep);
	dt_free(data);
}

/* Removing the file a file_exists check asks for fails that check. */
static void undo_file(const struct course_exercise *ex, const char *ws,
                      size_t n)
{
	struct exercise_report *rep;
	char path[1024], keep[1100];

	assert_true(dt_snprintf(path, sizeof path, "%s/%s", ws,
	                        ex->checks[n - 1].str));
	assert_true(dt_snprintf(keep, sizeof keep, "%s.kept", path));
	assert_int_equal(rename(path, keep), 0);
	rep = check_ws(ex, ws);
	if (rep->results[n - 1].passed)
		fail_msg("%s: check %zu passes without %s", ex->id, n,
		         ex->checks[n - 1].str);
	exercise_report_free(rep);
	assert_int_equal(rename(keep, path), 0);
}

static void every_check_needed(const struct course_exercise *ex)
{
	char tmp[256], ws[512], dir[512], kind[64];
	bool covered[64] = {false};
	struct dirent *e;
	DIR *d;
	size_t i, n = 0;

	assert_true(ex->n_checks <= 64);
	make_ws(ex, tmp, ws, sizeof ws);
	put_solution(ex, ws);
	assert_true(dt_snprintf(dir, sizeof dir, "%s/%s", UNDONE, ex->id));
	d = opendir(dir);
	if (!d)
		fail_msg("%s: no folder %s with the undone solutions", ex->id, dir);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (!undone_name(e->d_name, &n, kind, sizeof kind) || n < 1 ||
		    n > ex->n_checks)
			fail_msg("%s/%s: not N-KIND.Dockerfile for a check of "
			         "%s", dir, e->d_name, ex->id);
		if (strcmp(kind, course_check_name(ex->checks[n - 1].kind)) != 0)
			fail_msg("%s/%s: check %zu is %s", dir, e->d_name, n,
			         course_check_name(ex->checks[n - 1].kind));
		run_undone(ex, ws, e->d_name, n);
		covered[n - 1] = true;
	}
	closedir(d);
	for (i = 0; i < ex->n_checks; i++) {
		if (ex->checks[i].kind == COURSE_CHECK_FILE_EXISTS)
			undo_file(ex, ws, i + 1);
		else if (!covered[i])
			fail_msg("%s: check %zu (%s) has no undone solution in "
			         "%s", ex->id, i + 1,
			         course_check_name(ex->checks[i].kind), dir);
	}
	rm_tree(tmp);
}

static void test_every_check_is_needed(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < course->n_exercises; i++)
		every_check_needed(&course->exercises[i]);
}

/* Every folder of tests/exercises belongs to a shipped exercise. */
static void test_no_stray_undone_folders(void **state)
{
	DIR *d = opendir(UNDONE);
	struct dirent *e;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (!course_find_exercise(course, e->d_name))
			fail_msg("%s/%s: no such exercise", UNDONE, e->d_name);
	}
	closedir(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_course_offers_the_exercises),
		cmocka_unit_test(test_starters_fail),
		cmocka_unit_test(test_solutions_pass),
		cmocka_unit_test(test_every_check_is_needed),
		cmocka_unit_test(test_no_stray_undone_folders),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
