#!/bin/sh
# The dependency step of `make run` and `make check`: asks pkg-config for each
# library and installs the Debian package only for what it cannot find.
# Usage: mk/deps.sh [--with-tests]
set -eu

need=""
want() {
	# $1: pkg-config name, $2: Debian package
	if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$1"; then
		need="$need $2"
	fi
}

command -v pkg-config >/dev/null 2>&1 || need="pkg-config"
want ncursesw libncurses-dev
want sqlite3 libsqlite3-dev
want yaml-0.1 libyaml-dev
if [ "${1:-}" = "--with-tests" ]; then
	want cmocka libcmocka-dev
	want vterm libvterm-dev
	command -v shellcheck >/dev/null 2>&1 || need="$need shellcheck"
fi
command -v cc >/dev/null 2>&1 || need="$need gcc"

[ -z "$need" ] && exit 0

echo "deps: installing:$need"
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: apt-get is not available; install:$need" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		sudo="sudo -n"
	else
		echo "deps: not root and no sudo; install as root:$need" >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
# An install straight from the cached lists is tried first; a stale or empty
# list is refreshed once and the install retried.
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -q --no-install-recommends $need; then
	$sudo apt-get update -q
	$sudo apt-get install -y -q --no-install-recommends $need
fi
