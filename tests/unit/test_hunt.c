/*
 * Unit tests of the job hunt in the store, on real database files: the normalised keys that
 * group duplicates (postings that must group and near-misses that must not), grouped lists
 * and their pages, state set on a whole group, applications and their history, notes,
 * saved searches and what is new in them, blocked companies and words, migration 3 on a
 * database of schema 2, the OPML reader and writer, and config_append().
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/config.h"
#include "store/hunt.h"
#include "store/opml.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"
#include "tests/unit/check.h"

static char dir[256];
static int dbcount;
static int64_t now;

static struct store *
open_new(char **path)
{
	struct store *s = NULL;
	struct jt_err err = { "" };

	*path = xasprintf("%s/h%d.db", dir, ++dbcount);
	CHECK_RC(store_open(*path, STORE_USER, &s, &err), JT_OK);
	if (*err.msg)
		fprintf(stderr, "%s\n", err.msg);
	return s;
}

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
	j->description_text = xasprintf("%s at %s.", title, company ? company : "?");
}

/* Store postings in one feed's refresh: each a guid, title, company, location (NULL-ended). */
static void
feed(struct store *s, const char *url, const char *const *rows)
{
	struct jt_err err = { "" };

	CHECK_RC(store_feed_add(s, url, NULL, NULL, &err), JT_OK);
	CHECK_RC(store_ingest_begin(s, url, now, &err), JT_OK);
	for (int i = 0; rows[i]; i += 4) {
		struct job j;

		mkjob(&j, rows[i], rows[i + 1], rows[i + 2], rows[i + 3], now - 3600 * (i + 1));
		CHECK_RC(store_ingest_put(s, &j, NULL, &err), JT_OK);
		job_done(&j);
	}
	CHECK_RC(store_ingest_commit(s, &err), JT_OK);
	if (*err.msg)
		fprintf(stderr, "%s\n", err.msg);
}

static size_t
list(struct store *s, const struct job_filter *f, struct job_list *out)
{
	struct jt_err err = { "" };

	job_list_init(out);
	CHECK_RC(store_jobs_query(s, f, NULL, 1000, out, &err), JT_OK);
	return out->n;
}

static int64_t
count(struct store *s, const struct job_filter *f)
{
	int64_t n = -1;

	CHECK_RC(store_jobs_count(s, f, &n, NULL), JT_OK);
	return n;
}

/*
 * The count of every filter the quick count answers (a keyword, a location or nothing, with
 * each display toggle) agrees with the rows the list reads.
 */
static void
counts_agree(struct store *s)
{
	static const char *const keywords[] = { NULL, "engineer", "zur", "crypto", "c++" };
	static const char *const places[] = { NULL, "oslo", "zurich", "remote", "nowhere" };

	for (int toggles = 0; toggles < 8; toggles++)
		for (size_t k = 0; k < 5; k++)
			for (size_t p = 0; p < 5; p++) {
				struct job_filter f;
				struct job_list l;
				size_t n;

				job_filter_init(&f);
				f.include_hidden = toggles & 1;
				f.all_sources = toggles & 2;
				f.include_blocked = toggles & 4;
				f.keyword = keywords[k];
				f.location = places[p];
				n = list(s, &f, &l);
				job_list_done(&l);
				if (count(s, &f) != (int64_t)n)
					fprintf(stderr, "  toggles %d keyword %s location %s\n", toggles,
						f.keyword ? f.keyword : "-",
						f.location ? f.location : "-");
				CHECK_INT(count(s, &f), (int64_t)n);
			}
}

static const struct job *
find(const struct job_list *l, const char *title, const char *feed_url)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].title, title) &&
		    (!feed_url || !strcmp(l->v[i].feed_url, feed_url)))
			return &l->v[i];
	return NULL;
}

static int64_t
id_of(struct store *s, const char *title, const char *feed_url)
{
	struct job_filter f;
	struct job_list l;
	const struct job *j;
	int64_t id;

	job_filter_init(&f);
	f.all_sources = true;
	f.include_hidden = true;
	f.include_blocked = true;
	list(s, &f, &l);
	j = find(&l, title, feed_url);
	CHECK(j != NULL);
	id = j ? j->id : 0;
	job_list_done(&l);
	return id;
}

/* ---- keys --------------------------------------------------------------------------------- */

static void
same_key(const char *c1, const char *t1, const char *l1, const char *c2, const char *t2,
	 const char *l2, bool same)
{
	char *a = hunt_dup_key(c1, t1, l1), *b = hunt_dup_key(c2, t2, l2);

	CHECK(a && b);
	if (a && b && !strcmp(a, b) != same)
		fprintf(stderr, "keys \"%s\" and \"%s\" should %s\n", a, b,
			same ? "be equal" : "differ");
	CHECK(a && b && !strcmp(a, b) == same);
	free(a);
	free(b);
}

