/* Fuzz target: the Dockerfile parser, the dump and the shell reader.
 * Whatever the input, lint_parse succeeds (or reports a limit), every
 * instruction keeps a position inside the file, lint_dump writes one line
 * per instruction, and the shell reader splits every RUN script and
 * heredoc body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dockertutor/lint.h"

static void check_instr(const struct lint_file *f, const struct lint_instr *in)
{
	struct lint_script s;
	struct dt_arena a;
	size_t i;
	int line, col;

	if (in->line < 1 || in->line > f->n_lines || in->end_line < in->line ||
	    in->col < 1 || !in->text || !in->keyword)
		abort();
	lint_instr_text_pos(in, strlen(in->text), &line, &col);
	if (line < in->line || line > in->end_line)
		abort();
	if (in->kind != LINT_RUN)
		return;
	dt_arena_init(&a);
	if (!lint_shell_parse(&a, in->text, in->line, &s))
		abort();
	for (i = 0; i < s.n_cmds; i++)
		if (s.cmds[i].argc == 0 || !s.cmds[i].argv[0] || !s.cmds[i].sep)
			abort();
	for (i = 0; i < in->n_heredocs; i++)
		if (!lint_shell_parse(&a, in->heredocs[i].body,
		                      in->heredocs[i].line, &s))
			abort();
	dt_arena_fini(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lint_file *f = NULL;
	struct dt_error err;
	struct dt_buf dump;
	size_t i, lines = 0;

	if (lint_parse("fuzz", (const char *)data, size, &f, &err) != DT_OK) {
		if (err.code != DT_ERR_LIMIT || f)
			abort();
		return 0;
	}
	dt_buf_init(&dump);
	if (!lint_dump(f, &dump))
		abort();
	for (i = 0; i < dump.len; i++)
		lines += dump.data[i] == '\n';
	if (lines != f->n_instrs)
		abort();
	for (i = 0; i < f->n_instrs; i++) {
		check_instr(f, &f->instrs[i]);
		if (f->instrs[i].inner)
			check_instr(f, f->instrs[i].inner);
	}
	for (i = 0; i < f->n_stages; i++)
		if (f->stages[i].from >= f->stages[i].end ||
		    f->stages[i].end > f->n_instrs || !f->stages[i].image_resolved)
			abort();
	dt_buf_fini(&dump);
	lint_file_free(f);
	return 0;
}
