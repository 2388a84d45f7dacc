#!/usr/bin/env python3
"""Test HTTP/1.1 server for jobterm's end-to-end tests (Python 3.9+, stdlib only).

Usage: server.py --root DIR [--port 0] [--port-file FILE] [--log FILE]

Listens on 127.0.0.1 (port 0 = any free port), writes the port to --port-file
once listening (tmp file + rename), serves until SIGTERM.  One thread per
connection.  --log gets one line per request: "METHOD PATH STATUS" followed by
tab-separated "Header: value" fields for If-None-Match, If-Modified-Since,
Accept-Encoding and User-Agent (when sent), and "gzip: yes" when the body was
compressed.  Control bytes are written as \\xNN.  Status "-" = none was sent.

Routes (everything is driven from the URL):
  /files/NAME          DIR/NAME with ETag (content hash) + Last-Modified; 304 on a
                       matching If-None-Match or a not-older If-Modified-Since.
                       ?gzip=1 gzip it if Accept-Encoding allows; ?noetag=1 no
                       validators (never 304); ?type=T set Content-Type.
  /status/CODE         that status, short HTML body; ?retry_after=N adds Retry-After.
  /redirect/N          N redirects in total (302), the last one to ?to=URL, or to
                       /files/F when ?file=F is given instead.
  /redirect-loop       302 to itself, forever.
  /redirect-scheme     302 to the raw ?to= (default file:///etc/passwd).
                       Any redirect: ?location_esc=1 puts ESC in Location + reason.
  /slow/NAME?delay=S   headers at once, then the body one byte every S s (default 1).
  /hang                read the request, never answer (until the client leaves, 120 s).
  /headers-then-hang   headers with Content-Length, then nothing (same limits).
  /cut/NAME?after=N    full Content-Length, only N bytes (default half), then RST.
                       ?chunked=1: chunked, cut in the middle of the only chunk.
  /big?mb=N            chunked XML junk of exactly N MiB (default 1), streamed.
  /bomb?mb=N           small gzip body (Content-Encoding: gzip) inflating to N MiB
                       (default 100): an RSS opening tag followed by spaces.
  /badgzip             Content-Encoding: gzip with a body that is not gzip.
  /count/NAME?delay=S  DIR/NAME after S s (default 1); counts concurrent /count hits.
  /stats               JSON {"max_inflight", "inflight", "requests", "count_requests",
                       "disconnects"}: requests = every request but /stats*;
                       disconnects = clients gone before their response ended.
  /stats/reset         zero all counters (answers like /stats).
  /reason?code=200     status line whose reason phrase has an ESC and a BEL.
  /echo-headers        the request headers as a JSON object.
"""
import argparse, email.utils, gzip, hashlib, json, os, select, signal, socket, struct
import sys, threading, time, zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote, urlsplit

