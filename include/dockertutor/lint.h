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
 * the parse, and its instruction array; lint_file_free releases both.  A struct lint_result owns its
 * findings and the parse it was made from; lint_result_free releases both.
 * Nothing here prints: output formats write into a struct dt_buf.
 */
#ifndef DOCKERTUTOR_LINT_H
#define DOCKERTUTOR_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "dockertutor/util.h"

/* Caps on untrusted input.  Passing one is DT_ERR_LIMIT with the position
 * where it was passed. */
#define LINT_MAX_FILE      (16u * 1024u * 1024u)  /* bytes per Dockerfile */
#define LINT_MAX_LINE      (1024u * 1024u)        /* bytes per logical line */
#define LINT_MAX_HEREDOC   (4u * 1024u * 1024u)   /* bytes per heredoc body */
#define LINT_MAX_INSTRS    500000u                /* instructions per file */

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
 * false and sep is '\0'.  Keys and values are unquoted (quotes and escapes
 * resolved, variables left as written).  line:col is the key's. */
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
	int end_line;            /* line of the delimiter that ends it (the
	                            last line of the file when unterminated) */
	int fd;                  /* 3<<EOF: 3; 0 when not given */
};

/* Where a piece of an instruction's text came from: text[offset...] is at
 * line:col of the Dockerfile until the next span.  Continuation lines make
 * one instruction's text span several lines. */
struct lint_span {
	size_t offset;
	int line, col;
};

enum lint_form {
	LINT_FORM_NONE,          /* instruction without a command */
	LINT_FORM_SHELL,         /* RUN apt-get update */
	LINT_FORM_EXEC,          /* RUN ["apt-get", "update"]; also COPY, ADD
	                            and VOLUME written as a JSON array */
};

/* Columns are 1-based and count bytes. */
struct lint_instr {
	enum lint_instr_kind kind;
	const char *keyword;     /* as written, e.g. "run" */
	int line, col;           /* of the keyword */
	int end_line;            /* last physical line, continuations and
	                            heredoc bodies included */
	const char *text;        /* everything after the keyword and flags,
	                            continuations joined, comment lines removed;
	                            "" when nothing follows */
	struct lint_flag *flags;
	size_t n_flags;
	enum lint_form form;     /* RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD
	                            (shell or exec); COPY, ADD, VOLUME (exec
	                            when a JSON array, else none) */
	const char **args;       /* exec form: the JSON array's strings;
	                            other instructions: the words of text with
	                            quotes and escapes removed, variables left
	                            as written (FROM image AS name -> "image",
	                            "AS","name"); HEALTHCHECK: the type first
	                            ("CMD", then the JSON strings or words) */
	size_t n_args;
	struct lint_pair *pairs; /* ENV, ARG, LABEL */
	size_t n_pairs;
	struct lint_heredoc *heredocs; /* RUN, COPY, ADD; ONBUILD RUN <<EOF:
	                                  the ONBUILD and its inner RUN share
	                                  one array */
	size_t n_heredocs;
	struct lint_instr *inner; /* ONBUILD: the wrapped instruction; HEALTHCHECK
	                             CMD: NULL (see args/text) */
	int stage;               /* index into lint_file.stages (a FROM: the
	                            stage it starts); -1 before the first FROM */
	/* BuildKit's own parse tree for the instruction, as lint_dump prints
	 * it: JSON strings, or words with quotes kept, or ENV/LABEL triples
	 * key, value, "=" (or "" for the legacy form).  Rules want args and
	 * pairs; this is for tools that must agree with BuildKit. */
	const char **nodes;
	size_t n_nodes;
	struct lint_span *spans; /* positions of text, see lint_instr_text_pos */
	size_t n_spans;
	int empty_cont_line;     /* first empty line inside the continuation
	                            (BuildKit warns about these); 0: none */
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

/* A parse error: the file still yields every instruction it could read.
 * Messages are BuildKit's ("unknown instruction: FORM (did you mean
 * from?)", "unterminated heredoc", ...). */
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
	bool bom;                /* it started with a UTF-8 byte order mark */
	int n_lines;
	/* The pairs of the ARGs before the first FROM (BuildKit's meta
	 * args), in order, ready for lint_expand. */
	struct lint_pair *meta_args;
	size_t n_meta_args;
};

