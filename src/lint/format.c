/* Output of the linter: findings in the formats CI tools read (tty, json,
 * gnu, checkstyle, sarif, codeclimate, gitlab_codeclimate, junit), the
 * rule list for --list-rules and docs/lint-rules.md, and --explain.
 *
 * Design: a report streams: begin writes the opening, add writes one
 * file's findings, end closes, so a CI run over thousands of Dockerfiles
 * keeps one parse in memory at a time.  JSON object keys are written in a
 * fixed order and nothing depends on the clock, so outputs are
 * reproducible and testable.  Every string that came from a Dockerfile goes
 * through json_str or xml_str (escaping, invalid UTF-8 and control
 * characters replaced) or, for text formats, the terminal sanitiser. */
#include <string.h>

#include "rules.h"

static const char *const format_names[] = {
#define LINT_FORMAT_NAME(name, text) text,
	LINT_FORMAT_LIST(LINT_FORMAT_NAME)
#undef LINT_FORMAT_NAME
};

const char *lint_format_name(enum lint_format fmt)
{
	return (unsigned)fmt < LINT_FORMAT_COUNT ? format_names[fmt] : "unknown";
}

bool lint_format_parse(const char *s, enum lint_format *out)
{
	size_t i;

	for (i = 0; i < LINT_FORMAT_COUNT; i++) {
		if (dt_strcasecmp(s, format_names[i]) == 0) {
			*out = (enum lint_format)i;
			return true;
		}
	}
	return false;
}

/* ---- escaping -------------------------------------------------------------- */

#define REPLACEMENT "\xef\xbf\xbd"   /* U+FFFD */

/* Appends s as a JSON string with quotes. */
static void json_str(struct dt_buf *out, const char *s)
{
	size_t n = strlen(s), i = 0;

	dt_buf_putc(out, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t len;

		if (c == '"' || c == '\\') {
			dt_buf_putc(out, '\\');
			dt_buf_putc(out, (char)c);
			i++;
		} else if (c == '\n' || c == '\t' || c == '\r') {
			dt_buf_puts(out, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r");
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			dt_buf_printf(out, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			dt_buf_putc(out, (char)c);
			i++;
		} else if ((len = dt_utf8_decode(s + i, n - i, &cp)) == 0) {
			dt_buf_puts(out, "\\ufffd");
			i++;
		} else {
			if (cp == 0x2028 || cp == 0x2029)
				dt_buf_printf(out, "\\u%04x", (unsigned)cp);
			else
				dt_buf_append(out, s + i, len);
			i += len;
		}
	}
	dt_buf_putc(out, '"');
}

/* Appends s escaped for an XML attribute or text; characters XML 1.0 does
 * not allow become U+FFFD. */
static void xml_str(struct dt_buf *out, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t len;

		switch (c) {
		case '&': dt_buf_puts(out, "&amp;"); i++; continue;
		case '<': dt_buf_puts(out, "&lt;"); i++; continue;
		case '>': dt_buf_puts(out, "&gt;"); i++; continue;
		case '"': dt_buf_puts(out, "&quot;"); i++; continue;
		case '\'': dt_buf_puts(out, "&apos;"); i++; continue;
		case '\n': dt_buf_puts(out, "&#10;"); i++; continue;
		case '\t': dt_buf_puts(out, "&#9;"); i++; continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7f) {
			dt_buf_puts(out, REPLACEMENT);
			i++;
		} else if (c < 0x80) {
			dt_buf_putc(out, (char)c);
			i++;
		} else if ((len = dt_utf8_decode(s + i, n - i, &cp)) == 0 ||
		           cp == 0xfffe || cp == 0xffff || (cp >= 0x80 && cp < 0xa0)) {
			dt_buf_puts(out, REPLACEMENT);
			i += len ? len : 1;
		} else {
			dt_buf_append(out, s + i, len);
			i += len;
		}
	}
}

/* Appends s with escape sequences and control characters removed. */
static void text_str(struct dt_buf *out, const char *s)
{
	char *clean = dt_sanitize(s, strlen(s), false);

	if (!clean) {
		out->failed = true;
		return;
	}
	dt_buf_puts(out, clean);
	dt_free(clean);
}

/* A path as a URI reference: unreserved characters and '/' kept, the rest
 * percent-encoded. */
static void uri_str(struct dt_buf *out, const char *path)
{
	char tmp[4];

	dt_buf_putc(out, '"');
	for (; *path; path++) {
		unsigned char c = (unsigned char)*path;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c)) {
			dt_buf_putc(out, (char)c);
		} else {
			dt_snprintf(tmp, sizeof tmp, "%%%02X", c);
			dt_buf_puts(out, tmp);
		}
	}
	dt_buf_putc(out, '"');
}

