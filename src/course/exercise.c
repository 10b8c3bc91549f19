/* Reader of exercise files (exercises/NAME/exercise.yaml): the schema,
 * the checks (one-key mappings, one reader per kind in a table indexed by
 * COURSE_CHECK_LIST), and the files the exercise names, which must exist
 * inside its folder. */
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>

#include "dockertutor/lint.h"
#include "course_int.h"

typedef void check_reader(struct load *ld, const struct ynode *key,
                          const struct ynode *val, struct course_check *c);

/* Instruction names as the linter knows them. */
static const char *const instr_names[] = {
#define INSTR_NAME(name) #name,
	LINT_INSTR_LIST(INSTR_NAME)
#undef INSTR_NAME
	NULL,
};

static bool is_instruction(const char *s, size_t n)
{
	size_t i;

	for (i = 0; instr_names[i]; i++)
		if (strlen(instr_names[i]) == n &&
		    dt_strncasecmp(instr_names[i], s, n) == 0)
			return true;
	return false;
}

static void upper(char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i]; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			s[i] = (char)(s[i] - 'a' + 'A');
}

/* Reads a scalar that must be one of names into c->str. */
static void read_word(struct load *ld, const struct ynode *key,
                      const struct ynode *val, struct course_check *c,
                      const char *const *names, const char *use)
{
	char buf[64];
	size_t i;

	if (!load_scalar(ld, key->str, val, use))
		return;
	for (i = 0; names[i]; i++)
		if (strcmp(val->str, names[i]) == 0) {
			c->str = names[i];
			return;
		}
	load_error(ld, val, "unknown value %s for '%s'; use %s",
	           load_describe(val, buf, sizeof buf), key->str, use);
}

static void read_lint(struct load *ld, const struct ynode *key,
                      const struct ynode *val, struct course_check *c)
{
	static const char *const levels[] = {
		"error", "warning", "info", "style", "none", NULL,
	};
	static const struct load_field fields[] = {
		{ .key = "max", .type = F_STR, .flags = F_REQUIRED },
	};
	static const struct load_schema schema = { "lint check", fields, 1 };
	struct load_seen seen;
	const char *dummy = NULL;

	if (val->kind != YNODE_MAP) {
		char buf[64];

		load_error(ld, val, "expected {max: LEVEL} for '%s', found %s",
		           key->str, load_describe(val, buf, sizeof buf));
		return;
	}
	if (!load_object(ld, val, &schema, &dummy, &seen) || !dummy)
		return;
	read_word(ld, seen.key[0], seen.val[0], c, levels,
	          "error, warning, info, style or none");
}

/* ShellCheck's codes (SC2086) are not in the rule table, which has one
 * SCxxxx entry for all of them. */
static bool is_shellcheck_id(const char *id)
{
	size_t i;

	if (id[0] != 'S' || id[1] != 'C' || !id[2])
		return false;
	for (i = 2; id[i]; i++)
		if (id[i] < '0' || id[i] > '9')
			return false;
	return true;
}

static void read_rules(struct load *ld, const struct ynode *key,
                       const struct ynode *val, struct course_check *c)
{
	size_t i, j;

	if (!load_count(ld, key->str, val, 1, 0) ||
	    !load_list(ld, key->str, val, F_STRS, &c->list, &c->n_list))
		return;
	for (i = 0; i < c->n_list; i++) {
		const char *id = c->list[i];
		bool ok = (id[0] >= 'A' && id[0] <= 'Z') ||
		          (id[0] >= 'a' && id[0] <= 'z');

		for (j = 1; ok && id[j]; j++)
			ok = (id[j] >= 'A' && id[j] <= 'Z') ||
			     (id[j] >= 'a' && id[j] <= 'z') ||
			     (id[j] >= '0' && id[j] <= '9');
		if (!ok) {
			char buf[64];

			load_error(ld, val->items[i], "%s is not a rule id such as "
			           "DL3006 or DT1001",
			           load_describe(val->items[i], buf, sizeof buf));
		} else if (!lint_rule_find(id) && !is_shellcheck_id(id)) {
			load_error(ld, val->items[i], "the linter has no rule '%s'; "
			           "'dockertutor lint --list-rules' lists them", id);
		}
	}
}

