/* A hand-built course for the quiz and store tests: every question type,
 * three lessons, one blueprint.  Built with an arena only, like a loaded
 * course, so the tests need no YAML. */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/util.h"
#include "fixture_quiz.h"

struct qspec {
	const char *id, *lesson, *section;
	enum course_qtype type;
	int difficulty;
	const char *tags;            /* space separated */
	const char *stem;
	const char *choices;         /* "|" separated, "*" marks correct */
	bool answer;
	const char *answers;         /* "|" separated */
	const char *pattern;
	bool case_sensitive;
};

static const struct qspec specs[] = {
	{ "q1", "basics", "intro", COURSE_Q_SINGLE, 1, "runtime",
	  "What isolates a container's processes?",
	  "*namespaces|cgroups|chroot only|a hypervisor", 0, NULL, NULL, 0 },
	{ "q2", "basics", "intro", COURSE_Q_MULTIPLE, 2, "runtime kernel",
	  "Which are Linux kernel features containers use?",
	  "*namespaces|*cgroups|hypervisors|*capabilities", 0, NULL, NULL, 0 },
	{ "q3", "basics", "intro", COURSE_Q_TRUEFALSE, 1, "",
	  "Containers share the host kernel.", NULL, true, NULL, NULL, 0 },
	{ "q4", "basics", "run", COURSE_Q_FILL, 2, "cli",
	  "Which flag runs a container in the background?", NULL, 0,
	  "-d|--detach", NULL, 0 },
	{ "q5", "images", "layers", COURSE_Q_SINGLE, 2, "images",
	  "What does each Dockerfile instruction that changes files create?",
	  "a container|*a layer|a volume", 0, NULL, NULL, 0 },
	{ "q6", "images", "layers", COURSE_Q_FILL, 3, "images cli",
	  "Name the command that lists images.", NULL, 0, NULL,
	  "docker (image ls|images)", 0 },
	{ "q7", "images", "tags", COURSE_Q_TRUEFALSE, 2, "images",
	  "The latest tag always names the newest image.", NULL, false, NULL,
	  NULL, 0 },
	{ "q8", "images", "tags", COURSE_Q_FILL, 3, "",
	  "Type the environment variable, exactly: PATH", NULL, 0, "PATH",
	  NULL, 1 },
	{ "q9", "networks", "bridge", COURSE_Q_SINGLE, 1, "network",
	  "Which network driver is the default?", "*bridge|host|none|overlay",
	  0, NULL, NULL, 0 },
	{ "q10", "networks", "bridge", COURSE_Q_MULTIPLE, 3, "network",
	  "Which flags publish ports?", "*-p|*--publish|--expose|-P is not one",
	  0, NULL, NULL, 0 },
	{ "q11", "networks", "dns", COURSE_Q_TRUEFALSE, 2, "network",
	  "Containers on a user-defined network resolve each other by name.",
	  NULL, true, NULL, NULL, 0 },
	{ "q12", "networks", "dns", COURSE_Q_SINGLE, 2, "network",
	  "Which network has no external connectivity?",
	  "bridge|host|*none", 0, NULL, NULL, 0 },
};

#define N_SPECS (sizeof specs / sizeof specs[0])

static const char *const lesson_ids[] = { "basics", "images", "networks" };

/* Splits s on sep into a new arena array; returns the count. */
static size_t split(struct dt_arena *a, const char *s, char sep,
                    const char ***out)
{
	size_t n = 0, i = 0;
	const char *p;

	*out = NULL;
	if (!s || !*s)
		return 0;
	for (p = s; *p; p++)
		n += *p == sep;
	n++;
	*out = dt_arena_alloc(a, n * sizeof **out);
	for (p = s; i < n; i++) {
		const char *end = strchr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);

		(*out)[i] = dt_arena_strndup(a, p, len);
		p += len + (end != NULL);
	}
	return n;
}

static void build_question(struct course *c, struct course_question *q,
                           const struct qspec *sp)
{
	struct dt_arena *a = &c->arena;
	const char **texts;
	size_t i;

	q->id = sp->id;
	q->lesson_id = sp->lesson;
	q->section_id = sp->section;
	q->type = sp->type;
	q->difficulty = sp->difficulty;
	q->n_tags = split(a, sp->tags, ' ', &q->tags);
	q->stem = sp->stem;
	q->n_choices = split(a, sp->choices, '|', &texts);
	q->choices = dt_arena_alloc(a, (q->n_choices + 1) * sizeof *q->choices);
	for (i = 0; i < q->n_choices; i++) {
		q->choices[i].correct = texts[i][0] == '*';
		q->choices[i].text = texts[i] + q->choices[i].correct;
		q->choices[i].why = i == 1 ? "Not this one." : NULL;
	}
	q->answer = sp->answer;
	q->n_answers = split(a, sp->answers, '|', &q->answers);
	q->pattern = sp->pattern;
	q->case_sensitive = sp->case_sensitive;
	q->explanation = "Because the lesson says so.";
	q->pos.file = "questions.yaml";
	q->pos.line = (int)(q - c->questions) * 10 + 1;
	q->pos.col = 3;
}

