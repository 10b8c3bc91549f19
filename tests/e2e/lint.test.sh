# dockertutor lint as CI uses it: exit statuses, standard input, folders,
# configuration files and their discovery, HADOLINT_* variables, pragmas,
# hadolint's rule set alone, colour, --list-rules and --explain.
. tests/e2e/lib.sh
unset XDG_CONFIG_HOME HADOLINT_NOFAIL HADOLINT_NOCOLOR HADOLINT_VERBOSE \
	HADOLINT_FORMAT HADOLINT_FAILURE_THRESHOLD HADOLINT_OVERRIDE_ERROR \
	HADOLINT_OVERRIDE_WARNING HADOLINT_OVERRIDE_INFO HADOLINT_OVERRIDE_STYLE \
	HADOLINT_IGNORE HADOLINT_TRUSTED_REGISTRIES HADOLINT_REQUIRE_LABELS \
	HADOLINT_STRICT_LABELS HADOLINT_DISABLE_IGNORE_PRAGMA \
	DOCKERTUTOR_ONLY_HADOLINT

W=$T_TMP/work
mkdir -p "$W/proj/sub/.git" "$W/clean" "$W/cfg"
# in_dir DIR CMD...: runs CMD in DIR.
in_dir() { (cd "$1" && shift && "$@"); }