static void
test_norm(void)
{
	static const char *const one_company[] = {
		"Acme", "ACME, Inc.", "Acme Inc", "acme corp.", "Acme Corporation", "Acme LLC",
		"Acme Ltd.", "Acme GmbH & Co. KG", "  Acme  ", "Ácmé", NULL
	};
	static const char *const one_title[] = {
		"Backend Engineer", "Backend Engineer (Remote)", "backend engineer - remote",
		"Backend Engineer – Remote", "Remote: Backend Engineer",
		"[Remote] Backend Engineer", "Backend Engineer (m/w/d)",
		"Backend-Engineer (f/m/x)", "Backend Engineer (100% Remote)",
		"BACKEND ENGINEER, remote", "Remote Backend Engineer",
		"Backend Engineer | Remote OK", "Backend Engineer (Remote) (m/w/d)",
		"Backend Engineer (all genders)", NULL
	};
	static const char *const other_titles[] = {
		"Backend Engineer (Python)", "Senior Backend Engineer",
		"Backend Engineer (Remote, US)", "Backend Engineer II", "Frontend Engineer",
		"Backend Engineer - Payments", NULL
	};
	char *k;

	for (int i = 1; one_company[i]; i++)
		same_key(one_company[0], "Engineer", "Oslo", one_company[i], "Engineer", "Oslo",
			 true);
	same_key("Acme", "Engineer", "Oslo", "Acme Labs", "Engineer", "Oslo", false);
	same_key("Acme", "Engineer", "Oslo", "Acme Group Inc", "Engineer", "Oslo", false);
	for (int i = 1; one_title[i]; i++)
		same_key("Acme", one_title[0], "Oslo", "Acme", one_title[i], "Oslo", true);
	for (int i = 0; other_titles[i]; i++)
		same_key("Acme", one_title[0], "Oslo", "Acme", other_titles[i], "Oslo", false);
	same_key("Acme", "Engineer", "Zürich", "Acme", "Engineer", "Zurich", true);
	same_key("Acme", "Engineer", "Charlotte, NC", "Acme", "Engineer", "charlotte nc", true);
	same_key("Acme", "Engineer", "Berlin (Hybrid)", "Acme", "Engineer", "Berlin", true);
	same_key("Acme", "Engineer", "Remote", "Acme", "Engineer", NULL, true);
	same_key("Acme", "Engineer", "Berlin", "Acme", "Engineer", "Munich", false);
	same_key("Acme", "Engineer", "Remote (US)", "Acme", "Engineer", "Remote (EU)", false);
	/* Other scripts are kept, not dropped. */
	same_key("株式会社テック", "エンジニア", "東京", "株式会社テック", "エンジニア", "東京", true);
	same_key("株式会社テック", "エンジニア", "東京", "株式会社テック", "マネージャー", "東京",
		 false);
	CHECK((k = hunt_dup_key(NULL, "Engineer", "Oslo")) == NULL);
	free(k);
	CHECK((k = hunt_dup_key("Acme", "", "Oslo")) == NULL);
	free(k);
	CHECK((k = hunt_dup_key("!!!", "Engineer", "Oslo")) == NULL);
	free(k);
	k = hunt_norm_title("Site Reliability Engineer");
	CHECK_STR(k, "site reliability engineer");
	free(k);
	k = hunt_norm_title("Remote");
	CHECK_STR(k, "remote");
	free(k);
	k = hunt_norm_words("C++ / Node.js \x1b[31m\xE2\x80\xAE!");
	CHECK_STR(k, "c node js 31m");
	free(k);
}

static void
test_status_names(void)
{
	enum track_status st;

	CHECK_STR(hunt_status_name(TRACK_APPLIED), "applied");
	CHECK_STR(hunt_status_name(TRACK_NONE), "none");
	CHECK_STR(hunt_status_name((enum track_status)99), "none");
	CHECK(hunt_status_parse("interviewing", &st) && st == TRACK_INTERVIEWING);
	CHECK(hunt_status_parse("none", &st) && st == TRACK_NONE);
	CHECK(!hunt_status_parse("Applied", &st));
	CHECK(!hunt_status_parse("", &st));
	CHECK_INT(hunt_status_key(TRACK_WITHDRAWN), 'w');
}

/* ---- duplicates in the store -------------------------------------------------------------- */

#define FA "https://a.example/feed"
#define FB "https://b.example/feed"
#define FC "https://c.example/feed"

static void
corpus(struct store *s)
{
	static const char *const a[] = {
		"a1", "Backend Engineer (Remote)", "Acme, Inc.", "Zürich, Switzerland",
		"a2", "Data Engineer", "Globex", "Berlin",
		"a3", "Platform Engineer", "Initech", "Austin, TX",
		"a4", "Support Engineer", "Hooli", "Oslo",
		NULL
	};
	static const char *const b[] = {
		"b1", "backend engineer", "ACME", "Zurich Switzerland",	/* the same as a1 */
		"b2", "Data Engineer", "Umbrella", "Berlin",		/* another company */
		"b3", "Platform Engineer", "Initech", "Raleigh, NC",	/* another city */
		NULL
	};
	static const char *const c[] = {
		"c1", "Backend Engineer - Remote", "Acme Corp", "Zurich, Switzerland",	/* a1 */
		"c2", "Backend Engineer (m/w/d)", "Acme", "Zürich (Hybrid), Switzerland",
		NULL
	};

	feed(s, FA, a);
	feed(s, FB, b);
	feed(s, FC, c);
}

