#!/bin/sh
# The headless commands, end to end, on real database files: help and usage errors, the
# bundled samples on a first run (offline), list/show/fav/feeds and their output formats.
. "$SRCDIR/tests/lib.sh"
t_setup
: >"$T/config"

json() { # json EXPR < JSON: print a python expression (a tuple when it has commas) over `d`
    "$PYTHON3" -c "import json,sys; d=json.load(sys.stdin); r=($1); print(r)"
}
[ -n "$PYTHON3" ] || t_skip "python3 not found"

# ---- help and usage ----------------------------------------------------------------------

out=$("$JOBTERM" --help)
check "--help exits 0" "$JOBTERM" --help
check_contains "--help lists the commands" "$out" "fav add ID | fav rm ID"
check_eq "--version" "$("$JOBTERM" --version)" "jobterm 0.1.0"
"$JOBTERM" frobnicate 2>"$T/err"
check_eq "an unknown command exits 2" "$?" 2
check_contains "and says so" "$(cat "$T/err")" "unknown command or option frobnicate"
jt list --limit many 2>"$T/err"
check_eq "a bad --limit exits 2" "$?" 2
jt list --sort sideways 2>"$T/err"
check_eq "a bad --sort exits 2" "$?" 2
jt show 2>/dev/null
check_eq "show without an id exits 2" "$?" 2
jt list --keyword 2>"$T/err"
check_eq "an option without its value exits 2" "$?" 2
"$JOBTERM" --db "$T/x.db" --config "$T/missing-config" list 2>"$T/err"
check_eq "a --config that does not exist is an error" "$?" 1
check_contains "naming the file" "$(cat "$T/err")" "missing-config"
"$JOBTERM" --db "$T/no-such-dir/x.db" list 2>"$T/err"
check_eq "a --db in a directory that does not exist is an error" "$?" 1
check_contains "naming the directory" "$(cat "$T/err")" "$T/no-such-dir: no such directory"
check "which is not created" test ! -e "$T/no-such-dir"

# ---- first run: the bundled samples, offline ---------------------------------------------

# No --config and an empty config directory: a first run.
first() { http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
    "$JOBTERM" --db "$T/first.db" "$@"; }
out=$(first list --keyword python --location charlotte --format json)
check_eq "first run finds the seed posting offline" \
    "$(printf '%s' "$out" | json '[j["title"] for j in d]')" \
    "['Python Server-Side Backend Developer']"
check_eq "with its company and location" \
    "$(printf '%s' "$out" | json 'd[0]["company"], d[0]["location"], d[0]["remote"]')" \
    "('Infosys', 'Charlotte, NC', False)"
check_eq "the bundled feeds are configured" "$(first feeds list --format json | json 'len(d)')" 3
check_eq "every sample feed was read" \
    "$(first feeds list --format json | json 'all(f["postings"] > 0 and f["last_error"] is None for f in d)')" \
    True
seed=$(printf '%s' "$out" | json 'd[0]["id"]')
out=$(first show "$seed")
check_contains "show prints the description" "$out" "commuting distance of Charlotte, NC"
check_contains "show prints the company" "$out" "Company:  Infosys"
check_contains "show prints the date" "$out" "Posted:   2026-04-01 09:00 UTC"
check_eq "show --format json has the description" \
    "$(first show "$seed" --format json | json '"Django / Flask" in d["description"]')" True

# ---- list: formats and fields -------------------------------------------------------------

export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
cp "$SRCDIR/tests/fixtures/e2e/jobs.json" "$T/jobs.json"
check "feeds add a local file" jt feeds add "$T/jobs.json" --name "Local jobs"
check_eq "it is stored as a file URL" "$(jt feeds list --format json | json 'd[0]["url"]')" \
    "file://$T/jobs.json"
check_eq "adding it again says it is there" "$(jt feeds add "$T/jobs.json")" \
    "already there: file://$T/jobs.json"
check_eq "adding it with a name updates it" "$(jt feeds add "$T/jobs.json" --name "Local jobs")" \
    "updated file://$T/jobs.json"
check "fetch reads it" jt fetch
all=$(jt list --format json)
check_eq "three postings" "$(printf '%s' "$all" | json 'len(d)')" 3
check_eq "newest first" "$(printf '%s' "$all" | json '[j["title"] for j in d]')" \
    "['Support Engineer', 'Platform Engineer', 'Backend Engineer (Python)']"
check_eq "json fields" "$(printf '%s' "$all" | json 'sorted(d[2].keys())')" \
    "['apply_url', 'company', 'employment_type', 'favourite', 'feed', 'feed_name', 'first_seen', 'hidden', 'hybrid', 'id', 'location', 'posted', 'read', 'remote', 'salary_currency', 'salary_max', 'salary_min', 'salary_period', 'sources', 'status', 'tags', 'title', 'url']"
