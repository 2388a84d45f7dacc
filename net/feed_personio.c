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
 * Read with net/xml.h's reader, which keeps libxml2 from expanding entities, loading
 * anything or printing: a document that is not well formed is an error; invalid UTF-8 is
 * repaired to U+FFFD first (the whole document at once). The whole document is held in
 * memory (at most PERSONIO_MAX bytes), never a tree of it. No I/O but reading the input; no
 * globals.
 */
#include "config.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/date.h"
#include "net/feed.h"
#include "net/xml.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

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
};

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

/* Append s with the characters special in HTML escaped. */
static void
add_escaped(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		char c[2] = { *s, '\0' };

		xml_text_adds(sb, *s == '<' ? "&lt;" : *s == '>' ? "&gt;" :
				  *s == '&' ? "&amp;" : c);
	}
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
		xml_text_adds(d, "<p>");
		if (sen) {
			xml_text_adds(d, "Seniority: ");
			add_escaped(d, sen);
		}
		if (sen && years)
			xml_text_adds(d, "<br>");
		if (years) {
			xml_text_adds(d, "Years of experience: ");
			add_escaped(d, years);
		}
		xml_text_adds(d, "</p>\n");
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
			xml_text_adds(&sb, ",");
		xml_text_adds(&sb, s);
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
	board_place_add(&loc, office);
	for (const char *p = val(x, P_OFFICES); p && *p;) {
		const char *e = strstr(p, "; ");
		size_t m = e ? (size_t)(e - p) : strlen(p);
		char *one = xstrndup(p, m);

		board_place_add(&loc, one);
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
		xml_text_adds(d, "<h3>");
		add_escaped(d, name);
		xml_text_adds(d, "</h3>\n");
	}
	if (value) {
		xml_text_adds(d, value);
		xml_text_adds(d, "\n");
	}
	strbuf_reset(&x->f[P_DESC_NAME]);
	strbuf_reset(&x->f[P_DESC_VALUE]);
}

/* ---- the reader ---------------------------------------------------------------------------- */

static enum jt_status
element_start(void *ctx, xmlTextReaderPtr r, const char *name, int depth, struct jt_err *err)
{
	struct personio *x = ctx;
	bool empty = xmlTextReaderIsEmptyElement(r) == 1;
	int rel;
	int f = -1;

	if (!x->root_seen) {
		char shown[40];

		x->root_seen = true;
		if (strcmp(name, "workzag-jobs")) {
			xml_printable(shown, sizeof(shown), name);
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
		xml_printable(x->parent[0], sizeof(x->parent[0]), name);
		for (size_t i = 0; i < sizeof(children) / sizeof(children[0]); i++)
			if (!strcmp(name, children[i].name))
				f = (int)children[i].f;
	} else if (rel == 2) {
		xml_printable(x->parent[1], sizeof(x->parent[1]), name);
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
element_end(void *ctx, xmlTextReaderPtr r, int depth, struct jt_err *err)
{
	struct personio *x = ctx;
	int rel;

	(void)r;
	if (x->cap >= 0) {
		if (depth != x->cap_depth)
			return JT_OK;
		if (x->cap == P_EXTRA_OFFICE) {
			char *office = trimmed(x, P_EXTRA_OFFICE);

			if (++x->offices <= LIST_MAX)
				board_place_add(&x->f[P_OFFICES], office);
			free(office);
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
text(void *ctx, const char *v, int depth)
{
	struct personio *x = ctx;

	(void)depth;
	if (x->cap >= 0)
		xml_text_adds(&x->f[x->cap], v);
}

/* ---- the document -------------------------------------------------------------------------- */

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
	static const struct xml_handler handler = { element_start, element_end, text };
	struct feed_input mem = { .fd = -1 };
	struct personio *x;
	char *owned = NULL, *fixed = NULL;
	enum jt_status rc = feed_input_slurp(in, PERSONIO_MAX, &mem.buf, &mem.len, &owned, err);

	if (rc != JT_OK)
		return rc;
	if (!mem.len) {
		free(owned);
		return jt_fail(err, JT_ERR_PARSE, "empty document");
	}
	if (!xml_encoding_foreign(mem.buf, mem.len) && !text_utf8_valid(mem.buf, mem.len)) {
		fixed = text_utf8_repair(mem.buf, mem.len, &mem.len);	/* NULs too */
		mem.buf = fixed;
	}
	x = xcalloc(1, sizeof(*x));
	x->sink = sink;
	x->cap = -1;
	x->pos_depth = -1;
	site_of(sink->url, &x->company, &x->site);
	for (int i = 0; i < P_COUNT; i++)
		strbuf_init(&x->f[i], field_cap((enum field)i));
	rc = xml_read(&mem, &handler, x, err);
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
