#!/bin/sh
# The terminal UI and the background refresh: the first screen comes from the cache while
# the feeds download, a failing feed shows its error on the status line, new postings
# appear without moving the selection, quitting (q, SIGTERM) during a download that never
# ends is immediate, loses nothing and gives the terminal back, and the periodic refresh
# comes on time.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"
[ -n "$PYTHON3" ] || t_skip "python3 not found"

# pane FORMAT: a tmux format about the pane (#{pane_dead}, #{alternate_on}, ...).
pane() {
	_t_tm display-message -p -t jt "$1"
}
# The date of a posting, fixed by its title: the "Role"s in October, "Newer NN" later.
date_of() {
	case $1 in
	"Alpha Role") echo 2026-10-28T10:00:00Z ;;
	"Bravo Role") echo 2026-10-27T10:00:00Z ;;
	"Charlie Role") echo 2026-10-26T10:00:00Z ;;
	"Delta Role") echo 2026-10-29T10:00:00Z ;;
	"Echo Role") echo 2026-10-25T10:00:00Z ;;
	*) _m=$((99 - ${1#Newer }))
	   printf '2026-11-01T%02d:%02d:00Z\n' $((10 + _m / 60)) $((_m % 60)) ;;
	esac
}
# feed NAME TITLE...: a JSON Feed of postings with these titles.
feed() {
	_name=$1
	shift
	{
		printf '{"version": "https://jsonfeed.org/version/1.1", "title": "%s", "items": [' \
			"$_name"
		_i=0
		_sep=
		for _t in "$@"; do
			printf '%s\n{"id": "%s", "url": "https://%s.example/%s", "title": "%s",' \
				"$_sep" "$_t" "$_name" "$_i" "$_t"
			printf ' "content_text": "About %s.",' "$_t"
			printf ' "date_published": "%s",' "$(date_of "$_t")"
			printf ' "_job": {"company": "%s Co", "location": "Remote"}}' "$_name"
			_sep=,
			_i=$((_i + 1))
		done
		printf '\n]}\n'
	} >"$T/www/$_name.json.tmp" && mv "$T/www/$_name.json.tmp" "$T/www/$_name.json"
}

mkdir -p "$T/www"
server_start "$T/www"

# ---- a feed that fails during the refresh -------------------------------------------------
feed live "Alpha Role" "Bravo Role" "Charlie Role"
jt feeds add "$BASE/files/live.json" >/dev/null && jt fetch >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }
jt feeds add "$BASE/status/500" >/dev/null
ui 120 30
check "the cached postings are on screen" wait_for "Bravo Role" 10
check "a failing feed shows its error on the status line" wait_for "HTTP 500" 15
check "naming the feed's host" wait_for "127.0.0.1: HTTP 500"
check_contains "the UI keeps running" "$(pane '#{pane_dead}')" 0

# ---- new postings appear without moving the selection -------------------------------------
keys j
check "the detail follows the selection" wait_for "About Bravo Role."
feed live "Delta Role" "Alpha Role" "Bravo Role" "Charlie Role"
keys r
check "r refreshes: the new posting appears" wait_for "Delta Role" 15
check "the detail still shows the selected posting" wait_for "About Bravo Role."
check "and its row is still the selected one" wait_selected "Bravo Role"

# Eighty at once: more than the rows the list reads past its window in one go.
set --
i=10
while [ "$i" -lt 90 ]; do
	set -- "$@" "Newer $i"
	i=$((i + 1))
done
feed live "$@" "Delta Role" "Alpha Role" "Bravo Role" "Charlie Role"
keys r
check "eighty new postings at once" wait_for "84 postings" 15
check "the detail still shows the selected posting" wait_for "About Bravo Role."
check "the selection did not move" wait_selected "Bravo Role"
keys g
check "they are above it" wait_for "Newer 10"
keys q
check "q quits" wait_exit
jt feeds rm "$BASE/status/500" >/dev/null

# ---- quitting while a download hangs --------------------------------------------------------
jt feeds add "$BASE/hang" >/dev/null
ui 120 30
check "with a feed that never answers, the cache shows at once" wait_for "Newer 10" 10
check "while the refresh runs" wait_for "refreshing" 10
keys f
check "a star during the refresh" wait_for "starred"
start=$(date +%s)
keys q
check "q during a hanging download quits promptly" wait_exit 5
check "within two seconds" test $(($(date +%s) - start)) -le 2
check_eq "the terminal is given back (normal screen)" "$(pane '#{alternate_on}')" 0
check_eq "the star was kept" "$(jt list --favourites | grep -c "Newer 10")" 1

ui 120 30
check "SIGTERM: the UI runs" wait_for "refreshing" 10
kill -TERM "$(pane '#{pane_pid}')"
check "SIGTERM during a hanging download ends it promptly" wait_exit 5
check_eq "and gives the terminal back" "$(pane '#{alternate_on}')" 0

ui 120 30
check "SIGINT: the UI runs" wait_for "Newer 10" 10
keys C-c
check "Ctrl-C ends it" wait_exit 5
check_eq "and gives the terminal back" "$(pane '#{alternate_on}')" 0

# ---- the periodic refresh ---------------------------------------------------------------------
# No refresh at start, one a minute: a posting added to the feed appears with no key pressed.
jt feeds rm "$BASE/hang" >/dev/null
printf 'set refresh-on-start = no\nset refresh-interval = 1\n' >>"$T/config"
ui 120 30
check "no refresh at start" wait_for "84 postings" 10
feed live "Echo Role" "$@" "Delta Role" "Alpha Role" "Bravo Role" "Charlie Role"
sleep 5
check_not_contains "nothing is fetched before the minute is up" "$(screen)" "Echo Role"
check "the timer refreshes within the minute" wait_for "85 postings" 70
keys q
check "q quits" wait_exit

t_done