static void
test_groups(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct job_list l;
	const struct job *j;
	size_t n;

	corpus(s);
	job_filter_init(&f);
	n = list(s, &f, &l);
	CHECK_INT(n, 6);	/* 9 postings, the 4 Acme ones are one job */
	CHECK_INT(count(s, &f), 6);
	j = find(&l, "Backend Engineer (Remote)", NULL);
	CHECK(j != NULL);	/* the oldest copy represents the group */
	if (j) {
		CHECK_INT(j->sources, 3);
		CHECK_STR(j->feed_url, FA);
	}
	CHECK((j = find(&l, "Data Engineer", FA)) && j->sources == 1);
	CHECK((j = find(&l, "Data Engineer", FB)) && j->sources == 1);
	CHECK(find(&l, "Platform Engineer", FA) && find(&l, "Platform Engineer", FB));
	CHECK(find(&l, "backend engineer", NULL) == NULL);
	job_list_done(&l);

	f.all_sources = true;
	CHECK_INT(list(s, &f, &l), 9);
	CHECK_INT(count(s, &f), 9);
	for (size_t i = 0; i < l.n; i++)
		CHECK_INT(l.v[i].sources, strstr(l.v[i].title, "ackend") ? 3 : 1);
	job_list_done(&l);

	/* Pages of one cover the grouped list exactly once, in every sort. */
	for (int sort = 0; sort < SORT_COUNT_; sort++) {
		struct job_list page;
		struct job after;
		int64_t seen[16];
		size_t got = 0;

		job_filter_init(&f);
		f.sort = (enum job_sort)sort;
		job_init(&after);
		for (;;) {
			job_list_init(&page);
			CHECK_RC(store_jobs_query(s, &f, got ? &after : NULL, 1, &page, NULL),
				 JT_OK);
			if (!page.n) {
				job_list_done(&page);
				break;
			}
			job_done(&after);
			after = page.v[0];
			seen[got < 16 ? got : 15] = after.id;
			got++;
			page.n = 0;
			job_list_done(&page);
			if (got > 12)
				break;
		}
		job_done(&after);
		CHECK_INT(got, 6);
		for (size_t x = 0; x < got && x < 16; x++)
			for (size_t y = x + 1; y < got && y < 16; y++)
				CHECK(seen[x] != seen[y]);
	}
	store_close(s);
	free(path);
}