static void read_final_user(struct load *ld, const struct ynode *key,
                            const struct ynode *val, struct course_check *c)
{
	static const char *const users[] = { "non-root", NULL };

	read_word(ld, key, val, c, users, "non-root");
}

static void read_pinned(struct load *ld, const struct ynode *key,
                        const struct ynode *val, struct course_check *c)
{
	static const char *const kinds[] = { "tag", "digest", NULL };

	read_word(ld, key, val, c, kinds, "tag or digest");
}

static void read_instruction(struct load *ld, const struct ynode *key,
                             const struct ynode *val, struct course_check *c)
{
	char buf[64];
	char *name;

	if (!load_scalar(ld, key->str, val, "an instruction name"))
		return;
	if (!is_instruction(val->str, val->len)) {
		load_error(ld, val, "%s is not a Dockerfile instruction",
		           load_describe(val, buf, sizeof buf));
		return;
	}
	name = (char *)load_strdup(ld, val->str, val->len);
	if (name)
		upper(name, val->len);
	c->str = name;
}

static void read_stages(struct load *ld, const struct ynode *key,
                        const struct ynode *val, struct course_check *c)
{
	static const struct load_field fields[] = {
		{ .key = "min", .type = F_INT, .off = offsetof(struct course_check, min),
		  .min = 1, .max = 100 },
		{ .key = "max", .type = F_INT, .off = offsetof(struct course_check, max),
		  .min = 1, .max = 100 },
	};
	static const struct load_schema schema = { "stages check", fields, 2 };
	struct load_seen seen;

	(void)key;
	if (!load_object(ld, val, &schema, c, &seen))
		return;
	if (!seen.key[0] && !seen.key[1])
		load_error(ld, val, "'stages' needs 'min', 'max' or both");
	else if (c->min > 0 && c->max > 0 && c->min > c->max)
		load_error(ld, val, "'stages' has min %d above max %d", c->min,
		           c->max);
}

static void read_order(struct load *ld, const struct ynode *key,
                       const struct ynode *val, struct course_check *c)
{
	size_t i;

	if (!load_count(ld, key->str, val, 1, 0) ||
	    !load_list(ld, key->str, val, F_STRS, &c->list, &c->n_list))
		return;
	for (i = 0; i < c->n_list; i++) {
		char *pattern = (char *)c->list[i];
		size_t n = strcspn(pattern, " \t");

		if (!is_instruction(pattern, n))
			load_error(ld, val->items[i], "the pattern '%.40s' must start "
			           "with an instruction name, such as 'COPY package*.json'",
			           pattern);
		else
			upper(pattern, n);
	}
}

static void read_exposes(struct load *ld, const struct ynode *key,
                         const struct ynode *val, struct course_check *c)
{
	long long port;

	if (load_int(ld, key->str, val, 1, 65535, &port))
		c->number = (int)port;
}

static void read_flag(struct load *ld, const struct ynode *key,
                      const struct ynode *val, struct course_check *c)
{
	(void)c;
	if (!load_scalar(ld, key->str, val, "true"))
		return;
	if (val->style != YSTYLE_PLAIN || strcmp(val->str, "true") != 0)
		load_error(ld, val, "'%s' takes only the value true; to check "
		           "nothing, remove the check", key->str);
}

static void read_file_exists(struct load *ld, const struct ynode *key,
                             const struct ynode *val, struct course_check *c)
{
	char norm[COURSE_MAX_PATH + 1];
	const char *path, *problem;

	if (!load_string(ld, key->str, val, false, &path))
		return;
	problem = load_path_join("", path, norm, sizeof norm);
	if (problem) {
		load_error(ld, val, "bad path for '%s': %s", key->str,
		           strcmp(problem, "the path leaves the content folder") == 0
		           ? "the path leaves the workspace" : problem);
		return;
	}
	c->str = load_strdup(ld, norm, strlen(norm));
}

