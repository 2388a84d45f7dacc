/*
 * The Arbeitnow job board API (https://www.arbeitnow.com/api/job-board-api?page=N): an
 * object with "data" (the jobs, 100 a page), "links" (first, last, prev, next; next is null
 * on the last page) and "meta".
 *
 * Owns reading "data" into postings and "links.next" into the sink's next page. The id is
 * "slug", "remote" is a boolean, "created_at" is Unix seconds, "job_types" are free text,
 * often German ("Vollzeit", "Werkstudent"): those that name an employment type give it and
 * the rest become tags. "description" comes as entity-escaped HTML, as HTML or as plain
 * text; text without markup is kept as text. Must never do I/O beyond reading its input or
 * keep state between calls.
 */
#include "config.h"
#include "net/feed.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/html.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

/* The employment type a German (or English) job type names, or NULL. */
static const char *
job_type(const char *s)
{
	static const struct {
		const char *word;
		const char *type;
	} german[] = {
		{ "vollzeit", "full-time" }, { "teilzeit", "part-time" },
		{ "praktikum", "internship" }, { "befristet", "temporary" },
		{ "freiberuflich", "freelance" }, { "festanstellung", "full-time" },
	};
	const char *t = feed_employment_type(s);
	size_t n;

	if (t || !s)
		return t;
	n = strlen(s);
	for (size_t i = 0; i < sizeof(german) / sizeof(german[0]); i++) {
		size_t m = strlen(german[i].word), k;

		if (n != m)
			continue;
		for (k = 0; k < m && (s[k] | 0x20) == german[i].word[k]; k++)
			;
		if (k == m)
			return german[i].type;
	}
	return NULL;
}

/* One of "job_types": the employment type when it names one (the first wins), else a tag. */
static void
job_type_add(struct job *job, struct strbuf *tags, const cJSON *t)
{
	const char *et;

	if (!cJSON_IsString(t) || !t->valuestring || !*t->valuestring)
		return;
	et = job_type(t->valuestring);
	if (!et)
		board_list_add(tags, t, false);
	else if (!job->employment_type)
		job->employment_type = xstrdup(et);
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	struct strbuf tags;
	const cJSON *types, *t;
	const char *d;

	(void)company;
	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "slug"));
	job.title = board_dup(it, "title");
	job.company = board_dup(it, "company_name");
	job.location = board_dup(it, "location");
	job.url = board_dup(it, "url");
	job.remote = board_true(cJSON_GetObjectItemCaseSensitive(it, "remote"));
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "created_at"));
	d = board_str(it, "description");
	if (d && html_has_markup(d))
		job.description_html = xstrdup(d);
	else if (d)
		job.description_text = xstrdup(d);
	strbuf_init(&tags, JOB_FIELD_MAX * 2);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "tags"), false);
	types = cJSON_GetObjectItemCaseSensitive(it, "job_types");
	if (cJSON_IsString(types)) {
		job_type_add(&job, &tags, types);
	} else if (cJSON_IsArray(types)) {
		cJSON_ArrayForEach(t, types)
			job_type_add(&job, &tags, t);
	}
	if (tags.len)
		job.tags = strbuf_detach(&tags, NULL);
	strbuf_done(&tags);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_arbeitnow(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val data, links, next;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (!board_member(doc.root, "data", &data) || board_kind(data) != '[') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT,
			       "JSON without a \"data\" array, so not an Arbeitnow API response");
	}
	if (!sink->title)
		sink->title = xstrdup("Arbeitnow");
	if (!sink->next_url && board_member(doc.root, "links", &links) &&
	    board_member(links, "next", &next)) {
		char *u = board_string(next);

		if (u && *u && !(sink->url && !strcmp(u, sink->url)))
			sink->next_url = feed_line(u, JOB_FIELD_MAX);
		free(u);
	}
	rc = board_items(data, NULL, item, NULL, sink, err);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_arbeitnow(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' && board_head_has(head, len, "\"data\"") &&
	       board_head_has(head, len, "\"slug\"") &&
	       board_head_has(head, len, "\"company_name\"");
}

char *
feed_api_arbeitnow(const char *url)
{
	const char *path;
	size_t n;

	if (!feed_url_host_is(url, "arbeitnow.com") || !board_url_path(url, &path, &n))
		return NULL;
	if (n <= 1)
		return xstrdup("https://www.arbeitnow.com/api/job-board-api");
	return NULL;
}
