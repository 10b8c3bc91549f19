/* Test helper for the quiz and store tests: a small course built by hand
 * (no YAML), so those tests depend only on the course model's structs. */
#ifndef DT_FIXTURE_QUIZ_H
#define DT_FIXTURE_QUIZ_H

#include "dockertutor/course.h"

/* Three lessons ("basics", "images", "networks") with twelve questions of
 * every type, ids "q1".."q12", and one blueprint "final" drawing 2 + 2 + 2
 * questions.  Owned by the caller: free with fixture_course_free. */
struct course *fixture_course_new(void);
void fixture_course_free(struct course *course);

/* A course of n generated single-choice questions spread over `lessons`
 * lessons ("l0", "l1", ...; ids "g0", "g1", ...), four choices each, the
 * first correct; difficulty cycles 1, 2, 3.  For benchmarks and volume
 * tests. */
struct course *fixture_course_big(size_t n, size_t lessons);

/* The question with that id, or NULL. */
const struct course_question *fixture_question(const struct course *course,
                                               const char *id);

/* A new private folder under $TMPDIR (or /tmp) in buf (size bytes);
 * false on failure.  fixture_rmtree removes a folder and everything in it. */
bool fixture_tmpdir(char *buf, size_t size);
void fixture_rmtree(const char *path);

#endif
