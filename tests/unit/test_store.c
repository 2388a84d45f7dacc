/*
 * Unit tests of the SQLite cache on real database files: opening and migrations, feeds,
 * refresh transactions, favourites that outlive everything, search and filters, and keyset
 * pagination in every sort order.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "store/xmalloc.h"
#include "tests/unit/check.h"

static char dir[256];
static int dbcount;

/* A fresh database path under the test's directory. */
static char *
db_path(void)
{
	return xasprintf("%s/t%d.db", dir, ++dbcount);
}

static struct store *
open_new(char **path)
{
	struct store *s = NULL;
	struct jt_err err = { "" };

	*path = db_path();
	CHECK_RC(store_open(*path, STORE_USER, &s, &err), JT_OK);
	return s;
}

static int
pragma(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int v = -1;

	sqlite3_open(path, &db);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	sqlite3_open(path, &db);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
}

/* A posting with the fields tests care about. */
static void
mkjob(struct job *j, const char *guid, const char *title, const char *company,
      const char *location, int64_t posted)
{
	job_init(j);
	j->guid = xstrdup(guid);
	j->title = xstrdup(title);
	j->company = company ? xstrdup(company) : NULL;
	j->location = location ? xstrdup(location) : NULL;
	j->posted = posted;
	j->url = xasprintf("https://jobs.example/%s", guid);
	j->description_text = xasprintf("%s at %s. Full description of %s.", title,
					company ? company : "?", guid);
	j->description_html = xasprintf("<p>%s</p>", j->description_text);
}

static void
put(struct store *s, struct job *j, bool *added)
{
	struct jt_err err = { "" };

	CHECK_RC(store_ingest_put(s, j, added, &err), JT_OK);
	job_done(j);
}

static int64_t
id_of(struct store *s, const char *keyword)
{
	struct job_filter f;
	struct job_list l;
	int64_t id = 0;

	job_filter_init(&f);
	f.keyword = keyword;
	f.include_hidden = true;
	job_list_init(&l);
	CHECK_RC(store_jobs_query(s, &f, NULL, 10, &l, NULL), JT_OK);
	if (l.n == 1)
		id = l.v[0].id;
	CHECK_INT(l.n, 1);
	job_list_done(&l);
	return id;
}

static int64_t
count(struct store *s, const struct job_filter *f)
{
	int64_t n = -1;
	struct jt_err err = { "" };

	CHECK_RC(store_jobs_count(s, f, &n, &err), JT_OK);
	return n;
}

/* The standard test corpus: ten postings in one feed. */
static void
corpus(struct store *s, int64_t now)
{
	struct job j;

	CHECK_RC(store_feed_add(s, "https://a.example/feed", "Feed A", NULL, NULL), JT_OK);
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", now, NULL), JT_OK);
	mkjob(&j, "1", "Python Server-Side Backend Developer", "Infosys", "Charlotte, NC",
	      now - 3600);
	j.salary_min = 100000;
	j.salary_max = 130000;
	j.salary_currency = xstrdup("USD");
	put(s, &j, NULL);
	mkjob(&j, "2", "Senior C++ Engineer", "Globex", "Zürich, Switzerland", now - 7200);
	j.salary_min = 120000;
	j.salary_max = 150000;
	j.salary_currency = xstrdup("CHF");
	put(s, &j, NULL);
	mkjob(&j, "3", "Node.js Developer", "Hooli", "Anywhere", now - 3 * 86400);
	j.remote = true;
	put(s, &j, NULL);
	mkjob(&j, "4", "Data Engineer", "Acme Corp", "Berlin, Germany", now - 10 * 86400);
	j.salary_min = 60;
	j.salary_period = xstrdup("hour");
	j.salary_currency = xstrdup("EUR");
	put(s, &j, NULL);
	mkjob(&j, "5", "Site Reliability Engineer", "Initech", "Austin, TX", now - 20 * 86400);
	put(s, &j, NULL);
	mkjob(&j, "6", "Frontend Developer (React)", "Umbrella", "Remote (US)", now - 30 * 86400);
	j.remote = true;
	put(s, &j, NULL);
	mkjob(&j, "7", "Database Administrator", "Initech", "Raleigh, NC", now - 40 * 86400);
	put(s, &j, NULL);
	mkjob(&j, "8", "Quant Developer", "Stark Industries", "London, UK", 0);
	put(s, &j, NULL);
	mkjob(&j, "9", "Rust Systems Programmer", NULL, "Tokyo, Japan", now - 50 * 86400);
	put(s, &j, NULL);
	mkjob(&j, "10", "Go Platform Engineer", "Zürich Fintech AG", "Zurich", now - 60 * 86400);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, NULL), JT_OK);
}