TYPES = {".rss": "application/rss+xml", ".xml": "application/rss+xml",
         ".atom": "application/atom+xml", ".json": "application/json",
         ".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}
LOGGED = ("If-None-Match", "If-Modified-Since", "Accept-Encoding", "User-Agent")
HANG_LIMIT = 120  # seconds a hanging connection is kept open at most
MIB = 1024 * 1024
RSS_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>big</title>\n'
RSS_TAIL = b"</channel></rss>\n"

lock = threading.Lock()
stats = dict.fromkeys(("max_inflight", "inflight", "requests", "count_requests", "disconnects"), 0)
bombs = {}  # uncompressed size -> gzip body


def bump(key, n=1):
    with lock:
        stats[key] += n
        stats["max_inflight"] = max(stats["max_inflight"], stats["inflight"])


def clean(s):
    """A value made safe for one log line."""
    return "".join(c if " " <= c < "\x7f" or c > "\xa0" else "\\x%02x" % ord(c) for c in str(s))


def type_of(name):
    return TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")


def make_bomb(size):
    """gzip of RSS_HEAD + spaces, SIZE bytes once inflated; built once per size, 1 MiB at a time."""
    if size not in bombs:
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip framing
        parts, left, block = [comp.compress(RSS_HEAD[:size])], size - len(RSS_HEAD), b" " * MIB
        while left > 0:
            parts.append(comp.compress(block[:left]))
            left -= MIB
        bombs[size] = b"".join(parts) + comp.flush()
    return bombs[size]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "jobterm-testserver/1"
    timeout = 300  # idle keep-alive connections are dropped eventually
    root = "."
    logfile = None

    # ---- plumbing --------------------------------------------------------
    def log_message(self, *args):  # no default logging to stderr; see log_line
        pass
    log_request = log_message

    def log_line(self, status):
        if not self.logfile:
            return
        fields = ["%s %s %s" % (clean(self.command or "-"), clean(self.path or "-"), status)]
        hdrs = getattr(self, "headers", None) or {}
        fields += ["%s: %s" % (h, clean(hdrs[h])) for h in LOGGED if hdrs.get(h) is not None]
        if self.gzipped:
            fields.append("gzip: yes")
        with lock:
            self.logfile.write("\t".join(fields) + "\n")
            self.logfile.flush()

    def send_response(self, code, message=None):
        self.log_line(code)
        super().send_response(code, message)

    def handle_one_request(self):
        self.gzipped = self.head = False
        self.command = self.path = None
        try:
            super().handle_one_request()
        except (ConnectionError, socket.timeout):  # the client went away mid-response
            bump("disconnects")
            self.close_connection = True

    def body(self, data):
        if not self.head:
            self.wfile.write(data)

    def chunk(self, data):
        if data:  # an empty chunk would end the body
            self.body(b"%x\r\n%s\r\n" % (len(data), data))

    def start(self, code, headers, reason=None):
        self.send_response(code, reason)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()

    def reply(self, code, data=b"", ctype="text/html", headers=(), reason=None):
        has_body = code >= 200 and code not in (204, 304)
        extra = [("Content-Type", ctype), ("Content-Length", str(len(data)))] if has_body else []
        self.start(code, list(headers) + extra, reason)
        if has_body:
            self.body(data)

    def page(self, code, headers=()):
        text = "%d %s" % (code, self.responses.get(code, ("Status",))[0])
        html = "<html><head><title>%s</title></head><body><h1>%s</h1></body></html>\n"
        self.reply(code, (html % (text, text)).encode(), headers=headers)

    def hang(self):
        """Say nothing until the client closes (a disconnect) or HANG_LIMIT passes."""
        self.close_connection = True
        end = time.monotonic() + HANG_LIMIT
        while time.monotonic() < end:
            if select.select([self.connection], [], [], 1.0)[0]:
                try:
                    if self.connection.recv(4096):
                        continue  # more request bytes: ignore them
                except OSError:
                    pass
                return bump("disconnects")

    def reset(self):
        """Abort the connection with a TCP RST (SO_LINGER 0) rather than a FIN."""
        time.sleep(0.1)  # let the bytes already sent reach the client first
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()
        self.connection.close()
        self.close_connection = True

    def read_file(self, name):
        """Bytes and stat of ROOT/NAME, re-read every time; if it is missing or
        outside ROOT, answer 404 and return (None, None)."""
        root = os.path.realpath(self.root)
        path = os.path.realpath(os.path.join(root, name.lstrip("/")))
        if ".." not in name.split("/") and path.startswith(root + os.sep):
            try:
                with open(path, "rb") as f:
                    return f.read(), os.fstat(f.fileno())
            except OSError:
                pass
        self.page(404)
        return None, None

    def num(self, key, default):
        try:
            return float(self.q.get(key, default))
        except ValueError:
            return float(default)

    # ---- dispatch --------------------------------------------------------
    def do_GET(self):
        self.head = self.command == "HEAD"
        url = urlsplit(self.path)
        path = unquote(url.path)
        self.q = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        if not path.startswith("/stats"):
            bump("requests")
        exact = {"/hang": self.hang_route, "/headers-then-hang": self.headers_hang,
                 "/redirect-loop": self.redirect_loop, "/redirect-scheme": self.redirect_scheme,
                 "/big": self.big, "/bomb": self.bomb, "/badgzip": self.badgzip,
                 "/stats": self.stats, "/stats/reset": lambda: self.stats(reset=True),
                 "/reason": self.reason, "/echo-headers": self.echo_headers}
        prefixed = {"/files/": self.files, "/status/": self.status, "/redirect/": self.redirect,
                    "/slow/": self.slow, "/cut/": self.cut, "/count/": self.count}
        if path in exact:
            return exact[path]()
        for prefix, route in prefixed.items():
            if path.startswith(prefix):
                return route(path[len(prefix):])
        self.page(404)

    do_HEAD = do_GET

    # ---- routes ----------------------------------------------------------
    def files(self, name, conditional=True):
        data, st = self.read_file(name)
        if data is None:
            return
        headers = []
        if conditional and self.q.get("noetag") != "1":
            etag = '"%s"' % hashlib.sha256(data).hexdigest()[:32]
            headers = [("ETag", etag), ("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True))]
            inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            fresh = False
            if inm is not None:  # If-None-Match wins over If-Modified-Since
                tags = [t.strip() for t in inm.split(",")]
                fresh = "*" in tags or etag in tags or "W/" + etag in tags
            elif ims:
                try:
                    fresh = int(st.st_mtime) <= email.utils.parsedate_to_datetime(ims).timestamp()
                except (TypeError, ValueError):
                    pass
            if fresh:
                return self.reply(304, headers=headers)
        if self.q.get("gzip") == "1":
            headers.append(("Vary", "Accept-Encoding"))
            if "gzip" in self.headers.get("Accept-Encoding", "").lower():
                data, self.gzipped = gzip.compress(data), True
                headers.append(("Content-Encoding", "gzip"))
        self.reply(200, data, self.q.get("type") or type_of(name), headers)

    def status(self, code):
        if not code.isdigit():
            return self.page(400)
        self.page(int(code), [("Retry-After", self.q["retry_after"])] if "retry_after" in self.q else [])

    def redirect_to(self, location):
        reason = None
        if self.q.get("location_esc") == "1":
            location, reason = location + "\x1b[31m\x1b]0;pwned\x07", "Found\x1b[2J"
        # header values go out as latin-1: let UTF-8 bytes through unchanged
        location = location.encode("utf-8", "surrogateescape").decode("latin-1")
        self.start(302, [("Location", location), ("Content-Length", "0")], reason)

    def redirect(self, n):
        if not n.isdigit():
            return self.page(400)
        query = urlsplit(self.path).query
        if int(n) > 1:
            return self.redirect_to("/redirect/%d%s" % (int(n) - 1, "?" + query if query else ""))
        self.redirect_to(self.q.get("to") or "/files/" + quote(self.q.get("file", "")))

    def redirect_loop(self):
        self.redirect_to(self.path)

    def redirect_scheme(self):
        self.redirect_to(self.q.get("to", "file:///etc/passwd"))

    def slow(self, name):
        data, _ = self.read_file(name)
        if data is None:
            return
        delay = self.num("delay", 1)
        self.start(200, [("Content-Type", type_of(name)), ("Content-Length", str(len(data)))])
        for i in range(0 if self.head else len(data)):
            if i:
                time.sleep(delay)
            self.body(data[i:i + 1])

    def hang_route(self):
        self.log_line("-")
        self.hang()

    def headers_hang(self):
        self.start(200, [("Content-Type", "application/rss+xml"), ("Content-Length", "1000")])
        self.hang()

    def cut(self, name):
        data, _ = self.read_file(name)
        if data is None:
            return
        after = int(self.num("after", len(data) // 2))
        if self.q.get("chunked") == "1":
            self.start(200, [("Content-Type", type_of(name)), ("Transfer-Encoding", "chunked")])
            self.body(b"%x\r\n" % len(data) + data[:after])
        else:
            self.start(200, [("Content-Type", type_of(name)), ("Content-Length", str(len(data)))])
            self.body(data[:after])
        self.reset()

    def big(self):
        size = max(0, int(self.num("mb", 1) * MIB))
        self.start(200, [("Content-Type", "application/rss+xml"), ("Transfer-Encoding", "chunked")])
        self.chunk(RSS_HEAD[:size])
        left, i = size - len(RSS_HEAD) - len(RSS_TAIL), 0
        while left > 0:  # ~64 KiB chunks of <item>s; spaces pad the last one to size
            block, n = [], 0
            while left > 0 and n < 65536:
                item = (b"<item><title>Junk job %d</title><link>http://example.invalid/%d</link>"
                        b"<description>Filler text for a very large feed.</description></item>\n"
                        % (i, i))
                item = item if len(item) <= left else b" " * left
                block.append(item)
                n, left, i = n + len(item), left - len(item), i + 1
            self.chunk(b"".join(block))
        self.chunk(RSS_TAIL[:max(0, size - len(RSS_HEAD))])
        self.body(b"0\r\n\r\n")

    def bomb(self):
        body = make_bomb(int(self.num("mb", 100) * MIB))
        self.reply(200, body, "application/rss+xml", [("Content-Encoding", "gzip")])

    def badgzip(self):
        self.reply(200, b"this is plain text, not gzip at all\n" * 20, "application/rss+xml",
                   [("Content-Encoding", "gzip")])

    def count(self, name):
        bump("count_requests")
        bump("inflight")
        try:
            time.sleep(self.num("delay", 1))
            self.files(name, conditional=False)
        finally:
            bump("inflight", -1)

    def stats(self, reset=False):
        with lock:
            if reset:
                stats.update(dict.fromkeys(stats, 0))
            data = json.dumps(stats, sort_keys=True).encode() + b"\n"
        self.reply(200, data, "application/json")

    def reason(self):
        code = int(self.num("code", 200))
        self.reply(code, b"reason phrase test\n", "text/plain", reason="OK \x1b[31mred\x07 bell")

    def echo_headers(self):
        hdrs = {k: ", ".join(self.headers.get_all(k)) for k in self.headers.keys()}
        self.reply(200, json.dumps(hdrs, sort_keys=True).encode() + b"\n", "application/json")


def main():
    ap = argparse.ArgumentParser(description="jobterm test HTTP server")
    ap.add_argument("--root", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    args = ap.parse_args()
    Handler.root = args.root
    if args.log:
        Handler.logfile = open(args.log, "a", encoding="utf-8")
    ThreadingHTTPServer.daemon_threads = True  # never wait for hanging connections
    ThreadingHTTPServer.block_on_close = False
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write("%d\n" % server.server_address[1])
        os.replace(args.port_file + ".tmp", args.port_file)

    def stop(*_):
        raise SystemExit(0)
    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except (KeyboardInterrupt, SystemExit):
        pass
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
