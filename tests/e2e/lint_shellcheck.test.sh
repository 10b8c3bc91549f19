# `dockertutor lint` with ShellCheck: findings at the RUN's line, ignore and
# re-level, heredoc bodies, ARG/ENV names, exec form and PowerShell stages
# left out, --no-shellcheck, one process per file, and life without it.
# The real shellcheck is a test dependency (mk/deps.sh installs it).
. tests/e2e/lib.sh

if ! command -v shellcheck >/dev/null 2>&1; then
	T_NAME="shellcheck installed"
	T_STATUS=127 T_OUT="" T_ERR=""
	t_bad "shellcheck is not on the PATH (make check installs it through mk/deps.sh)"
	t_done
	exit 1
fi

d="$T_TMP/work"
mkdir -p "$d"
cat >"$d/Dockerfile" <<'DOCKERFILE'
FROM debian:12
ARG version=1.0
ENV app_home=/srv/app
RUN echo "$version $app_home"
RUN echo $unset_name
RUN <<EOF
set -e
files=$(ls /etc)
echo $files
EOF
RUN ["sh", "-c", "echo $unset_in_exec"]
FROM mcr.microsoft.com/powershell:lts-debian-12
SHELL ["pwsh", "-Command"]
RUN echo $unset_in_pwsh
DOCKERFILE

t_run "findings at the RUN's line" "$DT_BIN" lint -f gnu "$d/Dockerfile"
t_expect_status 1
t_expect_out "Dockerfile:5:1: warning: unset_name is referenced but not assigned. [SC2154]"
t_expect_out "Dockerfile:5:1: info: Double quote to prevent globbing and word splitting. [SC2086]"
t_expect_out "Dockerfile:6:1: info: Double quote to prevent globbing and word splitting. [SC2086]"
t_expect_no_out "Dockerfile:4:"
t_expect_no_out "version is referenced"
t_expect_no_out "unset_in_exec"
t_expect_no_out "unset_in_pwsh"

t_run "--ignore drops a code" "$DT_BIN" lint -f gnu --ignore SC2086 "$d/Dockerfile"
t_expect_no_out "[SC2086]"
t_expect_out "Dockerfile:5:1: warning: unset_name is referenced but not assigned. [SC2154]"

t_run "--error re-levels a code" "$DT_BIN" lint -f gnu --error SC2154 "$d/Dockerfile"
t_expect_out "Dockerfile:5:1: error: unset_name is referenced but not assigned. [SC2154]"

t_run "--no-shellcheck" "$DT_BIN" lint -f gnu --no-shellcheck "$d/Dockerfile"
t_expect_no_out "[SC2"

cat >"$d/pragma.Dockerfile" <<'DOCKERFILE'
FROM debian:12
# hadolint ignore=SC2086,SC2154
RUN echo $unset_name
RUN echo $other_name
DOCKERFILE
t_run "ignore pragma" "$DT_BIN" lint -f gnu "$d/pragma.Dockerfile"
t_expect_no_out "pragma.Dockerfile:3:"
t_expect_out "pragma.Dockerfile:4:1: warning: other_name is referenced but not assigned. [SC2154]"

cat >"$d/bash.Dockerfile" <<'DOCKERFILE'
FROM debian:12 AS sh-stage
RUN if [[ -f /etc/os-release ]]; then echo yes; fi
FROM debian:12 AS bash-stage
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN if [[ -f /etc/os-release ]]; then echo yes; fi
FROM bash-stage
RUN if [[ -f /etc/os-release ]]; then echo yes; fi
DOCKERFILE
t_run "each stage's shell" "$DT_BIN" lint -f gnu "$d/bash.Dockerfile"
t_expect_out "bash.Dockerfile:2:1: warning: In POSIX sh, [[ ]] is undefined. [SC3010]"
t_expect_no_out "bash.Dockerfile:5:"
t_expect_no_out "bash.Dockerfile:7:"

# A stand-in that logs its runs: one process for the whole file, one script
# per shell-form RUN of a POSIX stage.
mkdir -p "$T_TMP/fake"
cp tests/e2e/shellcheck-fake/shellcheck "$T_TMP/fake/shellcheck"
chmod 755 "$T_TMP/fake/shellcheck"
export DT_SC_LOG="$T_TMP/sc.log"
t_run "one process per file" env PATH="$T_TMP/fake:$PATH" "$DT_BIN" lint -f gnu "$d/Dockerfile"
runs=$(wc -l <"$DT_SC_LOG")
scripts=$(tr ' ' '\n' <"$DT_SC_LOG" | grep -c '\.sh$')
T_OUT="$T_OUT
runs=$runs scripts=$scripts"
t_expect_out "runs=1 scripts=3"
t_expect_out "Dockerfile:6:1: warning: #!/bin/sh | set -e | 0 exports [SC2222]"

rm -f "$DT_SC_LOG"
t_run "two files, two processes" env PATH="$T_TMP/fake:$PATH" "$DT_BIN" lint -f gnu "$d/Dockerfile" "$d/pragma.Dockerfile"
runs=$(wc -l <"$DT_SC_LOG")
T_OUT="runs=$runs"
t_expect_out "runs=2"
unset DT_SC_LOG

# Without shellcheck on the PATH everything else still works, and the rule
# list says it is missing.
mkdir -p "$T_TMP/empty"
t_run "linting without shellcheck" env PATH="$T_TMP/empty" "$DT_BIN" lint -f gnu "$d/Dockerfile"
t_expect_status 1
t_expect_out "[DT1001]"
t_expect_no_out "[SC2"

t_run "--list-rules without shellcheck" env PATH="$T_TMP/empty" "$DT_BIN" lint --list-rules
t_expect_status 0
t_expect_out "ShellCheck is not installed: shell scripts are not checked"

t_run "--list-rules with shellcheck" "$DT_BIN" lint --list-rules
t_expect_out "SCxxxx"
t_expect_no_out "ShellCheck is not installed"

t_done
