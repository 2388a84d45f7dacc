/*
 * The Remotive API (https://remotive.com/api/remote-jobs?category=...&search=...&limit=...):
 * an object with legal notices ("00-warning", "0-legal-notice"), "job-count" and "jobs".
 *
 * Owns reading "jobs" into postings: "publication_date" has no zone and is UTC, "salary" is
 * free text ("$18 - $22/hr", "", null) read by feed_salary_parse, "job_type" is an enum
 * (full_time, part_time, contract, freelance, internship, other), the location is
 * "candidate_required_location", and the tracking pixel Remotive appends to every
 * description (<img src=".../blank.gif?...">) is removed from the stored HTML. Remotive asks
 * for at most about four requests a day (see the format table). Must never do I/O beyond
 * reading its input or keep state between calls.
 */
#include "config.h"
#include "net/feed.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

/* Case-insensitive prefix test for an ASCII word. */
static bool
starts_ci(const char *s, const char *w)
{
	for (; *w; s++, w++)
		if (!*s || (*s | 0x20) != (*w | 0x20))
			return false;
	return true;
}

/* Does s[0..n) contain needle? */
static bool
has(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);

	for (size_t i = 0; i + m <= n; i++)
		if (!memcmp(s + i, needle, m))
			return true;
	return false;
}

/* Remove every <img ...> whose tag mentions blank.gif or /track/ (a tracking pixel). */
static void
strip_pixels(char *html)
{
	char *p = html, *w = html;

	if (!html)
		return;
	while (*p) {
		if (*p == '<' && starts_ci(p + 1, "img") && p[4] && strchr(" \t\n\r/", p[4])) {
			const char *gt = strchr(p, '>');

			if (gt && (has(p, (size_t)(gt - p), "blank.gif") ||
				   has(p, (size_t)(gt - p), "/track/"))) {
				p += gt - p + 1;
				continue;
			}
		}
		*w++ = *p++;
	}
	*w = '\0';
}

static enum jt_status
item(const cJSON *it, const char *company, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	struct strbuf tags;
	const char *s, *et;

	(void)company;
	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	job.title = board_dup(it, "title");
	job.company = board_dup(it, "company_name");
	job.location = board_dup(it, "candidate_required_location");
	job.url = board_dup(it, "url");
	job.description_html = board_dup(it, "description");
	strip_pixels(job.description_html);
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "publication_date"));
	board_salary_text(&job, board_str(it, "salary"));
	s = board_str(it, "job_type");
	et = feed_employment_type(s);
	if (et)
		job.employment_type = xstrdup(et);
	else if (s && strcmp(s, "other"))
		job.employment_type = xstrdup(s);
	strbuf_init(&tags, JOB_FIELD_MAX * 2);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "tags"), false);
	board_list_add(&tags, cJSON_GetObjectItemCaseSensitive(it, "category"), false);
	if (tags.len)
		job.tags = strbuf_detach(&tags, NULL);
	strbuf_done(&tags);
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_remotive(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val jobs;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (!board_member(doc.root, "jobs", &jobs) || board_kind(jobs) != '[') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT,
			       "JSON without a \"jobs\" array, so not a Remotive API response");
	}
	if (!sink->title)
		sink->title = xstrdup("Remotive");
	rc = board_items(jobs, NULL, item, NULL, sink, err);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_remotive(const char *head, size_t len)
{
	return board_head_first(head, len) == '{' &&
	       (board_head_has(head, len, "\"job-count\"") ||
		board_head_has(head, len, "\"0-legal-notice\"") ||
		(board_head_has(head, len, "\"jobs\"") &&
		 board_head_has(head, len, "\"candidate_required_location\"")));
}

char *
feed_api_remotive(const char *url)
{
	const char *path;
	size_t n;
	char *cat, *api;

	if (!(feed_url_host_is(url, "remotive.com") || feed_url_host_is(url, "remotive.io")) ||
	    !board_url_path(url, &path, &n))
		return NULL;
	if (n <= 1 || (n == 12 && !strncmp(path, "/remote-jobs", 12)) ||
	    (n == 13 && !strncmp(path, "/remote-jobs/", 13)))
		return xstrdup("https://remotive.com/api/remote-jobs");
	/* https://remotive.com/remote-jobs/software-dev -> ?category=software-dev (but a
	 * category's RSS feed, .../software-dev/feed, is read as it is) */
	if (n > 13 && !strncmp(path, "/remote-jobs/", 13)) {
		size_t m = n - 13;

		if (path[n - 1] == '/')
			m--;
		if (!m || memchr(path + 13, '/', m))
			return NULL;
		cat = xstrndup(path + 13, m);
		api = board_url_param("https://remotive.com/api/remote-jobs", "category", cat,
				      NULL);
		free(cat);
		return api;
	}
	return NULL;
}
