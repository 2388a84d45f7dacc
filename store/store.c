/*
 * The SQLite cache: opening and migrating the database, feeds, the refresh transaction, user
 * state, and the filtered, keyset-paginated listing.
 *
 * The only file that includes sqlite3.h. Every statement binds its parameters: SQL text is
 * assembled only from the constant fragments below, never from feed or user text. Nothing
 * here deletes a favourite posting.
 */
#include "config.h"
#include "store/store.h"

#include <assert.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/hunt.h"
#include "store/schema.h"
#include "store/store_db.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

/* How long a connection waits for another writer before giving up (ms). */
#define BUSY_TIMEOUT_MS 30000

/* The statements a connection prepares once and reuses. */
enum stmt_id {
	ST_FEED_ADD,
	ST_FEED_GET,
	ST_FEED_RECORD,
	ST_INGEST_INSERT,
	ST_INGEST_SEEN,
	ST_INGEST_UPDATE,
	ST_JOB_GET,
	ST_JOB_EXISTS,
	ST_FLAG_READ,
	ST_FLAG_FAVOURITE,
	ST_FLAG_HIDDEN,
	ST_TERM_LONGER,
	ST_COUNT_
};

/* Columns of a posting as list rows read them (see row_read). */
#define JOB_COLUMNS \
	"p.id, p.feed_url, coalesce(f.name, f.title), p.title, p.company, p.location, " \
	"p.remote, p.hybrid, p.salary_min, p.salary_max, p.salary_currency, " \
	"p.salary_period, p.salary_year, p.employment_type, p.posted, p.url, p.apply_url, " \
	"p.tags, p.first_seen, p.last_seen, coalesce(u.read, 0), coalesce(u.favourite, 0), " \
	"coalesce(u.hidden, 0), coalesce(u.status, 0), coalesce(u.status_changed, 0), " \
	"coalesce((SELECT g.sources FROM dup_groups g WHERE g.key = p.dup_key), 1)"
#define JOB_COLUMN_COUNT 26
#define JOB_JOINS \
	" LEFT JOIN user_state u ON u.job_id = p.id" \
	" LEFT JOIN feeds f ON f.url = p.feed_url" \
	" LEFT JOIN posting_flags x ON x.id = p.id"

/* Postings rows that are favourites (a WHERE term over a table with an `id` column). A tracked
 * posting is always a favourite (schema migration 3), so this keeps those too. */
#define IS_FAVOURITE "id IN (SELECT job_id FROM user_state WHERE favourite)"
/* A location filter over a folded location and a remote flag: the folded text contains the
 * pattern (bound twice, a LIKE pattern), or the posting is remote and "remote" does. */
#define LOCATION_MATCH(fold, remote) \
	"(" fold " LIKE ? ESCAPE '\\' OR (" remote " AND 'remote' LIKE ? ESCAPE '\\'))"
/* Posting ?1 and its duplicates: user state set on one is set on its whole group. */
#define DUP_GROUP "id = ?1 OR dup_key = (SELECT dup_key FROM postings WHERE id = ?1)"

static const char *const stmt_sql[ST_COUNT_] = {
	[ST_FEED_ADD] =
		"INSERT INTO feeds (url, name, format, added) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (url) DO UPDATE SET name = coalesce(?2, name),"
		" format = coalesce(?3, format)",
	[ST_FEED_GET] =
		"SELECT f.id, f.url, f.name, f.format, f.title, f.etag, f.last_modified,"
		" f.last_fetch, f.last_ok, f.last_status, f.last_error,"
		" (SELECT count(*) FROM postings WHERE feed_url = f.url), f.next_fetch"
		" FROM feeds f WHERE ?1 IS NULL OR f.url = ?1 ORDER BY f.id",
	[ST_FEED_RECORD] =
		"UPDATE feeds SET title = coalesce(?2, title), etag = coalesce(?3, etag),"
		" last_modified = coalesce(?4, last_modified), last_fetch = ?5,"
		" last_ok = max(last_ok, ?6), last_status = ?7, last_error = ?8, next_fetch = ?9"
		" WHERE url = ?1",
	/* A refresh stores a posting by trying, in turn: a new posting; one seen before and
	 * unchanged (only last_seen moves); one seen before and changed. Parameters as in
	 * bind_posting(). */
	[ST_INGEST_INSERT] =
		"INSERT INTO postings (feed_url, guid, title, company, company_fold, location,"
		" location_fold, remote, hybrid, salary_min, salary_max, salary_currency,"
		" salary_period, salary_year, employment_type, posted, date_key, url, apply_url,"
		" description_html, description_text, tags, first_seen, last_seen, hash, dup_key)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
		" coalesce(?16, ?22), ?17, ?18, ?19, ?20, ?21, ?22, ?22, ?23, ?24)"
		" ON CONFLICT (feed_url, guid) DO NOTHING",
	[ST_INGEST_SEEN] =
		"UPDATE postings SET last_seen = ?22 WHERE feed_url = ?1 AND guid = ?2"
		" AND hash = ?23",
	[ST_INGEST_UPDATE] =
		"UPDATE postings SET last_seen = ?22, title = ?3, company = ?4, company_fold = ?5,"
		" location = ?6, location_fold = ?7, remote = ?8, hybrid = ?9, salary_min = ?10,"
		" salary_max = ?11, salary_currency = ?12, salary_period = ?13, salary_year = ?14,"
		" employment_type = ?15, posted = ?16, date_key = coalesce(?16, first_seen),"
		" url = ?17, apply_url = ?18, description_html = ?19, description_text = ?20,"
		" tags = ?21, hash = ?23, dup_key = ?24 WHERE feed_url = ?1 AND guid = ?2",
	[ST_JOB_GET] =
		"SELECT " JOB_COLUMNS ", p.description_html, p.description_text"
		" FROM postings p" JOB_JOINS " WHERE p.id = ?1",
	[ST_JOB_EXISTS] = "SELECT 1 FROM postings WHERE id = ?1",
	[ST_FLAG_READ] =
		"INSERT INTO user_state (job_id, read, changed)"
		" SELECT id, ?2, ?3 FROM postings WHERE " DUP_GROUP
		" ON CONFLICT (job_id) DO UPDATE SET read = ?2, changed = ?3",
	[ST_FLAG_FAVOURITE] =
		"INSERT INTO user_state (job_id, favourite, changed)"
		" SELECT id, ?2, ?3 FROM postings WHERE " DUP_GROUP
		" ON CONFLICT (job_id) DO UPDATE SET favourite = ?2, changed = ?3",
	[ST_FLAG_HIDDEN] =
		"INSERT INTO user_state (job_id, hidden, changed)"
		" SELECT id, ?2, ?3 FROM postings WHERE " DUP_GROUP
		" ON CONFLICT (job_id) DO UPDATE SET hidden = ?2, changed = ?3",
	/* Whether the full-text index has a term in [?1, ?2) (the vocabulary, see store_open). */
	[ST_TERM_LONGER] =
		"SELECT 1 FROM temp.postings_fts_terms WHERE term >= ?1 AND term < ?2 LIMIT 1",
};