/* ---- per-format writers ----------------------------------------------------- */

static const char *sarif_level(enum lint_severity s)
{
	return s == LINT_SEV_ERROR ? "error" : s == LINT_SEV_WARNING ? "warning" : "note";
}

static const char *codeclimate_severity(enum lint_severity s)
{
	static const char *const names[] = {"blocker", "major", "info", "minor"};

	return (unsigned)s < 4 ? names[s] : "info";
}

static const char *tty_color(enum lint_severity s)
{
	static const char *const colors[] = {
		"\033[1;31m", "\033[33m", "\033[36m", "\033[32m",
	};

	return (unsigned)s < 4 ? colors[s] : "";
}

static void write_tty(struct lint_report *rep, const char *path,
                      const struct lint_finding *f, struct dt_buf *out)
{
	text_str(out, path);
	dt_buf_printf(out, ":%d %s ", f->line, f->rule);
	if (rep->color)
		dt_buf_puts(out, tty_color(f->severity));
	dt_buf_puts(out, lint_severity_name(f->severity));
	if (rep->color)
		dt_buf_puts(out, "\033[0m");
	dt_buf_puts(out, ": ");
	text_str(out, f->message);
	dt_buf_putc(out, '\n');
}

static void write_gnu(const char *path, const struct lint_finding *f,
                      struct dt_buf *out)
{
	text_str(out, path);
	dt_buf_printf(out, ":%d:%d: %s: ", f->line, f->col,
	              lint_severity_name(f->severity));
	text_str(out, f->message);
	dt_buf_printf(out, " [%s]\n", f->rule);
}

static void write_json(struct lint_report *rep, const char *path,
                       const struct lint_finding *f, struct dt_buf *out)
{
	dt_buf_puts(out, rep->n_items ? ",\n  {" : "\n  {");
	dt_buf_puts(out, "\"code\": ");
	json_str(out, f->rule);
	dt_buf_printf(out, ", \"column\": %d, \"file\": ", f->col);
	json_str(out, path);
	dt_buf_printf(out, ", \"level\": \"%s\", \"line\": %d, \"message\": ",
	              lint_severity_name(f->severity), f->line);
	json_str(out, f->message);
	dt_buf_putc(out, '}');
}

static void write_sarif(struct lint_report *rep, const char *path,
                        const struct lint_finding *f, struct dt_buf *out)
{
	dt_buf_puts(out, rep->n_items ? ",\n        {" : "\n        {");
	dt_buf_puts(out, "\"ruleId\": ");
	json_str(out, f->rule);
	dt_buf_printf(out, ", \"level\": \"%s\", \"message\": {\"text\": ",
	              sarif_level(f->severity));
	json_str(out, f->message);
	dt_buf_puts(out, "}, \"locations\": [{\"physicalLocation\": "
	                 "{\"artifactLocation\": {\"uri\": ");
	uri_str(out, path);
	dt_buf_printf(out, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d}}}]}",
	              f->line, f->col);
}