static void
test_group_state(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct job_list l;
	struct jt_err err = { "" };
	int64_t a1, b1, c1, c2, a2;

	corpus(s);
	a1 = id_of(s, "Backend Engineer (Remote)", FA);
	b1 = id_of(s, "backend engineer", FB);
	c1 = id_of(s, "Backend Engineer - Remote", FC);
	c2 = id_of(s, "Backend Engineer (m/w/d)", FC);
	a2 = id_of(s, "Data Engineer", FA);

	/* A star on one copy is a star on every copy, and on nothing else. */
	CHECK_RC(store_job_flag_set(s, b1, JOB_FLAG_FAVOURITE, true, &err), JT_OK);
	job_filter_init(&f);
	f.favourites_only = true;
	CHECK_INT(count(s, &f), 1);
	f.all_sources = true;
	CHECK_INT(count(s, &f), 4);
	CHECK_INT(list(s, &f, &l), 4);
	CHECK(find(&l, "Data Engineer", NULL) == NULL);
	job_list_done(&l);
	CHECK_RC(store_job_flag_set(s, c2, JOB_FLAG_READ, true, &err), JT_OK);
	job_filter_init(&f);
	f.unread_only = true;
	f.all_sources = true;
	CHECK_INT(count(s, &f), 5);

	/* Tracking one tracks the group, stars it, and is recorded once. */
	CHECK_RC(hunt_track_set(s, c1, TRACK_APPLIED, &err), JT_OK);
	job_filter_init(&f);
	f.status = TRACK_APPLIED;
	CHECK_INT(list(s, &f, &l), 1);
	if (l.n) {
		CHECK_INT(l.v[0].id, a1);
		CHECK_INT(l.v[0].status, TRACK_APPLIED);
		CHECK(l.v[0].status_changed >= now);
		CHECK(l.v[0].favourite);
	}
	job_list_done(&l);
	f.all_sources = true;
	CHECK_INT(count(s, &f), 4);
	f.status = TRACK_ANY;
	CHECK_INT(count(s, &f), 4);
	f.status = TRACK_OFFER;
	CHECK_INT(count(s, &f), 0);
	CHECK_RC(hunt_track_set(s, a2, TRACK_SAVED, &err), JT_OK);
	CHECK_RC(hunt_track_set(s, 99999, TRACK_SAVED, &err), JT_ERR_NOTFOUND);
	job_filter_init(&f);
	f.status = TRACK_ANY;
	CHECK_INT(count(s, &f), 2);

	/* A tracked posting cannot lose its star; it keeps it when tracking stops. */
	CHECK(store_job_flag_set(s, a1, JOB_FLAG_FAVOURITE, false, &err) != JT_OK);
	CHECK(strstr(err.msg, "tracked") != NULL);
	CHECK_RC(hunt_track_set(s, a1, TRACK_INTERVIEWING, &err), JT_OK);
	CHECK_RC(hunt_track_set(s, a1, TRACK_INTERVIEWING, &err), JT_OK);	/* no change */
	CHECK_RC(hunt_note_set(s, a1, "\n \nRecruiter: Ann.\nCall back Monday.\n\n  ", &err),
		 JT_OK);
	CHECK_RC(hunt_track_set(s, b1, TRACK_NONE, &err), JT_OK);
	{
		struct hunt_info info;

		hunt_info_init(&info);
		CHECK_RC(hunt_info_get(s, c2, &info, &err), JT_OK);
		CHECK_INT(info.status, TRACK_NONE);
		CHECK_STR(info.note, "Recruiter: Ann.\nCall back Monday.");
		CHECK_INT(info.nhistory, 3);
		if (info.nhistory == 3) {
			CHECK_INT(info.history[0].status, TRACK_APPLIED);
			CHECK_INT(info.history[1].status, TRACK_INTERVIEWING);
			CHECK_INT(info.history[2].status, TRACK_NONE);
		}
		CHECK_INT(info.nsources, 4);
		if (info.nsources == 4) {
			CHECK_INT(info.sources[0].id, c2);
			CHECK_STR(info.sources[0].feed_url, FC);
			CHECK_STR(info.sources[1].url, "https://jobs.example/a1");
			CHECK_STR(info.sources[2].url, "https://jobs.example/b1");
		}
		CHECK_RC(hunt_info_get(s, 424242, &info, &err), JT_ERR_NOTFOUND);
		hunt_info_done(&info);
	}
	job_filter_init(&f);
	f.favourites_only = true;
	f.all_sources = true;
	CHECK_INT(count(s, &f), 5);	/* the group still starred, and a2 */
	/* Its note keeps it starred, until the note goes. */
	CHECK(store_job_flag_set(s, a1, JOB_FLAG_FAVOURITE, false, &err) != JT_OK);
	CHECK_INT(count(s, &f), 5);
	CHECK_RC(hunt_note_set(s, a1, "   ", &err), JT_OK);
	CHECK_RC(store_job_flag_set(s, a1, JOB_FLAG_FAVOURITE, false, &err), JT_OK);
	{
		char big[HUNT_NOTE_MAX + 2];

		memset(big, 'x', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		CHECK_RC(hunt_note_set(s, a1, big, &err), JT_ERR_TOOBIG);
	}
	/* A note alone stars the posting too: it is user data, never pruned. */
	CHECK_RC(hunt_note_set(s, id_of(s, "Support Engineer", FA), "ask about visas", &err),
		 JT_OK);
	job_filter_init(&f);
	f.favourites_only = true;
	CHECK_INT(count(s, &f), 2);	/* a2 (saved) and a4 (a note); the group was unstarred */
	store_close(s);
	free(path);
}

static void
test_group_removal(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct job_list l;
	struct jt_err err = { "" };
	int64_t removed = -1;

	corpus(s);
	/* Removing the feed of the representative elects another copy. */
	CHECK_RC(store_feed_remove(s, FA, &err), JT_OK);
	job_filter_init(&f);
	CHECK_INT(list(s, &f, &l), 3);
	CHECK(find(&l, "backend engineer", FB) != NULL);
	if (find(&l, "backend engineer", FB))
		CHECK_INT(find(&l, "backend engineer", FB)->sources, 2);
	job_list_done(&l);
	/* A tracked copy is kept through prune and feed removal, and represents its group. */
	CHECK_RC(hunt_track_set(s, id_of(s, "Backend Engineer (m/w/d)", FC), TRACK_OFFER, &err),
		 JT_OK);
	CHECK_RC(store_prune(s, 1, now + 10 * 86400, &removed, &err), JT_OK);
	CHECK_INT(removed, 2);	/* b2 and b3, not the tracked group */
	CHECK_RC(store_feed_remove(s, FC, &err), JT_OK);
	job_filter_init(&f);
	CHECK_INT(list(s, &f, &l), 1);
	if (l.n == 1) {
		CHECK_INT(l.v[0].status, TRACK_OFFER);
		CHECK_INT(l.v[0].sources, 2);
	}
	job_list_done(&l);
	f.all_sources = true;
	CHECK_INT(count(s, &f), 3);
	store_close(s);
	free(path);
}

/* A posting that changes company, title or location moves to another group. */
static void
test_group_moves(void)
{
	char *path;
	struct store *s = open_new(&path);
	static const char *const a[] = { "x", "Engineer", "Acme", "Oslo", NULL };
	static const char *const b1[] = { "y", "Engineer", "Acme", "Oslo", NULL };
	static const char *const b2[] = { "y", "Engineer", "Acme", "Bergen", NULL };
	static const char *const b3[] = { "y", "Engineer", NULL, "Bergen", NULL };
	struct job_filter f;
	struct job_list l;

	job_filter_init(&f);
	feed(s, FA, a);
	feed(s, FB, b1);
	CHECK_INT(count(s, &f), 1);
	feed(s, FB, b2);
	CHECK_INT(count(s, &f), 2);
	CHECK_INT(list(s, &f, &l), 2);
	for (size_t i = 0; i < l.n; i++)
		CHECK_INT(l.v[i].sources, 1);
	job_list_done(&l);
	feed(s, FB, b1);
	CHECK_INT(count(s, &f), 1);
	feed(s, FB, b3);
	CHECK_INT(count(s, &f), 2);
	store_close(s);
	free(path);
}

/* ---- migration 3 ---------------------------------------------------------------------------- */

static void
test_migration(void)
{
	char *path = xasprintf("%s/v2.db", dir);
	sqlite3 *db;
	struct store *s = NULL;
	struct jt_err err = { "" };
	struct job_filter f;
	struct job_list l;
	char sql[2048];

	/* A database as jobterm with schema 2 left it: the same job on two feeds, the newer
	 * copy starred. */
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	for (int i = 0; i < 2; i++)
		CHECK(sqlite3_exec(db, schema_migrations[i], NULL, NULL, NULL) == SQLITE_OK);
	snprintf(sql, sizeof(sql),
		 "PRAGMA user_version = 2; PRAGMA application_id = %d;"
		 "INSERT INTO postings (feed_url, guid, title, company, location, date_key,"
		 " first_seen, last_seen, hash) VALUES"
		 " ('f1', 'g1', 'Backend Engineer', 'Acme Inc.', 'Oslo', 1, 1, 1, 1),"
		 " ('f2', 'g2', 'Backend Engineer (Remote)', 'ACME', 'Oslo', 2, 2, 2, 2),"
		 " ('f2', 'g3', 'Data Engineer', 'Acme', 'Oslo', 3, 3, 3, 3);"
		 "INSERT INTO user_state (job_id, favourite) VALUES (2, 1);",
		 SCHEMA_APPLICATION_ID);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);

	CHECK_RC(store_open(path, STORE_USER, &s, &err), JT_OK);
	if (!s) {
		fprintf(stderr, "%s\n", err.msg);
		free(path);
		return;
	}
	job_filter_init(&f);
	CHECK_INT(list(s, &f, &l), 2);
	if (l.n == 2) {
		const struct job *j = find(&l, "Backend Engineer (Remote)", NULL);

		CHECK(j && j->id == 2 && j->favourite && j->sources == 2);
	}
	job_list_done(&l);
	f.favourites_only = true;
	CHECK_INT(count(s, &f), 1);
	store_close(s);
	free(path);
}

