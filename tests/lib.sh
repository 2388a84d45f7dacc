# Helpers for jobterm's shell tests (end-to-end and tmux).  POSIX sh; source it:
#   . "$SRCDIR/tests/lib.sh"
#
# Environment (set by `make check`; sensible fallbacks when run by hand):
#   JOBTERM   the jobterm binary          SRCDIR    the source tree's root
#   PYTHON3   python3 ("" = skip network tests)
#   TMUX_BIN  tmux ("" = skip terminal tests)
#   KEEP_TMP  set it to keep the test's temp dir $T for a post-mortem
#
# Test life cycle:  t_setup; ...checks...; t_done
#   t_setup                     make $T, point HOME/XDG_* into it, install cleanup trap
#   t_skip "why"                skip the whole test (exit 77)
#   jt ARGS...                  run jobterm on the test's own db and config ($T/config,
#                               created empty by t_setup)
#   server_start [ROOT]         start tests/server/server.py; sets PORT and BASE
#   server_log                  print the server's request log
#   server_stop                 stop it (SIGTERM), return its exit status; cleanup does it too
# Checks (each prints "ok N - desc" or "not ok N - desc"; details go to stderr):
#   check "desc" CMD ARGS...    passes when CMD exits 0
#   check_eq "desc" ACTUAL EXPECTED
#   check_contains "desc" HAYSTACK NEEDLE
#   check_not_contains "desc" HAYSTACK NEEDLE
#   diag TEXT...                print a "# " comment to stderr
# Terminal (all act on one tmux session, on a private tmux server):
#   tmux_start W H CMD ARGS...  run CMD in a W x H pane with TERM=xterm-256color; the
#                               pane stays (remain-on-exit) so its last screen can be read
#   keys KEYS...                tmux send-keys (e.g. keys j j Enter; keys -l 'text')
#   screen                      print the pane's current text
#   wait_for TEXT [SECS]        wait (default 5 s) until TEXT is on screen, else dump it, fail
#   wait_gone TEXT [SECS]       wait until TEXT is no longer on screen
#   tmux_resize W H             resize the window
#   tmux_stop                   kill the tmux server

: "${SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${JOBTERM:=$SRCDIR/jobterm}"
: "${PYTHON3=$(command -v python3 2>/dev/null)}"
: "${TMUX_BIN=$(command -v tmux 2>/dev/null)}"

_t_n=0
_t_failed=0
_t_server_pid=
_t_tmux=
T=

diag() {
	printf '# %s\n' "$*" >&2
}

# Print stdin to stderr as "# " comments.
_t_quote() {
	sed 's/^/#   /' >&2
}

t_skip() {
	printf '1..0 # SKIP %s\n' "$*"
	exit 77
}

_t_cleanup() {
	_t_rc=$?
	server_stop || :
	tmux_stop
	if [ -n "$T" ] && [ -d "$T" ]; then
		if [ -n "${KEEP_TMP:-}" ]; then
			diag "kept temp dir: $T"
		else
			rm -rf "$T"
		fi
	fi
	exit "$_t_rc"
}

t_setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/jobterm-test.XXXXXX") || exit 99
	export T
	HOME="$T/home"
	XDG_CONFIG_HOME="$T/home/.config"
	XDG_DATA_HOME="$T/home/.local/share"
	XDG_CACHE_HOME="$T/home/.cache"
	mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" || exit 99
	TZ=UTC
	LANG=C.UTF-8
	LC_ALL=C.UTF-8
	export HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME TZ LANG LC_ALL
	unset NO_COLOR TMUX
	: >"$T/config"	# the config `jt` passes; tests append to it
	trap _t_cleanup EXIT
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

jt() {
	"$JOBTERM" --db "$T/jobterm.db" --config "$T/config" "$@"
}

# ---- the test HTTP server ------------------------------------------------

