/*
 * The Greenhouse Job Board API: a board's list (https://boards-api.greenhouse.io/v1/boards/
 * {token}/jobs?content=true, {"jobs": [...], "meta": {"total": N}}) and one job
 * (.../jobs/{id}?pay_transparency=true, the job object itself).
 *
 * Owns reading a job object into a posting: the id is the job post's int64 number, the
 * company is "company_name" or else the board token from the feed's URL (as written), the
 * location is "location.name" and every "offices[].location", the pay is
 * "pay_input_ranges[]" in cents, "content" is entity-escaped HTML (the docs' own example is
 * escaped twice: it is unescaped once here and feed_emit() unescapes the rest), tags are the
 * departments and the category-like metadata. Also turns board pages (boards.greenhouse.io/
 * {token}, job-boards.greenhouse.io/{token}) and API URLs without content=true into the URL
 * to download. Must never do I/O beyond reading its input or keep state between calls.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/feed.h"
#include "net/html.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

#define API "https://boards-api.greenhouse.io/v1/boards/"
/* Most elements of one array read (offices, ranges, metadata, ...); the rest are ignored. */
#define LIST_MAX	256

/* Members never read, left out of each job's cJSON tree. */
static const char *const unread[] = {
	"data_compliance", "questions", "location_questions", "compliance",
	"demographic_questions", NULL,
};

/* The value of the query parameter name in url (not decoded), or NULL. The caller frees it. */
static char *
query_value(const char *url, const char *name)
{
	const char *q = url ? strchr(url, '?') : NULL;
	size_t n = strlen(name);

	while (q && *q && *q != '#') {
		q++;
		if (!strncmp(q, name, n) && q[n] == '=')
			return xstrndup(q + n + 1, strcspn(q + n + 1, "&#"));
		q += strcspn(q, "&#");
		if (*q != '&')
			break;
	}
	return NULL;
}

/* The board token a Greenhouse URL names (API, board page or embed), or NULL. */
static char *
board_token(const char *url)
{
	char *t = NULL, *s;

	if (feed_url_host_is(url, "boards-api.greenhouse.io")) {
		t = board_url_after(url, "v1/boards");
	} else if (feed_url_host_is(url, "boards.greenhouse.io") ||
		   feed_url_host_is(url, "job-boards.greenhouse.io")) {
		t = board_url_segment(url, 0);
		if (t && !strcmp(t, "embed")) {
			free(t);
			s = board_url_segment(url, 1);
			t = s && !strcmp(s, "job_board") ? query_value(url, "for") : NULL;
			free(s);
		}
	}
	return board_url_name(t, NULL);
}

