/*
 * HTML descriptions to plain text, and HTML entities.
 *
 * This module owns the rendering of untrusted HTML into the text the detail pane wraps. It
 * parses with libxml2's HTML parser only: never with entity substitution, DTD loading or
 * lifted limits, never touching the network, and never letting libxml2 print anything (its
 * default error handler echoes raw input to stderr, a terminal-injection path). It renders
 * from the parser's events (SAX), so no tree is built and nesting depth costs no stack: the
 * tree of each description took half the time of a refresh's parsing. The text it produces is valid
 * UTF-8 but is NOT terminal-safe: characters decoded from entities (&#x9b;, &#x202e;) are
 * left for text_sanitize() at display time. Pure and reentrant; any thread.
 */
#include "config.h"
#include "net/html.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "net/xml.h"
#include "store/job.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

/*
 * Parser options. RECOVER and the two NO* report switches make libxml2 accept tag soup
 * (unclosed <p>, stray </div>) silently; NONET forbids any fetch; IGNORE_ENC keeps a
 * <meta charset> from overriding the UTF-8 we hand it. NOBLANKS is deliberately absent: it
 * deletes the white space between inline elements ("<b>a</b> <i>b</i>" would read "ab").
 */
#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
		      HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC)

#define LINKS_MAX	200	/* numbered links per description; later ones get no number */
#define LIST_MAX	32	/* list levels whose numbering is tracked */
#define INDENT_MAX	10	/* list levels that indent further */
#define LINK_TEXT_MAX	(2 * JOB_FIELD_MAX)	/* link text kept to compare with its URL */
#define RULE "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80" \
	     "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80" \
	     "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80" \
	     "\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80\xE2\x94\x80"	/* 20 x U+2500 */

/* ---- elements ------------------------------------------------------------------------------- */

enum kind {
	K_INLINE,	/* anything not listed: its text flows */
	K_DROP,		/* dropped with everything inside */
	K_BLOCK,	/* a paragraph: a blank line before and after */
	K_LINE,		/* a line of its own (dt, dd) */
	K_PRE,		/* a paragraph that keeps its white space */
	K_ROW,		/* a table row: a paragraph whose cells are joined by " | " */
	K_CELL,
	K_LIST_UL,
	K_LIST_OL,
	K_LI,
	K_BR,
	K_HR,
	K_A,
};

/* Sorted by name for bsearch(); libxml2 hands element names over in lower case. */
static const struct element {
	const char *name;
	enum kind kind;
} elements[] = {
	{ "a", K_A }, { "address", K_BLOCK }, { "applet", K_DROP }, { "area", K_DROP },
	{ "article", K_BLOCK }, { "aside", K_BLOCK }, { "audio", K_DROP }, { "base", K_DROP },
	{ "blockquote", K_BLOCK }, { "body", K_BLOCK }, { "br", K_BR }, { "button", K_DROP },
	{ "canvas", K_DROP }, { "caption", K_BLOCK }, { "center", K_BLOCK }, { "datalist", K_DROP },
	{ "dd", K_LINE }, { "details", K_BLOCK }, { "dialog", K_BLOCK }, { "dir", K_LIST_UL },
	{ "div", K_BLOCK }, { "dl", K_BLOCK }, { "dt", K_LINE }, { "embed", K_DROP },
	{ "fieldset", K_BLOCK }, { "figcaption", K_BLOCK }, { "figure", K_BLOCK },
	{ "footer", K_BLOCK }, { "form", K_BLOCK }, { "frame", K_DROP }, { "frameset", K_DROP },
	{ "h1", K_BLOCK }, { "h2", K_BLOCK }, { "h3", K_BLOCK }, { "h4", K_BLOCK },
	{ "h5", K_BLOCK }, { "h6", K_BLOCK }, { "head", K_DROP }, { "header", K_BLOCK },
	{ "hgroup", K_BLOCK }, { "hr", K_HR }, { "iframe", K_DROP }, { "img", K_DROP },
	{ "input", K_DROP }, { "legend", K_BLOCK }, { "li", K_LI }, { "link", K_DROP },
	{ "listing", K_PRE }, { "main", K_BLOCK }, { "map", K_DROP }, { "math", K_DROP },
	{ "menu", K_LIST_UL }, { "meta", K_DROP }, { "nav", K_BLOCK }, { "noembed", K_DROP },
	{ "noframes", K_DROP }, { "noscript", K_DROP }, { "object", K_DROP }, { "ol", K_LIST_OL },
	{ "p", K_BLOCK }, { "param", K_DROP }, { "picture", K_DROP }, { "plaintext", K_PRE },
	{ "pre", K_PRE }, { "script", K_DROP }, { "section", K_BLOCK }, { "select", K_DROP },
	{ "source", K_DROP }, { "style", K_DROP }, { "summary", K_BLOCK }, { "svg", K_DROP },
	{ "table", K_BLOCK }, { "td", K_CELL }, { "template", K_DROP }, { "textarea", K_DROP },
	{ "th", K_CELL }, { "title", K_DROP }, { "tr", K_ROW }, { "track", K_DROP },
	{ "ul", K_LIST_UL }, { "video", K_DROP }, { "xmp", K_PRE },
};

