/*
 * Feed parsing: bytes in, postings out.
 *
 * Each format is one parser in a file of its own (net/feed_<name>.c) and one row in the
 * format table of net/feed.c. A parser reads a struct feed_input, fills the raw fields of
 * each posting it finds (title, company, location, salary, dates, url, description HTML,
 * ...) and hands it to feed_emit(); it does no network or database I/O, keeps no globals,
 * and is fuzzable. feed_emit() finishes every posting the same way whatever its format
 * (UTF-8 repaired, white space squeezed, lengths capped, the description rendered to text,
 * company and location taken from a `Title at Company (Place)` title, remote and salary
 * read from text where no structured field gave them) before passing it to the sink.
 *
 * A parser returns JT_OK when the document is well formed (items that cannot be read are
 * skipped and counted), JT_ERR_PARSE when it is not (the caller then stores nothing: the
 * parser may have emitted postings before it found out), JT_ERR_FORMAT when it is well
 * formed but not of the parser's format (XML whose root is not rss, rdf:RDF or feed; JSON
 * without an "items" array), JT_ERR_TOOBIG when it is larger than the parser accepts, and
 * whatever the sink returned when the sink stops it. Any thread; no shared state (call
 * feed_xml_init() once first).
 */
#ifndef NET_FEED_H
#define NET_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "store/job.h"
#include "store/status.h"

/* Most bytes a JSON document may have (cJSON builds a tree many times its size). */
#define FEED_JSON_MAX	(64 * 1024 * 1024)
/* Most postings one document may yield; the rest are skipped. */
#define FEED_ITEMS_MAX	2000000

/* A feed body: in memory (buf, len) or, when buf is NULL, a file read from its start. */
struct feed_input {
	const char *buf;
	size_t len;
	int fd;			/* used when buf is NULL */
};

struct feed_sink {
	/*
	 * Called once per finished posting. The posting is borrowed for the call (the
	 * callee may steal fields by setting them to NULL). Returning anything but JT_OK
	 * stops the parse with that status. NULL: postings are only counted, without the
	 * finishing work (a quick pass to learn sink->next_url).
	 */
	enum jt_status (*posting)(struct feed_sink *sink, struct job *job, struct jt_err *err);
	void *ctx;		/* the callback's own */
	const char *url;	/* the feed's URL: base for relative links, source of defaults */
	char *title;		/* the feed's own title (set by the parser; owned) */
	char *next_url;		/* the next page, when the feed is paginated (owned) */
	size_t items;		/* postings emitted */
	size_t skipped;		/* items that could not be read */
	bool remote_board;	/* every posting is remote (a remote-only board) */
};

/* Empty sink for the feed at url (borrowed; may be NULL); remote_board is set when url is on
 * a board that lists only remote jobs (We Work Remotely, Remotive, RemoteOK, ...). */
void feed_sink_init(struct feed_sink *sink, const char *url);
/* Free title and next_url. */
void feed_sink_done(struct feed_sink *sink);

/*
 * Finish job and give it to the sink; job is emptied (job_done) afterwards, ready for the
 * parser's next item. Returns the sink's status (JT_OK when the posting was skipped).
 *
 * Finishing, the same for every format: every field becomes valid UTF-8; one-line fields
 * (title, company, location, tags, ...) get HTML entities decoded once and white space
 * squeezed; tags are trimmed, emptied ones and repeats dropped, joined with ", ". Relative
 * url and apply_url are resolved against sink->url. A description_html that is escaped HTML
 * is unescaped once; description_text, unless the parser gave one, is rendered from it.
 * Lengths are cut to JOB_TITLE_MAX, JOB_FIELD_MAX and JOB_HTML_MAX at a character boundary,
 * ending with an ellipsis (a longer guid is replaced by a hash). The title is split by
 * feed_title_split(); remote and hybrid come from feed_remote_words() on the title (as the
 * feed wrote it) and the location, never the body, hybrid winning over remote words, and
 * sink->remote_board forcing remote. Without a structured salary, feed_salary_parse() is
 * tried on the title, then the description text. The guid falls back to the url, then to a
 * hash of title and company ("hash:..."). apply_url equal to url becomes NULL. A posting
 * with no title, url or description, and any posting after FEED_ITEMS_MAX, is not given to
 * the sink but counted in sink->skipped.
 */
enum jt_status feed_emit(struct feed_sink *sink, struct job *job, struct jt_err *err);

/* Read a whole input into memory, refusing more than cap bytes (JT_ERR_TOOBIG). When the
 * input is already in memory, *buf points into it and *owned is NULL; otherwise the file is
 * read from its start (whatever its offset), *owned is the caller's to free, *buf == *owned
 * and is NUL-terminated. JT_ERR_IO when the file cannot be read. */
