/*
 * Workable's keyless careers widget: https://apply.workable.com/api/v1/widget/accounts/
 * {slug}?details=true, an object with the company's "name", "description" and "jobs".
 *
 * Owns reading a job into a posting: "shortcode" is the id, the document's "name" (else the
 * slug) the company, "locations[]" (each city, region, country; hidden ones left out), else
 * the job's own city, state and country, the place, "telecommuting" the remote flag,
 * "published_on" (a date only, else "created_at") the date, "url" and "application_url" the
 * pages, "description" the HTML (sent only with details=true), "department" and "function"
 * the tags. Also turns careers pages (apply.workable.com/{slug}/) into the widget's URL.
 * Must never do I/O beyond reading its input or keep state between calls.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/feed.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

#define API "https://apply.workable.com/api/v1/widget/accounts/"

/* Most elements of one array read (locations, lists, ...); the rest are ignored. */
#define LIST_MAX	256

/* The account slug an apply.workable.com URL names (widget API or careers page), or NULL:
 * letters, digits, '-', '_' and '.'. "/j/{shortcode}" links name no account. */
static char *
slug_of(const char *url)
{
	char *t = NULL, *a;

	if (!feed_url_host_is(url, "apply.workable.com"))
		return NULL;
	a = board_url_segment(url, 0);
	if (a && !strcmp(a, "api")) {
		t = board_url_after(url, "api/v1/widget/accounts");
	} else if (a && strcmp(a, "j")) {
		t = a;
		a = NULL;
	}
	free(a);
	return board_url_name(t, NULL);
}

/* "city, region, country" of o, from the keys named (any may be missing). */
static void
place(struct strbuf *sb, const cJSON *o, const char *region_key)
{
	const char *parts[3] = {
		board_str(o, "city"), board_str(o, region_key), board_str(o, "country"),
	};
	size_t start = sb->len;

	for (size_t i = 0; i < 3; i++) {
		if (!parts[i] || (i && parts[i - 1] && !strcmp(parts[i], parts[i - 1])))
			continue;	/* missing, or a city that is its own region */
		if (sb->len > start)
			strbuf_adds(sb, ", ");
		else if (start)
			strbuf_adds(sb, "; ");
		strbuf_adds(sb, parts[i]);
	}
}

static void
location(const cJSON *it, struct job *job)
{
	const cJSON *locs = cJSON_GetObjectItemCaseSensitive(it, "locations"), *l;
	struct strbuf sb;
	size_t n = 0;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	if (cJSON_IsArray(locs)) {
		cJSON_ArrayForEach(l, locs)
			if (cJSON_IsObject(l) && ++n <= LIST_MAX &&
			    !board_true(cJSON_GetObjectItemCaseSensitive(l, "hidden")))
				place(&sb, l, "region");
	}
	if (!sb.len)
		place(&sb, it, "state");
	if (sb.len)
		job->location = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	struct strbuf tags;

	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "shortcode"));
	if (!job.guid)
		job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	job.title = board_dup(it, "title");
	if (company)
		job.company = xstrdup(company);
	job.url = board_dup(it, "url");
	if (!job.url)
		job.url = board_dup(it, "shortlink");
	job.apply_url = board_dup(it, "application_url");
	location(it, &job);
	job.remote = board_true(cJSON_GetObjectItemCaseSensitive(it, "telecommuting"));
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "published_on"));
	if (!job.posted)
		job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "created_at"));
	job.employment_type = board_dup(it, "employment_type");
	job.description_html = board_dup(it, "description");
	strbuf_init(&tags, JOB_FIELD_MAX * 2);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "department"), false);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "function"), false);
	if (tags.len)
		job.tags = strbuf_detach(&tags, NULL);
	strbuf_done(&tags);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_workable(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val jobs, v;
	char *company = NULL;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (!board_member(doc.root, "jobs", &jobs) || board_kind(jobs) != '[') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT, "JSON without a \"jobs\" array, so not a "
			       "Workable widget response");
	}
	if (board_member(doc.root, "name", &v) && (company = board_string(v)) && !*company) {
		free(company);
		company = NULL;
	}
	if (!company)
		company = slug_of(sink->url);
	if (!sink->title && company)
		sink->title = feed_line(company, JOB_TITLE_MAX);
	rc = board_items(jobs, NULL, item, company, sink, err);
	free(company);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_workable(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' && board_head_has(head, len, "\"jobs\"") &&
	       (board_head_has(head, len, "\"shortcode\"") ||
		board_head_has(head, len, "\"telecommuting\""));
}

char *
feed_api_workable(const char *url)
{
	char *slug = slug_of(url), *a, *api = NULL;
	const char *q;

	if (!slug)
		return NULL;
	a = board_url_segment(url, 0);
	if (a && !strcmp(a, "api")) {
		q = strstr(url, "details=true");
		if (!q || (q[-1] != '?' && q[-1] != '&'))
			api = board_url_param(url, "details", "true", NULL);
	} else {
		api = xasprintf(API "%s?details=true", slug);
	}
	free(a);
	free(slug);
	return api;
}
