#!/bin/sh
# The documentation tells the truth about the tables it documents: every action of
# ACTION_INFO and every colour area of AREA_INFO is in the man page; every command of
# --help is in the man page and the README; the README's Quick start has two commands.
cd "${SRCDIR:-.}" || exit 1
n=0 failed=0
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
# The man page escapes '-' as '\-'; compare without that.
man=$(sed 's/\\-/-/g' assets/jobterm.1)

missing=""
for a in $(sed -n 's/^[[:space:]]*_([A-Z_]*, "\([a-z-]*\)", "[^"]*", "[A-Za-z]*", \\$/\1/p' tui/keys.h); do
    printf '%s\n' "$man" | grep -q -- "^\.BR $a \.\$" || missing="$missing $a"
done
report "every action is in the man page's KEYS" "$missing"
count=$(grep -c '^[[:space:]]*_([A-Z_]*, "[a-z-]*", "[^"]*", "[A-Za-z]*", \\$' tui/keys.h)
report "the action table was read" "$([ "$count" -ge 20 ] || echo "only $count actions found")"

missing=""
for a in $(sed -n '/^#define AREA_INFO/,/^$/s/^[[:space:]]*_([A-Z_]*,[[:space:]]*"\([a-z-]*\)".*/\1/p' tui/keys.h); do
    printf '%s\n' "$man" | grep -q -- "$a" || missing="$missing $a"
done
report "every colour area is in the man page" "$missing"

missing=""
for c in fetch list show "fav add" "fav rm" feeds "feeds add" "feeds rm"; do
    printf '%s\n' "$man" | grep -q -- "$c" || missing="$missing man:$c"
    grep -q -- "jobterm $c" README.md || missing="$missing README:$c"
done
report "every command is in the man page and the README" "$missing"

quick=$(sed -n '/^## Quick start/,/^## /p' README.md | sed -n '/^```sh$/,/^```$/p' | grep -v '^```')
report "the Quick start has exactly two commands" \
    "$([ "$(printf '%s\n' "$quick" | grep -c .)" -eq 2 ] || printf '%s\n' "$quick")"

echo "1..$n"
[ "$failed" -eq 0 ]
