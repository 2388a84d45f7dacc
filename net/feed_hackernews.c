/*
 * Hacker News "Who is hiring?" threads and job stories, from the Algolia HN API
 * (https://hn.algolia.com/api/v1/items/{id}: the story with its whole comment tree;
 * .../search?tags=comment,story_{id}: flat "hits") and from the official Firebase API
 * (https://hacker-news.firebaseio.com/v0/item/{id}.json: one item, e.g. a "job" story).
 *
 * Owns turning comments into postings. In a thread, each top-level comment is one posting;
 * replies (deeper comments, or hits whose parent is not the story) are not postings and are
 * never handed to cJSON; deleted comments (no text) are skipped and counted. The
 * first line of a comment is by convention "Company | Role | Location | REMOTE | Full-time |
 * $150k-210k | URL", in any order after the company: each segment is classified (a URL, a
 * salary read by feed_salary_parse, an employment type, REMOTE/ONSITE/HYBRID words, a role,
 * a location) and the role becomes the title (else the whole first line). The description
 * is the comment's HTML; the posting's page is https://news.ycombinator.com/item?id={id}
 * and the apply URL the first http(s) link in the text. Must never do I/O beyond reading its
 * input or keep state between calls.
 */
#include "config.h"
#include "net/feed.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/board.h"
#include "net/html.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

#define SEGMENTS_MAX	16	/* first-line segments looked at */
#define FIRST_LINE_MAX	2000	/* bytes of a first line looked at */

/* ---- small text helpers -------------------------------------------------------------------- */

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
ieq_n(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

/* Case-insensitive search for an ASCII needle in s[0..n). */
static const char *
find_ci(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);

	for (size_t i = 0; i + m <= n; i++)
		if (ieq_n(s + i, needle, m))
			return s + i;
	return NULL;
}

/* Does s[0..n) hold the ASCII word w (case-insensitive; whole word, or a word starting with
 * w when prefix is true)? */
static bool
has_word(const char *s, size_t n, const char *w, bool prefix)
{
	size_t m = strlen(w);

	for (size_t i = 0; i + m <= n; i++) {
		if (i && is_alpha(s[i - 1]))
			continue;
		if (!ieq_n(s + i, w, m))
			continue;
		if (prefix || i + m == n || !is_alpha(s[i + m]))
			return true;
	}
	return false;
}

/* A trimmed copy of s[0..n), or NULL when nothing is left. */
static char *
trim_dup(const char *s, size_t n)
{
	while (n && is_space(*s)) {
		s++;
		n--;
	}
	while (n && is_space(s[n - 1]))
		n--;
	return n ? xstrndup(s, n) : NULL;
}

/* ---- the first line ------------------------------------------------------------------------ */

/*
 * The first line of a comment's HTML as text: everything before the first <p>, <br> or line
 * break that has text before it, tags removed, entities decoded. NULL when there is none.
 */
static char *
first_line(const char *html)
{
	struct strbuf sb;
	const char *p = html;
	char *text, *r = NULL;
	bool full = false;

	strbuf_init(&sb, FIRST_LINE_MAX);
	while (*p && !r && !full) {
		bool end = false;

		if (*p == '\n') {
			end = true;
			p++;
		} else if (*p == '<') {
			const char *gt = strchr(p, '>');

			if (!gt)
				break;
			end = (lower(p[1]) == 'p' && (p[2] == '>' || is_space(p[2]) || p[2] == '/')) ||
			      (lower(p[1]) == 'b' && lower(p[2]) == 'r' && !is_alpha(p[3]));
			p = gt + 1;
		} else {
			if (!strbuf_addc(&sb, *p))
				full = end = true;	/* a first line that long is cut */
			p++;
		}
		if (end || !*p) {	/* a line ends: keep it unless it is blank */
			text = html_unescape(strbuf_str(&sb));
			r = trim_dup(text, strlen(text));
			free(text);
			strbuf_reset(&sb);
		}
	}
	strbuf_done(&sb);
	return r;
}

enum seg_kind {
	SEG_TEXT,	/* a role, a location or anything else */
	SEG_URL,
	SEG_SALARY,
	SEG_TYPE,	/* starts with an employment type */
	SEG_FLAG,	/* starts with REMOTE, ONSITE or HYBRID words */
};

