# Reads a `dockertutor quiz|exam --plain` transcript of the e2e course and
# prints the right answer of every question shown, as "N ANSWER" (the last
# time a question was shown wins); with -v mode=option, just y or n for the
# last DOMC option shown.  The course makes answers readable: a choice is
# right when its text starts "Right", a statement "that holds" is true, one
# "that fails" false, and "Type the word: X" wants X.
function flush() {
	if (q != "")
		ans[q] = letters != "" ? letters : word
}
/^Question [0-9]+ of/ { flush(); q = $2; letters = ""; word = ""; next }
/^  [A-P]\. Right/ { letters = letters substr($0, 3, 1); next }
/that holds/ { word = "true" }
/that fails/ { word = "false" }
/^Type the word: / { word = substr($0, 16) }
/^Option [0-9]+: / { option = $0 ~ /^Option [0-9]+: Right/ ? "y" : "n" }
END {
	flush()
	if (mode == "option")
		print option
	else
		for (k in ans)
			print k, ans[k]
}