struct store {
	sqlite3 *db;
	char *path;			/* for messages */
	bool created;			/* the schema was created by this open */
	sqlite3_stmt *stmt[ST_COUNT_];	/* prepared on first use */
	char *ingest_url;		/* the feed being refreshed, between begin and commit */
	int64_t ingest_now;
	struct hunt_cache *hunt;	/* blocked companies and words (freed by SQLite) */
	int64_t indexed;		/* postings up to this id are in postings_fts; those
					 * above were added by the refresh under way */
};

static enum jt_status
db_fail(struct store *s, struct jt_err *err, const char *what)
{
	return jt_fail(err, JT_ERR_DB, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static enum jt_status
exec(struct store *s, const char *sql, struct jt_err *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(s, err, "cannot update the database");
	return JT_OK;
}

/* The prepared statement id, reset and unbound, ready to bind; NULL (with err) on failure. */
static sqlite3_stmt *
stmt_get(struct store *s, enum stmt_id id, struct jt_err *err)
{
	sqlite3_stmt *st = s->stmt[id];

	if (!st) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st,
				       NULL) != SQLITE_OK) {
			db_fail(s, err, "cannot prepare a statement");
			return NULL;
		}
		s->stmt[id] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

static int64_t
now_epoch(void)
{
	return (int64_t)time(NULL);
}

void
store_bind_text(struct sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

char *
store_col_text(struct sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);

	return v ? xstrdup((const char *)v) : NULL;
}

/* The first column of the first row of sql (a PRAGMA or a SELECT); an SQLite result code. */
static int
query_int(struct store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Create the directory that will hold path, and its parents (mode 0700). */
static enum jt_status
make_parent_dirs(const char *path, struct jt_err *err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	enum jt_status rc = JT_OK;

	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				break;
			*p = '/';
		}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = jt_fail(err, JT_ERR_IO, "cannot create %s: %s", dir, strerror(errno));
	}
	free(dir);
	return rc;
}

/* Bring the schema from its version to schema_version, one transaction per migration. */
static enum jt_status
migrate(struct store *s, struct jt_err *err)
{
	int64_t version;

	/* Up to date: open without the write lock, which a refresh in another process may
	 * hold for seconds. */
	if (query_int(s, "PRAGMA user_version", &version) == SQLITE_OK &&
	    version >= schema_version)
		return JT_OK;
	for (;;) {
		enum jt_status rc;
		char sql[64];

		if (exec(s, "BEGIN IMMEDIATE", err) != JT_OK)
			return JT_ERR_DB;
		/* Read again inside the lock: another process may have migrated meanwhile. */
		if (query_int(s, "PRAGMA user_version", &version) != SQLITE_OK) {
			rc = db_fail(s, err, "cannot read the schema version");
			exec(s, "ROLLBACK", NULL);
			return rc;
		}
		if (version >= schema_version)
			return exec(s, "COMMIT", err);
		if (version == 0)
			s->created = true;
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", (int)version + 1);
		if ((rc = exec(s, schema_migrations[version], err)) != JT_OK ||
		    (rc = exec(s, sql, err)) != JT_OK ||
		    (rc = exec(s, "PRAGMA application_id = 1248813652", err)) != JT_OK ||
		    (rc = exec(s, "COMMIT", err)) != JT_OK) {
			exec(s, "ROLLBACK", NULL);
			return rc;
		}
	}
}

/* jt_indexed(id): whether posting id is in the full-text index yet (schema migration 4). */
static void
sql_indexed(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct store *s = sqlite3_user_data(ctx);

	(void)argc;
	sqlite3_result_int(ctx, sqlite3_value_int64(argv[0]) <= s->indexed);
}

/* Refuse files that are not ours, or are from a newer jobterm, before writing anything. */
static enum jt_status
check_file(struct store *s, struct jt_err *err)
{
	int64_t app = 0, version = 0, objects = 0;

	if (query_int(s, "PRAGMA application_id", &app) != SQLITE_OK ||
	    query_int(s, "PRAGMA user_version", &version) != SQLITE_OK ||
	    query_int(s, "SELECT count(*) FROM sqlite_master", &objects) != SQLITE_OK)
		return db_fail(s, err, "cannot read the database");
	if (app != SCHEMA_APPLICATION_ID && (app != 0 || objects > 0))
		return jt_fail(err, JT_ERR_DB, "%s: not a jobterm database", s->path);
	if (version > schema_version)
		return jt_fail(err, JT_ERR_DB_NEWER,
			       "%s: written by a newer jobterm (schema %lld; this one knows %d); "
			       "left unchanged", s->path, (long long)version, schema_version);
	return JT_OK;
}

