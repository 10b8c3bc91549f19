#!/bin/sh
# A stand-in editor for tests/e2e/exercise.test.sh: writes its arguments,
# one per line, to $FAKE_EDITOR_LOG and, when $FAKE_EDITOR_COPY names a
# file, copies it over the file it was asked to edit (its last argument).
for a in "$@"; do
	printf '%s\n' "$a"
done >"$FAKE_EDITOR_LOG"
for last in "$@"; do :; done
if [ -n "${FAKE_EDITOR_COPY:-}" ]; then
	cp "$FAKE_EDITOR_COPY" "$last" || exit 1
fi
exit "${FAKE_EDITOR_STATUS:-0}"
