/* Private to src/quiz/: helpers shared by the scoring and DOMC code. */
#ifndef DT_QUIZ_INT_H
#define DT_QUIZ_INT_H

#include "dockertutor/quiz.h"

/* Bit mask of the correct choices of a choice question. */
uint32_t quiz_correct_mask(const struct course_question *q);

/* Parses the body of a DOMC response ("2Y,0N,...", after "domc:") into
 * content indices and answers; false when malformed or an index is out of
 * range.  *n is the number of options answered. */
bool quiz_domc_parse(const struct course_question *q, const char *s,
                     uint8_t *idx, bool *yes, size_t *n);

#endif
