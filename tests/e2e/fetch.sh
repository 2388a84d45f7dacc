#!/bin/sh
# The fetcher against a real HTTP server on 127.0.0.1: conditional GET, compression,
# redirects, errors, stalls, cuts and oversized bodies. Each failure names the feed and the
# reason, exits 1, leaves that feed's postings exactly as they were, and does not stop the
# other feeds of the same refresh.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$PYTHON3" ] || t_skip "python3 not found"
mkdir -p "$T/www"
cp "$SRCDIR"/tests/fixtures/e2e/* "$T/www/"
server_start "$T/www"
cat >"$T/config" <<EOF
set connect-timeout = 3
set timeout = 20
set stall-timeout = 2
set max-download-mb = 2
set max-redirects = 5
EOF

json() { "$PYTHON3" -c "import json,sys; d=json.load(sys.stdin); r=($1); print(r)"; }
# snapshot: every posting of the cache, all fields, to compare before and after a failure
snapshot() { jt list --hidden --format json; }

# ---- a good feed, then 304 -----------------------------------------------------------------

good="$BASE/files/jobs.json"
check "feeds add" jt feeds add "$good"
jt fetch >"$T/out" 2>"$T/err"
check_eq "fetch exits 0" "$?" 0
check_eq "one line per feed" "$(cat "$T/out")" "$good: 3 postings, 3 new"
check_contains "the server saw jobterm's User-Agent" "$(server_log)" "User-Agent: jobterm/0.1.0"
jt fetch >"$T/out" 2>"$T/err"
check_eq "an unchanged feed is not modified (304)" "$(cat "$T/out")" "$good: not modified"
check_contains "thanks to If-None-Match" "$(server_log | tail -n 1)" "If-None-Match:"
check_contains "and the server answered 304" "$(server_log | tail -n 1)" " 304"

# ---- compression and redirects -------------------------------------------------------------

check "a gzip body" jt fetch "$BASE/files/jobs.rss?gzip=1&noetag=1"
check_contains "was sent compressed" "$(server_log | tail -n 1)" "gzip: yes"
check_eq "and stored" "$(jt list --keyword rust --format json | json 'd[0]["company"]')" "Ferrous Inc"
check "two redirects are followed" jt fetch "$BASE/redirect/2?file=jobs.rss"
before=$(snapshot)

fails() { # fails DESC URL EXPECTED-REASON: the fetch fails, names the URL and the reason
    jt fetch "$2" >"$T/out" 2>"$T/err"
    check_eq "$1: exit 1" "$?" 1
    check_contains "$1: names the feed and the reason" "$(cat "$T/err")" "$2: $3"
}
fails "404" "$BASE/status/404" "HTTP 404"
fails "500" "$BASE/status/500" "HTTP 500"
fails "429 with Retry-After" "$BASE/status/429?retry_after=120" "HTTP 429"
check_contains "429: says when to retry" "$(cat "$T/err")" "retry after 120 s"
fails "503 with Retry-After" "$BASE/status/503?retry_after=30" "HTTP 503"
fails "a redirect loop" "$BASE/redirect-loop" "too many redirects"
fails "a redirect to file:" "$BASE/redirect-scheme?to=file:///etc/passwd" "refused"
fails "a redirect to ftp:" "$BASE/redirect-scheme?to=ftp://127.0.0.1/x" "refused"
fails "a cut connection" "$BASE/cut/jobs.json?after=100" ""
fails "a cut chunked body" "$BASE/cut/jobs.json?after=100&chunked=1" ""
fails "a body over the size cap" "$BASE/big?mb=5" "larger than 2 MB"
fails "a decompression bomb" "$BASE/bomb?mb=50" "larger than 2 MB"
fails "gzip that does not decompress" "$BASE/badgzip" ""
fails "a stalled body" "$BASE/slow/jobs.json?delay=5" "timed out"
fails "a server that never answers" "$BASE/hang" "timed out"
fails "a truncated document" "$BASE/files/truncated.rss" ""
fails "an HTML page" "$BASE/files/login.html" "HTML page without JobPosting data"
fails "connection refused" "http://127.0.0.1:9/feed.json" ""
fails "an error reason with escapes" "$BASE/reason?code=500" "HTTP 500"
check_not_contains "no escape byte reaches stderr" "$(od -c "$T/err")" "033"
check_eq "none of it changed the cache" "$(snapshot)" "$before"
check "the database is sound" "$PYTHON3" -c "import sqlite3,sys; \
sys.exit(sqlite3.connect('$T/jobterm.db').execute('pragma integrity_check').fetchone()[0] != 'ok')"

# ---- a malformed refresh of a known feed changes nothing ------------------------------------

id=$(jt list --keyword support --format json | json 'd[0]["id"]')
check "star one" jt fav add "$id"
before=$(snapshot)
cp "$T/www/truncated.rss" "$T/www/jobs.json"
jt fetch >"$T/out" 2>"$T/err"
check_eq "a broken update of the feed fails" "$?" 1
check_eq "and its postings are unchanged" "$(snapshot)" "$before"
check_eq "the feed records the error" \
    "$(jt feeds list --format json | json 'd[0]["last_error"] is not None')" True

# ---- one refresh, good and bad feeds together ------------------------------------------------

cp "$SRCDIR/tests/fixtures/e2e/jobs.json" "$T/www/jobs.json"
cp "$T/www/jobs.rss" "$T/www/more.rss"
check "add a second good feed" jt feeds add "$BASE/files/more.rss"
check "add a failing feed" jt feeds add "$BASE/status/500"
check "add a stalling feed" jt feeds add "$BASE/slow/jobs.json?delay=5"
jt fetch >"$T/out" 2>"$T/err"
check_eq "a refresh with failures exits 1" "$?" 1
check_contains "the good feed is stored" "$(cat "$T/out")" "$BASE/files/more.rss: 2 postings"
check_contains "the 500 is reported" "$(cat "$T/err")" "$BASE/status/500: HTTP 500"
check_contains "the stall is reported" "$(cat "$T/err")" "delay=5: timed out"
check_eq "the failures are recorded per feed" \
    "$(jt feeds list --format json | json 'sum(1 for f in d if f["last_error"])')" 2

# ---- parallel fetching stays within the per-host limit --------------------------------------

for i in 1 2 3 4 5 6; do cp "$T/www/jobs.rss" "$T/www/c$i.rss"; done
"$PYTHON3" -c "import urllib.request; urllib.request.urlopen('$BASE/stats/reset').read()"
printf 'set max-per-host = 2\n' >>"$T/config"
check "six feeds from one host" jt fetch "$BASE/count/c1.rss?delay=0.5" \
    "$BASE/count/c2.rss?delay=0.5" "$BASE/count/c3.rss?delay=0.5" \
    "$BASE/count/c4.rss?delay=0.5" "$BASE/count/c5.rss?delay=0.5" "$BASE/count/c6.rss?delay=0.5"
stats=$("$PYTHON3" -c "import urllib.request; print(urllib.request.urlopen('$BASE/stats').read().decode())")
check_eq "never more than two at once" "$(printf '%s' "$stats" | json 'd["max_inflight"]')" 2

# ---- pagination: every page in one refresh, a broken page changes nothing --------------------

page() { # page N NEXT-URL: a JSON Feed page with two postings
    printf '{"version":"https://jsonfeed.org/version/1.1","title":"Paged","next_url":"%s","items":[' "$2"
    printf '{"id":"p%s-a","title":"Paged job %s A","url":"https://paged.example/%s/a"},' "$1" "$1" "$1"
    printf '{"id":"p%s-b","title":"Paged job %s B","url":"https://paged.example/%s/b"}]}\n' "$1" "$1" "$1"
}
page 1 "$BASE/files/page2.json" >"$T/www/page1.json"
page 2 "page3.json" >"$T/www/page2.json"
page 3 "" >"$T/www/page3.json"
jt fetch "$BASE/files/page1.json" >"$T/out" 2>"$T/err"
check_eq "three pages are followed (absolute and relative next_url)" "$(cat "$T/out")" \
    "$BASE/files/page1.json: 6 postings, 6 new from 3 pages"
check_eq "and stored under the feed" \
    "$(jt list --keyword paged --format json | json 'sorted(set(j["feed"] for j in d)), len(d)')" \
    "(['$BASE/files/page1.json'], 6)"
page 1 "$BASE/files/loop.json" >"$T/www/loop.json"
jt fetch "$BASE/files/loop.json" >"$T/out" 2>"$T/err"
check_eq "a page that points at itself is read once" "$(cat "$T/out")" \
    "$BASE/files/loop.json: 2 postings, 2 new"
before=$(snapshot)
page 1 "$BASE/files/page2.json" | sed 's/Paged job 1 A/Renamed job 1 A/' >"$T/www/page1.json"
cp "$T/www/truncated.rss" "$T/www/page2.json"
jt fetch "$BASE/files/page1.json" >"$T/out" 2>"$T/err"
check_eq "a broken second page fails the feed" "$?" 1
check_eq "and not even the first page is stored" "$(snapshot)" "$before"

# ---- Retry-After is honoured ------------------------------------------------------------------

check "add a feed that answers 429" jt feeds add "$BASE/status/429?retry_after=3600"
jt fetch >"$T/out" 2>"$T/err"
check_contains "its first refresh fails with 429" "$(cat "$T/err")" "HTTP 429"
n=$(server_log | grep -c 'status/429')
jt fetch >"$T/out" 2>"$T/err"
check_contains "the next refresh leaves it alone" "$(cat "$T/out")" \
    "$BASE/status/429?retry_after=3600: not refreshed before"
check_eq "without asking the server" "$(server_log | grep -c 'status/429')" "$n"
check "jobterm feeds rm" jt feeds rm "$BASE/status/429?retry_after=3600"

# ---- job boards over HTTP: forced, sniffed, and a page with JSON-LD ---------------------------

cp "$SRCDIR/tests/fixtures/greenhouse/greenhouse-vercel-content-true.json" "$T/www/gh.json"
cp "$SRCDIR/tests/fixtures/hackernews/thread-handmade.json" "$T/www/hn-thread"
cp "$SRCDIR/tests/fixtures/jsonld/icims-gdms-jobposting-page.html" "$T/www/job-page.html"
check "a Greenhouse board with --format" jt feeds add "$BASE/files/gh.json" --format greenhouse
check "is fetched" jt fetch "$BASE/files/gh.json"
check_eq "and read as Greenhouse" \
    "$(jt list --keyword 'account executive' --format json | json 'd[0]["location"], d[0]["feed"].endswith("gh.json")')" \
    "('Hybrid - London; London, England, United Kingdom', True)"
check_eq "a Hacker News thread is recognised by its content" \
    "$(jt fetch "$BASE/files/hn-thread" >/dev/null 2>&1; jt list --company 'acme robotics' --format json | json 'd[0]["title"], d[0]["location"]')" \
    "('Senior Backend Engineer', 'Berlin, Germany')"
check "a job page with schema.org data" jt fetch "$BASE/files/job-page.html"
check_contains "is read from its JSON-LD" "$(jt list --keyword 'field support' --format json)" \
    "Sr. Advanced Field Support Specialist"

# ---- URLs fetch refuses to try ----------------------------------------------------------------

jt fetch "ftp://127.0.0.1/feed" 2>/dev/null
check_eq "an ftp URL is a usage error" "$?" 2
jt fetch "javascript:alert(1)" 2>/dev/null
check_eq "a javascript: URL is a usage error" "$?" 2

t_done