enum jt_status
store_open(const char *path, enum store_role role, struct store **out, struct jt_err *err)
{
	struct store *s = xcalloc(1, sizeof(*s));
	enum jt_status rc;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	char mode[16] = "";
	sqlite3_stmt *st;

	*out = NULL;
	s->path = xstrdup(path);
	if ((rc = make_parent_dirs(path, err)) != JT_OK)
		goto fail;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		rc = jt_fail(err, JT_ERR_DB, "%s: cannot open: %s", path,
			     s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	s->indexed = INT64_MAX;
	if (!(s->hunt = hunt_attach(s->db)) ||
	    sqlite3_create_function_v2(s->db, "jt_indexed", 1, SQLITE_UTF8, s, sql_indexed,
				       NULL, NULL, NULL) != SQLITE_OK) {
		rc = db_fail(s, err, "cannot register functions");
		goto fail;
	}
	if ((rc = check_file(s, err)) != JT_OK)
		goto fail;
	if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		string_copy(mode, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (strcmp(mode, "wal")) {
		rc = db_fail(s, err, "cannot switch to WAL mode");
		goto fail;
	}
	/* The fetcher's refresh of tens of thousands of postings is one transaction: a page
	 * cache of 64 MB keeps it from spilling to the file before the commit. */
	if ((rc = exec(s, role == STORE_USER ? "PRAGMA synchronous = FULL"
			  : "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536", err)) != JT_OK ||
	    (rc = exec(s, "PRAGMA foreign_keys = ON", err)) != JT_OK ||
	    (rc = migrate(s, err)) != JT_OK ||
	    (rc = exec(s, "CREATE VIRTUAL TABLE temp.postings_fts_terms USING"
		       " fts5vocab(main, postings_fts, 'row')", err)) != JT_OK)
		goto fail;
	*out = s;
	return JT_OK;
fail:
	store_close(s);
	return rc;
}

void
store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < ST_COUNT_; i++)
		sqlite3_finalize(s->stmt[i]);
	if (s->ingest_url)
		store_ingest_rollback(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

bool
store_created(const struct store *s)
{
	return s->created;
}

sqlite3 *
store_db(struct store *s)
{
	return s->db;
}

struct hunt_cache *
store_hunt(struct store *s)
{
	return s->hunt;
}

enum jt_status
store_db_fail(struct store *s, struct jt_err *err, const char *what)
{
	return db_fail(s, err, what);
}

int
store_schema_version(void)
{
	return schema_version;
}

/* ---- feeds -------------------------------------------------------------------------------- */

enum jt_status
store_feed_add(struct store *s, const char *url, const char *name, const char *format,
	       struct jt_err *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_FEED_ADD, err);

	if (!st)
		return JT_ERR_DB;
	store_bind_text(st, 1, url);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, format);
	sqlite3_bind_int64(st, 4, now_epoch());
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(s, err, "cannot add the feed");
	return JT_OK;
}

enum jt_status
store_feed_remove(struct store *s, const char *url, struct jt_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM feeds WHERE url = ?1",
		"DELETE FROM postings WHERE feed_url = ?1 AND NOT " IS_FAVOURITE,
	};
	enum jt_status rc;
	int removed = 0;

	if ((rc = exec(s, "BEGIN IMMEDIATE", err)) != JT_OK)
		return rc;
	for (size_t i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK) {
			rc = db_fail(s, err, "cannot remove the feed");
			break;
		}
		store_bind_text(st, 1, url);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(s, err, "cannot remove the feed");
		else if (i == 0)
			removed = sqlite3_changes(s->db);
		sqlite3_finalize(st);
		if (rc != JT_OK)
			break;
		if (!removed) {
			rc = jt_fail(err, JT_ERR_NOTFOUND, "no feed %s", url);
			break;
		}
	}
	if (rc != JT_OK) {
		exec(s, "ROLLBACK", NULL);
		return rc;
	}
	return exec(s, "COMMIT", err);
}

static void
feed_read(sqlite3_stmt *st, struct feed *f)
{
	f->id = sqlite3_column_int64(st, 0);
	f->url = store_col_text(st, 1);
	f->name = store_col_text(st, 2);
	f->format = store_col_text(st, 3);
	f->title = store_col_text(st, 4);
	f->etag = store_col_text(st, 5);
	f->last_modified = store_col_text(st, 6);
	f->last_fetch = sqlite3_column_int64(st, 7);
	f->last_ok = sqlite3_column_int64(st, 8);
	f->last_status = sqlite3_column_int(st, 9);
	f->last_error = store_col_text(st, 10);
	f->postings = sqlite3_column_int64(st, 11);
	f->next_fetch = sqlite3_column_int64(st, 12);
}

enum jt_status
store_feeds_list(struct store *s, struct feed_list *out, struct jt_err *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_FEED_GET, err);
	int rc;

	if (!st)
		return JT_ERR_DB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		feed_read(st, feed_list_push(out));
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "cannot list feeds");
	return JT_OK;
}

enum jt_status
store_feed_get(struct store *s, const char *url, struct feed *out, struct jt_err *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_FEED_GET, err);
	int rc;

	if (!st)
		return JT_ERR_DB;
	sqlite3_bind_text(st, 1, url, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		feed_done(out);
		feed_read(st, out);
		sqlite3_reset(st);	/* end the read transaction */
		return JT_OK;
	}
	if (rc == SQLITE_DONE)
		return jt_fail(err, JT_ERR_NOTFOUND, "no feed %s", url);
	return db_fail(s, err, "cannot read the feed");
}