enum jt_status feed_input_slurp(const struct feed_input *in, size_t cap, const char **buf,
				size_t *len, char **owned, struct jt_err *err);

typedef enum jt_status feed_parse_fn(const struct feed_input *in, struct feed_sink *sink,
				     struct jt_err *err);

/* The parsers (one file each). */
feed_parse_fn feed_parse_rss;		/* RSS 0.9x/1.0/2.0 and Atom 1.0 (net/feed_rss.c) */
feed_parse_fn feed_parse_jsonfeed;	/* JSON Feed 1.0/1.1 with jobterm's _job (feed_json.c) */
feed_parse_fn feed_parse_remoteok;	/* RemoteOK API (net/feed_remoteok.c) */
feed_parse_fn feed_parse_remotive;	/* Remotive API (net/feed_remotive.c) */
feed_parse_fn feed_parse_arbeitnow;	/* Arbeitnow job board API (net/feed_arbeitnow.c) */
feed_parse_fn feed_parse_himalayas;	/* Himalayas jobs API (net/feed_himalayas.c) */
feed_parse_fn feed_parse_jobicy;	/* Jobicy remote jobs API (net/feed_jobicy.c) */
feed_parse_fn feed_parse_hackernews;	/* HN "Who is hiring?" (net/feed_hackernews.c) */
feed_parse_fn feed_parse_jsonld;	/* schema.org JobPosting in any HTML page (feed_jsonld.c) */
feed_parse_fn feed_parse_greenhouse;	/* Greenhouse job board API (feed_greenhouse.c) */
feed_parse_fn feed_parse_lever;		/* Lever postings API (net/feed_lever.c) */
feed_parse_fn feed_parse_ashby;		/* Ashby job posting API (net/feed_ashby.c) */
feed_parse_fn feed_parse_smartrecruiters; /* SmartRecruiters API (feed_smartrecruiters.c) */
feed_parse_fn feed_parse_recruitee;	/* Recruitee offers API (net/feed_recruitee.c) */
feed_parse_fn feed_parse_workable;	/* Workable careers widget (net/feed_workable.c) */
feed_parse_fn feed_parse_personio;	/* Personio XML positions (net/feed_personio.c) */

/*
 * Each board format's sniffer (true when the first bytes head[0..len) look like its API's
 * response) and its web-page-to-API URL function (the URL to download for a board page a
 * user copied, such as https://news.ycombinator.com/item?id=N; NULL when url is not one of
 * its pages, so it is downloaded as it is; the caller frees the result). In the format's
 * file; pure, any thread.
 */
bool feed_sniff_remoteok(const char *head, size_t len);
bool feed_sniff_remotive(const char *head, size_t len);
bool feed_sniff_arbeitnow(const char *head, size_t len);
bool feed_sniff_himalayas(const char *head, size_t len);
bool feed_sniff_jobicy(const char *head, size_t len);
bool feed_sniff_hackernews(const char *head, size_t len);
char *feed_api_remoteok(const char *url);
char *feed_api_remotive(const char *url);
char *feed_api_arbeitnow(const char *url);
char *feed_api_himalayas(const char *url);
char *feed_api_jobicy(const char *url);
char *feed_api_hackernews(const char *url);
bool feed_sniff_greenhouse(const char *head, size_t len);
bool feed_sniff_lever(const char *head, size_t len);
bool feed_sniff_ashby(const char *head, size_t len);
bool feed_sniff_smartrecruiters(const char *head, size_t len);
bool feed_sniff_recruitee(const char *head, size_t len);
bool feed_sniff_workable(const char *head, size_t len);
bool feed_sniff_personio(const char *head, size_t len);
char *feed_api_greenhouse(const char *url);
char *feed_api_lever(const char *url);
char *feed_api_ashby(const char *url);
char *feed_api_smartrecruiters(const char *url);
char *feed_api_recruitee(const char *url);
char *feed_api_workable(const char *url);
char *feed_api_personio(const char *url);

/*
 * Process-wide libxml2 set-up: initialise the parser, install an external entity loader
 * that refuses everything (no file or network access from a document) and error handlers
 * that print nothing (net/xml.c). Call once before any thread starts (fetch_global_init does).
 */
void feed_xml_init(void);

/*
 * Helpers the parsers share (exported for them and for the unit tests). Pure; any thread.
 */

/* A salary read from text: amounts in `period` units. */
struct feed_salary {
	double min;		/* equal to max when the text gave one amount */
	double max;
	const char *currency;	/* static ISO 4217 code, or NULL when the text named none */
	const char *period;	/* static "hour", "day", "week", "month" or "year" (the default) */
};

