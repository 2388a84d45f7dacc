#!/bin/sh
# The terminal UI against a feed that tries to take over the terminal: escape sequences
# (clear screen, colours, OSC 0 window title, OSC 52 clipboard), a C1 CSI, bidi overrides
# and cursor-moving controls in titles, companies, locations and descriptions. Nothing of
# it may reach the terminal: the raw output is checked byte by byte, the columns must stay
# where they belong, and the pane's title, colours and clipboard must be untouched.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"

# The raw output as " 1b 5b ..." (one space before each byte), for byte-aligned matching.
raw_hex() {
	od -An -tx1 -v "$T/raw" | tr -s ' \n' '  '
}
# no_bytes DESC PATTERN: a check that no byte sequence matching PATTERN was written.
no_bytes() {
	if raw_hex | grep -Eq "$2"; then
		_t_not_ok "$1"
		diag "found: $(raw_hex | grep -Eo ".{0,30}$2.{0,30}" | head -n 3)"
	else
		_t_ok "$1"
	fi
}

# Every field carries the same payload: ED, SGR red and blink, OSC 0 and OSC 52 (BEL-ended),
# a C1 CSI, RLO, LRI, BOM, CR, BS and a tab.
bad='\u001b[2J\u001b[31m\u001b[5mRED\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u009b31mX\u202eY\u2066Z\ufeff\rQ\bW\tV'
cat >"$T/hostile.json" <<JSON
{"version": "https://jsonfeed.org/version/1.1", "title": "Hostile $bad", "items": [
 {"id": "h1", "url": "https://ok.example/1", "title": "Normal Posting",
  "content_text": "Plain.", "date_published": "2026-11-20T10:00:00Z",
  "_job": {"company": "Normal Co", "location": "Oslo"}},
 {"id": "h2", "url": "https://evil.example/2", "title": "Evil $bad end",
  "content_text": "Body $bad body end.", "date_published": "2026-11-19T10:00:00Z",
  "tags": ["tag $bad"],
  "_job": {"company": "Bad $bad Co", "location": "Oslo $bad", "employment_type": "x $bad",
           "salary_currency": "US$bad", "salary_min": 1000}},
 {"id": "h3", "url": "https://ok.example/3", "title": "Other Posting",
  "content_text": "Plain.", "date_published": "2026-11-18T10:00:00Z",
  "_job": {"company": "Other Co", "location": "Oslo"}}
]}
JSON
printf 'set refresh-on-start = no\n' >>"$T/config"
jt feeds add "file://$T/hostile.json" >/dev/null && jt fetch >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }

# Start jobterm only once its output is being recorded.
tmux_start 100 30 sh -c 'while [ ! -e "$1" ]; do sleep 0.05; done; exec "$2" --db "$3" --config "$4"' \
	sh "$T/go" "$JOBTERM" "$T/jobterm.db" "$T/config"
_t_tm set-option -g set-clipboard on
_t_tm pipe-pane -o -t jt "cat >>'$T/raw'"
title=$(_t_tm display-message -p -t jt '#{pane_title}')
: >"$T/go"

check "the hostile posting is listed" wait_for "Normal Posting" 10
keys j
check "and shown in the detail pane" wait_for "body end."
check "the screen was not cleared: the other rows stay" wait_for "Other Posting"
check "the hostile title shows as plain text" wait_for "Evil RED"
out=$(screen)
check_eq "no control character is on the screen" \
	"$(printf '%s' "$out" | tr -d '\n' | LC_ALL=C tr -d '[:print:]\200-\377' | wc -c | tr -d ' ')" 0
check_not_contains "and none drawn as ^[ either" "$out" "^["

# The company column starts at the same byte on every row (the rows are ASCII after the
# marks, which are the same on all three).
off() {
	screen | grep -F -- "$1" | head -n 1 | awk -v t="$2" '{ print index($0, t) }'
}
check_eq "the company column is intact on the hostile row" \
	"$(off 'Evil RED' 'Bad ') $(off 'Other Posting' 'Other Co')" \
	"$(off 'Normal Posting' 'Normal Co') $(off 'Normal Posting' 'Normal Co')"
check_not_contains "no red or blink on the hostile row" \
	"$(_t_tm capture-pane -e -p -t jt | grep -F 'Evil RED' | grep -Eo '[[;](31|5)[;m]')" "m"
check_eq "the pane title is unchanged" "$(_t_tm display-message -p -t jt '#{pane_title}')" "$title"
check_eq "nothing reached the clipboard" "$(_t_tm list-buffers | wc -l | tr -d ' ')" 0

keys q
check "q quits" wait_exit
no_bytes "no OSC, DCS, APC or PM introducer in the raw output" ' 1b (5d|50|5f|5e)'
no_bytes "no C1 control (U+0080-U+009F) in the raw output" ' c2 (8|9)[0-9a-f]'
no_bytes "no bidi control in the raw output" ' e2 (80 (a[a-e]|8[ef])|81 a[6-9])'
no_bytes "no BOM in the raw output" ' ef bb bf'
no_bytes "no clear-screen from the feed (only curses' own, before drawing)" \
	' 52 45 44.* 1b 5b 32 4a'
check_contains "the terminal leaves the alternate screen at the end" \
	"$(raw_hex | grep -Eo '1b 5b 3f 31 30 34 39 (68|6c)' | tail -n 1)" "6c"
check_contains "and shows the cursor" \
	"$(raw_hex | grep -Eo '1b 5b 3f 32 35 (68|6c)' | tail -n 1)" "68"

t_done
