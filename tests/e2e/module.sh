#!/bin/sh
# The network module: the executable links none of libcurl, libxml2 and cJSON, and loads
# jobterm-net.so (the one next to it first) only when something needs the network or a
# parser. Without a module, or with one that is not jobterm's, what needs it says why and
# exits 1, and everything that reads the cache still works, the terminal UI included.
. "$SRCDIR/tests/lib.sh"
t_setup

if command -v ldd >/dev/null 2>&1; then
    libs=$(ldd "$JOBTERM")
    check_not_contains "the executable does not link libcurl" "$libs" libcurl
    check_not_contains "nor libxml2" "$libs" libxml2
    check_not_contains "nor cJSON" "$libs" libcjson
else
    diag "ldd not found: the link checks are skipped"
fi

cp "$SRCDIR/tests/fixtures/e2e/jobs.json" "$T/jobs.json"
check "feeds add loads the module" jt feeds add "$T/jobs.json"
check "fetch reads the feed through it" jt fetch
cached=$(jt list)
check_contains "and list shows it" "$cached" "Platform Engineer"

# The same binary alone in a directory: the module it finds there is not a shared object.
mkdir "$T/bin"
cp "$JOBTERM" "$T/bin/jobterm"
printf 'not a shared object\n' >"$T/bin/jobterm-net.so"
lone() { "$T/bin/jobterm" --db "$T/jobterm.db" --config "$T/config" "$@"; }

lone fetch >"$T/out" 2>"$T/err"
check_eq "fetch without a loadable module exits 1" "$?" 1
check_contains "saying which module and why" "$(cat "$T/err")" \
    "jobterm: cannot load the network module: $T/bin/jobterm-net.so"
lone feeds add "$T/jobs.json" >/dev/null 2>"$T/err"
check_eq "so does feeds add" "$?" 1
check_contains "with the same reason" "$(cat "$T/err")" "cannot load the network module"
check_eq "list still works on the cache" "$(lone list)" "$cached"
check "show too" lone show 1
check "and feeds list" lone feeds list

# No module next to it: the installed one is tried, and when there is none, named.
rm "$T/bin/jobterm-net.so"
if [ -n "${PKGLIBDIR:-}" ] && [ ! -e "$PKGLIBDIR/jobterm-net.so" ]; then
    lone fetch 2>"$T/err"
    check_eq "fetch without any module exits 1" "$?" 1
    check_contains "naming the installed module it looked for" "$(cat "$T/err")" \
        "cannot load the network module: $PKGLIBDIR/jobterm-net.so"
else
    diag "a module is installed: the missing-module check is skipped"
fi
printf 'not a shared object\n' >"$T/bin/jobterm-net.so"

# A shared object that is not jobterm's module is refused by name.
other=$(ldd "$(dirname "$JOBTERM")/jobterm-net.so" 2>/dev/null | awk '/libcjson/ { print $3 }')
if [ -n "$other" ] && [ -f "$other" ]; then
    cp "$other" "$T/bin/jobterm-net.so"
    lone fetch 2>"$T/err"
    check_eq "fetch with another library as the module exits 1" "$?" 1
    check_contains "saying it is not jobterm's" "$(cat "$T/err")" \
        "$T/bin/jobterm-net.so is not the one of jobterm"
    printf 'not a shared object\n' >"$T/bin/jobterm-net.so"
else
    diag "libcjson not found: the foreign-module check is skipped"
fi

# The terminal UI paints the cache without the module, tries it only for a refresh, and
# says on the status line why it cannot refresh.
if [ -n "$TMUX_BIN" ]; then
    printf 'set refresh-on-start = no\n' >>"$T/config"
    tmux_start 120 30 "$T/bin/jobterm" --db "$T/jobterm.db" --config "$T/config"
    check "the UI shows the cached postings" wait_for "Platform Engineer"
    check_not_contains "without trying the module first" "$(screen)" "cannot refresh"
    keys r
    check "r says why it cannot refresh" wait_for "cannot refresh: cannot load the network"
    keys q
    check "and q still quits" wait_exit
else
    diag "tmux not found: the terminal checks are skipped"
fi

t_done