/* A stable fingerprint of a finding (two 64-bit FNV-1a hashes). */
static void fingerprint(const char *path, const struct lint_finding *f,
                        char out[33])
{
	uint64_t h1 = 0xcbf29ce484222325u, h2 = 0x84222325cbf29ce4u;
	const char *parts[3] = {path, f->rule, f->message};
	char line[16];
	size_t i;

	dt_snprintf(line, sizeof line, "%d", f->line);
	for (i = 0; i < 4; i++) {
		const unsigned char *p = (const unsigned char *)(i < 3 ? parts[i] : line);

		for (; *p; p++) {
			h1 = (h1 ^ *p) * 0x100000001b3u;
			h2 = (h2 ^ *p) * 0x100000001b3u + 1;
		}
		h1 = (h1 ^ 0xff) * 0x100000001b3u;
		h2 = (h2 ^ 0xfe) * 0x100000001b3u;
	}
	dt_snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1,
	            (unsigned long long)h2);
}

static void write_codeclimate(struct lint_report *rep, const char *path,
                              const struct lint_finding *f, struct dt_buf *out)
{
	bool gitlab = rep->format == LINT_FORMAT_GITLAB_CODECLIMATE;
	char fp[33];

	if (gitlab)
		dt_buf_puts(out, rep->n_items ? ",\n  " : "\n  ");
	dt_buf_puts(out, "{\"type\": \"issue\", \"check_name\": ");
	json_str(out, f->rule);
	dt_buf_puts(out, ", \"description\": ");
	json_str(out, f->message);
	if (gitlab) {
		fingerprint(path, f, fp);
		dt_buf_printf(out, ", \"fingerprint\": \"%s\"", fp);
	}
	dt_buf_puts(out, ", \"categories\": [\"Bug Risk\"], \"location\": {\"path\": ");
	json_str(out, path);
	dt_buf_printf(out, ", \"lines\": {\"begin\": %d, \"end\": %d}}, "
	              "\"severity\": \"%s\"}", f->line, f->line,
	              codeclimate_severity(f->severity));
	/* Code Climate engines end each issue with a NUL byte. */
	if (!gitlab)
		dt_buf_append(out, "\0\n", 2);
}

static void write_checkstyle(const struct lint_finding *f, struct dt_buf *out)
{
	dt_buf_printf(out, "    <error line=\"%d\" column=\"%d\" severity=\"%s\" "
	              "message=\"", f->line, f->col, lint_severity_name(f->severity));
	xml_str(out, f->message);
	dt_buf_puts(out, "\" source=\"");
	xml_str(out, f->rule);
	dt_buf_puts(out, "\"/>\n");
}

static void write_junit(const char *path, const struct lint_finding *f,
                        struct dt_buf *out)
{
	dt_buf_puts(out, "    <testcase name=\"");
	xml_str(out, f->rule);
	dt_buf_puts(out, "\" classname=\"");
	xml_str(out, path);
	dt_buf_printf(out, ":%d\">\n      <failure type=\"%s\" message=\"",
	              f->line, lint_severity_name(f->severity));
	xml_str(out, f->message);
	dt_buf_puts(out, "\">");
	xml_str(out, path);
	dt_buf_printf(out, ":%d:%d %s %s: ", f->line, f->col, f->rule,
	              lint_severity_name(f->severity));
	xml_str(out, f->message);
	dt_buf_puts(out, "</failure>\n    </testcase>\n");
}

/* ---- the report ------------------------------------------------------------- */

void lint_report_begin(struct lint_report *rep, enum lint_format format,
                       bool color, struct dt_buf *out)
{
	memset(rep, 0, sizeof *rep);
	rep->format = format;
	rep->color = color && format == LINT_FORMAT_TTY;
	rep->tool_version = DT_VERSION;
	switch (format) {
	case LINT_FORMAT_JSON:
	case LINT_FORMAT_GITLAB_CODECLIMATE:
		dt_buf_putc(out, '[');
		break;
	case LINT_FORMAT_CHECKSTYLE:
		dt_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		                 "<checkstyle version=\"4.3\">\n");
		break;
	case LINT_FORMAT_JUNIT:
		dt_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		                 "<testsuites name=\"dockertutor lint\">\n");
		break;
	case LINT_FORMAT_SARIF:
		dt_buf_puts(out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
		                 "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
		                 "      \"results\": [");
		break;
	default:
		break;
	}
}