check_eq "json values" \
    "$(printf '%s' "$all" | json 'd[2]["salary_min"], d[2]["salary_max"], d[2]["salary_currency"], d[2]["posted"], d[2]["feed_name"], d[2]["favourite"]')" \
    "(120000, 150000, 'USD', '2026-11-20T10:00:00Z', 'Local jobs', False)"
check_eq "unknown values are null" \
    "$(printf '%s' "$all" | json 'd[0]["salary_min"], d[0]["salary_currency"], d[0]["remote"]')" \
    "(None, None, True)"
check_eq "--limit" "$(jt list --limit 2 --format json | json 'len(d)')" 2
check_eq "--limit 0" "$(jt list --limit 0 --format json)" "[]"
check_eq "--remote" "$(jt list --remote --format json | json '[j["title"] for j in d]')" \
    "['Support Engineer']"
check_eq "--location zurich finds Zürich" \
    "$(jt list --location zurich --format json | json '[j["location"] for j in d]')" \
    "['Zürich, Switzerland']"
check_eq "--min-salary counts hourly pay by the year" \
    "$(jt list --min-salary 140000 --format json | json '[j["title"] for j in d]')" \
    "['Platform Engineer', 'Backend Engineer (Python)']"
check_eq "--sort salary" "$(jt list --sort salary --format json | json '[j["title"] for j in d]')" \
    "['Platform Engineer', 'Backend Engineer (Python)', 'Support Engineer']"
check_eq "--keyword with prefix and description words" \
    "$(jt list --keyword 'postgre djang' --format json | json '[j["title"] for j in d]')" \
    "['Backend Engineer (Python)']"
for q in 'c++' '"' 'AND' 'OR NOT' '*' 'node.js' 'NEAR(' "'; DROP TABLE postings;--"; do
    check "--keyword $q is not an error" jt list --keyword "$q" --format json
done
check_eq "the table survived" "$(jt list --format json | json 'len(d)')" 3
csv=$(jt list --format csv)
check_contains "csv header" "$csv" "id,title,company,location,remote,salary_min"
check_eq "csv has a row per posting" "$(printf '%s\n' "$csv" | wc -l | tr -d ' ')" 4
table=$(jt list)
check_contains "table header" "$table" "TITLE"
check_contains "table salary" "$table" "\$120k–150k"
check_contains "table hourly salary" "$table" "CHF 60–80/h"

# ---- ids, favourites ----------------------------------------------------------------------

ids=$(printf '%s' "$all" | json '[j["id"] for j in d]')
check_eq "a second fetch at once finds nothing new" "$(jt fetch)" "file://$T/jobs.json: 3 postings, 0 new"
check_eq "ids are stable across refreshes" "$(jt list --format json | json '[j["id"] for j in d]')" "$ids"
id=$(printf '%s' "$all" | json 'd[2]["id"]')
check "fav add" jt fav add "$id"
check_eq "list --favourites" "$(jt list --favourites --format json | json '[j["id"] for j in d]')" "[$id]"
jt fav add 999999 2>"$T/err"
check_eq "fav add of an unknown id exits 1" "$?" 1
check_contains "and names it" "$(cat "$T/err")" "no posting 999999"
jt fav add abc 2>/dev/null
check_eq "fav add of a non-number exits 2" "$?" 2
check "feeds rm takes the path feeds add took" jt feeds rm "$T/jobs.json"
check_eq "the feed's other postings are gone" "$(jt list --format json | json 'len(d)')" 1
check_eq "the favourite stays, in full, offline" \
    "$(jt show "$id" --format json | json 'd["title"], d["favourite"], "PostgreSQL" in d["description"]')" \
    "('Backend Engineer (Python)', True, True)"
jt feeds rm "file://$T/jobs.json" 2>"$T/err"
check_eq "removing it twice exits 1" "$?" 1
check "fav rm" jt fav rm "$id"
check_eq "unstarred" "$(jt list --favourites --format json)" "[]"

# ---- databases jobterm must not touch ------------------------------------------------------

"$PYTHON3" -c "import sqlite3; c=sqlite3.connect('$T/newer.db'); c.execute('create table x(y)'); \
c.execute('pragma application_id = 1248813652'); c.execute('pragma user_version = 999'); c.commit()"
sum=$(cksum <"$T/newer.db")
"$JOBTERM" --db "$T/newer.db" --config "$T/config" list 2>"$T/err"
check_eq "a database from a newer jobterm is refused" "$?" 1
check_contains "with a message" "$(cat "$T/err")" "newer jobterm"
check_eq "and left unchanged" "$(cksum <"$T/newer.db")" "$sum"

t_done
