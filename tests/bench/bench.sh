#!/usr/bin/env bash
# jobterm's benchmark (issue 6): jobterm and newsboat side by side on the same job feeds.
#
# Builds the feeds with genfeed.py, serves them on 127.0.0.1 with tests/server/server.py and
# measures, for each program, a warm-up and then RUNS runs of every figure, printing the
# medians, the ratios and whether each target of the issue is met. newsboat's side is
# skipped when it is not installed; the issue's own newsboat figures are then shown instead.
#
# It reports; it never fails a build. The exit status is 0 unless the benchmark itself could
# not run (2 for a usage error, 1 when a tool it needs is missing or a step broke).
#
# usage: bench.sh [--quick] [--runs N] [--postings N] [--copies N] [--size WxH]
#                 [--no-newsboat] [--no-large] [--keep] [--verbose]
#   --quick        5 000 postings and a 4-copy large cache: under a minute
#   --runs N       timed runs after the warm-up (default 5)
#   --postings N   postings in the feed (default 50 000)
#   --copies N     the large cache holds N copies of the feed, each under its own URL, so
#                  N x postings distinct postings (default 20: 1 000 000)
#   --size WxH     terminal size of the tmux pane (default 80x24)
#   --no-newsboat  measure jobterm only
#   --no-large     skip the large cache
#   --keep         keep the work directory (feeds, databases, logs)
#   --verbose      print every sample, not only the medians
#
# Environment: JOBTERM (the binary; default ./jobterm, else $SRCDIR/jobterm), SRCDIR (the
# source tree), NEWSBOAT, PYTHON3, TMUX_BIN, TMPDIR (where the work directory goes).
#
# How each figure is taken:
#   ingest       wall time of `jobterm fetch URL` / `newsboat -x reload` into an empty cache,
#                the download coming over loopback HTTP; peak RSS from /usr/bin/time -v.
#   first paint  from tmux respawning the pane with the program until its list is on screen
#                (jobterm: the status line's count; newsboat: its feed list).
#   filter       from tmux send-keys of the final character of `Charlotte` (keyword, then
#                location) until the prompt shows it: jobterm redraws the prompt only after
#                the list is re-queried, so that text marks the repainted list. Then until
#                the new count is next to it (jobterm counts once no key is waiting).
#                newsboat's search: from Enter until its results list.
#   memory       VmRSS of the running program after the list and the filters, read from
#                /proc; and its peak RSS over the session from /usr/bin/time -v.
#   refresh      key presses (j, k, j, ...) every 50 ms while a refresh of the whole feed
#                runs in the background, each until the detail pane shows the posting it
#                selects.
#   large cache  the first paint and the filters again over COPIES copies of the feed.
# "On screen" is decided by a probe that keeps one tmux control-mode client attached and
# polls capture-pane every millisecond or so. Its own latency is measured too (a key
# echoed by cat) and printed as the probe floor; the figures include it.

set -u

# ---- options ---------------------------------------------------------------------------------

POSTINGS=50000
COPIES=20
RUNS=5
SIZE=80x24
QUICK=0
USE_NEWSBOAT=1
LARGE=1
KEEP=0
VERBOSE=0

usage() {
	sed -n '/^# usage:/,/^#   --verbose/s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--quick) QUICK=1 POSTINGS=5000 COPIES=4 ;;
	--runs) RUNS=${2:-}; shift ;;
	--postings) POSTINGS=${2:-}; shift ;;
	--copies) COPIES=${2:-}; shift ;;
	--size) SIZE=${2:-}; shift ;;
	--no-newsboat) USE_NEWSBOAT=0 ;;
	--no-large) LARGE=0 ;;
	--keep) KEEP=1 ;;
	--verbose) VERBOSE=1 ;;
	-h | --help) usage ;;
	*) echo "bench: unknown option: $1" >&2; usage ;;
	esac
	shift