static void file_open(struct lint_report *rep, const char *path,
                      const struct lint_result *res, struct dt_buf *out)
{
	if (rep->format == LINT_FORMAT_CHECKSTYLE) {
		dt_buf_puts(out, "  <file name=\"");
		xml_str(out, path);
		dt_buf_puts(out, "\">\n");
	} else if (rep->format == LINT_FORMAT_JUNIT) {
		dt_buf_puts(out, "  <testsuite name=\"");
		xml_str(out, path);
		dt_buf_printf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
		              res->n_findings ? res->n_findings : 1, res->n_findings,
		              res->file ? res->file->n_errors : 0);
		if (res->n_findings == 0) {
			dt_buf_puts(out, "    <testcase name=\"lint\" classname=\"");
			xml_str(out, path);
			dt_buf_puts(out, "\"/>\n");
		}
	}
}

static void file_close(struct lint_report *rep, struct dt_buf *out)
{
	if (rep->format == LINT_FORMAT_CHECKSTYLE)
		dt_buf_puts(out, "  </file>\n");
	else if (rep->format == LINT_FORMAT_JUNIT)
		dt_buf_puts(out, "  </testsuite>\n");
}

void lint_report_add(struct lint_report *rep, const struct lint_result *res,
                     struct dt_buf *out)
{
	const char *path = res->file && res->file->path ? res->file->path : "-";
	size_t i;

	file_open(rep, path, res, out);
	for (i = 0; i < res->n_findings; i++) {
		const struct lint_finding *f = &res->findings[i];

		switch (rep->format) {
		case LINT_FORMAT_TTY: write_tty(rep, path, f, out); break;
		case LINT_FORMAT_GNU: write_gnu(path, f, out); break;
		case LINT_FORMAT_JSON: write_json(rep, path, f, out); break;
		case LINT_FORMAT_SARIF: write_sarif(rep, path, f, out); break;
		case LINT_FORMAT_CHECKSTYLE: write_checkstyle(f, out); break;
		case LINT_FORMAT_JUNIT: write_junit(path, f, out); break;
		case LINT_FORMAT_CODECLIMATE:
		case LINT_FORMAT_GITLAB_CODECLIMATE:
			write_codeclimate(rep, path, f, out);
			break;
		default: break;
		}
		rep->n_items++;
	}
	file_close(rep, out);
	rep->n_files++;
}

/* A rule's explanation, then a paragraph naming BuildKit's check that is
 * the same (from the alias table, so the two never disagree). */
static void explanation(struct dt_buf *out, const struct lint_rule_info *r)
{
	const char *alias;
	size_t i;

	dt_buf_puts(out, r->explanation);
	for (i = 0; (alias = lint_rule_alias(r->id, i)) != NULL; i++)
		dt_buf_printf(out, "%s%s", i ? ", " : "\n\nBuildKit calls this ",
		              alias);
	if (i)
		dt_buf_putc(out, '.');
}

static void sarif_rules(struct dt_buf *out)
{
	size_t n, i;
	const struct lint_rule_info *rules = lint_rules(&n);
	char url[256];
	struct dt_buf text;

	dt_buf_init(&text);
	for (i = 0; i < n; i++) {
		const struct lint_rule_info *r = &rules[i];

		dt_buf_reset(&text);
		explanation(&text, r);
		dt_buf_puts(out, i ? ",\n            {" : "\n            {");
		dt_buf_puts(out, "\"id\": ");
		json_str(out, r->id);
		dt_buf_puts(out, ", \"shortDescription\": {\"text\": ");
		json_str(out, r->message);
		dt_buf_puts(out, "}, \"fullDescription\": {\"text\": ");
		if (text.failed)
			out->failed = true;
		json_str(out, text.data ? text.data : "");
		dt_buf_puts(out, "}, \"helpUri\": ");
		json_str(out, lint_rule_url(r->id, url, sizeof url));
		dt_buf_printf(out, ", \"defaultConfiguration\": {\"level\": \"%s\"}}",
		              r->severity == LINT_SEV_IGNORE ? "none"
		                                             : sarif_level(r->severity));
	}
	dt_buf_fini(&text);
}