/* Parses data[0..len) (any bytes; no NUL terminator needed, but a NUL
 * inside a word ends that word's string).  path is used in messages and
 * copied; NULL is "-".
 * Returns DT_OK with *out set even when the file has parse errors (see
 * out->errors); only a limit or an allocation failure is an error, and
 * then *out is NULL and nothing leaks.  Free with lint_file_free. */
enum dt_status lint_parse(const char *path, const char *data, size_t len,
                          struct lint_file **out, struct dt_error *err);
void lint_file_free(struct lint_file *file);

/* Writes the parse in the S-expression form of BuildKit's parser tests, one
 * line per instruction: (from "debian:12"), (run ["--mount=..."] "cmd"),
 * (onbuild (run "echo test")), (env "key" "value" "=") ...  Strings are
 * quoted as Go's strconv.Quote does.  BuildKit's dump leaves heredocs
 * out; here each follows its instruction's values as
 * (heredoc "EOF" "body\n"), so a file without heredocs dumps exactly as
 * BuildKit's.  False when out of memory. */
bool lint_dump(const struct lint_file *file, struct dt_buf *out);

/* The Dockerfile position of in->text[offset] (offsets past the end give
 * the end's position).  Exact for text that spans continuation lines. */
void lint_instr_text_pos(const struct lint_instr *in, size_t offset,
                         int *line, int *col);

/* Expands $VAR, ${VAR}, ${VAR:-default} and ${VAR:+alt} (also ${VAR-d},
 * ${VAR+a}, ${VAR:?msg} and ${VAR?msg}) in s using the pairs (later pairs
 * win; a pair without a value is an unset variable); unknown variables
 * expand to "".  \$ is a literal $.  The result lives in arena; NULL when
 * out of memory. */
const char *lint_expand(struct dt_arena *arena, const char *s,
                        const struct lint_pair *vars, size_t n_vars);

/* ---- Part 2: the shell reader ---------------------------------------- */

/* One simple command of a shell script: words with quotes removed.
 * Leading assignments (A=b) go to assigns, redirections (> f, 2>&1, <<EOF)
 * are left out, so argv[0] is the program.  Words holding $(...), `...` or
 * ${...} keep that text as written; the commands inside $(...) and `...`
 * are emitted too, one level deeper.  Commands come in the order they
 * start in the script.  A command of assignments only is not emitted. */