done
case $RUNS$POSTINGS$COPIES in *[!0-9]* | '') usage ;; esac
case $SIZE in [0-9]*x[0-9]*) ;; *) usage ;; esac
[ "$RUNS" -ge 1 ] && [ "$POSTINGS" -ge 100 ] && [ "$COPIES" -ge 2 ] || usage
COLS=${SIZE%x*}
ROWS=${SIZE#*x}

: "${SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
if [ -z "${JOBTERM:-}" ]; then
	if [ -x ./jobterm ]; then JOBTERM=$PWD/jobterm; else JOBTERM=$SRCDIR/jobterm; fi
fi
: "${PYTHON3:=$(command -v python3 2>/dev/null)}"
: "${TMUX_BIN:=$(command -v tmux 2>/dev/null)}"
: "${NEWSBOAT:=$(command -v newsboat 2>/dev/null)}"
TIME_BIN=/usr/bin/time

die() {
	echo "bench: $*" >&2
	exit 1
}

[ -x "$JOBTERM" ] || die "no jobterm binary at $JOBTERM (run make, or set JOBTERM)"
[ -n "$PYTHON3" ] || die "python3 is needed (the feed generator and the HTTP server)"
[ -n "$TMUX_BIN" ] || die "tmux is needed for the interactive figures"
"$TIME_BIN" -v true >/dev/null 2>&1 || die "GNU time is needed at $TIME_BIN"
if [ "$USE_NEWSBOAT" = 1 ] && [ -z "$NEWSBOAT" ]; then
	echo "bench: newsboat is not installed: measuring jobterm only" >&2
	USE_NEWSBOAT=0
fi
JOBTERM=$(cd "$(dirname "$JOBTERM")" && pwd)/$(basename "$JOBTERM")

# ---- the work directory and cleaning up ------------------------------------------------------

W=$(mktemp -d "${TMPDIR:-/tmp}/jobterm-bench.XXXXXX") || die "cannot make a work directory"
SOCK=
NSOCK=0
SERVER_PID=

cleanup() {
	if [ -n "$SERVER_PID" ]; then
		kill "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID" 2>/dev/null
	fi
	tmux_down
	if [ "$KEEP" = 1 ]; then
		echo "bench: kept the work directory $W" >&2
	else
		rm -rf "$W"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
export HOME=$W/home XDG_CONFIG_HOME=$W/home/.config XDG_DATA_HOME=$W/home/.local/share
export XDG_CACHE_HOME=$W/home/.cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$W/www" "$W/log"
unset TMUX NO_COLOR JOBTERM_LOG

say() {
	printf '%s\n' "$*" >&2
}

# ---- numbers ---------------------------------------------------------------------------------

now_ms() {
	local t=${EPOCHREALTIME/[.,]/}
	echo "$((t / 1000)).$(printf '%03d' $((t % 1000)))"
}

# ms since START (a now_ms value).
since_ms() {
	awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", b - a }'
}

# median SAMPLES...: the middle value (the mean of the two middle ones for an even count).
median() {
	[ $# -gt 0 ] || { echo NA; return; }
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

maximum() {
	[ $# -gt 0 ] || { echo NA; return; }
	printf '%s\n' "$@" | sort -g | tail -n 1
}

# 50000 -> "50 000", as jobterm's status line groups digits.
grouped() {
	echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\| \)/\1 \2\3/' -e 'ta'
}

# A field of a /usr/bin/time -v report.
time_field() {
	sed -n "s/^[[:space:]]*$2: //p" "$1" | head -n 1
}

# samples NAME VALUE...: remember the samples of figure NAME (and show them with --verbose).
declare -A FIG
samples() {
	local name=$1
	shift
	FIG[$name]="$*"
	[ "$VERBOSE" = 1 ] && say "    $name: $*"
	return 0
}

fig() {
	# shellcheck disable=SC2086
	median ${FIG[$1]:-}
}

figmax() {
	# shellcheck disable=SC2086
	maximum ${FIG[$1]:-}
}

# ---- tmux and the screen probe ---------------------------------------------------------------

tm() {
	[ -n "$SOCK" ] || return 1
	TMUX_TMPDIR=$W "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"
}

# The probe: one control-mode client on the private tmux server, started with the server and
# kept for its life (so that no process start falls inside a measurement). For each request
# (a line of fields separated by \x1f: TIMEOUT, TRIGGER, PATTERN...) it sends the trigger
# command, then polls capture-pane until every pattern (a Python regular expression,
# multi-line) is on the screen and none of those written with a leading "!" is, and answers
# the milliseconds since the trigger was sent, or FAIL after TIMEOUT seconds (with the screen
# on stderr).
cat >"$W/probe.py" <<'EOF'
import os, re, subprocess, sys, time

sock, session = sys.argv[1:3]
tm = subprocess.Popen([os.environ["TMUX_BIN"], "-L", sock, "-f", "/dev/null", "-C",
                       "attach-session", "-t", session],
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def block():
    lines, inside = [], False
    while True:
        line = tm.stdout.readline()
        if not line:
            sys.exit("probe: tmux went away")
        line = line.decode("utf-8", "replace").rstrip("\n")
        if line.startswith("%begin"):
            lines, inside = [], True
        elif inside and (line.startswith("%end") or line.startswith("%error")):
            return line.startswith("%end"), lines
        elif inside:
            lines.append(line)


def send(cmd):
    tm.stdin.write(cmd.encode() + b"\n")
    tm.stdin.flush()


def measure(timeout, trigger, pats):
    t0 = time.monotonic()
    if trigger != "-":
        send(trigger)
        ok, out = block()
        if not ok:
            sys.stderr.write("probe: tmux refused %r: %s\n" % (trigger, " ".join(out)))
            return "FAIL"
    while True:
        send("capture-pane -p -t " + session)
        screen = "\n".join(block()[1])
        now = time.monotonic()
        if all(bool(p.search(screen)) != neg for neg, p in pats):
            return "%.2f" % ((now - t0) * 1000)
        if now - t0 > timeout:
            sys.stderr.write("probe: timed out after %g s waiting for %r; the screen:\n%s\n"
                             % (timeout, [p.pattern for _, p in pats], screen))
            return "FAIL"
        time.sleep(0.001)


block()                                      # the attach itself
for request in sys.stdin:
    fields = request.rstrip("\n").split("\x1f")
    pats = [(f.startswith("!"), re.compile(f[1:] if f.startswith("!") else f, re.M))
            for f in fields[2:]]
    print(measure(float(fields[0]), fields[1], pats), flush=True)
tm.stdin.close()
tm.wait()
EOF

PROBE_PID=
PROBE_IN=
PROBE_OUT=

probe_stop() {
	if [ -n "$PROBE_PID" ]; then
		exec {PROBE_IN}>&- {PROBE_OUT}<&-
		wait "$PROBE_PID" 2>/dev/null
		PROBE_PID=
	fi
}

probe_start() {
	probe_stop
	rm -f "$W/probe.in" "$W/probe.out"
	mkfifo "$W/probe.in" "$W/probe.out" || die "cannot make the probe's pipes"
	TMUX_TMPDIR=$W TMUX_BIN=$TMUX_BIN "$PYTHON3" "$W/probe.py" "$SOCK" bench \
		<"$W/probe.in" >"$W/probe.out" &
	PROBE_PID=$!
	exec {PROBE_IN}>"$W/probe.in" {PROBE_OUT}<"$W/probe.out"
}

# probe TIMEOUT TRIGGER PATTERN...: see probe.py; TRIGGER "-" only waits. Sets MS.
MS=
probe() {
	local req=$1 a
	shift
	for a in "$@"; do req+=$'\x1f'$a; done
	printf '%s\n' "$req" >&"$PROBE_IN"
	IFS= read -r MS <&"$PROBE_OUT" || MS=FAIL
	[ "$MS" != FAIL ]
}

tmux_down() {
	probe_stop
	[ -n "$SOCK" ] && tm kill-server 2>/dev/null
	SOCK=
}

# A new tmux server on a socket of its own (a client could reach a dying server of the same
# name), with the probe attached.
tmux_up() {
	tmux_down
	NSOCK=$((NSOCK + 1))
	SOCK=jtbench$$-$NSOCK
	# The pane stays when its program exits (its last screen and time -v report with it),
	# and the window keeps its size whatever client attaches.
	tm new-session -d -s bench -x "$COLS" -y "$ROWS" cat &&
		tm set-option -g remain-on-exit on \; set-option -gw window-size manual ||
		die "cannot start tmux"
	probe_start
}

# A pane running cat on a cleared screen: what a program is started from.
blank_pane() {
	tm respawn-pane -k -t bench 'clear; echo bench-ready; exec cat' >/dev/null &&
		probe 10 - '^bench-ready$'
}

pane_dead() {
	[ "$(tm display-message -p -t bench '#{pane_dead}')" = 1 ]
}

# Wait (up to $1 s) for the pane's program to exit.
wait_dead() {
	local end=$((SECONDS + ${1:-20}))
	until pane_dead; do
		[ "$SECONDS" -le "$end" ] || return 1
		sleep 0.02
	done
}

# The pid of the program the launcher's /usr/bin/time runs in the pane.
pane_program_pid() {
	local pp
	pp=$(tm display-message -p -t bench '#{pane_pid}')
	cat "/proc/$pp/task/$pp/children" 2>/dev/null | awk '{ print $1 }'
}

vmrss_mb() {
	awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null
}

# A launcher the pane runs: a fixed terminal and environment, the program under time -v.
cat >"$W/launch.sh" <<EOF
#!/bin/sh
# launch.sh TIMEFILE PROGRAM ARGS...
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC HOME='$HOME'
export XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_DATA_HOME='$XDG_DATA_HOME'
export XDG_CACHE_HOME='$XDG_CACHE_HOME'
unset TMUX TMUX_PANE NO_COLOR JOBTERM_LOG
tf=\$1
shift
exec $TIME_BIN -v -o "\$tf" "\$@"
EOF

# respawn_cmd TIMEFILE PROGRAM ARGS...: the tmux command that starts it in the pane (every
# argument is a path or option of ours without quotes in it).
respawn_cmd() {
	local cmd="exec sh $W/launch.sh" a
	for a in "$@"; do cmd="$cmd '$a'"; done
	printf 'respawn-pane -k -t bench "%s"' "$cmd"
}

# ---- the machine -----------------------------------------------------------------------------

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
CORES=$(nproc 2>/dev/null || echo '?')
MEM=$(awk '/^MemTotal:/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
JT_VERSION=$("$JOBTERM" --version 2>/dev/null | head -n 1)
NB_VERSION=
[ "$USE_NEWSBOAT" = 1 ] && NB_VERSION=$("$NEWSBOAT" --version 2>/dev/null | head -n 1 |
	sed 's/ - .*//')
LARGE_N=$((POSTINGS * COPIES))
say "bench: $CPU, $CORES cores, $MEM RAM; $JT_VERSION${NB_VERSION:+; $NB_VERSION}"
say "bench: $POSTINGS postings, $RUNS runs after a warm-up, pane ${COLS}x$ROWS, work in $W"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- feeds and the server --------------------------------------------------------------------

t=$(now_ms)
"$PYTHON3" "$SRCDIR/tests/bench/genfeed.py" rss "$POSTINGS" >"$W/www/feed.rss" ||
	die "genfeed.py failed"
FEED_MB=$(awk -v b="$(wc -c <"$W/www/feed.rss")" 'BEGIN { printf "%.0f", b / 1e6 }')
say "bench: generated $POSTINGS postings, a $FEED_MB MB RSS feed, in $(since_ms "$t") ms"
if [ "$LARGE" = 1 ]; then
	# The large cache: the same feed under other names (hard links, no space), so that
	# every copy's postings are distinct postings of a feed of their own.
	for i in $(seq 2 "$COPIES"); do
		ln "$W/www/feed.rss" "$W/www/copy$i.rss" 2>/dev/null ||
			cp "$W/www/feed.rss" "$W/www/copy$i.rss"
	done
fi

"$PYTHON3" "$SRCDIR/tests/server/server.py" --root "$W/www" --port 0 \
	--port-file "$W/server.port" --log "$W/log/server.log" 2>"$W/log/server.err" &
SERVER_PID=$!
for _ in $(seq 200); do
	[ -s "$W/server.port" ] && break
	kill -0 "$SERVER_PID" 2>/dev/null || die "the HTTP server did not start"
	sleep 0.05
done
[ -s "$W/server.port" ] || die "the HTTP server did not start"
BASE=http://127.0.0.1:$(cat "$W/server.port")/files
# noetag: every request is a full download, never a 304.
URL="$BASE/feed.rss?noetag=1"

DL_MB=$((FEED_MB * 2 + 16))
cat >"$W/jobterm.conf" <<EOF
set refresh-on-start = no
set refresh-interval = 0
set prune-days = 0
set max-download-mb = $DL_MB
set timeout = 600
set stall-timeout = 120
EOF

jt() {
	"$JOBTERM" --config "$W/jobterm.conf" "$@"
}

mkdir -p "$W/nb"
cat >"$W/nb/config" <<EOF
reload-threads 1
auto-reload no
refresh-on-startup no
show-read-feeds yes
show-read-articles yes
confirm-exit no
cleanup-on-quit no
download-timeout 600
EOF
echo "$URL" >"$W/nb/urls"

# ---- ingest ----------------------------------------------------------------------------------

# Count the postings newsboat stored (it has no command for it).
nb_count() {
	"$PYTHON3" -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from rss_item").fetchone()[0])' "$1"
}

say "bench: ingest: jobterm fetch (empty cache each run)"
walls=() rss=()
for r in $(seq 0 "$RUNS"); do
	db=$W/jt-ingest.db
	rm -f "$db" "$db-wal" "$db-shm"
	jt --db "$db" feeds add "$URL" >/dev/null || die "jobterm feeds add failed"
	t=$(now_ms)
	"$TIME_BIN" -v -o "$W/log/jt-ingest.time" "$JOBTERM" --config "$W/jobterm.conf" \
		--db "$db" fetch >"$W/log/jt-ingest.out" 2>&1
	st=$?
	w=$(since_ms "$t")
	grep -q ": $POSTINGS postings, $POSTINGS new" "$W/log/jt-ingest.out" || {
		cat "$W/log/jt-ingest.out" >&2
		die "jobterm fetch did not store $POSTINGS postings (exit $st)"
	}
	m=$(awk '{ printf "%.1f", $1 / 1024 }' <<<"$(time_field "$W/log/jt-ingest.time" \
		'Maximum resident set size (kbytes)')")
	[ "$VERBOSE" = 1 ] && say "    run $r: $w ms, $m MB"
	[ "$r" -gt 0 ] && walls+=("$w") && rss+=("$m")
done
samples jt_ingest "${walls[@]}"
samples jt_ingest_rss "${rss[@]}"
JT_DB=$W/jt-small.db
mv "$db" "$JT_DB"
[ -f "$db-wal" ] && mv "$db-wal" "$JT_DB-wal"
rm -f "$db-shm"
du_jt=$(du -m "$JT_DB" | awk '{ print $1 }')

if [ "$USE_NEWSBOAT" = 1 ]; then
	say "bench: ingest: newsboat -x reload (empty cache each run)"
	walls=() rss=()
	for r in $(seq 0 "$RUNS"); do
		cache=$W/nb/cache.db
		rm -f "$cache" "$cache.lock"
		t=$(now_ms)
		"$TIME_BIN" -v -o "$W/log/nb-ingest.time" "$NEWSBOAT" -u "$W/nb/urls" \
			-C "$W/nb/config" -c "$cache" -x reload >"$W/log/nb-ingest.out" 2>&1
		st=$?
		w=$(since_ms "$t")
		n=$(nb_count "$cache" 2>/dev/null)
		[ "$st" = 0 ] && [ "$n" = "$POSTINGS" ] || {
			cat "$W/log/nb-ingest.out" >&2
			die "newsboat reload stored ${n:-no} postings (exit $st)"
		}
		m=$(awk '{ printf "%.1f", $1 / 1024 }' <<<"$(time_field "$W/log/nb-ingest.time" \
			'Maximum resident set size (kbytes)')")
		[ "$VERBOSE" = 1 ] && say "    run $r: $w ms, $m MB"
		[ "$r" -gt 0 ] && walls+=("$w") && rss+=("$m")
	done
	samples nb_ingest "${walls[@]}"
	samples nb_ingest_rss "${rss[@]}"
	NB_CACHE=$W/nb/cache.db
fi

# ---- expected screens ------------------------------------------------------------------------

# How many postings a filter matches, from the headless list (CSV rows, less the header).
jt_matches() {
	local db=$1
	shift
	jt --db "$db" list "$@" --format csv | awk 'END { print NR - 1 }'
}

# The URLs of the first N postings in the list's order (the detail pane shows them).
jt_urls() {
	jt --db "$1" list --limit "$2" --format json | "$PYTHON3" -c 'import json, sys
for j in json.load(sys.stdin): print(j.get("url") or "")'
}

# ---- jobterm in tmux: first paint, keyword and location filters, memory ----------------------

# twice SESSION ARGS...: run a tmux session, and once more on a fresh tmux server when it
# fails (a tmux server has been seen to crash under this load; the figures are unaffected).
twice() {
	"$@" && return 0
	say "bench: $1 failed; once more on a fresh tmux server"
	"$@"
}

# jt_session DB TOTAL TAG: one warm-up and RUNS sessions; samples TAG_paint, TAG_kw, TAG_loc
# (the list repainted), TAG_kwc, TAG_locc (the count shown), TAG_rss (VmRSS after the
# filters) and TAG_peak (peak RSS of the session).
jt_session() {
	local db=$1 total=$2 tag=$3 word=Charlotte
	local part=${word%?} last=${word: -1}
	local n_kw n_loc tot r pid t
	local paint=() kw=() loc=() kwc=() locc=() rss=() peak=()

	n_kw=$(grouped "$(jt_matches "$db" --keyword "$word")")
	n_loc=$(grouped "$(jt_matches "$db" --location "$word")")
	tot=$(grouped "$total")
	tmux_up
	for r in $(seq 0 "$RUNS"); do
		blank_pane || return 1
		probe 60 "$(respawn_cmd "$W/log/jt-ui.time" "$JOBTERM" --db "$db" \
			--config "$W/jobterm.conf")" "^ $tot postings" || return 1
		[ "$r" -gt 0 ] && paint+=("$MS")
		# Keyword: all but the last character, wait for its screen, then time the last.
		probe 10 "send-keys -t bench /" "^/ " || return 1
		probe 30 "send-keys -t bench -l $part" "^/$part +[0-9 ]+ of $tot\$" || return 1
		probe 30 "send-keys -t bench -l $last" "^/$word( |\$)" || return 1
		[ "$r" -gt 0 ] && kw+=("$MS")
		t=$MS
		probe 30 - "^/$word +$n_kw of $tot\$" || return 1
		[ "$r" -gt 0 ] && kwc+=("$(awk -v a="$t" -v b="$MS" 'BEGIN { printf "%.2f", a + b }')")
		probe 10 "send-keys -t bench Escape" "^ $tot postings" || return 1
		# Location, the same way.
		probe 10 "send-keys -t bench l" "^location: " || return 1
		probe 30 "send-keys -t bench -l $part" "^location: $part +[0-9 ]+ of $tot\$" ||
			return 1
		probe 30 "send-keys -t bench -l $last" "^location: $word( |\$)" || return 1
		[ "$r" -gt 0 ] && loc+=("$MS")
		t=$MS
		probe 30 - "^location: $word +$n_loc of $tot\$" || return 1
		[ "$r" -gt 0 ] && locc+=("$(awk -v a="$t" -v b="$MS" 'BEGIN { printf "%.2f", a + b }')")
		probe 10 "send-keys -t bench Escape" "^ $tot postings" || return 1
		pid=$(pane_program_pid)
		[ "$r" -gt 0 ] && rss+=("$(vmrss_mb "$pid")")
		tm send-keys -t bench q
		wait_dead 30 || { say "bench: jobterm did not quit"; return 1; }
		[ "$r" -gt 0 ] && peak+=("$(awk '{ printf "%.1f", $1 / 1024 }' \
			<<<"$(time_field "$W/log/jt-ui.time" 'Maximum resident set size (kbytes)')")")
	done
	samples "${tag}_paint" "${paint[@]}"
	samples "${tag}_kw" "${kw[@]}"
	samples "${tag}_loc" "${loc[@]}"
	samples "${tag}_kwc" "${kwc[@]}"
	samples "${tag}_locc" "${locc[@]}"
	samples "${tag}_rss" "${rss[@]}"
	samples "${tag}_peak" "${peak[@]}"
	FIG[${tag}_n_kw]=$n_kw
	FIG[${tag}_n_loc]=$n_loc
}

# The same filters headless: wall time of `jobterm list ... --limit 50` (a process start and
# a store open included, no count and no screen).
jt_headless() {
	local db=$1 tag=$2 r t kw=() loc=()
	for r in $(seq 0 "$RUNS"); do
		t=$(now_ms)
		jt --db "$db" list --keyword Charlotte --limit 50 --format csv >/dev/null
		[ "$r" -gt 0 ] && kw+=("$(since_ms "$t")")
		t=$(now_ms)
		jt --db "$db" list --location Charlotte --limit 50 --format csv >/dev/null
		[ "$r" -gt 0 ] && loc+=("$(since_ms "$t")")
	done
	samples "${tag}_cli_kw" "${kw[@]}"
	samples "${tag}_cli_loc" "${loc[@]}"
}

# The probe's own latency: a key echoed by cat.
say "bench: probe floor (a key echoed by cat)"
tmux_up
floor=()
for r in $(seq 0 "$RUNS"); do
	blank_pane || die "the probe does not work"
	probe 5 "send-keys -t bench -l x$r" "x$r" || die "the probe does not work"
	[ "$r" -gt 0 ] && floor+=("$MS")
done
samples floor "${floor[@]}"

say "bench: jobterm UI, $POSTINGS postings cached"
twice jt_session "$JT_DB" "$POSTINGS" jt || die "the jobterm UI session failed (see above)"
jt_headless "$JT_DB" jt

# ---- newsboat in tmux: first paint, open the list, search, memory ----------------------------

nb_session() {
	local r pid paint=() open=() search=() rss=() peak=()
	tmux_up
	for r in $(seq 0 "$RUNS"); do
		blank_pane || return 1
		rm -f "$NB_CACHE.lock"
		probe 120 "$(respawn_cmd "$W/log/nb-ui.time" "$NEWSBOAT" -u "$W/nb/urls" \
			-C "$W/nb/config" -c "$NB_CACHE")" "Your feeds \\(1 unread" "Bench Jobs" ||
			return 1
		[ "$r" -gt 0 ] && paint+=("$MS")
		probe 120 "send-keys -t bench Enter" \
			"Articles in feed 'Bench Jobs' \\($POSTINGS unread" || return 1
		[ "$r" -gt 0 ] && open+=("$MS")
		pid=$(pane_program_pid)
		[ "$r" -gt 0 ] && rss+=("$(vmrss_mb "$pid")")
		probe 30 "send-keys -t bench q" "Your feeds \\(" || return 1
		probe 10 "send-keys -t bench /" "^Search for: *$" || return 1
		probe 10 "send-keys -t bench -l Charlotte" "Charlotte *\$" || return 1
		probe 120 "send-keys -t bench Enter" "Search results \\(" || return 1
		[ "$r" -gt 0 ] && search+=("$MS")
		FIG[nb_n_search]=$(tm capture-pane -p -t bench |
			sed -n 's/.*Search results (\([0-9]*\).*/\1/p')
		probe 30 "send-keys -t bench q" "Your feeds \\(" || return 1
		tm send-keys -t bench q
		wait_dead 60 || { say "bench: newsboat did not quit"; return 1; }
		[ "$r" -gt 0 ] && peak+=("$(awk '{ printf "%.1f", $1 / 1024 }' \
			<<<"$(time_field "$W/log/nb-ui.time" 'Maximum resident set size (kbytes)')")")
	done
	samples nb_paint "${paint[@]}"
	samples nb_open "${open[@]}"
	samples nb_search "${search[@]}"
	samples nb_rss "${rss[@]}"
	samples nb_peak "${peak[@]}"
}

if [ "$USE_NEWSBOAT" = 1 ]; then
	say "bench: newsboat UI, $POSTINGS postings cached"
	twice nb_session || die "the newsboat UI session failed (see above)"
fi

# ---- a key press while a refresh runs in the background --------------------------------------

say "bench: jobterm, key presses during a background refresh of $POSTINGS postings"
refresh_session() {
	local urls=() r n=0 t idle=() busy=() key want
	mapfile -t urls < <(jt_urls "$JT_DB" 2)
	tmux_up
	blank_pane || return 1
	probe 60 "$(respawn_cmd "$W/log/jt-refresh.time" "$JOBTERM" --db "$JT_DB" \
		--config "$W/jobterm.conf")" "^ $(grouped "$POSTINGS") postings" || return 1
	# j and k in turn; the marker of the selected posting is its link in the detail pane.
	for r in $(seq 0 "$RUNS"); do
		key_pair $r
		probe 10 "send-keys -t bench $key" "URL +$want\$" || return 1
		[ "$r" -gt 0 ] && idle+=("$MS")
	done
	t=$(now_ms)
	probe 30 "send-keys -t bench r" "refreshing" || return 1
	# Press every 50 ms or so for as long as the refresh runs.
	while [ "$n" -lt 2000 ]; do
		key_pair $n
		probe 30 "send-keys -t bench $key" "URL +$want\$" || return 1
		tm capture-pane -p -t bench | grep -q refreshing || break
		busy+=("$MS")
		n=$((n + 1))
		sleep 0.05
	done
	probe 900 - '!refreshing' || return 1
	FIG[jt_refresh]=$(since_ms "$t")
	tm send-keys -t bench q
	wait_dead 30
	samples jt_key_idle "${idle[@]}"
	samples jt_key_busy "${busy[@]}"
}

# key_pair N: the Nth key of j, k, j, ... and the link the detail pane then shows.
key_pair() {
	if [ $(($1 % 2)) = 0 ]; then key=j want=${urls[1]}; else key=k want=${urls[0]}; fi
	want=${want//./\\.}
}
twice refresh_session || die "the refresh session failed (see above)"

# ---- the large cache -------------------------------------------------------------------------

if [ "$LARGE" = 1 ]; then
	say "bench: building the large cache: $COPIES copies, $LARGE_N postings"
	LDB=$W/jt-large.db
	cp "$JT_DB" "$LDB"
	[ -f "$JT_DB-wal" ] && cp "$JT_DB-wal" "$LDB-wal"
	for i in $(seq 2 "$COPIES"); do
		jt --db "$LDB" feeds add "$BASE/copy$i.rss?noetag=1" >/dev/null ||
			die "jobterm feeds add failed"
	done
	t=$(now_ms)
	# shellcheck disable=SC2046
	"$TIME_BIN" -v -o "$W/log/jt-large.time" "$JOBTERM" --config "$W/jobterm.conf" \
		--db "$LDB" fetch $(for i in $(seq 2 "$COPIES"); do
			echo "$BASE/copy$i.rss?noetag=1"; done) >"$W/log/jt-large.out" 2>&1
	FIG[large_build]=$(since_ms "$t")
	FIG[large_build_rss]=$(awk '{ printf "%.1f", $1 / 1024 }' <<<"$(time_field \
		"$W/log/jt-large.time" 'Maximum resident set size (kbytes)')")
	got=$(grep -c ": $POSTINGS postings, $POSTINGS new" "$W/log/jt-large.out")
	[ "$got" = $((COPIES - 1)) ] || {
		cat "$W/log/jt-large.out" >&2
		die "the large cache got $got of $((COPIES - 1)) feeds"
	}
	FIG[large_mb]=$(du -m "$LDB" | awk '{ print $1 }')
	# The copies are the same jobs under other names, so jobterm would group them into
	# 50 000 rows with 20 sources each: list every copy, a million distinct postings.
	echo "set group-duplicates = no" >>"$W/jobterm.conf"
	say "bench: jobterm UI, $LARGE_N postings cached"
	twice jt_session "$LDB" "$LARGE_N" big || die "the jobterm UI session failed (see above)"
	jt_headless "$LDB" big
fi

# ---- the report ------------------------------------------------------------------------------

# Ratio and verdict helpers. fmt_ms/fmt_mb print a figure; ratio A B prints A / B.
fmt_ms() {
	awk -v v="$1" 'BEGIN { if (v == "NA" || v == "") print "n/a";
		else if (v >= 1000) printf "%.2f s", v / 1000;
		else if (v >= 10) printf "%.0f ms", v; else printf "%.1f ms", v }'
}
fmt_mb() {
	awk -v v="$1" 'BEGIN { if (v == "NA" || v == "") print "n/a";
		else if (v >= 1000) printf "%.1f GB", v / 1000; else printf "%.1f MB", v }'
}
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "NA" || b == "NA" || a == "" || b == "" ||
		b == 0) print "n/a"; else printf "%.1fx", a / b }'
}
# verdict A B MIN: PASS when A / B >= MIN.
verdict() {
	awk -v a="$1" -v b="$2" -v m="$3" 'BEGIN { if (a == "NA" || b == "NA" || a == "" ||
		b == "" || b == 0) print "n/a"; else print (a / b >= m ? "PASS" : "FAIL") }'
}