/* ---- saved searches ----------------------------------------------------------------------- */

static void
test_searches(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct job_filter f;
	struct hunt_search h;
	struct hunt_searches all;
	struct jt_err err = { "" };
	bool replaced = true;
	static const char *const more[] = {
		"a9", "Backend Engineer", "Wayne", "Zürich", "a10", "Cook", "Wayne", "Zürich", NULL
	};

	corpus(s);
	job_filter_init(&f);
	f.keyword = "engineer";
	f.location = "zurich";
	f.sort = SORT_SALARY;
	f.status = TRACK_ANY;
	CHECK_RC(hunt_search_save(s, "zurich", &f, &replaced, &err), JT_OK);
	CHECK(!replaced);
	f.status = 0;
	CHECK_RC(hunt_search_save(s, "  zurich  ", &f, &replaced, &err), JT_OK);
	CHECK(replaced);
	job_filter_init(&f);
	f.remote_only = true;
	f.min_salary = 90000;
	f.since_days = 7;
	f.company = "acme";
	f.favourites_only = true;
	f.unread_only = true;
	CHECK_RC(hunt_search_save(s, "everything", &f, NULL, &err), JT_OK);
	CHECK_RC(hunt_search_save(s, "", &f, NULL, &err), JT_ERR_USAGE);
	CHECK_RC(hunt_search_save(s, "bad\x1b]0;x\x07", &f, NULL, &err), JT_ERR_USAGE);
	CHECK_RC(hunt_search_save(s, "--new", &f, NULL, &err), JT_ERR_USAGE);
	CHECK_RC(hunt_search_save(s, "0123456789012345678901234567890123456789012345678901234567"
				  "890123456789", &f, NULL, &err), JT_ERR_USAGE);

	hunt_search_init(&h);
	CHECK_RC(hunt_search_get(s, "zurich", &h, &err), JT_OK);
	CHECK_STR(h.filter.keyword, "engineer");
	CHECK_STR(h.filter.location, "zurich");
	CHECK(h.filter.company == NULL);
	CHECK_INT(h.filter.sort, SORT_SALARY);
	CHECK_INT(h.filter.status, 0);
	CHECK_INT(count(s, &h.filter), 1);	/* the Acme group */
	CHECK_RC(hunt_search_get(s, "everything", &h, &err), JT_OK);
	CHECK(h.filter.remote_only && h.filter.favourites_only && h.filter.unread_only);
	CHECK_INT(h.filter.since_days, 7);
	CHECK_STR(h.filter.company, "acme");
	CHECK_RC(hunt_search_get(s, "nope", &h, &err), JT_ERR_NOTFOUND);
	hunt_search_done(&h);

	/* Nothing is new until a refresh stores postings after it was opened. */
	hunt_searches_init(&all);
	CHECK_RC(hunt_searches_list(s, &all, &err), JT_OK);
	CHECK_INT(all.n, 2);
	if (all.n == 2) {
		CHECK_STR(all.v[0].name, "everything");
		CHECK_STR(all.v[1].name, "zurich");
		CHECK_INT(all.v[1].fresh, 0);
	}
	hunt_searches_done(&all);
	now += 60;
	feed(s, "https://d.example/feed", more);
	hunt_searches_init(&all);
	CHECK_RC(hunt_searches_list(s, &all, &err), JT_OK);
	if (all.n == 2)
		CHECK_INT(all.v[1].fresh, 1);	/* the new engineer in Zürich, not the cook */
	hunt_searches_done(&all);
	CHECK_RC(hunt_search_opened(s, "zurich", now + 1, &err), JT_OK);
	hunt_searches_init(&all);
	CHECK_RC(hunt_searches_list(s, &all, &err), JT_OK);
	if (all.n == 2)
		CHECK_INT(all.v[1].fresh, 0);
	hunt_searches_done(&all);
	CHECK_RC(hunt_search_remove(s, "zurich", &err), JT_OK);
	CHECK_RC(hunt_search_remove(s, "zurich", &err), JT_ERR_NOTFOUND);
	store_close(s);
	free(path);
}