struct segment {
	char *text;
	enum seg_kind kind;
	bool bare;	/* nothing but flag and type words ("REMOTE", "Remote (worldwide)") */
};

/* What the first line says. */
struct header {
	char *role;
	char *company;
	char *location;
	const char *type;	/* static */
	bool remote;
	bool hybrid;
	bool have_salary;
	struct feed_salary salary;
};

enum piece_kind { PIECE_OTHER, PIECE_REMOTE, PIECE_ONSITE, PIECE_HYBRID, PIECE_TYPE };

/* The kind of one piece of a segment ("Remote", "Full-time", "Europe"). */
static enum piece_kind
piece_kind(const char *s, size_t n, const char **type)
{
	static const char *const remote[] = {
		"remote", "fully remote", "remote only", "remote ok", "remote friendly",
		"remote-friendly", "remote first", "remote-first", "100% remote", "wfh",
		"worldwide", "anywhere", "global", "globally", "remote possible",
		"remote optional", "remote-ok",
	};
	static const char *const onsite[] = {
		"onsite", "on-site", "on site", "in office", "in-office", "in person",
		"in-person", "office", "on-prem", "onsite only", "on-site only",
	};
	char buf[48];

	while (n && is_space(*s)) {
		s++;
		n--;
	}
	while (n && is_space(s[n - 1]))
		n--;
	if (!n || n >= sizeof(buf))
		return PIECE_OTHER;
	memcpy(buf, s, n);
	buf[n] = '\0';
	for (size_t i = 0; i < sizeof(remote) / sizeof(remote[0]); i++)
		if (strlen(remote[i]) == n && ieq_n(buf, remote[i], n))
			return PIECE_REMOTE;
	for (size_t i = 0; i < sizeof(onsite) / sizeof(onsite[0]); i++)
		if (strlen(onsite[i]) == n && ieq_n(buf, onsite[i], n))
			return PIECE_ONSITE;
	if (n == 6 && ieq_n(buf, "hybrid", 6))
		return PIECE_HYBRID;
	if ((*type = feed_employment_type(buf)))
		return PIECE_TYPE;
	return PIECE_OTHER;
}

static bool
piece_sep(const char *s, size_t *len)
{
	if (strchr("/,()[];+&", *s) && *s) {
		*len = 1;
		return true;
	}
	if (!strncmp(s, " or ", 4) || !strncmp(s, " OR ", 4)) {
		*len = 4;
		return true;
	}
	if (!strncmp(s, " and ", 5)) {
		*len = 5;
		return true;
	}
	return false;
}

/* Is the segment s a URL: http(s)://..., www...., or a bare domain with a path? */
static bool
is_url(const char *s)
{
	size_t n = strlen(s);

	if (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) || !strncmp(s, "www.", 4))
		return !strpbrk(s, " \t");
	return n > 4 && !strpbrk(s, " \t") && strchr(s, '.') && strchr(s, '/') &&
	       is_alpha(*s);
}

/* Classify seg and fold its flag and type words into h. */
static void
classify(struct segment *seg, struct header *h)
{
	const char *s = seg->text, *type = NULL;
	struct feed_salary sal;
	size_t i = 0, n = strlen(s), sl = 0;
	int pieces = 0, flags = 0;
	enum piece_kind first = PIECE_OTHER;

	if (is_url(s)) {
		seg->kind = SEG_URL;
		return;
	}
	for (;;) {
		size_t j = i, a = i;
		enum piece_kind k;
		const char *t = NULL;

		while (j < n && !piece_sep(s + j, &sl))
			j++;
		while (a < j && is_space(s[a]))
			a++;
		if (a < j) {
			k = piece_kind(s + a, j - a, &t);
			if (!pieces++)
				first = k;
			if (k != PIECE_OTHER)
				flags++;
			if (k == PIECE_TYPE && !type)
				type = t;
			if (k == PIECE_REMOTE)
				h->remote = true;
			if (k == PIECE_HYBRID)
				h->hybrid = true;
		}
		if (j >= n)
			break;
		i = j + sl;
	}
	seg->bare = pieces > 0 && flags == pieces;
	if (first == PIECE_TYPE)
		seg->kind = SEG_TYPE;
	else if (first == PIECE_REMOTE || first == PIECE_ONSITE || first == PIECE_HYBRID)
		seg->kind = SEG_FLAG;
	else if (feed_salary_parse(s, false, &sal))
		seg->kind = SEG_SALARY;
	else
		seg->kind = SEG_TEXT;
	if (seg->kind == SEG_SALARY && !h->have_salary) {
		h->salary = sal;
		h->have_salary = true;
	}
	if (type && !h->type)
		h->type = type;
}

