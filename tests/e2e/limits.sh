#!/bin/sh
# Limits of the world outside the feed: a TLS server whose certificate is not trusted, and a
# disk that fills up while a refresh is being stored.
. "$SRCDIR/tests/lib.sh"
t_setup
[ -n "$PYTHON3" ] || t_skip "python3 not found"
json() { "$PYTHON3" -c "import json,sys; d=json.load(sys.stdin); r=($1); print(r)"; }
sound() {
    "$PYTHON3" -c "import sqlite3,sys; \
sys.exit(sqlite3.connect('$T/jobterm.db').execute('pragma integrity_check').fetchone()[0] != 'ok')"
}

# ---- TLS is verified: a self-signed certificate is refused -------------------------------------

if command -v openssl >/dev/null 2>&1; then
    mkdir -p "$T/tls"
    cp "$SRCDIR/tests/fixtures/e2e/jobs.json" "$T/tls/"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
        -addext subjectAltName=IP:127.0.0.1 -keyout "$T/key.pem" -out "$T/cert.pem" \
        >/dev/null 2>&1
    "$PYTHON3" - "$T" <<'EOF2' &
import functools, http.server, ssl, sys
t = sys.argv[1]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=t + "/tls")
httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(t + "/cert.pem", t + "/key.pem")
httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
open(t + "/tls.port.tmp", "w").write(str(httpd.server_address[1]))
import os; os.rename(t + "/tls.port.tmp", t + "/tls.port")
try:
    httpd.serve_forever()
except Exception:
    pass
EOF2
    tls_pid=$!
    i=0
    while [ ! -s "$T/tls.port" ] && [ "$i" -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    url="https://127.0.0.1:$(cat "$T/tls.port")/jobs.json"
    jt fetch "$url" >"$T/out" 2>"$T/err"
    check_eq "a self-signed certificate: fetch fails" "$?" 1
    check_contains "with a certificate error naming the feed" "$(cat "$T/err")" "$url: SSL certificate"
    check_eq "and nothing is stored" "$(jt list --format json)" "[]"
    kill "$tls_pid" 2>/dev/null
    wait "$tls_pid" 2>/dev/null
else
    diag "openssl not found: TLS check left out"
fi

# ---- a full disk rolls the refresh back --------------------------------------------------------

"$PYTHON3" "$SRCDIR/tests/bench/genfeed.py" rss 2000 3 >"$T/big.rss"
cp "$SRCDIR/tests/fixtures/e2e/jobs.json" "$T/small.json"
check "a small feed first" jt fetch "file://$T/small.json"
id=$(jt list --format json | json 'd[0]["id"]')
check "and a favourite" jt fav add "$id"
before=$(jt list --hidden --format json)
# Files may not grow past 12 MB: the download (6 MB) fits, the database with its index not.
# (The limit is set in bytes through python: shells disagree on ulimit -f's unit.)
"$PYTHON3" -c 'import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (12 << 20, 12 << 20))
os.execv(sys.argv[1], sys.argv[1:])' "$JOBTERM" --db "$T/jobterm.db" --config "$T/config" \
    fetch "file://$T/big.rss" >"$T/out" 2>"$T/err"
check_eq "a refresh that fills the disk fails" "$?" 1
check_contains "saying why" "$(cat "$T/err")" "file://$T/big.rss: "
check "the database is sound" sound
check_eq "and holds what it held before" "$(jt list --hidden --format json)" "$before"
check "the next refresh, with room, works" jt fetch "file://$T/big.rss"
check_eq "and stores the feed" "$(jt list --keyword engineer --limit 5000 --format json | json 'len(d) > 100')" True
check_eq "the favourite is still there" "$(jt list --favourites --format json | json '[j["id"] for j in d]')" "[$id]"

t_done
