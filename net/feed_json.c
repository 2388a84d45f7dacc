/*
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org), with jobterm's own "_job" extension object
 * (company, location, remote, hybrid, salary_min, salary_max, salary_currency, salary_period,
 * employment_type, apply_url).
 *
 * cJSON builds a tree many times the size of its input, so the document is never given to it
 * whole: net/board.h checks the whole document's structure first (strictly, to any depth,
 * without recursion), then this file walks the top-level object and hands cJSON one item at
 * a time; an item nested deeper than BOARD_DEPTH_MAX is skipped and counted. Memory is the
 * input plus one item.
 *
 * Must never trust a type: a field of the wrong type is skipped, an item that is not an
 * object is skipped and counted, and only a document that is not JSON at all (or not an
 * object with an "items" array) fails. No I/O but reading the input; no globals.
 */
#include "config.h"
#include "net/feed.h"

#include <cJSON.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/date.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

/* ---- reading an item ----------------------------------------------------------------------- */

/* A number as text without an exponent ("8556658002", "12.5"). */
static char *
number_text(double v)
{
	char buf[400];
	size_t n;

	double mag = v < 0 ? -v : v;

	if (!isfinite(v))
		return NULL;
	/* Integral: every double from 2^53 up is, smaller ones when they survive int64_t. */
	if (mag >= 9007199254740992.0 || v == (double)(int64_t)v) {
		snprintf(buf, sizeof(buf), "%.0f", v);
		return xstrdup(buf);
	}
	snprintf(buf, sizeof(buf), "%.6f", v);
	n = strlen(buf);
	while (n > 1 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n && buf[n - 1] == '.')
		buf[--n] = '\0';
	return xstrdup(buf);
}

/* The name of an author given as {"name": ...} or, in hnrss's JSON Feed 1.0, as a string. */
static const char *
author_name(const cJSON *a)
{
	if (cJSON_IsString(a) && a->valuestring && *a->valuestring)
		return a->valuestring;
	if (cJSON_IsObject(a))
		return board_str(a, "name");
	return NULL;
}

static void
item_tags(const cJSON *tags, struct job *job)
{
	struct strbuf sb;
	const cJSON *t;

	if (!cJSON_IsArray(tags))
		return;
	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	cJSON_ArrayForEach(t, tags) {
		if (!cJSON_IsString(t) || !t->valuestring || !*t->valuestring)
			continue;
		if (sb.len && !strbuf_adds(&sb, ","))
			break;
		if (!strbuf_adds(&sb, t->valuestring))
			break;
	}
	if (sb.len)
		job->tags = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
}

static void
item_extension(const cJSON *x, struct job *job)
{
	const cJSON *v;
	const char *s;

	if (!cJSON_IsObject(x))
		return;
	if ((s = board_str(x, "company"))) {
		free(job->company);
		job->company = xstrdup(s);
	}
	if ((s = board_str(x, "location"))) {
		free(job->location);
		job->location = xstrdup(s);
	}
	v = cJSON_GetObjectItemCaseSensitive(x, "remote");
	if (cJSON_IsBool(v))
		job->remote = cJSON_IsTrue(v);
	v = cJSON_GetObjectItemCaseSensitive(x, "hybrid");
	if (cJSON_IsBool(v))
		job->hybrid = cJSON_IsTrue(v);
	job->salary_min = board_money(cJSON_GetObjectItemCaseSensitive(x, "salary_min"));
	job->salary_max = board_money(cJSON_GetObjectItemCaseSensitive(x, "salary_max"));
	if (job->salary_min > 0 || job->salary_max > 0) {
		s = board_str(x, "salary_currency");
		if (s && strlen(s) <= 8)
			job->salary_currency = xstrdup(s);
		job->salary_period = board_dup(x, "salary_period");
	}
	job->employment_type = board_dup(x, "employment_type");
	job->apply_url = board_dup(x, "apply_url");
}

static int64_t
item_date(const cJSON *it)
{
	static const char *const keys[] = { "date_published", "date_modified" };
	int64_t t;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, keys[i]);

		if (cJSON_IsString(v) && date_parse(v->valuestring, &t))
			return t;
		if (cJSON_IsNumber(v) && date_from_epoch(v->valuedouble))
			return date_from_epoch(v->valuedouble);
	}
	return 0;
}

static enum jt_status
item(const cJSON *it, struct feed_sink *sink, bool author_is_user, struct jt_err *err)
{
	struct job job;
	const cJSON *v;
	const char *s;

	job_init(&job);
	v = cJSON_GetObjectItemCaseSensitive(it, "id");
	if (cJSON_IsString(v) && v->valuestring && *v->valuestring)
		job.guid = xstrdup(v->valuestring);
	else if (cJSON_IsNumber(v))
		job.guid = number_text(v->valuedouble);
	job.url = board_dup(it, "url");
	if (!job.url)
		job.url = board_dup(it, "external_url");
	job.title = board_dup(it, "title");
	job.description_html = board_dup(it, "content_html");
	if (!job.description_html)
		job.description_text = board_dup(it, "content_text");
	if (!job.description_html && !job.description_text)
		job.description_text = board_dup(it, "summary");
	job.posted = item_date(it);

	s = NULL;
	v = cJSON_GetObjectItemCaseSensitive(it, "authors");
	if (cJSON_IsArray(v)) {
		const cJSON *a;

		cJSON_ArrayForEach(a, v)
			if ((s = author_name(a)))
				break;
	}
	if (!s)
		s = author_name(cJSON_GetObjectItemCaseSensitive(it, "author"));
	if (s && !author_is_user)
		job.company = xstrdup(s);
	item_tags(cJSON_GetObjectItemCaseSensitive(it, "tags"), &job);
	item_extension(cJSON_GetObjectItemCaseSensitive(it, "_job"), &job);
	return feed_emit(sink, &job, err);
}

/* ---- the document -------------------------------------------------------------------------- */

enum jt_status
feed_parse_jsonfeed(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val key, val, items = { NULL, NULL };
	const char *cur = NULL;
	bool author_is_user = feed_url_host_is(sink->url, "hnrss.org");
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (board_kind(doc.root) != '{') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT,
			       "JSON that is not an object, so not a JSON Feed");
	}
	while (board_member_next(doc.root, &cur, &key, &val)) {
		char *k = board_string(key), *s = NULL;

		if (k && !strcmp(k, "items") && !items.p) {
			items = val;
		} else if (k && !strcmp(k, "title") && board_kind(val) == '"' && !sink->title) {
			s = board_string(val);
			sink->title = feed_line(s, JOB_TITLE_MAX);
		} else if (k && !strcmp(k, "next_url") && board_kind(val) == '"' &&
			   !sink->next_url) {
			s = board_string(val);
			if (s && *s && !(sink->url && !strcmp(s, sink->url)))
				sink->next_url = feed_line(s, JOB_FIELD_MAX);
		}
		free(s);
		free(k);
	}
	if (board_kind(items) != '[')
		rc = jt_fail(err, JT_ERR_FORMAT,
			     "JSON without an \"items\" array, so not a JSON Feed");
	cur = NULL;
	while (rc == JT_OK && board_element_next(items, &cur, &val)) {
		/* an item nested too deep for cJSON, or no object, is skipped */
		cJSON *it = board_kind(val) == '{' ? board_value(val) : NULL;

		if (cJSON_IsObject(it))
			rc = item(it, sink, author_is_user, err);
		else
			sink->skipped++;
		cJSON_Delete(it);
	}
	board_doc_done(&doc);
	return rc;
}