enum jt_status
store_feed_record(struct store *s, const struct feed *f, struct jt_err *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_FEED_RECORD, err);

	if (!st)
		return JT_ERR_DB;
	store_bind_text(st, 1, f->url);
	store_bind_text(st, 2, f->title);
	store_bind_text(st, 3, f->etag);
	store_bind_text(st, 4, f->last_modified);
	sqlite3_bind_int64(st, 5, f->last_fetch);
	sqlite3_bind_int64(st, 6, f->last_ok);
	sqlite3_bind_int(st, 7, f->last_status);
	store_bind_text(st, 8, f->last_error);
	sqlite3_bind_int64(st, 9, f->next_fetch);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(s, err, "cannot record the feed's state");
	return JT_OK;
}

/* ---- refresh ------------------------------------------------------------------------------ */

enum jt_status
store_ingest_begin(struct store *s, const char *feed_url, int64_t now, struct jt_err *err)
{
	enum jt_status rc;

	if (s->ingest_url)
		store_ingest_rollback(s);
	if ((rc = exec(s, "BEGIN IMMEDIATE", err)) != JT_OK)
		return rc;
	if (query_int(s, "SELECT coalesce(max(id), 0) FROM postings", &s->indexed) != SQLITE_OK)
		rc = db_fail(s, err, "cannot start the refresh");
	else
		rc = hunt_blocks_load(s, err);
	if (rc != JT_OK) {
		exec(s, "ROLLBACK", NULL);
		s->indexed = INT64_MAX;
		return rc;
	}
	s->ingest_url = xstrdup(feed_url);
	s->ingest_now = now;
	return JT_OK;
}

/* FNV-1a over the fields that make a posting's content, to skip re-indexing what is equal. */
static uint64_t
hash_add(uint64_t h, const char *s)
{
	if (s)
		for (; *s; s++)
			h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;	/* a separator, so "ab","c" != "a","bc" */
}

static int64_t
job_hash(const struct job *j)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	char num[96];

	snprintf(num, sizeof(num), "%d %d %.2f %.2f %lld", j->remote, j->hybrid, j->salary_min,
		 j->salary_max, (long long)j->posted);
	h = hash_add(h, num);
	h = hash_add(h, j->title);
	h = hash_add(h, j->company);
	h = hash_add(h, j->location);
	h = hash_add(h, j->salary_currency);
	h = hash_add(h, j->salary_period);
	h = hash_add(h, j->employment_type);
	h = hash_add(h, j->url);
	h = hash_add(h, j->apply_url);
	h = hash_add(h, j->description_html);
	h = hash_add(h, j->description_text);
	h = hash_add(h, j->tags);
	return (int64_t)(h >> 1);
}

/* Bind a posting as the ingest statements number their parameters. */
static void
bind_posting(struct store *s, sqlite3_stmt *st, const struct job *job, int64_t hash)
{
	double top = job->salary_max > 0 ? job->salary_max : job->salary_min;

	store_bind_text(st, 1, s->ingest_url);
	sqlite3_bind_text(st, 2, job->guid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, job->title ? job->title : "", -1, SQLITE_TRANSIENT);
	store_bind_text(st, 4, job->company);
	sqlite3_bind_text(st, 5, text_fold(job->company ? job->company : ""), -1, free);
	store_bind_text(st, 6, job->location);
	sqlite3_bind_text(st, 7, text_fold(job->location ? job->location : ""), -1, free);
	sqlite3_bind_int(st, 8, job->remote);
	sqlite3_bind_int(st, 9, job->hybrid);
	if (job->salary_min > 0)
		sqlite3_bind_double(st, 10, job->salary_min);
	if (job->salary_max > 0)
		sqlite3_bind_double(st, 11, job->salary_max);
	store_bind_text(st, 12, job->salary_currency);
	store_bind_text(st, 13, job->salary_period);
	sqlite3_bind_double(st, 14, top > 0 ? job_salary_yearly(top, job->salary_period) : 0);
	store_bind_text(st, 15, job->employment_type);
	if (job->posted)
		sqlite3_bind_int64(st, 16, job->posted);
	store_bind_text(st, 17, job->url);
	store_bind_text(st, 18, job->apply_url);
	store_bind_text(st, 19, job->description_html);
	store_bind_text(st, 20, job->description_text);
	store_bind_text(st, 21, job->tags);
	sqlite3_bind_int64(st, 22, s->ingest_now);
	sqlite3_bind_int64(st, 23, hash);
	sqlite3_bind_text(st, 24, hunt_dup_key(job->company, job->title, job->location), -1, free);
}

/* Run one ingest statement for job; *changed tells whether it touched a row. */
static enum jt_status
ingest_step(struct store *s, enum stmt_id id, const struct job *job, int64_t hash,
	    bool *changed, struct jt_err *err)
{
	sqlite3_stmt *st = stmt_get(s, id, err);
	int rc;

	if (!st)
		return JT_ERR_DB;
	if (id == ST_INGEST_SEEN) {	/* only the key, the time and the hash */
		store_bind_text(st, 1, s->ingest_url);
		sqlite3_bind_text(st, 2, job->guid, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 22, s->ingest_now);
		sqlite3_bind_int64(st, 23, hash);
	} else {
		bind_posting(s, st, job, hash);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "cannot store a posting");
	*changed = sqlite3_changes(s->db) > 0;
	return JT_OK;
}