/*
 * Find the first plausible salary in s: "$120k-$150k", "$120,000 - 150,000 USD", "€75k–110k",
 * "£60,000 per annum", "USD 45/hour", "120-150k", "$50/hr", ... A figure counts only with a
 * currency ($ € £ ¥ ₹ or USD EUR GBP CAD AUD CHF INR JPY) or as a range with a k suffix, so
 * years, phone numbers and head counts are not salaries; implausible amounts for the period
 * (a yearly figure under 1,000, a lone yearly figure under 10,000 such as a bonus, an hourly
 * rate over 2,000, ...) are ignored. When bare is true (a field that holds nothing but a
 * salary) plain numbers count too. Returns false, *out untouched, when there is none.
 */
bool feed_salary_parse(const char *s, bool bare, struct feed_salary *out);

/*
 * Set *remote when s holds one of the words Remote, Anywhere, Telecommute, WFH or the phrase
 * "work from home" (case-insensitive, whole words, not after "non-", "not " or "no "), and
 * *hybrid for the word Hybrid. Never clears either flag.
 */
void feed_remote_words(const char *s, bool *remote, bool *hybrid);

/*
 * Split a title of the form "Role at Company (Location)" or "Role at Company": the title
 * becomes Role, an empty company becomes Company and an empty location Location. A title is
 * split only when the job has no company (and Company then looks like a name: it does not
 * start with a lower-case letter and is short) or when Company is the job's company. Returns
 * true when the title was split.
 */
bool feed_title_split(struct job *job);

/* The canonical employment type ("full-time", "part-time", "contract", "freelance",
 * "internship", "temporary") that s names in any spelling ("Full Time", "FULL_TIME",
 * "FullTime"), or NULL. Static string. */
const char *feed_employment_type(const char *s);

/* The salary period ("hour", "day", "week", "month", "year") that s names ("hourly",
 * "per-year-salary", "1 YEAR", "PA", ...), or NULL. Static string. */
const char *feed_salary_period(const char *s);

/* s as one line of text: valid UTF-8, entities decoded once, white space squeezed, cut to
 * max bytes with an ellipsis. NULL when nothing is left (or s is NULL); the caller frees it. */
char *feed_line(const char *s, size_t max);

/* True when the host of url is domain or one of its subdomains (case-insensitive). */
bool feed_url_host_is(const char *url, const char *domain);

/* Names of the formats jobterm reads, NULL-terminated, for --help and errors. */
extern const char *const feed_format_names[];

/* True when name is a format jobterm reads. */
bool feed_format_known(const char *name);

/*
 * The format of a document: `forced` when not NULL or empty (NULL and "unknown feed format"
 * when jobterm does not read it), else from the URL when the content is of the format's
 * family (XML or JSON): first the host of a board API whose format names no path endings
 * (hn.algolia.com, remoteok.com, ...), then the path ending (.rss, .xml, .atom, .json,
 * feed.json, .jsonfeed, ...), then other hosts (hnrss.org, ...); else from the first bytes of
 * the content (after a BOM and white space: <rss, <rdf:RDF, Atom's <feed, a JSON object whose
 * "version" names jsonfeed.org, a board API's first keys). An HTML page is "jsonld", whose
 * parser says when the page holds no JobPosting. Returns a static format name, or NULL and a
 * message in err naming what was found instead ("empty document", or "not a feed jobterm can
 * read (starts with "...")" with a short printable-ASCII excerpt). head may hold just the
 * first bytes of the document.
 */
const char *feed_detect(const char *forced, const char *url, const char *head, size_t len,
			struct jt_err *err);

/*
 * The format a URL alone names, for the boards whose web pages are turned into API URLs
 * (see feed_fetch_url); NULL when the URL does not tell. Static string.
 */
const char *feed_detect_url(const char *url);

/*
 * The URL to download for the feed a user gave as url in format (NULL: the format the URL
 * names, if any): an API endpoint when url is a board's web page or an API URL missing what
 * jobterm needs (boards.greenhouse.io/acme -> the board API with content=true), otherwise
 * url itself. The caller frees it.
 */
char *feed_fetch_url(const char *format, const char *url);

/* The fewest seconds between two refreshes that the board of format asks for; 0 for none. */
long feed_min_interval(const char *format);

/* Parse in as format `name` (from feed_detect) into sink: the parser's status (see the top
 * of this file), with a message in err when it is not JT_OK; JT_ERR_USAGE for an unknown
 * name. */
enum jt_status feed_parse(const char *name, const struct feed_input *in, struct feed_sink *sink,
			  struct jt_err *err);

#endif
