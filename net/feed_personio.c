/*
 * Personio's XML feed of open positions: https://{company}.jobs.personio.de/xml?language=en
 * (also .jobs.personio.com), <workzag-jobs> with one <position> per job, read with
 * libxml2's streaming reader one node at a time.
 *
 * Owns reading a <position> into a posting: "id" is the id and names the page
 * (https://{company}.jobs.personio.de/job/{id}, on the feed's own host), "subcompany" (else
 * the subdomain) the company, "office" and each "additionalOffices/office" the place (an
 * office such as "Berlin (Remote)" makes the posting remote, through feed_emit()), "name" the
 * title, each "jobDescriptions/jobDescription" a section of the description (<h3>name</h3>
 * then the CDATA HTML value), "employmentType" and "schedule" the employment type,
 * "seniority" and "yearsOfExperience" a line under the description, "department",
 * "recruitingCategory" and "keywords" the tags, "createdAt" the date. Also turns any page of
 * a Personio careers site into the feed's URL.
 *
 * Must never let libxml2 expand entities (no NOENT), load a DTD or anything else (no DTDLOAD,
 * DTDATTR, DTDVALID, XINCLUDE; NONET always), lift its limits (no HUGE) or print: errors go
 * to a handler that keeps a printable message. A document that is not well formed is an
 * error (no RECOVER); invalid UTF-8 is repaired to U+FFFD first. The whole document is held
 * in memory (at most PERSONIO_MAX bytes), never a tree of it. No I/O but reading the input;
 * no globals.
 */
#include "config.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/date.h"
#include "net/feed.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
		     XML_PARSE_NOCDATA)

/* Most bytes a Personio document may have (a large company's feed is a few MB). */
#define PERSONIO_MAX	(64 * 1024 * 1024)
/* Most additional offices read for one position; the rest are ignored. */
#define LIST_MAX	256

enum field {
	P_ID,
	P_SUBCOMPANY,
	P_OFFICE,
	P_EXTRA_OFFICE,		/* the additionalOffices/office being read */
	P_DEPARTMENT,
	P_CATEGORY,		/* recruitingCategory */
	P_NAME,
	P_EMPLOYMENT,
	P_SENIORITY,
	P_SCHEDULE,
	P_YEARS,
	P_KEYWORDS,
	P_CREATED,
	P_DESC_NAME,		/* the jobDescription/name being read */
	P_DESC_VALUE,		/* the jobDescription/value being read */
	P_OFFICES,		/* every office, "; "-separated */
	P_DESCRIPTION,		/* every jobDescription, as HTML */
	P_COUNT
};

/* Direct children of <position> and the field each fills. */
static const struct {
	const char *name;
	enum field f;
} children[] = {
	{ "id", P_ID }, { "subcompany", P_SUBCOMPANY }, { "office", P_OFFICE },
	{ "department", P_DEPARTMENT }, { "recruitingCategory", P_CATEGORY },
	{ "name", P_NAME }, { "employmentType", P_EMPLOYMENT }, { "seniority", P_SENIORITY },
	{ "schedule", P_SCHEDULE }, { "yearsOfExperience", P_YEARS },
	{ "keywords", P_KEYWORDS }, { "createdAt", P_CREATED },
};

struct personio {
	xmlTextReaderPtr r;
	struct feed_sink *sink;
	char *company;		/* the subdomain, for postings without a subcompany */
	char *site;		/* "https://{company}.jobs.personio.de", for the job pages */
	bool root_seen;
	int pos_depth;		/* depth of the open <position>, -1 when none */
	size_t offices;		/* additional offices of the position read so far */
	char parent[2][32];	/* names of the position's child and grandchild being read */
	struct strbuf f[P_COUNT];
	int cap;		/* the field being collected, -1 when none */
	int cap_depth;		/* its element's depth */
	char fatal[160];	/* the first fatal error libxml2 reported */
	int fatal_line;
	char error[160];	/* the first error of any kind */
	int error_line;
};

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
	struct personio *x = arg;

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

/* ---- text ---------------------------------------------------------------------------------- */

static size_t
field_cap(enum field f)
{
	switch (f) {
	case P_DESC_VALUE:
	case P_DESCRIPTION:
		return JOB_HTML_MAX * 2;
	case P_NAME:
		return JOB_TITLE_MAX * 4;
	default:
		return JOB_FIELD_MAX * 2;
	}
}

/* Append as much of s[0..n) as the buffer's cap leaves room for, cut at a character. */
static void
add_n(struct strbuf *sb, const char *s, size_t n)
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
add(struct strbuf *sb, const char *s)
{
	add_n(sb, s, strlen(s));
}