# When newsboat is not here, its figures from the issue stand in (marked so).
if [ "$USE_NEWSBOAT" = 1 ]; then
	NB=newsboat
	nb_ingest=$(fig nb_ingest) nb_ingest_rss=$(fig nb_ingest_rss)
	nb_paint=$(fig nb_paint) nb_open=$(fig nb_open) nb_search=$(fig nb_search)
	nb_rss=$(fig nb_rss) nb_peak=$(fig nb_peak)
	NOTE="newsboat measured in this run ($NB_VERSION)."
else
	NB="newsboat (issue)"
	nb_ingest=23000 nb_ingest_rss=610 nb_paint=550 nb_open=1500 nb_search=700
	nb_rss=212 nb_peak=NA
	NOTE="newsboat not installed: its column holds the issue's figures for 50 000 postings."
fi

P=$(grouped "$POSTINGS")
L=$(grouped "$LARGE_N")
echo
MODE=
[ "$QUICK" = 1 ] && MODE=" (--quick)"
echo "## jobterm vs newsboat$MODE: $P postings (a $FEED_MB MB RSS feed), medians of $RUNS runs"
echo
echo "Machine: $CPU, $CORES cores, $MEM RAM; load average $LOAD_START at the start," \
	"$(cut -d' ' -f1-3 /proc/loadavg) at the end. $JT_VERSION. $NOTE"
