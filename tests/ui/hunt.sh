#!/bin/sh
# The job hunt in the terminal UI (issue 7): a job on two boards is one row with a count,
# D lists every copy; a sets the status (seen headless while the UI runs); n edits the note
# in $EDITOR (one argument, a private file) or, without it, on the status line; P shows the
# pipeline; S saves the filters and L lists saved searches; b blocks a company after asking,
# in the config file, with a count on the status line and B to show what it hides; all of it
# still there after a restart.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$TMUX_BIN" ] || t_skip "tmux not found"

# status_line: the last line of the screen.
status_line() {
	screen | tail -n 1
}

cat >"$T/a.json" <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "Board A", "items": [
 {"id": "a1", "url": "https://a.example/1", "title": "Backend Engineer (Remote)",
  "content_text": "Board A's copy.", "date_published": "2026-11-20T10:00:00Z",
  "_job": {"company": "Acme, Inc.", "location": "Zürich"}},
 {"id": "a2", "url": "https://a.example/2", "title": "Data Engineer",
  "content_text": "Globex data.", "date_published": "2026-11-19T10:00:00Z",
  "_job": {"company": "Globex", "location": "Berlin"}},
 {"id": "a3", "url": "https://a.example/3", "title": "Quant Developer",
  "content_text": "Initech quant.", "date_published": "2026-11-18T10:00:00Z",
  "_job": {"company": "Initech", "location": "London"}}
]}
JSON
cat >"$T/b.json" <<'JSON'
{"version": "https://jsonfeed.org/version/1.1", "title": "Board B", "items": [
 {"id": "b1", "url": "https://b.example/1", "title": "backend engineer",
  "content_text": "Board B's copy.", "date_published": "2026-11-21T10:00:00Z",
  "_job": {"company": "ACME", "location": "Zurich"}},
 {"id": "b2", "url": "https://b.example/2", "title": "Data Engineer",
  "content_text": "Umbrella data.", "date_published": "2026-11-17T10:00:00Z",
  "_job": {"company": "Umbrella", "location": "Berlin"}}
]}
JSON
printf 'set refresh-on-start = no\n' >>"$T/config"
{ jt feeds add "file://$T/a.json" && jt feeds add "file://$T/b.json" && jt fetch; } >/dev/null ||
	{ diag "could not prepare the database"; exit 99; }

# An editor that records its arguments and appends two lines (one with an escape) to the file.
cat >"$T/editor" <<SCRIPT
#!/bin/sh
printf '%s\n' "\$#" "\$@" >"$T/editor.args"
printf 'Recruiter: Ann\nSecond round \033[31mThursday\n' >>"\$1"
SCRIPT
chmod +x "$T/editor"
cd "$T" || exit 99

# ---- duplicates ----------------------------------------------------------------------------

ui 120 30 EDITOR="$T/editor"
check "the postings are listed" wait_for "Data Engineer" 10
check "the Acme job is one row, counted twice" wait_row "Backend Engineer" "×2"
check_not_contains "its other copy is not listed" "$(screen | cut -c1-70)" "backend engineer"
check "the detail lists both copies' links" wait_for "https://b.example/1 (Board B)"
keys D
check "D lists every copy" wait_for "every copy"
check "the other copy is listed" wait_row "backend engineer" "×2"
keys D
check "D again: one row per job" wait_gone "every copy"

# ---- a status, and the note in $EDITOR ------------------------------------------------------

keys g a
check "a asks for the status" wait_for "Status s/a/i/o/r/w/n, Esc: s)aved a)pplied i)nterviewing"
keys a
check "a: applied" wait_for "status: applied"
check "the row shows it where the star would be" wait_row "Backend Engineer" "A• Backend"
check_eq "the store has it at once" \
	"$(jt list --status applied --format json | grep -c '"status":"applied"')" 1
