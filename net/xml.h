/*
 * libxml2 as the parsers use it: the streaming reader that net/feed_rss.c and
 * net/feed_personio.c walk a feed with and the text they collect from it, and the quiet HTML
 * parse of net/html.c and net/feed_jsonld.c. The process-wide set-up, feed_xml_init(), is
 * declared in net/feed.h and defined in net/xml.c. Pure; any thread (after feed_xml_init).
 */
#ifndef NET_XML_H
#define NET_XML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>

#include "net/feed.h"
#include "store/status.h"
#include "store/strbuf.h"

/* What a parser does with the nodes of a document. r is the reader, on the node; depth is
 * the node's (the root element's is 0). A handler that returns anything but JT_OK stops the
 * walk with that status. */
struct xml_handler {
	/* An element starts; name is its local name (never NULL). The reader gives no end
	 * for an empty element (xmlTextReaderIsEmptyElement). */
	enum jt_status (*start)(void *ctx, xmlTextReaderPtr r, const char *name, int depth,
				struct jt_err *err);
	enum jt_status (*end)(void *ctx, xmlTextReaderPtr r, int depth, struct jt_err *err);
	/* Text, CDATA or white space (never NULL). Entity references are not expanded. */
	void (*text)(void *ctx, const char *text, int depth);
};

/*
 * Walk the XML document in one node at a time with libxml2's streaming reader (never a
 * tree), calling h's functions with ctx. A file is read as it goes, never whole. Unless the
 * document is in another encoding (xml_encoding_foreign), invalid UTF-8 and NUL bytes are
 * repaired to U+FFFD on the way in, each bad byte one U+FFFD. Returns JT_OK, a handler's
 * status, or JT_ERR_PARSE with "malformed XML: line N: <libxml2's first fatal error, else
 * its first error>", "malformed XML" or "malformed XML: no root element" in err (also
 * "cannot start the XML reader").
 */
enum jt_status xml_read(const struct feed_input *in, const struct xml_handler *h, void *ctx,
			struct jt_err *err);

/* True when the document whose first bytes are head[0..len) starts with a UTF-16 or UTF-32
 * mark or a NUL, or names an encoding other than UTF-8 in an XML declaration within its
 * first 16 KB: then its bytes are libxml2's to convert, not ours to repair. */
bool xml_encoding_foreign(const char *head, size_t len);

/* Append as much of s[0..n) as sb's cap leaves room for, cut at a character boundary. */
void xml_text_add(struct strbuf *sb, const char *s, size_t n);
/* The same for the string s. */
void xml_text_adds(struct strbuf *sb, const char *s);

/* Copy s (NULL: "") into dst[size] as printable ASCII, up to its first newline; other bytes
 * become '?' (libxml2's messages and names may quote bytes from the document). */
void xml_printable(char *dst, size_t size, const char *s);

/* htmlReadMemory(buf, len, NULL, encoding, options) with libxml2's reports to this thread
 * silenced while it runs (the options do not silence everything); NULL when libxml2 gives
 * no tree. The caller frees the tree with xmlFreeDoc(). */
htmlDocPtr xml_html_read(const char *buf, size_t len, const char *encoding, int options);

/* Parse the UTF-8 HTML buf[0..len) with options, handing its events to sax with ctx and
 * building no tree, libxml2's reports silenced as above. */
void xml_html_sax(const char *buf, size_t len, int options, const htmlSAXHandler *sax,
		  void *ctx);

#endif
