#!/bin/sh
# The headless UI suite: the real binary in a pseudo-terminal, its screen
# read back through libvterm (tests/ui/test_ui.c).  Names of tests as
# arguments run only those.  Environment: DT_BIN, DT_BUILD.
set -u
cd "$(dirname "$0")/../.." || exit 1
: "${DT_BIN:?}" "${DT_BUILD:?}"
bin="$DT_BUILD/tests/uitest"
if [ ! -x "$bin" ]; then
	echo "uitest: $bin is not built"
	echo "0 passed, 1 failed"
	exit 1
fi
exec "$bin" "$@"
