#!/bin/sh
# Hostile feeds, end to end: each one is fetched over HTTP after a good feed and a favourite
# are in the cache. jobterm must report a clear error naming the feed (or store what is
# valid), never crash or hang, keep what was there before, and never write a control
# character, escape sequence or bidi override to its output.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$PYTHON3" ] || t_skip "python3 not found"
mkdir -p "$T/www"
cp "$SRCDIR"/tests/fixtures/hostile/* "$SRCDIR"/tests/fixtures/e2e/jobs.json "$T/www/"
server_start "$T/www"
printf 'set timeout = 30\nset stall-timeout = 5\n' >"$T/config"

json() { "$PYTHON3" -c "import json,sys; d=json.load(sys.stdin); r=($1); print(r)"; }
sound() {
    "$PYTHON3" -c "import sqlite3,sys; \
sys.exit(sqlite3.connect('$T/jobterm.db').execute('pragma integrity_check').fetchone()[0] != 'ok')"
}
# No ESC, no C1 (C2 80-9F), no bidi controls (E2 80 8E/8F/AA-AE, E2 81 A6-A9), no BEL,
# no BOM (EF BB BF), no CR but in CR LF, in a file.
clean_bytes() {
    "$PYTHON3" - "$1" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n")  # CSV lines end in CR LF
bad = re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|"
                rb"\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf|\xd8\x9c", data)
if bad:
    print("bad bytes at", bad.start(), repr(data[max(0, bad.start() - 20):bad.start() + 20]))
    sys.exit(1)
EOF
}

check "a good feed first" jt feeds add "$BASE/files/jobs.json"
check "fetched" jt fetch
fav=$(jt list --keyword support --format json | json 'd[0]["id"]')
check "and a favourite" jt fav add "$fav"
before=$(jt list --format json)

# hostile NAME EXPECT: fetch $BASE/files/NAME once; EXPECT is "ok" or the error to see
hostile() {
    jt fetch "$BASE/files/$1" >"$T/out" 2>"$T/err"
    rc=$?
    if [ "$2" = ok ]; then
        check_eq "$1: stored" "$rc" 0
    else
        check_eq "$1: fails" "$rc" 1
        check_contains "$1: names the feed and the reason" "$(cat "$T/err")" "$BASE/files/$1: $2"
    fi
    check "$1: stderr is clean" clean_bytes "$T/err"
    check "$1: the database is sound" sound
    check_eq "$1: the earlier postings are unchanged" \
        "$(jt list --format json | json '[j for j in d if j["feed"].endswith("jobs.json")]')" \
        "$(printf '%s' "$before" | json '[j for j in d if j["feed"].endswith("jobs.json")]')"
    check_eq "$1: the favourite is still there" \
        "$(jt list --favourites --format json | json '[j["id"] for j in d]')" "[$fav]"
}

hostile xxe.xml ok
check_not_contains "xxe: no file contents were read into the cache" \
    "$(jt list --format json; for i in $(jt list --format json | json '" ".join(str(j["id"]) for j in d)'); do jt show "$i"; done)" "root:"
hostile billion-laughs.xml ""
hostile truncated.rss ""
hostile truncated.json ""
hostile empty.json "empty document"
hostile not-a-feed.html "HTML page"
hostile deep-nesting.json ok
hostile nul-and-types.json ok
hostile invalid-utf8.xml ok
check_contains "invalid UTF-8: the second item is found by its place" \
    "$(jt list --location zurich --format json | json '[j["feed"].rsplit("/", 1)[1] for j in d]')" \
    "'invalid-utf8.xml'"
hostile escape-injection.json ok
hostile escape-injection.rss ok

# Memory stays bounded where a naive parser would explode.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$T/rss" "$JOBTERM" --db "$T/jobterm.db" --config "$T/config" \
        fetch "$BASE/files/billion-laughs.xml" >/dev/null 2>&1
    check "billion laughs: peak memory under 100 MB" test "$(tail -n 1 "$T/rss")" -lt 102400
    /usr/bin/time -f %M -o "$T/rss" "$JOBTERM" --db "$T/jobterm.db" \
        fetch "$BASE/big?mb=300" >/dev/null 2>"$T/err"
    check_contains "a 300 MB body stops at the cap" "$(cat "$T/err")" "larger than 64 MB"
    check "and memory stays under 100 MB" test "$(tail -n 1 "$T/rss")" -lt 102400
fi

# Generated: an 8 MB title, and JSON nested 500 000 deep.
"$PYTHON3" - "$T/www" <<'EOF'
import json, sys
d = sys.argv[1]
items = [{"id": "huge", "title": "T" * (8 << 20), "url": "https://huge.example/1"},
         {"id": "small", "title": "Small one after a huge one", "url": "https://huge.example/2"}]
json.dump({"version": "https://jsonfeed.org/version/1.1", "title": "huge", "items": items},
          open(d + "/huge-field.json", "w"))
open(d + "/very-deep.json", "w").write('{"version":"https://jsonfeed.org/version/1.1","items":'
                                       + "[" * 500000 + "]" * 500000 + "}")
EOF
hostile huge-field.json ok
check_eq "8 MB title: cut with an ellipsis, the next item stored" \
    "$(jt list --keyword small --format json | json 'len(d)'), $(jt list --format json | \
      json '[len(j["title"].encode()) <= 512 and j["title"].endswith("…") for j in d if j["url"] == "https://huge.example/1"]')" \
    "1, [True]"
hostile very-deep.json ok

# ---- what leaves jobterm is clean --------------------------------------------------------------

jt list >"$T/list.txt"
check "list (table): no control, escape or bidi bytes" clean_bytes "$T/list.txt"
jt list --format csv >"$T/list.csv"
check "list (csv): none either" clean_bytes "$T/list.csv"
jt list --format json >"$T/list.json"
check "list (json): none raw" clean_bytes "$T/list.json"
check "list (json): still valid JSON" "$PYTHON3" -m json.tool "$T/list.json"
check_contains "list (json): ESC escaped" "$(cat "$T/list.json")" '\u001b'
check_contains "list (json): C1 CSI escaped" "$(cat "$T/list.json")" '\u009b'
check_contains "list (json): RLO escaped" "$(cat "$T/list.json")" '\u202e'
for id in $(jt list --keyword title --format json | json '" ".join(str(j["id"]) for j in d)'); do
    jt show "$id" >"$T/show.txt"
    check "show $id: clean" clean_bytes "$T/show.txt"
    jt show "$id" --format json >"$T/show.json"
    check "show $id --format json: clean and valid" "$PYTHON3" -m json.tool "$T/show.json"
done
jt feeds list >"$T/feeds.txt"
check "feeds list: clean" clean_bytes "$T/feeds.txt"

# Spreadsheet formulas are defused in CSV.
cat >"$T/www/formula.json" <<'EOF'
{"version":"https://jsonfeed.org/version/1.1","title":"f","items":[
 {"id":"f1","title":"=HYPERLINK(\"https://evil.example\",\"click\")","url":"https://f.example/1",
  "_job":{"company":"+cmd","location":"@SUM(A1)"}}]}
EOF
check "a feed with formulas" jt fetch "$BASE/files/formula.json"
csv=$(jt list --keyword hyperlink --format csv)
check_contains "csv: a leading = is quoted away" "$csv" "\"'=HYPERLINK("
check_contains "csv: a leading + too" "$csv" "\"'+cmd\""
check_contains "csv: a leading @ too" "$csv" "\"'@SUM(A1)\""

t_done