static int
element_cmp(const void *key, const void *elem)
{
	const struct element *e = elem;

	return strcmp(key, e->name);
}

static enum kind
kind_of(const xmlChar *name)
{
	const struct element *e;

	if (!name)
		return K_INLINE;
	e = bsearch(name, elements, sizeof(elements) / sizeof(elements[0]), sizeof(elements[0]),
		    element_cmp);
	return e ? e->kind : K_INLINE;
}

/* The value of attribute name in a SAX attribute list (name, value, ..., NULL), or NULL. */
static const char *
attr(const xmlChar **atts, const char *name)
{
	for (; atts && atts[0]; atts += 2)
		if (!strcmp((const char *)atts[0], name))
			return (const char *)atts[1];
	return NULL;
}

/* ---- the renderer --------------------------------------------------------------------------- */

struct list_level {
	bool ordered;		/* <ol> rather than <ul> */
	long next;		/* the number of its next item */
};

struct render {
	struct strbuf out;		/* the body text; capped at JOB_HTML_MAX */
	bool full;			/* the cap was reached: stop walking */
	int breaks;			/* newlines owed before the next text: 0, 1 or 2 */
	bool space;			/* a space owed before the next text */
	bool sep;			/* a cell separator owed before the next text */
	bool bol;			/* at the start of a line, indentation not yet written */
	int pre;			/* depth of elements that keep white space */
	int lists;			/* depth of <ul>/<ol> */
	int items;			/* depth of open <li> */
	struct list_level level[LIST_MAX];	/* the first LIST_MAX list levels */
	char marker[32];		/* "• " or "12. " owed before the next text; "" = none */
	int marker_indent;		/* columns before that marker */
	int item_indent[LIST_MAX];	/* columns before the text of each open item's lines */
	bool row_text;			/* the current table row has text */
	int depth;			/* elements open */
	int drop;			/* elements open inside a dropped one, itself included */
	int link;			/* depth of the open numbered link; 0 = none */
	char *link_url;			/* its target (owned) */
	struct strbuf link_text;	/* its text so far, capped at LINK_TEXT_MAX */
	struct strbuf chunk;		/* the parser's text, NUL-terminated */
	char *urls[LINKS_MAX];		/* numbered targets (owned), [0] is number 1 */
	int nurls;
};

static void
render_init(struct render *r)
{
	memset(r, 0, sizeof(*r));
	strbuf_init(&r->out, JOB_HTML_MAX);
	strbuf_init(&r->link_text, LINK_TEXT_MAX);
	strbuf_init(&r->chunk, 0);
	r->bol = true;
}

static void
render_done(struct render *r)
{
	int i;

	strbuf_done(&r->out);
	strbuf_done(&r->link_text);
	strbuf_done(&r->chunk);
	free(r->link_url);
	for (i = 0; i < r->nurls; i++)
		free(r->urls[i]);
}

