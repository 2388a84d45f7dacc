#!/bin/sh
# Sudden death during a schema migration: a database of schema 4 (its full-text index keyed by
# posting id) is opened, which rebuilds the index keyed by date (migration 5), and jobterm is
# killed with SIGKILL at moments spread over that rebuild. After each kill the database must
# open, pass integrity_check, be at schema 4 or 5 (never between), keep every favourite, and
# once opened to the end find what the index found before.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$PYTHON3" ] || t_skip "python3 not found"
ROUNDS=${MIGRATE_ROUNDS:-12}
N=4000

"$PYTHON3" "$SRCDIR/tests/bench/genfeed.py" rss "$N" 11 >"$T/feed.rss"
db="$T/jobterm.db"
run() { "$JOBTERM" --db "$db" --config "$T/config" "$@"; }
check "feeds add" run feeds add "file://$T/feed.rss"
check "a first refresh" run fetch
for id in 3 50 700 1234 3999; do run fav add "$id" || diag "fav add $id failed"; done
want=$(run list --keyword Charlotte --format csv --limit 100000 | sed 1d | cut -d, -f1 | sort |
	tr '\n' ' ')
check "the keyword finds postings" [ -n "$want" ]

# Back to schema 4: the index keyed by id, as migration 4 left it (its triggers' bodies do not
# matter here: migration 5 drops them).
"$PYTHON3" - "$db" <<'PY' || { diag "could not make a schema 4 database"; exit 99; }
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
DROP TRIGGER postings_ad; DROP TRIGGER postings_au; DROP TABLE postings_fts;
DROP VIEW postings_fts_rows;
CREATE VIRTUAL TABLE postings_fts USING fts5 (title, company, location, tags,
  description_text, content = 'postings', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO postings_fts (postings_fts) VALUES ('rebuild');
CREATE TRIGGER postings_ad AFTER DELETE ON postings BEGIN SELECT 1; END;
CREATE TRIGGER postings_au AFTER UPDATE ON postings BEGIN SELECT 1; END;
PRAGMA user_version = 4;
""")
c.commit()
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
c.close()
PY
cp "$db" "$T/v4.db"

# verdict: integrity, schema 4 or 5, the five favourites; prints what is wrong
verdict() {
	"$PYTHON3" - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
problems = []
if c.execute("pragma integrity_check").fetchone()[0] != "ok":
    problems.append("integrity_check failed")
v = c.execute("pragma user_version").fetchone()[0]
kinds = {n for (n,) in c.execute("select name from sqlite_master where name = 'postings_fts_rows'")}
if v not in (4, 5) or (v == 5) != bool(kinds):
    problems.append("schema %d, view %s" % (v, "present" if kinds else "absent"))
favs = sorted(i for (i,) in c.execute("select job_id from user_state where favourite"))
if favs != [3, 50, 700, 1234, 3999]:
    problems.append("favourites %s" % favs)
print("; ".join(problems))
sys.exit(1 if problems else 0)
PY
}

# Kill after 0, 10, 20, ... ms: opening and migrating 4 000 postings takes about 100.
round=1
while [ "$round" -le "$ROUNDS" ]; do
	cp "$T/v4.db" "$db"
	rm -f "$db-wal" "$db-shm"
	run list --limit 1 >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v r="$round" 'BEGIN { printf "%.3f", (r - 1) * 0.01 }')"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	check "round $round: after the kill the database is whole" verdict
	got=$(run list --keyword Charlotte --format csv --limit 100000 | sed 1d | cut -d, -f1 |
		sort | tr '\n' ' ')
	check_eq "round $round: opened again, migrated, the keyword finds the same postings" \
		"$got" "$want"
	round=$((round + 1))
done
check_eq "the migrated index agrees with the postings" "$("$PYTHON3" -c "
import sqlite3; c = sqlite3.connect('$db')
c.execute(\"insert into postings_fts (postings_fts, rank) values ('integrity-check', 1)\")
print(c.execute('pragma user_version').fetchone()[0])")" 5
t_done