void lint_report_end(struct lint_report *rep, struct dt_buf *out)
{
	switch (rep->format) {
	case LINT_FORMAT_JSON:
	case LINT_FORMAT_GITLAB_CODECLIMATE:
		dt_buf_puts(out, rep->n_items ? "\n]\n" : "]\n");
		break;
	case LINT_FORMAT_CHECKSTYLE:
		dt_buf_puts(out, "</checkstyle>\n");
		break;
	case LINT_FORMAT_JUNIT:
		dt_buf_puts(out, "</testsuites>\n");
		break;
	case LINT_FORMAT_SARIF:
		dt_buf_puts(out, rep->n_items ? "\n      ],\n" : "],\n");
		dt_buf_printf(out, "      \"tool\": {\n        \"driver\": {\n"
		              "          \"name\": \"dockertutor\",\n"
		              "          \"informationUri\": \"https://github.com/hadolint/hadolint#rules\",\n"
		              "          \"version\": \"%s\",\n          \"rules\": [",
		              rep->tool_version);
		sarif_rules(out);
		dt_buf_puts(out, "\n          ]\n        }\n      }\n    }\n  ]\n}\n");
		break;
	default:
		break;
	}
}

/* ---- the rule list and explanations --------------------------------------- */

static const char *group_name(enum lint_group g)
{
	static const char *const names[] = {"hadolint", "buildkit", "course", "shellcheck"};

	return (unsigned)g < 4 ? names[g] : "other";
}

/* Markdown table cells: pipes escaped, line breaks removed. */
static void md_cell(struct dt_buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			dt_buf_puts(out, "\\|");
		else if (*s == '\n')
			dt_buf_putc(out, ' ');
		else
			dt_buf_putc(out, *s);
	}
}

static const char md_intro[] =
	"# Linter rules\n"
	"\n"
	"`dockertutor lint` checks Dockerfiles with the rules below. Rule ids,\n"
	"default severities and meanings follow hadolint, so `.hadolint.yaml` files\n"
	"and `# hadolint ignore=` comments work unchanged. This page is generated by\n"
	"`dockertutor lint --list-rules --format markdown`; `dockertutor lint\n"
	"--explain ID` prints one rule.\n"
	"\n"
	"## Configuration\n"
	"\n"
	"Settings come from a configuration file, then the `HADOLINT_*` environment\n"
	"variables, then the command line; lists from all three are combined and the\n"
	"last word on a rule's severity wins. The file is `-c FILE`, or the first of\n"
	"`./.hadolint.yaml`, `$XDG_CONFIG_HOME/hadolint.yaml`,\n"
	"`~/.config/hadolint.yaml`, `~/.hadolint/hadolint.yaml`,\n"
	"`~/hadolint/config.yaml` and `~/.hadolint.yaml` (each also as `.yml`).\n"
	"\n"
	"| key | flag | variable | meaning |\n"
	"|---|---|---|---|\n"
	"| `ignored: [ID]` | `--ignore ID` | `HADOLINT_IGNORE=ID,ID` | rules that are not reported |\n"
	"| `override: {error: [ID], warning: [...], info: [...], style: [...]}` | `--error ID` ... `--style ID` | `HADOLINT_OVERRIDE_ERROR=ID,ID` ... | a rule's severity |\n"
	"| `failure-threshold: info` | `-t, --failure-threshold` | `HADOLINT_FAILURE_THRESHOLD` | the lowest severity that fails the run (`error`, `warning`, `info`, `style`; `ignore` or `none`: findings never fail) |\n"
	"| `trustedRegistries: [reg]` | `--trusted-registry REG` | `HADOLINT_TRUSTED_REGISTRIES` | the registries DL3026 allows (`*.example.com` matches subdomains) |\n"
	"| `label-schema: {label: type}` | `--require-label LABEL:TYPE` | `HADOLINT_REQUIRE_LABELS=label:type,...` | labels DL3049-DL3058 check; types `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx`, `email` |\n"
	"| `strict-labels: true` | `--strict-labels` | `HADOLINT_STRICT_LABELS=1` | labels outside the schema are reported (DL3050) |\n"
	"| `disable-ignore-pragma: true` | `--disable-ignore-pragma` | `HADOLINT_DISABLE_IGNORE_PRAGMA=1` | `# hadolint ignore=` comments are not honoured |\n"
	"| `no-fail: true` | `--no-fail` | `HADOLINT_NOFAIL=1` | exit 0 whatever is found |\n"
	"| `no-color: true` | `--no-color` | `HADOLINT_NOCOLOR=1`, `NO_COLOR` | plain tty output |\n"
	"| `format: json` | `-f, --format` | `HADOLINT_FORMAT` | `tty`, `json`, `gnu`, `checkstyle`, `sarif`, `codeclimate`, `gitlab_codeclimate`, `junit` |\n"
	"| `verbose: true` | `-V, --verbose` | `HADOLINT_VERBOSE=1` | says which configuration file and which Dockerfiles are read |\n"
	"| (none) | `--only-hadolint` | `DOCKERTUTOR_ONLY_HADOLINT=1` | hadolint's rules only (see [Replacing hadolint in CI](#replacing-hadolint-in-ci)) |\n";

