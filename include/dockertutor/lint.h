/* dockertutor/lint.h - a BuildKit-compatible Dockerfile parser and a
 * hadolint-compatible linter.  Knows nothing of courses or databases: it can
 * be lifted out as a library.
 *
 * Part 1, the parse tree: lint_parse turns a Dockerfile into a struct
 * lint_file whose every node keeps its line and column.  Part 2, the shell
 * reader: RUN bodies split into commands and arguments.  Part 3, the linter:
 * rules, configuration, findings and output formats.
 *
 * Ownership: a struct lint_file owns one arena with every node and string of
 * the parse; lint_file_free releases it.  A struct lint_result owns its
 * findings and the parse it was made from; lint_result_free releases both.
 * Nothing here prints: output formats write into a struct dt_buf.
 */
#ifndef DOCKERTUTOR_LINT_H
#define DOCKERTUTOR_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "dockertutor/util.h"

/* Caps on untrusted input. */
#define LINT_MAX_FILE      (16u * 1024u * 1024u)  /* bytes per Dockerfile */
#define LINT_MAX_LINE      (1024u * 1024u)        /* bytes per logical line */
#define LINT_MAX_HEREDOC   (4u * 1024u * 1024u)   /* bytes per heredoc body */
#define LINT_MAX_INSTRS    100000u                /* instructions per file */

/* ---- Part 1: the parse tree ------------------------------------------ */

/* Instruction kinds, with their canonical upper-case names. */
#define LINT_INSTR_LIST(X) \
	X(ADD) X(ARG) X(CMD) X(COPY) X(ENTRYPOINT) X(ENV) X(EXPOSE) \
	X(FROM) X(HEALTHCHECK) X(LABEL) X(MAINTAINER) X(ONBUILD) X(RUN) \
	X(SHELL) X(STOPSIGNAL) X(USER) X(VOLUME) X(WORKDIR)

enum lint_instr_kind {
	LINT_UNKNOWN = 0,       /* a keyword Docker does not know */
#define LINT_INSTR_ENUM(name) LINT_##name,
	LINT_INSTR_LIST(LINT_INSTR_ENUM)
#undef LINT_INSTR_ENUM
	LINT_INSTR_COUNT
};

/* "FROM", "RUN", ...; "UNKNOWN" for LINT_UNKNOWN. */
const char *lint_instr_name(enum lint_instr_kind kind);
/* Case-insensitive lookup; LINT_UNKNOWN when s is not an instruction. */
enum lint_instr_kind lint_instr_lookup(const char *s, size_t n);

/* A flag such as --from=build, --mount=type=cache,target=/x or --link. */
struct lint_flag {
	const char *name;        /* "mount", without the dashes */
	const char *value;       /* "type=cache,target=/x"; NULL for a bare flag */
	int line, col;
};

/* One pair of ENV, ARG or LABEL.  sep is '=' for key=value and ' ' for the
 * legacy "ENV key value" form; for ARG without a default has_value is
 * false.  Values are unquoted (quotes and escapes resolved). */
struct lint_pair {
	const char *key;
	const char *value;       /* "" when has_value is false */
	bool has_value;
	char sep;
	int line, col;
};

/* A heredoc attached to RUN, COPY or ADD. */
struct lint_heredoc {
	const char *name;        /* the delimiter word, quotes removed */
	const char *body;        /* content, tabs stripped for <<- */
	bool strip_tabs;         /* <<- */
	bool quoted;             /* delimiter was quoted: no expansion */
	int line;                /* line of the first body line */
};

enum lint_form {
	LINT_FORM_NONE,          /* instruction without a command */
	LINT_FORM_SHELL,         /* RUN apt-get update */
	LINT_FORM_EXEC,          /* RUN ["apt-get", "update"] */
};

struct lint_instr {
	enum lint_instr_kind kind;
	const char *keyword;     /* as written, e.g. "run" */
	int line, col;           /* of the keyword */
	int end_line;            /* last physical line, continuations included */
	const char *text;        /* everything after the keyword and flags,
	                            continuations joined, comment lines removed */
	struct lint_flag *flags;
	size_t n_flags;
	enum lint_form form;     /* RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD */
	const char **args;       /* exec form: the JSON array's strings;
	                            other instructions: the words of text
	                            (FROM image AS name -> "image","AS","name") */
	size_t n_args;
	struct lint_pair *pairs; /* ENV, ARG, LABEL */
	size_t n_pairs;
	struct lint_heredoc *heredocs;
	size_t n_heredocs;
	struct lint_instr *inner; /* ONBUILD: the wrapped instruction; HEALTHCHECK
	                             CMD: NULL (see args/text) */
	int stage;               /* index into lint_file.stages; -1 before FROM */
};

/* A build stage: a FROM and the instructions after it. */
struct lint_stage {
	const char *image;       /* as written, e.g. "node:${V}-alpine" */
	const char *image_resolved; /* with ARGs before FROM expanded */
	const char *name;        /* the AS name, NULL when absent */
	const char *platform;    /* --platform value, NULL when absent */
	size_t from;             /* index of the FROM in lint_file.instrs */
	size_t end;              /* one past its last instruction */
};

/* A comment line, kept for pragmas (# hadolint ignore=...). */
struct lint_comment {
	const char *text;        /* after '#', leading blanks trimmed */
	int line, col;
};

/* A parse error: the file still yields every instruction it could read. */
struct lint_parse_error {
	int line, col;
	const char *msg;
};