cat >"$W/good.Dockerfile" <<'DF'
FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \
 && rm -rf /var/lib/apt/lists/*
USER 10001
CMD ["curl", "--version"]
DF
cat >"$W/bad.Dockerfile" <<'DF'
FROM debian
RUN apt-get install -y --no-install-recommends curl
CMD curl --version
USER 10001
DF
printf 'FROM alpine:3.19\nFROMM x\n' >"$W/broken.Dockerfile"

t_run "clean file exits 0" "$DT_BIN" lint "$W/good.Dockerfile"
t_expect_status 0
t_run "findings exit 1" "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_status 1
t_expect_out "bad.Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly."
t_expect_out "bad.Dockerfile:2 DL3008 warning:"
t_expect_out "bad.Dockerfile:3 DL3025 warning:"
t_run "unknown option is a usage error" "$DT_BIN" lint --frobnicate "$W/bad.Dockerfile"
t_expect_status 2
t_expect_err "usage: dockertutor lint"
t_run "no file is a usage error" "$DT_BIN" lint
t_expect_status 2
t_expect_err "no Dockerfile given"
t_run "unknown format is a usage error" "$DT_BIN" lint -f yaml "$W/bad.Dockerfile"
t_expect_status 2
t_expect_err "unknown format 'yaml'"
t_run "unknown threshold is a usage error" "$DT_BIN" lint -t severe "$W/bad.Dockerfile"
t_expect_status 2
t_run "bad --require-label is a usage error" "$DT_BIN" lint --require-label version "$W/bad.Dockerfile"
t_expect_status 2
t_expect_err "not LABEL:TYPE"

T_STDIN="$W/bad.Dockerfile" t_run "standard input" "$DT_BIN" lint -f gnu -
t_expect_status 1
t_expect_out "-:1:1: warning: Always tag the version of an image explicitly. [DL3006]"
T_STDIN="$W/bad.Dockerfile" t_run "standard input named in the report" \
	"$DT_BIN" lint --file-path-in-report app/Dockerfile -f gnu -
t_expect_out "app/Dockerfile:2:"

t_run "a parse error is DL1000 and fails" "$DT_BIN" lint -t none "$W/broken.Dockerfile"
t_expect_status 1
t_expect_out "broken.Dockerfile:2 DL1000 error: unknown instruction: FROMM"
t_run "a missing file is reported and the rest linted" \
	"$DT_BIN" lint "$W/nope.Dockerfile" "$W/bad.Dockerfile"
t_expect_status 1
t_expect_err "nope.Dockerfile: error: cannot open"
t_expect_out "bad.Dockerfile:1 DL3006"
t_run "a missing file alone fails" "$DT_BIN" lint "$W/nope.Dockerfile" "$W/good.Dockerfile"
t_expect_status 1

# Folders: Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile; not .git.
cp "$W/bad.Dockerfile" "$W/proj/Dockerfile"
cp "$W/bad.Dockerfile" "$W/proj/sub/api.Dockerfile"
cp "$W/bad.Dockerfile" "$W/proj/sub/Dockerfile.dev"
cp "$W/bad.Dockerfile" "$W/proj/sub/.git/Dockerfile"
cp "$W/bad.Dockerfile" "$W/proj/sub/notes.txt"
t_run "a folder is searched" "$DT_BIN" lint -f gnu "$W/proj"
t_expect_status 1
t_expect_out "proj/Dockerfile:1:1"
t_expect_out "proj/sub/api.Dockerfile:1:1"
t_expect_out "proj/sub/Dockerfile.dev:1:1"
t_expect_no_out ".git/Dockerfile"
t_expect_no_out "notes.txt"
ln -s "$W/bad.Dockerfile" "$W/proj/sub/linked.Dockerfile"
ln -s "$W/proj/sub" "$W/proj/loop"
t_run "links to files are followed, links to folders are not" "$DT_BIN" lint -f gnu "$W/proj"
t_expect_out "proj/sub/linked.Dockerfile:1:1"
t_expect_no_out "proj/loop/"
cp "$W/good.Dockerfile" "$W/clean/Dockerfile"
t_run "a clean folder exits 0" "$DT_BIN" lint "$W/clean"
t_expect_status 0

# Thresholds and severities.
t_run "threshold error ignores warnings" "$DT_BIN" lint -t error "$W/bad.Dockerfile"
t_expect_status 0
t_expect_out "DL3006 warning"
t_run "--error raises a rule" "$DT_BIN" lint -t error --error DL3006 "$W/bad.Dockerfile"
t_expect_status 1
t_expect_out "bad.Dockerfile:1 DL3006 error:"
t_run "--ignore drops a rule" "$DT_BIN" lint --ignore DL3006 --ignore DL3008 --ignore DL3025 "$W/bad.Dockerfile"
t_expect_status 0
t_expect_no_out "DL3006"
t_run "--no-fail" "$DT_BIN" lint --no-fail "$W/bad.Dockerfile"
t_expect_status 0
t_expect_out "DL3006"

# Configuration files: -c, ./.hadolint.yaml, $XDG_CONFIG_HOME, ~/.config.
printf 'ignored:\n  - DL3006\noverride:\n  error:\n    - DL3025\n' >"$W/cfg/custom.yaml"
t_run "-c FILE" "$DT_BIN" lint -c "$W/cfg/custom.yaml" "$W/bad.Dockerfile"
t_expect_status 1
t_expect_no_out "DL3006"
t_expect_out "DL3025 error:"
printf 'failure-threshold: error\nignored: [DL3008]\n' >"$W/proj/.hadolint.yaml"
t_run "./.hadolint.yaml is found" in_dir "$W/proj" "$DT_BIN" lint Dockerfile
t_expect_status 0
t_expect_no_out "DL3008"
t_expect_out "DL3006"
t_run "-V names the configuration" in_dir "$W/proj" "$DT_BIN" lint -V Dockerfile
t_expect_err "using configuration ./.hadolint.yaml"
mkdir -p "$T_TMP/xdg" "$HOME/.config"
printf 'ignored: [DL3025]\n' >"$T_TMP/xdg/hadolint.yaml"
t_run "XDG_CONFIG_HOME/hadolint.yaml is found" \
	env XDG_CONFIG_HOME="$T_TMP/xdg" "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_no_out "DL3025"
printf 'ignored: [DL3008]\n' >"$HOME/.config/hadolint.yml"
t_run "~/.config/hadolint.yml is found" "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_no_out "DL3008"
t_expect_out "DL3025"
rm "$HOME/.config/hadolint.yml"
printf 'ignored: [DL3006]\n' >"$HOME/.hadolint.yaml"
t_run "~/.hadolint.yaml is found last" "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_no_out "DL3006"
rm "$HOME/.hadolint.yaml"
printf 'ignored:\n  - DL3006\nignore: [DL3008]\n' >"$W/cfg/typo.yaml"
t_run "an unknown key is an error with its position" "$DT_BIN" lint -c "$W/cfg/typo.yaml" "$W/bad.Dockerfile"
t_expect_status 1
t_expect_err "typo.yaml:3:1: error: unknown key 'ignore'; did you mean 'ignored'?"
printf 'override:\n  fatal: [DL3006]\n' >"$W/cfg/sev.yaml"
t_run "an unknown severity is an error" "$DT_BIN" lint -c "$W/cfg/sev.yaml" "$W/bad.Dockerfile"
t_expect_status 1
t_expect_err "sev.yaml:2:3: error: unknown severity 'fatal'"
printf 'ignored: [DL3006\n' >"$W/cfg/broken.yaml"
t_run "broken YAML is an error with its position" "$DT_BIN" lint -c "$W/cfg/broken.yaml" "$W/bad.Dockerfile"
t_expect_status 1
t_expect_err "broken.yaml:2:1: error:"
t_run "a missing -c file is an error" "$DT_BIN" lint -c "$W/cfg/none.yaml" "$W/bad.Dockerfile"
t_expect_status 1
t_expect_err "none.yaml: error: cannot open"

# HADOLINT_* variables.
t_run "HADOLINT_IGNORE" env HADOLINT_IGNORE=DL3006,DL3008 "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_no_out "DL3006"
t_expect_no_out "DL3008"
t_run "HADOLINT_NOFAIL" env HADOLINT_NOFAIL=true "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_status 0
t_run "HADOLINT_FAILURE_THRESHOLD" env HADOLINT_FAILURE_THRESHOLD=error "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_status 0
t_run "HADOLINT_FORMAT" env HADOLINT_FORMAT=json "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_out '"code": "DL3006"'
t_run "a flag beats HADOLINT_FORMAT" env HADOLINT_FORMAT=json "$DT_BIN" lint -f gnu "$W/bad.Dockerfile"
t_expect_out "bad.Dockerfile:1:1: warning:"
t_run "HADOLINT_OVERRIDE_STYLE" env HADOLINT_OVERRIDE_STYLE=DL3006 "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_out "DL3006 style:"
t_run "HADOLINT_TRUSTED_REGISTRIES" env HADOLINT_TRUSTED_REGISTRIES=registry.example.com \
	"$DT_BIN" lint "$W/good.Dockerfile"
t_expect_status 1
t_expect_out "DL3026 error: Use only an allowed registry in the FROM image"
t_run "HADOLINT_REQUIRE_LABELS" env HADOLINT_REQUIRE_LABELS=maintainer:text \
	"$DT_BIN" lint "$W/good.Dockerfile"
t_expect_out "DL3049 info: Label \`maintainer\` is missing."
t_run "HADOLINT_NOFAIL with a bad value" env HADOLINT_NOFAIL=maybe "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_status 1
t_expect_err "HADOLINT_NOFAIL: error: expected a truth value"

# Pragmas.
cat >"$W/pragma.Dockerfile" <<'DF'
# hadolint ignore=DL3006 # the base is pinned by the build system
FROM debian
# hadolint ignore=DL3008
RUN apt-get install -y --no-install-recommends curl
RUN apt-get install -y --no-install-recommends wget
DF
t_run "ignore pragmas apply to the next instruction" "$DT_BIN" lint -f gnu "$W/pragma.Dockerfile"
t_expect_no_out ":2:1: warning: Always tag"
t_expect_no_out ":4:"
t_expect_out ":5:5: warning: Pin versions in apt-get install."
t_run "--disable-ignore-pragma" "$DT_BIN" lint -f gnu --disable-ignore-pragma "$W/pragma.Dockerfile"
t_expect_out ":2:1: warning: Always tag"
t_expect_out ":4:5: warning: Pin versions"
printf '# hadolint global ignore=DL3008,DL3006\nFROM debian\nRUN apt-get install -y --no-install-recommends curl\nUSER 10001\n' >"$W/global.Dockerfile"
t_run "global ignore" "$DT_BIN" lint "$W/global.Dockerfile"
t_expect_status 0
cat >"$W/stage.Dockerfile" <<'DF'
FROM debian:12 AS build
# hadolint stage ignore=DL3008
RUN apt-get install -y --no-install-recommends gcc
RUN apt-get install -y --no-install-recommends make
FROM debian:12
RUN apt-get install -y --no-install-recommends curl
DF
t_run "stage ignore lasts until the next FROM" "$DT_BIN" lint -f gnu "$W/stage.Dockerfile"
t_expect_no_out ":3:"
t_expect_no_out ":4:5: warning: Pin"
t_expect_out ":6:5: warning: Pin versions"
printf '# check=skip=DL3006\nFROM debian\nUSER 10001\n' >"$W/check.Dockerfile"
t_run "BuildKit check=skip" "$DT_BIN" lint "$W/check.Dockerfile"
t_expect_status 0

# hadolint's rule set alone: a file only BuildKit's checks and the course's
# rules flag passes, as it passes hadolint.
cat >"$W/hadolint-clean.Dockerfile" <<'DF'
FROM debian:12-slim as build
RUN echo built > /out
FROM debian:12-slim
COPY --from=build /out /out
DF
t_run "BuildKit and DT rules fail a file hadolint passes" \
	"$DT_BIN" lint "$W/hadolint-clean.Dockerfile"
t_expect_status 1
t_expect_out "hadolint-clean.Dockerfile:1 FromAsCasing warning:"
t_expect_out "hadolint-clean.Dockerfile:3 DT1001 warning:"
t_run "--only-hadolint passes it" "$DT_BIN" lint --only-hadolint "$W/hadolint-clean.Dockerfile"
t_expect_status 0
t_expect_no_out "FromAsCasing"
t_expect_no_out "DT1001"
t_run "DOCKERTUTOR_ONLY_HADOLINT=1 passes it" \
	env DOCKERTUTOR_ONLY_HADOLINT=1 "$DT_BIN" lint -f gnu "$W/hadolint-clean.Dockerfile"
t_expect_status 0
t_expect_no_out "hadolint-clean.Dockerfile"
t_run "DOCKERTUTOR_ONLY_HADOLINT=0 keeps every rule" \
	env DOCKERTUTOR_ONLY_HADOLINT=0 "$DT_BIN" lint "$W/hadolint-clean.Dockerfile"
t_expect_status 1
t_expect_out "DT1001"
t_run "DOCKERTUTOR_ONLY_HADOLINT with a bad value" \
	env DOCKERTUTOR_ONLY_HADOLINT=maybe "$DT_BIN" lint "$W/hadolint-clean.Dockerfile"
t_expect_status 1
t_expect_err "DOCKERTUTOR_ONLY_HADOLINT: error: expected a truth value"
t_run "--only-hadolint keeps the DL rules" "$DT_BIN" lint -f gnu --only-hadolint "$W/bad.Dockerfile"
t_expect_status 1
t_expect_out "bad.Dockerfile:1:1: warning: Always tag the version of an image explicitly. [DL3006]"
t_expect_out "[DL3025]"
t_run "--only-hadolint keeps hadolint's pragmas" "$DT_BIN" lint -f gnu --only-hadolint "$W/pragma.Dockerfile"
t_expect_no_out ":2:1: warning: Always tag"
t_expect_out ":5:5: warning: Pin versions in apt-get install."
t_run "--only-hadolint ignores BuildKit's check=skip, as hadolint does" \
	"$DT_BIN" lint --only-hadolint "$W/check.Dockerfile"
t_expect_status 1
t_expect_out "check.Dockerfile:2 DL3006 warning:"

# Colour: only on a terminal, never with NO_COLOR or --no-color.
# on_tty CMD...: runs CMD on a pseudo-terminal, printing what it wrote.
on_tty() {
	python3 -c 'import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace").replace("\x1b", "ESC"))' "$@"
}
t_run "colour on a terminal" on_tty env -u NO_COLOR "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_out "ESC[33mwarning"
t_run "NO_COLOR on a terminal" on_tty env NO_COLOR=1 "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_no_out "ESC["
t_expect_out "DL3006 warning"
t_run "--no-color on a terminal" on_tty env -u NO_COLOR "$DT_BIN" lint --no-color "$W/bad.Dockerfile"
t_expect_no_out "ESC["
t_run "no colour in a pipe" env -u NO_COLOR "$DT_BIN" lint "$W/bad.Dockerfile"
t_expect_no_out "$(printf '\033')"

# The rule table.
t_run "--list-rules" "$DT_BIN" lint --list-rules
t_expect_status 0
t_expect_out "DL3008 "
t_expect_out "warning  Pin versions in apt-get install."
t_expect_out "DL4006 "
t_run "--list-rules --format markdown" "$DT_BIN" lint --list-rules --format markdown
t_expect_out "| [DL3008](#dl3008) | warning |"
t_run "--explain" "$DT_BIN" lint --explain DL3009
t_expect_status 0
t_expect_out "DL3009 (info, hadolint): Delete the apt-get lists after installing something."
t_expect_out "Lesson: efficient-images"
t_run "--explain names BuildKit's check of the same meaning" "$DT_BIN" lint --explain DL3025
t_expect_out "BuildKit calls this JSONArgsRecommended."
t_run "--explain by BuildKit's name" "$DT_BIN" lint --explain JSONArgsRecommended
t_expect_status 0
t_expect_out "DL3025 (warning, hadolint):"
t_run "--explain of an unknown rule" "$DT_BIN" lint --explain DL9999
t_expect_status 2
t_expect_err "unknown rule 'DL9999'"
t_run "--format markdown needs --list-rules" "$DT_BIN" lint -f markdown "$W/bad.Dockerfile"
t_expect_status 2
t_run "help" "$DT_BIN" lint --help
t_expect_status 0
t_expect_out "usage: dockertutor lint [OPTIONS] FILE|DIR|-..."
t_expect_out "--only-hadolint"

t_done
