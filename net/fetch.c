/*
 * The fetcher thread: downloads feeds with a curl multi handle and stores them.
 *
 * Owns every curl handle and its own database connection; it never touches curses and the
 * UI thread never touches curl. The two share only the command and event queues below, each
 * guarded by the one mutex; messages carry owned strings, never handles. The UI learns about
 * events through a byte on the wake pipe.
 *
 * A body goes to an unlinked temporary file while it downloads (capped in the write callback,
 * after decompression), and is parsed and stored only once the transfer completed: one
 * transaction per feed, rolled back if the document turns out to be malformed. So a failed,
 * cut, oversized or malformed download changes nothing in the cache.
 */
#include "config.h"
#include "net/fetch.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "net/feed.h"
#include "store/store.h"
#include "store/text.h"
#include "store/xmalloc.h"

#define USER_AGENT PACKAGE_NAME "/" PACKAGE_VERSION

enum cmd_type {
	CMD_REFRESH,
	CMD_QUIT,
};

struct cmd {
	enum cmd_type type;
	char **urls;		/* CMD_REFRESH: owned; n == 0 means every feed */
	size_t n;
	struct cmd *next;
};

struct event_node {
	struct fetch_event ev;
	struct event_node *next;
};

struct fetcher {
	struct fetch_options opt;
	char *db_path;
	pthread_t thread;
	pthread_mutex_t lock;		/* guards the two queues */
	struct cmd *cmds, **cmds_tail;
	struct event_node *events, **events_tail;
	int wake[2];			/* fetcher writes [1], the UI polls [0] */
	CURLM *multi;			/* created by fetch_start, used only by the thread */
	atomic_bool quit;		/* set by fetch_stop; aborts transfers */
};

/* One feed's download: one or more pages, each into its own unlinked temporary file. */
struct transfer {
	struct fetcher *f;
	CURL *easy;
	struct curl_slist *headers;	/* the conditional GET of the first page */
	char *url;			/* the feed, as configured */
	char *format;			/* forced format, or NULL; then detected from page one */
	char *host;			/* of the feed URL, for the per-host limit */
	int *pages;			/* finished pages' files, in order */
	int npages;
	char **page_urls;		/* every URL asked for, to refuse a loop */
	int nurls;
	int fd;				/* the page downloading now */
	size_t bytes;			/* in it */
	bool toobig;
	char *etag;			/* validators of the latest response */
	char *last_modified;
	char *first_etag;		/* ... and of the first page's, which are the feed's */
	char *first_last_modified;
	char *reason;			/* the final status line's reason phrase */
	long retry_after;		/* seconds, from a 429 or 503 */
	bool running;
	bool finished;
	char errbuf[CURL_ERROR_SIZE];
};

/* ---- process-wide ------------------------------------------------------------------------- */

void
fetch_global_init(void)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		die("cannot initialise libcurl");
	feed_xml_init();
}

void
fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

/* ---- queues ------------------------------------------------------------------------------- */

static void
wake(struct fetcher *f)
{
	char c = 1;
	ssize_t n;

	do
		n = write(f->wake[1], &c, 1);
	while (n < 0 && errno == EINTR);
	/* EAGAIN: the pipe is full of wake-ups already, which is as good. */
}

static void
event_post(struct fetcher *f, const struct fetch_event *ev)
{
	struct event_node *node = xcalloc(1, sizeof(*node));

	node->ev = *ev;
	pthread_mutex_lock(&f->lock);
	*f->events_tail = node;
	f->events_tail = &node->next;
	pthread_mutex_unlock(&f->lock);
	wake(f);
}

static void
cmd_post(struct fetcher *f, struct cmd *cmd)
{
	pthread_mutex_lock(&f->lock);
	*f->cmds_tail = cmd;
	f->cmds_tail = &cmd->next;
	pthread_mutex_unlock(&f->lock);
	curl_multi_wakeup(f->multi);
}