enum jt_status
store_ingest_put(struct store *s, const struct job *job, bool *added, struct jt_err *err)
{
	int64_t hash;
	bool changed = false;
	enum jt_status rc;

	if (!s->ingest_url || !job->guid)
		return jt_fail(err, JT_ERR_USAGE, "posting without a refresh or an id");
	hash = job_hash(job);
	rc = ingest_step(s, ST_INGEST_INSERT, job, hash, &changed, err);
	if (added)
		*added = rc == JT_OK && changed;
	if (rc == JT_OK && !changed)
		rc = ingest_step(s, ST_INGEST_SEEN, job, hash, &changed, err);
	if (rc == JT_OK && !changed)
		rc = ingest_step(s, ST_INGEST_UPDATE, job, hash, &changed, err);
	return rc;
}

/*
 * Index the postings this refresh added, all in one statement (schema migration 4), in the
 * order of their index keys (migration 5): FTS5 writes out a segment each time a rowid is
 * smaller than the one before. LIMIT keeps the sorted keys a subquery of their own.
 */
static enum jt_status
index_added(struct store *s, struct jt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "INSERT INTO postings_fts (rowid, title, company, location,"
			       " tags, description_text) SELECT k.key, p.title, p.company,"
			       " p.location, p.tags, p.description_text FROM (SELECT "
			       FTS_KEY("date_key", "id") " AS key, id FROM postings WHERE id > ?1"
			       " ORDER BY 1 LIMIT -1) k JOIN postings p ON p.id = k.id", -1, &st,
			       NULL) != SQLITE_OK)
		return db_fail(s, err, "cannot index the new postings");
	sqlite3_bind_int64(st, 1, s->indexed);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "cannot index the new postings");
	return JT_OK;
}

enum jt_status
store_ingest_commit(struct store *s, struct jt_err *err)
{
	enum jt_status rc = index_added(s, err);

	if (rc == JT_OK)
		rc = exec(s, "COMMIT", err);
	if (rc != JT_OK)
		store_ingest_rollback(s);
	s->indexed = INT64_MAX;
	free(s->ingest_url);
	s->ingest_url = NULL;
	return rc;
}

void
store_ingest_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->indexed = INT64_MAX;
	free(s->ingest_url);
	s->ingest_url = NULL;
}

enum jt_status
store_prune(struct store *s, int days, int64_t now, int64_t *removed, struct jt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM postings WHERE last_seen < ?1 AND NOT "
			       IS_FAVOURITE, -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, err, "cannot prune");
	sqlite3_bind_int64(st, 1, now - (int64_t)days * 86400);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "cannot prune");
	if (removed)
		*removed = sqlite3_changes(s->db);
	return JT_OK;
}

/* ---- postings ----------------------------------------------------------------------------- */

static void
row_read(sqlite3_stmt *st, struct job *j)
{
	j->id = sqlite3_column_int64(st, 0);
	j->feed_url = store_col_text(st, 1);
	j->feed_name = store_col_text(st, 2);
	j->title = store_col_text(st, 3);
	j->company = store_col_text(st, 4);
	j->location = store_col_text(st, 5);
	j->remote = sqlite3_column_int(st, 6);
	j->hybrid = sqlite3_column_int(st, 7);
	j->salary_min = sqlite3_column_double(st, 8);
	j->salary_max = sqlite3_column_double(st, 9);
	j->salary_currency = store_col_text(st, 10);
	j->salary_period = store_col_text(st, 11);
	j->salary_year = sqlite3_column_double(st, 12);
	j->employment_type = store_col_text(st, 13);
	j->posted = sqlite3_column_int64(st, 14);
	j->url = store_col_text(st, 15);
	j->apply_url = store_col_text(st, 16);
	j->tags = store_col_text(st, 17);
	j->first_seen = sqlite3_column_int64(st, 18);
	j->last_seen = sqlite3_column_int64(st, 19);
	j->read = sqlite3_column_int(st, 20);
	j->favourite = sqlite3_column_int(st, 21);
	j->hidden = sqlite3_column_int(st, 22);
	j->status = (enum track_status)sqlite3_column_int(st, 23);
	j->status_changed = sqlite3_column_int64(st, 24);
	j->sources = sqlite3_column_int(st, 25);
}

/*
 * Whether the index has a term longer than the n ASCII letters and digits at word that
 * starts with them. FTS5 answers a prefix query by merging the matches of every term with
 * the prefix before it returns the first one, so a list in date order would read all 68 000
 * matches of "charlotte"* at 1 000 000 postings (4 ms) where "charlotte" alone is read
 * lazily, a screenful at a time (0.1 ms). The vocabulary is searched from just past the word
 * itself: 0.1 ms when no longer term exists. True when unsure.
 */
static bool
term_longer(struct store *s, const char *word, size_t n)
{
	sqlite3_stmt *st = stmt_get(s, ST_TERM_LONGER, NULL);
	char lo[72], hi[72];
	int rc;

	if (!st || n + 2 > sizeof(lo))
		return true;
	for (size_t i = 0; i < n; i++)	/* as the unicode61 tokenizer folds ASCII */
		lo[i] = hi[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a'
				       : word[i]);
	lo[n] = '\x01';	/* just past the word itself */
	lo[n + 1] = hi[n] = '\0';
	hi[n - 1]++;		/* every term starting with the word sorts before this */
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc != SQLITE_DONE;
}

/*
 * The FTS5 query for what a user typed, or NULL when it holds nothing to search for. Each
 * word becomes a quoted phrase with a prefix star ("node.js"* "rust"*), so operators, quotes
 * and punctuation are searched for as text and never parsed as query syntax. A word with a
 * single letter or digit gets no star ("c++" finds C, not every word starting with c): that
 * prefix would read the whole index to narrow nothing. Nor does a word of letters and
 * digits that no longer term in the index starts with (term_longer): it finds the same.
 */