static check_reader *const check_readers[COURSE_CHECK_COUNT] = {
	[COURSE_CHECK_LINT] = read_lint,
	[COURSE_CHECK_FORBID_RULE] = read_rules,
	[COURSE_CHECK_REQUIRE_RULE] = read_rules,
	[COURSE_CHECK_FINAL_USER] = read_final_user,
	[COURSE_CHECK_BASE_PINNED] = read_pinned,
	[COURSE_CHECK_HAS_INSTRUCTION] = read_instruction,
	[COURSE_CHECK_LACKS_INSTRUCTION] = read_instruction,
	[COURSE_CHECK_STAGES] = read_stages,
	[COURSE_CHECK_ORDER] = read_order,
	[COURSE_CHECK_EXPOSES] = read_exposes,
	[COURSE_CHECK_WORKDIR_ABSOLUTE] = read_flag,
	[COURSE_CHECK_HEALTHCHECK] = read_flag,
	[COURSE_CHECK_NO_SECRETS] = read_flag,
	[COURSE_CHECK_FILE_EXISTS] = read_file_exists,
};

static bool read_check(struct load *ld, const struct ynode *node,
                       struct course_check *c)
{
	const char *names[COURSE_CHECK_COUNT + 1];
	const struct ynode *key;
	const char *hint;
	char buf[64];
	size_t k;

	if (node->kind != YNODE_MAP || node->n != 1 ||
	    node->items[0]->kind != YNODE_SCALAR) {
		load_error(ld, node, "a check is a mapping with one key, such as "
		           "'final_user: non-root', found %s",
		           load_describe(node, buf, sizeof buf));
		return false;
	}
	key = node->items[0];
	for (k = 0; k < COURSE_CHECK_COUNT; k++)
		names[k] = course_check_name((enum course_check_kind)k);
	names[k] = NULL;
	for (k = 0; names[k] && strcmp(names[k], key->str) != 0; k++)
		;
	if (!names[k]) {
		hint = load_suggest(key->str, names);
		load_error(ld, key, "unknown check %s%s%s%s",
		           load_describe(key, buf, sizeof buf),
		           hint ? "; did you mean '" : "", hint ? hint : "",
		           hint ? "'?" : "");
		return false;
	}
	c->kind = (enum course_check_kind)k;
	c->min = c->max = -1;
	c->pos = load_pos(ld, node);
	check_readers[k](ld, key, node->items[1], c);
	return true;
}

static void read_checks(struct load *ld, const struct ynode *key,
                        const struct ynode *val, void *obj)
{
	struct course_exercise *ex = obj;
	size_t i;

	if (!load_count(ld, key->str, val, 1, 0) || val->kind != YNODE_SEQ)
		return;
	ex->checks = load_alloc(ld, val->n * sizeof *ex->checks);
	for (i = 0; ex->checks && i < val->n && !ld->stop; i++)
		ex->n_checks += read_check(ld, val->items[i],
		                           &ex->checks[ex->n_checks]);
}

enum {
	EF_ID, EF_LESSON, EF_TITLE, EF_TASK, EF_FILES, EF_TARGET, EF_CHECKS,
	EF_HINTS, EF_SOLUTION,
};

static const struct load_field exercise_fields[] = {
	[EF_ID] = { .key = "id", .type = F_ID, .flags = F_REQUIRED,
	            .off = offsetof(struct course_exercise, id) },
	[EF_LESSON] = { .key = "lesson", .type = F_ID, .flags = F_REQUIRED,
	                .off = offsetof(struct course_exercise, lesson_id) },
	[EF_TITLE] = { .key = "title", .type = F_STR, .flags = F_REQUIRED,
	               .off = offsetof(struct course_exercise, title) },
	[EF_TASK] = { .key = "task", .type = F_TEXT, .flags = F_REQUIRED,
	              .off = offsetof(struct course_exercise, task) },
	[EF_FILES] = { .key = "files", .type = F_PATHS, .flags = F_REQUIRED,
	               .off = offsetof(struct course_exercise, files),
	               .off_n = offsetof(struct course_exercise, n_files),
	               .min = 1 },
	[EF_TARGET] = { .key = "target", .type = F_PATH,
	                .off = offsetof(struct course_exercise, target) },
	[EF_CHECKS] = { .key = "checks", .type = F_CUSTOM, .flags = F_REQUIRED,
	                .read = read_checks },
	[EF_HINTS] = { .key = "hints", .type = F_TEXTS,
	               .off = offsetof(struct course_exercise, hints),
	               .off_n = offsetof(struct course_exercise, n_hints) },
	[EF_SOLUTION] = { .key = "solution", .type = F_PATH, .flags = F_REQUIRED,
	                  .off = offsetof(struct course_exercise, solution) },
};