static struct cmd *
cmd_take(struct fetcher *f)
{
	struct cmd *cmd;

	pthread_mutex_lock(&f->lock);
	cmd = f->cmds;
	if (cmd) {
		f->cmds = cmd->next;
		if (!f->cmds)
			f->cmds_tail = &f->cmds;
	}
	pthread_mutex_unlock(&f->lock);
	return cmd;
}

static void
cmd_free(struct cmd *cmd)
{
	for (size_t i = 0; i < cmd->n; i++)
		free(cmd->urls[i]);
	free(cmd->urls);
	free(cmd);
}

bool
fetch_event_next(struct fetcher *f, struct fetch_event *ev)
{
	struct event_node *node;

	pthread_mutex_lock(&f->lock);
	node = f->events;
	if (node) {
		f->events = node->next;
		if (!f->events)
			f->events_tail = &f->events;
	} else {
		char buf[64];

		while (read(f->wake[0], buf, sizeof(buf)) > 0)
			;
	}
	pthread_mutex_unlock(&f->lock);
	if (!node)
		return false;
	*ev = node->ev;
	free(node);
	return true;
}

void
fetch_event_done(struct fetch_event *ev)
{
	free(ev->url);
	free(ev->message);
	memset(ev, 0, sizeof(*ev));
}

int
fetch_wake_fd(const struct fetcher *f)
{
	return f->wake[0];
}

void
fetch_refresh(struct fetcher *f, const char *const *urls, size_t n)
{
	struct cmd *cmd = xcalloc(1, sizeof(*cmd));

	cmd->type = CMD_REFRESH;
	cmd->n = n;
	if (n) {
		cmd->urls = xcalloc(n, sizeof(*cmd->urls));
		for (size_t i = 0; i < n; i++)
			cmd->urls[i] = xstrdup(urls[i]);
	}
	cmd_post(f, cmd);
}

/* ---- URLs --------------------------------------------------------------------------------- */

/* The lower-case scheme and host of url, or false when curl cannot parse it. */
static bool
url_parts(const char *url, char **scheme, char **host)
{
	CURLU *u = curl_url();
	char *s = NULL, *h = NULL;
	bool ok = false;

	if (!u)
		die("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &s, 0) == CURLUE_OK) {
		ok = true;
		if (curl_url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK)
			h = NULL;
		*scheme = xstrdup(s);
		*host = xstrdup(h ? h : "");
	}
	curl_free(s);
	curl_free(h);
	curl_url_cleanup(u);
	return ok;
}

/* ref resolved against base (both URLs, ref perhaps relative); NULL when either is bad. */
static char *
url_resolve(const char *base, const char *ref)
{
	CURLU *u = curl_url();
	char *joined = NULL, *out = NULL;

	if (!u)
		die("out of memory");
	if (curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, ref, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &joined, 0) == CURLUE_OK)
		out = xstrdup(joined);
	curl_free(joined);
	curl_url_cleanup(u);
	return out;
}

static bool
has_control_or_space(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return true;
	return false;
}

/* True when url starts with a scheme ("javascript:", "file:") other than http and https. */
static bool
has_other_scheme(const char *url)
{
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

	if (!n || url[n] != ':' || !((url[0] | 0x20) >= 'a' && (url[0] | 0x20) <= 'z'))
		return false;
	return !((n == 4 && !strncasecmp(url, "http", 4)) ||
		 (n == 5 && !strncasecmp(url, "https", 5)));
}

bool
fetch_url_openable(const char *url, const char **why)
{
	char *scheme = NULL, *host = NULL;
	bool ok = false;
	const char *reason = "not a URL";

	if (!url || !*url)
		reason = "no URL";
	else if (has_other_scheme(url))
		reason = "only http and https links are opened";
	else if (has_control_or_space(url))
		reason = "the URL contains spaces or control characters";
	else if (url_parts(url, &scheme, &host)) {
		if (strcmp(scheme, "http") && strcmp(scheme, "https"))
			reason = "only http and https links are opened";
		else if (!*host)
			reason = "the URL has no host";
		else
			ok = true;
	}
	free(scheme);
	free(host);
	if (why)
		*why = ok ? NULL : reason;
	return ok;
}

