/*
 * The RemoteOK API (https://remoteok.com/api, ?tag=...): a bare JSON array of jobs whose
 * first element is a legal notice ({"last_updated", "legal"}), not a job.
 *
 * Owns reading that array into postings: the notice and any element without "id" or
 * "position" are not jobs; salary_min/salary_max of 0 mean unknown; "epoch" is the date;
 * "tags" are tags; a location of "" is none. RemoteOK's text is often UTF-8 that was read
 * as Latin-1 and encoded again ("MecÃ¡nico"): that is undone in every text field, but only
 * where the tell-tale sequences appear. Each description ends with a per-requester
 * anti-spam paragraph ("Please mention the word ... and tag R...") that is cut off, so the
 * stored text does not depend on who fetched it. Must never do I/O beyond reading its input
 * or keep state between calls.
 */
#include "config.h"
#include "net/feed.h"

#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

/* Longest anti-spam paragraph cut off without the word "tag" in it. */
#define ANTISPAM_MAX	600

/* The code point at s[0..n) and its length (1 for a bad byte, with U+FFFD). */
static size_t
cp_at(const char *s, size_t n, uint32_t *cp)
{
	return text_utf8_decode(s, n, cp);
}

/* Does s hold a sequence that Latin-1-read UTF-8 leaves behind: Ã or Â followed by a code
 * point from U+0080 to U+00BF, or â followed by U+0080 to U+00BF? */
static bool
looks_mojibake(const char *s)
{
	for (const char *p = s; (p = strchr(p, '\xC3')); p++) {
		uint32_t a, b;
		size_t n = strlen(p), k = cp_at(p, n, &a);

		if ((a == 0xC3 || a == 0xC2 || a == 0xE2) && k < n) {
			cp_at(p + k, n - k, &b);
			if (b >= 0x80 && b <= 0xBF)
				return true;
		}
	}
	return false;
}

/*
 * Undo UTF-8 read as Latin-1 in s when it shows the tell-tale sequences: wherever a code
 * point from U+00C2 to U+00F4 and the one to three code points from U+0080 to U+00BF after
 * it are, taken as bytes, one valid UTF-8 character, they are replaced by it. Anything else
 * (a real "é", a character cut in half by a truncated description) is kept as it was.
 * Returns a new string, or NULL when nothing changed.
 */
static char *
unmojibake(const char *s)
{
	struct strbuf out;
	size_t n, i = 0;
	bool changed = false;

	if (!s || !looks_mojibake(s))
		return NULL;
	n = strlen(s);
	strbuf_init(&out, 0);
	while (i < n) {
		uint32_t cp, c;
		size_t k = cp_at(s + i, n - i, &cp), want, j;
		char bytes[4];

		want = cp >= 0xF0 && cp <= 0xF4 ? 4 : cp >= 0xE0 && cp <= 0xEF ? 3 :
		       cp >= 0xC2 && cp <= 0xDF ? 2 : 0;
		if (k == 2 && want) {
			size_t m = 1;

			bytes[0] = (char)cp;
			for (j = i + k; m < want && j < n; m++) {
				size_t l = cp_at(s + j, n - j, &c);

				if (l != 2 || c < 0x80 || c > 0xBF)
					break;
				bytes[m] = (char)c;
				j += l;
			}
			if (m == want && text_utf8_valid(bytes, want)) {
				strbuf_add(&out, bytes, want);
				i = j;
				changed = true;
				continue;
			}
		}
		strbuf_add(&out, s + i, k);
		i += k;
	}
	if (!changed) {
		strbuf_done(&out);
		return NULL;
	}
	return strbuf_detach(&out, NULL);
}

/* Replace *p by its repaired form when it has mojibake. */
static void
repair(char **p)
{
	char *r = unmojibake(*p);

	if (r) {
		free(*p);
		*p = r;
	}
}

/* Case-insensitive search for an ASCII needle. */
static const char *
find_ci(const char *s, const char *needle)
{
	size_t n = strlen(needle);

	for (; *s; s++) {
		size_t i = 0;

		while (i < n && s[i] && (s[i] | 0x20) == (needle[i] | 0x20))
			i++;
		if (i == n)
			return s;
	}
	return NULL;
}

/* If s[0..*n) ends with the ASCII text tail (case-insensitive), drop it and return true. */
static bool
drop_tail(const char *s, size_t *n, const char *tail)
{
	size_t t = strlen(tail);

	if (*n < t)
		return false;
	for (size_t i = 0; i < t; i++)
		if ((s[*n - t + i] | 0x20) != (tail[i] | 0x20))
			return false;
	*n -= t;
	return true;
}

/* Is s short and without markup but closing tags, so the last paragraph of its text? */
static bool
trailing(const char *s)
{
	if (strlen(s) > ANTISPAM_MAX)
		return false;
	for (const char *lt = s; (lt = strchr(lt, '<')); lt++)
		if (lt[1] != '/')
			return false;
	return true;
}