echo "Pane ${COLS}x$ROWS. Probe floor (key to echo through tmux): $(fmt_ms "$(fig floor)");"
echo "the interactive figures include it."
echo
echo "| Figure | jobterm | $NB | newsboat / jobterm | Target | Result |"
echo "|---|---|---|---|---|---|"
row() {
	printf '| %s | %s | %s | %s | %s | %s |\n' "$@"
}
row "Ingest: fetch over loopback, parse, store (wall)" "$(fmt_ms "$(fig jt_ingest)")" \
	"$(fmt_ms "$nb_ingest")" "$(ratio "$nb_ingest" "$(fig jt_ingest)")" ">= 10x" \
	"$(verdict "$nb_ingest" "$(fig jt_ingest)" 10)"
row "Ingest: peak RSS" "$(fmt_mb "$(fig jt_ingest_rss)")" "$(fmt_mb "$nb_ingest_rss")" \
	"$(ratio "$nb_ingest_rss" "$(fig jt_ingest_rss)")" ">= 6x" \
	"$(verdict "$nb_ingest_rss" "$(fig jt_ingest_rss)" 6)"
row "Start to first painted list" "$(fmt_ms "$(fig jt_paint)")" "$(fmt_ms "$nb_paint")" \
	"$(ratio "$nb_paint" "$(fig jt_paint)")" ">= 20x" \
	"$(verdict "$nb_paint" "$(fig jt_paint)" 20)"
