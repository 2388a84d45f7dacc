/*
 * The Recruitee careers site API: https://{company}.recruitee.com/api/offers/, an object with
 * "offers" (one offer, .../api/offers/{slug}, is {"offer": {...}}).
 *
 * Owns reading an offer into a posting: "company_name" (else the subdomain) is the company,
 * "location" (else the offer's "locations[]", else city and country) the place, the "remote",
 * "hybrid" and "on_site" booleans the work mode, "salary" {min, max, period, currency} holds
 * numbers as strings and may be all nulls, "published_at" reads "2026-09-18 13:27:28 UTC",
 * "employment_type_code" is a code ("fulltime_permanent"), "careers_url" and
 * "careers_apply_url" the pages, "description" then "requirements" the HTML, the department
 * and "tags[]" the tags. Also turns careers pages ({company}.recruitee.com/, /o/{slug}) into
 * the API URL. Must never do I/O beyond reading its input or keep state between calls.
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

/* Members never read, left out of each offer's cJSON tree (translations repeat the text). */
static const char *const unread[] = {
	"translations", "open_questions", "dynamic_fields", NULL,
};

/* Subdomains of recruitee.com that are Recruitee's own, not a company's careers site. */
static const char *const not_company[] = {
	"www", "app", "api", "blog", "support", "help", "docs", "careers", "status",
};

/* The company of a https://{company}.recruitee.com/... URL (lower case), or NULL. */
static char *
subdomain(const char *url)
{
	const char *h = url ? strstr(url, "://") : NULL, *e, *at, *dot;
	char *c;

	if (!h || !feed_url_host_is(url, "recruitee.com"))
		return NULL;
	h += 3;
	e = h + strcspn(h, "/?#");
	at = memchr(h, '@', (size_t)(e - h));
	if (at)
		h = at + 1;
	dot = memchr(h, '.', (size_t)(e - h));
	if (!dot || dot == h || (size_t)(e - dot) < sizeof(".recruitee.com") - 1 ||
	    strncmp(dot, ".recruitee.com", sizeof(".recruitee.com") - 1) != 0 ||
	    (dot[14] != '\0' && !strchr("/?#:.", dot[14])))
		return NULL;
	/* one label only, of letters, digits and '-' */
	if ((size_t)(dot - h) != strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
					   "0123456789-"))
		return NULL;
	c = xstrndup(h, (size_t)(dot - h));
	for (char *p = c; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	for (size_t i = 0; i < sizeof(not_company) / sizeof(not_company[0]); i++)
		if (!strcmp(c, not_company[i])) {
			free(c);
			return NULL;
		}
	return c;
}

/* Recruitee's employment codes ("fulltime_permanent", "parttime_fixed_term", "internship",
 * ...): the kind before the contract's length. */
static char *
employment(const char *code)
{
	const char *et;
	char *kind;

	if (!code)
		return NULL;
	if ((et = feed_employment_type(code)))
		return xstrdup(et);
	kind = xstrndup(code, strcspn(code, "_"));
	et = feed_employment_type(kind);
	if (!et && !strcmp(kind, "traineeship"))
		et = "internship";
	free(kind);
	return xstrdup(et ? et : code);
}

/* "City, Country" of an object with city and country (either may be missing). */
static char *
city_country(const cJSON *o)
{
	const char *city = board_str(o, "city"), *country = board_str(o, "country");

	if (city && country && strcmp(city, country))
		return xasprintf("%s, %s", city, country);
	if (city || country)
		return xstrdup(city ? city : country);
	return NULL;
}

static void
location(const cJSON *it, struct job *job)
{
	const cJSON *locs = cJSON_GetObjectItemCaseSensitive(it, "locations"), *l;
	struct strbuf sb;
	size_t n = 0;

	if ((job->location = board_dup(it, "location")))
		return;
	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	if (cJSON_IsArray(locs)) {
		cJSON_ArrayForEach(l, locs) {
			char *p;

			if (++n > LIST_MAX)
				break;
			p = city_country(l);
			board_place_add(&sb, p ? p : board_str(l, "name"));
			free(p);
		}
	}
	if (sb.len)
		job->location = strbuf_detach(&sb, NULL);
	else
		job->location = city_country(it);
	strbuf_done(&sb);
}

