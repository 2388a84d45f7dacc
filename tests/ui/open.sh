#!/bin/sh
# The terminal UI hands links to the outside: o runs $BROWSER with the link as its one
# argument (no shell, so shell syntax in a link is inert), refuses anything but http and
# https, and y copies the link with OSC 52 (tmux keeps it as a buffer) and shows it.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"

tricky="https://x.example/\$(touch\${IFS}pwned)';id;'&a=1"
cat >"$T/links.json" <<JSON
{"version": "https://jsonfeed.org/version/1.1", "title": "Links", "items": [
 {"id": "1", "url": "$tricky", "title": "Tricky Link",
  "content_text": "Shell syntax in the link.", "date_published": "2026-11-20T10:00:00Z"},
 {"id": "2", "url": "javascript:alert(1)", "title": "Script Link",
  "content_text": "Not a web page.", "date_published": "2026-11-19T10:00:00Z"},
 {"id": "3", "url": "https://x.example/page", "title": "Apply Elsewhere",
  "content_text": "Has an apply link.", "date_published": "2026-11-18T10:00:00Z",
  "_job": {"apply_url": "https://apply.example/form?id=3"}}
]}
JSON
printf 'set refresh-on-start = no\n' >>"$T/config"
jt feeds add "file://$T/links.json" >/dev/null && jt fetch >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }

# A browser that records its arguments, one per line, and its open descriptors.
cat >"$T/browser" <<SCRIPT
#!/bin/sh
printf '%s\n' "\$#" >"$T/argc.tmp"
for a do printf '%s\n' "\$a"; done >"$T/argv"
ls /proc/self/fd 2>/dev/null | sort -n | tr '\n' ' ' >"$T/fds"
mv "$T/argc.tmp" "$T/argc"
SCRIPT
chmod +x "$T/browser"
cd "$T" || exit 99

ui 100 24 BROWSER="$T/browser"
check "the postings are listed" wait_for "Tricky Link" 10
keys o
check "o runs the browser" wait_file "$T/argc"
check_eq "with exactly one argument" "$(cat "$T/argc")" 1
check_eq "the link, byte for byte" "$(cat "$T/argv")" "$tricky"
check "and no shell ran the link" test ! -e "$T/pwned"
check_contains "the browser inherited no descriptor but 0, 1, 2 (and its own)" \
	"$(cat "$T/fds")" "0 1 2 "
check "the status line says it was opened" wait_for "opened in"
check "and the screen is back" wait_for "Tricky Link"

rm -f "$T/argc" "$T/argv"
keys j o
check "a javascript: link is refused" wait_for "not opened: "
check "without running the browser" test ! -e "$T/argc"

keys j o
check "o opens the apply link when there is one" wait_file "$T/argc"
check_eq "that link" "$(cat "$T/argv")" "https://apply.example/form?id=3"
keys q
check "q quits" wait_exit

ui 100 24 BROWSER="$T/no-such-browser"
check "with a browser that does not exist" wait_for "Tricky Link" 10
keys o
check "o says so on the status line" wait_for "no program"
keys q
wait_exit

ui 100 24
_t_tm set-option -g set-clipboard on
check "y: the UI runs" wait_for "Apply Elsewhere" 10
keys G y
check "y shows the link" wait_for "copied: https://apply.example/form?id=3"
check_eq "and copies it (OSC 52, kept by tmux)" "$(_t_tm show-buffer 2>/dev/null)" \
	"https://apply.example/form?id=3"
keys k y
check "y refuses a javascript: link" wait_for "not copied: "
check_eq "leaving the clipboard alone" "$(_t_tm list-buffers | wc -l | tr -d ' ')" 1
keys q
wait_exit

t_done