row "Open the $P-posting list (newsboat: Enter on the feed)" \
	"(in the first paint)" "$(fmt_ms "$nb_open")" "" "" "info"
row "Keyword filter \`Charlotte\`, last key to repainted list (newsboat: search, Enter to list)" \
	"$(fmt_ms "$(fig jt_kw)")" "$(fmt_ms "$nb_search")" \
	"$(ratio "$nb_search" "$(fig jt_kw)")" ">= 50x" \
	"$(verdict "$nb_search" "$(fig jt_kw)" 50)"
row "Location filter \`Charlotte\`, last key to repainted list" \
	"$(fmt_ms "$(fig jt_loc)")" "$(fmt_ms "$nb_search")" \
	"$(ratio "$nb_search" "$(fig jt_loc)")" ">= 50x" \
	"$(verdict "$nb_search" "$(fig jt_loc)" 50)"
row "Keyword filter, last key to the new count shown" "$(fmt_ms "$(fig jt_kwc)")" "" "" "" \
	"info"
row "Location filter, last key to the new count shown" "$(fmt_ms "$(fig jt_locc)")" "" "" "" \
	"info"
row "Keyword filter headless (\`jobterm list --keyword Charlotte --limit 50\`, process wall)" \
	"$(fmt_ms "$(fig jt_cli_kw)")" "" "" "" "info"