static void
test_open_pragmas(void)
{
	char *path;
	struct store *s = open_new(&path), *bulk = NULL;

	CHECK(store_created(s));
	CHECK_INT(pragma(path, "PRAGMA user_version"), store_schema_version());
	CHECK_INT(pragma(path, "PRAGMA application_id"), 0x4A6F6254);
	CHECK_INT(pragma(path, "PRAGMA journal_mode = WAL") >= 0, 1);
	CHECK_RC(store_open(path, STORE_BULK, &bulk, NULL), JT_OK);
	CHECK(!store_created(bulk));
	store_close(bulk);
	store_close(s);
	/* Reopening does not recreate. */
	CHECK_RC(store_open(path, STORE_USER, &s, NULL), JT_OK);
	CHECK(!store_created(s));
	store_close(s);
	free(path);
}

/* Reads a file's bytes, to prove a refused database is left exactly as it was. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;

	*len = 0;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc(*len + 1);
	if (fread(buf, 1, *len, f) != *len)
		*len = 0;
	fclose(f);
	return buf;
}

static void
test_refuse_newer_and_foreign(void)
{
	char *path = db_path(), *before, *after;
	size_t n1, n2;
	struct store *s = NULL;
	struct jt_err err = { "" };

	raw_exec(path, "PRAGMA journal_mode = DELETE; CREATE TABLE x (y); "
		 "PRAGMA application_id = 1248813652; PRAGMA user_version = 999;");
	before = slurp(path, &n1);
	CHECK_RC(store_open(path, STORE_USER, &s, &err), JT_ERR_DB_NEWER);
	CHECK(s == NULL);
	CHECK(strstr(err.msg, "newer jobterm") != NULL);
	after = slurp(path, &n2);
	CHECK(n1 == n2 && n1 > 0 && !memcmp(before, after, n1));
	{
		char *wal = xasprintf("%s-wal", path);

		CHECK(access(wal, F_OK) != 0);
		free(wal);
	}
	free(before);
	free(after);
	free(path);

	path = db_path();
	raw_exec(path, "CREATE TABLE notes (body TEXT);");
	CHECK_RC(store_open(path, STORE_USER, &s, &err), JT_ERR_DB);
	CHECK(strstr(err.msg, "not a jobterm database") != NULL);
	free(path);

	path = db_path();
	{
		FILE *f = fopen(path, "w");

		fputs("this is not a database at all, just some text that is long enough to "
		      "fill a header of a hundred bytes, or so they say...............", f);
		fclose(f);
	}
	CHECK(store_open(path, STORE_USER, &s, &err) != JT_OK);
	CHECK(err.msg[0] != '\0');
	free(path);
}

static void
test_feeds(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct feed_list l;
	struct feed f;
	struct jt_err err = { "" };

	CHECK_RC(store_feed_add(s, "https://a.example/feed", NULL, NULL, &err), JT_OK);
	CHECK_RC(store_feed_add(s, "https://b.example/rss", "B jobs", "rss", &err), JT_OK);
	/* Adding again updates the name, keeps the format. */
	CHECK_RC(store_feed_add(s, "https://b.example/rss", "Better name", NULL, &err), JT_OK);
	feed_list_init(&l);
	CHECK_RC(store_feeds_list(s, &l, &err), JT_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].url, "https://a.example/feed");
		CHECK(l.v[0].name == NULL);
		CHECK_STR(l.v[1].name, "Better name");
		CHECK_STR(l.v[1].format, "rss");
		CHECK_INT(l.v[1].last_fetch, 0);
	}
	feed_list_done(&l);

	feed_init(&f);
	f.url = (char *)"https://b.example/rss";
	f.title = (char *)"B's own title";
	f.etag = (char *)"\"abc\"";
	f.last_modified = (char *)"Sat, 29 Aug 2026 02:13:20 GMT";
	f.last_fetch = f.last_ok = 1000;
	f.last_status = 200;
	CHECK_RC(store_feed_record(s, &f, &err), JT_OK);
	/* A failure later keeps the validators and last_ok, records the error. */
	feed_init(&f);
	f.url = (char *)"https://b.example/rss";
	f.last_fetch = 2000;
	f.last_status = 500;
	f.last_error = (char *)"HTTP 500 Internal Server Error";
	CHECK_RC(store_feed_record(s, &f, &err), JT_OK);
	feed_init(&f);
	CHECK_RC(store_feed_get(s, "https://b.example/rss", &f, &err), JT_OK);
	CHECK_STR(f.etag, "\"abc\"");
	CHECK_STR(f.title, "B's own title");
	CHECK_INT(f.last_ok, 1000);
	CHECK_INT(f.last_fetch, 2000);
	CHECK_INT(f.last_status, 500);
	CHECK_STR(f.last_error, "HTTP 500 Internal Server Error");
	feed_done(&f);
	CHECK_RC(store_feed_get(s, "https://nope.example/", &f, &err), JT_ERR_NOTFOUND);
	CHECK_RC(store_feed_remove(s, "https://nope.example/", &err), JT_ERR_NOTFOUND);
	CHECK_RC(store_feed_remove(s, "https://a.example/feed", &err), JT_OK);
	feed_list_init(&l);
	CHECK_RC(store_feeds_list(s, &l, &err), JT_OK);
	CHECK_INT(l.n, 1);
	feed_list_done(&l);
	store_close(s);
	free(path);
}