static char *
fts_query(struct store *s, const char *typed)
{
	struct strbuf q;
	const char *p = typed;

	strbuf_init(&q, 0);
	while (*p) {
		const char *w;
		int alnum = 0;		/* letters and digits (a character outside ASCII counts
					 * as one: é is a letter) */
		bool star;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		for (w = p; *p && *p != ' ' && *p != '\t' && *p != '\n'; p++)
			if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
			    (*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC0)
				alnum++;
		if (!alnum)
			continue;
		star = alnum > 1 && (alnum != p - w || term_longer(s, w, (size_t)(p - w)));
		if (q.len)
			strbuf_addc(&q, ' ');
		strbuf_addc(&q, '"');
		for (; w < p; w++) {
			if (*w == '"')
				strbuf_addc(&q, '"');
			strbuf_addc(&q, *w);
		}
		strbuf_adds(&q, star ? "\"*" : "\"");
	}
	if (!q.len) {
		strbuf_done(&q);
		return NULL;
	}
	return strbuf_detach(&q, NULL);
}

/* A LIKE pattern matching text that contains the folded form of typed. */
static char *
like_pattern(const char *typed)
{
	char *fold = text_fold(typed);
	struct strbuf pat;

	strbuf_init(&pat, 0);
	strbuf_addc(&pat, '%');
	for (const char *p = fold; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			strbuf_addc(&pat, '\\');
		strbuf_addc(&pat, *p);
	}
	strbuf_addc(&pat, '%');
	free(fold);
	return strbuf_detach(&pat, NULL);
}

/* Parameters of a filter query, bound by number in the order they were added. */
struct query {
	struct store *s;
	struct strbuf sql;
	char *text[8];
	int ntext;
	struct {
		int kind;	/* 0 text (index into text), 1 int64, 2 double */
		int64_t i;
		double d;
	} arg[16];
	int narg;
	bool keyword;		/* the FTS join is in: rank is available */
	bool by_key;		/* the list reads the FTS index in date order (its rowids) */
};

static void
q_text(struct query *q, char *owned)
{
	assert(q->ntext < (int)(sizeof(q->text) / sizeof(q->text[0])));
	assert(q->narg < (int)(sizeof(q->arg) / sizeof(q->arg[0])));
	q->text[q->ntext] = owned;
	q->arg[q->narg].kind = 0;
	q->arg[q->narg++].i = q->ntext++;
}

static void
q_int(struct query *q, int64_t v)
{
	assert(q->narg < (int)(sizeof(q->arg) / sizeof(q->arg[0])));
	q->arg[q->narg].kind = 1;
	q->arg[q->narg++].i = v;
}

static void
q_double(struct query *q, double v)
{
	assert(q->narg < (int)(sizeof(q->arg) / sizeof(q->arg[0])));
	q->arg[q->narg].kind = 2;
	q->arg[q->narg++].d = v;
}

/*
 * FROM and WHERE of a filter (shared by the listing and the count), after the select list;
 * with_rank marks a list. A list by relevance adds the keyword rank to the select list; a
 * list by date reads the full-text index backwards, in its rowid (date) order, so that it
 * stops after a screenful of matches. Otherwise the keyword's matches are only a set the
 * rows are tested against.
 */
static void
q_where(struct query *q, const struct job_filter *f, bool with_rank)
{
	char *match = f->keyword ? fts_query(q->s, f->keyword) : NULL;
	bool ranked = match && with_rank && f->sort == SORT_RELEVANCE;

	q->by_key = match && with_rank && f->sort == SORT_DATE;
	if (ranked)
		strbuf_adds(&q->sql, ", m.rank");
	if (q->by_key) {
		strbuf_adds(&q->sql, " FROM postings_fts JOIN postings p ON p.id = "
			    FTS_ID("postings_fts.rowid"));
	} else {
		strbuf_adds(&q->sql, " FROM postings p");
	}
	if (ranked) {
		/* FTS5's bm25 weighs a match against the length of the whole posting, so a long
		 * description would sink a posting with every word in its title: those come
		 * first, then the rest, each by bm25 (columns weighted title, company,
		 * location, tags, description). */
		strbuf_adds(&q->sql, " JOIN (SELECT rowid, bm25(postings_fts, 10, 4, 2, 4, 1)"
			    " - 100 * (rowid IN (SELECT rowid FROM postings_fts WHERE postings_fts"
			    " MATCH ?)) AS rank FROM postings_fts WHERE postings_fts MATCH ?) m"
			    " ON p.id = " FTS_ID("m.rowid"));
		q_text(q, xasprintf("{title} : (%s)", match));
		q_text(q, match);
		q->keyword = true;
	}
	strbuf_adds(&q->sql, JOB_JOINS " WHERE 1");
	if (q->by_key) {
		strbuf_adds(&q->sql, " AND postings_fts MATCH ?");
		q_text(q, match);
	} else if (match && !ranked) {
		/* In a list the + keeps the planner from reading every match and sorting them
		 * (3 ms instead of 25 for a word in one posting of 15, at 50 000); a count
		 * reads the matches. */
		strbuf_adds(&q->sql, with_rank ? " AND +p.id IN" : " AND p.id IN");
		strbuf_adds(&q->sql, " (SELECT " FTS_ID("rowid") " FROM postings_fts WHERE"
			    " postings_fts MATCH ?)");
		q_text(q, match);
	}
	if (!f->include_hidden)
		strbuf_adds(&q->sql, " AND coalesce(u.hidden, 0) = 0");
	if (f->favourites_only)
		strbuf_adds(&q->sql, " AND u.favourite = 1");
	if (f->unread_only)
		strbuf_adds(&q->sql, " AND coalesce(u.read, 0) = 0");
	if (f->remote_only)
		strbuf_adds(&q->sql, " AND p.remote");
	if (f->location && *f->location) {
		char *pat = like_pattern(f->location);

		strbuf_adds(&q->sql, " AND " LOCATION_MATCH("p.location_fold", "p.remote"));
		q_text(q, pat);
		q_text(q, xstrdup(pat));
	}
	if (f->company && *f->company) {
		strbuf_adds(&q->sql, " AND p.company_fold LIKE ? ESCAPE '\\'");
		q_text(q, like_pattern(f->company));
	}
	if (f->since_days > 0) {
		strbuf_adds(&q->sql, " AND p.date_key >= ?");
		q_int(q, now_epoch() - (int64_t)f->since_days * 86400);
	}
	if (f->min_salary > 0) {
		strbuf_adds(&q->sql, " AND p.salary_year >= ?");
		q_double(q, f->min_salary);
	}
	/* Duplicates and blocked postings, marked in posting_flags (x). */
	if (!f->all_sources && !f->include_blocked)
		strbuf_adds(&q->sql, " AND (x.id IS NULL OR (NOT x.dup_member"
			    " AND (NOT x.blocked OR coalesce(u.favourite, 0))))");
	else if (!f->all_sources)
		strbuf_adds(&q->sql, " AND (x.id IS NULL OR NOT x.dup_member)");
	else if (!f->include_blocked)
		strbuf_adds(&q->sql, " AND (x.id IS NULL OR NOT x.blocked"
			    " OR coalesce(u.favourite, 0))");
	if (f->status == TRACK_ANY) {
		strbuf_adds(&q->sql, " AND u.status IS NOT NULL");
	} else if (f->status > TRACK_NONE) {
		strbuf_adds(&q->sql, " AND u.status = ?");
		q_int(q, f->status);
	}
	if (f->seen_after > 0) {
		strbuf_adds(&q->sql, " AND p.first_seen > ?");
		q_int(q, f->seen_after);
	}
}