struct lint_file {
	struct dt_arena arena;
	const char *path;
	char escape;             /* '\\' or '`' */
	const char *syntax;      /* # syntax= value, NULL when absent */
	const char *check;       /* # check= value, NULL when absent */
	struct lint_instr *instrs;
	size_t n_instrs;
	struct lint_stage *stages;
	size_t n_stages;
	struct lint_comment *comments;
	size_t n_comments;
	struct lint_parse_error *errors;
	size_t n_errors;
	bool crlf;               /* the file used CRLF line ends */
	int n_lines;
};

/* Parses data[0..len).  path is used in messages and copied.  Returns DT_OK
 * with *out set even when the file has parse errors (see out->errors); only
 * a limit or an allocation failure is an error.  Free with lint_file_free. */
enum dt_status lint_parse(const char *path, const char *data, size_t len,
                          struct lint_file **out, struct dt_error *err);
void lint_file_free(struct lint_file *file);

/* Writes the parse in the S-expression form of BuildKit's parser tests, one
 * line per instruction: (from "debian:12"), (run ["--mount=..."] "cmd"),
 * (onbuild (run "echo test")), (env "key" "value" "=") ... */
bool lint_dump(const struct lint_file *file, struct dt_buf *out);

/* Expands $VAR, ${VAR}, ${VAR:-default} and ${VAR:+alt} in s using the
 * pairs (later pairs win); unknown variables expand to "".  The result lives
 * in arena. */
const char *lint_expand(struct dt_arena *arena, const char *s,
                        const struct lint_pair *vars, size_t n_vars);

/* ---- Part 2: the shell reader ---------------------------------------- */

/* One simple command of a shell script: words with quotes removed. */
struct lint_shell_cmd {
	const char **argv;
	size_t argc;
	int line;                /* line within the Dockerfile */
	int col;
	const char *sep;         /* operator that follows: "&&", "||", ";",
	                            "|", "&" or "" at the end */
	int depth;               /* nesting in ( ), { } or $( ) */
};

struct lint_script {
	struct lint_shell_cmd *cmds;
	size_t n_cmds;
	bool pipefail;           /* set -o pipefail (or -eo pipefail) seen
	                            before the first pipe */
	bool has_pipe;
};

/* Splits a POSIX shell script into simple commands.  line is the Dockerfile
 * line the script starts on.  Strings live in arena.  Never fails on bad
 * syntax (an unclosed quote ends at the end of the script); returns false
 * only when out of memory. */
bool lint_shell_parse(struct dt_arena *arena, const char *script, int line,
                      struct lint_script *out);

/* ---- Part 3: the linter ---------------------------------------------- */

enum lint_severity {
	LINT_SEV_ERROR,
	LINT_SEV_WARNING,
	LINT_SEV_INFO,
	LINT_SEV_STYLE,
	LINT_SEV_IGNORE,         /* turned off */
	LINT_SEV_NONE,           /* as a threshold: nothing fails */
};

/* "error", "warning", "info", "style", "ignore", "none". */
const char *lint_severity_name(enum lint_severity sev);
/* Parses those names; false when unknown. */
bool lint_severity_parse(const char *s, enum lint_severity *out);

/* A rule's description, from the one table behind --list-rules, --explain
 * and docs/lint-rules.md. */
struct lint_rule_info {
	const char *id;          /* "DL3006", "DT1001", "StageNameCasing" */
	enum lint_severity severity;
	const char *message;     /* one line */
	const char *explanation; /* a paragraph with an example fix */
	const char *lesson;      /* "writing-dockerfiles#user", NULL if none */
};

/* Every rule, in id order; *n set to the count. */
const struct lint_rule_info *lint_rules(size_t *n);
const struct lint_rule_info *lint_rule_find(const char *id);

struct lint_finding {
	const char *rule;        /* rule id */
	enum lint_severity severity;  /* after configuration */
	int line, col;
	const char *message;
};

/* See docs/lint-rules.md for the meaning of each setting.  Lists are
 * borrowed: they must live as long as the config is used. */
struct lint_config {
	const char **ignored;
	size_t n_ignored;
	struct {
		const char *rule;
		enum lint_severity severity;
	} *overrides;
	size_t n_overrides;
	enum lint_severity failure_threshold;   /* default LINT_SEV_INFO */
	const char **trusted_registries;
	size_t n_trusted_registries;
	struct {
		const char *label;
		const char *type;    /* text, url, semver, hash, rfc3339, spdx, email */
	} *label_schema;
	size_t n_label_schema;
	bool strict_labels;
	bool disable_ignore_pragma;
	bool no_fail;
	bool shellcheck;         /* run shellcheck when on the PATH */
};

/* The defaults: nothing ignored, threshold info, shellcheck on. */
void lint_config_init(struct lint_config *cfg);

struct lint_result {
	struct lint_file *file;  /* owned */
	struct lint_finding *findings;  /* sorted by line, column, rule */
	size_t n_findings;
	struct dt_arena arena;   /* findings and their strings */
};

/* Parses and lints data[0..len).  A parse error becomes a DL1000 finding;
 * only limits and allocation failures are errors.  Free with
 * lint_result_free. */
enum dt_status lint_run(const char *path, const char *data, size_t len,
                        const struct lint_config *cfg,
                        struct lint_result **out, struct dt_error *err);
void lint_result_free(struct lint_result *result);

/* True when a finding at or above the config's threshold exists. */
bool lint_result_fails(const struct lint_result *result,
                       const struct lint_config *cfg);

#endif
