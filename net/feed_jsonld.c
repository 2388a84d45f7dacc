/*
 * schema.org JobPosting structured data (JSON-LD), as job pages embed it for search
 * engines: every <script type="application/ld+json"> of an HTML page, or a document that is
 * itself JSON-LD.
 *
 * Owns finding JobPosting objects (a top-level object, the elements of a top-level array,
 * "@graph" arrays, a WebPage's "mainEntity", an ItemList's items; "@type" "JobPosting" or
 * an array holding it) and reading their fields: title, hiringOrganization (an Organization
 * or a name), jobLocation (a Place or an array of them, whose PostalAddress gives locality,
 * region and country; the placeholder "UNAVAILABLE" is ignored), jobLocationType
 * TELECOMMUTE (or Gupy's additionalProperty with that value) for remote, with
 * applicantLocationRequirements as the location of a remote job that names none,
 * baseSalary (a MonetaryAmount whose value is a QuantitativeValue with minValue/maxValue or
 * value and unitText, or a number, or text such as "$100,000"), employmentType (a string, a
 * comma list or an array), datePosted, description (HTML, maybe escaped), identifier (a
 * PropertyValue or a plain value) or url for the guid, and url (else the page's own URL).
 * validThrough is ignored: an expired posting is still what the page says.
 *
 * The page is parsed with libxml2's HTML parser only: never with entity substitution or
 * network access, and never letting libxml2 print (its default error handler echoes input to
 * stderr). Must never do I/O beyond reading its input or keep state between calls.
 */
#include "config.h"
#include "net/feed.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "net/board.h"
#include "net/xml.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

/* Most bytes of a page (the HTML parser builds a tree several times its size). */
#define JSONLD_PAGE_MAX	(16 * 1024 * 1024)
/* Most bytes of one JSON-LD block. */
#define JSONLD_BLOCK_MAX	(2 * 1024 * 1024)
/* How far JobPostings are looked for through @graph, mainEntity and item lists. */
#define JSONLD_HOPS_MAX	6

#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
		      HTML_PARSE_NONET | HTML_PARSE_COMPACT)

struct walk {
	struct feed_sink *sink;
	struct jt_err *err;
	enum jt_status rc;
	size_t found;		/* JobPosting objects seen */
};

/* ---- reading a JobPosting ------------------------------------------------------------------ */

/* Is the string t JobPosting (also with a schema: prefix or the schema.org URL)? */
static bool
jobposting_name(const char *t)
{
	const char *slash;

	if (!t)
		return false;
	slash = strrchr(t, '/');
	if (slash)
		t = slash + 1;
	else if (!strncmp(t, "schema:", 7))
		t += 7;
	return !strcmp(t, "JobPosting");
}

static bool
is_type(const cJSON *o, bool (*name)(const char *))
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "@type"), *e;

	if (cJSON_IsString(t))
		return name(t->valuestring);
	if (!cJSON_IsArray(t))
		return false;
	cJSON_ArrayForEach(e, t)
		if (cJSON_IsString(e) && name(e->valuestring))
			return true;
	return false;
}

/* A value that stands for "nothing" ("UNAVAILABLE", "N/A", ""). */
static bool
placeholder(const char *s)
{
	return !s || !*s || board_ieq(s, "unavailable") || board_ieq(s, "n/a") ||
	       board_ieq(s, "null");
}

/* A text of v: a string, or the "name" of an object; NULL for a placeholder. */
static const char *
name_of(const cJSON *v)
{
	const char *s = NULL;

	if (cJSON_IsString(v))
		s = v->valuestring;
	else if (cJSON_IsObject(v))
		s = board_str(v, "name");
	else if (cJSON_IsArray(v))
		return name_of(v->child);
	return placeholder(s) ? NULL : s;
}

/* Add s to the list in sb (sep between entries) unless it is a placeholder or repeated. */
static void
add_part(struct strbuf *sb, const char *s, const char *sep)
{
	const char *t;
	size_t n, m = strlen(sep);

	if (placeholder(s))
		return;
	n = strlen(s);
	for (t = strbuf_str(sb); *t;) {
		if (!strncmp(t, s, n) && (!t[n] || !strncmp(t + n, sep, m)))
			return;
		if (!(t = strstr(t, sep)))
			break;
		t += m;
	}
	if (sb->len)
		strbuf_adds(sb, sep);
	strbuf_adds(sb, s);
}