/* ---- transfers ---------------------------------------------------------------------------- */

static size_t
on_body(char *data, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t len = size * nmemb;
	size_t done = 0;

	if (t->bytes + len > t->f->opt.max_bytes) {
		t->toobig = true;
		return 0;	/* anything but len: CURLE_WRITE_ERROR */
	}
	while (done < len) {
		ssize_t n = write(t->fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		done += (size_t)n;
	}
	t->bytes += len;
	return len;
}

/* Copy a header value, trimmed, refusing control characters (it may be sent back to a server). */
static char *
header_value(const char *v, size_t len)
{
	while (len && (*v == ' ' || *v == '\t'))
		v++, len--;
	while (len && (v[len - 1] == '\r' || v[len - 1] == '\n' || v[len - 1] == ' '))
		len--;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)v[i] < ' ' || v[i] == 0x7f)
			return NULL;
	return len && len < 512 ? xstrndup(v, len) : NULL;
}

static bool
header_is(const char *line, size_t len, const char *name, const char **value, size_t *vlen)
{
	size_t n = strlen(name);

	if (len <= n || strncasecmp(line, name, n) || line[n] != ':')
		return false;
	*value = line + n + 1;
	*vlen = len - n - 1;
	return true;
}

static size_t
on_header(char *line, size_t size, size_t nmemb, void *userp)
{
	struct transfer *t = userp;
	size_t len = size * nmemb;
	const char *v;
	size_t vlen;

	if (len >= 5 && !strncmp(line, "HTTP/", 5)) {
		/* A new response (after a redirect or a 100): forget the previous one's. */
		const char *sp = memchr(line, ' ', len);

		free(t->etag);
		free(t->last_modified);
		free(t->reason);
		t->etag = t->last_modified = t->reason = NULL;
		t->retry_after = 0;
		if (sp && (sp = memchr(sp + 1, ' ', len - (size_t)(sp + 1 - line))))
			t->reason = text_utf8_repair(sp + 1, len - (size_t)(sp + 1 - line), NULL);
	} else if (header_is(line, len, "ETag", &v, &vlen)) {
		free(t->etag);
		t->etag = header_value(v, vlen);
	} else if (header_is(line, len, "Last-Modified", &v, &vlen)) {
		free(t->last_modified);
		t->last_modified = header_value(v, vlen);
	} else if (header_is(line, len, "Retry-After", &v, &vlen)) {
		char *s = header_value(v, vlen), *end;
		long secs;

		if (s) {
			errno = 0;
			secs = strtol(s, &end, 10);
			if (errno || *end || secs < 0) {
				time_t when = curl_getdate(s, NULL);

				secs = when > 0 ? (long)(when - time(NULL)) : 0;
			}
			t->retry_after = secs > 0 ? secs : 0;
			free(s);
		}
	}
	return len;
}

static int
on_progress(void *userp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
	    curl_off_t ulnow)
{
	struct transfer *t = userp;

	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	return atomic_load(&t->f->quit) ? 1 : 0;
}

static int
temp_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	path = xasprintf("%s/jobterm.XXXXXX", dir);
	fd = mkostemp(path, O_CLOEXEC);
	if (fd >= 0)
		unlink(path);
	free(path);
	return fd;
}

static void
transfer_free(struct transfer *t)
{
	if (!t)
		return;
	if (t->easy) {
		if (t->running)
			curl_multi_remove_handle(t->f->multi, t->easy);
		curl_easy_cleanup(t->easy);
	}
	curl_slist_free_all(t->headers);
	if (t->fd >= 0)
		close(t->fd);
	for (int i = 0; i < t->npages; i++)
		close(t->pages[i]);
	free(t->pages);
	for (int i = 0; i < t->nurls; i++)
		free(t->page_urls[i]);
	free(t->page_urls);
	free(t->url);
	free(t->format);
	free(t->host);
	free(t->etag);
	free(t->last_modified);
	free(t->first_etag);
	free(t->first_last_modified);
	free(t->reason);
	free(t);
}