struct lint_shell_cmd {
	const char **argv;       /* argc words, then NULL */
	size_t argc;
	int line;                /* line within the Dockerfile */
	int col;                 /* column within the script's line */
	const char *sep;         /* operator that follows: "&&", "||", ";",
	                            "|", "&" or "" at the end; a newline or
	                            ";;" reads as ";", "|&" as "|" */
	int depth;               /* nesting in ( ), { } or $( ) */
	size_t offset;           /* of the first word in the script */
	const char **assigns;    /* "DEBIAN_FRONTEND=noninteractive", ... */
	size_t n_assigns;
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
 * only when out of memory.  Reserved words (if, then, for x in ..., do,
 * done, case ... esac, while, until, !, {, }) are not commands; shell
 * heredoc bodies are skipped.  Linear in the script's length. */
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
/* Parses those names (case-insensitive); false when unknown. */
bool lint_severity_parse(const char *s, enum lint_severity *out);

/* Where a rule comes from: hadolint's DL rules, BuildKit's build checks,
 * the course's own DT rules, or ShellCheck's SC codes. */
enum lint_group {
	LINT_GROUP_HADOLINT,
	LINT_GROUP_BUILDKIT,
	LINT_GROUP_COURSE,
	LINT_GROUP_SHELLCHECK,
};

/* A rule's description, from the one table (src/lint/rules.def) behind
 * --list-rules, --explain and docs/lint-rules.md.  Static strings. */
struct lint_rule_info {
	const char *id;          /* "DL3006", "DT1001", "StageNameCasing" */
	enum lint_group group;
	enum lint_severity severity;  /* the default */
	const char *message;     /* one line */
	const char *explanation; /* a paragraph with an example fix */
	const char *lesson;      /* "writing-dockerfiles#user", NULL if none */
};

/* Every rule in table order: DL rules by number, then the BuildKit checks,
 * then the DT rules; *n set to the count. */
const struct lint_rule_info *lint_rules(size_t *n);
/* Exact, case-sensitive id lookup; NULL when unknown. */
const struct lint_rule_info *lint_rule_find(const char *id);
/* True for an id a configuration may name: a rule of the table, another
 * name of one (BuildKit's JSONArgsRecommended is DL3025), or a ShellCheck
 * code (SC followed by digits). */
bool lint_rule_id_is_known(const char *id);
/* True when name, as written in a configuration, a pragma or
 * # check=skip=, names rule: the same id or one of its other names. */
bool lint_rule_matches(const char *name, const char *rule);
/* The table id that name stands for: name itself, or the rule an alias
 * names first (LINT_ALIAS in rules_buildkit.def); NULL when unknown. */
const char *lint_rule_canonical(const char *name);
/* The other names of table rule id, BuildKit's names for the check a DL
 * rule makes (DL3025: "JSONArgsRecommended"): the n-th for n = 0, 1, ...,
 * NULL past the last.  Static strings. */
const char *lint_rule_alias(const char *id, size_t n);
/* The documentation page of a rule: the hadolint wiki for DL, ShellCheck's
 * wiki for SC, Docker's build-check reference for BuildKit checks.  Static
 * or written into buf (size at least 128); never NULL. */
const char *lint_rule_url(const char *id, char *buf, size_t size);

struct lint_finding {
	const char *rule;        /* rule id */
	enum lint_severity severity;  /* after configuration */
	int line, col;           /* 1-based; col 1 when only the line is known */
	const char *message;
};

/* Caps on configuration input (.hadolint.yaml, environment, flags). */
#define LINT_CONFIG_MAX_FILE   (256u * 1024u)  /* bytes of a config file */
#define LINT_CONFIG_MAX_ITEMS  4096u           /* entries of each list */
#define LINT_CONFIG_MAX_DEPTH  8u              /* YAML nesting */

/* Output formats of a report, with their command-line names. */
#define LINT_FORMAT_LIST(X) \
	X(TTY, "tty") X(JSON, "json") X(GNU, "gnu") X(CHECKSTYLE, "checkstyle") \
	X(SARIF, "sarif") X(CODECLIMATE, "codeclimate") \
	X(GITLAB_CODECLIMATE, "gitlab_codeclimate") X(JUNIT, "junit")

enum lint_format {
#define LINT_FORMAT_ENUM(name, text) LINT_FORMAT_##name,
	LINT_FORMAT_LIST(LINT_FORMAT_ENUM)
#undef LINT_FORMAT_ENUM
	LINT_FORMAT_COUNT
};

const char *lint_format_name(enum lint_format fmt);
/* Parses "tty", "json", ... (case-insensitive); false when unknown. */
bool lint_format_parse(const char *s, enum lint_format *out);

struct lint_override {
	const char *rule;
	enum lint_severity severity;
};

struct lint_label_rule {
	const char *label;
	const char *type;        /* text, url, semver, hash, rfc3339, spdx, email */
};

/* See docs/lint-rules.md for the meaning of each setting.  The lists are
 * borrowed: they must live as long as the config is used (the loaders
 * below put them in an arena the caller owns). */
struct lint_config {
	const char **ignored;
	size_t n_ignored;
	struct lint_override *overrides;   /* the last entry for a rule wins */
	size_t n_overrides;
	enum lint_severity failure_threshold;   /* default LINT_SEV_INFO */
	const char **trusted_registries;   /* "docker.io", "*.gcr.io" */
	size_t n_trusted_registries;
	struct lint_label_rule *label_schema;
	size_t n_label_schema;
	bool strict_labels;
	bool disable_ignore_pragma;
	bool no_fail;
	bool shellcheck;         /* run shellcheck when on the PATH */
	/* hadolint's rule set only: the DL rules and ShellCheck's SC codes,
	 * without BuildKit's checks, the course's DT rules and BuildKit's
	 * # check= directive, so findings and exit status are hadolint's.
	 * --only-hadolint or DOCKERTUTOR_ONLY_HADOLINT=1 (a configuration
	 * file has no key for it: hadolint would reject the file). */
	bool only_hadolint;
	/* Output settings a config file may carry; the linter ignores them,
	 * the command line applies them. */
	bool has_format;
	enum lint_format format;
	bool no_color;
	bool verbose;
};

/* The defaults: nothing ignored, threshold info, shellcheck on. */
void lint_config_init(struct lint_config *cfg);

/* Adding to a configuration.  Copies of the strings and the grown lists
 * live in arena.  Unknown rule ids are accepted (a config may name rules of
 * a newer hadolint); a bad severity, label type or threshold is
 * DT_ERR_INVALID.  A list longer than LINT_CONFIG_MAX_ITEMS is
 * DT_ERR_LIMIT. */
enum dt_status lint_config_ignore(struct lint_config *cfg,
                                  struct dt_arena *arena, const char *rule,
                                  struct dt_error *err);
enum dt_status lint_config_override(struct lint_config *cfg,
                                    struct dt_arena *arena, const char *rule,
                                    enum lint_severity sev,
                                    struct dt_error *err);
enum dt_status lint_config_trust(struct lint_config *cfg,
                                 struct dt_arena *arena, const char *registry,
                                 struct dt_error *err);
/* spec is "label:type" (hadolint's --require-label). */
enum dt_status lint_config_require_label(struct lint_config *cfg,
                                         struct dt_arena *arena,
                                         const char *spec,
                                         struct dt_error *err);

/* Reads a hadolint configuration file (YAML: ignored, override,
 * failure-threshold, trustedRegistries, label-schema, strict-labels,
 * disable-ignore-pragma, no-fail, no-color, format, verbose) into cfg,
 * adding to what cfg already holds.  Errors carry path:line:col. */
enum dt_status lint_config_load(struct lint_config *cfg,
                                struct dt_arena *arena, const char *path,
                                struct dt_error *err);
/* The same from a string (path is used in messages). */
enum dt_status lint_config_parse(struct lint_config *cfg,
                                 struct dt_arena *arena, const char *path,
                                 const char *data, size_t len,
                                 struct dt_error *err);

/* A lookup of environment variables (getenv, or a table in tests);
 * returns NULL when unset. */
typedef const char *lint_getenv_fn(const char *name);

/* Applies the HADOLINT_* variables (NOFAIL, NOCOLOR, VERBOSE, FORMAT,
 * FAILURE_THRESHOLD, OVERRIDE_ERROR/WARNING/INFO/STYLE, IGNORE,
 * TRUSTED_REGISTRIES, REQUIRE_LABELS, STRICT_LABELS,
 * DISABLE_IGNORE_PRAGMA) and DOCKERTUTOR_ONLY_HADOLINT.  Errors name the
 * variable as their path. */
enum dt_status lint_config_apply_env(struct lint_config *cfg,
                                     struct dt_arena *arena,
                                     lint_getenv_fn *get,
                                     struct dt_error *err);

/* Finds the configuration file hadolint would use: ./.hadolint.yaml (or
 * .yml), $XDG_CONFIG_HOME/hadolint.yaml, ~/.config/hadolint.yaml,
 * ~/.hadolint/hadolint.yaml, ~/hadolint/config.yaml, ~/.hadolint.yaml
 * (each also as .yml).  Writes the path into out and returns true; false
 * when there is none (or the path does not fit). */
bool lint_config_find(lint_getenv_fn *get, char *out, size_t size);

struct lint_result {
	struct lint_file *file;  /* owned */
	struct lint_finding *findings;  /* sorted by line, column, rule */
	size_t n_findings;
	struct dt_arena arena;   /* findings, their strings, parsed scripts */
};

/* Parses and lints data[0..len).  A parse error becomes a DL1000 finding;
 * only limits and allocation failures are errors.  Free with
 * lint_result_free.  cfg may be NULL for the defaults. */
enum dt_status lint_run(const char *path, const char *data, size_t len,
                        const struct lint_config *cfg,
                        struct lint_result **out, struct dt_error *err);
void lint_result_free(struct lint_result *result);

/* True when a finding at or above the config's threshold exists or the
 * file did not parse (DL1000); false whenever cfg->no_fail is set. */
bool lint_result_fails(const struct lint_result *result,
                       const struct lint_config *cfg);

/* Output.  A report is written in three steps so that any number of files
 * can be streamed: lint_report_begin, lint_report_add for each result (in
 * the order they should appear), lint_report_end.  Text goes into out
 * (checked once at the end through out->failed).  Every string from a
 * Dockerfile is escaped for the format (JSON, XML) or, for tty and gnu,
 * cleaned of control characters and escape sequences. */
struct lint_report {
	enum lint_format format;
	bool color;              /* tty: ANSI colours */
	const char *tool_version;
	size_t n_files;          /* results added so far */
	size_t n_items;          /* findings written so far */
};

void lint_report_begin(struct lint_report *rep, enum lint_format format,
                       bool color, struct dt_buf *out);
void lint_report_add(struct lint_report *rep, const struct lint_result *res,
                     struct dt_buf *out);
void lint_report_end(struct lint_report *rep, struct dt_buf *out);

/* The rule list for --list-rules: "text" (one line per rule) or
 * "markdown" (docs/lint-rules.md).  False when out failed. */
bool lint_rules_write(bool markdown, struct dt_buf *out);
/* The --explain text of one rule; false when the id is unknown. */
bool lint_rule_explain(const char *id, struct dt_buf *out);

/* ShellCheck.  When a `shellcheck` program is on the PATH and
 * cfg->shellcheck is set, lint_run hands the file's shell-form RUN scripts
 * (heredoc bodies included) to one shellcheck process and reports its
 * comments as SCnnnn findings at the RUN's line, severities mapped
 * one to one.  Without it every other rule still runs. */
bool lint_shellcheck_available(void);

#define LINT_SC_MAX_OUTPUT  (8u * 1024u * 1024u)  /* bytes read from shellcheck */
#define LINT_SC_MAX_DEPTH   32u                   /* JSON nesting */

/* One comment of ShellCheck's --format=json1 output. */
struct lint_sc_comment {
	const char *file;        /* as ShellCheck names it */
	int line, col;
	int code;                /* 2086 for SC2086 */
	enum lint_severity severity;  /* error, warning, info or style */
	const char *message;
};

/* Reads --format=json1 output json[0..len).  The comments and their
 * strings live in arena; *n is their count.  Malformed JSON is
 * DT_ERR_SYNTAX with the byte offset (1-based) as column; nesting deeper
 * than LINT_SC_MAX_DEPTH or more than LINT_SC_MAX_OUTPUT bytes is
 * DT_ERR_LIMIT.  A comment without a file, a line or a code is skipped;
 * an unknown level reads as info. */
enum dt_status lint_shellcheck_parse(const char *json, size_t len,
                                     struct dt_arena *arena,
                                     struct lint_sc_comment **out, size_t *n,
                                     struct dt_error *err);

#endif
