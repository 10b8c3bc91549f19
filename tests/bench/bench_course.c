/* Benchmark: course_load (read, parse, validate, cross-check) of a
 * generated course of 10 lessons and 300 questions, and of the shipped
 * course in content/ when it loads cleanly.  Prints the median of 50 runs
 * against the target (< 10 ms).  Figures only: it never fails on time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dockertutor/course.h"

#define RUNS        50
#define LESSONS     10
#define QUESTIONS   300
#define SECTIONS    6
#define TARGET_MS   10.0

/* Wall time, and the process's CPU time, which a busy machine disturbs
 * less. */
static double now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];

	if (!dt_snprintf(path, sizeof path, "%s/%s", dir, name))
		return NULL;
	return fopen(path, "w");
}

static bool write_lesson(const char *dir, int l)
{
	char name[64];
	FILE *f;
	int s, p;

	snprintf(name, sizeof name, "lessons/%02d.yaml", l);
	if (!(f = open_out(dir, name)))
		return false;
	fprintf(f, "id: lesson-%d\nnumber: %d\ntitle: Lesson %d\nsummary: |\n"
	        "  What lesson %d teaches, in two sentences.\n  And why.\n"
	        "minutes: 8\nsections:\n", l, l, l, l);
	for (s = 0; s < SECTIONS; s++) {
		fprintf(f, "  - id: section-%d\n    title: Section %d\n    body: |\n",
		        s, s);
		for (p = 0; p < 6; p++)
			fprintf(f, "      A paragraph of **explanation** with `inline "
			        "code`, long enough to wrap\n      on a terminal: %d.%d.\n\n",
			        s, p);
		fprintf(f, "      ```dockerfile\n      FROM alpine:3.20\n      RUN "
		        "apk add --no-cache curl\n      ```\n\n      | a | b |\n"
		        "      |---|---|\n      | 1 | 2 |\n");
	}
	fprintf(f, "takeaways:\n  - One.\n  - Two.\n  - Three.\n"
	        "questions: ../questions/%02d.yaml\n", l);
	return fclose(f) == 0;
}

static void write_question(FILE *f, int l, int q)
{
	static const char *const types[] = { "single", "multiple", "truefalse",
	                                     "fill" };
	int t = q % 4, c;

	fprintf(f, "- id: l%d-q%d\n  lesson: lesson-%d\n  section: section-%d\n"
	        "  type: %s\n  difficulty: %d\n  tags: [topic-%d, kernel]\n"
	        "  stem: Question %d of lesson %d, which `docker` command does "
	        "the job described here?\n", l, q, l, q % SECTIONS, types[t],
	        1 + q % 3, q % 5, q, l);
	if (t < 2) {
		fprintf(f, "  choices:\n");
		for (c = 0; c < 4; c++)
			fprintf(f, "    - text: \"`docker option-%d-%d`\"\n%s"
			        "      why: Because option %d does something else.\n",
			        q, c, c == q % 4 || (t == 1 && c == (q + 1) % 4)
			        ? "      correct: true\n" : "", c);
	} else if (t == 2) {
		fprintf(f, "  answer: %s\n", q % 2 ? "true" : "false");
	} else {
		fprintf(f, "  answers: [\"-d\", \"--detach\"]\n  pattern: "
		        "\"docker (container )?run -d\"\n");
	}
	fprintf(f, "  explanation: The explanation of question %d, a sentence "
	        "or two long.\n\n", q);
}

static bool write_course(const char *dir)
{
	char path[4096];
	FILE *f;
	int l, q;

	snprintf(path, sizeof path, "%s/lessons", dir);
	if (mkdir(path, 0755) != 0)
		return false;
	snprintf(path, sizeof path, "%s/questions", dir);
	if (mkdir(path, 0755) != 0 || !(f = open_out(dir, "course.yaml")))
		return false;
	fprintf(f, "id: bench\ntitle: Benchmark course\nversion: 1\nlessons:\n");
	for (l = 1; l <= LESSONS; l++)
		fprintf(f, "  - lessons/%02d.yaml\n", l);
	if (fclose(f) != 0)
		return false;
	for (l = 1; l <= LESSONS; l++) {
		char name[64];

		if (!write_lesson(dir, l))
			return false;
		snprintf(name, sizeof name, "questions/%02d.yaml", l);
		if (!(f = open_out(dir, name)))
			return false;
		for (q = 0; q < QUESTIONS / LESSONS; q++)
			write_question(f, l, q);
		if (fclose(f) != 0)
			return false;
	}
	return true;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Loads dir RUNS times; false when it does not load cleanly. */
static bool measure(const char *dir, const char *label)
{
	double times[RUNS], cpu[RUNS];
	size_t lessons = 0, questions = 0, files = 0;
	int i;

	for (i = 0; i < RUNS; i++) {
		struct course_diags diags;
		struct course *course;
		struct dt_error err;
		double t0 = now_ms(CLOCK_MONOTONIC);
		double c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
		enum dt_status rc;

		course_diags_init(&diags);
		rc = course_load(dir, &course, &diags, &err);
		times[i] = now_ms(CLOCK_MONOTONIC) - t0;
		cpu[i] = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		if (rc == DT_OK) {
			lessons = course->n_lessons;
			questions = course->n_questions;
			files = diags.n_files;
		}
		course_free(course);
		course_diags_fini(&diags);
		if (rc != DT_OK) {
			printf("course load+validate (%s): does not load (%s)\n", label,
			       err.msg);
			return false;
		}
	}
	qsort(times, RUNS, sizeof *times, compare);
	qsort(cpu, RUNS, sizeof *cpu, compare);
	printf("course load+validate (%s: %zu lessons, %zu questions, %zu files): "
	       "%.2f ms median of %d (CPU %.2f ms), %.2f ms fastest "
	       "(target < %.0f ms)\n", label, lessons, questions, files,
	       times[RUNS / 2], RUNS, cpu[RUNS / 2], times[0], TARGET_MS);
	return true;
}

static void remove_tree(const char *dir)
{
	char path[4096];
	int l;

	for (l = 1; l <= LESSONS; l++) {
		snprintf(path, sizeof path, "%s/lessons/%02d.yaml", dir, l);
		unlink(path);
		snprintf(path, sizeof path, "%s/questions/%02d.yaml", dir, l);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/course.yaml", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/lessons", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/questions", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	char dir[] = "/tmp/dt-bench-course-XXXXXX";
	bool ok;

	if (!mkdtemp(dir)) {
		perror("bench_course: mkdtemp");
		return 1;
	}
	ok = write_course(dir);
	if (ok)
		ok = measure(dir, "generated");
	else
		fprintf(stderr, "bench_course: cannot write the course in %s\n", dir);
	remove_tree(dir);
	if (access("content/course.yaml", R_OK) == 0)
		measure("content", "content/");
	return ok ? 0 : 1;
}
