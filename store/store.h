/*
 * The SQLite cache: feeds, postings, per-posting user state, and the queries over them.
 *
 * This is the only module that includes sqlite3.h. One struct store is one connection and
 * belongs to one thread: the UI thread opens one (STORE_USER: synchronous=FULL, it writes
 * favourites) and the fetcher thread opens its own (STORE_BULK: synchronous=NORMAL, it
 * writes postings). Both use WAL, foreign keys and a busy timeout, so two jobterm processes
 * can share one file. Every statement binds its parameters; no text is ever spliced into SQL.
 *
 * Favourites are user data: nothing here that a refresh, a prune or a feed removal calls
 * deletes a favourite posting or its description.
 */
#ifndef STORE_STORE_H
#define STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/job.h"
#include "store/status.h"

struct store;

enum store_role {
	STORE_USER,		/* writes user state: synchronous=FULL */
	STORE_BULK,		/* the fetcher's bulk writes: synchronous=NORMAL */
};

/*
 * Open (creating if needed, with its directory) the database at path and bring its schema
 * up to date. A database written by a newer jobterm is refused with JT_ERR_DB_NEWER and not
 * changed; a file that is not a jobterm database gives JT_ERR_DB. On success *out is the
 * caller's, to be closed with store_close(). The connection belongs to the calling thread.
 */
enum jt_status store_open(const char *path, enum store_role role, struct store **out,
			  struct jt_err *err);
/* Close the connection (NULL is a no-op). */
void store_close(struct store *s);
/* True when store_open() created the database (it held no schema before). */
bool store_created(const struct store *s);
/* The schema version this jobterm writes (PRAGMA user_version). */
int store_schema_version(void);

/* ---- feeds ---------------------------------------------------------------------------- */

/*
 * Add a feed; name and format may be NULL. Adding a URL that is already there updates its
 * name and format (those given) and returns JT_OK.
 */
enum jt_status store_feed_add(struct store *s, const char *url, const char *name,
			      const char *format, struct jt_err *err);
/*
 * Remove a feed and its postings, except favourites, which stay readable (JT_ERR_NOTFOUND
 * when no such feed).
 */
enum jt_status store_feed_remove(struct store *s, const char *url, struct jt_err *err);
/* All feeds, oldest first, with their posting counts. *out must be initialised. */
enum jt_status store_feeds_list(struct store *s, struct feed_list *out, struct jt_err *err);
/* One feed by URL into *out (initialised by the caller; JT_ERR_NOTFOUND when absent). */
enum jt_status store_feed_get(struct store *s, const char *url, struct feed *out,
			      struct jt_err *err);
/*
 * Record the outcome of a fetch attempt for the feed at f->url: title, etag, last_modified,
 * last_fetch, last_ok, last_status, last_error and next_fetch are written as given (NULL
 * strings clear them, except title, etag and last_modified, which a NULL leaves as they
 * were; last_ok never goes back). A URL that is not a configured feed is ignored.
 */
enum jt_status store_feed_record(struct store *s, const struct feed *f, struct jt_err *err);

/* ---- refresh (the fetcher's connection) ----------------------------------------------- */

/*
 * A refresh of one feed is one write transaction: store_ingest_begin(), then
 * store_ingest_put() for each posting, then store_ingest_commit() (or store_ingest_rollback()
 * on any failure, which leaves the cache exactly as it was). `now` stamps first_seen and
 * last_seen. Postings are matched on (feed url, guid), so ids are stable across refreshes and
 * user state is never touched.
 */
enum jt_status store_ingest_begin(struct store *s, const char *feed_url, int64_t now,
				  struct jt_err *err);
/* Insert or update one posting (job->guid must be set). *added (may be NULL) tells if new. */
enum jt_status store_ingest_put(struct store *s, const struct job *job, bool *added,
				struct jt_err *err);
enum jt_status store_ingest_commit(struct store *s, struct jt_err *err);
void store_ingest_rollback(struct store *s);

/*
 * Delete postings not seen by any refresh for `days` days (counted from now), except
 * favourites. *removed (may be NULL) gets the count.
 */
enum jt_status store_prune(struct store *s, int days, int64_t now, int64_t *removed,
			   struct jt_err *err);

/* ---- postings ------------------------------------------------------------------------- */

/*
 * Up to `limit` postings matching filter, in its sort order, starting after `after` (the
 * last posting of the previous page, as returned by an earlier call with the same filter;
 * NULL for the first page). Listing is keyset-paginated: the cost of a page does not depend
 * on how far down it is. Rows carry the summary fields and user state, not the description.
 * Unless the filter says otherwise, a job on several boards is one row (its representative,
 * with job.sources), and blocked postings that are not favourites are left out.
 * Postings are appended to *out (initialised by the caller).
 */
enum jt_status store_jobs_query(struct store *s, const struct job_filter *filter,
				const struct job *after, size_t limit, struct job_list *out,
				struct jt_err *err);
/* How many postings match filter. */
enum jt_status store_jobs_count(struct store *s, const struct job_filter *filter, int64_t *n,
				struct jt_err *err);
/* One posting with every field, description included (JT_ERR_NOTFOUND when absent). */
enum jt_status store_job_get(struct store *s, int64_t id, struct job *out, struct jt_err *err);

enum job_flag {
	JOB_FLAG_READ,
	JOB_FLAG_FAVOURITE,
	JOB_FLAG_HIDDEN,
};

/*
 * Set or clear a user flag on posting id and on its duplicates (store/hunt.h), durably
 * (JT_ERR_NOTFOUND when no such posting). Unstarring a tracked posting is refused
 * (JT_ERR_DB: a tracked posting stays a favourite; hunt_track_set() stops tracking).
 */
enum jt_status store_job_flag_set(struct store *s, int64_t id, enum job_flag flag, bool on,
				  struct jt_err *err);

#endif