static void
salary(const cJSON *it, struct job *job)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(it, "salary");
	double lo = board_money(cJSON_GetObjectItemCaseSensitive(s, "min"));
	double hi = board_money(cJSON_GetObjectItemCaseSensitive(s, "max"));
	const char *period = board_str(s, "period");

	if (lo <= 0 && hi <= 0)
		return;
	if (period && !feed_salary_period(period))
		return;	/* a period jobterm cannot name ("one-time"): no salary */
	job->salary_min = lo;
	job->salary_max = hi;
	job->salary_currency = board_dup(s, "currency");
	job->salary_period = period ? xstrdup(period) : NULL;
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	struct strbuf sb;
	const cJSON *v;

	job_init(&job);
	v = cJSON_GetObjectItemCaseSensitive(it, "id");
	job.guid = board_text(v);
	if (!job.guid)
		job.guid = board_dup(it, "guid");
	job.title = board_dup(it, "title");
	job.company = board_dup(it, "company_name");
	if (!job.company && company)
		job.company = xstrdup(company);
	if (!sink->title && job.company)
		sink->title = feed_line(job.company, JOB_TITLE_MAX);
	location(it, &job);
	job.remote = board_true(cJSON_GetObjectItemCaseSensitive(it, "remote"));
	job.hybrid = board_true(cJSON_GetObjectItemCaseSensitive(it, "hybrid"));
	if (job.hybrid)
		job.remote = false;
	salary(it, &job);
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "published_at"));
	if (!job.posted)
		job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "created_at"));
	job.employment_type = employment(board_str(it, "employment_type_code"));
	job.url = board_dup(it, "careers_url");
	job.apply_url = board_dup(it, "careers_apply_url");
	strbuf_init(&sb, JOB_HTML_MAX * 2);
	if (board_str(it, "description"))
		strbuf_adds(&sb, board_str(it, "description"));
	if (board_str(it, "requirements")) {
		strbuf_addc(&sb, '\n');
		strbuf_adds(&sb, board_str(it, "requirements"));
	}
	if (sb.len)
		job.description_html = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	board_list_add(&sb, cJSON_GetObjectItemCaseSensitive(it, "department"), false);
	board_list_add(&sb, cJSON_GetObjectItemCaseSensitive(it, "tags"), false);
	if (sb.len)
		job.tags = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_recruitee(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val offers, v;
	char *company;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	company = subdomain(sink->url);
	if (board_member(doc.root, "offers", &offers) && board_kind(offers) == '[') {
		rc = board_items(offers, unread, item, company, sink, err);
	} else if (board_member(doc.root, "offer", &v) && board_kind(v) == '{') {
		cJSON *it = board_object(v, unread);	/* one offer */

		rc = item(it, company, sink, err);
		cJSON_Delete(it);
	} else {
		rc = jt_fail(err, JT_ERR_FORMAT, "JSON without an \"offers\" array, so not a "
			     "Recruitee offers response");
	}
	free(company);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_recruitee(const char *head, size_t len)
{
	size_t i = 0;

	if (board_head_first(head, len) != '{')
		return false;
	/* {"offers": [...]} or {"offer": {...}}, the key first */
	while (i < len && head[i] != '{')
		i++;
	for (i++; i < len && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' ||
			      head[i] == '\t'); i++)
		;
	return (len - i >= 8 && !memcmp(head + i, "\"offers\"", 8)) ||
	       (len - i >= 7 && !memcmp(head + i, "\"offer\"", 7)) ||
	       ((board_head_has(head, len, "\"offers\"") ||
		 board_head_has(head, len, "\"offer\"")) &&
		board_head_has(head, len, "\"careers_url\""));
}

char *
feed_api_recruitee(const char *url)
{
	char *company = subdomain(url), *api = NULL;
	const char *path;
	size_t n;

	if (!company || !board_url_path(url, &path, &n)) {
		free(company);
		return NULL;
	}
	/* the careers page, an offer's page (/o/{slug}) or any other page of the site; an API
	 * URL (/api/...) is downloaded as it is */
	if (!(n >= 4 && !strncmp(path, "/api", 4) && (n == 4 || path[4] == '/')))
		api = xasprintf("https://%s.recruitee.com/api/offers/", company);
	free(company);
	return api;
}
