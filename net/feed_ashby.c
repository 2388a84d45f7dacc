/*
 * Ashby's public job posting API: https://api.ashbyhq.com/posting-api/job-board/{board}
 * ?includeCompensation=true, an object with "apiVersion" and "jobs".
 *
 * Owns reading a job into a posting: jobs with "isListed": false are left out (the board
 * hides them; they are not counted as skipped), the company is the board named by the feed's
 * URL or "jobUrl" (a company name in the job or the document wins), the location is
 * "location" and each "secondaryLocations[].location" (else the postal address),
 * "isRemote" and "workplaceType" say remote or hybrid, the salary is the "Salary" one of
 * "compensation.summaryComponents[]" (else the summary text), "employmentType" is CamelCase
 * ("FullTime"), the description is "descriptionHtml" (else the plain twin), tags are the
 * department and team. Also turns jobs.ashbyhq.com pages into API URLs. Must never do I/O
 * beyond reading its input or keep state between calls.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/feed.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

#define API "https://api.ashbyhq.com/posting-api/job-board/"

/* Most elements of one array read (locations, lists, ...); the rest are ignored. */
#define LIST_MAX	256

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* s with %XX escapes decoded (a NUL escape stays as it is). */
static char *
decode(const char *s)
{
	char *r = xmalloc(strlen(s) + 1), *w = r;

	for (; *s; s++) {
		int a, b;

		if (*s == '%' && (a = hexval(s[1])) >= 0 && (b = hexval(s[2])) >= 0 && (a || b)) {
			*w++ = (char)(a * 16 + b);
			s += 2;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
	return r;
}

/* The board an Ashby URL names (API or job board page), as written in the URL, or NULL. */
static char *
board_of(const char *url)
{
	char *t = NULL;

	if (feed_url_host_is(url, "api.ashbyhq.com"))
		t = board_url_after(url, "posting-api/job-board");
	else if (feed_url_host_is(url, "jobs.ashbyhq.com"))
		t = board_url_segment(url, 0);
	return board_url_name(t, "~%");	/* "Acme%20Inc": a board may have spaces */
}

static void
locations(const cJSON *it, struct job *job)
{
	const cJSON *sec = cJSON_GetObjectItemCaseSensitive(it, "secondaryLocations"), *e;
	const cJSON *addr = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(it, "address"), "postalAddress");
	struct strbuf sb;
	size_t n = 0;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	board_place_add(&sb, board_str(it, "location"));
	if (cJSON_IsArray(sec)) {
		cJSON_ArrayForEach(e, sec) {
			if (++n > LIST_MAX)
				break;
			if (cJSON_IsString(e))
				board_place_add(&sb, e->valuestring);
			else
				board_place_add(&sb, board_str(e, "location"));
		}
	}
	if (!sb.len && cJSON_IsObject(addr)) {
		static const char *const parts[] = {
			"addressLocality", "addressRegion", "addressCountry",
		};

		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
			const char *p = board_str(addr, parts[i]);

			if (p && sb.len)
				strbuf_adds(&sb, ", ");
			if (p)
				strbuf_adds(&sb, p);
		}
	}
	if (sb.len)
		job->location = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

/* compensation.summaryComponents[]: the first "Salary" component with an amount. */
static void
compensation(const cJSON *it, struct job *job)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "compensation");
	const cJSON *parts = cJSON_GetObjectItemCaseSensitive(c, "summaryComponents"), *p;
	size_t n = 0;

	if (cJSON_IsArray(parts)) {
		cJSON_ArrayForEach(p, parts) {
			const char *type = board_str(p, "compensationType");
			const char *iv = board_str(p, "interval");
			const char *period = iv ? feed_salary_period(iv) : "year";
			double lo = board_money(cJSON_GetObjectItemCaseSensitive(p, "minValue"));
			double hi = board_money(cJSON_GetObjectItemCaseSensitive(p, "maxValue"));

			if (++n > LIST_MAX)
				break;
			if (!type || !board_ieq(type, "salary") || (lo <= 0 && hi <= 0) || !period)
				continue;
			job->salary_min = lo;
			job->salary_max = hi;
			job->salary_currency = board_dup(p, "currencyCode");
			job->salary_period = xstrdup(period);
			return;
		}
	}
	board_salary_text(job, board_str(c, "scrapeableCompensationSalarySummary"));
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	const cJSON *v;
	const char *wt = board_str(it, "workplaceType"), *s;
	struct strbuf tags;
	char *b;

	v = cJSON_GetObjectItemCaseSensitive(it, "isListed");
	if (cJSON_IsBool(v) && !cJSON_IsTrue(v))
		return JT_OK;	/* hidden from the board */
	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	job.title = board_dup(it, "title");
	job.url = board_dup(it, "jobUrl");
	job.apply_url = board_dup(it, "applyUrl");
	if ((s = board_str(it, "organizationName")) || (s = board_str(it, "companyName")))
		job.company = xstrdup(s);
	else if (company)
		job.company = xstrdup(company);
	else if ((b = board_of(job.url))) {
		job.company = decode(b);
		free(b);
	}
	if (!sink->title && job.company)
		sink->title = feed_line(job.company, JOB_TITLE_MAX);
	locations(it, &job);
	if (board_true(cJSON_GetObjectItemCaseSensitive(it, "isRemote")))
		job.remote = true;
	if (wt && board_ieq(wt, "remote"))
		job.remote = true;
	if (wt && board_ieq(wt, "hybrid")) {
		job.hybrid = true;
		job.remote = false;
	}
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "publishedAt"));
	job.employment_type = board_dup(it, "employmentType");
	compensation(it, &job);
	job.description_html = board_dup(it, "descriptionHtml");
	if (!job.description_html)
		job.description_text = board_dup(it, "descriptionPlain");
	strbuf_init(&tags, JOB_FIELD_MAX * 2);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "department"), false);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "team"), false);
	if (tags.len)
		job.tags = strbuf_detach(&tags, NULL);
	strbuf_done(&tags);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_ashby(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val jobs, v;
	char *board, *company = NULL;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (!board_member(doc.root, "jobs", &jobs) || board_kind(jobs) != '[') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT, "JSON without a \"jobs\" array, so not an Ashby "
			       "job board response");
	}
	if ((board_member(doc.root, "organizationName", &v) ||
	     board_member(doc.root, "companyName", &v)) && (company = board_string(v)) &&
	    !*company) {
		free(company);
		company = NULL;
	}
	if (!company && (board = board_of(sink->url))) {
		company = decode(board);
		free(board);
	}
	rc = board_items(jobs, NULL, item, company, sink, err);
	free(company);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_ashby(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' && board_head_has(head, len, "\"jobs\"") &&
	       (board_head_has(head, len, "\"jobUrl\"") ||
		board_head_has(head, len, "\"isListed\"") ||
		board_head_has(head, len, "\"shouldDisplayCompensationOnJobPostings\""));
}

char *
feed_api_ashby(const char *url)
{
	char *board = board_of(url), *api = NULL;
	const char *q;

	if (!board)
		return NULL;
	if (feed_url_host_is(url, "api.ashbyhq.com")) {
		q = strstr(url, "includeCompensation=true");
		if (!q || q == url || (q[-1] != '?' && q[-1] != '&'))
			api = board_url_param(url, "includeCompensation", "true", NULL);
	} else {
		api = xasprintf(API "%s?includeCompensation=true", board);
	}
	free(board);
	return api;
}
