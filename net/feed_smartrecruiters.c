/*
 * The SmartRecruiters Posting API: a company's list (https://api.smartrecruiters.com/v1/
 * companies/{id}/postings?limit=100, {"offset", "limit", "totalFound", "content": [...]})
 * and one posting's detail (.../postings/{postingId}, the posting object with "jobAd").
 *
 * Owns reading a posting into a posting: "id" is a 15-digit string, "name" the title
 * (spaces squeezed later), "company.name" the company, the "location" object gives the place
 * ("fullLocation", else city, region and country) and the remote and hybrid flags (a custom
 * field such as "Work flexibility: Remote" counts too), "typeOfEmployment.label" the
 * employment type, "releasedDate" the date, the detail's "jobAd.sections.*" the description;
 * the page is "postingUrl" or https://jobs.smartrecruiters.com/{company}/{id}. The list is
 * paginated: while offset + the postings read fall short of totalFound, sink->next_url is the
 * feed's URL with the next offset. Also turns jobs.smartrecruiters.com pages into API URLs.
 * Must never do I/O beyond reading its input or keep state between calls.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/feed.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

#define API "https://api.smartrecruiters.com/v1/companies/"

/* Most elements of one array read (locations, lists, ...); the rest are ignored. */
#define LIST_MAX	256

static bool
page_host(const char *url)
{
	return feed_url_host_is(url, "jobs.smartrecruiters.com") ||
	       feed_url_host_is(url, "careers.smartrecruiters.com");
}

/*
 * The company an API or careers URL names, or NULL; *what gets the API path segment after
 * the company ("postings") and *id the one after that (a posting), or NULL, both the
 * caller's to free.
 */
static char *
company_of(const char *url, char **what, char **id)
{
	char *t = NULL;

	*what = *id = NULL;
	if (feed_url_host_is(url, "api.smartrecruiters.com")) {
		if ((t = board_url_after(url, "v1/companies"))) {
			*what = board_url_segment(url, 3);
			*id = board_url_segment(url, 4);
		}
	} else if (page_host(url)) {
		t = board_url_segment(url, 0);
		*id = board_url_segment(url, 1);
	}
	return board_url_name(t, NULL);
}

static char
upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

static void
location(const cJSON *it, struct job *job)
{
	const cJSON *loc = cJSON_GetObjectItemCaseSensitive(it, "location");
	const cJSON *cf = cJSON_GetObjectItemCaseSensitive(it, "customField"), *f;
	const char *s = board_str(loc, "fullLocation");
	size_t n = 0;

	if (s) {
		job->location = xstrdup(s);
	} else if (cJSON_IsObject(loc)) {
		static const char *const parts[] = { "city", "region", "country" };
		struct strbuf sb;

		strbuf_init(&sb, JOB_FIELD_MAX * 2);
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
			const char *p = board_str(loc, parts[i]);

			if (!p)
				continue;
			if (sb.len)
				strbuf_adds(&sb, ", ");
			if (i == 2 && strlen(p) == 2) {	/* a country code: "ca" */
				strbuf_addc(&sb, upper(p[0]));
				strbuf_addc(&sb, upper(p[1]));
			} else {
				strbuf_adds(&sb, p);
			}
		}
		if (sb.len)
			job->location = strbuf_detach(&sb, NULL);
		strbuf_done(&sb);
	}
	if (board_true(cJSON_GetObjectItemCaseSensitive(loc, "remote")))
		job->remote = true;
	if (board_true(cJSON_GetObjectItemCaseSensitive(loc, "hybrid")))
		job->hybrid = true;
	/* a company's own field for the policy: "Work flexibility": "Remote", "Hybrid", ... */
	if (cJSON_IsArray(cf)) {
		cJSON_ArrayForEach(f, cf) {
			const char *label = board_str(f, "fieldLabel");

			if (++n > LIST_MAX)
				break;
			if (label && (board_has_ci(label, "flexib") ||
				      board_has_ci(label, "remote") ||
				      board_has_ci(label, "workplace")))
				feed_remote_words(board_str(f, "valueLabel"), &job->remote,
						  &job->hybrid);
		}
	}
	if (job->hybrid)
		job->remote = false;
}

