/*
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0, read with libxml2's streaming reader: one node
 * at a time, never a whole-document tree, so a 150 MB feed costs the memory of one item.
 * Owns the mapping from elements (matched by local name: WP Job Manager binds job_listing:
 * to each site's own URL) to the raw fields of a posting; feed_emit() does the rest.
 *
 * Must never let libxml2 expand entities (no XML_PARSE_NOENT), load a DTD or anything else
 * (no DTDLOAD, DTDATTR, DTDVALID, XINCLUDE; NONET always), lift its size limits (no HUGE),
 * or print: errors go to a handler that keeps a sanitised message. Parsing is strict: a
 * document that is not well formed is an error (no RECOVER), so a cut download stores
 * nothing. Invalid UTF-8 is the one exception: the bytes are repaired to U+FFFD on the way
 * in, so one bad byte does not drop a feed. No I/O but reading the input; no globals.
 *
 * Where the fields come from (first one present wins):
 *   title        title (Atom type="html" rendered to text); "Company: Role" is split on We
 *                Work Remotely and wherever a <region> element marks a feed built like it
 *   url          link text, Atom link href (rel alternate or none), rdf:about, an http guid
 *   guid         guid or Atom id, else rdf:about (feed_emit falls back to the url)
 *   posted       Atom published, pubDate, dc:date, updated (also Stack Overflow a10:updated)
 *   description  content:encoded, else description (both HTML); Atom content, else summary,
 *                as HTML or text by their type (xhtml children are written back as tags)
 *   company      job_listing:company, dc:creator (Jobspresso's "Company<br>⚲&nbsp;Place"
 *                split), Atom author name (not Reddit's "/u/..."), RSS author ("a@b (Name)");
 *                dc:creator is ignored on hnrss, where it names the poster
 *   location     job_listing:location or Stack Overflow's location, WWR <region>, the place
 *                in dc:creator; then, only when the title gives none either, the first
 *                category that reads like a place ("Berlin, Germany", "Remote (US)")
 *   tags         every category (Atom term) and dc:subject
 *   employment   job_listing:job_type or, when that is no employment type (Jobspresso swaps
 *                them), job_listing:job_category
 *   salary       job_listing:salary, read as a salary-only field
 * Elements are matched by local name; title, link, description and the other core names
 * only in no namespace or the RSS 1.0, RSS 0.90 and Atom ones (media:title is no title).
 */
#include "config.h"
#include "net/feed.h"

#include <errno.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/date.h"
#include "net/html.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
		     XML_PARSE_NOCDATA)

#define NS_ATOM		"http://www.w3.org/2005/Atom"
#define NS_RSS1		"http://purl.org/rss/1.0/"
#define NS_RSS090	"http://my.netscape.com/rdf/simple/0.9/"

/* What an item's elements are collected into. */
enum field {
	F_TITLE,
	F_LINK,			/* RSS <link>text</link> */
	F_LINK_HREF,		/* Atom <link rel="alternate" href=...> */
	F_GUID,			/* RSS guid, Atom id */
	F_ABOUT,		/* RSS 1.0 rdf:about */
	F_PUBDATE,
	F_DCDATE,
	F_PUBLISHED,
	F_UPDATED,
	F_DESCRIPTION,		/* RSS description (HTML) */
	F_ENCODED,		/* content:encoded (HTML) */
	F_CONTENT,		/* Atom content */
	F_SUMMARY,		/* Atom summary */
	F_CREATOR,		/* dc:creator */
	F_AUTHOR,		/* RSS author text */
	F_AUTHOR_NAME,		/* Atom author/name */
	F_CATEGORY,		/* the category being read */
	F_TAGS,			/* every category, comma-separated */
	F_PLACE,		/* the first category that reads like a place */
	F_LOCATION,		/* job_listing:location, Stack Overflow location */
	F_COMPANY,		/* job_listing:company */
	F_JOB_TYPE,
	F_JOB_CATEGORY,
	F_SALARY,
	F_REGION,		/* We Work Remotely */
	F_CHANNEL_TITLE,
	F_COUNT
};

