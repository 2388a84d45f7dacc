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
 * skipped and counted), JT_ERR_PARSE when it is not (the caller then stores nothing), and
 * whatever the sink returned when the sink stops it. Any thread; no shared state.
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
	 * stops the parse with that status.
	 */
	enum jt_status (*posting)(struct feed_sink *sink, struct job *job, struct jt_err *err);
	void *ctx;		/* the callback's own */
	const char *url;	/* the feed's URL: base for relative links, source of defaults */
	char *title;		/* the feed's own title (set by the parser; owned) */
	char *next_url;		/* the next page, when the feed is paginated (owned) */
	size_t items;		/* postings emitted */
	size_t skipped;		/* items that could not be read */
	bool remote_board;	/* set by a parser whose every posting is remote */
};

void feed_sink_init(struct feed_sink *sink, const char *url);
void feed_sink_done(struct feed_sink *sink);

/*
 * Finish job (see above) and give it to the sink; job is emptied (job_done) afterwards,
 * ready for the parser's next item. Returns the sink's status.
 */
enum jt_status feed_emit(struct feed_sink *sink, struct job *job, struct jt_err *err);

/* Read a whole input into memory, refusing more than cap bytes (JT_ERR_TOOBIG). When the
 * input is already in memory, *buf points into it and *owned is NULL; otherwise *owned is
 * the caller's to free and *buf == *owned. */
enum jt_status feed_input_slurp(const struct feed_input *in, size_t cap, const char **buf,
				size_t *len, char **owned, struct jt_err *err);

typedef enum jt_status feed_parse_fn(const struct feed_input *in, struct feed_sink *sink,
				     struct jt_err *err);

/* The parsers (one file each). */
feed_parse_fn feed_parse_rss;		/* RSS 0.9x/1.0/2.0 and Atom 1.0 (net/feed_rss.c) */
feed_parse_fn feed_parse_jsonfeed;	/* JSON Feed 1.0/1.1 with jobterm's _job (feed_json.c) */

/*
 * Process-wide libxml2 set-up: initialise the parser and install an external entity loader
 * that refuses everything (no file or network access from a document). Call once from main()
 * before any thread starts.
 */
void feed_xml_init(void);

/* Names of the formats jobterm reads, NULL-terminated, for --help and errors. */
extern const char *const feed_format_names[];

/* True when name is a format jobterm reads. */
bool feed_format_known(const char *name);

/*
 * The format of a document: `forced` when not NULL, else from the URL's host and path, else
 * from the first bytes of the content. Returns a static format name, or NULL and a message
 * in err naming what was found instead ("HTML page without job data", "empty document").
 */
const char *feed_detect(const char *forced, const char *url, const char *head, size_t len,
			struct jt_err *err);

/* Parse in as format `name` (from feed_detect) into sink. */
enum jt_status feed_parse(const char *name, const struct feed_input *in, struct feed_sink *sink,
			  struct jt_err *err);

#endif