/* ---- blocks ------------------------------------------------------------------------------- */

static void
parse(struct config *c, const char *text)
{
	config_init(c);
	config_parse(c, "rc", text, strlen(text), NULL, NULL);
}

static void
test_blocks(void)
{
	char *path;
	struct store *s = open_new(&path), *bulk = NULL;
	struct config c;
	struct job_filter f;
	struct job_list l;
	struct jt_err err = { "" };
	int64_t n = -1, hidden = -1;
	bool added = false;
	static const char *const more[] = {
		"d1", "Crypto Engineer", "Tokens Ltd", "Oslo",
		"d2", "Cryptography Researcher", "Math Co", "Oslo",
		"d3", "Engineer", "Acme Corporation", "Bergen",
		"d4", "Engineer", "Acme Labs", "Bergen",
		NULL
	};

	corpus(s);
	feed(s, "https://d.example/feed", more);
	job_filter_init(&f);
	CHECK_INT(count(s, &f), 10);
	parse(&c, "block-company \"ACME, Inc.\"\nblock-word crypto\nblock-word\n"
		  "block-company a b\nblock-word \"Tokens\"\n");
	CHECK_INT(c.warnings, 2);
	CHECK_RC(hunt_blocks_sync(s, &c, &err), JT_OK);
	/* The Acme group and Acme Corporation, the crypto engineer (by word and by company). */
	CHECK_INT(count(s, &f), 7);
	CHECK_RC(hunt_blocked_count(s, &n, &err), JT_OK);
	CHECK_INT(n, 3);
	CHECK_INT(list(s, &f, &l), 7);
	CHECK(find(&l, "Cryptography Researcher", NULL) != NULL);
	CHECK(find(&l, "Engineer", NULL) != NULL);	/* Acme Labs is another company */
	job_list_done(&l);
	f.include_blocked = true;
	CHECK_INT(count(s, &f), 10);
	/* Syncing the same list writes nothing; a favourite is never hidden. */
	CHECK_RC(hunt_blocks_sync(s, &c, &err), JT_OK);
	CHECK_RC(store_job_flag_set(s, id_of(s, "Crypto Engineer", NULL), JOB_FLAG_FAVOURITE, true,
				    &err), JT_OK);
	job_filter_init(&f);
	CHECK_INT(count(s, &f), 8);
	/* The fetcher's connection flags what it stores, with the latest list. */
	CHECK_RC(store_open(path, STORE_BULK, &bulk, &err), JT_OK);
	if (bulk) {
		static const char *const later[] = {
			"e1", "Senior Crypto Dev", "Nobody", "Oslo",
			"e2", "Dev", "acme", "Oslo", NULL
		};

		feed(bulk, "https://e.example/feed", later);
		store_close(bulk);
	}
	CHECK_INT(count(s, &f), 8);
	CHECK_RC(store_job_flag_set(s, id_of(s, "Support Engineer", NULL), JOB_FLAG_HIDDEN, true,
				    &err), JT_OK);
	counts_agree(s);
	CHECK_RC(store_job_flag_set(s, id_of(s, "Support Engineer", NULL), JOB_FLAG_HIDDEN, false,
				    &err), JT_OK);
	/* One more block at once (the UI's b), then a config without any. */
	CHECK_RC(hunt_block_add(s, HUNT_BLOCK_COMPANY, "Globex", &added, &hidden, &err), JT_OK);
	CHECK(added);
	CHECK_INT(hidden, 1);
	CHECK_RC(hunt_block_add(s, HUNT_BLOCK_COMPANY, "globex", &added, &hidden, &err), JT_OK);
	CHECK(!added);
	CHECK_RC(hunt_block_add(s, HUNT_BLOCK_WORD, " ,; ", &added, &hidden, &err), JT_ERR_USAGE);
	CHECK_INT(count(s, &f), 7);
	config_done(&c);
	parse(&c, "");
	CHECK_RC(hunt_blocks_sync(s, &c, &err), JT_OK);
	CHECK_INT(count(s, &f), 12);
	CHECK_RC(hunt_blocked_count(s, &n, &err), JT_OK);
	CHECK_INT(n, 0);
	config_done(&c);
	store_close(s);
	free(path);
}

