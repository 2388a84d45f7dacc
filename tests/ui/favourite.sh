#!/bin/sh
# The terminal UI and favourites: f stars a posting at once, the star survives a restart,
# and the posting stays listed (with F, favourites only) after its feed is removed.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"

cat >"$T/a.json" <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "Feed A", "items": [
 {"id": "a1", "url": "https://a.example/1", "title": "Alpha Engineer",
  "content_text": "First.", "date_published": "2026-11-20T10:00:00Z",
  "_job": {"company": "Alpha Co", "location": "Oslo"}},
 {"id": "a2", "url": "https://a.example/2", "title": "Bravo Engineer",
  "content_text": "Second, the one to keep.", "date_published": "2026-11-19T10:00:00Z",
  "_job": {"company": "Bravo Co", "location": "Bergen"}}
]}
JSON
cat >"$T/b.json" <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "Feed B", "items": [
 {"id": "b1", "url": "https://b.example/1", "title": "Charlie Engineer",
  "content_text": "Third.", "date_published": "2026-11-18T10:00:00Z",
  "_job": {"company": "Charlie Co", "location": "Trondheim"}}
]}
JSON
printf 'set refresh-on-start = no\n' >>"$T/config"
{ jt feeds add "file://$T/a.json" && jt feeds add "file://$T/b.json" && jt fetch; } >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }

ui 100 24
check "the postings are listed" wait_for "Bravo Engineer" 10
check_not_contains "none is starred yet" "$(screen)" "★"
keys j f
check "f stars the selected posting" wait_for "starred"
check "its row shows the star" wait_row "Bravo Engineer" "★"
check_not_contains "and only its row" "$(row "Alpha Engineer")" "★"
check_eq "it is in the database at once" \
	"$(jt list --favourites | grep -c "Bravo Engineer")" 1
keys q
check "q quits" wait_exit

ui 100 24
check "after a restart" wait_for "Bravo Engineer" 10
check "the star is still there" wait_row "Bravo Engineer" "★"
keys q
wait_exit

jt feeds rm "file://$T/a.json" >/dev/null
ui 100 24
check "with its feed removed" wait_for "Charlie Engineer" 10
check "the favourite is still listed" wait_row "Bravo Engineer" "★"
check_not_contains "the feed's other postings are gone" "$(screen)" "Alpha Engineer"
keys F
check "F shows favourites only" wait_gone "Charlie Engineer"
check "the favourite is there, starred" wait_row "Bravo Engineer" "★"
check "and the status line says so" wait_for "1 of 2 postings  favourites"
keys Enter
check "its description is still readable" wait_for "Second, the one to keep."
keys f
check "f unstars it" wait_for "unstarred"
check "and it leaves the favourites-only list" wait_gone "Bravo Engineer"
keys q
wait_exit
check_eq "the change is saved" "$(jt list --favourites | grep -c "Bravo Engineer")" 0

t_done