static const struct load_schema exercise_schema = {
	"exercise", exercise_fields,
	sizeof exercise_fields / sizeof *exercise_fields,
};

/* Normalises a path of the exercise relative to its folder, which it may
 * not leave, and checks that the file exists. */
static const char *exercise_file(struct load *ld, const struct ynode *at,
                                 const char *key, const char *path,
                                 bool must_exist)
{
	char norm[COURSE_MAX_PATH + 1];
	const char *problem = load_path_join("", path, norm, sizeof norm);
	const char *full;
	struct stat st;

	if (problem) {
		load_error(ld, at, "bad path for '%s': %s", key,
		           strcmp(problem, "the path leaves the content folder") == 0
		           ? "the path leaves the exercise folder" : problem);
		return NULL;
	}
	if (ld->root && must_exist) {
		full = dt_arena_printf(&ld->scratch, "%s/%s",
		                       load_display_path(ld, ld->rel_dir), norm);
		if (!full) {
			ld->nomem = true;
			return NULL;
		}
		if (stat(full, &st) != 0 || !S_ISREG(st.st_mode))
			load_error(ld, at, "the file '%s' named in '%s' does not exist "
			           "in the exercise folder", norm, key);
	}
	return load_strdup(ld, norm, strlen(norm));
}

static void check_files(struct load *ld, struct course_exercise *ex,
                        const struct load_seen *seen)
{
	size_t i;
	bool found = false;

	for (i = 0; i < ex->n_files; i++) {
		ex->files[i] = exercise_file(ld, seen->val[EF_FILES]->items[i],
		                             "files", ex->files[i], true);
		if (!ex->files[i])
			return;
	}
	if (ex->solution)
		ex->solution = exercise_file(ld, seen->val[EF_SOLUTION], "solution",
		                             ex->solution, true);
	if (ex->target)
		ex->target = exercise_file(ld, seen->val[EF_TARGET], "target",
		                           ex->target, false);   /* one of files */
	else if (seen->key[EF_FILES])
		ex->target = "Dockerfile";
	for (i = 0; ex->target && i < ex->n_files; i++)
		found |= strcmp(ex->files[i], ex->target) == 0;
	if (ex->target && ex->n_files && !found)
		load_error(ld, seen->val[EF_TARGET] ? seen->val[EF_TARGET]
		                                    : seen->key[EF_FILES],
		           "the target '%s' is not one of 'files'%s", ex->target,
		           seen->val[EF_TARGET] ? ""
		           : " (set 'target' when the checked file is not Dockerfile)");
}

bool course_read_exercise(struct load *ld, const struct ynode *root,
                          struct course_exercise *ex)
{
	struct load_seen seen;

	ex->pos = load_pos(ld, root);
	if (!root) {
		load_error(ld, NULL, "the file is empty; an exercise needs id, "
		           "lesson, title, task, files, checks and solution");
		return false;
	}
	if (!load_object(ld, root, &exercise_schema, ex, &seen))
		return false;
	if (ex->id && ld->root) {
		const char *folder = strrchr(ld->rel_dir, '/');

		folder = folder ? folder + 1 : ld->rel_dir;
		if (strcmp(folder, ex->id) != 0)
			load_error(ld, seen.val[EF_ID], "the exercise id '%s' differs "
			           "from its folder name '%s'; they must be equal",
			           ex->id, folder);
	}
	if (ex->files && seen.val[EF_FILES] &&
	    ex->n_files == seen.val[EF_FILES]->n)
		check_files(ld, ex, &seen);
	if (ex->lesson_id && ld->root) {
		struct ref r = { REF_EXERCISE_LESSON, ex, ex->lesson_id,
		                 load_pos(ld, seen.val[EF_LESSON]), NULL,
		                 { NULL, 0, 0 } };

		load_add_ref(ld, &r);
	}
	return ex->id != NULL;
}