row "Location filter headless (\`--location Charlotte --limit 50\`)" \
	"$(fmt_ms "$(fig jt_cli_loc)")" "" "" "" "info"
row "UI resident memory (VmRSS; jobterm after the filters, newsboat with the list open)" \
	"$(fmt_mb "$(fig jt_rss)")" "$(fmt_mb "$nb_rss")" "$(ratio "$nb_rss" "$(fig jt_rss)")" \
	">= 10x" "$(verdict "$nb_rss" "$(fig jt_rss)" 10)"
row "UI peak RSS over the session (time -v)" "$(fmt_mb "$(fig jt_peak)")" \
	"$(fmt_mb "$nb_peak")" "$(ratio "$nb_peak" "$(fig jt_peak)")" "" "info"
row "Key press (j/k) to repaint, idle" "$(fmt_ms "$(fig jt_key_idle)")" "" "" "" "info"
busy_max=$(figmax jt_key_busy)
# shellcheck disable=SC2086
busy_n=$(set -- ${FIG[jt_key_busy]:-}; echo $#)
row "Key press (j/k) to repaint during a background refresh of $P (median / max of $busy_n)" \
	"$(fmt_ms "$(fig jt_key_busy)") / $(fmt_ms "$busy_max")" "" "" "max < 50 ms" \
	"$(verdict 50 "$busy_max" 1.0001)"
row "That refresh in the UI, r to done (download, parse, store, list re-read)" \
	"$(fmt_ms "${FIG[jt_refresh]:-NA}")" "" "" "" "info"
if [ "$LARGE" = 1 ]; then
	echo
	echo "### $L postings cached ($COPIES copies of the feed; a $(fmt_mb "${FIG[large_mb]}")" \
		"database, the other $((COPIES - 1)) copies fetched in $(fmt_ms "${FIG[large_build]}")," \
		"peak RSS $(fmt_mb "${FIG[large_build_rss]}"))"
	echo
	echo "| Figure | $L | $P | large / small | Target | Result |"
	echo "|---|---|---|---|---|---|"
	for f in paint:"Start to first painted list" kw:"Keyword filter \`Charlotte\`" \
		loc:"Location filter \`Charlotte\`" kwc:"Keyword filter, to the count shown" \
		locc:"Location filter, to the count shown" cli_kw:"Keyword filter headless" \
		cli_loc:"Location filter headless" rss:"UI resident memory" peak:"UI peak RSS"; do
		k=${f%%:*}
		name=${f#*:}
		big=$(fig "big_$k") small=$(fig "jt_$k")
		case $k in
		paint | kw | loc) target="<= 2x" res=$(verdict "$((2 * 1000))" \
			"$(awk -v a="$big" -v b="$small" 'BEGIN { if (a + 0 > 0 && b + 0 > 0)
				print a / b * 1000; else print "NA" }')" 1) ;;
		*) target="" res=info ;;
		esac
		case $k in
		rss | peak) a=$(fmt_mb "$big") b=$(fmt_mb "$small") ;;
		*) a=$(fmt_ms "$big") b=$(fmt_ms "$small") ;;
		esac
		row "$name" "$a" "$b" "$(ratio "$big" "$small")" "$target" "$res"
	done
fi
echo
echo "Matches for \`Charlotte\`: keyword $(grouped "${FIG[jt_n_kw]:-?}"), location" \
	"$(grouped "${FIG[jt_n_loc]:-?}")${FIG[nb_n_search]:+, newsboat search ${FIG[nb_n_search]}}."
echo "jobterm's database: $du_jt MB for $P postings."
exit 0
