#!/bin/sh
# The terminal UI, browsing the cache: the first screen comes from it, the keyword and
# location filters narrow the list as they are typed, columns stay aligned with wide and
# accented text, the help screen, the status line's counts and filters.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"

# The display column where TEXT starts on the screen line that holds it (wide = 2).
column_of() {
	screen | "$PYTHON3" -c '
import sys, unicodedata
t = sys.argv[1]
for line in sys.stdin.read().splitlines():
    i = line.find(t)
    if i >= 0:
        print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i]))
        break' "$1"
}

cat >"$T/jobs.json" <<'JSON'
{
 "version": "https://jsonfeed.org/version/1.1",
 "title": "UI test jobs",
 "items": [
  {"id": "1", "url": "https://acme.example/1", "title": "Python Backend Engineer",
   "content_text": "Django and PostgreSQL.", "date_published": "2026-11-20T10:00:00Z",
   "_job": {"company": "Acme", "location": "Zürich, Switzerland", "salary_min": 120000,
            "salary_max": 150000, "salary_currency": "CHF"}},
  {"id": "2", "url": "https://tech.example/2", "title": "Rust Systems Programmer",
   "content_text": "Storage engines.", "date_published": "2026-11-19T10:00:00Z",
   "_job": {"company": "株式会社テック", "location": "Tokyo"}},
  {"id": "3", "url": "https://emile.example/3", "title": "Data Engineer (Python)",
   "content_text": "Pipelines.", "date_published": "2026-11-18T10:00:00Z",
   "_job": {"company": "Émile & Cie", "location": "Berlin", "remote": true}},
  {"id": "4", "url": "https://party.example/4", "title": "Frontend Developer 🎉🎉",
   "content_text": "React.", "date_published": "2026-11-17T10:00:00Z",
   "_job": {"company": "Party 🎉 Ltd", "location": "London"}},
  {"id": "5", "url": "https://globex.example/5", "title": "Go Developer",
   "content_text": "Services in Go.\nLine 01\nLine 02\nLine 03\nLine 04\nLine 05\nLine 06\nLine 07\nLine 08\nLine 09\nLine 10\nLine 11\nLine 12\nLine 13\nLine 14\nLine 15\nLine 16\nLine 17\nLine 18\nLine 19\nLine 20\nLine 21\nLine 22\nLine 23\nLine 24\nLine 25\nLine 26\nLine 27\nLine 28\nLine 29\nLine 30\nLine 31\nLine 32\nLine 33\nLine 34\nLine 35\nLine 36\nLine 37\nLine 38\nLine 39\nThe end.",
   "date_published": "2026-11-16T10:00:00Z",
   "_job": {"company": "Globex", "location": "Lisbon"}}
 ]
}
JSON
printf 'set refresh-on-start = no\n' >>"$T/config"
jt feeds add "file://$T/jobs.json" >/dev/null && jt fetch >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }

ui 100 30
check "the first screen shows the cached postings" wait_for "Python Backend Engineer" 10
check "the status line counts them" wait_for "5 postings"
check "the detail pane shows the selected posting" wait_for "Django and PostgreSQL."

if [ -n "$PYTHON3" ]; then
	cols="$(column_of Zürich) $(column_of Tokyo) $(column_of Berlin) $(column_of London)"
	cols="$cols $(column_of Lisbon)"
	set -- $cols
	check_eq "the location column is aligned with CJK, accented and emoji text" \
		"$cols" "$1 $1 $1 $1 $1"
fi

keys /
keys -l pyth
check "typing /pyth narrows the list before Enter" wait_gone "Rust Systems Programmer"
check "to the postings about Python" wait_for "Data Engineer (Python)"
check_not_contains "and no others" "$(screen)" "Go Developer"
check "the count follows the filter" wait_for "2 of 5"
keys Escape
check "Esc cancels the filter and the list comes back" wait_for "Rust Systems Programmer"
check "with every posting" wait_for "5 postings"

