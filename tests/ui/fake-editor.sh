#!/bin/sh
# A stand-in for the learner's editor in the UI tests: it writes on the
# terminal (the UI must repaint over it), records its arguments in
# $FAKE_EDITOR_LOG and copies $FAKE_EDITOR_COPY over the file it was given
# (its last argument).
printf 'FAKE EDITOR RAN\n'
for a in "$@"; do
	printf '%s\n' "$a"
done >"$FAKE_EDITOR_LOG"
for last in "$@"; do :; done
cp "$FAKE_EDITOR_COPY" "$last"
