#!/bin/sh
# Module boundaries: each library is included in one layer only, the arrows point one way
# (tui -> net -> store), and every .c file includes config.h first.
cd "${SRCDIR:-.}" || exit 1
n=0 failed=0

# report DESCRIPTION OFFENDING-LINES
report() {
    n=$((n + 1))
    if [ -z "$2" ]; then
        echo "ok $n - $1"
    else
        failed=$((failed + 1))
        echo "not ok $n - $1"
        printf '%s\n' "$2" | sed 's/^/#   /'
    fi
}

# includes PATTERN DIRS...: matching #include lines in those directories' C files
includes() {
    pattern=$1
    shift
    for d in "$@"; do
        [ -d "$d" ] && grep -EHn "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" \
            "$d"/*.c "$d"/*.h 2>/dev/null
    done
}

report "sqlite3.h only in store/" "$(includes 'sqlite3\.h' net tui)"
report "curl, libxml2 and cJSON only in net/" "$(includes 'curl/|libxml/|cJSON\.h' store tui)"
report "curses only in tui/" "$(includes 'n?curses(w)?\.h|ncursesw/' store net)"
report "store/ includes nothing from net/ or tui/" "$(includes 'net/|tui/' store)"
report "net/ includes nothing from tui/" "$(includes 'tui/' net)"
report "the headless commands do not include curses" \
    "$(grep -EHn '#[[:space:]]*include[[:space:]]*<n?curses' tui/cli.c tui/app.c tui/format.c)"

first=""
for f in store/*.c net/*.c tui/*.c; do
    line=$(grep -m1 '^#include' "$f")
    [ "$line" = '#include "config.h"' ] || first="$first$f: $line
"
done
report "every .c file includes config.h first" "$(printf '%s' "$first")"
headers=""
for f in store/*.h net/*.h tui/*.h; do
    grep -q '^#include "config.h"' "$f" && headers="$headers$f
"
done
report "no header includes config.h" "$(printf '%s' "$headers")"

echo "1..$n"
[ "$failed" -eq 0 ]