keys l
keys -l zurich
check "the location filter is live too" wait_gone "Go Developer"
check "zurich finds Zürich" wait_for "Python Backend Engineer"
keys Enter
check "Enter keeps the filter, shown on the status line" wait_for "@zurich"
check "with its count" wait_for "1 of 5 postings"
keys c
check "c clears the filters" wait_for "Go Developer"

# Ctrl-S is a key like any other, not flow control that freezes the screen.
keys C-s
keys R
check "after Ctrl-S the screen still answers keys" wait_gone "Go Developer"
keys R
check "without a Ctrl-Q" wait_for "Go Developer"

keys R
check "R shows remote postings only" wait_gone "Go Developer"
check "the remote one stays" wait_for "Data Engineer (Python)"
keys R

keys /
keys -l "data zzz"
check "the keyword prompt: nothing matches data zzz" wait_for "0 of 5"
keys C-w
check "C-w deletes the last word" wait_for "Data Engineer (Python)"
check "leaving the first" wait_for "/data "
keys C-u
check "C-u deletes the rest" wait_for "Rust Systems Programmer"
keys -l "émile"
check "an accented word matches" wait_for "1 of 5"
keys Escape
check "Esc cancels" wait_for "Go Developer"

check "postings start unread" wait_row "Go Developer" "•"
keys G Enter
check "Enter opens the posting" wait_for "Services in Go."
check_not_contains "and marks it read" "$(row "Go Developer")" "•"
keys PPage NPage
check "the detail pane scrolls on its own" wait_gone "Services in Go."
keys Tab k
check "back in the list, k moves to the previous posting" wait_for "React."
keys j
check "the scroll position is kept per posting" wait_for "Line 1"
check_not_contains "not reset to the top" "$(screen)" "Services in Go."
keys m
check "m marks it unread again" wait_for "marked unread"
check "the mark is back" wait_row "Go Developer" "•"
keys -l "$(printf '\033[<0;5;3M\033[<0;5;3m')"
check "a mouse click selects a posting" wait_for "Storage engines."
keys -l "$(printf '\033[<65;5;3M')"
check "the wheel moves the selection" wait_selected "Go Developer"
keys g x
check "x hides the posting" wait_gone "Python Backend Engineer"
check "the count follows" wait_for "4 postings"
check_eq "it is hidden in the store" "$(jt list | grep -c "Python Backend Engineer")" 0

keys '?'
check "? opens the help screen" wait_for "jobterm help"
check "built from the key table" wait_for "keyword filter, live as you type"
check "showing the bound keys" wait_for "PgDn, C-f"
keys q
check "a key closes the help screen" wait_gone "jobterm help"

keys q
check "q quits" wait_exit

# A key bound in the config shows in the help screen and works.
printf 'bind z quit\nbind Q none\ncolor title brightwhite blue bold\nbind ~~ quit\n' >>"$T/config"
printf 'bind C-d page-down\nbind F5 refresh\nbind Enter open\n' >>"$T/config"
ui 100 30 2>/dev/null
check "a config with a bad line still starts" wait_for "Rust Systems Programmer" 10
check "and says what was wrong" wait_for "config:5: unknown key: ~~"
check_contains "a color line sets the area's colours (blue background on the title)" \
	"$(_t_tm capture-pane -e -p -t jt | grep -F 'Rust Systems Programmer' | tail -n 1)" "44m"
keys '?'
check "the help screen names control keys" wait_for "PgDn, C-f, C-d"
keys G
check "the help screen shows the rebound key" wait_for "q, z"
check "and function keys by name" wait_for "r, F5"
keys Escape z
check "and the new key works" wait_exit

# Several bad lines: the first is on the status line, with how many more went to stderr.
printf 'set nope = 1\nset mouse = maybe\n' >>"$T/config"
ui 100 30 2>/dev/null
check "several bad lines: the first and how many more" \
	wait_for "config:9: unknown option nope (and 2 more"
keys q
wait_exit

t_done