static void
test_ingest_stable_ids(void)
{
	char *path;
	struct store *s = open_new(&path);
	int64_t now = 1790000000;
	int64_t id1, id2;
	struct job j;
	bool added = false;
	struct jt_err err = { "" };

	corpus(s, now);
	id1 = id_of(s, "Infosys");
	/* A second refresh with changed text keeps the id and first_seen, says not new. */
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", now + 100, &err), JT_OK);
	mkjob(&j, "1", "Python Server-Side Backend Developer (updated)", "Infosys", "Charlotte, NC",
	      now - 3600);
	put(s, &j, &added);
	CHECK(!added);
	mkjob(&j, "11", "Brand New Posting", "Newco", "Paris", now);
	put(s, &j, &added);
	CHECK(added);
	CHECK_RC(store_ingest_commit(s, &err), JT_OK);
	id2 = id_of(s, "Infosys");
	CHECK_INT(id1, id2);
	job_init(&j);
	CHECK_RC(store_job_get(s, id2, &j, &err), JT_OK);
	CHECK_STR(j.title, "Python Server-Side Backend Developer (updated)");
	CHECK_INT(j.first_seen, now);
	CHECK_INT(j.last_seen, now + 100);
	CHECK(strstr(j.description_text, "Full description") != NULL);
	job_done(&j);
	/* The index follows the update: the old title text is gone, the new one found. */
	CHECK(id_of(s, "updated") == id2);

	/* A refresh in the same second as the last one still knows old from new. */
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", now + 100, &err), JT_OK);
	mkjob(&j, "11", "Brand New Posting", "Newco", "Paris", now);
	put(s, &j, &added);
	CHECK(!added);
	CHECK_RC(store_ingest_commit(s, &err), JT_OK);

	/* A rolled-back refresh changes nothing. */
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", now + 200, &err), JT_OK);
	mkjob(&j, "1", "Should not appear", "Infosys", "Charlotte, NC", now);
	put(s, &j, NULL);
	mkjob(&j, "12", "Nor this", "Evil", "Nowhere", now);
	put(s, &j, NULL);
	store_ingest_rollback(s);
	{
		struct job_filter f;

		job_filter_init(&f);
		CHECK_INT(count(s, &f), 11);
		f.keyword = "appear";
		CHECK_INT(count(s, &f), 0);
	}
	/* Same guid in another feed is another posting. */
	CHECK_RC(store_ingest_begin(s, "https://other.example/feed", now, &err), JT_OK);
	mkjob(&j, "1", "Other feed's posting one", "Other", "Paris", now);
	put(s, &j, &added);
	CHECK(added);
	CHECK_RC(store_ingest_commit(s, &err), JT_OK);
	store_close(s);
	free(path);
}