/* One Place as "Locality, Region, Country" (or its name, or an address given as text). */
static char *
place_text(const cJSON *place)
{
	struct strbuf sb;
	const cJSON *a;
	char *r = NULL;

	if (cJSON_IsString(place))
		return placeholder(place->valuestring) ? NULL : xstrdup(place->valuestring);
	if (!cJSON_IsObject(place))
		return NULL;
	strbuf_init(&sb, JOB_FIELD_MAX);
	a = cJSON_GetObjectItemCaseSensitive(place, "address");
	if (cJSON_IsArray(a))
		a = a->child;
	if (cJSON_IsString(a)) {
		add_part(&sb, a->valuestring, ", ");
	} else if (cJSON_IsObject(a)) {
		add_part(&sb, board_str(a, "addressLocality"), ", ");
		add_part(&sb, board_str(a, "addressRegion"), ", ");
		add_part(&sb, name_of(cJSON_GetObjectItemCaseSensitive(a, "addressCountry")), ", ");
		if (!sb.len)
			add_part(&sb, board_str(a, "streetAddress"), ", ");
	}
	if (!sb.len)
		add_part(&sb, board_str(place, "name"), ", ");
	if (sb.len)
		r = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	return r;
}

/* Does the Place say TELECOMMUTE in an additionalProperty (Gupy)? */
static bool
place_remote(const cJSON *place)
{
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(place, "additionalProperty"), *e;
	const char *v;

	if (cJSON_IsObject(p))
		return (v = board_str(p, "value")) && board_ieq(v, "TELECOMMUTE");
	if (!cJSON_IsArray(p))
		return false;
	cJSON_ArrayForEach(e, p)
		if ((v = board_str(e, "value")) && board_ieq(v, "TELECOMMUTE"))
			return true;
	return false;
}

static void
read_location(const cJSON *o, struct job *job)
{
	const cJSON *loc = cJSON_GetObjectItemCaseSensitive(o, "jobLocation"), *e, *t;
	struct strbuf sb;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	if (cJSON_IsArray(loc)) {
		size_t n = 0;

		cJSON_ArrayForEach(e, loc) {
			char *p = place_text(e);

			add_part(&sb, p, "; ");
			free(p);
			if (place_remote(e))
				job->remote = true;
			if (++n == BOARD_LIST_MAX)
				break;
		}
	} else {
		char *p = place_text(loc);

		add_part(&sb, p, "; ");
		free(p);
		if (cJSON_IsObject(loc) && place_remote(loc))
			job->remote = true;
	}
	t = cJSON_GetObjectItemCaseSensitive(o, "jobLocationType");
	if (cJSON_IsString(t) && board_ieq(t->valuestring, "TELECOMMUTE"))
		job->remote = true;
	if (cJSON_IsArray(t))
		cJSON_ArrayForEach(e, t)
			if (cJSON_IsString(e) && board_ieq(e->valuestring, "TELECOMMUTE"))
				job->remote = true;
	if (!sb.len && job->remote) {
		const char *key = "applicantLocationRequirements";
		const cJSON *req = cJSON_GetObjectItemCaseSensitive(o, key);

		if (cJSON_IsArray(req)) {
			size_t n = 0;

			cJSON_ArrayForEach(e, req) {
				add_part(&sb, name_of(e), ", ");
				if (++n == BOARD_LIST_MAX)
					break;
			}
		} else {
			add_part(&sb, name_of(req), ", ");
		}
	}
	if (sb.len)
		job->location = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

static void
read_salary(const cJSON *o, struct job *job)
{
	const cJSON *b = cJSON_GetObjectItemCaseSensitive(o, "baseSalary"), *v;
	const char *cur = NULL, *unit = NULL;
	double lo = 0, hi = 0;

	if (cJSON_IsArray(b))
		b = b->child;
	if (cJSON_IsObject(b)) {
		cur = board_str(b, "currency");
		v = cJSON_GetObjectItemCaseSensitive(b, "value");
	} else {
		v = b;
	}
	if (cJSON_IsObject(v)) {
		unit = board_str(v, "unitText");
		lo = board_money(cJSON_GetObjectItemCaseSensitive(v, "minValue"));
		hi = board_money(cJSON_GetObjectItemCaseSensitive(v, "maxValue"));
		if (!lo && !hi) {
			v = cJSON_GetObjectItemCaseSensitive(v, "value");
			lo = hi = board_money(v);
		} else {
			v = NULL;
		}
	} else {
		lo = hi = board_money(v);
	}
	if (!unit && cJSON_IsObject(b))
		unit = board_str(b, "unitText");
	if (!lo && !hi && cJSON_IsString(v)) {	/* "$100,000", "50k - 60k" */
		if (!board_salary_text(job, v->valuestring))
			return;
		if (cur && !job->salary_currency)
			job->salary_currency = xstrdup(cur);
		if (unit) {
			free(job->salary_period);
			job->salary_period = xstrdup(unit);
		}
		return;
	}
	if (!lo && !hi)
		return;
	job->salary_min = lo;
	job->salary_max = hi;
	job->salary_currency = cur && strlen(cur) <= 8 ? xstrdup(cur) : NULL;
	job->salary_period = unit ? xstrdup(unit) : NULL;
}

/* employmentType: "FULL_TIME", "FULL_TIME, PART_TIME" or ["FULL_TIME", "PART_TIME"]. */
static const char *
read_type(const cJSON *v)
{
	const char *t = board_employment(v);

	if (!t && cJSON_IsString(v) && v->valuestring && strchr(v->valuestring, ',')) {
		char *s = xstrdup(v->valuestring);

		for (char *p = s; *p && !t;) {
			size_t n = strcspn(p, ",");
			char c = p[n];

			p[n] = '\0';
			while (*p == ' ')
				p++;
			t = feed_employment_type(p);
			p += strlen(p) + (c ? 1 : 0);
		}
		free(s);
	}
	return t;
}

static void
posting(const cJSON *o, struct walk *w)
{
	struct job job;
	struct strbuf tags;
	const cJSON *v;
	const char *et;

	w->found++;
	if (w->rc != JT_OK)
		return;
	job_init(&job);
	job.title = board_dup(o, "title");
	if (!job.title)
		job.title = board_dup(o, "name");
	v = cJSON_GetObjectItemCaseSensitive(o, "hiringOrganization");
	if (name_of(v))
		job.company = xstrdup(name_of(v));
	read_location(o, &job);
	read_salary(o, &job);
	et = read_type(cJSON_GetObjectItemCaseSensitive(o, "employmentType"));
	if (et)
		job.employment_type = xstrdup(et);
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(o, "datePosted"));
	job.description_html = board_dup(o, "description");
	v = cJSON_GetObjectItemCaseSensitive(o, "identifier");
	if (cJSON_IsArray(v))
		v = v->child;
	job.guid = cJSON_IsObject(v) ? board_text(cJSON_GetObjectItemCaseSensitive(v, "value"))
				     : board_text(v);
	job.url = board_dup(o, "url");
	if (!job.guid && job.url)
		job.guid = xstrdup(job.url);
	if (!job.url && w->sink->url)
		job.url = xstrdup(w->sink->url);
	if (!job.guid && w->found > 1 && job.url)	/* several postings on one page */
		job.guid = xasprintf("%s#%zu", job.url, w->found);
	strbuf_init(&tags, JOB_FIELD_MAX * 2);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(o, "occupationalCategory"), false);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(o, "industry"), false);
	if (tags.len)
		job.tags = strbuf_detach(&tags, NULL);
	strbuf_done(&tags);
	w->rc = feed_emit(w->sink, &job, w->err);
}

