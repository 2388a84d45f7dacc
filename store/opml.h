/*
 * OPML, the feed-list format readers exchange: reading the feeds out of a document, and
 * writing the feed list as one.
 *
 * The reader is a small, strict-enough scanner for the subset feed lists use: elements,
 * attributes, comments, processing instructions, CDATA and a DOCTYPE, which it skips. It
 * decodes only the five predefined entities and character references; a DTD's entities are
 * never expanded and nothing is ever fetched. It knows nothing of URLs: what it returns is
 * as hostile as the file was, and the caller vets every URL before using it. Pure: bytes in,
 * a list out, no I/O and no globals; any thread.
 */
#ifndef STORE_OPML_H
#define STORE_OPML_H

#include <stddef.h>

#include "store/job.h"
#include "store/status.h"

#define OPML_MAX_BYTES	(4 * 1024 * 1024)	/* a larger file is not a feed list */
#define OPML_MAX_FEEDS	10000

struct opml_feed {
	char *url;		/* the xmlUrl attribute, entities decoded, valid UTF-8 */
	char *title;		/* the title, else the text attribute; NULL when neither */
	char *format;		/* jobterm's own jobtermFormat attribute; NULL when absent */
};

struct opml_feeds {
	struct opml_feed *v;	/* owned, n elements, in document order */
	size_t n, alloc;
};

void opml_feeds_init(struct opml_feeds *l);
void opml_feeds_done(struct opml_feeds *l);

/*
 * The feeds of the OPML document text[0..len): every outline element with a non-empty xmlUrl,
 * at any depth. JT_ERR_FORMAT when it is not OPML (no opml root element), JT_ERR_PARSE when it is
 * cut short (an unterminated comment, tag or attribute), JT_ERR_TOOBIG over the caps above;
 * err says where. On failure *out holds nothing new.
 */
enum jt_status opml_parse(const char *text, size_t len, struct opml_feeds *out,
			  struct jt_err *err);

/*
 * An OPML 2.0 document listing feeds (their URL, name or title, and forced format), every
 * value sanitised and escaped for an XML attribute. The caller frees it.
 */
char *opml_write(const struct feed_list *feeds);

#endif