/* ---- the pipeline --------------------------------------------------------------------------- */

static void
test_tracked_list(void)
{
	char *path;
	struct store *s = open_new(&path);
	struct hunt_items items;
	struct jt_err err = { "" };

	corpus(s);
	CHECK_RC(hunt_track_set(s, id_of(s, "Support Engineer", NULL), TRACK_REJECTED, &err),
		 JT_OK);
	CHECK_RC(hunt_track_set(s, id_of(s, "Platform Engineer", FA), TRACK_APPLIED, &err),
		 JT_OK);
	CHECK_RC(hunt_track_set(s, id_of(s, "backend engineer", FB), TRACK_APPLIED, &err), JT_OK);
	CHECK_RC(hunt_note_set(s, id_of(s, "Platform Engineer", FA), "note", &err), JT_OK);
	CHECK_RC(hunt_track_set(s, id_of(s, "Data Engineer", FB), TRACK_SAVED, &err), JT_OK);
	CHECK_RC(store_job_flag_set(s, id_of(s, "Data Engineer", FB), JOB_FLAG_HIDDEN, true, &err),
		 JT_OK);
	hunt_items_init(&items);
	CHECK_RC(hunt_tracked_list(s, &items, &err), JT_OK);
	CHECK_INT(items.n, 4);
	if (items.n == 4) {
		CHECK_STR(items.v[0].job.title, "Data Engineer");	/* saved, hidden or not */
		CHECK_INT(items.v[1].job.status, TRACK_APPLIED);
		CHECK_INT(items.v[2].job.status, TRACK_APPLIED);
		CHECK_INT(items.v[3].job.status, TRACK_REJECTED);
		CHECK(items.v[1].note || items.v[2].note);
		CHECK_INT(items.v[1].job.sources + items.v[2].job.sources, 4);
	}
	hunt_items_done(&items);
	store_close(s);
	free(path);
}

/* ---- OPML ----------------------------------------------------------------------------------- */