/* Append to the body; at the cap, keep what fits (whole characters) and stop. */
static void
put(struct render *r, const char *s, size_t len)
{
	size_t room;

	if (r->full || strbuf_add(&r->out, s, len))
		return;
	room = JOB_HTML_MAX - r->out.len;	/* < len, or the append would have worked */
	while (room > 0 && ((unsigned char)s[room] & 0xC0) == 0x80)
		room--;
	strbuf_add(&r->out, s, room);
	r->full = true;
}

/* Columns before a line of text that is not an item's first line. */
static int
indent_cols(const struct render *r)
{
	if (r->items > 0)
		return r->item_indent[(r->items < LIST_MAX ? r->items : LIST_MAX) - 1];
	return 2 * (r->lists < INDENT_MAX ? r->lists : INDENT_MAX);
}

/* Write what is owed (line breaks, indentation, a list marker, a space) before new text. */
static void
flush(struct render *r)
{
	static const char spaces[] = "                                        ";

	if (r->breaks > 0 && r->out.len > 0) {
		put(r, "\n\n", (size_t)r->breaks);
		r->bol = true;
	}
	r->breaks = 0;
	if (r->bol) {
		int cols = r->marker[0] ? r->marker_indent : indent_cols(r);

		assert(cols >= 0 && (size_t)cols < sizeof(spaces));
		put(r, spaces, (size_t)cols);
		put(r, r->marker, strlen(r->marker));
		r->marker[0] = '\0';
		r->bol = false;
	} else if (r->sep) {
		put(r, " | ", 3);
	} else if (r->space) {
		put(r, " ", 1);
	}
	r->space = false;
	r->sep = false;
}

/* Owe n line breaks (1: a new line, 2: a blank line), unless a list marker still waits for
 * its text: "<li><p>text" keeps the marker and the text on one line. */
static void
need_break(struct render *r, int n)
{
	if (r->marker[0])
		return;
	if (r->breaks < n)
		r->breaks = n;
	r->space = false;
	r->sep = false;
}

/* The break around a paragraph: a blank line, or a new line inside a list. */
static void
block_break(struct render *r)
{
	need_break(r, r->items > 0 || r->lists > 0 ? 1 : 2);
}

/* Length of the collapsible white space at s (HTML white space or U+00A0), else 0. */
static size_t
space_len(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

static void
word(struct render *r, const char *s, size_t len)
{
	bool spaced = r->space || r->sep || r->breaks > 0;

	flush(r);
	put(r, s, len);
	r->row_text = true;
	if (r->link) {
		if (spaced && r->link_text.len > 0)
			strbuf_addc(&r->link_text, ' ');
		strbuf_add(&r->link_text, s, len);
	}
}

/* Preformatted text: every space kept, each newline a line break, tabs as four spaces. */
static void
pre_text(struct render *r, const char *s)
{
	while (*s && !r->full) {
		size_t n = 0;

		if (*s == '\n') {
			if (r->breaks < 2)
				r->breaks++;
			s++;
			continue;
		}
		if (*s == '\r') {
			s++;
			continue;
		}
		flush(r);
		while (s[n] && s[n] != '\n' && s[n] != '\r' && s[n] != '\t')
			n++;
		if (n > 0) {
			word(r, s, n);
			s += n;
		} else {	/* a tab */
			put(r, "    ", 4);
			s++;
		}
	}
}

static void
text(struct render *r, const char *s)
{
	if (r->pre > 0) {
		pre_text(r, s);
		return;
	}
	while (*s && !r->full) {
		size_t n = space_len(s);

		if (n > 0) {
			r->space = true;
			s += n;
			continue;
		}
		while (s[n] && !space_len(s + n))
			n++;
		word(r, s, n);
		s += n;
	}
}

static bool
has_prefix_nocase(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != *prefix)
			return false;
	}
	return true;
}