static void
test_favourites_survive(void)
{
	char *path;
	struct store *s = open_new(&path);
	int64_t now = (int64_t)time(NULL);
	int64_t fav, other;
	struct job_filter f;
	struct job j;
	struct jt_err err = { "" };

	corpus(s, now - 200 * 86400);	/* everything last seen long ago */
	fav = id_of(s, "Infosys");
	other = id_of(s, "Hooli");
	CHECK_RC(store_job_flag_set(s, fav, JOB_FLAG_FAVOURITE, true, &err), JT_OK);
	CHECK_RC(store_job_flag_set(s, other, JOB_FLAG_READ, true, &err), JT_OK);
	CHECK_RC(store_job_flag_set(s, 999999, JOB_FLAG_FAVOURITE, true, &err), JT_ERR_NOTFOUND);

	/* A refresh that no longer carries it: user state untouched. */
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", now, &err), JT_OK);
	mkjob(&j, "3", "Node.js Developer", "Hooli", "Anywhere", now);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, &err), JT_OK);
	job_init(&j);
	CHECK_RC(store_job_get(s, other, &j, &err), JT_OK);
	CHECK(j.read);
	job_done(&j);

	/* Prune everything unseen for 30 days: the favourite stays, with its description. */
	{
		int64_t removed = 0;

		CHECK_RC(store_prune(s, 30, now, &removed, &err), JT_OK);
		CHECK_INT(removed, 8);
	}
	job_filter_init(&f);
	CHECK_INT(count(s, &f), 2);
	/* Remove the feed: the favourite stays, readable in full. */
	CHECK_RC(store_feed_remove(s, "https://a.example/feed", &err), JT_OK);
	CHECK_INT(count(s, &f), 1);
	f.favourites_only = true;
	CHECK_INT(count(s, &f), 1);
	job_init(&j);
	CHECK_RC(store_job_get(s, fav, &j, &err), JT_OK);
	CHECK(j.favourite);
	CHECK_STR(j.title, "Python Server-Side Backend Developer");
	CHECK(j.description_text && strstr(j.description_text, "Full description of 1"));
	CHECK(j.description_html && strstr(j.description_html, "<p>"));
	CHECK(j.feed_name == NULL);
	job_done(&j);
	/* Prune with 0 days keeps it too. */
	CHECK_RC(store_prune(s, 0, now + 10, NULL, &err), JT_OK);
	CHECK_INT(count(s, &f), 1);
	/* Adding the feed again and refreshing rejoins the same posting (same id, still starred). */
	CHECK_RC(store_feed_add(s, "https://a.example/feed", NULL, NULL, &err), JT_OK);
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", now + 20, &err), JT_OK);
	mkjob(&j, "1", "Python Server-Side Backend Developer", "Infosys", "Charlotte, NC", now);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, &err), JT_OK);
	CHECK_INT(count(s, &f), 1);
	CHECK_INT(id_of(s, "Infosys"), fav);
	/* Unstar: then it can go. */
	CHECK_RC(store_job_flag_set(s, fav, JOB_FLAG_FAVOURITE, false, &err), JT_OK);
	CHECK_INT(count(s, &f), 0);
	store_close(s);

	/* Favourites written on the user's connection survive a reopen. */
	CHECK_RC(store_open(path, STORE_USER, &s, &err), JT_OK);
	CHECK_RC(store_job_flag_set(s, fav, JOB_FLAG_FAVOURITE, true, &err), JT_OK);
	store_close(s);
	CHECK_RC(store_open(path, STORE_USER, &s, &err), JT_OK);
	CHECK_INT(count(s, &f), 1);
	store_close(s);
	free(path);
}

/* FTS5's own check of postings_fts against the postings table: 1 when they agree. */
static int
index_agrees(const char *path)
{
	sqlite3 *db;
	int ok;

	sqlite3_open(path, &db);
	ok = sqlite3_exec(db, "INSERT INTO postings_fts (postings_fts, rank)"
			  " VALUES ('integrity-check', 1)", NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_close(db);
	return ok;
}

/*
 * A refresh indexes its new postings once, before it commits (schema 4): what it adds, adds
 * twice, changes, rolls back or prunes leaves an index that agrees with the table.
 */
static void
test_index_follows_refresh(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct job j;
	int64_t removed = 0;

	corpus(s, 1790000000);
	CHECK(index_agrees(path));
	job_filter_init(&f);
	f.keyword = "Python";
	CHECK_INT(count(s, &f), 1);
	/* The same guid twice in one refresh, the second time changed: added, then updated
	 * before the index has it. */
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", 1790000100, NULL), JT_OK);
	mkjob(&j, "11", "Kotlin Developer", "Initech", "Oslo", 1790000000);
	put(s, &j, NULL);
	mkjob(&j, "11", "Scala Developer", "Initech", "Oslo", 1790000000);
	put(s, &j, NULL);
	mkjob(&j, "1", "Python Platform Developer", "Infosys", "Charlotte, NC", 1789996400);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, NULL), JT_OK);
	CHECK(index_agrees(path));
	f.keyword = "Kotlin";
	CHECK_INT(count(s, &f), 0);
	f.keyword = "Scala";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "Server";
	CHECK_INT(count(s, &f), 0);
	f.keyword = "Platform";
	CHECK_INT(count(s, &f), 2);
	/* A refresh rolled back leaves nothing behind, in the table or the index. */
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", 1790000200, NULL), JT_OK);
	mkjob(&j, "12", "Haskell Developer", "Initech", "Oslo", 1790000000);
	put(s, &j, NULL);
	store_ingest_rollback(s);
	CHECK(index_agrees(path));
	f.keyword = "Haskell";
	CHECK_INT(count(s, &f), 0);
	/* Pruning takes old postings out of both. */
	CHECK_RC(store_prune(s, 1, 1790000000 + 86400 + 50, &removed, NULL), JT_OK);
	CHECK_INT(removed, 9);
	CHECK(index_agrees(path));
	f.keyword = "Developer";
	CHECK_INT(count(s, &f), 2);
	store_close(s);
	free(path);
}