check "the detail shows it" wait_for "applied since"
keys n
check "n runs the editor, and the note is saved" wait_for "note saved" 10
check "the detail shows the note" wait_for "Recruiter: Ann"
check "its second line, the escape removed" wait_for "Second round Thursday"
check_eq "the editor got one argument" "$(head -n 1 "$T/editor.args")" 1
check_contains "a private temporary file" "$(sed -n 2p "$T/editor.args")" "jobterm-note-"
check_eq "which is gone afterwards" "$(ls "$(dirname "$(sed -n 2p "$T/editor.args")")" | grep -c "$(basename "$(sed -n 2p "$T/editor.args")")")" 0
check_contains "the note is in the store" "$(jt export --format csv)" "Recruiter: Ann"

# ---- the pipeline ----------------------------------------------------------------------------

keys j a s
check "a second job: saved" wait_for "status: saved"
keys P
check "P shows the pipeline" wait_for "Pipeline: 2 tracked"
check "grouped by status" wait_for "Saved (1)"
check "with the applied one" wait_for "Applied (1)"
check "days since the change, and the note" wait_row "Backend Engineer (Remote) ×2" "today"
check "the note's first line" wait_row "Backend Engineer (Remote) ×2" "Recruiter: Ann"
keys j a i
check "a in the pipeline changes the selected job" wait_for "Interviewing (1)"
keys q
check "q closes the pipeline" wait_gone "Pipeline:"
check "and not jobterm" wait_for "Data Engineer"

# ---- saved searches --------------------------------------------------------------------------

keys /
keys -l "engineer"
keys Enter
keys S
check "S asks for a name" wait_for "save search as:"
keys -l "engineers"
keys Enter
check "saved" wait_for "saved search engineers"
keys c L
check "L lists the saved searches" wait_for "Saved searches"
check "with what is new" wait_row "engineers" "0 new"
check "and its filters" wait_row "engineers" "/engineer"
keys Enter
check "Enter opens it" wait_for "search engineers: 0 new"
check "its filters apply" wait_gone "Quant Developer"
keys c

# ---- blocking a company ----------------------------------------------------------------------

keys G b
check "b asks first" wait_for "Block Umbrella? y/n (its postings are hidden everywhere)"
keys n
check "n: not blocked" wait_for "not blocked"
check "still listed" wait_row "Data Engineer" "Umbrella"
keys G b y
check "y blocks it" wait_for "blocked Umbrella: 1 hidden"
check_not_contains "its postings go" "$(screen | sed '$d')" "Umbrella"
check_contains "the status line counts them" "$(status_line)" "1 blocked"
check_contains "the config file has the line" "$(cat "$T/config")" 'block-company "Umbrella"'
check_eq "the headless list hides it too" "$(jt list | grep -c Umbrella)" 0
keys B
check "B shows blocked postings" wait_for "blocked shown"
check "Umbrella is back" wait_row "Data Engineer" "Umbrella"
keys B
check "B again hides them" wait_gone "Umbrella"
keys q
check "q quits" wait_exit

# ---- after a restart, without $EDITOR ---------------------------------------------------------

ui 120 30 EDITOR=
check "after a restart" wait_for "Data Engineer" 10
check "the block holds" wait_for "1 blocked"
check_not_contains "Umbrella stays hidden" "$(screen)" "Umbrella"
check "the status holds" wait_row "Backend Engineer" "I• Backend"
keys P
check "and the pipeline" wait_for "Interviewing (1)"
keys q
keys j n
check "n without EDITOR edits on the status line" wait_for "note:"
keys -l "Ask about visas"
keys Enter
check "the note is saved" wait_for "note saved"
check "and shown" wait_for "Ask about visas"
keys q
wait_exit
check_contains "the note is in the store" "$(jt export --format csv)" "Ask about visas"

# ---- in 40 columns, the questions still show their keys -----------------------------------

ui 40 24 EDITOR=
check "in 40 columns" wait_for "Data Engineer" 10
keys g a
check "a shows the status keys" wait_for "Status s/a/i/o/r/w/n, Esc"
keys Escape b
check "b shows y/n" wait_for "? y/n"
keys n q
wait_exit

t_done