/* Does s name a job (Engineer, Developer, SWE, ...)? */
static bool
has_role_word(const char *s)
{
	static const char *const prefixes[] = {
		"engineer", "develop", "designer", "manager", "scientist", "architect", "lead",
		"head of", "director", "analyst", "research", "programmer", "intern",
		"specialist", "consultant", "administrator", "operator", "marketer", "writer",
		"recruiter", "product", "sales", "support", "accountant", "officer", "associate",
		"coordinator", "technician", "frontend", "front-end", "backend", "back-end",
		"fullstack", "full-stack", "full stack", "staff", "senior", "junior",
		"principal", "founding", "hacker", "security", "tester", "representative",
		"executive", "counsel", "editor", "producer", "artist", "devops", "platform",
		"mobile", "android", "ios", "machine learning", "data ", "infrastructure",
		"roles", "positions", "multiple", "various", "generalist", "expert",
	};
	static const char *const words[] = {
		"swe", "sre", "dev", "devs", "ml", "ai", "qa", "vp", "cto", "ceo", "coo", "ops",
		"pm", "ux", "ui", "sde", "mle",
	};
	size_t n = strlen(s);

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (has_word(s, n, prefixes[i], true))
			return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (has_word(s, n, words[i], false))
			return true;
	return false;
}

/* Could s be where the job is (not a note such as "Visa sponsorship" or "DUTCH REQUIRED")? */
static bool
could_be_place(const char *s)
{
	static const char *const notes[] = {
		"visa", "sponsor", "required", "equity", "relocation", "hours", "hrs", "yc ",
		"series ", "funded", "salary", "benefits", "stack", "$", "%", "http",
		"interview", "apply", "email", "years", "experience",
	};
	size_t n = strlen(s);

	if (n > 80)
		return false;
	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++)
		if (find_ci(s, n, notes[i]))
			return false;
	return true;
}

static void
header_done(struct header *h)
{
	free(h->role);
	free(h->company);
	free(h->location);
	memset(h, 0, sizeof(*h));
}

/* Read the first line "Company | Role | Location | ..." into h (nothing when it has no '|'). */
static void
header_parse(const char *line, struct header *h)
{
	struct segment seg[SEGMENTS_MAX];
	size_t nseg = 0;
	const char *p = line;
	int role = -1, place = -1;

	memset(h, 0, sizeof(*h));
	if (!line || !strchr(line, '|'))
		return;
	while (nseg < SEGMENTS_MAX) {
		size_t n = strcspn(p, "|");
		char *t = trim_dup(p, n);

		if (t) {
			seg[nseg].text = t;
			seg[nseg].kind = SEG_TEXT;
			seg[nseg].bare = false;
			nseg++;
		}
		p += n;
		if (!*p)
			break;
		p++;
	}
	if (nseg < 2) {
		for (size_t i = 0; i < nseg; i++)
			free(seg[i].text);
		return;
	}
	for (size_t i = 1; i < nseg; i++)
		classify(&seg[i], h);
	/* The role: a segment naming a job; else a type that is one ("Intern"); else the
	 * first plain segment. */
	for (size_t i = 1; i < nseg && role < 0; i++)
		if (seg[i].kind == SEG_TEXT && has_role_word(seg[i].text))
			role = (int)i;
	for (size_t i = 1; i < nseg && role < 0; i++)
		if (seg[i].kind == SEG_TYPE && has_role_word(seg[i].text))
			role = (int)i;
	for (size_t i = 1; i < nseg && role < 0; i++)
		if (seg[i].kind == SEG_TEXT)
			role = (int)i;
	for (size_t i = 1; i < nseg && place < 0; i++)
		if (seg[i].kind == SEG_TEXT && (int)i != role && could_be_place(seg[i].text))
			place = (int)i;
	for (size_t i = 1; i < nseg && place < 0; i++)
		if (seg[i].kind == SEG_FLAG && !seg[i].bare && could_be_place(seg[i].text))
			place = (int)i;
	h->company = seg[0].text;
	seg[0].text = NULL;
	if (role >= 0) {
		h->role = seg[role].text;
		seg[role].text = NULL;
	}
	if (place >= 0) {
		h->location = seg[place].text;
		seg[place].text = NULL;
	}
	for (size_t i = 0; i < nseg; i++)
		free(seg[i].text);
}

