/* dockertutor progress: moves one learner's progress between machines: an
 * export to a self-contained JSON file, and an import that merges it
 * without duplicates and says what it added. */
#include <getopt.h>
#include <string.h>

#include "cli_int.h"

const char cmd_progress_usage[] =
	"usage: dockertutor progress export FILE\n"
	"       dockertutor progress import FILE\n"
	"\n"
	"Moves your progress (reading, practice answers, review schedule,\n"
	"exercises, exams) between machines or databases.\n"
	"  export   writes it to FILE as JSON ('-' for standard output)\n"
	"  import   merges FILE into this database: what is already there is\n"
	"           skipped, so importing twice adds nothing; review schedules\n"
	"           keep the more recent state.  Answers to questions this\n"
	"           course does not have are counted and left out.\n"
	"--learner NAME exports or imports another profile (import creates it).\n"
	"\n"
	"Options:\n"
	"  -h, --help   show this help\n";

static int export_to(struct app *app, const char *path)
{
	struct dt_error err;
	struct dt_buf doc;
	int status = CLI_OK;

	dt_buf_init(&doc);
	dt_error_clear(&err);
	if (app_progress_export(app, &doc, &err) != DT_OK) {
		cli_print_error(&err);
		status = CLI_FAIL;
	} else if (strcmp(path, "-") == 0) {
		fwrite(doc.data, 1, doc.len, stdout);
	} else if (dt_write_file(path, doc.data, doc.len, 0600, &err) != DT_OK) {
		cli_print_error(&err);
		status = CLI_FAIL;
	} else {
		fputs("Exported the progress of ", stdout);
		cli_put_safe(stdout, app_learner(app));
		fputs(" to ", stdout);
		cli_put_safe(stdout, path);
		puts(".");
	}
	dt_buf_fini(&doc);
	return status;
}

static int import_from(struct app *app, const char *path)
{
	struct store_import_stats st = {0};
	struct dt_error err;
	char *doc = NULL;
	size_t len = 0;
	int status = CLI_OK;

	dt_error_clear(&err);
	if (dt_read_file(path, STORE_MAX_DOCUMENT, &doc, &len, &err) != DT_OK ||
	    app_progress_import(app, doc, len, &st, &err) != DT_OK) {
		if (!err.path[0])
			dt_strlcpy(err.path, path, sizeof err.path);
		cli_print_error(&err);
		status = CLI_FAIL;
	} else {
		fputs("Imported ", stdout);
		cli_put_safe(stdout, path);
		fputs(" into the progress of ", stdout);
		cli_put_safe(stdout, app_learner(app));
		printf(": %zu record%s added, %zu already present", st.added,
		       st.added == 1 ? "" : "s", st.duplicates);
		if (st.unknown)
			printf(", %zu naming questions this database lacks (left out)",
			       st.unknown);
		puts(".");
	}
	dt_free(doc);
	return status;
}

static int run(struct app *app, const void *opts)
{
	char *const *args = opts;     /* the command and its file */

	if (strcmp(args[0], "export") == 0)
		return export_to(app, args[1]);
	return import_from(app, args[1]);
}

int cmd_progress(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(cmd_progress_usage, stdout);
			return CLI_OK;
		}
		fputs(cmd_progress_usage, stderr);
		return CLI_USAGE;
	}
	if (argc - optind != 2)
		return cli_usage_error(cmd_progress_usage, "progress needs export "
		                       "FILE or import FILE");
	if (strcmp(argv[optind], "export") != 0 &&
	    strcmp(argv[optind], "import") != 0)
		return cli_usage_error(cmd_progress_usage, "unknown progress "
		                       "command '%s'", argv[optind]);
	return cli_with_app(ctx, run, argv + optind);
}
