/* Reader of exam blueprints: durations, pass marks, draws and their pools.
 * A blueprint is read on its own, then checked against a loaded course
 * (its lessons exist, each draw fits the questions that match it). */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "course_int.h"

#define MIN_TIME_LIMIT_S 10
#define MAX_TIME_LIMIT_S (24 * 3600)
#define MAX_DRAW_COUNT   10000

_Static_assert(sizeof(enum course_presentation) == sizeof(int) &&
               sizeof(enum course_review) == sizeof(int),
               "F_ENUM stores an int");

bool course_parse_duration(const char *s, int *seconds)
{
	/* long long: a million hours overflows a 32-bit long. */
	static const struct { char unit; long long scale; } units[] = {
		{ 'h', 3600 }, { 'm', 60 }, { 's', 1 },
	};
	size_t next = 0;
	long long total = 0;

	if (!s || !*s)
		return false;
	while (*s) {
		long long v = 0;
		int digits = 0;

		for (; *s >= '0' && *s <= '9'; s++, digits++)
			if ((v = v * 10 + (*s - '0')) > 1000000)
				return false;
		if (digits == 0)
			return false;
		while (next < 3 && units[next].unit != *s)
			next++;
		if (next == 3)
			return false;          /* unknown unit, or out of order */
		total += v * units[next++].scale;
		if (total > INT_MAX)
			return false;
		s++;
	}
	*seconds = (int)total;
	return true;
}

static void read_time_limit(struct load *ld, const struct ynode *key,
                            const struct ynode *val, void *obj)
{
	struct course_blueprint *bp = obj;
	char buf[64];
	int secs;

	if (!load_scalar(ld, key->str, val, "a duration"))
		return;
	if (!course_parse_duration(val->str, &secs))
		load_error(ld, val, "expected a duration such as '90m', '1h30m' or "
		           "'45s' for 'time_limit', found %s",
		           load_describe(val, buf, sizeof buf));
	else if (secs < MIN_TIME_LIMIT_S || secs > MAX_TIME_LIMIT_S)
		load_error(ld, val, "'time_limit' must be from 10s to 24h, found %s",
		           val->str);
	else
		bp->time_limit_s = secs;
}

static void read_pass_mark(struct load *ld, const struct ynode *key,
                           const struct ynode *val, void *obj)
{
	struct course_blueprint *bp = obj;
	char buf[64];
	const char *s;
	int v = 0;

	if (!load_scalar(ld, key->str, val, "a percentage"))
		return;
	for (s = val->str; *s >= '0' && *s <= '9'; s++)
		v = v > 100 ? v : v * 10 + (*s - '0');
	if (s == val->str || strcmp(s, "%") != 0)
		load_error(ld, val, "expected a percentage such as '65%%' for "
		           "'pass_mark', found %s", load_describe(val, buf, sizeof buf));
	else if (v > 100)
		load_error(ld, val, "'pass_mark' must be from 0%% to 100%%, found %s",
		           val->str);
	else
		bp->pass_mark_pct = v;
}