static void
test_search_hostile(void)
{
	static const char *const typed[] = {
		"c++", "\"", "AND", "OR NOT", "*", "node.js", "NEAR(", "'; DROP TABLE postings;--",
		"\"unterminated", "title:", "-", "^", "a OR", "(((", "col:umn", "\\", "%", "_",
		"NOT", "\xff\xfe", "python AND", "", "   ",
	};
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct job_list l;

	corpus(s, 1790000000);
	for (size_t i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		struct jt_err err = { "" };

		job_filter_init(&f);
		f.keyword = typed[i];
		job_list_init(&l);
		CHECK_RC(store_jobs_query(s, &f, NULL, 50, &l, &err), JT_OK);
		if (err.msg[0])
			fprintf(stderr, "  keyword [%s]: %s\n", typed[i], err.msg);
		job_list_done(&l);
		CHECK(count(s, &f) >= 0);
		f.location = typed[i];
		f.company = typed[i];
		f.sort = SORT_RELEVANCE;
		job_list_init(&l);
		CHECK_RC(store_jobs_query(s, &f, NULL, 50, &l, &err), JT_OK);
		job_list_done(&l);
	}
	job_filter_init(&f);
	CHECK_INT(count(s, &f), 10);	/* the table is still there */
	f.keyword = "node.js";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "c++";	/* the word C, not every word starting with c */
	CHECK_INT(count(s, &f), 1);
	f.keyword = "ch";	/* two letters are a prefix: Charlotte */
	CHECK_INT(count(s, &f), 1);
	store_close(s);
	free(path);
}

static void
test_filters(void)
{
	char *path;
	struct store *s = open_new(&path);
	int64_t now = (int64_t)time(NULL);
	struct job_filter f;

	corpus(s, now);
	job_filter_init(&f);
	CHECK_INT(count(s, &f), 10);
	/* Prefix matching as you type. */
	f.keyword = "pyth";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "PYTHON charlotte";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "developer";
	CHECK_INT(count(s, &f), 4);
	/* Words in the description are found too. */
	f.keyword = "full description";
	CHECK_INT(count(s, &f), 10);
	/* Accent-insensitive location, both ways. */
	job_filter_init(&f);
	f.location = "zurich";
	CHECK_INT(count(s, &f), 2);
	f.location = "ZÜRICH";
	CHECK_INT(count(s, &f), 2);
	f.location = "charlotte";
	CHECK_INT(count(s, &f), 1);
	/* "remote" also matches postings flagged remote. */
	f.location = "remote";
	CHECK_INT(count(s, &f), 2);
	f.location = "anywhere";
	CHECK_INT(count(s, &f), 1);
	f.location = ", nc";
	CHECK_INT(count(s, &f), 2);
	f.location = "100%";
	CHECK_INT(count(s, &f), 0);
	job_filter_init(&f);
	f.remote_only = true;
	CHECK_INT(count(s, &f), 2);
	/* Company, case and accents folded. */
	job_filter_init(&f);
	f.company = "initech";
	CHECK_INT(count(s, &f), 2);
	f.company = "zurich fintech";
	CHECK_INT(count(s, &f), 1);
	/* Minimum yearly salary; the hourly 60 EUR is 124 800 a year. */
	job_filter_init(&f);
	f.min_salary = 124000;
	CHECK_INT(count(s, &f), 3);
	f.min_salary = 140000;
	CHECK_INT(count(s, &f), 1);
	/* Posted within N days (undated postings count from when they were first seen). */
	job_filter_init(&f);
	f.since_days = 5;
	CHECK_INT(count(s, &f), 4);
	/* Combined. */
	job_filter_init(&f);
	f.keyword = "developer";
	f.location = "nc";
	f.since_days = 2;
	f.min_salary = 90000;
	CHECK_INT(count(s, &f), 1);
	f.remote_only = true;
	CHECK_INT(count(s, &f), 0);
	/* Unread, favourites, hidden. */
	{
		int64_t a = id_of(s, "Hooli"), b = id_of(s, "Umbrella"), c = id_of(s, "Globex");

		CHECK_RC(store_job_flag_set(s, a, JOB_FLAG_READ, true, NULL), JT_OK);
		CHECK_RC(store_job_flag_set(s, b, JOB_FLAG_FAVOURITE, true, NULL), JT_OK);
		CHECK_RC(store_job_flag_set(s, c, JOB_FLAG_HIDDEN, true, NULL), JT_OK);
		job_filter_init(&f);
		CHECK_INT(count(s, &f), 9);
		f.include_hidden = true;
		CHECK_INT(count(s, &f), 10);
		job_filter_init(&f);
		f.unread_only = true;
		CHECK_INT(count(s, &f), 8);
		job_filter_init(&f);
		f.favourites_only = true;
		CHECK_INT(count(s, &f), 1);
		f.remote_only = true;
		f.location = "remote";
		CHECK_INT(count(s, &f), 1);
	}
	store_close(s);
	free(path);
}

