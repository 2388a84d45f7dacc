/*
 * The Himalayas jobs API (https://himalayas.app/jobs/api, ?limit=...&cursor=...): an object
 * with "jobs", "totalCount", the deprecated "offset"/"limit" and "nextCursor", which is
 * passed back as ?cursor= for the next page.
 *
 * Owns reading "jobs" into postings and "nextCursor" into the sink's next page (the feed's
 * URL with cursor= added or replaced and offset= dropped). The id is "guid" (the job's URL),
 * "pubDate" is Unix seconds although the docs say milliseconds (date_from_epoch takes both),
 * salary is "minSalary"/"maxSalary"/"currency"/"salaryPeriod" ("annual", "hourly", ...),
 * "locationRestrictions" are strings or objects with a "name", "categories" are
 * hyphenated slugs ("IT-Operations-Specialist") made words, and "excerpt" stands in for a
 * missing "description". Must never do I/O beyond reading its input or keep state between
 * calls.
 */
#include "config.h"
#include "net/feed.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

/* Append the slugs of the array v as words ("AI-Chatbot-Evaluator" -> "AI Chatbot Evaluator"). */
static void
add_slugs(struct strbuf *sb, const cJSON *v)
{
	size_t from = sb->len;

	board_list_add(sb, v, false);
	for (size_t i = from; i < sb->len; i++)
		if (sb->buf[i] == '-')
			sb->buf[i] = ' ';
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	struct strbuf sb;
	const char *s, *et;

	(void)company;
	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "guid"));
	job.title = board_dup(it, "title");
	job.company = board_dup(it, "companyName");
	job.url = board_dup(it, "guid");
	if (job.url && strncmp(job.url, "http://", 7) && strncmp(job.url, "https://", 8)) {
		free(job.url);
		job.url = NULL;
	}
	job.apply_url = board_dup(it, "applicationLink");
	if (!job.url) {
		job.url = job.apply_url;
		job.apply_url = NULL;
	}
	job.description_html = board_dup(it, "description");
	if (!job.description_html)
		job.description_text = board_dup(it, "excerpt");
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "pubDate"));
	job.salary_min = board_money(cJSON_GetObjectItemCaseSensitive(it, "minSalary"));
	job.salary_max = board_money(cJSON_GetObjectItemCaseSensitive(it, "maxSalary"));
	if (job.salary_min > 0 || job.salary_max > 0) {
		job.salary_currency = board_dup(it, "currency");
		job.salary_period = board_dup(it, "salaryPeriod");
	}
	s = board_str(it, "employmentType");
	et = feed_employment_type(s);
	if (et)
		job.employment_type = xstrdup(et);
	else if (s && strcmp(s, "Other"))
		job.employment_type = xstrdup(s);

	job.location = board_names(cJSON_GetObjectItemCaseSensitive(it, "locationRestrictions"),
				   ", ");

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	board_list_add(&sb, cJSON_GetObjectItemCaseSensitive(it, "parentCategories"), false);
	board_list_add(&sb, cJSON_GetObjectItemCaseSensitive(it, "seniority"), false);
	add_slugs(&sb, cJSON_GetObjectItemCaseSensitive(it, "categories"));
	if (sb.len)
		job.tags = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_himalayas(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	static const char *const drop[] = { "offset", NULL };
	struct board_doc doc;
	struct board_val jobs, next;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (!board_member(doc.root, "jobs", &jobs) || board_kind(jobs) != '[') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT,
			       "JSON without a \"jobs\" array, so not a Himalayas API response");
	}
	if (!sink->title)
		sink->title = xstrdup("Himalayas");
	if (!sink->next_url && board_member(doc.root, "nextCursor", &next)) {
		char *c = board_string(next);
		char *u = board_url_param(sink->url, "cursor", c, drop);

		if (u && !(sink->url && !strcmp(u, sink->url)))
			sink->next_url = feed_line(u, JOB_FIELD_MAX);
		free(u);
		free(c);
	}
	rc = board_items(jobs, NULL, item, NULL, sink, err);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_himalayas(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' && board_head_has(head, len, "\"totalCount\"") &&
	       (board_head_has(head, len, "\"jobs\"") || board_head_has(head, len, "\"offset\"") ||
		board_head_has(head, len, "\"nextCursor\""));
}

char *
feed_api_himalayas(const char *url)
{
	const char *path;
	size_t n;

	if (!feed_url_host_is(url, "himalayas.app") || !board_url_path(url, &path, &n))
		return NULL;
	if (n <= 1 || (n == 5 && !strncmp(path, "/jobs", 5)) ||
	    (n == 6 && !strncmp(path, "/jobs/", 6)))
		return xstrdup("https://himalayas.app/jobs/api");
	return NULL;
}