/* Split from md_intro: C compilers need only take strings of 4095 bytes. */
static const char md_pragmas[] =
	"\n"
	"In a Dockerfile, `# hadolint ignore=DL3008,DL3015 # reason` switches rules\n"
	"off for the next instruction, `# hadolint global ignore=...` for the whole\n"
	"file, `# hadolint stage ignore=...` for the rest of the stage, and\n"
	"`# hadolint shell=powershell` tells the linter that RUN scripts are not\n"
	"POSIX shell (shell rules are then skipped, as they are for exec-form RUN\n"
	"and for stages whose `SHELL` is not a POSIX shell). BuildKit's\n"
	"`# check=skip=ID,ID` directive is honoured too, and `# check=error=true`\n"
	"makes the BuildKit checks errors.\n"
	"\n"
	"The `gnu` format is `FILE:LINE:COL: SEVERITY: MESSAGE [RULE]`, the form\n"
	"compilers use and editors jump to (hadolint's own gnu output starts with\n"
	"`hadolint:` and has no column). The exit status is 1 when a finding at or\n"
	"above the threshold exists or a file cannot be parsed, 2 on a usage error,\n"
	"0 otherwise.\n"
	"\n"
	"## Replacing hadolint in CI\n"
	"\n"
	"A CI job can call `dockertutor lint` where it called `hadolint`: the flags,\n"
	"the configuration file, the `HADOLINT_*` variables, the pragmas and the\n"
	"exit statuses are hadolint's. By default it also runs BuildKit's build\n"
	"checks and the course's DT rules, so a Dockerfile that passes hadolint can\n"
	"fail here (DT1001, for one, reports most images that never set `USER`).\n"
	"`--only-hadolint`, or `DOCKERTUTOR_ONLY_HADOLINT=1` in the job's\n"
	"environment, runs hadolint's rule set and nothing else: the DL rules, and\n"
	"ShellCheck's SC codes when `shellcheck` is installed. BuildKit's `# check=`\n"
	"directive is then ignored, as hadolint ignores it, so the findings and the\n"
	"exit status are the ones hadolint gives for the same file and\n"
	"configuration. There is no `.hadolint.yaml` key for it: hadolint refuses a\n"
	"configuration file with keys it does not know.\n"
	"\n"
	"    - run: dockertutor lint --only-hadolint Dockerfile\n"
	"\n"
	"## Rules\n"
	"\n"
	"| rule | severity | message |\n"
	"|---|---|---|\n";