/* Page through a filter three rows at a time; compare with one big page. */
static void
check_pages(struct store *s, const struct job_filter *f)
{
	struct job_list all, page;
	struct job last;
	size_t seen = 0;

	job_list_init(&all);
	CHECK_RC(store_jobs_query(s, f, NULL, 1000, &all, NULL), JT_OK);
	job_init(&last);
	for (int guard = 0; guard < 100; guard++) {
		job_list_init(&page);
		CHECK_RC(store_jobs_query(s, f, seen ? &last : NULL, 3, &page, NULL), JT_OK);
		for (size_t i = 0; i < page.n; i++, seen++)
			CHECK(seen < all.n && page.v[i].id == all.v[seen].id);
		if (page.n) {
			job_done(&last);
			last = page.v[page.n - 1];
			page.n--;
		}
		job_list_done(&page);
		if (seen >= all.n)
			break;
	}
	job_done(&last);
	CHECK_INT(seen, all.n);
	job_list_done(&all);
}

static void
test_sort_and_pages(void)
{
	char *path;
	struct store *s = open_new(&path);
	int64_t now = 1790000000;
	struct job_filter f;
	struct job_list l;

	corpus(s, now);
	job_filter_init(&f);
	job_list_init(&l);
	CHECK_RC(store_jobs_query(s, &f, NULL, 100, &l, NULL), JT_OK);
	CHECK_INT(l.n, 10);
	if (l.n == 10) {
		/* Newest first; the undated one counts from first_seen (now): it leads. */
		CHECK_STR(l.v[0].title, "Quant Developer");
		CHECK_STR(l.v[1].title, "Python Server-Side Backend Developer");
		CHECK_STR(l.v[9].title, "Go Platform Engineer");
		CHECK(l.v[1].description_text == NULL);	/* list rows are summaries */
		CHECK_STR(l.v[1].feed_name, "Feed A");
		CHECK_STR(l.v[1].salary_currency, "USD");
		CHECK_INT((int64_t)l.v[1].salary_max, 130000);
	}
	job_list_done(&l);
	f.sort = SORT_SALARY;
	CHECK_RC(store_jobs_query(s, &f, NULL, 100, &l, NULL), JT_OK);
	if (l.n == 10) {
		CHECK_STR(l.v[0].company, "Globex");
		CHECK_STR(l.v[1].company, "Infosys");
		CHECK_STR(l.v[2].company, "Acme Corp");
		CHECK_INT((int64_t)l.v[2].salary_year, 124800);
	}
	job_list_done(&l);
	f.sort = SORT_COMPANY;
	CHECK_RC(store_jobs_query(s, &f, NULL, 100, &l, NULL), JT_OK);
	if (l.n == 10) {
		CHECK(l.v[0].company == NULL);
		CHECK_STR(l.v[1].company, "Acme Corp");
		CHECK_STR(l.v[9].company, "Zürich Fintech AG");
	}
	job_list_done(&l);
	f.sort = SORT_RELEVANCE;
	f.keyword = "engineer";
	CHECK_RC(store_jobs_query(s, &f, NULL, 100, &l, NULL), JT_OK);
	CHECK_INT(l.n, 4);
	for (size_t i = 1; i < l.n; i++)
		CHECK(l.v[i - 1].rank <= l.v[i].rank);
	job_list_done(&l);
	/* A word in the title ranks above the same word in a tag of a shorter posting, and
	 * é is one letter, so a whole word: none of these postings has it. */
	{
		struct job j;

		CHECK_RC(store_ingest_begin(s, "https://a.example/feed", 1790000000, NULL), JT_OK);
		mkjob(&j, "20", "Backend Developer", "Tagged", "Oslo", 1789990000);
		free(j.tags);
		j.tags = xstrdup("kotlin");
		free(j.description_text);
		j.description_text = xstrdup("Short.");
		put(s, &j, NULL);
		mkjob(&j, "21", "Data Engineer", "Titled", "Oslo", 1789990000);
		free(j.title);
		j.title = xstrdup("Kotlin Engineer");
		free(j.description_text);
		j.description_text = xstrdup("We build services for banks and shops in several "
					     "countries, with a team of twelve people, in kotlin.");
		put(s, &j, NULL);
		CHECK_RC(store_ingest_commit(s, NULL), JT_OK);
		job_filter_init(&f);
		f.sort = SORT_RELEVANCE;
		f.keyword = "kotlin";
		CHECK_RC(store_jobs_query(s, &f, NULL, 100, &l, NULL), JT_OK);
		CHECK_INT(l.n, 2);
		if (l.n == 2)
			CHECK_STR(l.v[0].company, "Titled");
		job_list_done(&l);
		f.keyword = "\xC3\xA9";
		CHECK_INT(count(s, &f), 0);
		f.keyword = "\xC3\xA9n";	/* two letters: a prefix, accents aside (engineer) */
		CHECK(count(s, &f) >= 4);
		f.keyword = "z\xC3\xBC";	/* zü: Zürich */
		CHECK_INT(count(s, &f), 2);
	}

	for (int sort = 0; sort < SORT_COUNT_; sort++) {
		job_filter_init(&f);
		f.sort = (enum job_sort)sort;
		check_pages(s, &f);
		f.keyword = "developer";
		check_pages(s, &f);
	}
	store_close(s);
	free(path);
}

