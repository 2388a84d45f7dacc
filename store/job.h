/*
 * The things jobterm stores: postings (struct job), feeds (struct feed), and the filter a
 * list is drawn through (struct job_filter). Plain data, shared by every layer.
 */
#ifndef STORE_JOB_H
#define STORE_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Hard caps on what one posting may carry; longer text is cut (with an ellipsis). */
#define JOB_TITLE_MAX	512		/* bytes */
#define JOB_FIELD_MAX	1024		/* company, location, url, tags, ... */
#define JOB_HTML_MAX	(512 * 1024)	/* description HTML and its text */

/*
 * Where an application stands: enum, name (in commands, JSON and the UI), the key that picks
 * it in the UI's chooser. The numbers are stored in the database: append, never renumber.
 */
#define TRACK_STATUS_INFO(_) \
	_(SAVED,	"saved",	's') \
	_(APPLIED,	"applied",	'a') \
	_(INTERVIEWING,	"interviewing",	'i') \
	_(OFFER,	"offer",	'o') \
	_(REJECTED,	"rejected",	'r') \
	_(WITHDRAWN,	"withdrawn",	'w')

#define TRACK_ENUM(id, name, key) TRACK_##id,
enum track_status {
	TRACK_NONE,		/* not tracked (0) */
	TRACK_STATUS_INFO(TRACK_ENUM)
	TRACK_COUNT_
};
#undef TRACK_ENUM

/* In a job_filter: any status at all (tracked postings only). */
#define TRACK_ANY (-1)

struct job {
	int64_t id;		/* the store's stable id; 0 until stored */
	char *guid;		/* id unique within its feed (never NULL once parsed) */
	char *feed_url;		/* the feed it came from */
	char *feed_name;	/* that feed's display name (filled by queries; may be NULL) */
	char *title;
	char *company;
	char *location;		/* as the feed wrote it, for display */
	bool remote;		/* fully remote */
	bool hybrid;		/* partly remote */
	double salary_min;	/* in salary_period units; 0 = unknown */
	double salary_max;	/* 0 = unknown */
	char *salary_currency;	/* ISO 4217 code ("USD") or NULL */
	char *salary_period;	/* "year", "month", "week", "day", "hour" or NULL (= year) */
	double salary_year;	/* yearly figure of the larger known amount (filled by queries) */
	char *employment_type;	/* "full-time", "part-time", "contract", ... or NULL */
	int64_t posted;		/* UTC epoch seconds; 0 = unknown */
	char *url;		/* the posting's page */
	char *apply_url;	/* where to apply; NULL = url */
	char *description_html;	/* as the feed sent it (repaired UTF-8) */
	char *description_text;	/* rendered from the HTML */
	char *tags;		/* comma-separated */
	int64_t first_seen;	/* epoch of the refresh that first stored it */
	int64_t last_seen;	/* epoch of the last refresh that carried it */
	bool read;		/* user state, kept across refreshes */
	bool favourite;
	bool hidden;
	enum track_status status; /* the application's status; TRACK_NONE when untracked */
	int64_t status_changed;	/* epoch of the last status change; 0 = never */
	int sources;		/* boards (feeds) carrying this job, its duplicates counted in
				 * (filled by queries: >= 1); 0 = unknown */
	double rank;		/* keyword relevance, lower is better (filled by keyword queries) */
};

void job_init(struct job *job);
/* Free every field and re-initialise. */
void job_done(struct job *job);
/* Yearly figure of a salary amount given in `period` units (NULL or unknown = year). */
double job_salary_yearly(double amount, const char *period);

struct job_list {
	struct job *v;		/* owned, n elements */
	size_t n;
	size_t alloc;
};

void job_list_init(struct job_list *list);
void job_list_done(struct job_list *list);
/* Append a zeroed, initialised job and return it (owned by the list). */
struct job *job_list_push(struct job_list *list);

struct feed {
	int64_t id;
	char *url;
	char *name;		/* display name; NULL = derived from the url or the feed title */
	char *format;		/* forced format name; NULL = detect */
	char *title;		/* the feed's own title, from its last good refresh */
	char *etag;		/* validators from the last 200 */
	char *last_modified;
	int64_t last_fetch;	/* epoch of the last attempt; 0 = never */
	int64_t last_ok;	/* epoch of the last success */
	int last_status;	/* HTTP status of the last attempt (0 = none or not HTTP) */
	char *last_error;	/* NULL when the last attempt succeeded */
	int64_t next_fetch;	/* not to be refreshed before this epoch (the board's interval or
				 * a Retry-After); 0 = any time */
	int64_t postings;	/* how many postings are cached (filled by store_feeds_list) */
};

void feed_init(struct feed *feed);
void feed_done(struct feed *feed);

struct feed_list {
	struct feed *v;
	size_t n;
	size_t alloc;
};

void feed_list_init(struct feed_list *list);
void feed_list_done(struct feed_list *list);
struct feed *feed_list_push(struct feed_list *list);

enum job_sort {
	SORT_DATE,		/* newest first */
	SORT_SALARY,		/* highest yearly salary first; unknown last */
	SORT_RELEVANCE,		/* best keyword match first (date without a keyword) */
	SORT_COMPANY,		/* company A-Z, then newest */
	SORT_COUNT_
};

/* "date", "salary", "relevance", "company"; static strings. */
const char *job_sort_name(enum job_sort sort);
/* Parse a sort name; false when unknown. */
bool job_sort_parse(const char *name, enum job_sort *sort);

struct job_filter {
	const char *keyword;	/* user text matched against the full-text index; NULL = any */
	const char *location;	/* folded substring; "remote" also matches remote postings */
	const char *company;	/* folded substring */
	bool remote_only;
	bool favourites_only;
	bool unread_only;
	bool include_hidden;	/* hidden postings are left out unless this is set */
	int since_days;		/* posted within this many days; 0 = any */
	double min_salary;	/* yearly; postings without a salary are left out; 0 = any */
	int status;		/* an enum track_status to match, TRACK_ANY: any; 0: no filter */
	bool all_sources;	/* list every copy of a duplicate; otherwise one row per job */
	bool include_blocked;	/* postings of a blocked company or with a blocked word are left
				 * out (favourites never are) unless this is set */
	int64_t seen_after;	/* first stored after this epoch; 0 = any */
	enum job_sort sort;
};

void job_filter_init(struct job_filter *filter);
/* Whether the filter lists other postings than its display toggles alone would (hidden,
 * blocked and every copy shown are toggles). */
bool job_filter_narrows(const struct job_filter *filter);

#endif
