/* Fuzz target: the GIFT and Aiken readers, and writing back what they read.
 * The first byte picks the format; nothing may crash, leak or loop. */
#include <stdint.h>
#include <stdlib.h>

#include "dockertutor/course.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct course_bank bank = {0};
	struct course_diags diags;
	bool gift;

	if (size == 0)
		return 0;
	gift = data[0] & 1;
	dt_arena_init(&bank.arena);
	bank.path = "fuzz";
	course_diags_init(&diags);
	if ((gift ? course_gift_parse(&bank, (const char *)data + 1, size - 1, &diags)
	          : course_aiken_parse(&bank, (const char *)data + 1, size - 1, &diags)) == DT_OK) {
		const struct course_question **qs = malloc(bank.n_questions * sizeof *qs + 1);
		struct dt_buf out;
		size_t i;

		if (qs) {
			for (i = 0; i < bank.n_questions; i++)
				qs[i] = &bank.questions[i];
			dt_buf_init(&out);
			course_bank_export(qs, bank.n_questions,
			                   gift ? COURSE_BANK_GIFT : COURSE_BANK_AIKEN, &out, &diags);
			dt_buf_fini(&out);
			free(qs);
		}
	}
	course_diags_fini(&diags);
	dt_arena_fini(&bank.arena);
	return 0;
}