/* GitHub's heading anchors are lower case. */
static void anchor(struct dt_buf *out, const char *id)
{
	for (; *id; id++)
		dt_buf_putc(out, (char)(*id >= 'A' && *id <= 'Z' ? *id - 'A' + 'a' : *id));
}

static void markdown_rules(struct dt_buf *out)
{
	size_t n, i;
	const struct lint_rule_info *rules = lint_rules(&n);

	dt_buf_puts(out, md_intro);
	dt_buf_puts(out, md_pragmas);
	for (i = 0; i < n; i++) {
		dt_buf_printf(out, "| [%s](#", rules[i].id);
		anchor(out, rules[i].id);
		dt_buf_printf(out, ") | %s | ", lint_severity_name(rules[i].severity));
		md_cell(out, rules[i].message);
		dt_buf_puts(out, " |\n");
	}
	for (i = 0; i < n; i++) {
		char url[256];

		dt_buf_printf(out, "\n### %s\n\n**%s** (%s). ", rules[i].id,
		              lint_severity_name(rules[i].severity),
		              group_name(rules[i].group));
		dt_buf_puts(out, rules[i].message);
		dt_buf_puts(out, "\n\n");
		explanation(out, &rules[i]);
		dt_buf_puts(out, "\n\n");
		if (rules[i].lesson)
			dt_buf_printf(out, "Lesson: `%s`. ", rules[i].lesson);
		dt_buf_printf(out, "Reference: <%s>\n",
		              lint_rule_url(rules[i].id, url, sizeof url));
	}
}

bool lint_rules_write(bool markdown, struct dt_buf *out)
{
	size_t n, i, width = 0;
	const struct lint_rule_info *rules = lint_rules(&n);

	if (markdown) {
		markdown_rules(out);
		return !out->failed;
	}
	for (i = 0; i < n; i++)
		if (strlen(rules[i].id) > width)
			width = strlen(rules[i].id);
	for (i = 0; i < n; i++)
		dt_buf_printf(out, "%-*s  %-7s  %s\n", (int)width, rules[i].id,
		              lint_severity_name(rules[i].severity), rules[i].message);
	return !out->failed;
}

/* Appends text wrapped at width columns; lines that start with a blank
 * (code examples) are kept as they are. */
static void wrap(struct dt_buf *out, const char *text, size_t width)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text), col = 0;

		if (text[0] == ' ') {
			dt_buf_append(out, text, n);
		} else {
			const char *p = text, *end = text + n;

			while (p < end) {
				const char *sp = memchr(p, ' ', (size_t)(end - p));
				size_t w = sp ? (size_t)(sp - p) : (size_t)(end - p);

				if (col > 0 && col + 1 + w > width) {
					dt_buf_putc(out, '\n');
					col = 0;
				} else if (col > 0) {
					dt_buf_putc(out, ' ');
					col++;
				}
				dt_buf_append(out, p, w);
				col += w;
				p += w + (sp ? 1 : 0);
			}
		}
		dt_buf_putc(out, '\n');
		text += n + (nl ? 1 : 0);
	}
}

bool lint_rule_explain(const char *id, struct dt_buf *out)
{
	const char *canonical = lint_rule_canonical(id);
	const struct lint_rule_info *r = canonical ? lint_rule_find(canonical) : NULL;
	char url[256];
	struct dt_buf text;

	if (!r)
		return false;
	dt_buf_printf(out, "%s (%s, %s): ", r->id, lint_severity_name(r->severity),
	              group_name(r->group));
	wrap(out, r->message, 78);
	dt_buf_putc(out, '\n');
	dt_buf_init(&text);
	explanation(&text, r);
	if (text.failed)
		out->failed = true;
	wrap(out, text.data ? text.data : "", 78);
	dt_buf_fini(&text);
	dt_buf_putc(out, '\n');
	if (r->lesson)
		dt_buf_printf(out, "Lesson: %s\n", r->lesson);
	dt_buf_printf(out, "More: %s\n", lint_rule_url(r->id, url, sizeof url));
	return !out->failed;
}