static void
test_opml(void)
{
	static const char doc[] =
		"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE opml [ <!ENTITY boom \"&boom;&boom;\"> <!ENTITY x SYSTEM "
		"\"file:///etc/passwd\"> ]>\n"
		"<!-- a <outline xmlUrl=\"http://comment.example/\"/> -->\n"
		"<opml version=\"2.0\"><head><title>mine</title></head><body>\n"
		"<outline text=\"Jobs\">\n"
		"  <outline type=\"rss\" text=\"A &amp; B\""
		" xmlUrl=\"https://a.example/feed?x=1&amp;y=2\"/>\n"
		"  <outline xmlurl='https://b.example/&#x2F;f&#47;' title=\"B title\""
		" text=\"B text\""
		" jobtermFormat=\"greenhouse\"></outline>\n"
		"  <outline text=\"&boom; &x;\" xmlUrl=\"exec:rm -rf ~\"/>\n"
		"  <outline text=\"no url\"/>\n"
		"  <outline text=\"empty url\" xmlUrl=\"\"/>\n"
		"  <![CDATA[ <outline xmlUrl=\"http://cdata.example/\"/> ]]>\n"
		"  <outline text=\"nul &#0; bad &#xD800;\""
		" xmlUrl=\"&#x1b;[31m\n http://c.example/\"/>\n"
		"</outline></body></opml>\n";
	struct opml_feeds l;
	struct feed_list feeds;
	struct jt_err err = { "" };
	char *out;

	opml_feeds_init(&l);
	CHECK_RC(opml_parse(doc, strlen(doc), &l, &err), JT_OK);
	CHECK_INT(l.n, 4);
	if (l.n == 4) {
		CHECK_STR(l.v[0].url, "https://a.example/feed?x=1&y=2");
		CHECK_STR(l.v[0].title, "A & B");
		CHECK(l.v[0].format == NULL);
		CHECK_STR(l.v[1].url, "https://b.example//f/");
		CHECK_STR(l.v[1].title, "B title");
		CHECK_STR(l.v[1].format, "greenhouse");
		CHECK_STR(l.v[2].url, "exec:rm -rf ~");
		CHECK_STR(l.v[2].title, "&boom; &x;");	/* never expanded */
		CHECK_STR(l.v[3].url, "\x1b[31m  http://c.example/");
		CHECK_STR(l.v[3].title, "nul \xEF\xBF\xBD bad \xEF\xBF\xBD");
	}
	opml_feeds_done(&l);
	{
		static const struct {
			const char *doc;
			enum jt_status rc;
		} bad[] = {
			{ "<html><body>hi</body></html>", JT_ERR_FORMAT },
			{ "just text", JT_ERR_FORMAT },
			{ "", JT_ERR_FORMAT },
			{ "<opml><!-- never ends", JT_ERR_PARSE },
			{ "<opml><outline xmlUrl=\"http://x", JT_ERR_PARSE },
			{ "<opml><outline xmlUrl=http://x/>", JT_ERR_PARSE },
			{ "<opml><outline xmlUrl", JT_ERR_PARSE },
			{ "<opml><!DOCTYPE x [ <!ENTITY a \"]>\">", JT_ERR_PARSE },
		};

		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			CHECK_RC(opml_parse(bad[i].doc, strlen(bad[i].doc), &l, &err), bad[i].rc);
	}
	CHECK_INT(l.n, 0);

	/* What opml_write writes, opml_parse reads back, hostile names and all. */
	feed_list_init(&feeds);
	feed_list_push(&feeds)->url = xstrdup("https://a.example/f?a=1&b=\"2\"");
	feeds.v[0].name = xstrdup("<Jobs> & \"more\" \x1b]0;t\x07 'x'");
	feed_list_push(&feeds)->url = xstrdup("https://b.example/");
	feeds.v[1].title = xstrdup("Board B");
	feeds.v[1].format = xstrdup("lever");
	out = opml_write(&feeds);
	CHECK(strchr(out, '\x1b') == NULL);
	CHECK_RC(opml_parse(out, strlen(out), &l, &err), JT_OK);
	CHECK_INT(l.n, 2);
	if (l.n == 2) {
		CHECK_STR(l.v[0].url, "https://a.example/f?a=1&b=\"2\"");
		CHECK_STR(l.v[0].title, "<Jobs> & \"more\" 'x'");
		CHECK_STR(l.v[1].title, "Board B");
		CHECK_STR(l.v[1].format, "lever");
	}
	opml_feeds_done(&l);
	free(out);
	feed_list_done(&feeds);
}

/* ---- config_append -------------------------------------------------------------------------- */

static void
test_config_append(void)
{
	char *path = xasprintf("%s/cfg/sub/config", dir), *link = xasprintf("%s/link", dir);
	struct config c;
	struct jt_err err = { "" };
	FILE *f;
	char buf[4096];
	size_t n;

	CHECK_RC(config_append(path, "block-company", "Acme \"Evil\" \\ Corp\nbind q quit\x1b[2J",
			       &err), JT_OK);
	config_init(&c);
	CHECK_RC(config_load(&c, path, NULL, NULL, &err), JT_OK);
	CHECK_INT(c.nlines, 1);
	CHECK_INT(c.warnings, 0);
	if (c.nlines == 1) {
		CHECK_STR(c.lines[0].argv[0], "block-company");
		CHECK_STR(c.lines[0].argv[1], "Acme \"Evil\" \\ Corp bind q quit");
	}
	config_done(&c);
	/* Appending keeps what was there, through a symbolic link, without a final newline. */
	f = fopen(path, "a");
	if (f) {
		fputs("set mouse = no", f);
		fclose(f);
	}
	CHECK(symlink(path, link) == 0);
	CHECK_RC(config_append(link, "block-word", "# not a comment", &err), JT_OK);
	config_init(&c);
	CHECK_RC(config_load(&c, path, NULL, NULL, &err), JT_OK);
	CHECK_INT(c.mouse, 0);
	CHECK_INT(c.nlines, 2);
	if (c.nlines == 2)
		CHECK_STR(c.lines[1].argv[1], "# not a comment");
	config_done(&c);
	n = 0;
	if ((f = fopen(link, "r"))) {
		n = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	CHECK(strstr(buf, "set mouse = no\nblock-word \"# not a comment\"\n") != NULL);
	CHECK_INT(unlink(link), 0);
	free(link);
	free(path);
}

int
main(void)
{
	if (!check_tmpdir(dir, sizeof(dir), "hunt"))
		return 99;
	now = (int64_t)time(NULL);
	RUN(test_norm);
	RUN(test_status_names);
	RUN(test_groups);
	RUN(test_group_state);
	RUN(test_group_removal);
	RUN(test_group_moves);
	RUN(test_migration);
	RUN(test_searches);
	RUN(test_blocks);
	RUN(test_tracked_list);
	RUN(test_opml);
	RUN(test_config_append);
	check_tmpdir_done(dir);
	return CHECK_DONE();
}