/* Keyset condition and ORDER BY for the filter's sort, continuing after `after`. */
static void
q_order(struct query *q, const struct job_filter *f, const struct job *after)
{
	enum job_sort sort = f->sort;
	int64_t date = after ? (after->posted ? after->posted : after->first_seen) : 0;

	if (sort == SORT_RELEVANCE && !q->keyword)
		sort = SORT_DATE;
	switch (sort) {
	case SORT_RELEVANCE:
		if (after) {
			strbuf_adds(&q->sql, " AND (m.rank, p.id) > (?, ?)");
			q_double(q, after->rank);
			q_int(q, after->id);
		}
		strbuf_adds(&q->sql, " ORDER BY m.rank, p.id");
		break;
	case SORT_SALARY:
		if (after) {
			strbuf_adds(&q->sql, " AND (p.salary_year, p.id) < (?, ?)");
			q_double(q, after->salary_year);
			q_int(q, after->id);
		}
		strbuf_adds(&q->sql, " ORDER BY p.salary_year DESC, p.id DESC");
		break;
	case SORT_COMPANY:
		if (after) {
			char *fold = text_fold(after->company ? after->company : "");

			strbuf_adds(&q->sql, " AND (p.company_fold > ? OR (p.company_fold = ?"
				    " AND (p.date_key, p.id) < (?, ?)))");
			q_text(q, fold);
			q_text(q, xstrdup(fold));
			q_int(q, date);	/* its date_key */
			q_int(q, after->id);
		}
		strbuf_adds(&q->sql, " ORDER BY p.company_fold, p.date_key DESC, p.id DESC");
		break;
	case SORT_DATE:
	default:
		if (q->by_key) {
			if (after) {
				strbuf_adds(&q->sql, " AND postings_fts.rowid < "
					    FTS_KEY("?", "?"));
				q_int(q, date);	/* its date_key */
				q_int(q, after->id);
			}
			strbuf_adds(&q->sql, " ORDER BY postings_fts.rowid DESC");
			break;
		}
		if (after) {
			strbuf_adds(&q->sql, " AND (p.date_key, p.id) < (?, ?)");
			q_int(q, date);	/* its date_key */
			q_int(q, after->id);
		}
		strbuf_adds(&q->sql, " ORDER BY p.date_key DESC, p.id DESC");
		break;
	}
}

static void
q_done(struct query *q)
{
	for (int i = 0; i < q->ntext; i++)
		free(q->text[i]);
	strbuf_done(&q->sql);
}

static enum jt_status
q_prepare(struct store *s, struct query *q, sqlite3_stmt **st, struct jt_err *err)
{
	if (sqlite3_prepare_v2(s->db, strbuf_str(&q->sql), -1, st, NULL) != SQLITE_OK)
		return db_fail(s, err, "cannot query postings");
	for (int i = 0; i < q->narg; i++) {
		if (q->arg[i].kind == 0)
			sqlite3_bind_text(*st, i + 1, q->text[q->arg[i].i], -1, SQLITE_STATIC);
		else if (q->arg[i].kind == 1)
			sqlite3_bind_int64(*st, i + 1, q->arg[i].i);
		else
			sqlite3_bind_double(*st, i + 1, q->arg[i].d);
	}
	return JT_OK;
}

enum jt_status
store_jobs_query(struct store *s, const struct job_filter *filter, const struct job *after,
		 size_t limit, struct job_list *out, struct jt_err *err)
{
	struct query q = { .s = s };
	sqlite3_stmt *st = NULL;
	enum jt_status rc;
	int step;

	strbuf_init(&q.sql, 0);
	strbuf_adds(&q.sql, "SELECT " JOB_COLUMNS);
	q_where(&q, filter, true);
	q_order(&q, filter, after);
	strbuf_adds(&q.sql, " LIMIT ?");
	q_int(&q, limit > INT64_MAX ? INT64_MAX : (int64_t)limit);
	rc = q_prepare(s, &q, &st, err);
	if (rc == JT_OK) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct job *j = job_list_push(out);

			row_read(st, j);
			if (q.keyword)
				j->rank = sqlite3_column_double(st, JOB_COLUMN_COUNT);
		}
		if (step != SQLITE_DONE)
			rc = db_fail(s, err, "cannot query postings");
	}
	sqlite3_finalize(st);
	q_done(&q);
	return rc;
}