/* The ids of a filter's list, in order, into ids[0..max); returns how many. */
static size_t
list_ids(struct store *s, const struct job_filter *f, int64_t *ids, size_t max)
{
	struct job_list l;
	size_t n = 0;

	job_list_init(&l);
	CHECK_RC(store_jobs_query(s, f, NULL, 1000, &l, NULL), JT_OK);
	for (size_t i = 0; i < l.n && n < max; i++)
		ids[n++] = l.v[i].id;
	job_list_done(&l);
	return n;
}

/* Whether a keyword list in date order is the date-ordered list of the postings it matches. */
static bool
keyword_in_date_order(struct store *s, const char *word)
{
	struct job_filter f, one;
	int64_t all[64], hits[64], want[64];
	size_t nall, nhits, nwant = 0;

	job_filter_init(&f);
	nall = list_ids(s, &f, all, 64);
	f.keyword = word;
	nhits = list_ids(s, &f, hits, 64);
	for (size_t i = 0; i < nall; i++) {
		struct job_list l;

		job_filter_init(&one);
		one.keyword = word;
		one.sort = SORT_SALARY;	/* not read in date order: a set */
		job_list_init(&l);
		CHECK_RC(store_jobs_query(s, &one, NULL, 1000, &l, NULL), JT_OK);
		for (size_t k = 0; k < l.n; k++)
			if (l.v[k].id == all[i])
				want[nwant++] = all[i];
		job_list_done(&l);
	}
	if (nhits != nwant)
		return false;
	for (size_t i = 0; i < nhits; i++)
		if (hits[i] != want[i])
			return false;
	return true;
}

/*
 * A keyword list in date order reads the full-text index by its date key (schema 5): the
 * same order as the date list, ties by id, dates out of the key's range included, a posting
 * whose date changes moving with it; a database of schema 4 is migrated to it.
 */
static void
test_keyword_date_key(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct job j;

	corpus(s, 1790000000);
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", 1790000100, NULL), JT_OK);
	mkjob(&j, "20", "Zebra Keeper", "Zoo", "Oslo", 1789000000);
	put(s, &j, NULL);
	mkjob(&j, "21", "Zebra Trainer", "Zoo", "Oslo", 1789000000);	/* the same date */
	put(s, &j, NULL);
	mkjob(&j, "22", "Zebra Vet", "Zoo", "Oslo", -86400);		/* before 1970 */
	put(s, &j, NULL);
	mkjob(&j, "23", "Zebra Painter", "Zoo", "Oslo", 6000000000);	/* after 2106 */
	put(s, &j, NULL);
	mkjob(&j, "24", "Zebra Developer", "Zoo", "Oslo", 1789500000);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, NULL), JT_OK);
	CHECK(index_agrees(path));
	CHECK(keyword_in_date_order(s, "zebra"));
	CHECK(keyword_in_date_order(s, "developer"));
	job_filter_init(&f);
	f.keyword = "zebra";
	CHECK_INT(count(s, &f), 5);
	check_pages(s, &f);

	/* A refresh moves one of them to the top: the index follows it, once. */
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", 1790000200, NULL), JT_OK);
	mkjob(&j, "20", "Zebra Keeper", "Zoo", "Oslo", 1790000150);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, NULL), JT_OK);
	CHECK(index_agrees(path));
	CHECK(keyword_in_date_order(s, "zebra"));
	CHECK_INT(count(s, &f), 5);
	store_close(s);

	/* Back to schema 4's index (keyed by id), then opened again: migrated. */
	raw_exec(path, "DROP TRIGGER postings_ad; DROP TRIGGER postings_au;"
		 "DROP TABLE postings_fts; DROP VIEW postings_fts_rows;"
		 "CREATE VIRTUAL TABLE postings_fts USING fts5 (title, company, location, tags,"
		 " description_text, content = 'postings', content_rowid = 'id',"
		 " tokenize = 'unicode61 remove_diacritics 2');"
		 "INSERT INTO postings_fts (postings_fts) VALUES ('rebuild');"
		 "CREATE TRIGGER postings_ad AFTER DELETE ON postings BEGIN SELECT 1; END;"
		 "CREATE TRIGGER postings_au AFTER UPDATE ON postings BEGIN SELECT 1; END;"
		 "PRAGMA user_version = 4;");
	s = NULL;
	CHECK_RC(store_open(path, STORE_USER, &s, NULL), JT_OK);
	if (s) {
		CHECK_INT(pragma(path, "PRAGMA user_version"), store_schema_version());
		CHECK(index_agrees(path));
		CHECK(keyword_in_date_order(s, "zebra"));
		CHECK(keyword_in_date_order(s, "engineer"));
		CHECK_INT(count(s, &f), 5);
		store_close(s);
	}
	free(path);
}