/* Append s with the characters special in HTML escaped. */
static void
add_escaped(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		char c[2] = { *s, '\0' };

		add(sb, *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : *s == '&' ? "&amp;" : c);
	}
}

static const char *
cstr(const xmlChar *s)
{
	return (const char *)s;
}

/* Append s, trimmed, to the "; "-separated list in sb unless it is empty or already there. */
static void
place_add(struct strbuf *sb, const char *s)
{
	const char *t = strbuf_str(sb);
	size_t n;

	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (!n)
		return;
	while (*t) {
		if (!strncmp(t, s, n) && (!t[n] || !strncmp(t + n, "; ", 2)))
			return;
		t = strstr(t, "; ");
		if (!t)
			break;
		t += 2;
	}
	if (sb->len)
		add(sb, "; ");
	add_n(sb, s, n);
}

/* ---- a position ---------------------------------------------------------------------------- */

/* The field's text, NULL when empty. Borrowed until the field changes. */
static const char *
val(struct personio *x, enum field f)
{
	return x->f[f].len ? strbuf_str(&x->f[f]) : NULL;
}

static char *
dup_val(struct personio *x, enum field f)
{
	const char *s = val(x, f);

	return s ? xstrdup(s) : NULL;
}

/* A trimmed copy of the field's text, or NULL when nothing is left. */
static char *
trimmed(struct personio *x, enum field f)
{
	const char *s = val(x, f);
	size_t n;

	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n ? xstrndup(s, n) : NULL;
}

/* employmentType (permanent, intern, trainee, freelance, ...) and schedule (full-time,
 * part-time, full-or-part-time): the first that names a canonical type, else as written. */
static char *
employment(struct personio *x)
{
	char *kind = trimmed(x, P_EMPLOYMENT), *sched = trimmed(x, P_SCHEDULE);
	const char *et = feed_employment_type(kind);
	char *r;

	if (!et)
		et = feed_employment_type(sched);
	if (et)
		r = xstrdup(et);
	else if (sched)
		r = xstrdup(sched);
	else
		r = kind ? xstrdup(kind) : NULL;
	free(kind);
	free(sched);
	return r;
}

static void
description(struct personio *x, struct job *job)
{
	struct strbuf *d = &x->f[P_DESCRIPTION];
	char *sen = trimmed(x, P_SENIORITY), *years = trimmed(x, P_YEARS);

	if (sen || years) {
		add(d, "<p>");
		if (sen) {
			add(d, "Seniority: ");
			add_escaped(d, sen);
		}
		if (sen && years)
			add(d, "<br>");
		if (years) {
			add(d, "Years of experience: ");
			add_escaped(d, years);
		}
		add(d, "</p>\n");
	}
	free(sen);
	free(years);
	job->description_html = dup_val(x, P_DESCRIPTION);
}