/*
 * The target of a link worth numbering, or NULL: an http, https or mailto URL (relative,
 * fragment, javascript: and data: links are not listed), with surrounding white space and
 * embedded tabs and newlines removed (as browsers do), no other control characters, and at
 * most JOB_FIELD_MAX bytes. The caller frees it.
 */
static char *
link_target(const char *href)
{
	const char *s = href, *e;
	struct strbuf sb;

	if (!href)
		return NULL;
	while (*s && (unsigned char)*s <= ' ')
		s++;
	e = s + strlen(s);
	while (e > s && (unsigned char)e[-1] <= ' ')
		e--;
	if (!has_prefix_nocase(s, "http://") && !has_prefix_nocase(s, "https://") &&
	    !has_prefix_nocase(s, "mailto:"))
		return NULL;
	strbuf_init(&sb, JOB_FIELD_MAX);
	for (; s < e; s++) {
		if (*s == '\t' || *s == '\n' || *s == '\r')
			continue;
		if ((unsigned char)*s < ' ' || *s == 0x7F || !strbuf_addc(&sb, *s)) {
			strbuf_done(&sb);
			return NULL;
		}
	}
	return strbuf_detach(&sb, NULL);
}

/* True when a link's text already shows its target ("https://x.example/" or the address of
 * a mailto: link), so numbering it would only repeat it. */
static bool
shows_target(const char *text, const char *url)
{
	size_t tl, ul;

	if (has_prefix_nocase(url, "mailto:"))
		url += strlen("mailto:");
	tl = strlen(text);
	ul = strlen(url);
	if (tl > 0 && text[tl - 1] == '/')
		tl--;
	if (ul > 0 && url[ul - 1] == '/')
		ul--;
	return tl == ul && memcmp(text, url, tl) == 0;
}

static void
link_open(struct render *r, const xmlChar **atts)
{
	if (r->link)
		return;	/* links do not nest; the outer one keeps the text */
	r->link_url = link_target(attr(atts, "href"));
	if (!r->link_url)
		return;
	r->link = r->depth;
	strbuf_reset(&r->link_text);
}

static void
link_close(struct render *r)
{
	int i;
	char num[32];

	r->link = 0;
	if (r->link_text.len > 0 && shows_target(strbuf_str(&r->link_text), r->link_url)) {
		free(r->link_url);
		r->link_url = NULL;
		return;
	}
	for (i = 0; i < r->nurls; i++)
		if (strcmp(r->urls[i], r->link_url) == 0)
			break;
	if (i == r->nurls) {
		if (r->nurls == LINKS_MAX) {
			free(r->link_url);
			r->link_url = NULL;
			return;
		}
		r->urls[r->nurls++] = r->link_url;
	} else {
		free(r->link_url);
	}
	r->link_url = NULL;
	if (r->link_text.len > 0) {
		/* Straight after the link text, even when a line break is already owed. */
		snprintf(num, sizeof(num), " [%d]", i + 1);
		put(r, num, strlen(num));
	} else {
		snprintf(num, sizeof(num), "[%d]", i + 1);	/* an image link */
		word(r, num, strlen(num));
	}
}

static void
list_open(struct render *r, const xmlChar **atts, bool ordered)
{
	const char *from = ordered ? attr(atts, "start") : NULL;
	long start = 1;

	block_break(r);
	r->lists++;
	if (from) {
		char *end;
		long v = strtol(from, &end, 10);

		if (end != from && v > -1000000 && v < 1000000)
			start = v;
	}
	if (r->lists <= LIST_MAX) {
		r->level[r->lists - 1].ordered = ordered;
		r->level[r->lists - 1].next = start;
	}
}

