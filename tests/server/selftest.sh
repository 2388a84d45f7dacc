#!/bin/sh
# Self-test of tests/server/server.py: every route, driven by a small python3
# client (curl may be missing), through the tests/lib.sh helpers.
# shellcheck source=tests/lib.sh
. "${SRCDIR:-$(dirname "$0")/../..}/tests/lib.sh"

t_setup
[ -n "$PYTHON3" ] || t_skip "python3 not found"

# ---- a client that prints what it saw as "key=value" lines -------------------
cat >"$T/client.py" <<'EOF'
import gzip, http.client, json, socket, sys, threading, time
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit


def esc(s):
    return "".join(c if " " <= c < "\x7f" else "\\x%02x" % ord(c) for c in s)


def request(method, url, headers=()):
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.request(method, u.path + ("?" + u.query if u.query else ""),
                 headers=dict(h.split(": ", 1) for h in headers))
    return conn.getresponse()


def get(method, url, *headers):
    r = request(method, url, headers)
    print("status=%d\nreason=%s" % (r.status, esc(r.reason)))
    for k, v in r.getheaders():
        print("h.%s=%s" % (k.lower(), esc(v)))
    body = b""
    try:
        while True:
            data = r.read1(65536)
            if not data:
                break
            body += data
    except (http.client.HTTPException, OSError) as e:
        print("error=" + type(e).__name__)
    print("len=%d" % len(body))
    if r.getheader("Content-Encoding") == "gzip":
        try:
            print("gunzip_len=%d" % len(gzip.decompress(body)))
        except (OSError, EOFError):
            print("gunzip=error")
    elif "xml" in (r.getheader("Content-Type") or "") and body:
        try:
            ET.fromstring(body)
            print("xml=ok")
        except ET.ParseError:
            print("xml=bad")
    if len(body) <= 4096:
        print("body=" + esc(body.decode("utf-8", "replace")))


def follow(url, limit):
    hops, r = 0, None
    while hops < int(limit):
        r = request("GET", url)
        if not (300 <= r.status < 400 and r.getheader("Location")):
            break
        url, hops = urljoin(url, r.getheader("Location")), hops + 1
        if not url.startswith("http"):
            break
    print("hops=%d\nstatus=%d\nurl=%s" % (hops, r.status, url))


def raw(url, wait):
    """Send a GET, then report what arrived within WAIT seconds."""
    u = urlsplit(url)
    s = socket.create_connection((u.hostname, u.port), timeout=5)
    path = u.path + ("?" + u.query if u.query else "")
    s.sendall(b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % path.encode())
    got, state, end = b"", "open", time.monotonic() + float(wait)
    while time.monotonic() < end:
        s.settimeout(max(0.01, end - time.monotonic()))
        try:
            data = s.recv(4096)
        except socket.timeout:
            break
        if not data:
            state = "closed"
            break
        got += data
    head, sep, body = got.partition(b"\r\n\r\n")
    print("headers=%s\nbody=%d\nstate=%s" % ("yes" if sep else "no", len(body), state))
    s.close()