static bool
itemlist_name(const char *t)
{
	return t && !strcmp(t, "ItemList");
}

/* Look for JobPostings in v, following at most hops containers. */
static void
visit(const cJSON *v, int hops, struct walk *w)
{
	const cJSON *e;

	if (hops > JSONLD_HOPS_MAX || w->rc != JT_OK)
		return;
	if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(e, v)
			visit(e, hops + 1, w);
		return;
	}
	if (!cJSON_IsObject(v))
		return;
	if (is_type(v, jobposting_name)) {
		posting(v, w);
		return;
	}
	visit(cJSON_GetObjectItemCaseSensitive(v, "@graph"), hops + 1, w);
	visit(cJSON_GetObjectItemCaseSensitive(v, "mainEntity"), hops + 1, w);
	if (is_type(v, itemlist_name)) {
		cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(v, "itemListElement")) {
			const cJSON *item = cJSON_GetObjectItemCaseSensitive(e, "item");

			visit(item ? item : e, hops + 2, w);
		}
	}
}

/* Strip white space and the comment or CDATA wrappers some pages put around a block. */
static void
unwrap(const char **p, const char **e)
{
	static const char *const open[] = { "<!--", "//<![CDATA[", "<![CDATA[" };
	static const char *const close[] = { "-->", "//]]>", "]]>" };
	bool again = true;

	while (again) {
		again = false;
		while (*p < *e && strchr(" \t\r\n\f", **p) && **p)
			(*p)++;
		while (*e > *p && strchr(" \t\r\n\f", (*e)[-1]) && (*e)[-1])
			(*e)--;
		for (size_t i = 0; i < sizeof(open) / sizeof(open[0]); i++) {
			size_t n = strlen(open[i]);

			if ((size_t)(*e - *p) >= n && !memcmp(*p, open[i], n)) {
				*p += n;
				again = true;
			}
		}
		for (size_t i = 0; i < sizeof(close) / sizeof(close[0]); i++) {
			size_t n = strlen(close[i]);

			if ((size_t)(*e - *p) >= n && !memcmp(*e - n, close[i], n)) {
				*e -= n;
				again = true;
			}
		}
	}
}