static void
item_open(struct render *r)
{
	int level = r->lists > 0 ? r->lists : 1;
	struct list_level *l = NULL;
	int cols;

	if (r->lists > 0 && r->lists <= LIST_MAX)
		l = &r->level[r->lists - 1];

	if (r->marker[0])
		flush(r);	/* an item holding only a list: its marker gets a line */
	need_break(r, 1);
	if (l && l->ordered)
		snprintf(r->marker, sizeof(r->marker), "%ld. ", l->next++);
	else
		snprintf(r->marker, sizeof(r->marker), "\xE2\x80\xA2 ");	/* U+2022 */
	/* Under the text of the enclosing item, or two columns per list level. */
	r->marker_indent = r->items > 0 ? indent_cols(r) : 2 * (level - 1);
	if (r->marker_indent > 2 * (INDENT_MAX - 1))
		r->marker_indent = 2 * (INDENT_MAX - 1);
	cols = text_width(r->marker);	/* later lines line up with the first one's text */
	r->items++;
	r->item_indent[(r->items < LIST_MAX ? r->items : LIST_MAX) - 1] = r->marker_indent + cols;
}

/* ---- the parser's events -------------------------------------------------------------------- */

/* An element starts. */
static void
sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct render *r = ctx;
	enum kind kind = kind_of(name);

	r->depth++;
	if (r->drop > 0 || kind == K_DROP) {
		r->drop++;	/* dropped with everything inside */
		return;
	}
	switch (kind) {
	case K_DROP:
	case K_INLINE:
		break;
	case K_BLOCK:
		block_break(r);
		break;
	case K_LINE:
		need_break(r, 1);
		break;
	case K_PRE:
		block_break(r);
		r->pre++;
		break;
	case K_ROW:
		block_break(r);
		r->row_text = false;
		break;
	case K_CELL:
		if (r->row_text)
			r->sep = true;
		break;
	case K_LIST_UL:
	case K_LIST_OL:
		list_open(r, atts, kind == K_LIST_OL);
		break;
	case K_LI:
		item_open(r);
		break;
	case K_BR:
		if (!r->marker[0] && r->out.len > 0 && r->breaks < 2)
			r->breaks++;
		r->space = false;
		r->sep = false;
		break;
	case K_HR:
		block_break(r);
		flush(r);
		put(r, RULE, strlen(RULE));
		block_break(r);
		break;
	case K_A:
		link_open(r, atts);
		break;
	}
}

/* An element ends (the parser ends every element it started, implied ends included). */
static void
sax_end(void *ctx, const xmlChar *name)
{
	struct render *r = ctx;

	r->depth--;
	if (r->drop > 0) {
		r->drop--;
		return;
	}
	/* The link, or an element around it that libxml2 closes while the link is left open
	 * (a document cut short inside its start tag). */
	if (r->link > r->depth)
		link_close(r);
	switch (kind_of(name)) {
	case K_DROP:
	case K_INLINE:
	case K_CELL:
	case K_BR:
	case K_HR:
	case K_A:
		break;
	case K_BLOCK:
	case K_ROW:
		block_break(r);
		break;
	case K_LINE:
		need_break(r, 1);
		break;
	case K_PRE:
		r->pre--;
		block_break(r);
		break;
	case K_LIST_UL:
	case K_LIST_OL:
		r->lists--;
		block_break(r);
		break;
	case K_LI:
		r->items--;
		r->marker[0] = '\0';	/* an empty item shows nothing */
		need_break(r, 1);
		break;
	}
}

/* Text, CDATA or white space, in pieces of any size (a word may span two). */
static void
sax_text(void *ctx, const xmlChar *ch, int len)
{
	struct render *r = ctx;

	if (r->drop > 0 || r->full || len <= 0)
		return;
	strbuf_reset(&r->chunk);
	strbuf_add(&r->chunk, (const char *)ch, (size_t)len);
	text(r, strbuf_str(&r->chunk));
}