/* The input as libxml2 reads it: memory or a file, with invalid UTF-8 repaired. */
struct src {
	const char *mem;	/* NULL: read fd */
	size_t len;
	int fd;
	off_t off;		/* next byte to read */
	bool seekable;
	bool eof;
	bool decided;		/* repair decided from the first bytes */
	bool repair;		/* the document is UTF-8: repair it */
	unsigned char pend[4];	/* the start of a sequence cut by the last read */
	size_t npend;
	char *out;		/* repaired bytes not yet handed to libxml2 */
	size_t outlen, outpos;
	char raw[16384];
};

struct rss {
	xmlTextReaderPtr r;
	struct feed_sink *sink;
	struct src src;
	enum { ROOT_NONE, ROOT_RSS, ROOT_RDF, ROOT_ATOM } root;
	int channel_depth;	/* depth of <channel>, -1 when not seen */
	int item_depth;		/* depth of the open item or entry, -1 when none */
	int author_depth;	/* depth of the open author element, -1 when none */
	struct strbuf f[F_COUNT];
	int cap;		/* the field being collected, -1 when none */
	int cap_depth;		/* its element's depth */
	bool cap_markup;	/* keep child elements as HTML tags */
	char title_type[16], content_type[32], summary_type[32];
	bool have_channel_title;
	bool wwr;		/* "Company: Role" titles */
	bool creator_is_user;	/* dc:creator names a person (hnrss), not a company */
	char fatal[160];	/* the first fatal error libxml2 reported */
	int fatal_line;
	char error[160];	/* the first error of any kind */
	int error_line;
};

/* ---- input --------------------------------------------------------------------------------- */

static ssize_t
src_raw(struct src *s, char *dst, size_t n)
{
	ssize_t r;

	if (s->mem) {
		size_t left = s->len - (size_t)s->off;

		if (n > left)
			n = left;
		memcpy(dst, s->mem + s->off, n);
		s->off += (off_t)n;
		return (ssize_t)n;
	}
	for (;;) {
		r = s->seekable ? pread(s->fd, dst, n, s->off) : read(s->fd, dst, n);
		if (r < 0 && s->seekable && errno == ESPIPE) {
			s->seekable = false;
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r > 0)
			s->off += r;
		return r;
	}
}

/* Does the document at head name an encoding other than UTF-8, or start with a UTF-16 mark? */
static bool
foreign_encoding(const char *head, size_t n)
{
	const char *e, *end = head + n;
	char name[32];
	size_t k = 0, bom = n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3) ? 3 : 0;

	if (n >= 2 && ((head[0] == '\xFE' && head[1] == '\xFF') ||
		       (head[0] == '\xFF' && head[1] == '\xFE')))
		return true;
	if (n >= 4 && !memcmp(head, "\0\0\0<", 4))
		return true;
	if (n >= 2 && (head[0] == '\0' || head[1] == '\0'))
		return true;
	if (n < bom + 5 || memcmp(head + bom, "<?xml", 5))
		return false;
	for (e = head; e + 8 < end && *e != '>'; e++)
		if (!memcmp(e, "encoding", 8))
			break;
	if (e + 8 >= end || *e == '>')
		return false;
	for (e += 8; e < end && (*e == ' ' || *e == '=' || *e == '"' || *e == '\''); e++)
		;
	for (; e < end && *e != '"' && *e != '\'' && k + 1 < sizeof(name); e++)
		if (*e != '-' && *e != '_')
			name[k++] = (char)(*e >= 'A' && *e <= 'Z' ? *e - 'A' + 'a' : *e);
	name[k] = '\0';
	return strcmp(name, "utf8") != 0;
}

static void
out_add(struct src *s, const void *p, size_t n)
{
	memcpy(s->out + s->outlen, p, n);
	s->outlen += n;
}