/*
 * A word of letters and digits that no longer term in the index starts with is searched as
 * that word, without the prefix star (faster in date order): it finds the same postings,
 * and a prefix again once a longer term comes.
 */
static void
test_whole_words(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct job j;

	corpus(s, 1790000000);
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", 1790000100, NULL), JT_OK);
	mkjob(&j, "20", "Zebra Keeper", "Zoo", "Oslo", 1789000000);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, NULL), JT_OK);
	job_filter_init(&f);
	f.keyword = "KEEPER";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "keepe";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "zebra keeper";
	CHECK_INT(count(s, &f), 1);
	CHECK_RC(store_ingest_begin(s, "https://a.example/feed", 1790000200, NULL), JT_OK);
	mkjob(&j, "21", "Zebras Keepers", "Zoo", "Oslo", 1789000000);
	put(s, &j, NULL);
	mkjob(&j, "22", "Zookeeper", "Zoo9", "Oslo", 1789000000);
	put(s, &j, NULL);
	CHECK_RC(store_ingest_commit(s, NULL), JT_OK);
	f.keyword = "zebra";	/* now a prefix of zebras too */
	CHECK_INT(count(s, &f), 2);
	CHECK(keyword_in_date_order(s, "zebra"));
	f.keyword = "Keeper";
	CHECK_INT(count(s, &f), 2);
	f.keyword = "zookeeper";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "zoo";
	CHECK_INT(count(s, &f), 3);	/* zoo, zoo9, zookeeper */
	f.keyword = "zoo9";
	CHECK_INT(count(s, &f), 1);
	f.keyword = "z\xC3\xBCrich";	/* not ASCII: a prefix as before */
	CHECK_INT(count(s, &f), 2);
	store_close(s);
	free(path);
}

static void
test_two_connections(void)
{
	char *path;
	struct store *user = open_new(&path), *bulk = NULL;
	struct job_filter f;
	struct job j;
	int64_t id;

	CHECK_RC(store_open(path, STORE_BULK, &bulk, NULL), JT_OK);
	corpus(bulk, 1790000000);
	id = id_of(user, "Infosys");
	/* While the fetcher's transaction is open, the user's connection still reads. */
	CHECK_RC(store_ingest_begin(bulk, "https://a.example/feed", 1790000100, NULL), JT_OK);
	mkjob(&j, "99", "Uncommitted", "X", "Y", 1790000100);
	put(bulk, &j, NULL);
	job_filter_init(&f);
	CHECK_INT(count(user, &f), 10);
	/* and a new connection (the UI starting) opens without waiting for the lock. */
	{
		struct store *again = NULL;
		struct jt_err err = { "" };

		CHECK_RC(store_open(path, STORE_USER, &again, &err), JT_OK);
		if (again) {
			CHECK_INT(count(again, &f), 10);
			store_close(again);
		}
	}
	CHECK_RC(store_ingest_commit(bulk, NULL), JT_OK);
	CHECK_INT(count(user, &f), 11);
	CHECK_RC(store_job_flag_set(user, id, JOB_FLAG_FAVOURITE, true, NULL), JT_OK);
	store_close(bulk);
	store_close(user);
	free(path);
}

int
main(void)
{
	if (!check_tmpdir(dir, sizeof(dir), "store"))
		return 99;
	RUN(test_open_pragmas);
	RUN(test_refuse_newer_and_foreign);
	RUN(test_feeds);
	RUN(test_ingest_stable_ids);
	RUN(test_favourites_survive);
	RUN(test_index_follows_refresh);
	RUN(test_search_hostile);
	RUN(test_filters);
	RUN(test_sort_and_pages);
	RUN(test_keyword_date_key);
	RUN(test_whole_words);
	RUN(test_two_connections);
	check_tmpdir_done(dir);
	return CHECK_DONE();
}
