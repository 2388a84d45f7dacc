/*
 * The Jobicy remote jobs API (https://jobicy.com/api/v2/remote-jobs?count=...&geo=...&
 * industry=...&tag=...): an object with "apiVersion", "friendlyNotice", "jobCount", "jobs"
 * and, from version 2.2.18, "nextCursor" and "hasMore".
 *
 * Owns reading "jobs" into postings and the cursor into the sink's next page (the feed's URL
 * with cursor= set) while "hasMore" is not false. "jobGeo" is a comma list with stray
 * spaces ("LATAM,  Canada,  USA"), "jobType" an array ("Full-Time"), salary keys are absent
 * when unknown, "pubDate" is ISO 8601 with an offset, "jobExcerpt" is text with entities
 * (used when "jobDescription" is missing), and "jobIndustry" and "jobLevel" become tags.
 * Jobicy asks for at most one request an hour (see the format table). Its RSS feed
 * (/jobs/feed) is another format (rss). Must never do I/O beyond reading its input or keep
 * state between calls.
 */
#include "config.h"
#include "net/feed.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

/* "LATAM,  Canada,  USA" -> "LATAM, Canada, USA"; NULL when nothing is left. */
static char *
geo(const char *s)
{
	struct strbuf sb;
	char *r = NULL;

	if (!s)
		return NULL;
	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	while (*s) {
		size_t n = strcspn(s, ","), a = 0, e = n;

		while (a < e && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (e > a) {
			if (sb.len)
				strbuf_adds(&sb, ", ");
			strbuf_add(&sb, s + a, e - a);
		}
		s += n;
		if (*s == ',')
			s++;
	}
	if (sb.len)
		r = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	return r;
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	struct strbuf tags;
	const cJSON *type;
	const char *et, *level;

	(void)company;
	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	if (!job.guid)
		job.guid = board_dup(it, "jobSlug");
	job.title = board_dup(it, "jobTitle");
	job.company = board_dup(it, "companyName");
	job.location = geo(board_str(it, "jobGeo"));
	job.url = board_dup(it, "url");
	job.description_html = board_dup(it, "jobDescription");
	if (!job.description_html)
		job.description_text = board_dup(it, "jobExcerpt");
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "pubDate"));
	job.salary_min = board_money(cJSON_GetObjectItemCaseSensitive(it, "salaryMin"));
	job.salary_max = board_money(cJSON_GetObjectItemCaseSensitive(it, "salaryMax"));
	if (job.salary_min > 0 || job.salary_max > 0) {
		job.salary_currency = board_dup(it, "salaryCurrency");
		job.salary_period = board_dup(it, "salaryPeriod");
	}
	type = cJSON_GetObjectItemCaseSensitive(it, "jobType");
	if (cJSON_IsArray(type))
		type = type->child;	/* the first one when none names a known type */
	et = board_employment(cJSON_GetObjectItemCaseSensitive(it, "jobType"));
	if (et)
		job.employment_type = xstrdup(et);
	else if (cJSON_IsString(type) && type->valuestring && *type->valuestring)
		job.employment_type = xstrdup(type->valuestring);
	strbuf_init(&tags, JOB_FIELD_MAX * 2);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "jobIndustry"), false);
	level = board_str(it, "jobLevel");
	if (level && strcmp(level, "Any"))
		board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "jobLevel"), false);
	if (tags.len)
		job.tags = strbuf_detach(&tags, NULL);
	strbuf_done(&tags);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_jobicy(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val jobs, next, more;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (!board_member(doc.root, "jobs", &jobs) || board_kind(jobs) != '[') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT,
			       "JSON without a \"jobs\" array, so not a Jobicy API response");
	}
	if (!sink->title)
		sink->title = xstrdup("Jobicy");
	if (!sink->next_url && board_member(doc.root, "nextCursor", &next) &&
	    !(board_member(doc.root, "hasMore", &more) && board_kind(more) == 'f')) {
		char *c = board_string(next);
		char *u = board_url_param(sink->url, "cursor", c, NULL);

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
feed_sniff_jobicy(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' &&
	       (board_head_has(head, len, "\"jobGeo\"") ||
		board_head_has(head, len, "\"friendlyNotice\"") ||
		board_head_has(head, len, "\"jobSlug\""));
}

char *
feed_api_jobicy(const char *url)
{
	const char *path;
	size_t n;

	if (!feed_url_host_is(url, "jobicy.com") || !board_url_path(url, &path, &n))
		return NULL;
	if (n <= 1 || (n == 5 && !strncmp(path, "/jobs", 5)) ||
	    (n == 6 && !strncmp(path, "/jobs/", 6)))
		return xstrdup("https://jobicy.com/api/v2/remote-jobs");
	return NULL;
}