/* Read the next raw chunk and repair it into s->out. False at the end or on an error. */
static bool
src_refill(struct src *s)
{
	size_t n = s->npend, i = 0;
	ssize_t r;

	memcpy(s->raw, s->pend, s->npend);
	s->npend = 0;
	s->outlen = s->outpos = 0;
	if (!s->eof) {
		r = src_raw(s, s->raw + n, sizeof(s->raw) - n);
		if (r < 0)
			return false;
		if (r == 0)
			s->eof = true;
		n += (size_t)r;
	}
	if (!n)
		return false;
	if (!s->decided) {
		s->decided = true;
		s->repair = !foreign_encoding(s->raw, n);
	}
	if (!s->repair) {
		out_add(s, s->raw, n);
		return true;
	}
	while (i < n) {
		unsigned char c = (unsigned char)s->raw[i];
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		uint32_t cp;
		size_t used;

		if (c && c < 0x80) {
			out_add(s, &s->raw[i++], 1);
			continue;
		}
		if (need > 1 && i + need > n && !s->eof) {
			bool cut = true;

			for (size_t j = i + 1; j < n; j++)
				if (((unsigned char)s->raw[j] & 0xC0) != 0x80)
					cut = false;
			if (cut) {
				s->npend = n - i;
				memcpy(s->pend, s->raw + i, s->npend);
				break;
			}
		}
		used = c ? text_utf8_decode(s->raw + i, n - i, &cp) : 1;
		if (!c || (cp == 0xFFFD && memcmp(s->raw + i, TEXT_REPLACEMENT, 3)))
			out_add(s, TEXT_REPLACEMENT, 3);
		else
			out_add(s, s->raw + i, used);
		i += used;
	}
	return true;
}

static int
src_read(void *ctx, char *buf, int len)
{
	struct src *s = ctx;
	size_t n;

	if (len <= 0)
		return 0;
	while (s->outpos == s->outlen)
		if (!src_refill(s))
			return s->eof && !s->npend ? 0 : -1;
	n = s->outlen - s->outpos;
	if (n > (size_t)len)
		n = (size_t)len;
	memcpy(buf, s->out + s->outpos, n);
	s->outpos += n;
	return (int)n;
}

static int
src_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* ---- errors -------------------------------------------------------------------------------- */

/* Keep libxml2's message as printable ASCII (it may quote bytes from the document). */
static void
keep_message(char *dst, size_t size, const char *msg)
{
	size_t n = 0;

	for (; msg && *msg && n + 1 < size; msg++) {
		unsigned char c = (unsigned char)*msg;

		if (c == '\n')
			break;
		dst[n++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	dst[n] = '\0';
}

static void
on_error(void *arg, xmlErrorPtr e)
{
	struct rss *x = arg;

	if (!e || e->level < XML_ERR_ERROR)
		return;
	if (!x->error[0]) {
		keep_message(x->error, sizeof(x->error), e->message);
		x->error_line = e->line;
	}
	if (e->level == XML_ERR_FATAL && !x->fatal[0]) {
		keep_message(x->fatal, sizeof(x->fatal), e->message);
		x->fatal_line = e->line;
	}
}

/* ---- collecting text ----------------------------------------------------------------------- */

static size_t
field_cap(enum field f)
{
	switch (f) {
	case F_TITLE:
	case F_CHANNEL_TITLE:
		return JOB_TITLE_MAX * 4;
	case F_DESCRIPTION:
	case F_ENCODED:
	case F_CONTENT:
	case F_SUMMARY:
		return JOB_HTML_MAX * 2;
	default:
		return JOB_FIELD_MAX * 2;
	}
}

/* Append as much of s[0..n) as the field's cap leaves room for, cut at a character. */
static void
add(struct strbuf *sb, const char *s, size_t n)
{
	size_t room = sb->cap > sb->len ? sb->cap - sb->len : 0;

	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		strbuf_add(sb, s, n);
}

static void
adds(struct strbuf *sb, const char *s)
{
	add(sb, s, strlen(s));
}

/* Append s with the characters that are special in HTML escaped. */
static void
add_escaped(struct strbuf *sb, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "<>&\"");

		add(sb, s, n);
		s += n;
		switch (*s) {
		case '<':
			adds(sb, "&lt;");
			break;
		case '>':
			adds(sb, "&gt;");
			break;
		case '&':
			adds(sb, "&amp;");
			break;
		case '"':
			adds(sb, "&quot;");
			break;
		default:
			return;
		}
		s++;
	}
}

