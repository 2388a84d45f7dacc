#!/bin/sh
# Things jobterm's sources never do: the unbounded string functions (curl's banned list), a
# shell between data and exec, and the libxml2 options that expand entities or load DTDs.
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

# code PATTERN FILES...: lines matching outside comments (lines that open or continue one)
code() {
    pattern=$1
    shift
    grep -EHn "$pattern" "$@" 2>/dev/null | grep -Ev '^[^:]*:[0-9]+:[[:space:]]*(/?\*|//)'
}

sources="store/*.c store/*.h net/*.c net/*.h tui/*.c tui/*.h"
# shellcheck disable=SC2086
{
report "no strcpy, strcat, sprintf, vsprintf or gets" \
    "$(code '(^|[^_a-z])(strcpy|strcat|sprintf|vsprintf|gets)[[:space:]]*\(' $sources)"
report "no strtok, atoi, atol or atof" \
    "$(code '(^|[^_a-z])(strtok|atoi|atol|atoll|atof)[[:space:]]*\(' $sources)"
report "no system(), popen() or a shell" \
    "$(code '(^|[^_a-z])(system|popen)[[:space:]]*\(|"/bin/sh"|"sh",[[:space:]]*"-c"' $sources)"
report "libxml2 never expands entities, loads DTDs or lifts limits" \
    "$(code 'XML_PARSE_(NOENT|DTDLOAD|DTDATTR|DTDVALID|XINCLUDE|HUGE)|HTML_PARSE_HUGE|xmlSubstituteEntitiesDefault' net/*.c)"
report "TLS verification is never turned off" \
    "$(code 'CURLOPT_SSL_VERIFY(PEER|HOST)' $sources)"
report "the database file is opened only by SQLite" \
    "$(code '(^|[^_a-z])(fopen|open)[[:space:]]*\([^)]*(db_path|paths\.db|->db\b)' $sources)"
}

echo "1..$n"
[ "$failed" -eq 0 ]
