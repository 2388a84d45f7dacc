/*
 * The fetcher: one background thread that refreshes feeds into the cache.
 *
 * fetch_start() starts the thread, which owns every curl handle and its own database
 * connection (STORE_BULK). The caller asks for refreshes with fetch_refresh() and learns what
 * happened through events: after queueing events the thread writes a byte to the wake fd, so
 * the UI polls fetch_wake_fd() next to stdin and the headless `fetch` command waits on it.
 * Each feed's postings are stored in one transaction after its download completed and parsed:
 * a failed, truncated or malformed download changes nothing.
 *
 * All functions are for the thread that called fetch_start() (the UI thread).
 */
#ifndef NET_FETCH_H
#define NET_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "store/status.h"

struct fetch_options {
	const char *db_path;	/* the database file (copied) */
	long connect_timeout;	/* seconds to connect */
	long timeout;		/* seconds for a whole transfer */
	long stall_timeout;	/* seconds below 1 byte/s before giving up */
	size_t max_bytes;	/* most bytes a body may have, after decompression */
	long max_redirs;	/* most redirects followed */
	long max_parallel;	/* transfers at once */
	long max_per_host;	/* transfers at once to one host */
	int max_pages;		/* pages followed for a paginated feed (next_url, cursors) */
	int prune_days;		/* postings unseen this long are pruned after a refresh; 0 = never */
};

struct fetcher;

/* Process-wide set-up of curl and libxml2: call once before any thread starts (tui/net.c
 * does when it loads the module). */
void fetch_global_init(void);
void fetch_global_cleanup(void);

/* Start the thread. *out is the caller's, to be stopped with fetch_stop(). */
enum jt_status fetch_start(const struct fetch_options *o, struct fetcher **out,
			   struct jt_err *err);
/*
 * Stop the thread: transfers in flight are aborted (their feeds unchanged), the thread is
 * joined, everything freed. Returns promptly even when a server is stalling. NULL is a no-op.
 */
void fetch_stop(struct fetcher *f);

/*
 * Refresh the feeds at urls[0..n) (format as configured, else detected), or every
 * configured feed when n is 0. A refresh asked for while one runs is queued after it.
 * A feed whose board asks for rare polling, or whose server answered 429 or 503 with
 * Retry-After, is left alone until then (EV_FEED_DONE with deferred set).
 */
void fetch_refresh(struct fetcher *f, const char *const *urls, size_t n);

/* A descriptor that becomes readable when events are waiting. */
int fetch_wake_fd(const struct fetcher *f);

enum fetch_event_type {
	EV_REFRESH_START,	/* total is how many feeds this refresh covers */
	EV_FEED_DONE,		/* one feed finished, well or not */
	EV_REFRESH_DONE,	/* every feed of the refresh finished */
};

struct fetch_event {
	enum fetch_event_type type;
	char *url;		/* EV_FEED_DONE: the feed (owned) */
	enum jt_status status;	/* EV_FEED_DONE: JT_OK or why it failed */
	char *message;		/* EV_FEED_DONE: the error in words, naming the reason (owned) */
	int http_status;	/* 0 when not HTTP or no response */
	bool not_modified;	/* 304: nothing changed */
	bool deferred;		/* not refreshed: the board or server asked to wait until... */
	long long next_fetch;	/* ...this epoch */
	int pages;		/* pages downloaded */
	size_t postings;	/* postings the feed carried */
	size_t added;		/* of which new */
	size_t skipped;		/* items that could not be read */
	int done;		/* feeds finished so far in this refresh */
	int total;		/* feeds in this refresh */
	int failed;		/* EV_REFRESH_DONE: feeds that failed */
};

/* Take the next event, if any, into *ev (to be released with fetch_event_done). Drains the
 * wake fd when the queue is empty. */
bool fetch_event_next(struct fetcher *f, struct fetch_event *ev);
void fetch_event_done(struct fetch_event *ev);

/*
 * True when url is one jobterm may hand to a browser: http or https, parsed by curl's URL
 * parser, with a host and no control or space characters. *why (may be NULL) gets a static
 * reason when it is not.
 */
bool fetch_url_openable(const char *url, const char **why);

#endif