static void
tags(struct personio *x, struct job *job)
{
	static const enum field from[] = { P_DEPARTMENT, P_CATEGORY, P_KEYWORDS };
	struct strbuf sb;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	for (size_t i = 0; i < sizeof(from) / sizeof(from[0]); i++) {
		const char *s = val(x, from[i]);

		if (!s)
			continue;
		if (sb.len)
			add(&sb, ",");
		add(&sb, s);
	}
	if (sb.len)
		job->tags = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

static enum jt_status
position_end(struct personio *x, struct jt_err *err)
{
	struct job job;
	char *id = trimmed(x, P_ID), *office = trimmed(x, P_OFFICE), *created;
	struct strbuf loc;
	enum jt_status rc;

	job_init(&job);
	job.guid = id;
	job.title = dup_val(x, P_NAME);
	job.company = trimmed(x, P_SUBCOMPANY);
	if (!job.company && x->company)
		job.company = xstrdup(x->company);
	if (!x->sink->title && job.company)
		x->sink->title = feed_line(job.company, JOB_TITLE_MAX);
	/* the main office first, then the additional ones */
	strbuf_init(&loc, JOB_FIELD_MAX * 2);
	if (office)
		place_add(&loc, office);
	for (const char *p = val(x, P_OFFICES); p && *p;) {
		const char *e = strstr(p, "; ");
		size_t m = e ? (size_t)(e - p) : strlen(p);
		char *one = xstrndup(p, m);

		place_add(&loc, one);
		free(one);
		p += e ? m + 2 : m;
	}
	if (loc.len)
		job.location = strbuf_detach(&loc, NULL);
	strbuf_done(&loc);
	free(office);
	job.employment_type = employment(x);
	if ((created = trimmed(x, P_CREATED)) && (!date_parse(created, &job.posted) ||
						       job.posted < 0))
		job.posted = 0;	/* unreadable, or before 1970: no posting date */
	free(created);
	if (id && x->site && strspn(id, "0123456789abcdefghijklmnopqrstuvwxyz"
				       "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_") == strlen(id))
		job.url = xasprintf("%s/job/%s", x->site, id);
	description(x, &job);
	tags(x, &job);
	rc = feed_emit(x->sink, &job, err);
	for (int i = 0; i < P_COUNT; i++)
		strbuf_reset(&x->f[i]);
	x->offices = 0;
	return rc;
}

/* The end of a jobDescription: "<h3>name</h3>" and its HTML value. */
static void
section_end(struct personio *x)
{
	struct strbuf *d = &x->f[P_DESCRIPTION];
	const char *name = val(x, P_DESC_NAME), *value = val(x, P_DESC_VALUE);

	if (name) {
		add(d, "<h3>");
		add_escaped(d, name);
		add(d, "</h3>\n");
	}
	if (value) {
		add(d, value);
		add(d, "\n");
	}
	strbuf_reset(&x->f[P_DESC_NAME]);
	strbuf_reset(&x->f[P_DESC_VALUE]);
}

/* ---- the reader ---------------------------------------------------------------------------- */

static enum jt_status
element_start(struct personio *x, int depth, struct jt_err *err)
{
	const char *name = cstr(xmlTextReaderConstLocalName(x->r));
	bool empty = xmlTextReaderIsEmptyElement(x->r) == 1;
	int rel;
	int f = -1;

	if (!name)
		return JT_OK;
	if (!x->root_seen) {
		char shown[40];

		x->root_seen = true;
		if (strcmp(name, "workzag-jobs")) {
			keep_message(shown, sizeof(shown), name);
			return jt_fail(err, JT_ERR_FORMAT, "XML whose root is <%s>, not "
				       "<workzag-jobs>, so not a Personio feed", shown);
		}
		return JT_OK;
	}
	if (x->cap >= 0)
		return JT_OK;	/* markup inside a field: only its text counts */
	if (x->pos_depth < 0) {
		if (depth == 1 && !strcmp(name, "position") && !empty)
			x->pos_depth = depth;
		return JT_OK;
	}
	rel = depth - x->pos_depth;
	if (rel == 1) {
		keep_message(x->parent[0], sizeof(x->parent[0]), name);
		for (size_t i = 0; i < sizeof(children) / sizeof(children[0]); i++)
			if (!strcmp(name, children[i].name))
				f = (int)children[i].f;
	} else if (rel == 2) {
		keep_message(x->parent[1], sizeof(x->parent[1]), name);
		if (!strcmp(x->parent[0], "additionalOffices") && !strcmp(name, "office"))
			f = P_EXTRA_OFFICE;
	} else if (rel == 3 && !strcmp(x->parent[0], "jobDescriptions") &&
		   !strcmp(x->parent[1], "jobDescription")) {
		if (!strcmp(name, "name"))
			f = P_DESC_NAME;
		else if (!strcmp(name, "value"))
			f = P_DESC_VALUE;
	}
	if (f >= 0 && !empty) {
		if (f != P_EXTRA_OFFICE && f != P_DESC_NAME && f != P_DESC_VALUE)
			strbuf_reset(&x->f[f]);	/* the last one of a name wins */
		x->cap = f;
		x->cap_depth = depth;
	}
	return JT_OK;
}

static enum jt_status
element_end(struct personio *x, int depth, struct jt_err *err)
{
	int rel;

	if (x->cap >= 0) {
		if (depth != x->cap_depth)
			return JT_OK;
		if (x->cap == P_EXTRA_OFFICE) {
			if (++x->offices <= LIST_MAX)
				place_add(&x->f[P_OFFICES], strbuf_str(&x->f[P_EXTRA_OFFICE]));
			strbuf_reset(&x->f[P_EXTRA_OFFICE]);
		}
		x->cap = -1;
		return JT_OK;
	}
	if (x->pos_depth < 0)
		return JT_OK;
	rel = depth - x->pos_depth;
	if (rel == 0) {
		x->pos_depth = -1;
		return position_end(x, err);
	}
	if (rel == 2 && !strcmp(x->parent[0], "jobDescriptions") &&
	    !strcmp(x->parent[1], "jobDescription"))
		section_end(x);
	if (rel == 1)
		x->parent[0][0] = '\0';
	if (rel == 2)
		x->parent[1][0] = '\0';
	return JT_OK;
}

static void
text(struct personio *x)
{
	const char *v = cstr(xmlTextReaderConstValue(x->r));

	if (v && x->cap >= 0)
		add(&x->f[x->cap], v);
}

static enum jt_status
walk(struct personio *x, struct jt_err *err)
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
			text(x);
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
	if (!x->root_seen)
		return jt_fail(err, JT_ERR_PARSE, "malformed XML: no root element");
	return JT_OK;
}

