/*
 * The Lever Postings API: https://api.lever.co/v0/postings/{site}?mode=json (EU accounts on
 * api.eu.lever.co), a bare array of postings; one posting (.../{site}/{id}) is the object.
 *
 * Owns reading a posting into a posting: "text" is the title, there is no company field
 * (the site named by the feed's URL, or by "hostedUrl", is the company), the location is
 * "categories.location" and "categories.allLocations[]", "workplaceType" says remote or
 * hybrid, "salaryRange" is structured ("per-year-salary"), "createdAt" is in milliseconds,
 * and the description is put together as the hosted page shows it: "description" (or its
 * plain twin), each of "lists[]" as a heading and the <li> items Lever sends without their
 * <ul>, "salaryDescription" and "additional". Also turns jobs.lever.co pages into API URLs.
 * Must never do I/O beyond reading its input or keep state between calls.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/feed.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

/* Most elements of one array read (locations, lists, ...); the rest are ignored. */
#define LIST_MAX	256

static bool
api_host(const char *url)
{
	return feed_url_host_is(url, "api.lever.co") || feed_url_host_is(url, "api.eu.lever.co");
}

static bool
page_host(const char *url)
{
	return feed_url_host_is(url, "jobs.lever.co") || feed_url_host_is(url, "jobs.eu.lever.co");
}

/* The site a Lever URL names (API or job page), or NULL. The caller frees it. */
static char *
site_of(const char *url)
{
	char *t = NULL;

	if (api_host(url))
		t = board_url_after(url, "v0/postings");
	else if (page_host(url))
		t = board_url_segment(url, 0);
	return board_url_name(t, NULL);
}

/* Append s with <, > and & escaped, its line breaks as <br>. */
static void
add_text(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			strbuf_adds(sb, "&lt;");
		else if (*s == '>')
			strbuf_adds(sb, "&gt;");
		else if (*s == '&')
			strbuf_adds(sb, "&amp;");
		else if (*s == '\n')
			strbuf_adds(sb, "<br>");
		else
			strbuf_addc(sb, *s);
	}
}

/* The HTML field key, else its plain-text twin as a paragraph. */
static void
add_html(struct strbuf *sb, const cJSON *it, const char *key, const char *plain)
{
	const char *s = board_str(it, key);

	if (s) {
		strbuf_adds(sb, s);
		strbuf_addc(sb, '\n');
	} else if ((s = board_str(it, plain))) {
		strbuf_adds(sb, "<p>");
		add_text(sb, s);
		strbuf_adds(sb, "</p>\n");
	}
}

static void
description(const cJSON *it, struct job *job)
{
	const cJSON *lists = cJSON_GetObjectItemCaseSensitive(it, "lists"), *l;
	struct strbuf sb;
	size_t n = 0;

	strbuf_init(&sb, JOB_HTML_MAX * 2);
	if (board_str(it, "description") || board_str(it, "descriptionPlain")) {
		add_html(&sb, it, "description", "descriptionPlain");
	} else {
		add_html(&sb, it, "opening", "openingPlain");
		add_html(&sb, it, "descriptionBody", "descriptionBodyPlain");
	}
	if (cJSON_IsArray(lists)) {
		cJSON_ArrayForEach(l, lists) {
			const char *h = board_str(l, "text"), *c = board_str(l, "content");

			if (++n > LIST_MAX)
				break;
			if (h) {
				strbuf_adds(&sb, "<h3>");
				add_text(&sb, h);
				strbuf_adds(&sb, "</h3>\n");
			}
			if (c) {
				strbuf_adds(&sb, "<ul>");
				strbuf_adds(&sb, c);
				strbuf_adds(&sb, "</ul>\n");
			}
		}
	}
	add_html(&sb, it, "salaryDescription", "salaryDescriptionPlain");
	add_html(&sb, it, "additional", "additionalPlain");
	if (sb.len)
		job->description_html = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

/* salaryRange {currency, interval, min, max}; an interval Lever may add later that names
 * no period ("one-time") gives no salary. */
static void
salary(const cJSON *it, struct job *job)
{
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(it, "salaryRange");
	const char *iv = board_str(r, "interval"), *period = "year";
	double lo = board_money(cJSON_GetObjectItemCaseSensitive(r, "min"));
	double hi = board_money(cJSON_GetObjectItemCaseSensitive(r, "max"));

	if (!cJSON_IsObject(r) || (lo <= 0 && hi <= 0))
		return;
	if (iv) {
		size_t n = strlen(iv);
		char *p;

		/* "per-year-salary", "per-hour-wage": the period without the kind of pay */
		if (n > 7 && !strcmp(iv + n - 7, "-salary"))
			n -= 7;
		else if (n > 5 && !strcmp(iv + n - 5, "-wage"))
			n -= 5;
		p = xstrndup(iv, n);
		period = feed_salary_period(p);
		free(p);
		if (!period)
			return;
	}
	job->salary_min = lo;
	job->salary_max = hi;
	job->salary_currency = board_dup(r, "currency");
	job->salary_period = xstrdup(period);
}

static void
categories(const cJSON *it, struct job *job)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "categories"), *e;
	const cJSON *all = cJSON_GetObjectItemCaseSensitive(c, "allLocations");
	struct strbuf sb;
	size_t n = 0;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	board_place_add(&sb, board_str(c, "location"));
	if (cJSON_IsArray(all))
		cJSON_ArrayForEach(e, all)
			if (cJSON_IsString(e) && ++n <= LIST_MAX)
				board_place_add(&sb, e->valuestring);
	if (sb.len)
		job->location = strbuf_detach(&sb, NULL);
	strbuf_reset(&sb);
	board_list_add(&sb, cJSON_GetObjectItemCaseSensitive(c, "team"), false);
	board_list_add(&sb, cJSON_GetObjectItemCaseSensitive(c, "department"), false);
	if (sb.len)
		job->tags = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	job->employment_type = board_dup(c, "commitment");
}

