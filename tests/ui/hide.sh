#!/bin/sh
# Hiding: x hides a posting, H shows hidden postings too (dimmed), x there shows one again
# for good; the headless hide and unhide commands do the same.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"

cat >"$T/a.json" <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "Feed A", "items": [
 {"id": "a1", "url": "https://a.example/1", "title": "Alpha Engineer",
  "content_text": "First.", "date_published": "2026-11-20T10:00:00Z",
  "_job": {"company": "Alpha Co", "location": "Oslo"}},
 {"id": "a2", "url": "https://a.example/2", "title": "Bravo Engineer",
  "content_text": "Second.", "date_published": "2026-11-19T10:00:00Z",
  "_job": {"company": "Bravo Co", "location": "Bergen"}},
 {"id": "a3", "url": "https://a.example/3", "title": "Charlie Engineer",
  "content_text": "Third.", "date_published": "2026-11-18T10:00:00Z",
  "_job": {"company": "Charlie Co", "location": "Trondheim"}}
]}
JSON
printf 'set refresh-on-start = no\n' >>"$T/config"
{ jt feeds add "file://$T/a.json" && jt fetch; } >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }

ui 100 24
check "the postings are listed" wait_for "3 postings" 10
# Typed at once: x acts on the list the filter selects, not the one before it.
keys / bravo Enter x
check "x hides the selected posting" wait_for "hidden (H shows hidden postings)"
check_eq "the one the filter selected" "$(jt list | grep -c "Bravo Engineer")" 0
check_eq "not the first row before the filter" "$(jt list | grep -c "Alpha Engineer")" 1
keys c
check "it leaves the list" wait_for "2 postings"
check_not_contains "it is not listed" "$(screen)" "Bravo Engineer"
keys H
check "H shows hidden postings too" wait_for "Bravo Engineer"
check "the status line says so" wait_for "3 postings  hidden shown"
keys c
check "c clears it with the other filters" wait_for "2 postings  filters cleared"
keys H g j
check "the hidden one can be selected" wait_selected "Bravo Engineer"
keys x
check "x on a hidden posting shows it again" wait_for "shown again"
keys H
check "H again leaves hidden ones out" wait_for "hidden postings left out"
check "and the posting shown again stays listed" wait_row "Bravo Engineer" "Bravo Co"
check "with every posting counted" wait_for "3 postings"
keys q
check "q quits" wait_exit

id=$(jt list --format csv | awk -F, '/Charlie Engineer/ { print $1 }')
check_eq "hide ID exits 0" "$(jt hide "$id"; echo $?)" 0
check_eq "the posting leaves the list" "$(jt list | grep -c "Charlie Engineer")" 0
check_eq "list --hidden still shows it" "$(jt list --hidden | grep -c "Charlie Engineer")" 1
check_eq "unhide ID brings it back" "$(jt unhide "$id"; jt list | grep -c "Charlie Engineer")" 1
check_eq "an id that is not a number is a usage error" "$(jt hide abc 2>/dev/null; echo $?)" 2
check_eq "an unknown id is an error" "$(jt hide 999999 2>/dev/null; echo $?)" 1
check_contains "that says which" "$(jt unhide 999999 2>&1)" "999999"
check_eq "fetch takes a feed's path as feeds add does" "$(jt fetch "$T/a.json" >/dev/null; echo $?)" 0
check_contains "and refuses another scheme, saying what a feed is" \
	"$(jt fetch ftp://a.example/feed 2>&1)" "a feed is an http, https or file URL, or a file"
t_done