static void read_seed(struct load *ld, const struct ynode *key,
                      const struct ynode *val, void *obj)
{
	struct course_blueprint *bp = obj;
	uint64_t v = 0;
	char buf[64];
	const char *s;

	if (!load_scalar(ld, key->str, val, "an integer"))
		return;
	for (s = val->str; *s >= '0' && *s <= '9'; s++) {
		if (v > (UINT64_MAX - 9) / 10)
			break;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (s == val->str || *s || val->style != YSTYLE_PLAIN)
		load_error(ld, val, "expected an integer from 0 to %llu for 'seed', "
		           "found %s", (unsigned long long)UINT64_MAX,
		           load_describe(val, buf, sizeof buf));
	else
		bp->seed = v;
}

static void read_shuffle(struct load *ld, const struct ynode *key,
                         const struct ynode *val, void *obj)
{
	static const struct load_field fields[] = {
		{ .key = "questions", .type = F_BOOL,
		  .off = offsetof(struct course_blueprint, shuffle_questions) },
		{ .key = "choices", .type = F_BOOL,
		  .off = offsetof(struct course_blueprint, shuffle_choices) },
	};
	static const struct load_schema schema = { "shuffle setting", fields, 2 };

	(void)key;
	load_object(ld, val, &schema, obj, NULL);
}

static void read_difficulty(struct load *ld, const struct ynode *key,
                            const struct ynode *val, void *obj)
{
	struct course_draw *draw = obj;
	size_t i;

	if (!load_count(ld, key->str, val, 1, 3) || val->kind != YNODE_SEQ)
		return;
	for (i = 0; i < val->n; i++) {
		long long d;

		if (load_int(ld, key->str, val->items[i], 1, 3, &d))
			draw->difficulty_mask |= 1u << d;
	}
}

static const struct load_field draw_fields[] = {
	{ .key = "lesson", .type = F_ID, .flags = F_REQUIRED,
	  .off = offsetof(struct course_draw, lesson_id) },
	{ .key = "count", .type = F_INT, .flags = F_REQUIRED,
	  .off = offsetof(struct course_draw, count), .min = 1,
	  .max = MAX_DRAW_COUNT },
	{ .key = "difficulty", .type = F_CUSTOM, .read = read_difficulty },
	{ .key = "tags", .type = F_IDS, .off = offsetof(struct course_draw, tags),
	  .off_n = offsetof(struct course_draw, n_tags) },
};

static const struct load_schema draw_schema = {
	"draw", draw_fields, sizeof draw_fields / sizeof *draw_fields,
};

static void read_draws(struct load *ld, const struct ynode *key,
                       const struct ynode *val, void *obj)
{
	struct course_blueprint *bp = obj;
	size_t i;

	if (!load_count(ld, key->str, val, 1, 0) || val->kind != YNODE_SEQ)
		return;
	bp->draws = load_alloc(ld, val->n * sizeof *bp->draws);
	for (i = 0; bp->draws && i < val->n && !ld->stop; i++) {
		struct course_draw *d = &bp->draws[bp->n_draws];

		d->pos = load_pos(ld, val->items[i]);
		if (load_object(ld, val->items[i], &draw_schema, d, NULL) &&
		    d->lesson_id && d->count > 0)
			bp->n_draws++;
	}
}

static const char *const presentations[] = { "standard", "domc", NULL };
static const char *const reviews[] = { "after_submit", "never", NULL };

static const struct load_field blueprint_fields[] = {
	{ .key = "id", .type = F_ID, .flags = F_REQUIRED,
	  .off = offsetof(struct course_blueprint, id) },
	{ .key = "title", .type = F_STR, .flags = F_REQUIRED,
	  .off = offsetof(struct course_blueprint, title) },
	{ .key = "time_limit", .type = F_CUSTOM, .flags = F_REQUIRED,
	  .read = read_time_limit },
	{ .key = "pass_mark", .type = F_CUSTOM, .flags = F_REQUIRED,
	  .read = read_pass_mark },
	{ .key = "presentation", .type = F_ENUM,
	  .off = offsetof(struct course_blueprint, presentation),
	  .names = presentations },
	{ .key = "draw", .type = F_CUSTOM, .flags = F_REQUIRED,
	  .read = read_draws },
	{ .key = "shuffle", .type = F_CUSTOM, .read = read_shuffle },
	{ .key = "seed", .type = F_CUSTOM, .read = read_seed },
	{ .key = "review", .type = F_ENUM,
	  .off = offsetof(struct course_blueprint, review), .names = reviews },
};

static const struct load_schema blueprint_schema = {
	"exam blueprint", blueprint_fields,
	sizeof blueprint_fields / sizeof *blueprint_fields,
};

bool course_read_blueprint(struct load *ld, const struct ynode *root,
                           struct course_blueprint *bp)
{
	bp->shuffle_questions = true;
	bp->shuffle_choices = true;
	bp->pos = load_pos(ld, root);
	if (!root) {
		load_error(ld, NULL, "the file is empty; an exam blueprint needs "
		           "id, title, time_limit, pass_mark and draw");
		return false;
	}
	return load_object(ld, root, &blueprint_schema, bp, NULL) && bp->id;
}

static bool draw_matches(const struct course_draw *d,
                         const struct course_question *q)
{
	size_t i, j;

	if (d->difficulty_mask && ((unsigned)q->difficulty >= 32 ||
	                           !(d->difficulty_mask & 1u << q->difficulty)))
		return false;
	if (d->n_tags == 0)
		return true;
	for (i = 0; i < d->n_tags; i++)
		for (j = 0; j < q->n_tags; j++)
			if (strcmp(d->tags[i], q->tags[j]) == 0)
				return true;
	return false;
}

void course_check_blueprint(struct load *ld, const struct course *course,
                            const struct course_blueprint *bp)
{
	size_t i, j;

	for (i = 0; i < bp->n_draws; i++) {
		const struct course_draw *d = &bp->draws[i];
		const struct course_lesson *l = course_find_lesson(course,
		                                                   d->lesson_id);
		size_t pool = 0;

		if (!l) {
			load_diag_at(ld, COURSE_ERROR, d->pos.file, d->pos.line,
			             d->pos.col, "this draw names lesson '%s', which is "
			             "not in the course", d->lesson_id);
			continue;
		}
		for (j = 0; j < l->n_questions; j++)
			pool += draw_matches(d, l->questions[j]);
		if ((size_t)d->count > pool)
			load_diag_at(ld, COURSE_ERROR, d->pos.file, d->pos.line,
			             d->pos.col, "this draw asks for %d question%s but "
			             "lesson '%s' has only %zu%s", d->count,
			             d->count == 1 ? "" : "s", d->lesson_id, pool,
			             d->difficulty_mask || d->n_tags
			             ? " that match its difficulty and tags" : "");
	}
}