server_start() {
	[ -n "$PYTHON3" ] || t_skip "python3 not found"
	_t_root=${1:-$SRCDIR/tests/fixtures}
	rm -f "$T/server.port"
	"$PYTHON3" "$SRCDIR/tests/server/server.py" --root "$_t_root" --port 0 \
		--port-file "$T/server.port" --log "$T/server.log" 2>"$T/server.err" &
	_t_server_pid=$!
	_t_i=0
	while [ ! -s "$T/server.port" ]; do
		if ! kill -0 "$_t_server_pid" 2>/dev/null || [ "$_t_i" -ge 200 ]; then
			diag "test server did not start:"
			_t_quote <"$T/server.err"
			_t_server_pid=
			exit 99
		fi
		sleep 0.05
		_t_i=$((_t_i + 1))
	done
	PORT=$(cat "$T/server.port")
	BASE="http://127.0.0.1:$PORT"
	export PORT BASE
}

server_log() {
	cat "$T/server.log" 2>/dev/null
}

# Stop the server (SIGTERM); returns its exit status, 0 if none was running.
server_stop() {
	_t_st=0
	if [ -n "$_t_server_pid" ]; then
		kill "$_t_server_pid" 2>/dev/null
		wait "$_t_server_pid" 2>/dev/null
		_t_st=$?
		_t_server_pid=
	fi
	return "$_t_st"
}

# ---- checks ----------------------------------------------------------------

_t_ok() {
	_t_n=$((_t_n + 1))
	printf 'ok %d - %s\n' "$_t_n" "$1"
}

_t_not_ok() {
	_t_n=$((_t_n + 1))
	_t_failed=$((_t_failed + 1))
	printf 'not ok %d - %s\n' "$_t_n" "$1"
	diag "FAILED: $1"
}

# check "desc" CMD ARGS...: CMD's output is shown only when it fails.
check() {
	_t_desc=$1
	shift
	_t_out="${T:-${TMPDIR:-/tmp}}/.check-out.$$"
	if "$@" >"$_t_out" 2>&1; then
		_t_ok "$_t_desc"
	else
		_t_rc=$?
		_t_not_ok "$_t_desc"
		diag "command exited $_t_rc: $*"
		_t_quote <"$_t_out"
	fi
	rm -f "$_t_out"
}

check_eq() {
	if [ "$2" = "$3" ]; then
		_t_ok "$1"
	else
		_t_not_ok "$1"
		diag "expected:"
		printf '%s\n' "$3" | _t_quote
		diag "got:"
		printf '%s\n' "$2" | _t_quote
	fi
}

check_contains() {
	case $2 in
	*"$3"*) _t_ok "$1" ;;
	*)
		_t_not_ok "$1"
		diag "expected to find: $3"
		diag "in:"
		printf '%s\n' "$2" | _t_quote
		;;
	esac
}

check_not_contains() {
	case $2 in
	*"$3"*)
		_t_not_ok "$1"
		diag "expected NOT to find: $3"
		diag "in:"
		printf '%s\n' "$2" | _t_quote
		;;
	*) _t_ok "$1" ;;
	esac
}

t_done() {
	printf '1..%d\n' "$_t_n"
	if [ "$_t_failed" -gt 0 ]; then
		printf '# %d of %d checks failed\n' "$_t_failed" "$_t_n"
		exit 1
	fi
	printf '# all %d checks passed\n' "$_t_n"
	exit 0
}

# ---- tmux ------------------------------------------------------------------

# A private tmux server whose socket lives in $T (tmux leaves it behind).
_t_tm() {
	TMUX_TMPDIR="$T" "$TMUX_BIN" -L "jt$$" -f /dev/null "$@"
}

tmux_start() {
	[ -n "$TMUX_BIN" ] || t_skip "tmux not found"
	_t_w=$1
	_t_h=$2
	shift 2
	tmux_stop
	_t_tmux=1
	# Options first (remain-on-exit keeps the last screen readable after the
	# program quits), then the session, with the caller's arguments on their own.
	if ! { _t_tm start-server \; set-option -g exit-empty off \; \
		set-option -g remain-on-exit on &&
		_t_tm new-session -d -s jt -x "$_t_w" -y "$_t_h" env TERM=xterm-256color "$@" &&
		_t_tm set-option -g exit-empty on; }; then
		diag "could not start tmux"
		exit 99
	fi
}

