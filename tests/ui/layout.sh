#!/bin/sh
# The terminal UI's layout: side by side when wide, stacked, a single pane on small
# terminals (Enter and Backspace switch), resizing without losing the selection or the
# scroll position, and NO_COLOR (attributes only, no colours).
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"

# The screen with its attributes (SGR sequences).
screen_sgr() {
	_t_tm capture-pane -e -p -t jt
}
# The first list row under the header.
first_row() {
	screen | sed -n 2p
}

{
	printf '{"version": "https://jsonfeed.org/version/1.1", "title": "Many", "items": [\n'
	i=1
	while [ "$i" -le 30 ]; do
		n=$(printf '%02d' "$i")
		[ "$i" -gt 1 ] && printf ',\n'
		printf '{"id": "%s", "url": "https://many.example/%s", "title": "Job %s",' "$n" "$n" "$n"
		printf ' "content_text": "Description of job %s.",' "$n"
		printf ' "date_published": "2026-10-%02dT10:00:00Z",' $((31 - i))
		printf ' "_job": {"company": "Company %s", "location": "Town %s"}}' "$n" "$n"
		i=$((i + 1))
	done
	printf '\n]}\n'
} >"$T/many.json"
printf 'set refresh-on-start = no\n' >>"$T/config"
jt feeds add "file://$T/many.json" >/dev/null && jt fetch >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }

ui 200 50
check "wide: the list is drawn" wait_for "Job 01" 10
keys j j j j j j j j j j j j j j j j j j j j
check "wide: the detail pane follows the selection" wait_for "Description of job 21."
check "with the selected row in reverse video" wait_selected "Job 21"
check_contains "side by side: list and detail share the screen lines" "$(screen | grep -F 'Job 01')" \
	"Job 21"

tmux_resize 60 15
check "small: a single pane, the list" wait_gone "Description of job 21."
check "the selection survives the resize" wait_selected "Job 21"
check "and stays on screen" wait_for "Job 21"
keys Enter
check "Enter shows the detail of the selected posting" wait_for "Description of job 21."
keys BSpace
check "Backspace goes back to the list" wait_gone "Description of job 21."
check "still on the same posting" wait_selected "Job 21"

tmux_resize 200 50
check "wide again: the detail is back" wait_for "Description of job 21."
check "the selection is the same" wait_selected "Job 21"
check_contains "and the list scrolled back where it was" "$(first_row)" "Job 01"

# A storm of resizes, then a size in between.
for size in "100 30" "50 12" "160 40" "41 10" "120 35" "70 20" "200 50" "45 11"; do
	tmux_resize $size
done
tmux_resize 80 24
check "medium: stacked, the detail shows the same posting" wait_for "Description of job 21."
check "under the list, where it is still selected" wait_selected "Job 21"
keys q
wait_exit

ui 40 10
check "40x10: the list fits" wait_for "Job 01" 10
check_not_contains "in a single pane" "$(screen)" "Description of job 01."
keys j Enter
check "Enter opens the detail" wait_for "https://many.example/02"
check_not_contains "in place of the list" "$(screen)" "Job 03"
keys BSpace
check "Backspace returns to the list" wait_for "Job 03"
keys q
check "q quits" wait_exit

ui 80 24 NO_COLOR=1
check "NO_COLOR: the UI starts" wait_for "Job 01" 10
out=$(screen_sgr)
check_not_contains "with no colour at all" "$(printf '%s\n' "$out" |
	grep -E '[[;](3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]' | head -n 1)" "["
check "the selection still shows, in reverse video" wait_selected "Job 01"
keys q
wait_exit

ui 80 24
check "with colours" wait_for "Job 01" 10
check_contains "colours are used when NO_COLOR is not set" "$(screen_sgr |
	grep -E '[[;](3[0-7]|4[0-7])[;m]' | head -n 1)" "["
keys q
wait_exit

t_done
