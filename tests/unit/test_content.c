/* The shipped course meets its promises: ten lessons of 4-8 sections and
 * 4-6 takeaways, 25+ questions a lesson (250+ in all) with the promised mix
 * of types and difficulties, an explanation and a section for every
 * question, 12+ exercises across lessons 4, 5, 9 and 10, the two practice
 * exams, and a lesson 10 that covers everything its source material names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "dockertutor/course.h"

static struct course *course;

static int load(void **state)
{
	struct course_diags diags;
	struct dt_error err;
	enum dt_status rc;

	(void)state;
	course_diags_init(&diags);
	rc = course_load("content", &course, &diags, &err);
	if (rc == DT_OK && diags.n_warnings)
		print_error("content has %zu warnings, e.g. %s:%d: %s\n",
		            diags.n_warnings, diags.items[0].file,
		            diags.items[0].line, diags.items[0].msg);
	rc = rc == DT_OK && diags.n_warnings == 0 ? DT_OK : DT_ERR_INVALID;
	course_diags_fini(&diags);
	return rc == DT_OK ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	course_free(course);
	return 0;
}

static void test_lessons(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(course->n_lessons, 10);
	for (i = 0; i < course->n_lessons; i++) {
		const struct course_lesson *l = &course->lessons[i];

		assert_int_equal(l->number, (int)i + 1);
		if (l->n_sections < 4 || l->n_sections > 8 ||
		    l->n_takeaways < 4 || l->n_takeaways > 6)
			fail_msg("lesson %s has %zu sections and %zu takeaways",
			         l->id, l->n_sections, l->n_takeaways);
	}
}

static void test_questions_per_lesson(void **state)
{
	size_t i, k;

	(void)state;
	assert_true(course->n_questions >= 250);
	for (i = 0; i < course->n_lessons; i++) {
		const struct course_lesson *l = &course->lessons[i];
		size_t by_type[4] = {0}, by_diff[4] = {0};

		if (l->n_questions < 25)
			fail_msg("lesson %s has %zu questions", l->id, l->n_questions);
		for (k = 0; k < l->n_questions; k++) {
			const struct course_question *q = l->questions[k];

			by_type[q->type]++;
			by_diff[q->difficulty]++;
			if (!q->explanation || !q->section_id)
				fail_msg("question %s lacks an explanation or a section", q->id);
		}
		if (by_diff[1] == 0 || by_diff[2] == 0 || by_diff[3] == 0)
			fail_msg("lesson %s does not spread difficulty 1-3", l->id);
		if (by_type[COURSE_Q_TRUEFALSE] == 0)
			fail_msg("lesson %s has no true/false question", l->id);
	}
}

static void test_question_mix(void **state)
{
	size_t by_type[4] = {0}, i, n = course->n_questions;

	(void)state;
	for (i = 0; i < n; i++)
		by_type[course->questions[i].type]++;
	if (by_type[COURSE_Q_SINGLE] * 2 < n ||
	    by_type[COURSE_Q_MULTIPLE] * 100 < n * 15 ||
	    by_type[COURSE_Q_FILL] * 10 < n ||
	    by_type[COURSE_Q_TRUEFALSE] == 0)
		fail_msg("mix of %zu questions: %zu single, %zu multiple, %zu fill, %zu true/false",
		         n, by_type[COURSE_Q_SINGLE], by_type[COURSE_Q_MULTIPLE],
		         by_type[COURSE_Q_FILL], by_type[COURSE_Q_TRUEFALSE]);
}

static void test_exercises(void **state)
{
	static const char *const lessons[] = {
		"writing-dockerfiles", "efficient-images", "registries", "production",
	};
	size_t i, k, per[4] = {0};

	(void)state;
	assert_true(course->n_exercises >= 12);
	for (i = 0; i < course->n_exercises; i++) {
		const struct course_exercise *ex = &course->exercises[i];

		for (k = 0; k < 4; k++)
			if (strcmp(ex->lesson_id, lessons[k]) == 0)
				per[k]++;
		if (ex->n_hints < 2 || ex->n_hints > 3 || ex->n_checks == 0)
			fail_msg("exercise %s has %zu hints and %zu checks", ex->id,
			         ex->n_hints, ex->n_checks);
	}
	for (k = 0; k < 4; k++)
		if (per[k] == 0)
			fail_msg("no exercise for lesson %s", lessons[k]);
}

static int total_draw(const struct course_blueprint *b)
{
	size_t i;
	int n = 0;

	for (i = 0; i < b->n_draws; i++)
		n += b->draws[i].count;
	return n;
}

static void test_exams(void **state)
{
	const struct course_blueprint *final = course_find_blueprint(course, "practice-final");
	const struct course_blueprint *quick = course_find_blueprint(course, "quick-check");
	size_t i;

	(void)state;
	assert_non_null(final);
	assert_int_equal(total_draw(final), 55);
	assert_int_equal(final->time_limit_s, 90 * 60);
	assert_int_equal(final->pass_mark_pct, 65);
	assert_int_equal(final->n_draws, course->n_lessons);   /* every lesson */
	for (i = 0; i < final->n_draws; i++)
		assert_true(final->draws[i].count > 0);
	assert_non_null(quick);
	assert_int_equal(total_draw(quick), 20);
	assert_int_equal(quick->time_limit_s, 30 * 60);
}