/* Is s[0..len) blank space at the end of a line? Strip spaces, tabs and U+00A0. */
static size_t
trim_end(const char *s, size_t len)
{
	for (;;) {
		if (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		else if (len > 1 && (unsigned char)s[len - 2] == 0xC2 &&
			 (unsigned char)s[len - 1] == 0xA0)
			len -= 2;
		else
			return len;
	}
}

/* Copy the body into dst line by line: no trailing white space, at most one blank line in a
 * row, none at the start or the end. */
static void
tidy(struct strbuf *dst, const char *s, size_t len)
{
	const char *end = s + len;
	bool blank = false;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = trim_end(s, (size_t)((nl ? nl : end) - s));

		if (n == 0) {
			blank = dst->len > 0;
		} else {
			if (dst->len > 0)
				strbuf_add(dst, blank ? "\n\n" : "\n", blank ? 2 : 1);
			strbuf_add(dst, s, n);
			blank = false;
		}
		s = nl ? nl + 1 : end;
	}
}

/* The final text: the tidied body, then the numbered targets, within JOB_HTML_MAX. */
static char *
render_finish(struct render *r)
{
	struct strbuf res, links;
	bool cut = r->full;
	char *out;
	int i;

	strbuf_init(&links, 0);
	for (i = 0; i < r->nurls; i++)
		strbuf_addf(&links, "\n[%d] %s", i + 1, r->urls[i]);
	strbuf_init(&res, 0);
	strbuf_add(&res, "", 0);
	tidy(&res, strbuf_str(&r->out), r->out.len);
	/* Room for " …" and the blank line before the list, or cut the body. */
	if (res.len + 2 + links.len + 1 + strlen(TEXT_ELLIPSIS) > JOB_HTML_MAX) {
		size_t keep = JOB_HTML_MAX - 2 - links.len - 1 - strlen(TEXT_ELLIPSIS);

		while (keep > 0 && ((unsigned char)res.buf[keep] & 0xC0) == 0x80)
			keep--;
		res.len = keep;
		res.buf[keep] = '\0';
		cut = true;
	}
	if (cut) {
		res.len = trim_end(res.buf, res.len);
		res.buf[res.len] = '\0';
		strbuf_adds(&res, res.len > 0 && res.buf[res.len - 1] != '\n' ? " " TEXT_ELLIPSIS
								      : TEXT_ELLIPSIS);
	}
	if (links.len > 0) {
		size_t skip = res.len > 0 ? 0 : 1;	/* each entry starts with '\n' */

		if (res.len > 0)
			strbuf_addc(&res, '\n');	/* the blank line before the list */
		strbuf_add(&res, links.buf + skip, links.len - skip);
	}
	strbuf_done(&links);
	out = text_utf8_repair(strbuf_str(&res), res.len, NULL);
	strbuf_done(&res);
	return out;
}

char *
html_to_text(const char *html, size_t len)
{
	htmlSAXHandler sax;
	struct render r;
	size_t srclen;
	char *src, *out;

	if (!html || len == 0)
		return xstrdup("");
	if (len > JOB_HTML_MAX)
		len = JOB_HTML_MAX;
	/* libxml2 switches a document with a bad byte to Latin-1, so repair first. */
	src = text_utf8_repair(html, len, &srclen);
	memset(&sax, 0, sizeof(sax));
	sax.startElement = sax_start;
	sax.endElement = sax_end;
	sax.characters = sax_text;
	sax.cdataBlock = sax_text;
	sax.ignorableWhitespace = sax_text;
	render_init(&r);
	xml_html_sax(src, srclen, HTML_OPTIONS, &sax, &r);
	free(src);
	if (r.link)
		link_close(&r);	/* cut short inside a link */
	out = render_finish(&r);
	render_done(&r);
	return out;
}

/* ---- entities ------------------------------------------------------------------------------- */