/*
 * The postings every list leaves out, whatever else it asks (as q_where does): hidden ones,
 * the duplicates behind their group's representative, and blocked ones that are not
 * favourites; each of them only when the filter's toggle leaves it out. False when none is.
 */
static bool
q_left_out(struct query *q, const struct job_filter *f)
{
	const char *sep = "";

	if (!f->include_hidden) {
		strbuf_adds(&q->sql, "SELECT job_id AS id FROM user_state WHERE hidden");
		sep = " UNION ";
	}
	if (!f->all_sources) {
		strbuf_adds(&q->sql, sep);
		strbuf_adds(&q->sql, "SELECT id FROM posting_flags WHERE dup_member");
		sep = " UNION ";
	}
	if (!f->include_blocked) {
		strbuf_adds(&q->sql, sep);
		strbuf_adds(&q->sql, "SELECT id FROM posting_flags WHERE blocked AND NOT "
			    IS_FAVOURITE);
		sep = " UNION ";
	}
	return *sep;
}

/*
 * The count of a filter that narrows by a keyword, or a location, or nothing, and not by
 * anything else, without reading the postings: how many the full-text index matches, or
 * location_counts holds, less those of them that every list leaves out (a short list).
 * False when the filter asks for more; q is then untouched.
 */
static bool
q_count_quick(struct query *q, const struct job_filter *f)
{
	struct job_filter rest = *f;	/* what else it asks, toggles aside */
	char *match;
	bool location = f->location && *f->location;

	rest.keyword = rest.location = NULL;
	if ((f->keyword && location) || job_filter_narrows(&rest))
		return false;
	match = f->keyword ? fts_query(q->s, f->keyword) : NULL;
	if (match) {
		strbuf_adds(&q->sql, "SELECT (SELECT count(*) FROM postings_fts WHERE postings_fts"
			    " MATCH ?)");
		q_text(q, xstrdup(match));
	} else if (location) {
		char *pat = like_pattern(f->location);

		strbuf_adds(&q->sql, "SELECT (SELECT coalesce(sum(n), 0) FROM location_counts WHERE "
			    LOCATION_MATCH("fold", "remote") ")");
		q_text(q, pat);
		q_text(q, xstrdup(pat));
	} else {
		strbuf_adds(&q->sql, "SELECT (SELECT coalesce(sum(n), 0) FROM location_counts)");
	}
	strbuf_adds(&q->sql, " - (SELECT count(*) FROM (");
	if (!q_left_out(q, f))
		strbuf_adds(&q->sql, "SELECT NULL AS id WHERE 0");
	strbuf_adds(&q->sql, ") e");
	if (match) {
		strbuf_adds(&q->sql, " WHERE e.id IN (SELECT " FTS_ID("rowid") " FROM postings_fts"
			    " WHERE postings_fts MATCH ?)");
		q_text(q, match);
	} else if (location) {
		char *pat = like_pattern(f->location);

		strbuf_adds(&q->sql, " JOIN postings p ON p.id = e.id WHERE "
			    LOCATION_MATCH("p.location_fold", "p.remote"));
		q_text(q, pat);
		q_text(q, xstrdup(pat));
	}
	strbuf_addc(&q->sql, ')');
	return true;
}

enum jt_status
store_jobs_count(struct store *s, const struct job_filter *filter, int64_t *n,
		 struct jt_err *err)
{
	struct query q = { .s = s };
	sqlite3_stmt *st = NULL;
	enum jt_status rc;

	strbuf_init(&q.sql, 0);
	if (!q_count_quick(&q, filter)) {
		strbuf_adds(&q.sql, "SELECT count(*)");
		q_where(&q, filter, false);
	}
	rc = q_prepare(s, &q, &st, err);
	if (rc == JT_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*n = sqlite3_column_int64(st, 0);
		else
			rc = db_fail(s, err, "cannot count postings");
	}
	sqlite3_finalize(st);
	q_done(&q);
	return rc;
}

enum jt_status
store_job_get(struct store *s, int64_t id, struct job *out, struct jt_err *err)
{
	sqlite3_stmt *st = stmt_get(s, ST_JOB_GET, err);
	int rc;

	if (!st)
		return JT_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return jt_fail(err, JT_ERR_NOTFOUND, "no posting %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(s, err, "cannot read the posting");
	job_done(out);
	row_read(st, out);
	out->description_html = store_col_text(st, JOB_COLUMN_COUNT);
	out->description_text = store_col_text(st, JOB_COLUMN_COUNT + 1);
	sqlite3_reset(st);
	return JT_OK;
}

enum jt_status
store_job_flag_set(struct store *s, int64_t id, enum job_flag flag, bool on, struct jt_err *err)
{
	static const enum stmt_id flag_stmt[] = {
		[JOB_FLAG_READ] = ST_FLAG_READ,
		[JOB_FLAG_FAVOURITE] = ST_FLAG_FAVOURITE,
		[JOB_FLAG_HIDDEN] = ST_FLAG_HIDDEN,
	};
	sqlite3_stmt *st = stmt_get(s, ST_JOB_EXISTS, err);
	int rc;

	if (!st)
		return JT_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return jt_fail(err, JT_ERR_NOTFOUND, "no posting %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(s, err, "cannot read the posting");
	if (!(st = stmt_get(s, flag_stmt[flag], err)))
		return JT_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, on);
	sqlite3_bind_int64(st, 3, now_epoch());
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, "cannot save the change");
	return JT_OK;
}