/* Everything the source material of lesson 10 names. */
static const char *const seed_terms[] = {
	"node:20.11-alpine3.19", "sha256", "useradd -r -u 1000", "USER",
	"--cap-drop=ALL", "--cap-add=NET_BIND_SERVICE", "--read-only",
	"--tmpfs /tmp", "--privileged", "CVE", "Trivy", "Docker Scout", "Snyk",
	"cosign", "Sigstore", "laptop", "GitHub Actions", "actions/checkout",
	"docker/setup-buildx-action", "docker/login-action", "ghcr.io",
	"GITHUB_TOKEN", "packages: write", "docker/metadata-action",
	"docker/build-push-action", "type=gha", "mode=max", "GitLab CI",
	"Azure Pipelines", "AWS CodeBuild", "Google Cloud Build", "CircleCI",
	"ECS", "Fargate", "EKS", "App Runner", "Cloud Run", "GKE",
	"Azure Container Apps", "KEDA", "Azure Container Instances", "AKS",
	"Fly.io", "Railway", "Render", "JSON", "stdout", "stderr", "Fluent Bit",
	"Vector", "Loki", "CloudWatch", "Datadog", "/healthz", "/readyz",
	"Prometheus", "OpenTelemetry", "trace", "Kubernetes", "Istio", "Linkerd",
	"mTLS", "Argo CD", "Flux", "GitOps", "SLSA", "in-toto", "SBOM",
};

static void test_lesson10_covers_its_sources(void **state)
{
	const struct course_lesson *l = course_find_lesson(course, "production");
	struct dt_buf all;
	size_t i;

	(void)state;
	assert_non_null(l);
	dt_buf_init(&all);
	dt_buf_puts(&all, l->summary);
	for (i = 0; i < l->n_sections; i++)
		dt_buf_puts(&all, l->sections[i].body);
	for (i = 0; i < l->n_takeaways; i++)
		dt_buf_puts(&all, l->takeaways[i]);
	assert_false(all.failed);
	for (i = 0; i < sizeof seed_terms / sizeof *seed_terms; i++)
		if (!strstr(all.data, seed_terms[i]))
			fail_msg("lesson 10 never mentions '%s'", seed_terms[i]);
	dt_buf_fini(&all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lessons),
		cmocka_unit_test(test_questions_per_lesson),
		cmocka_unit_test(test_question_mix),
		cmocka_unit_test(test_exercises),
		cmocka_unit_test(test_exams),
		cmocka_unit_test(test_lesson10_covers_its_sources),
	};

	return cmocka_run_group_tests(tests, load, unload);
}