/* Point the transfer at url, a new page: a fresh file, no conditional headers after the first. */
static bool
transfer_page(struct transfer *t, const char *url)
{
	for (int i = 0; i < t->nurls; i++)
		if (!strcmp(t->page_urls[i], url))
			return false;		/* a loop of pages */
	if (t->fd >= 0) {
		t->pages = xreallocarray(t->pages, (size_t)t->npages + 1, sizeof(*t->pages));
		t->pages[t->npages++] = t->fd;
	}
	if ((t->fd = temp_file()) < 0)
		return false;
	t->page_urls = xreallocarray(t->page_urls, (size_t)t->nurls + 1, sizeof(*t->page_urls));
	t->page_urls[t->nurls++] = xstrdup(url);
	t->bytes = 0;
	t->toobig = false;
	t->errbuf[0] = '\0';
	curl_easy_setopt(t->easy, CURLOPT_URL, url);
	if (t->npages)
		curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, NULL);
	return true;
}

static void
setopt_protocols(CURL *easy)
{
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FILE);
	curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
}

/* A transfer for feed (url, forced format, stored validators), or NULL with err. */
static struct transfer *
transfer_new(struct fetcher *f, const struct feed *feed, struct jt_err *err)
{
	struct transfer *t = xcalloc(1, sizeof(*t));
	char *scheme = NULL, *download;
	const struct fetch_options *o = &f->opt;

	t->f = f;
	t->fd = -1;
	t->url = xstrdup(feed->url);
	t->format = xstrdup(feed->format);
	if (has_control_or_space(feed->url) || !url_parts(feed->url, &scheme, &t->host)) {
		jt_fail(err, JT_ERR_USAGE, "not a URL");
		goto fail;
	}
	if (strcmp(scheme, "http") && strcmp(scheme, "https") && strcmp(scheme, "file")) {
		jt_fail(err, JT_ERR_USAGE, "unsupported scheme %s: (http, https and file only)",
			scheme);
		goto fail;
	}
	if (!(t->easy = curl_easy_init()))
		die("out of memory");
	download = feed_fetch_url(feed->format, feed->url);
	if (!transfer_page(t, download)) {
		free(download);
		jt_fail(err, JT_ERR_IO, "cannot create a temporary file: %s", strerror(errno));
		goto fail;
	}
	free(download);
	if (feed->etag) {
		char *h = xasprintf("If-None-Match: %s", feed->etag);

		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	if (feed->last_modified) {
		char *h = xasprintf("If-Modified-Since: %s", feed->last_modified);

		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	setopt_protocols(t->easy);
	curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t);
	curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->easy, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(t->easy, CURLOPT_USERAGENT, USER_AGENT);
	curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(t->easy, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(t->easy, CURLOPT_MAXREDIRS, o->max_redirs);
	curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(t->easy, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_LIMIT, 64L);
	curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_TIME, o->stall_timeout);
	/* Decompression is safe only because on_body caps what it inflates to. */
	if (o->max_bytes)
		curl_easy_setopt(t->easy, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(t->easy, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(t->easy, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(t->easy, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(t->easy, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(t->easy, CURLOPT_XFERINFODATA, t);
	free(scheme);
	return t;
fail:
	free(scheme);
	transfer_free(t);
	return NULL;
}

/* ---- storing a finished download ---------------------------------------------------------- */

struct ingest {
	struct fetcher *f;
	struct store *store;
	size_t added;
};

static enum jt_status
ingest_posting(struct feed_sink *sink, struct job *job, struct jt_err *err)
{
	struct ingest *in = sink->ctx;
	bool added = false;
	enum jt_status rc;

	if (atomic_load(&in->f->quit))	/* quitting: drop this feed's transaction at once */
		return jt_fail(err, JT_ERR_ABORTED, "aborted");
	rc = store_ingest_put(in->store, job, &added, err);

	if (rc == JT_OK && added)
		in->added++;
	return rc;
}

/* The format of the feed: forced, or detected from its first page; NULL with err. */
static const char *
detect(struct transfer *t, struct jt_err *err)
{
	char head[1024];
	ssize_t n = pread(t->npages ? t->pages[0] : t->fd, head, sizeof(head), 0);

	if (n < 0) {
		jt_fail(err, JT_ERR_IO, "cannot read the download: %s", strerror(errno));
		return NULL;
	}
	return feed_detect(t->format, t->url, head, (size_t)n, err);
}

/* Parse page i (npages: the latest) into sink, with that page's URL as the base. */
static enum jt_status
parse_page(struct transfer *t, const char *format, int i, struct feed_sink *sink,
	   struct jt_err *err)
{
	int fd = i < t->npages ? t->pages[i] : t->fd;
	struct feed_input in = { .buf = NULL, .len = 0, .fd = fd };

	if (lseek(fd, 0, SEEK_SET) < 0)
		return jt_fail(err, JT_ERR_IO, "cannot read the download: %s", strerror(errno));
	sink->url = t->page_urls[i];
	free(sink->next_url);
	sink->next_url = NULL;
	return feed_parse(format, &in, sink, err);
}

/* A page arrived: was it a good one? The first page's validators are the feed's. */
static bool
page_arrived(struct transfer *t)
{
	long status = 0;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	if (t->npages == 0) {
		free(t->first_etag);
		free(t->first_last_modified);
		t->first_etag = t->etag ? xstrdup(t->etag) : NULL;
		t->first_last_modified = t->last_modified ? xstrdup(t->last_modified) : NULL;
	}
	if (status != 0 && (status < 200 || status >= 300))
		return false;
	if (!t->format) {
		const char *format = detect(t, NULL);

		t->format = format ? xstrdup(format) : NULL;
	}
	return true;
}

/*
 * After a good page: when the document names a next page (JSON Feed next_url, API cursors),
 * point the transfer at it and return true. A quick pass counts the page's postings to
 * learn that; RSS and Atom have no pages. Stops at max_pages, at an empty page and at a loop.
 */
static bool
next_page(struct transfer *t)
{
	const char *format;
	struct feed_sink sink;
	bool more = false;

	if (t->nurls >= t->f->opt.max_pages || !(format = t->format) ||
	    !strcmp(format, "rss") || !strcmp(format, "atom"))
		return false;
	feed_sink_init(&sink, t->page_urls[t->nurls - 1]);
	if (parse_page(t, format, t->npages, &sink, NULL) == JT_OK && sink.items > 0 &&
	    sink.next_url) {
		char *next = url_resolve(t->page_urls[t->nurls - 1], sink.next_url);

		if (next && fetch_url_openable(next, NULL))
			more = transfer_page(t, next);
		free(next);
	}
	feed_sink_done(&sink);
	return more;
}

/* Parse every downloaded page and store them in one transaction; fills ev. */
static enum jt_status
store_body(struct store *store, struct transfer *t, struct fetch_event *ev, char **title,
	   struct jt_err *err)
{
	const char *format = detect(t, err);
	struct feed_sink sink;
	struct ingest ingest = { .f = t->f, .store = store };
	enum jt_status rc;

	if (!format)
		return JT_ERR_FORMAT;
	feed_sink_init(&sink, t->page_urls[0]);
	sink.posting = ingest_posting;
	sink.ctx = &ingest;
	rc = store_ingest_begin(store, t->url, (int64_t)time(NULL), err);
	for (int i = 0; rc == JT_OK && i <= t->npages; i++)
		rc = parse_page(t, format, i, &sink, err);
	if (rc == JT_OK)
		rc = store_ingest_commit(store, err);
	else
		store_ingest_rollback(store);
	ev->postings = sink.items;
	ev->skipped = sink.skipped;
	ev->added = ingest.added;
	ev->pages = t->npages + 1;
	*title = sink.title;
	sink.title = NULL;
	feed_sink_done(&sink);
	return rc;
}

/* Words for a curl failure, naming the limit that was hit where there is one. */
static enum jt_status
curl_failure(struct transfer *t, CURLcode code, struct jt_err *err)
{
	const struct fetch_options *o = &t->f->opt;

	if (t->toobig)
		return jt_fail(err, JT_ERR_TOOBIG, "larger than %zu MB, the most jobterm downloads",
			       o->max_bytes / (1024 * 1024));
	switch (code) {
	case CURLE_OPERATION_TIMEDOUT:
		if (strstr(t->errbuf, "onnect"))
			return jt_fail(err, JT_ERR_TIMEOUT, "connection timed out after %ld s",
				       o->connect_timeout);
		if (strstr(t->errbuf, "slower than"))
			return jt_fail(err, JT_ERR_TIMEOUT, "timed out: stalled for %ld s",
				       o->stall_timeout);
		return jt_fail(err, JT_ERR_TIMEOUT, "timed out after %ld s", o->timeout);
	case CURLE_TOO_MANY_REDIRECTS:
		return jt_fail(err, JT_ERR_NET, "too many redirects (more than %ld)",
			       o->max_redirs);
	case CURLE_UNSUPPORTED_PROTOCOL:
		return jt_fail(err, JT_ERR_NET, "refused: %s (only http and https are followed)",
			       t->errbuf[0] ? t->errbuf : curl_easy_strerror(code));
	case CURLE_ABORTED_BY_CALLBACK:
		return jt_fail(err, JT_ERR_ABORTED, "aborted");
	default:
		return jt_fail(err, JT_ERR_NET, "%s",
			       t->errbuf[0] ? t->errbuf : curl_easy_strerror(code));
	}
}

/* Everything after a transfer ended: store or record the failure, post the event. False when
 * the feed failed. */
static bool
transfer_finish(struct store *store, struct transfer *t, CURLcode code, int done, int total)
{
	struct fetch_event ev = { .type = EV_FEED_DONE, .done = done, .total = total };
	struct feed rec;
	struct jt_err err = { "" };
	long status = 0;
	char *title = NULL;

	feed_init(&rec);
	rec.url = t->url;
	rec.last_fetch = (int64_t)time(NULL);
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	ev.http_status = (int)status;
	if (code != CURLE_OK) {
		ev.status = curl_failure(t, code, &err);
	} else if (status == 304) {
		ev.not_modified = true;
		ev.status = JT_OK;
	} else if (status >= 400 || (status >= 300 && status < 400)) {
		ev.status = jt_fail(&err, JT_ERR_HTTP, "HTTP %ld%s%s", status,
				    t->reason && *t->reason ? " " : "", t->reason ? t->reason : "");
		if (t->retry_after && (status == 429 || status == 503)) {
			size_t len = strlen(err.msg);

			snprintf(err.msg + len, sizeof(err.msg) - len, " (retry after %ld s)",
				 t->retry_after);
		}
	} else {
		ev.status = store_body(store, t, &ev, &title, &err);
	}
	if (ev.status == JT_OK) {
		long interval = feed_min_interval(t->format ? t->format : feed_detect_url(t->url));

		rec.last_ok = rec.last_fetch;
		rec.title = title;
		if (interval > 0)
			rec.next_fetch = rec.last_fetch + interval;
		if (!ev.not_modified) {
			rec.etag = t->first_etag;
			rec.last_modified = t->first_last_modified;
		}
	} else {
		if (t->retry_after && (status == 429 || status == 503))
			rec.next_fetch = rec.last_fetch + (t->retry_after < 86400 ? t->retry_after
									  : 86400);
		rec.last_error = err.msg;
		ev.message = xstrdup(err.msg);
	}
	rec.last_status = (int)status;
	store_feed_record(store, &rec, NULL);
	free(title);
	ev.url = xstrdup(t->url);
	event_post(t->f, &ev);
	return ev.status == JT_OK;
}

/* ---- the refresh loop --------------------------------------------------------------------- */

static int
host_running(struct transfer **ts, size_t n, const char *host)
{
	int count = 0;

	for (size_t i = 0; i < n; i++)
		if (ts[i] && ts[i]->running && !strcmp(ts[i]->host, host))
			count++;
	return count;
}

/* Start waiting transfers while the total and per-host limits allow. */
static void
start_more(struct fetcher *f, struct transfer **ts, size_t n, int *running)
{
	for (size_t i = 0; i < n && *running < f->opt.max_parallel; i++) {
		struct transfer *t = ts[i];

		if (!t || t->running || t->finished ||
		    host_running(ts, n, t->host) >= f->opt.max_per_host)
			continue;
		if (curl_multi_add_handle(f->multi, t->easy) != CURLM_OK)
			continue;
		t->running = true;
		(*running)++;
	}
}

/* The feeds a refresh command covers: its URLs, or every configured feed. */
static void
refresh_feeds(struct store *store, const struct cmd *cmd, struct feed_list *feeds)
{
	if (!cmd->n) {
		store_feeds_list(store, feeds, NULL);
		return;
	}
	for (size_t i = 0; i < cmd->n; i++) {
		struct feed *feed = feed_list_push(feeds);

		if (store_feed_get(store, cmd->urls[i], feed, NULL) != JT_OK)
			feed->url = xstrdup(cmd->urls[i]);
	}
}

static void
refresh(struct fetcher *f, struct store *store, const struct cmd *cmd)
{
	struct feed_list feeds;
	struct transfer **ts;
	struct fetch_event ev = { .type = EV_REFRESH_START };
	int running = 0, done = 0, failed = 0;

	feed_list_init(&feeds);
	refresh_feeds(store, cmd, &feeds);
	ts = xcalloc(feeds.n ? feeds.n : 1, sizeof(*ts));
	ev.total = (int)feeds.n;
	event_post(f, &ev);

	for (size_t i = 0; i < feeds.n; i++) {
		struct jt_err err = { "" };

		if (feeds.v[i].next_fetch > (int64_t)time(NULL)) {
			struct fetch_event later = {
				.type = EV_FEED_DONE, .status = JT_OK, .deferred = true,
				.next_fetch = feeds.v[i].next_fetch, .url = xstrdup(feeds.v[i].url),
				.done = ++done, .total = (int)feeds.n,
			};

			event_post(f, &later);
			continue;
		}
		if (!(ts[i] = transfer_new(f, &feeds.v[i], &err))) {
			struct fetch_event fail = {
				.type = EV_FEED_DONE, .status = JT_ERR_USAGE,
				.url = xstrdup(feeds.v[i].url), .message = xstrdup(err.msg),
				.done = ++done, .total = (int)feeds.n,
			};
			struct feed rec;

			feed_init(&rec);
			rec.url = feeds.v[i].url;
			rec.last_fetch = (int64_t)time(NULL);
			rec.last_error = err.msg;
			store_feed_record(store, &rec, NULL);
			failed++;
			event_post(f, &fail);
		}
	}
	start_more(f, ts, feeds.n, &running);
	while (running > 0 && !atomic_load(&f->quit)) {
		CURLMsg *msg;
		CURLcode result;
		int left, still;

		curl_multi_perform(f->multi, &still);
		while ((msg = curl_multi_info_read(f->multi, &left))) {
			struct transfer *t = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
			result = msg->data.result;
			curl_multi_remove_handle(f->multi, t->easy);
			if (result == CURLE_OK && page_arrived(t) && !atomic_load(&f->quit) &&
			    next_page(t) && curl_multi_add_handle(f->multi, t->easy) == CURLM_OK)
				continue;	/* the next page of the same feed */
			t->running = false;
			t->finished = true;
			running--;
			if (atomic_load(&f->quit))
				continue;
			if (!transfer_finish(store, t, result, ++done, (int)feeds.n))
				failed++;
		}
		start_more(f, ts, feeds.n, &running);
		if (running > 0)
			curl_multi_poll(f->multi, NULL, 0, 1000, NULL);
	}
	if (!atomic_load(&f->quit)) {
		if (f->opt.prune_days > 0)
			store_prune(store, f->opt.prune_days, (int64_t)time(NULL), NULL, NULL);
		memset(&ev, 0, sizeof(ev));
		ev.type = EV_REFRESH_DONE;
		ev.done = done;
		ev.total = (int)feeds.n;
		ev.failed = failed;
		event_post(f, &ev);
	}
	for (size_t i = 0; i < feeds.n; i++)
		transfer_free(ts[i]);
	free(ts);
	feed_list_done(&feeds);
}

static void *
thread_main(void *arg)
{
	struct fetcher *f = arg;
	struct store *store = NULL;
	struct jt_err err = { "" };
	sigset_t all;

	/* Signals are the UI thread's business. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	if (store_open(f->db_path, STORE_BULK, &store, &err) != JT_OK) {
		struct fetch_event ev = {
			.type = EV_REFRESH_DONE, .status = JT_ERR_DB, .message = xstrdup(err.msg),
		};

		event_post(f, &ev);
	}
	while (!atomic_load(&f->quit)) {
		struct cmd *cmd = cmd_take(f);

		if (!cmd) {
			curl_multi_poll(f->multi, NULL, 0, 60000, NULL);
			continue;
		}
		if (cmd->type == CMD_QUIT)
			atomic_store(&f->quit, true);
		else if (store)
			refresh(f, store, cmd);
		cmd_free(cmd);
	}
	store_close(store);
	return NULL;
}

enum jt_status
fetch_start(const struct fetch_options *o, struct fetcher **out, struct jt_err *err)
{
	struct fetcher *f = xcalloc(1, sizeof(*f));

	*out = NULL;
	f->opt = *o;
	f->db_path = xstrdup(o->db_path);
	f->opt.db_path = f->db_path;
	if (f->opt.max_parallel < 1)
		f->opt.max_parallel = 1;
	if (f->opt.max_per_host < 1)
		f->opt.max_per_host = 1;
	f->cmds_tail = &f->cmds;
	f->events_tail = &f->events;
	atomic_init(&f->quit, false);
	pthread_mutex_init(&f->lock, NULL);
	if (pipe2(f->wake, O_CLOEXEC | O_NONBLOCK) != 0) {
		free(f->db_path);
		free(f);
		return jt_fail(err, JT_ERR_IO, "cannot create a pipe: %s", strerror(errno));
	}
	if (!(f->multi = curl_multi_init()))
		die("out of memory");
	if (pthread_create(&f->thread, NULL, thread_main, f) != 0) {
		curl_multi_cleanup(f->multi);
		close(f->wake[0]);
		close(f->wake[1]);
		free(f->db_path);
		free(f);
		return jt_fail(err, JT_ERR_IO, "cannot start the fetcher thread");
	}
	*out = f;
	return JT_OK;
}

void
fetch_stop(struct fetcher *f)
{
	struct cmd *quit;
	struct fetch_event ev;

	if (!f)
		return;
	quit = xcalloc(1, sizeof(*quit));
	quit->type = CMD_QUIT;
	atomic_store(&f->quit, true);
	cmd_post(f, quit);
	pthread_join(f->thread, NULL);
	while (f->cmds) {
		struct cmd *next = f->cmds->next;

		cmd_free(f->cmds);
		f->cmds = next;
	}
	while (fetch_event_next(f, &ev))
		fetch_event_done(&ev);
	curl_multi_cleanup(f->multi);
	close(f->wake[0]);
	close(f->wake[1]);
	pthread_mutex_destroy(&f->lock);
	free(f->db_path);
	free(f);
}