static bool
ascii_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
hex_value(char c)
{
	if (ascii_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The entity at s (which starts with '&'): returns the bytes it takes and sets *cp, or 0
 * when s does not start an entity we know. Numeric references may omit the ';' (as HTML
 * allows); named ones need it. A numeric reference to 0, a surrogate or beyond U+10FFFF
 * gives U+FFFD.
 */
static size_t
entity(const char *s, uint32_t *cp)
{
	size_t i, n;

	if (s[1] == '#') {
		bool hex = s[2] == 'x' || s[2] == 'X';
		uint32_t v = 0;
		int d;

		i = hex ? 3 : 2;
		n = i;
		for (;;) {
			d = hex ? hex_value(s[i]) : (ascii_digit(s[i]) ? s[i] - '0' : -1);
			if (d < 0)
				break;
			v = v * (hex ? 16 : 10) + (uint32_t)d;
			if (v > 0x10FFFF)
				v = 0x110000;	/* saturate: it stays invalid */
			i++;
		}
		if (i == n)
			return 0;	/* no digits */
		if (s[i] == ';')
			i++;
		*cp = (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : v;
		return i;
	} else {
		char name[33];
		const htmlEntityDesc *e;

		for (i = 1; ascii_alpha(s[i]) || ascii_digit(s[i]); i++)
			if (i > sizeof(name) - 1)
				return 0;
		if (i == 1 || s[i] != ';')
			return 0;
		memcpy(name, s + 1, i - 1);
		name[i - 1] = '\0';
		e = htmlEntityLookup((const xmlChar *)name);
		if (!e)
			return 0;
		*cp = e->value;
		return i + 1;
	}
}

char *
html_unescape(const char *s)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	while (s && *s) {
		const char *amp = strchr(s, '&');
		char tmp[4];
		uint32_t cp;
		size_t n;

		if (!amp) {
			strbuf_adds(&sb, s);
			break;
		}
		strbuf_add(&sb, s, (size_t)(amp - s));
		n = entity(amp, &cp);
		if (n == 0) {
			strbuf_addc(&sb, '&');
			s = amp + 1;
			continue;
		}
		strbuf_add(&sb, tmp, text_utf8_encode(cp, tmp));
		s = amp + n;
	}
	return strbuf_detach(&sb, NULL);
}

/* Does a tag name (or "/name") start at s? */
static bool
tag_name_at(const char *s)
{
	return ascii_alpha(s[0]) || (s[0] == '/' && ascii_alpha(s[1]));
}

/* Length of an escaped '<' ("&lt;", "&#60;", "&#x3c;") at s, else 0. */
static size_t
escaped_lt(const char *s)
{
	if (has_prefix_nocase(s, "&lt;"))
		return 4;
	if (has_prefix_nocase(s, "&#60;"))
		return 5;
	if (has_prefix_nocase(s, "&#x3c;"))
		return 6;
	return 0;
}

/* Is there an escaped '>' in s? */
static bool
has_escaped_gt(const char *s)
{
	for (s = strchr(s, '&'); s; s = strchr(s + 1, '&'))
		if (has_prefix_nocase(s, "&gt;") || has_prefix_nocase(s, "&#62;") ||
		    has_prefix_nocase(s, "&#x3e;"))
			return true;
	return false;
}

bool
html_is_escaped(const char *s)
{
	bool escaped = false;

	if (!s)
		return false;
	for (; *s; s++) {
		size_t n;

		if (*s == '<' && (tag_name_at(s + 1) || s[1] == '!'))
			return false;	/* real markup: escaped tags in it are meant as text */
		if (!escaped && *s == '&' && (n = escaped_lt(s)) > 0 && tag_name_at(s + n)) {
			const char *p = s + n + (s[n] == '/');

			while (ascii_alpha(*p) || ascii_digit(*p))
				p++;
			/* a tag name ends at white space, '/' or the escaped '>' */
			if ((*p == ' ' || *p == '/' || *p == '&' || *p == '\t' || *p == '\n') &&
			    has_escaped_gt(p))
				escaped = true;
		}
	}
	return escaped;
}

bool
html_has_markup(const char *s)
{
	uint32_t cp;

	if (!s)
		return false;
	for (; *s; s++) {
		if (*s == '<' && (tag_name_at(s + 1) || s[1] == '!' || s[1] == '?'))
			return true;
		if (*s == '&' && entity(s, &cp) > 0)
			return true;
	}
	return false;
}