keys() {
	_t_tm send-keys -t jt "$@"
}

screen() {
	_t_tm capture-pane -p -t jt
}

# Wall-clock deadline, rounded up to whole seconds.
_t_deadline() {
	echo $(($(date +%s) + $(awk -v s="$1" 'BEGIN { n = int(s); if (n < s) n++; print n }')))
}

wait_for() {
	_t_end=$(_t_deadline "${2:-5}")
	while :; do
		case $(screen) in
		*"$1"*) return 0 ;;
		esac
		if [ "$(date +%s)" -gt "$_t_end" ]; then
			diag "timed out waiting for: $1; the screen:"
			screen | _t_quote
			return 1
		fi
		sleep 0.05
	done
}

wait_gone() {
	_t_end=$(_t_deadline "${2:-5}")
	while :; do
		case $(screen) in
		*"$1"*) ;;
		*) return 0 ;;
		esac
		if [ "$(date +%s)" -gt "$_t_end" ]; then
			diag "timed out waiting for this to go: $1; the screen:"
			screen | _t_quote
			return 1
		fi
		sleep 0.05
	done
}

# ui W H [NAME=VALUE...]: jobterm on the test's database and config in a W x H tmux pane.
ui() {
	_w=$1 _h=$2
	shift 2
	tmux_start "$_w" "$_h" env "$@" "$JOBTERM" --db "$T/jobterm.db" --config "$T/config"
}

# wait_exit [SECS]: wait until jobterm has exited (the pane stays, dead).
wait_exit() {
	_end=$(($(date +%s) + ${1:-10}))
	until [ "$(_t_tm display-message -p -t jt '#{pane_dead}')" = 1 ]; do
		[ "$(date +%s)" -le "$_end" ] || { diag "jobterm is still running"; return 1; }
		sleep 0.05
	done
}

# row TEXT: the first screen line holding TEXT.
row() {
	screen | grep -F -- "$1" | head -n 1
}

# wait_row TEXT NEEDLE: wait until the screen line holding TEXT also holds NEEDLE.
wait_row() {
	_end=$(($(date +%s) + 5))
	until screen | grep -F -- "$1" | grep -qF -- "$2"; do
		[ "$(date +%s)" -le "$_end" ] || { diag "no $2 on the line of $1:"; screen | _t_quote; return 1; }
		sleep 0.05
	done
}

# wait_selected TEXT: wait until the line holding TEXT is in reverse video (the selection).
wait_selected() {
	_end=$(($(date +%s) + 5))
	until _t_tm capture-pane -e -p -t jt | grep -F -- "$1" | grep -Eq '\[([0-9]+;)*7[;m]'; do
		[ "$(date +%s)" -le "$_end" ] || { diag "$1 is not selected"; return 1; }
		sleep 0.05
	done
}

# wait_file FILE [SECS]: wait until FILE exists and is not empty.
wait_file() {
	_end=$(($(date +%s) + ${2:-10}))
	until [ -s "$1" ]; do
		[ "$(date +%s)" -le "$_end" ] || { diag "no $1"; return 1; }
		sleep 0.05
	done
}

tmux_resize() {
	_t_tm resize-window -t jt -x "$1" -y "$2"
}

# Kill the tmux server and wait until it is gone, so that a tmux_start right after does not
# meet the dying server on the same socket.
tmux_stop() {
	if [ -n "$_t_tmux" ]; then
		_t_tm kill-server 2>/dev/null
		_t_i=0
		while _t_tm list-sessions >/dev/null 2>&1 && [ "$_t_i" -lt 100 ]; do
			sleep 0.02
			_t_i=$((_t_i + 1))
		done
		_t_tmux=
	fi
	return 0
}
