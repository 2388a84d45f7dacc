#!/bin/sh
# Sudden death: jobterm is killed with SIGKILL at random moments while it stores a large feed
# and while favourites are being starred, round after round. After each kill the database
# must open, pass integrity_check, hold the feed either wholly as before or wholly as after
# the refresh (never a mix), and have every favourite that was saved before the kill.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$PYTHON3" ] || t_skip "python3 not found"
ROUNDS=${CRASH_ROUNDS:-40}
N=3000

# Two versions of one feed: the same postings, titled "#123" in one and "No.123" in the other.
"$PYTHON3" "$SRCDIR/tests/bench/genfeed.py" rss "$N" 7 >"$T/a.rss"
sed 's/ #\([0-9]\)/ No.\1/g' "$T/a.rss" >"$T/b.rss"
cp "$T/a.rss" "$T/feed.rss"
db="$T/crash.db"
run() { "$JOBTERM" --db "$db" --config "$T/config" "$@"; }
check "feeds add" run feeds add "file://$T/feed.rss"
check "a first, complete refresh" run fetch
: >"$T/saved"

# verdict: integrity, one version only, no favourite lost; prints what is wrong
verdict() {
    "$PYTHON3" - "$db" "file://$T/feed.rss" "$T/saved" "$N" <<'EOF'
import sqlite3, sys
db, url, saved, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
c = sqlite3.connect(db)
problems = []
if c.execute("pragma integrity_check").fetchone()[0] != "ok":
    problems.append("integrity_check failed")
titles = [t for (t,) in c.execute("select title from postings where feed_url = ?", (url,))]
old = sum(1 for t in titles if " #" in t)
new = sum(1 for t in titles if " No." in t)
if len(titles) != n or (old and new):
    problems.append("feed holds %d postings, %d old and %d new" % (len(titles), old, new))
favs = {i for (i,) in c.execute("select job_id from user_state where favourite")}
lost = {int(x) for x in open(saved).read().split()} - favs
if lost:
    problems.append("lost favourites: %s" % sorted(lost))
print("; ".join(problems))
sys.exit(1 if problems else 0)
EOF
}

ids=$("$PYTHON3" -c "import sqlite3; print(' '.join(str(i) for (i,) in \
sqlite3.connect('$db').execute('select id from postings order by random() limit 400')))")
set -- $ids
round=1
failures=0
while [ "$round" -le "$ROUNDS" ]; do
    if [ $((round % 2)) -eq 0 ]; then cp "$T/a.rss" "$T/feed.rss"; else cp "$T/b.rss" "$T/feed.rss"; fi
    run fetch >/dev/null 2>&1 &
    fetcher=$!
    # Star favourites one after another, recording each the moment jobterm says it is saved.
    (
        for id in "$@"; do
            run fav add "$id" >/dev/null 2>&1 && echo "$id" >>"$T/saved"
        done
    ) &
    starrer=$!
    sleep "$(awk -v r="$round" 'BEGIN { srand(r); printf "%.2f", 0.05 + rand() * 0.7 }')"
    kill -9 "$starrer" 2>/dev/null
    pkill -9 -f -- "--db $db" 2>/dev/null
    wait "$fetcher" "$starrer" 2>/dev/null
    if ! why=$(verdict); then
        failures=$((failures + 1))
        diag "round $round: $why"
    fi
    shift $(($# > 10 ? 10 : 0))
    round=$((round + 1))
done
check_eq "$ROUNDS kills: database sound, feed never mixed, no favourite lost" "$failures" 0
check "favourites were being saved during the kills" test -s "$T/saved"
check "and jobterm still works afterwards" run fetch
check "a last look" verdict

# Two processes on one database at once: a refresh while another process stars postings.
run fetch >/dev/null 2>&1 &
fetcher=$!
for id in $ids; do
    run fav add "$id" >/dev/null 2>&1 || echo "$id" >>"$T/busy"
done
wait "$fetcher"
check_eq "the refresh finished" "$?" 0
check "starring during a refresh never failed" test ! -s "$T/busy"

t_done
