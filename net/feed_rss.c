/*
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0, read with libxml2's streaming reader
 * (net/xml.h): one node at a time, never a whole-document tree, so a 150 MB feed costs the
 * memory of one item. Owns the mapping from elements (matched by local name: WP Job Manager
 * binds job_listing: to each site's own URL) to the raw fields of a posting; feed_emit()
 * does the rest.
 *
 * The reader keeps libxml2 from expanding entities, loading anything or printing, and is
 * strict: a document that is not well formed is an error, so a cut download stores nothing;
 * only invalid UTF-8 is repaired to U+FFFD on the way in (see net/xml.c). No I/O but
 * reading the input; no globals.
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

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "net/date.h"
#include "net/html.h"
#include "net/xml.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

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

struct rss {
	struct feed_sink *sink;
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
};

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

/* Append s with the characters that are special in HTML escaped. */
static void
add_escaped(struct strbuf *sb, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "<>&\"");

		xml_text_add(sb, s, n);
		s += n;
		switch (*s) {
		case '<':
			xml_text_adds(sb, "&lt;");
			break;
		case '>':
			xml_text_adds(sb, "&gt;");
			break;
		case '&':
			xml_text_adds(sb, "&amp;");
			break;
		case '"':
			xml_text_adds(sb, "&quot;");
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
attr(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	char *s = v ? xstrdup(cstr(v)) : NULL;

	xmlFree(v);
	return s;
}

static void
attr_copy(xmlTextReaderPtr r, const char *name, char *dst, size_t size)
{
	char *v = attr(r, name);
	size_t n = 0;

	for (const char *p = v ? v : ""; *p && n + 1 < size; p++)
		if (*p != ' ')
			dst[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	dst[n] = '\0';
	free(v);
}

/* Write the current element's start tag (inside an HTML field) into sb. */
static void
add_tag(xmlTextReaderPtr r, struct strbuf *sb, const char *name, bool empty)
{
	xml_text_adds(sb, "<");
	xml_text_adds(sb, name);
	while (xmlTextReaderMoveToNextAttribute(r) == 1) {
		const char *an = cstr(xmlTextReaderConstLocalName(r));
		const char *av = cstr(xmlTextReaderConstValue(r));

		if (xmlTextReaderIsNamespaceDecl(r) || !an)
			continue;
		xml_text_adds(sb, " ");
		xml_text_adds(sb, an);
		xml_text_adds(sb, "=\"");
		add_escaped(sb, av ? av : "");
		xml_text_adds(sb, "\"");
	}
	xmlTextReaderMoveToElement(r);
	xml_text_adds(sb, empty ? "/>" : ">");
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
				xml_text_adds(&x->f[F_TAGS], ",");
			xml_text_adds(&x->f[F_TAGS], cat);
			if (!field_has(x, F_PLACE) && place_like(cat))
				xml_text_adds(&x->f[F_PLACE], cat);
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
	xml_printable(shown, 32, name);
	return jt_fail(err, JT_ERR_FORMAT, "an XML document whose root is <%s>, not RSS or Atom",
		       shown);
}

static enum jt_status
element_start(void *ctx, xmlTextReaderPtr r, const char *name, int depth, struct jt_err *err)
{
	struct rss *x = ctx;
	const char *ns = cstr(xmlTextReaderConstNamespaceUri(r));
	bool empty = xmlTextReaderIsEmptyElement(r) == 1;
	int f;

	if (x->root == ROOT_NONE)
		return root_check(x, name, ns, err);
	if (x->cap >= 0) {
		if (x->cap_markup)
			add_tag(r, &x->f[x->cap], name, empty);
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
				char *about = attr(r, "rdf:about");

				if (about)
					xml_text_adds(&x->f[F_ABOUT], about);
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
		char *href = attr(r, "href");

		if (href) {
			char rel[32];

			attr_copy(r, "rel", rel, sizeof(rel));
			if ((!*rel || !strcmp(rel, "alternate")) && !field_has(x, F_LINK_HREF))
				xml_text_adds(&x->f[F_LINK_HREF], href);
			free(href);
			return JT_OK;
		}
	}
	if (f == F_CATEGORY) {
		char *term = attr(r, "term");

		if (term) {
			strbuf_reset(&x->f[F_CATEGORY]);
			xml_text_adds(&x->f[F_CATEGORY], term);
			free(term);
			x->cap = F_CATEGORY;
			cap_end(x);
			return JT_OK;
		}
	}
	if (f == F_TITLE)
		attr_copy(r, "type", x->title_type, sizeof(x->title_type));
	else if (f == F_CONTENT)
		attr_copy(r, "type", x->content_type, sizeof(x->content_type));
	else if (f == F_SUMMARY)
		attr_copy(r, "type", x->summary_type, sizeof(x->summary_type));
	if (f == F_GUID && field_has(x, F_GUID))
		return JT_OK;	/* the first id wins */
	cap_begin(x, f, depth, f == F_DESCRIPTION || f == F_ENCODED || f == F_CONTENT ||
		  f == F_SUMMARY);
	if (empty)
		cap_end(x);
	return JT_OK;
}

static enum jt_status
element_end(void *ctx, xmlTextReaderPtr r, int depth, struct jt_err *err)
{
	struct rss *x = ctx;

	if (x->cap >= 0) {
		if (depth == x->cap_depth) {
			cap_end(x);
		} else if (x->cap_markup && depth > x->cap_depth) {
			const char *name = cstr(xmlTextReaderConstLocalName(r));

			xml_text_adds(&x->f[x->cap], "</");
			xml_text_adds(&x->f[x->cap], name ? name : "");
			xml_text_adds(&x->f[x->cap], ">");
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
text(void *ctx, const char *v, int depth)
{
	struct rss *x = ctx;

	if (x->cap >= 0) {
		if (x->cap_markup && depth > x->cap_depth + 1)
			add_escaped(&x->f[x->cap], v);
		else
			xml_text_adds(&x->f[x->cap], v);
	} else if (x->author_depth >= 0 && depth == x->author_depth + 1) {
		xml_text_adds(&x->f[F_AUTHOR], v);
	}
}

enum jt_status
feed_parse_rss(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	static const struct xml_handler handler = { element_start, element_end, text };
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
	rc = xml_read(in, &handler, x, err);
	for (int i = 0; i < F_COUNT; i++)
		strbuf_done(&x->f[i]);
	free(x);
	return rc;
}