/* ---- the document -------------------------------------------------------------------------- */

/* Does the document name an encoding other than UTF-8, or start with a UTF-16 mark? Then
 * its bytes are libxml2's to convert, not ours to repair. */
static bool
foreign_encoding(const char *s, size_t n)
{
	const char *e, *end = s + (n < 256 ? n : 256);
	char name[16];
	size_t k = 0;

	if (n >= 2 && (!s[0] || !s[1] || (s[0] == '\xFE' && s[1] == '\xFF') ||
		       (s[0] == '\xFF' && s[1] == '\xFE')))
		return true;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	if ((size_t)(end - s) < 5 || memcmp(s, "<?xml", 5))
		return false;
	for (e = s; e + 8 < end && *e != '>'; e++)
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

/* The company and the site of a https://{company}.jobs.personio.de/... URL (also .com). */
static void
site_of(const char *url, char **company, char **site)
{
	static const char *const suffixes[] = { ".jobs.personio.de", ".jobs.personio.com" };
	const char *h = url ? strstr(url, "://") : NULL, *e, *at;
	size_t n;

	*company = *site = NULL;
	if (!h)
		return;
	h += 3;
	e = h + strcspn(h, "/?#:");
	at = memchr(h, '@', (size_t)(e - h));
	if (at)
		h = at + 1;
	n = strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");
	if (!n || n >= (size_t)(e - h))
		return;
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t m = strlen(suffixes[i]);

		if ((size_t)(e - h) - n == m && !strncmp(h + n, suffixes[i], m)) {
			*company = xstrndup(h, n);
			*site = xasprintf("https://%.*s", (int)(e - h), h);
			return;
		}
	}
}

enum jt_status
feed_parse_personio(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct personio *x;
	const char *buf;
	char *owned = NULL, *fixed = NULL;
	size_t len;
	enum jt_status rc = feed_input_slurp(in, PERSONIO_MAX, &buf, &len, &owned, err);

	if (rc != JT_OK)
		return rc;
	if (len > INT_MAX / 2) {
		free(owned);
		return jt_fail(err, JT_ERR_TOOBIG, "document too large");
	}
	if (!foreign_encoding(buf, len) && !text_utf8_valid(buf, len)) {
		fixed = text_utf8_repair(buf, len, &len);	/* NUL bytes become U+FFFD too */
		buf = fixed;
	}
	x = xcalloc(1, sizeof(*x));
	x->sink = sink;
	x->cap = -1;
	x->pos_depth = -1;
	site_of(sink->url, &x->company, &x->site);
	for (int i = 0; i < P_COUNT; i++)
		strbuf_init(&x->f[i], field_cap((enum field)i));
	x->r = len ? xmlReaderForMemory(buf, (int)len, NULL, NULL, XML_OPTIONS) : NULL;
	if (!len) {
		rc = jt_fail(err, JT_ERR_PARSE, "empty document");
	} else if (!x->r) {
		rc = jt_fail(err, JT_ERR_PARSE, "cannot start the XML reader");
	} else {
		xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
		rc = walk(x, err);
		xmlFreeTextReader(x->r);
	}
	for (int i = 0; i < P_COUNT; i++)
		strbuf_done(&x->f[i]);
	free(x->company);
	free(x->site);
	free(x);
	free(fixed);
	free(owned);
	return rc;
}

bool
feed_sniff_personio(const char *head, size_t len)
{
	return board_head_first(head, len) == '<' && board_head_has(head, len, "<workzag-jobs");
}

char *
feed_api_personio(const char *url)
{
	char *company, *site, *api = NULL, *lang = NULL;
	const char *path, *q;
	size_t n;

	site_of(url, &company, &site);
	if (!company || !board_url_path(url, &path, &n)) {
		free(company);
		free(site);
		return NULL;
	}
	/* any page of the careers site; the feed itself (/xml) is downloaded as it is. A
	 * language the page was shown in is kept. */
	if (!(n >= 4 && !strncmp(path, "/xml", 4) && (n == 4 || path[4] == '/'))) {
		q = strchr(url, '?');
		while (q && *q && *q != '#') {
			q++;
			if (!strncmp(q, "language=", 9)) {
				size_t m = strcspn(q + 9, "&#");

				if (m && m < 8 && strspn(q + 9, "abcdefghijklmnopqrstuvwxyz-") >= m)
					lang = xstrndup(q + 9, m);
				break;
			}
			q += strcspn(q, "&#");
			if (*q != '&')
				break;
		}
		api = xasprintf("%s/xml?language=%s", site, lang ? lang : "en");
	}
	free(lang);
	free(company);
	free(site);
	return api;
}