/* One JSON-LD block: its JobPostings are emitted; false when it is not JSON. */
static bool
block(const char *p, size_t n, struct walk *w)
{
	const char *e = p + n;
	struct board_val v;
	cJSON *j;

	unwrap(&p, &e);
	if (p >= e)
		return true;
	if ((size_t)(e - p) > JSONLD_BLOCK_MAX)
		return false;
	v.p = p;
	v.e = e;
	j = board_value(v);
	if (!j)
		return false;
	visit(j, 0, w);
	cJSON_Delete(j);
	return true;
}

/* ---- the HTML page ------------------------------------------------------------------------- */

/* Is the script's type application/ld+json (any case, parameters ignored)? */
static bool
ld_json_type(xmlNodePtr node)
{
	xmlChar *t = xmlGetProp(node, (const xmlChar *)"type");
	const char *s = (const char *)t;
	bool r = false;

	if (s) {
		static const char want[] = "application/ld+json";
		size_t n, i;

		while (*s == ' ' || *s == '\t')
			s++;
		n = strcspn(s, "; \t");
		for (i = 0; i < n && i < sizeof(want) - 1 && (s[i] | 0x20) == want[i]; i++)
			;
		r = n == sizeof(want) - 1 && i == n;
	}
	xmlFree(t);
	return r;
}

/* The page as a tree, with libxml2's reports silenced on this thread. */
static htmlDocPtr
read_page(const char *buf, size_t len)
{
	/* Valid UTF-8 is read as UTF-8 whatever the page declares; anything else is left to
	 * libxml2, which honours a <meta charset>. */
	if (text_utf8_valid(buf, len))
		return xml_html_read(buf, len, "UTF-8", HTML_OPTIONS | HTML_PARSE_IGNORE_ENC);
	return xml_html_read(buf, len, NULL, HTML_OPTIONS);
}

/* Walk the page without recursion: every ld+json script, and the <title>. */
static void
page(htmlDocPtr doc, struct walk *w, size_t *bad)
{
	xmlNodePtr top = (xmlNodePtr)doc, n = doc->children;

	while (n && w->rc == JT_OK) {
		if (n->type == XML_ELEMENT_NODE && n->name) {
			const char *name = (const char *)n->name;

			if (!strcmp(name, "script") && ld_json_type(n)) {
				xmlChar *c = xmlNodeGetContent(n);

				if (c && !block((const char *)c, strlen((const char *)c), w) &&
				    strstr((const char *)c, "JobPosting"))
					(*bad)++;
				xmlFree(c);
			} else if (!strcmp(name, "title") && !w->sink->title) {
				xmlChar *c = xmlNodeGetContent(n);

				if (c)
					w->sink->title = feed_line((const char *)c, JOB_TITLE_MAX);
				xmlFree(c);
			}
		}
		if (n->children && n->type == XML_ELEMENT_NODE &&
		    !(n->name && !strcmp((const char *)n->name, "script"))) {
			n = n->children;
			continue;
		}
		while (n && !n->next)
			n = n->parent == top ? NULL : n->parent;
		if (n)
			n = n->next;
	}
}

enum jt_status
feed_parse_jsonld(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	const char *buf;
	char *owned;
	size_t len, bad = 0;
	char first;
	struct walk w = { .sink = sink, .err = err, .rc = JT_OK, .found = 0 };
	enum jt_status rc;

	rc = feed_input_slurp(in, JSONLD_PAGE_MAX, &buf, &len, &owned, err);
	if (rc != JT_OK)
		return rc;
	first = board_head_first(buf, len);
	if (!first) {
		free(owned);
		return jt_fail(err, JT_ERR_PARSE, "empty document");
	}
	if (first == '{' || first == '[') {	/* JSON-LD on its own */
		if (!block(buf, len, &w)) {
			free(owned);
			return jt_fail(err, JT_ERR_PARSE, "malformed JSON-LD");
		}
		free(owned);
		if (w.rc != JT_OK)
			return w.rc;
		if (!w.found)
			return jt_fail(err, JT_ERR_FORMAT, "JSON-LD without JobPosting data");
		return JT_OK;
	}
	{
		htmlDocPtr doc = len <= (size_t)JSONLD_PAGE_MAX ? read_page(buf, len) : NULL;

		if (doc) {
			page(doc, &w, &bad);
			xmlFreeDoc(doc);
		}
	}
	free(owned);
	sink->skipped += bad;
	if (w.rc != JT_OK)
		return w.rc;
	if (!w.found && bad)
		return jt_fail(err, JT_ERR_PARSE, "HTML page with malformed JobPosting data");
	if (!w.found)
		return jt_fail(err, JT_ERR_FORMAT, "HTML page without JobPosting data");
	return JT_OK;
}