static enum jt_status
item(const cJSON *it, const char *site, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	const char *wt = board_str(it, "workplaceType");

	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	job.title = board_dup(it, "text");
	job.url = board_dup(it, "hostedUrl");
	job.apply_url = board_dup(it, "applyUrl");
	job.company = site ? xstrdup(site) : site_of(job.url);
	if (!sink->title && job.company)
		sink->title = feed_line(job.company, JOB_TITLE_MAX);
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "createdAt"));
	if (wt && board_ieq(wt, "remote"))
		job.remote = true;
	else if (wt && board_ieq(wt, "hybrid"))
		job.hybrid = true;
	categories(it, &job);
	salary(it, &job);
	description(it, &job);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_lever(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val v;
	char *site;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	site = site_of(sink->url);
	if (board_kind(doc.root) == '[') {
		rc = board_items(doc.root, NULL, item, site, sink, err);
	} else if (board_kind(doc.root) == '{' && board_member(doc.root, "id", &v) &&
		   board_member(doc.root, "text", &v)) {
		cJSON *it = board_object(doc.root, NULL);	/* one posting */

		rc = item(it, site, sink, err);
		cJSON_Delete(it);
	} else {
		rc = jt_fail(err, JT_ERR_FORMAT, "JSON that is not an array of postings, so not a "
			     "Lever postings response");
	}
	free(site);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_lever(const char *head, size_t len)
{
	/* Lever sends its keys in an order that starts with "additionalPlain" */
	return board_head_first(head, len) == '[' &&
	       (board_head_has(head, len, "\"hostedUrl\"") ||
		board_head_has(head, len, "\"additionalPlain\"") ||
		(board_head_has(head, len, "\"categories\"") &&
		 board_head_has(head, len, "\"createdAt\"") &&
		 board_head_has(head, len, "\"text\"")));
}

char *
feed_api_lever(const char *url)
{
	const char *q = strchr(url ? url : "", '?');
	char *site = site_of(url), *id, *base, *api;
	bool eu = feed_url_host_is(url, "api.eu.lever.co") ||
		  feed_url_host_is(url, "jobs.eu.lever.co");

	if (!site)
		return NULL;
	if (api_host(url)) {
		char *mode = NULL;
		const char *m = q ? strstr(q, "mode=") : NULL;

		if (m && (m[-1] == '?' || m[-1] == '&'))
			mode = xstrndup(m + 5, strcspn(m + 5, "&#"));
		api = mode && !strcmp(mode, "json") ? NULL :
		      board_url_param(url, "mode", "json", NULL);
		free(mode);
		free(site);
		return api;
	}
	/* jobs.lever.co/{site}[?team=...] is the board, jobs.lever.co/{site}/{id}[/apply] one
	 * posting; a filter in the page's query is kept */
	id = board_url_name(board_url_segment(url, 1), NULL);
	base = xasprintf("https://%s/v0/postings/%s%s%s%s", eu ? "api.eu.lever.co" : "api.lever.co",
			 site, id ? "/" : "", id ? id : "", q && !id ? q : "");
	api = board_url_param(base, "mode", "json", NULL);
	free(base);
	free(id);
	free(site);
	return api;
}