def parallel(url, n):
    out = []
    def one():
        r = request("GET", url)
        r.read()
        out.append(r.status)
    threads = [threading.Thread(target=one) for _ in range(int(n))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("statuses=" + ",".join(map(str, sorted(out))))


def stats(url):
    for k, v in sorted(json.loads(request("GET", url).read()).items()):
        print("%s=%s" % (k, v))


mode, args = sys.argv[1], sys.argv[2:]
if mode in ("GET", "HEAD"):
    get(mode, *args)
else:
    {"follow": follow, "raw": raw, "parallel": parallel, "stats": stats}[mode](*args)
EOF

C() {
	"$PYTHON3" "$T/client.py" "$@" 2>&1
}
field() { # field KEY OUTPUT: the value of the first "KEY=..." line
	printf '%s\n' "$2" | sed -n "s/^$1=//p" | head -n 1
}

root="$T/root with space"
mkdir -p "$root"
{
	echo '<?xml version="1.0"?><rss version="2.0"><channel><title>Jobs</title>'
	i=0
	while [ $i -lt 20 ]; do
		echo "<item><title>Job $i</title><link>http://example.invalid/$i</link></item>"
		i=$((i + 1))
	done
	echo '</channel></rss>'
} >"$root/feed.rss"
echo '{"jobs": []}' >"$root/data.json"
echo 'secret' >"$T/secret.txt"
size=$(wc -c <"$root/feed.rss" | tr -d ' ')

server_start "$root"
check "port file holds a number" test "$PORT" -gt 0

# ---- /files ------------------------------------------------------------------
out=$(C GET "$BASE/files/feed.rss")
check_contains "file: 200" "$out" "status=200"
check_contains "file: rss content type" "$out" "h.content-type=application/rss+xml"
check_contains "file: whole body" "$out" "len=$size"
check_contains "file: valid XML" "$out" "xml=ok"
etag=$(field h.etag "$out")
lm=$(field h.last-modified "$out")
check "file: has an ETag" test -n "$etag"
check "file: has Last-Modified" test -n "$lm"

out=$(C GET "$BASE/files/feed.rss" "If-None-Match: $etag")
check_contains "If-None-Match: 304" "$out" "status=304"
check_contains "304 has no body" "$out" "len=0"
out=$(C GET "$BASE/files/feed.rss" "If-None-Match: \"other\", $etag")
check_contains "If-None-Match list: 304" "$out" "status=304"
out=$(C GET "$BASE/files/feed.rss" "If-Modified-Since: $lm")
check_contains "If-Modified-Since same date: 304" "$out" "status=304"
out=$(C GET "$BASE/files/feed.rss" "If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT")
check_contains "If-Modified-Since older: 200" "$out" "status=200"

sed 's/Job 1</Job one</' "$root/feed.rss" >"$T/new.rss" && mv "$T/new.rss" "$root/feed.rss"
size=$(wc -c <"$root/feed.rss" | tr -d ' ')
out=$(C GET "$BASE/files/feed.rss" "If-None-Match: $etag")
check_contains "replaced file: 200 again" "$out" "status=200"
check_not_contains "replaced file: new ETag" "$out" "h.etag=$etag"

out=$(C GET "$BASE/files/feed.rss?noetag=1" "If-None-Match: *")
check_contains "noetag: 200 despite If-None-Match" "$out" "status=200"
check_not_contains "noetag: no ETag" "$out" "h.etag="
check_not_contains "noetag: no Last-Modified" "$out" "h.last-modified="
out=$(C GET "$BASE/files/feed.rss?type=text/plain")
check_contains "type= overrides Content-Type" "$out" "h.content-type=text/plain"
out=$(C GET "$BASE/files/data.json")
check_contains "json content type" "$out" "h.content-type=application/json"
out=$(C HEAD "$BASE/files/feed.rss")
check_contains "HEAD: Content-Length but no body" "$out" "h.content-length=$size"

out=$(C GET "$BASE/files/feed.rss?gzip=1" "Accept-Encoding: gzip, deflate")
check_contains "gzip=1: Content-Encoding gzip" "$out" "h.content-encoding=gzip"
check_contains "gzip=1: inflates to the file" "$out" "gunzip_len=$size"
out=$(C GET "$BASE/files/feed.rss?gzip=1")
check_not_contains "gzip=1 without Accept-Encoding: plain" "$out" "content-encoding"

out=$(C GET "$BASE/files/../secret.txt")
check_contains "no escape with ..: 404" "$out" "status=404"
out=$(C GET "$BASE/files/..%2fsecret.txt")
check_contains "no escape with %2f: 404" "$out" "status=404"
out=$(C GET "$BASE/files/missing.rss")
check_contains "missing file: 404" "$out" "status=404"

# ---- /status -----------------------------------------------------------------
for code in 404 500 503 418; do
	out=$(C GET "$BASE/status/$code")
	check_contains "status $code" "$out" "status=$code"
done
out=$(C GET "$BASE/status/429?retry_after=7")
check_contains "429" "$out" "status=429"
check_contains "429: Retry-After" "$out" "h.retry-after=7"

# ---- redirects ---------------------------------------------------------------
out=$(C follow "$BASE/redirect/3?file=feed.rss" 10)
check_contains "redirect/3: three hops" "$out" "hops=3"
check_contains "redirect/3: ends at the file" "$out" "url=$BASE/files/feed.rss"
out=$(C follow "$BASE/redirect/2?to=%2Ffiles%2Fdata.json" 10)
check_contains "redirect to=: ends at the target" "$out" "url=$BASE/files/data.json"
out=$(C follow "$BASE/redirect-loop" 15)
check_contains "redirect-loop never ends" "$out" "hops=15"
out=$(C GET "$BASE/redirect-scheme?to=ftp://example.invalid/x")
check_contains "redirect-scheme: raw Location" "$out" "h.location=ftp://example.invalid/x"
out=$(C GET "$BASE/redirect-scheme")
check_contains "redirect-scheme: file:// by default" "$out" "h.location=file:///etc/passwd"
out=$(C GET "$BASE/redirect/1?file=feed.rss&location_esc=1")
check_contains "location_esc: ESC in Location" "$out" 'h.location=/files/feed.rss\x1b'
check_contains "location_esc: ESC in reason" "$out" 'reason=Found\x1b'
out=$(C GET "$BASE/reason")
check_contains "reason: ESC and BEL" "$out" 'reason=OK \x1b[31mred\x07'

# ---- broken transfers --------------------------------------------------------
out=$(C GET "$BASE/cut/feed.rss?after=10")
check_contains "cut: full Content-Length announced" "$out" "h.content-length=$size"
check_contains "cut: client sees an error" "$out" "error="
check_not_contains "cut: not the whole body" "$out" "len=$size"
out=$(C GET "$BASE/cut/feed.rss?after=10&chunked=1")
check_contains "cut chunked: client sees an error" "$out" "error="

"$PYTHON3" -c "import urllib.request as u; u.urlopen('$BASE/stats/reset').read()"
out=$(C raw "$BASE/slow/feed.rss?delay=3" 0.6)
check_contains "slow: headers at once" "$out" "headers=yes"
check_contains "slow: one byte, then a stall" "$out" "body=1"
check_contains "slow: connection still open" "$out" "state=open"
out=$(C raw "$BASE/hang" 0.5)
check_contains "hang: no answer" "$out" "headers=no"
check_contains "hang: connection kept open" "$out" "state=open"
out=$(C raw "$BASE/headers-then-hang" 0.5)
check_contains "headers-then-hang: headers" "$out" "headers=yes"
check_contains "headers-then-hang: no body" "$out" "body=0"
sleep 1.5 # the server notices the hang clients leaving within a second
out=$(C stats "$BASE/stats")
check "stats: the hang clients counted as disconnects" \
	test "$(field disconnects "$out")" -ge 2

# ---- big bodies --------------------------------------------------------------
out=$(C GET "$BASE/big?mb=2")
check_contains "big: chunked" "$out" "h.transfer-encoding=chunked"
check_not_contains "big: no Content-Length" "$out" "h.content-length"
check_contains "big: exactly 2 MiB" "$out" "len=2097152"
check_contains "big: well-formed XML" "$out" "xml=ok"
out=$(C GET "$BASE/bomb?mb=20")
check_contains "bomb: gzip" "$out" "h.content-encoding=gzip"
check_contains "bomb: inflates to 20 MiB" "$out" "gunzip_len=20971520"
check "bomb: small on the wire" test "$(field len "$out")" -lt 100000
out=$(C GET "$BASE/badgzip")
check_contains "badgzip: not gzip" "$out" "gunzip=error"

# ---- concurrency counting, echo ------------------------------------------------
"$PYTHON3" -c "import urllib.request as u; u.urlopen('$BASE/stats/reset').read()"
out=$(C parallel "$BASE/count/feed.rss?delay=1" 4)
check_contains "count: all served" "$out" "statuses=200,200,200,200"
out=$(C stats "$BASE/stats")
check_eq "stats: max_inflight" "$(field max_inflight "$out")" 4
check_eq "stats: count_requests" "$(field count_requests "$out")" 4
check_eq "stats: inflight back to 0" "$(field inflight "$out")" 0
out=$(C GET "$BASE/echo-headers" "User-Agent: selftest/1.0" "X-Test: a b")
check_contains "echo-headers: User-Agent" "$out" '"User-Agent": "selftest/1.0"'
check_contains "echo-headers: custom header" "$out" '"X-Test": "a b"'

# ---- the log, shutdown ---------------------------------------------------------
log=$(server_log)
check_contains "log: If-None-Match and 304" "$log" "GET /files/feed.rss 304	If-None-Match: $etag"
check_contains "log: gzip noted" "$log" "gzip: yes"
check_contains "log: User-Agent" "$log" "User-Agent: selftest/1.0"
check_contains "log: hang without status" "$log" "GET /hang -"
check_not_contains "log: no raw ESC" "$log" "$(printf '\033')"
check "SIGTERM: clean exit" server_stop

t_done