static void link_lessons(struct course *c)
{
	size_t l, i;

	for (l = 0; l < c->n_lessons; l++) {
		struct course_lesson *ls = &c->lessons[l];

		ls->questions = dt_arena_alloc(&c->arena,
		                               (c->n_questions + 1) * sizeof *ls->questions);
		for (i = 0; i < c->n_questions; i++) {
			if (strcmp(c->questions[i].lesson_id, ls->id) == 0) {
				ls->questions[ls->n_questions++] = &c->questions[i];
				c->questions[i].lesson = ls;
			}
		}
	}
}

static void add_blueprint(struct course *c)
{
	struct course_blueprint *bp;
	size_t i;

	c->n_blueprints = 1;
	c->blueprints = bp = dt_arena_alloc(&c->arena, sizeof *bp);
	bp->id = "final";
	bp->title = "Final practice exam";
	bp->time_limit_s = 600;
	bp->pass_mark_pct = 65;
	bp->presentation = COURSE_PRESENT_STANDARD;
	bp->n_draws = 3;
	bp->draws = dt_arena_alloc(&c->arena, 3 * sizeof *bp->draws);
	for (i = 0; i < 3; i++) {
		bp->draws[i].lesson_id = lesson_ids[i];
		bp->draws[i].count = 2;
		bp->draws[i].pos.file = "exams/final.yaml";
		bp->draws[i].pos.line = (int)i + 7;
		bp->draws[i].pos.col = 5;
	}
	bp->shuffle_questions = true;
	bp->shuffle_choices = true;
	bp->seed = 0;
	bp->review = COURSE_REVIEW_AFTER_SUBMIT;
	bp->path = "exams/final.yaml";
}

static struct course *course_shell(size_t n_lessons, size_t n_questions)
{
	struct course *c = dt_calloc(1, sizeof *c);

	if (!c)
		return NULL;
	dt_arena_init(&c->arena);
	c->root = "fixture";
	c->id = "docker-basics";
	c->title = "Docker and Containers Basics";
	c->version = 1;
	c->n_lessons = n_lessons;
	c->lessons = dt_arena_alloc(&c->arena, n_lessons * sizeof *c->lessons);
	c->n_questions = n_questions;
	c->questions = dt_arena_alloc(&c->arena,
	                              (n_questions + 1) * sizeof *c->questions);
	dt_strlcpy(c->hash, "00000000000000a1", sizeof c->hash);
	return c;
}

struct course *fixture_course_new(void)
{
	struct course *c = course_shell(3, N_SPECS);
	size_t i;

	if (!c)
		return NULL;
	for (i = 0; i < 3; i++) {
		c->lessons[i].id = lesson_ids[i];
		c->lessons[i].number = (int)i + 1;
		c->lessons[i].title = lesson_ids[i];
	}
	for (i = 0; i < N_SPECS; i++)
		build_question(c, &c->questions[i], &specs[i]);
	link_lessons(c);
	add_blueprint(c);
	return c;
}

struct course *fixture_course_big(size_t n, size_t lessons)
{
	struct course *c = course_shell(lessons, n);
	size_t i;

	if (!c)
		return NULL;
	for (i = 0; i < lessons; i++) {
		c->lessons[i].id = dt_arena_printf(&c->arena, "l%zu", i);
		c->lessons[i].number = (int)i + 1;
		c->lessons[i].title = c->lessons[i].id;
	}
	for (i = 0; i < n; i++) {
		struct course_question *q = &c->questions[i];
		size_t k;

		q->id = dt_arena_printf(&c->arena, "g%zu", i);
		/* Lesson order, like a loaded course: questions of l0 first, each
		 * with its own copy of the lesson id, as a loader makes them. */
		q->lesson_id = dt_arena_strdup(&c->arena,
		                               c->lessons[i * lessons / n].id);
		q->section_id = "s";
		q->type = COURSE_Q_SINGLE;
		q->difficulty = (int)(i % 3) + 1;
		q->stem = dt_arena_printf(&c->arena, "Generated question %zu?", i);
		q->n_choices = 4;
		q->choices = dt_arena_alloc(&c->arena, 4 * sizeof *q->choices);
		for (k = 0; k < 4; k++) {
			q->choices[k].text = dt_arena_printf(&c->arena, "choice %zu", k);
			q->choices[k].correct = k == 0;
		}
		q->explanation = "Generated.";
		q->pos.file = "generated.yaml";
		q->pos.line = (int)i + 1;
		q->pos.col = 1;
	}
	link_lessons(c);
	return c;
}

const struct course_question *fixture_question(const struct course *course,
                                               const char *id)
{
	size_t i;

	for (i = 0; i < course->n_questions; i++)
		if (strcmp(course->questions[i].id, id) == 0)
			return &course->questions[i];
	return NULL;
}

void fixture_course_free(struct course *course)
{
	if (!course)
		return;
	dt_arena_fini(&course->arena);
	dt_free(course);
}

bool fixture_tmpdir(char *buf, size_t size)
{
	const char *tmp = getenv("TMPDIR");

	if (!dt_snprintf(buf, size, "%s/dt-test-XXXXXX", tmp && *tmp ? tmp : "/tmp"))
		return false;
	return mkdtemp(buf) != NULL;
}

static int remove_one(const char *path, const struct stat *st, int flag,
                      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void fixture_rmtree(const char *path)
{
	/* A test left behind is only clutter in $TMPDIR: nothing to report. */
	(void)nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