/* The detail's jobAd.sections, in the order the posting page shows them. */
static void
description(const cJSON *it, struct job *job)
{
	static const char *const order[] = {
		"companyDescription", "jobDescription", "qualifications", "additionalInformation",
	};
	const cJSON *sec = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(it, "jobAd"), "sections");
	struct strbuf sb;

	if (!cJSON_IsObject(sec))
		return;
	strbuf_init(&sb, JOB_HTML_MAX * 2);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const cJSON *s = cJSON_GetObjectItemCaseSensitive(sec, order[i]);
		const char *title = board_str(s, "title"), *text = board_str(s, "text");

		if (!text)
			continue;
		if (title) {
			strbuf_adds(&sb, "<h3>");
			for (const char *c = title; *c; c++)
				if (*c == '<')
					strbuf_adds(&sb, "&lt;");
				else if (*c == '&')
					strbuf_adds(&sb, "&amp;");
				else
					strbuf_addc(&sb, *c);
			strbuf_adds(&sb, "</h3>\n");
		}
		strbuf_adds(&sb, text);
		strbuf_addc(&sb, '\n');
	}
	if (sb.len)
		job->description_html = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	const cJSON *co = cJSON_GetObjectItemCaseSensitive(it, "company");
	const char *ident = board_str(co, "identifier");
	struct strbuf tags;

	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	job.title = board_dup(it, "name");
	job.company = board_dup(co, "name");
	if (!job.company && (ident || company))
		job.company = xstrdup(ident ? ident : company);
	if (!sink->title && job.company)
		sink->title = feed_line(job.company, JOB_TITLE_MAX);
	if (!ident)
		ident = company;
	job.url = board_dup(it, "postingUrl");
	if (!job.url && ident && job.guid)
		job.url = xasprintf("https://jobs.smartrecruiters.com/%s/%s", ident, job.guid);
	job.apply_url = board_dup(it, "applyUrl");
	location(it, &job);
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "releasedDate"));
	job.employment_type = board_dup(cJSON_GetObjectItemCaseSensitive(it, "typeOfEmployment"),
					"label");
	strbuf_init(&tags, JOB_FIELD_MAX * 2);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(it, "department"), "label"), false);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(it, "function"), "label"), false);
	if (tags.len)
		job.tags = strbuf_detach(&tags, NULL);
	strbuf_done(&tags);
	description(it, &job);
	return feed_emit(sink, &job, err);
}

/* A number member of the envelope (a number or a numeric string), or -1. */
static double
envelope_number(struct board_val root, const char *key)
{
	struct board_val v;
	cJSON *j;
	double d = -1;

	if (!board_member(root, key, &v) || !(j = board_value(v)))
		return -1;
	if (cJSON_IsNumber(j) && isfinite(j->valuedouble) && j->valuedouble >= 0)
		d = j->valuedouble;
	else if (cJSON_IsString(j))
		d = board_money(j);
	cJSON_Delete(j);
	return d < 1e12 ? d : -1;
}

/* More postings than this page held: the feed's URL (a company's postings list) with the
 * offset after them. */
static void
next_page(struct board_val root, size_t count, struct feed_sink *sink)
{
	double offset = envelope_number(root, "offset");
	double total = envelope_number(root, "totalFound");
	char *what, *id, *company = company_of(sink->url, &what, &id);
	char num[32];

	if (offset < 0)
		offset = 0;
	if (company && what && !strcmp(what, "postings") && !id && count && total >= 0 &&
	    offset + (double)count < total && !sink->next_url &&
	    feed_url_host_is(sink->url, "api.smartrecruiters.com")) {
		snprintf(num, sizeof(num), "%.0f", offset + (double)count);
		sink->next_url = board_url_param(sink->url, "offset", num, NULL);
	}
	free(company);
	free(what);
	free(id);
}

enum jt_status
feed_parse_smartrecruiters(const struct feed_input *in, struct feed_sink *sink,
			   struct jt_err *err)
{
	struct board_doc doc;
	struct board_val list, v;
	const char *cur = NULL;
	char *what, *id, *company;
	size_t count = 0;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	company = company_of(sink->url, &what, &id);
	free(what);
	free(id);
	if (board_member(doc.root, "content", &list) && board_kind(list) == '[') {
		while (rc == JT_OK && board_element_next(list, &cur, &v)) {
			cJSON *it = board_object(v, NULL);

			count++;
			if (it)
				rc = item(it, company, sink, err);
			else
				sink->skipped++;
			cJSON_Delete(it);
		}
		if (rc == JT_OK)
			next_page(doc.root, count, sink);
	} else if (board_kind(doc.root) == '{' && board_member(doc.root, "id", &v) &&
		   board_member(doc.root, "name", &v)) {
		cJSON *it = board_object(doc.root, NULL);	/* one posting's detail */

		rc = item(it, company, sink, err);
		cJSON_Delete(it);
	} else {
		rc = jt_fail(err, JT_ERR_FORMAT, "JSON without a \"content\" array or a "
			     "posting, so not a SmartRecruiters postings response");
	}
	free(company);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_smartrecruiters(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' &&
	       ((board_head_has(head, len, "\"totalFound\"") &&
		 board_head_has(head, len, "\"content\"")) ||
		board_head_has(head, len, "\"jobs.smartrecruiters.com/") ||
		(board_head_has(head, len, "\"postingUrl\"") &&
		 board_head_has(head, len, "\"releasedDate\"")));
}

char *
feed_api_smartrecruiters(const char *url)
{
	char *what, *id, *company = company_of(url, &what, &id), *api = NULL;

	if (!company)
		goto out;
	if (feed_url_host_is(url, "api.smartrecruiters.com")) {
		const char *l = url ? strstr(url, "limit=") : NULL;

		/* the list without a limit gives 10 postings a page; 100 is the most */
		if (what && !strcmp(what, "postings") && !id && !(l && (l[-1] == '?' ||
									 l[-1] == '&')))
			api = board_url_param(url, "limit", "100", NULL);
	} else if (id) {
		/* a posting's page: "744000151912444-title-words" */
		size_t n = strspn(id, "0123456789");

		if (n)
			api = xasprintf(API "%s/postings/%.*s", company, (int)n, id);
	} else {
		api = xasprintf(API "%s/postings?limit=100", company);
	}
out:
	free(company);
	free(what);
	free(id);
	return api;
}