static const char *
cstr(const xmlChar *s)
{
	return (const char *)s;
}

/* An attribute of the current element as a new string, or NULL. */
static char *
attr(struct rss *x, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
	char *s = v ? xstrdup(cstr(v)) : NULL;

	xmlFree(v);
	return s;
}

static void
attr_copy(struct rss *x, const char *name, char *dst, size_t size)
{
	char *v = attr(x, name);
	size_t n = 0;

	for (const char *p = v ? v : ""; *p && n + 1 < size; p++)
		if (*p != ' ')
			dst[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	dst[n] = '\0';
	free(v);
}

/* Write the current element's start tag (inside an HTML field) into sb. */
static void
add_tag(struct rss *x, struct strbuf *sb, const char *name, bool empty)
{
	adds(sb, "<");
	adds(sb, name);
	while (xmlTextReaderMoveToNextAttribute(x->r) == 1) {
		const char *an = cstr(xmlTextReaderConstLocalName(x->r));
		const char *av = cstr(xmlTextReaderConstValue(x->r));

		if (xmlTextReaderIsNamespaceDecl(x->r) || !an)
			continue;
		adds(sb, " ");
		adds(sb, an);
		adds(sb, "=\"");
		add_escaped(sb, av ? av : "");
		adds(sb, "\"");
	}
	xmlTextReaderMoveToElement(x->r);
	adds(sb, empty ? "/>" : ">");
}

/* ---- items --------------------------------------------------------------------------------- */

static const char *
field_str(struct rss *x, enum field f)
{
	return strbuf_str(&x->f[f]);
}

static bool
field_has(struct rss *x, enum field f)
{
	const char *s = field_str(x, f);

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s != '\0';
}

static char *
field_take(struct rss *x, enum field f)
{
	return field_has(x, f) ? xstrdup(field_str(x, f)) : NULL;
}

static void
item_reset(struct rss *x)
{
	for (int i = 0; i < F_COUNT; i++)
		if (i != F_CHANNEL_TITLE)
			strbuf_reset(&x->f[i]);
	x->title_type[0] = x->content_type[0] = x->summary_type[0] = '\0';
	x->author_depth = -1;
}

/* A category that reads like a place: "Berlin, Germany", "Remote (US)". */
static bool
place_like(const char *s)
{
	bool remote = false, hybrid = false;
	const char *c = strstr(s, ", ");

	feed_remote_words(s, &remote, &hybrid);
	if (remote || hybrid)
		return true;
	return c && c > s && ((*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0x80) &&
	       ((c[2] >= 'A' && c[2] <= 'Z') || (unsigned char)c[2] >= 0x80) && strlen(s) < 60;
}

/* Is the element in the namespace of the core RSS and Atom elements? */
static bool
core_ns(const char *ns)
{
	return !ns || !strcmp(ns, NS_ATOM) || !strcmp(ns, NS_RSS1) || !strcmp(ns, NS_RSS090);
}

/* Which field an element directly inside an item feeds (-1: none). */
static int
item_field(const char *name, const char *ns)
{
	static const struct {
		const char *name;
		int field;
		bool core;	/* only in the RSS/Atom namespaces (media:title is not a title) */
	} map[] = {
		{ "title", F_TITLE, true }, { "link", F_LINK, true }, { "guid", F_GUID, true },
		{ "id", F_GUID, true }, { "pubDate", F_PUBDATE, true },
		{ "published", F_PUBLISHED, true }, { "updated", F_UPDATED, true },
		{ "description", F_DESCRIPTION, true }, { "content", F_CONTENT, true },
		{ "summary", F_SUMMARY, true }, { "category", F_CATEGORY, true },
		{ "encoded", F_ENCODED, false }, { "creator", F_CREATOR, false },
		{ "date", F_DCDATE, false }, { "subject", F_CATEGORY, false },
		{ "location", F_LOCATION, false }, { "company", F_COMPANY, false },
		{ "job_type", F_JOB_TYPE, false }, { "job_category", F_JOB_CATEGORY, false },
		{ "salary", F_SALARY, false }, { "region", F_REGION, false },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(name, map[i].name) && (!map[i].core || core_ns(ns)))
			return map[i].field;
	return -1;
}

/* Company and location from dc:creator, which Jobspresso writes "Company<br>⚲&nbsp;Place". */
static void
creator_split(const char *s, char **company, char **location)
{
	const char *br = NULL;
	char *c, *l = NULL;

	for (const char *p = s; *p && !br; p++)
		if (p[0] == '<' && (p[1] == 'b' || p[1] == 'B') && (p[2] == 'r' || p[2] == 'R'))
			br = p;
	if (!br) {
		*company = html_has_markup(s) ? html_to_text(s, strlen(s)) : xstrdup(s);
		*location = NULL;
		return;
	}
	c = html_to_text(s, (size_t)(br - s));
	br = strchr(br, '>');
	if (br) {
		char *t = html_to_text(br + 1, strlen(br + 1));
		const char *p = t;

		/* Drop the marker in front of the place: symbols, spaces, no-break spaces. */
		while (*p) {
			uint32_t cp;
			size_t n = text_utf8_decode(p, strlen(p), &cp);

			if ((cp < 0x80 && (cp == ' ' || cp == '\t' || cp == '\n' || cp == '-' ||
					   cp == '|' || cp == ':')) || cp == 0xA0 ||
			    (cp >= 0x2000 && cp <= 0x2BFF))
				p += n;
			else
				break;
		}
		l = xstrdup(p);
		free(t);
	}
	*company = c;
	*location = l;
}

/* The company in an RSS <author>: "jobs@acme.example (Acme)" gives Acme, a bare address none. */
static char *
author_company(const char *s)
{
	const char *open = strchr(s, '('), *close = open ? strrchr(open, ')') : NULL;

	if (strchr(s, '@') && open && close && close > open + 1)
		return xstrndup(open + 1, (size_t)(close - open - 1));
	if (strchr(s, '@') && !strchr(s, ' '))
		return NULL;
	return xstrdup(s);
}

static int64_t
item_date(struct rss *x)
{
	static const enum field order[] = { F_PUBLISHED, F_PUBDATE, F_DCDATE, F_UPDATED };
	int64_t t;

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (field_has(x, order[i]) && date_parse(field_str(x, order[i]), &t))
			return t;
	return 0;
}

/* Put an Atom content or summary of the given type into the job's description. */
static bool
atom_text(struct rss *x, enum field f, const char *type, struct job *job)
{
	if (!field_has(x, f))
		return false;
	if (!*type || !strcmp(type, "text") || !strcmp(type, "text/plain"))
		job->description_text = field_take(x, f);
	else if (!strcmp(type, "html") || !strcmp(type, "xhtml") || strstr(type, "html"))
		job->description_html = field_take(x, f);
	else
		return false;	/* out-of-line or binary content */
	return true;
}

static enum jt_status
item_end(struct rss *x, struct jt_err *err)
{
	struct job job;
	char *c = NULL, *l = NULL;
	const char *et;

	job_init(&job);
	job.title = field_take(x, F_TITLE);
	if (job.title && (!strcmp(x->title_type, "html") || !strcmp(x->title_type, "xhtml"))) {
		char *t = html_to_text(job.title, strlen(job.title));

		free(job.title);
		job.title = t;
	}
	if (field_has(x, F_LINK))
		job.url = field_take(x, F_LINK);
	else if (field_has(x, F_LINK_HREF))
		job.url = field_take(x, F_LINK_HREF);
	else if (field_has(x, F_ABOUT))
		job.url = field_take(x, F_ABOUT);
	else if (field_has(x, F_GUID) && !strncmp(field_str(x, F_GUID), "http", 4))
		job.url = field_take(x, F_GUID);
	job.guid = field_has(x, F_GUID) ? field_take(x, F_GUID) : field_take(x, F_ABOUT);
	job.posted = item_date(x);

	if (x->root == ROOT_ATOM) {
		if (!atom_text(x, F_CONTENT, x->content_type, &job))
			atom_text(x, F_SUMMARY, x->summary_type, &job);
	} else if (field_has(x, F_ENCODED)) {
		job.description_html = field_take(x, F_ENCODED);
	} else {
		job.description_html = field_take(x, F_DESCRIPTION);
	}

	if (field_has(x, F_CREATOR) && !x->creator_is_user)
		creator_split(field_str(x, F_CREATOR), &c, &l);
	if (field_has(x, F_COMPANY))
		job.company = field_take(x, F_COMPANY);
	else if (c && *c)
		job.company = xstrdup(c);
	else if (field_has(x, F_AUTHOR_NAME) && strncmp(field_str(x, F_AUTHOR_NAME), "/u/", 3))
		job.company = field_take(x, F_AUTHOR_NAME);
	else if (field_has(x, F_AUTHOR))
		job.company = author_company(field_str(x, F_AUTHOR));

	if (field_has(x, F_LOCATION))
		job.location = field_take(x, F_LOCATION);
	else if (field_has(x, F_REGION))
		job.location = field_take(x, F_REGION);
	else if (l && *l)
		job.location = xstrdup(l);
	free(c);
	free(l);

	/* "Company: Role" on We Work Remotely and boards built like it. */
	if ((x->wwr || field_has(x, F_REGION)) && !job.company && job.title) {
		char *colon = strstr(job.title, ": ");

		if (colon && colon > job.title && colon - job.title <= 100) {
			job.company = xstrndup(job.title, (size_t)(colon - job.title));
			memmove(job.title, colon + 2, strlen(colon + 2) + 1);
		}
	}
	/* A category is the location only when nothing else, the title included, gave one. */
	if (!job.location && field_has(x, F_PLACE)) {
		feed_title_split(&job);
		if (!job.location)
			job.location = field_take(x, F_PLACE);
	}

	if ((et = feed_employment_type(field_str(x, F_JOB_TYPE))) ||
	    (et = feed_employment_type(field_str(x, F_JOB_CATEGORY))))
		job.employment_type = xstrdup(et);
	if (field_has(x, F_SALARY)) {
		struct feed_salary sal;

		if (feed_salary_parse(field_str(x, F_SALARY), true, &sal)) {
			job.salary_min = sal.min;
			job.salary_max = sal.max;
			job.salary_currency = sal.currency ? xstrdup(sal.currency) : NULL;
			job.salary_period = xstrdup(sal.period);
		}
	}
	job.tags = field_take(x, F_TAGS);
	return feed_emit(x->sink, &job, err);
}

/* ---- the node walk ------------------------------------------------------------------------- */

static void
cap_begin(struct rss *x, int field, int depth, bool markup)
{
	x->cap = field;
	x->cap_depth = depth;
	x->cap_markup = markup;
	strbuf_reset(&x->f[field]);
}

static void
cap_end(struct rss *x)
{
	int f = x->cap;

	x->cap = -1;
	if (f == F_CATEGORY && field_has(x, F_CATEGORY)) {
		char *cat = feed_line(field_str(x, F_CATEGORY), JOB_FIELD_MAX);

		if (cat) {
			if (x->f[F_TAGS].len)
				adds(&x->f[F_TAGS], ",");
			adds(&x->f[F_TAGS], cat);
			if (!field_has(x, F_PLACE) && place_like(cat))
				adds(&x->f[F_PLACE], cat);
		}
		free(cat);
	} else if (f == F_CHANNEL_TITLE && field_has(x, F_CHANNEL_TITLE)) {
		x->have_channel_title = true;
		if (!x->sink->title)
			x->sink->title = feed_line(field_str(x, F_CHANNEL_TITLE), JOB_TITLE_MAX);
	}
}

static enum jt_status
root_check(struct rss *x, const char *name, const char *ns, struct jt_err *err)
{
	char shown[40];

	if (!strcmp(name, "rss"))
		x->root = ROOT_RSS;
	else if (!strcmp(name, "RDF"))
		x->root = ROOT_RDF;
	else if (!strcmp(name, "feed") && ns && !strcmp(ns, NS_ATOM))
		x->root = ROOT_ATOM;
	else if (!strcmp(name, "feed") && !ns)
		x->root = ROOT_ATOM;	/* Atom without its namespace: read it anyway */
	if (x->root != ROOT_NONE)
		return JT_OK;
	keep_message(shown, 32, name);
	return jt_fail(err, JT_ERR_FORMAT, "an XML document whose root is <%s>, not RSS or Atom",
		       shown);
}

static enum jt_status
element_start(struct rss *x, int depth, struct jt_err *err)
{
	const char *name = cstr(xmlTextReaderConstLocalName(x->r));
	const char *ns = cstr(xmlTextReaderConstNamespaceUri(x->r));
	bool empty = xmlTextReaderIsEmptyElement(x->r) == 1;
	int f;

	if (!name)
		return JT_OK;
	if (x->root == ROOT_NONE)
		return root_check(x, name, ns, err);
	if (x->cap >= 0) {
		if (x->cap_markup)
			add_tag(x, &x->f[x->cap], name, empty);
		return JT_OK;
	}
	if (x->item_depth < 0) {
		if (!strcmp(name, "channel") && depth == 1)
			x->channel_depth = depth;
		if (core_ns(ns) && ((x->root != ROOT_ATOM && !strcmp(name, "item")) ||
				    (x->root == ROOT_ATOM && !strcmp(name, "entry")))) {
			item_reset(x);
			x->item_depth = depth;
			if (x->root == ROOT_RDF) {
				char *about = attr(x, "rdf:about");

				if (about)
					adds(&x->f[F_ABOUT], about);
				free(about);
			}
			if (empty) {
				x->item_depth = -1;
				return item_end(x, err);
			}
			return JT_OK;
		}
		if (!strcmp(name, "title") && core_ns(ns) && !x->have_channel_title &&
		    ((x->root == ROOT_ATOM && depth == 1) ||
		     (x->channel_depth >= 0 && depth == x->channel_depth + 1))) {
			cap_begin(x, F_CHANNEL_TITLE, depth, false);
			if (empty)
				cap_end(x);
		}
		return JT_OK;
	}
	if (x->author_depth >= 0) {
		if (depth == x->author_depth + 1 && !strcmp(name, "name")) {
			cap_begin(x, F_AUTHOR_NAME, depth, false);
			if (empty)
				cap_end(x);
		}
		return JT_OK;
	}
	if (depth != x->item_depth + 1)
		return JT_OK;
	if (!strcmp(name, "author") && core_ns(ns)) {
		if (!empty)
			x->author_depth = depth;
		return JT_OK;
	}
	f = item_field(name, ns);
	if (f < 0)
		return JT_OK;
	if (f == F_LINK) {
		char *href = attr(x, "href");

		if (href) {
			char rel[32];

			attr_copy(x, "rel", rel, sizeof(rel));
			if ((!*rel || !strcmp(rel, "alternate")) && !field_has(x, F_LINK_HREF))
				adds(&x->f[F_LINK_HREF], href);
			free(href);
			return JT_OK;
		}
	}
	if (f == F_CATEGORY) {
		char *term = attr(x, "term");

		if (term) {
			strbuf_reset(&x->f[F_CATEGORY]);
			adds(&x->f[F_CATEGORY], term);
			free(term);
			x->cap = F_CATEGORY;
			cap_end(x);
			return JT_OK;
		}
	}
	if (f == F_TITLE)
		attr_copy(x, "type", x->title_type, sizeof(x->title_type));
	else if (f == F_CONTENT)
		attr_copy(x, "type", x->content_type, sizeof(x->content_type));
	else if (f == F_SUMMARY)
		attr_copy(x, "type", x->summary_type, sizeof(x->summary_type));
	if (f == F_GUID && field_has(x, F_GUID))
		return JT_OK;	/* the first id wins */
	cap_begin(x, f, depth, f == F_DESCRIPTION || f == F_ENCODED || f == F_CONTENT ||
		  f == F_SUMMARY);
	if (empty)
		cap_end(x);
	return JT_OK;
}

static enum jt_status
element_end(struct rss *x, int depth, struct jt_err *err)
{
	if (x->cap >= 0) {
		if (depth == x->cap_depth) {
			cap_end(x);
		} else if (x->cap_markup && depth > x->cap_depth) {
			const char *name = cstr(xmlTextReaderConstLocalName(x->r));

			adds(&x->f[x->cap], "</");
			adds(&x->f[x->cap], name ? name : "");
			adds(&x->f[x->cap], ">");
		}
		return JT_OK;
	}
	if (depth == x->author_depth)
		x->author_depth = -1;
	if (depth == x->item_depth) {
		x->item_depth = -1;
		return item_end(x, err);
	}
	return JT_OK;
}

static void
text(struct rss *x, int depth)
{
	const char *v = cstr(xmlTextReaderConstValue(x->r));

	if (!v)
		return;
	if (x->cap >= 0) {
		if (x->cap_markup && depth > x->cap_depth + 1)
			add_escaped(&x->f[x->cap], v);
		else
			adds(&x->f[x->cap], v);
	} else if (x->author_depth >= 0 && depth == x->author_depth + 1) {
		adds(&x->f[F_AUTHOR], v);
	}
}

static enum jt_status
walk(struct rss *x, struct jt_err *err)
{
	enum jt_status rc = JT_OK;
	int ret;

	while (rc == JT_OK && (ret = xmlTextReaderRead(x->r)) == 1) {
		int depth = xmlTextReaderDepth(x->r);

		switch (xmlTextReaderNodeType(x->r)) {
		case XML_READER_TYPE_ELEMENT:
			rc = element_start(x, depth, err);
			break;
		case XML_READER_TYPE_END_ELEMENT:
			rc = element_end(x, depth, err);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			text(x, depth);
			break;
		default:
			break;	/* entity references stay unexpanded; comments, PIs */
		}
	}
	if (rc != JT_OK)
		return rc;
	if (ret < 0) {
		if (x->fatal[0])
			return jt_fail(err, JT_ERR_PARSE, "malformed XML: line %d: %s",
				       x->fatal_line, x->fatal);
		if (x->error[0])
			return jt_fail(err, JT_ERR_PARSE, "malformed XML: line %d: %s",
				       x->error_line, x->error);
		return jt_fail(err, JT_ERR_PARSE, "malformed XML");
	}
	if (x->root == ROOT_NONE)
		return jt_fail(err, JT_ERR_PARSE, "malformed XML: no root element");
	return JT_OK;
}

enum jt_status
feed_parse_rss(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct rss *x = xcalloc(1, sizeof(*x));
	enum jt_status rc;

	x->sink = sink;
	x->cap = -1;
	x->channel_depth = x->item_depth = x->author_depth = -1;
	x->wwr = feed_url_host_is(sink->url, "weworkremotely.com");
	x->creator_is_user = feed_url_host_is(sink->url, "hnrss.org") ||
			     feed_url_host_is(sink->url, "news.ycombinator.com");
	for (int i = 0; i < F_COUNT; i++)
		strbuf_init(&x->f[i], field_cap((enum field)i));
	x->src.fd = in->fd;
	x->src.seekable = true;
	if (in->buf && in->len <= INT_MAX &&
	    (foreign_encoding(in->buf, in->len < 512 ? in->len : 512) ||
	     text_utf8_valid(in->buf, in->len))) {
		x->r = xmlReaderForMemory(in->buf, (int)in->len, NULL, NULL, XML_OPTIONS);
	} else {
		if (in->buf) {
			x->src.mem = in->buf;
			x->src.len = in->len;
		}
		x->src.out = xmalloc(3 * sizeof(x->src.raw) + 16);
		x->r = xmlReaderForIO(src_read, src_close, &x->src, NULL, NULL, XML_OPTIONS);
	}
	if (!x->r) {
		rc = jt_fail(err, JT_ERR_PARSE, "cannot start the XML reader");
	} else {
		xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
		rc = walk(x, err);
		xmlFreeTextReader(x->r);
	}
	for (int i = 0; i < F_COUNT; i++)
		strbuf_done(&x->f[i]);
	free(x->src.out);
	free(x);
	return rc;
}