/* ---- links --------------------------------------------------------------------------------- */

static bool
is_http(const char *s)
{
	return s && (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8));
}

/* The first http(s) link in a comment: an <a href>, else a URL written out in the text. */
static char *
first_link(const char *html)
{
	const char *p;
	char *text, *r = NULL;

	for (p = html; (p = strstr(p, "href=\"")); p++) {
		size_t n = strcspn(p + 6, "\"");
		char *raw = xstrndup(p + 6, n), *u = html_unescape(raw);

		free(raw);
		if (is_http(u))
			return u;
		free(u);
	}
	text = html_unescape(html);
	for (p = text; *p; p++) {
		if (is_http(p)) {
			size_t n = strcspn(p, " \t\r\n<>\"'");

			while (n && strchr(".,;:)]!?", p[n - 1]))
				n--;
			if (n > 8)
				r = xstrndup(p, n);
			break;
		}
	}
	free(text);
	return r;
}

/* "Justin.tv is looking for a Lead Flash Engineer!" -> "Justin.tv"; NULL when the title
 * does not say who is hiring. */
static char *
company_from_title(const char *t)
{
	static const char *const verbs[] = {
		" is hiring", " is looking", " are hiring", " is seeking", " seeks ", " wants ",
		" hiring ",
	};
	size_t n;

	if (!t)
		return NULL;
	n = strlen(t);
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		const char *v = find_ci(t, n, verbs[i]);
		size_t m;

		if (!v)
			continue;
		m = (size_t)(v - t);
		while (m && is_space(t[m - 1]))
			m--;
		if (m && t[m - 1] == ')') {	/* "Acme (YC S21) is hiring" */
			const char *o = memchr(t, '(', m);

			if (o)
				m = (size_t)(o - t);
		}
		while (m && is_space(t[m - 1]))
			m--;
		return m && m <= 80 ? xstrndup(t, m) : NULL;
	}
	return NULL;
}

/* ---- items --------------------------------------------------------------------------------- */

static int64_t
item_time(const cJSON *it)
{
	int64_t t = board_date(cJSON_GetObjectItemCaseSensitive(it, "created_at_i"));

	if (!t)
		t = board_date(cJSON_GetObjectItemCaseSensitive(it, "time"));
	if (!t)
		t = board_date(cJSON_GetObjectItemCaseSensitive(it, "created_at"));
	return t;
}

static char *
item_id(const cJSON *it)
{
	char *id = board_text(cJSON_GetObjectItemCaseSensitive(it, "id"));

	return id ? id : board_text(cJSON_GetObjectItemCaseSensitive(it, "objectID"));
}

/* A top-level comment: one posting, or skipped and counted when it was deleted. */
static enum jt_status
comment(const cJSON *it, struct feed_sink *sink, struct jt_err *err)
{
	const char *text = board_str(it, "text");
	struct header h;
	struct job job;
	char *line;

	if (!text)
		text = board_str(it, "comment_text");
	if (!text || board_true(cJSON_GetObjectItemCaseSensitive(it, "deleted")) ||
	    board_true(cJSON_GetObjectItemCaseSensitive(it, "dead"))) {
		sink->skipped++;
		return JT_OK;
	}
	job_init(&job);
	job.guid = item_id(it);
	if (job.guid)
		job.url = xasprintf("https://news.ycombinator.com/item?id=%s", job.guid);
	line = first_line(text);
	header_parse(line, &h);
	if (h.role) {
		job.title = h.role;
		h.role = NULL;
		free(line);
	} else {
		job.title = line;
	}
	job.company = h.company;
	job.location = h.location;
	h.company = h.location = NULL;
	job.remote = h.remote;
	job.hybrid = h.hybrid;
	if (h.type)
		job.employment_type = xstrdup(h.type);
	if (h.have_salary) {
		job.salary_min = h.salary.min;
		job.salary_max = h.salary.max;
		job.salary_currency = h.salary.currency ? xstrdup(h.salary.currency) : NULL;
		job.salary_period = xstrdup(h.salary.period);
	}
	header_done(&h);
	job.description_html = xstrdup(text);
	job.apply_url = first_link(text);
	job.posted = item_time(it);
	return feed_emit(sink, &job, err);
}