/*
 * Cut the anti-spam paragraph off the end of a description: from the last "Please mention
 * the word" to the end, when that is the trailing paragraph (the rest names the tag, or is
 * short and opens no other element), with the line breaks, white space and an opening <p> or <div> just before it. The
 * description is untouched when the sentence is not there.
 */
static void
strip_antispam(char *html)
{
	const char *p, *last = NULL;
	size_t n;

	if (!html)
		return;
	for (p = html; (p = find_ci(p, "please mention the word")); p++)
		last = p;
	if (!last || (!find_ci(last, " tag ") && !trailing(last)))
		return;
	n = (size_t)(last - html);
	for (;;) {
		while (n && (html[n - 1] == ' ' || html[n - 1] == '\n' || html[n - 1] == '\r' ||
			     html[n - 1] == '\t'))
			n--;
		if (!(drop_tail(html, &n, "<br>") || drop_tail(html, &n, "<br/>") ||
		      drop_tail(html, &n, "<br />") || drop_tail(html, &n, "<p>") ||
		      drop_tail(html, &n, "<div>") || drop_tail(html, &n, "\\n")))
			break;
	}
	html[n] = '\0';
}

static void
add_tags(struct job *job, const cJSON *tags)
{
	struct strbuf sb;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	board_list_add(&sb, tags, true);
	if (sb.len) {
		job->tags = strbuf_detach(&sb, NULL);
		repair(&job->tags);
	}
	strbuf_done(&sb);
}

static enum jt_status
item(const cJSON *it, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	const char *et;

	job_init(&job);
	job.guid = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));
	if (!job.guid)
		job.guid = board_dup(it, "slug");
	job.title = board_dup(it, "position");
	job.company = board_dup(it, "company");
	job.location = board_dup(it, "location");
	job.url = board_dup(it, "url");
	job.apply_url = board_dup(it, "apply_url");
	job.description_html = board_dup(it, "description");
	strip_antispam(job.description_html);
	repair(&job.title);
	repair(&job.company);
	repair(&job.location);
	repair(&job.description_html);
	add_tags(&job, cJSON_GetObjectItemCaseSensitive(it, "tags"));
	job.salary_min = board_money(cJSON_GetObjectItemCaseSensitive(it, "salary_min"));
	job.salary_max = board_money(cJSON_GetObjectItemCaseSensitive(it, "salary_max"));
	if (job.salary_min > 0 || job.salary_max > 0) {
		job.salary_currency = xstrdup("USD");	/* RemoteOK's salaries are in dollars */
		job.salary_period = xstrdup("year");
	}
	et = board_employment(cJSON_GetObjectItemCaseSensitive(it, "tags"));
	job.employment_type = et ? xstrdup(et) : NULL;
	job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "epoch"));
	if (!job.posted)
		job.posted = board_date(cJSON_GetObjectItemCaseSensitive(it, "date"));
	return feed_emit(sink, &job, err);
}

enum jt_status
feed_parse_remoteok(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val v;
	const char *cur = NULL;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (board_kind(doc.root) != '[') {
		board_doc_done(&doc);
		return jt_fail(err, JT_ERR_FORMAT,
			       "JSON that is not an array, so not a RemoteOK API response");
	}
	if (!sink->title)
		sink->title = xstrdup("Remote OK");
	while (rc == JT_OK && board_element_next(doc.root, &cur, &v)) {
		cJSON *it = board_object(v, NULL);

		if (!it) {
			sink->skipped++;	/* not an object */
		} else if (cJSON_GetObjectItemCaseSensitive(it, "id") ||
			   cJSON_GetObjectItemCaseSensitive(it, "position")) {
			rc = item(it, sink, err);
		} else if (!cJSON_GetObjectItemCaseSensitive(it, "legal") &&
			   !cJSON_GetObjectItemCaseSensitive(it, "last_updated")) {
			sink->skipped++;	/* not a job (the notice is not counted) */
		}
		cJSON_Delete(it);
	}
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_remoteok(const char *head, size_t len)
{
	return board_head_first(head, len) == '[' &&
	       ((board_head_has(head, len, "\"last_updated\"") &&
		 board_head_has(head, len, "\"legal\"")) ||
		(board_head_has(head, len, "\"position\"") &&
		 board_head_has(head, len, "\"epoch\"")));
}

char *
feed_api_remoteok(const char *url)
{
	const char *path;
	size_t n;
	char *tag, *api;

	if (!(feed_url_host_is(url, "remoteok.com") || feed_url_host_is(url, "remoteok.io")) ||
	    !board_url_path(url, &path, &n))
		return NULL;
	if (n <= 1 || (n == 12 && !strncmp(path, "/remote-jobs", 12)))
		return xstrdup("https://remoteok.com/api");
	/* https://remoteok.com/remote-python-jobs -> the API with ?tag=python */
	if (n > 13 && !strncmp(path, "/remote-", 8) && !strncmp(path + n - 5, "-jobs", 5) &&
	    !memchr(path + 1, '/', n - 1)) {
		tag = xstrndup(path + 8, n - 13);
		api = board_url_param("https://remoteok.com/api", "tag", tag, NULL);
		free(tag);
		return api;
	}
	return NULL;
}