static void
locations(const cJSON *it, struct job *job)
{
	const cJSON *loc = cJSON_GetObjectItemCaseSensitive(it, "location");
	const cJSON *offices = cJSON_GetObjectItemCaseSensitive(it, "offices"), *o;
	struct strbuf sb;
	size_t n = 0;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	if (cJSON_IsObject(loc))
		board_place_add(&sb, board_str(loc, "name"));
	else if (cJSON_IsString(loc))
		board_place_add(&sb, loc->valuestring);
	if (cJSON_IsArray(offices))
		cJSON_ArrayForEach(o, offices)
			if (++n <= LIST_MAX)
				board_place_add(&sb, board_str(o, "location"));
	if (sb.len)
		job->location = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

/* pay_input_ranges[]: amounts in cents; ranges in the first range's currency are merged. */
static void
pay(const cJSON *it, struct job *job)
{
	const cJSON *ranges = cJSON_GetObjectItemCaseSensitive(it, "pay_input_ranges"), *r;
	const char *period = NULL;
	double lo = 0, hi = 0;
	char *cur = NULL;
	size_t n = 0;

	if (!cJSON_IsArray(ranges))
		return;
	cJSON_ArrayForEach(r, ranges) {
		double a = board_money(cJSON_GetObjectItemCaseSensitive(r, "min_cents")) / 100;
		double b = board_money(cJSON_GetObjectItemCaseSensitive(r, "max_cents")) / 100;
		const char *c = board_str(r, "currency_type");

		if (++n > LIST_MAX)
			break;
		if (a <= 0 && b <= 0)
			continue;
		if (!lo && !hi) {
			cur = c ? xstrdup(c) : NULL;
			period = board_has_ci(board_str(r, "title"), "hour") ? "hour" : "year";
		} else if (!cur != !c || (c && strcmp(c, cur))) {
			continue;
		}
		if (a > 0 && (!lo || a < lo))
			lo = a;
		if (b > hi)
			hi = b;
	}
	if (!lo && !hi) {
		free(cur);
		return;
	}
	job->salary_min = lo;
	job->salary_max = hi;
	job->salary_currency = cur;
	job->salary_period = xstrdup(period);
}

/* Departments, and metadata that names a category, department, team or function. */
static void
tags_and_type(const cJSON *it, struct job *job)
{
	const cJSON *md = cJSON_GetObjectItemCaseSensitive(it, "metadata"), *m;
	struct strbuf sb;
	size_t n = 0;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	board_list_add(&sb, cJSON_GetObjectItemCaseSensitive(it, "departments"), false);
	if (cJSON_IsArray(md)) {
		cJSON_ArrayForEach(m, md) {
			const char *name = board_str(m, "name");
			const cJSON *v = cJSON_GetObjectItemCaseSensitive(m, "value");
			const char *et;

			if (++n > LIST_MAX)
				break;
			if (!name)
				continue;
			if (board_has_ci(name, "categor") || board_has_ci(name, "department") ||
			    board_has_ci(name, "team") || board_has_ci(name, "function"))
				board_list_add(&sb, v, false);
			if (!job->employment_type &&
			    (board_has_ci(name, "employment") || board_has_ci(name, "job type")) &&
			    (et = board_employment(v)))
				job->employment_type = xstrdup(et);
		}
	}
	if (sb.len)
		job->tags = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

/* Is there a raw tag ('<' and a letter, '/' or '!') in s? */
static bool
raw_tag(const char *s)
{
	for (; (s = strchr(s, '<')); s++) {
		char c = s[1];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!')
			return true;
	}
	return false;
}

static enum jt_status
item(const cJSON *it, const char *token, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	const char *s;

	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	job.title = board_dup(it, "title");
	job.url = board_dup(it, "absolute_url");
	job.company = board_dup(it, "company_name");
	if (!job.company && token)
		job.company = xstrdup(token);
	if (!job.company)
		job.company = board_token(job.url);
	if (!sink->title && job.company)
		sink->title = feed_line(job.company, JOB_TITLE_MAX);
	locations(it, &job);
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "first_published"));
	if (!job.posted)
		job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "updated_at"));
	s = board_str(it, "content");
	if (s && !raw_tag(s))
		job.description_html = html_unescape(s);	/* escaped HTML; maybe twice */
	else if (s)
		job.description_html = xstrdup(s);
	pay(it, &job);
	tags_and_type(it, &job);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_greenhouse(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val jobs, v;
	char *token;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	token = board_token(sink->url);
	if (board_member(doc.root, "jobs", &jobs) && board_kind(jobs) == '[') {
		rc = board_items(jobs, unread, item, token, sink, err);
	} else if (board_kind(doc.root) == '{' && board_member(doc.root, "id", &v) &&
		   (board_member(doc.root, "title", &v) ||
		    board_member(doc.root, "absolute_url", &v))) {
		cJSON *it = board_object(doc.root, unread);	/* one job */

		rc = item(it, token, sink, err);
		cJSON_Delete(it);
	} else {
		rc = jt_fail(err, JT_ERR_FORMAT, "JSON without a \"jobs\" array or a job, so not "
			     "a Greenhouse job board response");
	}
	free(token);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_greenhouse(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' &&
	       (board_head_has(head, len, "\"internal_job_id\"") ||
		(board_head_has(head, len, "\"absolute_url\"") &&
		 (board_head_has(head, len, "\"jobs\"") ||
		  board_head_has(head, len, "\"requisition_id\"") ||
		  board_head_has(head, len, "\"first_published\""))));
}

/* Does url's query hold name=value? */
static bool
has_param(const char *url, const char *name, const char *value)
{
	char *v = query_value(url, name);
	bool r = v && !strcmp(v, value);

	free(v);
	return r;
}

char *
feed_api_greenhouse(const char *url)
{
	char *token = board_token(url), *api = NULL;

	if (!token)
		return NULL;
	if (feed_url_host_is(url, "boards-api.greenhouse.io")) {
		char *what = board_url_segment(url, 3), *id = board_url_segment(url, 4);
		char *more = board_url_segment(url, 5);

		if (!what)	/* the board itself: its jobs */
			api = xasprintf(API "%s/jobs?content=true", token);
		else if (!strcmp(what, "jobs") && !id && !has_param(url, "content", "true"))
			api = board_url_param(url, "content", "true", NULL);
		else if (!strcmp(what, "jobs") && id && !more &&
			 !has_param(url, "pay_transparency", "true"))
			api = board_url_param(url, "pay_transparency", "true", NULL);
		free(what);
		free(id);
		free(more);
	} else {
		api = xasprintf(API "%s/jobs?content=true", token);
	}
	free(token);
	return api;
}