/* A story of type "job" (Firebase, or an Algolia item or hit). */
static enum jt_status
job_story(const cJSON *it, struct feed_sink *sink, struct jt_err *err)
{
	struct job job;
	const char *text = board_str(it, "text");

	if (!text)
		text = board_str(it, "story_text");
	job_init(&job);
	job.guid = item_id(it);
	if (job.guid)
		job.url = xasprintf("https://news.ycombinator.com/item?id=%s", job.guid);
	job.title = board_dup(it, "title");
	job.company = company_from_title(job.title);
	job.description_html = text ? xstrdup(text) : NULL;
	job.apply_url = board_dup(it, "url");
	if (!is_http(job.apply_url)) {
		free(job.apply_url);
		job.apply_url = text ? first_link(text) : NULL;
	}
	job.posted = item_time(it);
	return feed_emit(sink, &job, err);
}

/* Is the item's type t? */
static bool
type_is(const cJSON *it, const char *t)
{
	const char *s = board_str(it, "type");

	return s && !strcmp(s, t);
}

/* Does the Algolia hit carry the tag t in "_tags"? */
static bool
tagged(const cJSON *it, const char *t)
{
	const cJSON *tags = cJSON_GetObjectItemCaseSensitive(it, "_tags"), *e;

	if (!cJSON_IsArray(tags))
		return false;
	cJSON_ArrayForEach(e, tags)
		if (cJSON_IsString(e) && e->valuestring && !strcmp(e->valuestring, t))
			return true;
	return false;
}

/* ---- the three shapes ---------------------------------------------------------------------- */

/* Algolia search: "hits"; top-level comments are the hits whose parent is the story. */
static enum jt_status
search(struct board_val root, struct board_val hits, struct feed_sink *sink,
       struct jt_err *err)
{
	static const char *const skip[] = { "_highlightResult", "children", NULL };
	struct board_val v;
	const char *cur = NULL;
	enum jt_status rc = JT_OK;
	cJSON *page, *pages;

	while (rc == JT_OK && board_element_next(hits, &cur, &v)) {
		cJSON *it = board_object(v, skip);
		const cJSON *parent, *story;

		if (!it) {
			sink->skipped++;
			continue;
		}
		parent = cJSON_GetObjectItemCaseSensitive(it, "parent_id");
		story = cJSON_GetObjectItemCaseSensitive(it, "story_id");
		if (!sink->title && board_str(it, "story_title"))
			sink->title = feed_line(board_str(it, "story_title"), JOB_TITLE_MAX);
		if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "comment_text")) ||
		    tagged(it, "comment")) {
			if (!(cJSON_IsNumber(parent) && cJSON_IsNumber(story) &&
			      parent->valuedouble != story->valuedouble))
				rc = comment(it, sink, err);	/* else a reply: no posting */
		} else if (tagged(it, "job") || type_is(it, "job")) {
			rc = job_story(it, sink, err);
		}
		cJSON_Delete(it);
	}
	/* The next page while there is one. */
	if (rc == JT_OK && !sink->next_url && board_member(root, "page", &v) &&
	    (page = board_value(v))) {
		if (board_member(root, "nbPages", &v) && (pages = board_value(v))) {
			if (cJSON_IsNumber(page) && cJSON_IsNumber(pages) &&
			    page->valuedouble >= 0 && page->valuedouble + 1 < pages->valuedouble &&
			    pages->valuedouble < 100000) {
				char num[32];

				snprintf(num, sizeof(num), "%d", (int)page->valuedouble + 1);
				sink->next_url = board_url_param(sink->url, "page", num, NULL);
			}
			cJSON_Delete(pages);
		}
		cJSON_Delete(page);
	}
	return rc;
}

/* Algolia item: the story's direct children are the postings; theirs are replies. */
static enum jt_status
thread(struct board_val root, struct board_val children, struct feed_sink *sink,
       struct jt_err *err)
{
	static const char *const skip[] = { "children", NULL };
	cJSON *story = board_object(root, skip);
	struct board_val v;
	const char *cur = NULL;
	enum jt_status rc = JT_OK;

	if (type_is(story, "comment")) {	/* a single comment's URL */
		rc = comment(story, sink, err);
		cJSON_Delete(story);
		return rc;
	}
	if (type_is(story, "job")) {
		rc = job_story(story, sink, err);
		cJSON_Delete(story);
		return rc;
	}
	if (!sink->title && board_str(story, "title"))
		sink->title = feed_line(board_str(story, "title"), JOB_TITLE_MAX);
	cJSON_Delete(story);
	while (rc == JT_OK && board_element_next(children, &cur, &v)) {
		cJSON *it = board_object(v, skip);

		if (it)
			rc = comment(it, sink, err);
		else
			sink->skipped++;
		cJSON_Delete(it);
	}
	return rc;
}

/* Firebase: one item. */
static enum jt_status
single(struct board_val root, struct feed_sink *sink, struct jt_err *err)
{
	static const char *const skip[] = { "kids", NULL };
	cJSON *it = board_object(root, skip);
	enum jt_status rc = JT_OK;

	if (board_true(cJSON_GetObjectItemCaseSensitive(it, "deleted")) ||
	    board_true(cJSON_GetObjectItemCaseSensitive(it, "dead")))
		sink->skipped++;
	else if (type_is(it, "job"))
		rc = job_story(it, sink, err);
	else if (type_is(it, "comment"))
		rc = comment(it, sink, err);
	else if (type_is(it, "story") || type_is(it, "poll"))
		rc = jt_fail(err, JT_ERR_FORMAT, "a Hacker News story without its comments: "
			     "read it through https://hn.algolia.com/api/v1/items/ID");
	else
		rc = jt_fail(err, JT_ERR_FORMAT,
			     "JSON that is not a Hacker News item or search result");
	cJSON_Delete(it);
	return rc;
}

enum jt_status
feed_parse_hackernews(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	struct board_doc doc;
	struct board_val v;
	enum jt_status rc = board_doc_open(&doc, in, err);

	if (rc != JT_OK)
		return rc;
	if (board_kind(doc.root) != '{')
		rc = jt_fail(err, JT_ERR_FORMAT,
			     "JSON that is not an object, so not a Hacker News item");
	else if (board_member(doc.root, "hits", &v) && board_kind(v) == '[')
		rc = search(doc.root, v, sink, err);
	else if (board_member(doc.root, "children", &v) && board_kind(v) == '[')
		rc = thread(doc.root, v, sink, err);
	else
		rc = single(doc.root, sink, err);
	board_doc_done(&doc);
	return rc;
}

bool
feed_sniff_hackernews(const char *head, size_t len)
{
	if (board_head_first(head, len) != '{')
		return false;
	return board_head_has(head, len, "\"story_id\"") ||
	       (board_head_has(head, len, "\"children\"") &&
		board_head_has(head, len, "\"author\"")) ||
	       (board_head_has(head, len, "\"hits\"") &&
		board_head_has(head, len, "\"comment_text\"")) ||
	       (board_head_has(head, len, "\"by\"") &&
		(board_head_has(head, len, "\"kids\"") ||
		 board_head_has(head, len, "\"descendants\"") ||
		 board_head_has(head, len, "\"time\"")));
}

char *
feed_api_hackernews(const char *url)
{
	const char *q;
	char *end;
	long long id;

	/* https://news.ycombinator.com/item?id=N -> https://hn.algolia.com/api/v1/items/N */
	if (!feed_url_host_is(url, "news.ycombinator.com") || !(q = strstr(url, "/item?")))
		return NULL;
	q += 6;
	while (*q && strncmp(q, "id=", 3)) {
		q += strcspn(q, "&#");
		if (*q != '&')
			return NULL;
		q++;
	}
	if (!*q || q[3] < '0' || q[3] > '9')
		return NULL;
	errno = 0;
	id = strtoll(q + 3, &end, 10);
	if (errno || id <= 0 || (*end && *end != '&' && *end != '#'))
		return NULL;
	return xasprintf("https://hn.algolia.com/api/v1/items/%lld", id);
}
