/*
 * The table of feed formats and what every parser shares: detecting a document's format,
 * the sink, reading an input, and feed_emit(), which finishes each posting the same way
 * whatever its format (text repaired and capped, the description rendered, company,
 * location, remote and salary read from text when the feed gave no field for them).
 *
 * Must never parse a format itself (each lives in net/feed_<name>.c), touch the network or
 * the database, or keep state outside the sink it is given. Adding a format is one file
 * with its parse function and one row in FEED_FORMATS below.
 */
#include "config.h"
#include "net/feed.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/html.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

/* ---- the format table --------------------------------------------------------------------- */

enum feed_family {
	FAMILY_XML,		/* the document starts with '<' */
	FAMILY_JSON,		/* the document starts with '{' or '[' */
};

static bool sniff_rss(const char *head, size_t len);
static bool sniff_atom(const char *head, size_t len);
static bool sniff_jsonfeed(const char *head, size_t len);
static bool looks_html(const char *head, size_t len);

/*
 * One row per format: name, parse function, content family, hosts whose feeds are in this
 * format (space-separated, matched with subdomains), path endings that name it (space-
 * separated, case-insensitive), a sniffer of the document's first bytes (or NULL), the
 * function that turns a URL a user copied (a board's web page) into the URL to download (or
 * NULL when the URL is downloaded as it is), and the fewest seconds between two refreshes
 * that the board asks for (0: no limit).
 * Path endings are tried for every row before hosts are, so hnrss.org/x.jsonfeed is JSON,
 * except that the hosts of rows without path endings (board APIs) come first, so
 * hacker-news.firebaseio.com/v0/item/1.json is not taken for JSON Feed.
 */
#define FEED_FORMATS(_) \
	_(rss, feed_parse_rss, FAMILY_XML, "hnrss.org weworkremotely.com", \
	  ".rss .xml /rss /rss/ /feed /feed/ .rdf", sniff_rss, NULL, 0) \
	_(atom, feed_parse_rss, FAMILY_XML, "", ".atom", sniff_atom, NULL, 0) \
	_(jsonfeed, feed_parse_jsonfeed, FAMILY_JSON, "", \
	  "feed.json .json .jsonfeed", sniff_jsonfeed, NULL, 0) \
	_(remoteok, feed_parse_remoteok, FAMILY_JSON, "remoteok.com remoteok.io", "", \
	  feed_sniff_remoteok, feed_api_remoteok, 0) \
	_(remotive, feed_parse_remotive, FAMILY_JSON, "remotive.com remotive.io", "", \
	  feed_sniff_remotive, feed_api_remotive, 6 * 3600) \
	_(arbeitnow, feed_parse_arbeitnow, FAMILY_JSON, "arbeitnow.com", "", \
	  feed_sniff_arbeitnow, feed_api_arbeitnow, 0) \
	_(himalayas, feed_parse_himalayas, FAMILY_JSON, "himalayas.app", "", \
	  feed_sniff_himalayas, feed_api_himalayas, 0) \
	_(jobicy, feed_parse_jobicy, FAMILY_JSON, "jobicy.com", "", \
	  feed_sniff_jobicy, feed_api_jobicy, 3600) \
	_(hackernews, feed_parse_hackernews, FAMILY_JSON, \
	  "hn.algolia.com news.ycombinator.com hacker-news.firebaseio.com", "", \
	  feed_sniff_hackernews, feed_api_hackernews, 0) \
	_(jsonld, feed_parse_jsonld, FAMILY_XML, "", "", looks_html, NULL, 0) \
	_(greenhouse, feed_parse_greenhouse, FAMILY_JSON, \
	  "boards-api.greenhouse.io boards.greenhouse.io job-boards.greenhouse.io", "", \
	  feed_sniff_greenhouse, feed_api_greenhouse, 0) \
	_(lever, feed_parse_lever, FAMILY_JSON, \
	  "api.lever.co api.eu.lever.co jobs.lever.co jobs.eu.lever.co", "", \
	  feed_sniff_lever, feed_api_lever, 0) \
	_(ashby, feed_parse_ashby, FAMILY_JSON, "api.ashbyhq.com jobs.ashbyhq.com", "", \
	  feed_sniff_ashby, feed_api_ashby, 0) \
	_(smartrecruiters, feed_parse_smartrecruiters, FAMILY_JSON, \
	  "api.smartrecruiters.com jobs.smartrecruiters.com careers.smartrecruiters.com", "", \
	  feed_sniff_smartrecruiters, feed_api_smartrecruiters, 0) \
	_(recruitee, feed_parse_recruitee, FAMILY_JSON, "recruitee.com", "", \
	  feed_sniff_recruitee, feed_api_recruitee, 0) \
	_(workable, feed_parse_workable, FAMILY_JSON, "apply.workable.com", "", \
	  feed_sniff_workable, feed_api_workable, 0) \
	_(personio, feed_parse_personio, FAMILY_XML, "jobs.personio.de jobs.personio.com", "", \
	  feed_sniff_personio, feed_api_personio, 0)

struct feed_format {
	const char *name;
	feed_parse_fn *parse;
	enum feed_family family;
	const char *hosts;
	const char *suffixes;
	bool (*sniff)(const char *head, size_t len);
	char *(*api_url)(const char *url);
	long min_interval;
};

#define FORMAT_NAME(name, parse, family, hosts, suffixes, sniff, api, interval) #name,
const char *const feed_format_names[] = {
	FEED_FORMATS(FORMAT_NAME)
	NULL
};
#undef FORMAT_NAME

#define FORMAT_ROW(name, parse, family, hosts, suffixes, sniff, api, interval) \
	{ #name, parse, family, hosts, suffixes, sniff, api, interval },
static const struct feed_format formats[] = {
	FEED_FORMATS(FORMAT_ROW)
};
#undef FORMAT_ROW

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

/* Boards whose every posting is remote. */
static const char *const remote_boards[] = {
	"weworkremotely.com", "remotive.com", "remoteok.com", "remoteok.io", "jobspresso.co",
	"jobicy.com", "himalayas.app", "workingnomads.com", "remote.co",
};

static const struct feed_format *
format_find(const char *name)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (!strcmp(formats[i].name, name))
			return &formats[i];
	return NULL;
}

bool
feed_format_known(const char *name)
{
	return name && format_find(name);
}

/* ---- small string helpers ------------------------------------------------------------------ */

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Case-insensitive (ASCII) comparison of n bytes. */
static bool
ieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

/* Does the word list `list` (space-separated) hold a word that ends s[0..n)? */
static bool
ends_with_any(const char *s, size_t n, const char *list)
{
	while (*list) {
		size_t w = strcspn(list, " ");

		if (w && w <= n && ieq(s + n - w, list, w))
			return true;
		list += w;
		while (*list == ' ')
			list++;
	}
	return false;
}

/* Host and path of url, borrowed from it (not terminated): false when it has no host. */
static bool
url_split(const char *url, const char **host, size_t *hostlen, const char **path,
	  size_t *pathlen)
{
	const char *p = url ? strstr(url, "://") : NULL;
	const char *h, *e, *at, *colon;

	if (!p)
		return false;
	h = p + 3;
	e = h + strcspn(h, "/?#");
	for (at = h; at < e && *at != '@'; at++)
		;
	if (at < e)
		h = at + 1;
	colon = h;
	if (*colon == '[')	/* an IPv6 literal keeps its colons */
		while (colon < e && *colon != ']')
			colon++;
	while (colon < e && *colon != ':')
		colon++;
	*host = h;
	*hostlen = (size_t)(colon - h);
	*path = e;
	*pathlen = *e == '/' ? strcspn(e, "?#") : 0;
	return *hostlen > 0;
}

static bool
host_is(const char *host, size_t n, const char *domain)
{
	size_t d = strlen(domain);

	while (n && host[n - 1] == '.')
		n--;
	if (n == d)
		return ieq(host, domain, d);
	return n > d && host[n - d - 1] == '.' && ieq(host + n - d, domain, d);
}

bool
feed_url_host_is(const char *url, const char *domain)
{
	const char *host, *path;
	size_t hostlen, pathlen;

	return url_split(url, &host, &hostlen, &path, &pathlen) && host_is(host, hostlen, domain);
}

static bool
host_in_list(const char *host, size_t n, const char *list)
{
	char word[256];

	while (*list) {
		size_t w = strcspn(list, " ");

		if (w && w < sizeof(word)) {
			memcpy(word, list, w);
			word[w] = '\0';
			if (host_is(host, n, word))
				return true;
		}
		list += w;
		while (*list == ' ')
			list++;
	}
	return false;
}

/* ---- detection ----------------------------------------------------------------------------- */

/* Skip a UTF-8 byte order mark and white space. */
static size_t
skip_bom_ws(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && is_space(s[i]))
		i++;
	return i;
}

/* Skip past the first occurrence of `end` in s[i..len); len when it is not there. */
static size_t
skip_past(const char *s, size_t i, size_t len, const char *end)
{
	size_t n = strlen(end);

	for (; i + n <= len; i++)
		if (!memcmp(s + i, end, n))
			return i + n;
	return len;
}

/*
 * The name of the root element of an XML (or HTML) document from its first bytes: skips the
 * XML declaration, processing instructions, comments and a DOCTYPE (setting *doctype_html when
 * it says html). Copies the name (with its prefix) into name; false when the head ends first.
 */
static bool
xml_root(const char *s, size_t len, char *name, size_t size, bool *doctype_html)
{
	size_t i = skip_bom_ws(s, len), n = 0;

	*doctype_html = false;
	while (i < len) {
		if (s[i] != '<')
			return false;
		if (i + 1 < len && s[i + 1] == '?') {
			i = skip_past(s, i, len, "?>");
		} else if (i + 3 < len && !memcmp(s + i, "<!--", 4)) {
			i = skip_past(s, i, len, "-->");
		} else if (i + 1 < len && s[i + 1] == '!') {
			size_t j = i + 2;

			if (j + 7 <= len && ieq(s + j, "doctype", 7)) {
				j += 7;
				while (j < len && is_space(s[j]))
					j++;
				if (j + 4 <= len && ieq(s + j, "html", 4) &&
				    (j + 4 == len || !is_alnum(s[j + 4])))
					*doctype_html = true;
			}
			for (; j < len && s[j] != '>'; j++)
				if (s[j] == '[')
					j = skip_past(s, j, len, "]") - 1;
			i = j + 1;
		} else {
			break;
		}
		while (i < len && is_space(s[i]))
			i++;
	}
	if (i >= len || s[i] != '<')
		return false;
	for (i++; i < len && n + 1 < size; i++) {
		if (is_space(s[i]) || s[i] == '>' || s[i] == '/')
			break;
		name[n++] = s[i];
	}
	name[n] = '\0';
	return n > 0 && i < len;
}

/* The part of an element name after its prefix. */
static const char *
local_name(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static bool
sniff_rss(const char *head, size_t len)
{
	char name[64];
	bool doctype_html;

	if (!xml_root(head, len, name, sizeof(name), &doctype_html))
		return false;
	return !strcmp(name, "rss") || !strcmp(local_name(name), "RDF");
}

static bool
sniff_atom(const char *head, size_t len)
{
	char name[64];
	bool doctype_html;

	return xml_root(head, len, name, sizeof(name), &doctype_html) &&
	       !strcmp(local_name(name), "feed");
}

/* Find needle in s[0..len). */
static const char *
memfind(const char *s, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(s + i, needle, n))
			return s + i;
	return NULL;
}

static bool
sniff_jsonfeed(const char *head, size_t len)
{
	size_t i = skip_bom_ws(head, len);
	const char *v;

	if (i >= len || head[i] != '{')
		return false;
	v = memfind(head, len, "\"version\"");
	if (v) {
		const char *e = memchr(v, '\n', len - (size_t)(v - head));
		size_t rest = e ? (size_t)(e - v) : len - (size_t)(v - head);

		if (rest > 80)
			rest = 80;
		if (memfind(v, rest, "jsonfeed.org"))
			return true;
	}
	/* The version may come after a long title: an "items" array with JSON Feed's keys. */
	return memfind(head, len, "\"items\"") &&
	       (memfind(head, len, "\"content_html\"") || memfind(head, len, "\"content_text\"") ||
		memfind(head, len, "\"date_published\""));
}

/* True when the first bytes are an HTML page. */
static bool
looks_html(const char *head, size_t len)
{
	static const char *const tags[] = {
		"html", "head", "body", "meta", "title", "div", "script", "link", "style",
		"noscript", "p", "table", "form", "span", "a", "h1", "br",
	};
	char name[64];
	bool doctype_html = false;

	if (!xml_root(head, len, name, sizeof(name), &doctype_html))
		return doctype_html;
	if (doctype_html)
		return true;
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strlen(name) == strlen(tags[i]) && ieq(name, tags[i], strlen(name)))
			return true;
	return false;
}

/* A short printable-ASCII excerpt of the start of head, for error messages. */
static void
excerpt(const char *head, size_t len, char *out, size_t size)
{
	size_t i = skip_bom_ws(head, len), n = 0;

	for (; i < len && n + 4 < size && n < 24; i++) {
		unsigned char c = (unsigned char)head[i];

		if (c == '\n' || c == '\r')
			break;
		out[n++] = c >= 0x20 && c < 0x7f && c != '"' ? (char)c : '?';
	}
	if (i < len && n + 4 < size)
		for (int k = 0; k < 3; k++)
			out[n++] = '.';
	out[n] = '\0';
}

const char *
feed_detect(const char *forced, const char *url, const char *head, size_t len,
	    struct jt_err *err)
{
	const char *host, *path;
	size_t hostlen, pathlen, start;
	bool have_url, html;
	enum feed_family family;
	char ex[40];

	if (!head)
		len = 0;
	start = skip_bom_ws(head, len);
	if (forced && *forced) {
		const struct feed_format *f = format_find(forced);
		bool xml = start < len && head[start] == '<';
		bool json = start < len && (head[start] == '{' || head[start] == '[');

		if (!f) {
			excerpt(forced, strlen(forced), ex, sizeof(ex));
			jt_fail(err, JT_ERR_USAGE, "unknown feed format \"%s\"", ex);
			return NULL;
		}
		/* Said plainly, rather than as the parser's complaint about the first byte (jsonld
		 * reads JSON-LD served bare as well as HTML pages). */
		if ((f->family == FAMILY_JSON && xml) ||
		    (f->family == FAMILY_XML && json && strcmp(f->name, "jsonld"))) {
			jt_fail(err, JT_ERR_FORMAT, "read as %s (its configured format), but it is %s",
				f->name, xml ? "XML or HTML" : "JSON");
			return NULL;
		}
		return f->name;
	}
	if (start >= len) {
		jt_fail(err, JT_ERR_FORMAT, "empty document");
		return NULL;
	}
	family = head[start] == '<' ? FAMILY_XML : FAMILY_JSON;
	html = looks_html(head, len);
	have_url = url_split(url, &host, &hostlen, &path, &pathlen);
	if (have_url && !html && (head[start] == '<' || head[start] == '{' || head[start] == '[')) {
		for (size_t i = 0; i < NFORMATS; i++)
			if (formats[i].family == family && !*formats[i].suffixes &&
			    host_in_list(host, hostlen, formats[i].hosts))
				return formats[i].name;
		for (size_t i = 0; i < NFORMATS; i++)
			if (formats[i].family == family &&
			    ends_with_any(path, pathlen, formats[i].suffixes))
				return formats[i].name;
		for (size_t i = 0; i < NFORMATS; i++)
			if (formats[i].family == family &&
			    host_in_list(host, hostlen, formats[i].hosts))
				return formats[i].name;
	}
	/* An HTML page is sniffed as jsonld, whose parser tells when it has no job data. */
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i].sniff && formats[i].sniff(head, len))
			return formats[i].name;
	excerpt(head, len, ex, sizeof(ex));
	jt_fail(err, JT_ERR_FORMAT, "not a feed jobterm can read (starts with \"%s\")", ex);
	return NULL;
}

const char *
feed_detect_url(const char *url)
{
	const char *host, *path;
	size_t hostlen, pathlen;

	if (!url_split(url, &host, &hostlen, &path, &pathlen))
		return NULL;
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i].api_url && host_in_list(host, hostlen, formats[i].hosts))
			return formats[i].name;
	return NULL;
}

char *
feed_fetch_url(const char *format, const char *url)
{
	const struct feed_format *f = format ? format_find(format) : NULL;
	char *api;

	if (!f && (format = feed_detect_url(url)))
		f = format_find(format);
	if (f && f->api_url && (api = f->api_url(url)))
		return api;
	return xstrdup(url);
}

long
feed_min_interval(const char *format)
{
	const struct feed_format *f = format ? format_find(format) : NULL;

	return f ? f->min_interval : 0;
}

enum jt_status
feed_parse(const char *name, const struct feed_input *in, struct feed_sink *sink,
	   struct jt_err *err)
{
	const struct feed_format *f = name ? format_find(name) : NULL;
	enum jt_status rc;

	if (!f)
		return jt_fail(err, JT_ERR_USAGE, "unknown feed format");
	jt_err_clear(err);
	rc = f->parse(in, sink, err);
	if (rc != JT_OK && err && !err->msg[0])
		jt_fail(err, rc, "%s", jt_status_str(rc));
	return rc;
}

/* ---- the sink and inputs ------------------------------------------------------------------- */

void
feed_sink_init(struct feed_sink *sink, const char *url)
{
	memset(sink, 0, sizeof(*sink));
	sink->url = url;
	for (size_t i = 0; i < sizeof(remote_boards) / sizeof(remote_boards[0]); i++)
		if (feed_url_host_is(url, remote_boards[i]))
			sink->remote_board = true;
}

void
feed_sink_done(struct feed_sink *sink)
{
	free(sink->title);
	free(sink->next_url);
	sink->title = NULL;
	sink->next_url = NULL;
}

enum jt_status
feed_input_slurp(const struct feed_input *in, size_t cap, const char **buf, size_t *len,
		 char **owned, struct jt_err *err)
{
	char *b = NULL;
	size_t n = 0, alloc = 0;
	off_t off = 0;
	bool seekable = true;

	*owned = NULL;
	if (in->buf) {
		if (in->len > cap)
			return jt_fail(err, JT_ERR_TOOBIG, "document larger than %zu MB",
				       cap / (1024 * 1024));
		*buf = in->buf;
		*len = in->len;
		return JT_OK;
	}
	for (;;) {
		ssize_t r;

		if (alloc - n < 65536 + 1) {
			alloc = alloc ? alloc * 2 : 256 * 1024;
			if (alloc > cap + 65536 + 1)
				alloc = cap + 65536 + 1;
			b = xrealloc(b, alloc);
		}
		r = seekable ? pread(in->fd, b + n, 65536, off) : read(in->fd, b + n, 65536);
		if (r < 0 && seekable && errno == ESPIPE) {
			seekable = false;
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;

			free(b);
			return jt_fail(err, JT_ERR_IO, "cannot read the document: %s", strerror(e));
		}
		if (r == 0)
			break;
		n += (size_t)r;
		off += r;
		if (n > cap) {
			free(b);
			return jt_fail(err, JT_ERR_TOOBIG, "document larger than %zu MB",
				       cap / (1024 * 1024));
		}
	}
	if (!b)
		b = xmalloc(1);
	b[n] = '\0';
	*owned = b;
	*buf = b;
	*len = n;
	return JT_OK;
}

/* ---- finishing a posting: text ------------------------------------------------------------- */

/* Cut the valid UTF-8 string *s to at most max bytes, ending with an ellipsis when cut. */
static void
cap_len(char *s, size_t max)
{
	size_t n = strlen(s), cut;

	if (n <= max)
		return;
	cut = max - (sizeof(TEXT_ELLIPSIS) - 1);
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	memcpy(s + cut, TEXT_ELLIPSIS, sizeof(TEXT_ELLIPSIS));
}

/* Replace *p by q (which may be NULL), freeing the old one. */
static void
set(char **p, char *q)
{
	free(*p);
	*p = q;
}

/* Valid UTF-8, squeezed and trimmed, NULL when empty. */
static char *
clean_line(const char *s)
{
	char *r, *q;

	if (!s)
		return NULL;
	r = text_utf8_repair(s, strlen(s), NULL);
	q = text_squeeze(r);
	free(r);
	if (q && !*q) {
		free(q);
		q = NULL;
	}
	return q;
}

/* A one-line text field: entities decoded once, valid UTF-8, squeezed, capped. */
static void
finish_line(char **p, size_t max)
{
	char *s;

	if (!*p)
		return;
	s = clean_line(*p);
	if (s && strchr(s, '&')) {
		char *u = html_unescape(s);

		free(s);
		s = clean_line(u);
		free(u);
	}
	if (s)
		cap_len(s, max);
	set(p, s);
}

char *
feed_line(const char *s, size_t max)
{
	char *r = s ? xstrdup(s) : NULL;

	finish_line(&r, max);
	return r;
}

static bool
has_scheme(const char *s)
{
	const char *p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while (is_alnum(*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	return *p == ':';
}

/* ref made absolute against base, or NULL when it already is or cannot be. */
static char *
resolve(const char *base, const char *ref)
{
	CURLU *u;
	char *out = NULL, *r = NULL;

	if (!base || !*ref || has_scheme(ref) || !(u = curl_url()))
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, base, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, ref, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &out, 0) == CURLUE_OK) {
		r = xstrdup(out);
		curl_free(out);
	}
	curl_url_cleanup(u);
	return r;
}

static void
finish_url(char **p, const char *base)
{
	char *s, *abs;

	if (!*p)
		return;
	s = clean_line(*p);
	if (s && (abs = resolve(base, s))) {
		free(s);
		s = abs;
	}
	if (s)
		cap_len(s, JOB_FIELD_MAX);
	set(p, s);
}

/* FNV-1a, for ids of postings that have none. */
static uint64_t
fnv(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0x1f) * 0x100000001b3ULL;
}

static char *
hash_id(const char *a, const char *b)
{
	uint64_t h = fnv(fnv(0xcbf29ce484222325ULL, a), b);

	return xasprintf("hash:%016llx", (unsigned long long)h);
}

/* Trim each comma-separated tag, drop empty and repeated ones, join with ", ". */
static void
finish_tags(char **p)
{
	struct strbuf sb;
	char *s, *q;

	if (!*p)
		return;
	s = clean_line(*p);
	if (!s) {
		set(p, NULL);
		return;
	}
	if (strchr(s, '&')) {
		char *u = html_unescape(s);

		free(s);
		s = clean_line(u);
		free(u);
		if (!s) {
			set(p, NULL);
			return;
		}
	}
	strbuf_init(&sb, 0);
	for (q = s; *q;) {
		size_t n = strcspn(q, ","), a = 0, e = n;

		while (a < e && (q[a] == ' '))
			a++;
		while (e > a && q[e - 1] == ' ')
			e--;
		if (e > a) {
			bool dup = false;
			const char *t = strbuf_str(&sb);

			while (*t && !dup) {
				size_t m = strcspn(t, ",");

				dup = m == e - a && !memcmp(t, q + a, m);
				t += m;
				while (*t == ',' || *t == ' ')
					t++;
			}
			if (!dup) {
				if (sb.len)
					strbuf_adds(&sb, ", ");
				strbuf_add(&sb, q + a, e - a);
			}
		}
		q += n;
		if (*q == ',')
			q++;
	}
	free(s);
	s = sb.len ? strbuf_detach(&sb, NULL) : NULL;
	strbuf_done(&sb);
	if (s)
		cap_len(s, JOB_FIELD_MAX);
	set(p, s);
}

/* Valid UTF-8 with leading and trailing white space removed; NULL when nothing is left. */
static char *
clean_block(const char *s)
{
	char *r;
	size_t n, a = 0;

	if (!s)
		return NULL;
	r = text_utf8_repair(s, strlen(s), &n);
	while (a < n && is_space(r[a]))
		a++;
	while (n > a && is_space(r[n - 1]))
		n--;
	if (n == a) {
		free(r);
		return NULL;
	}
	memmove(r, r + a, n - a);
	r[n - a] = '\0';
	return r;
}

static void
finish_description(struct job *job)
{
	char *html = clean_block(job->description_html);
	char *text = clean_block(job->description_text);

	if (html && html_is_escaped(html)) {
		char *u = html_unescape(html);

		free(html);
		html = clean_block(u);
		free(u);
	}
	if (html)
		cap_len(html, JOB_HTML_MAX);
	if (text && strchr(text, '&')) {
		char *u = html_unescape(text);

		free(text);
		text = clean_block(u);
		free(u);
	}
	if (!text && html) {
		char *t = html_to_text(html, strlen(html));

		text = clean_block(t);
		free(t);
	}
	if (text)
		cap_len(text, JOB_HTML_MAX);
	set(&job->description_html, html);
	set(&job->description_text, text);
}

/* ---- finishing a posting: words ------------------------------------------------------------ */

/* The code point that ends just before s + i (s[0..i) is valid UTF-8); 0 at the start. */
static uint32_t
cp_before(const char *s, size_t i)
{
	size_t j = i;
	uint32_t cp;

	if (!i)
		return 0;
	j--;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 4)
		j--;
	text_utf8_decode(s + j, i - j, &cp);
	return cp;
}

static uint32_t
cp_at(const char *s)
{
	uint32_t cp;

	if (!*s)
		return 0;
	text_utf8_decode(s, strnlen(s, 4), &cp);
	return cp;
}

/* Is cp part of a word (a letter or digit, roughly: punctuation and symbols are not)? */
static bool
word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return is_alnum((char)cp);
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return false;
	if (cp >= 0x2000 && cp <= 0x2BFF)	/* punctuation, symbols, arrows, shapes */
		return false;
	if (cp >= 0x3000 && cp <= 0x303F)	/* CJK punctuation */
		return false;
	return cp != 0xFEFF && cp != 0xFFFD;
}

/* Is s[i..i+n) a whole word of s? */
static bool
whole_word(const char *s, size_t i, size_t n)
{
	return !word_cp(cp_before(s, i)) && !word_cp(cp_at(s + i + n));
}

/* Is the word at s + i negated by "non-", "not " or "no " just before it? */
static bool
negated(const char *s, size_t i)
{
	static const char *const neg[] = { "non-", "non ", "not ", "no " };

	for (size_t k = 0; k < sizeof(neg) / sizeof(neg[0]); k++) {
		size_t n = strlen(neg[k]);

		if (i >= n && ieq(s + i - n, neg[k], n) && (i == n || !is_alnum(s[i - n - 1])))
			return true;
	}
	return false;
}

/* Find the word w in s (case-insensitive, whole word, not negated); spaces in w match any run
 * of spaces or hyphens. */
static bool
has_word(const char *s, const char *w)
{
	for (size_t i = 0; s[i]; i++) {
		size_t a = i, b = 0;

		if (lower(s[i]) != w[0])
			continue;
		while (w[b]) {
			if (w[b] == ' ') {
				if (s[a] != ' ' && s[a] != '-')
					break;
				while (s[a] == ' ' || s[a] == '-')
					a++;
				b++;
			} else if (lower(s[a]) == w[b]) {
				a++;
				b++;
			} else {
				break;
			}
		}
		if (!w[b] && whole_word(s, i, a - i) && !negated(s, i))
			return true;
	}
	return false;
}

void
feed_remote_words(const char *s, bool *remote, bool *hybrid)
{
	static const char *const words[] = {
		"remote", "anywhere", "telecommute", "wfh", "work from home",
	};

	if (!s)
		return;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (has_word(s, words[i]))
			*remote = true;
	if (has_word(s, "hybrid"))
		*hybrid = true;
}

/* A trimmed copy of s[0..n). */
static char *
trimmed(const char *s, size_t n)
{
	while (n && is_space(*s)) {
		s++;
		n--;
	}
	while (n && is_space(s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* Is s (n bytes) equal to the company name c, ignoring ASCII case and outer space? */
static bool
same_name(const char *s, size_t n, const char *c)
{
	size_t m;

	while (n && is_space(*s)) {
		s++;
		n--;
	}
	while (n && is_space(s[n - 1]))
		n--;
	while (is_space(*c))
		c++;
	m = strlen(c);
	while (m && is_space(c[m - 1]))
		m--;
	return n == m && n && ieq(s, c, n);
}

bool
feed_title_split(struct job *job)
{
	const char *t = job->title, *open = NULL, *at = NULL;
	size_t n, rest, role;
	bool have_company = job->company && *job->company;
	char *company, *location = NULL;

	if (!t)
		return false;
	n = strlen(t);
	while (n && is_space(t[n - 1]))
		n--;
	rest = n;
	if (n && t[n - 1] == ')') {
		int depth = 0;

		for (size_t i = n; i-- > 0;) {
			if (t[i] == ')')
				depth++;
			else if (t[i] == '(' && --depth == 0) {
				open = t + i;
				break;
			}
		}
		if (open)
			rest = (size_t)(open - t);
	}
	for (size_t i = 0; i + 4 <= rest; i++)
		if (!memcmp(t + i, " at ", 4) || !memcmp(t + i, " @ ", 3))
			at = t + i;
	if (!at)
		return false;
	role = (size_t)(at - t);
	at += at[1] == '@' ? 3 : 4;
	if (have_company) {
		if (!same_name(at, rest - (size_t)(at - t), job->company))
			return false;
	} else {
		size_t cn = rest - (size_t)(at - t);

		while (cn && is_space(at[cn - 1]))
			cn--;
		while (cn && is_space(*at)) {
			at++;
			cn--;
		}
		if (!cn || cn > 100 || (*at >= 'a' && *at <= 'z') || memchr(at, ':', cn))
			return false;
	}
	while (role && is_space(t[role - 1]))
		role--;
	if (role < 2)
		return false;
	company = trimmed(at, rest - (size_t)(at - t));
	if (open)
		location = trimmed(open + 1, n - (size_t)(open - t) - 2);
	if (!have_company)
		set(&job->company, company);
	else
		free(company);
	if (location && *location && !(job->location && *job->location))
		set(&job->location, location);
	else
		free(location);
	set(&job->title, xstrndup(t, role));
	return true;
}

/* Fold s for matching a fixed word: lower case ASCII letters and digits only. */
static void
fold_key(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++)
		if (is_alnum(*s))
			out[n++] = lower(*s);
	out[n] = '\0';
}

const char *
feed_employment_type(const char *s)
{
	static const struct {
		const char *key;
		const char *name;
	} types[] = {
		{ "fulltime", "full-time" }, { "fulltimeemployee", "full-time" },
		{ "permanentfulltime", "full-time" }, { "parttime", "part-time" },
		{ "contract", "contract" }, { "contractor", "contract" },
		{ "contracttohire", "contract" }, { "freelance", "freelance" },
		{ "freelancer", "freelance" }, { "internship", "internship" },
		{ "intern", "internship" }, { "temporary", "temporary" }, { "temp", "temporary" },
	};
	char key[32];

	if (!s || strlen(s) > 40)
		return NULL;
	fold_key(s, key, sizeof(key));
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(key, types[i].key))
			return types[i].name;
	return NULL;
}

const char *
feed_salary_period(const char *s)
{
	static const struct {
		const char *key;
		const char *name;
	} periods[] = {
		{ "hour", "hour" }, { "hourly", "hour" }, { "perhour", "hour" }, { "hr", "hour" },
		{ "ph", "hour" }, { "1hour", "hour" }, { "perhourwage", "hour" },
		{ "day", "day" }, { "daily", "day" }, { "perday", "day" }, { "1day", "day" },
		{ "week", "week" }, { "weekly", "week" }, { "perweek", "week" },
		{ "1week", "week" },
		{ "month", "month" }, { "monthly", "month" }, { "permonth", "month" },
		{ "1month", "month" }, { "permonthsalary", "month" },
		{ "year", "year" }, { "yearly", "year" }, { "annual", "year" },
		{ "annually", "year" }, { "peryear", "year" }, { "perannum", "year" },
		{ "pa", "year" }, { "1year", "year" }, { "peryearsalary", "year" },
		{ "yr", "year" }, { "annum", "year" },
	};
	char key[32];

	if (!s || strlen(s) > 40)
		return NULL;
	fold_key(s, key, sizeof(key));
	for (size_t i = 0; i < sizeof(periods) / sizeof(periods[0]); i++)
		if (!strcmp(key, periods[i].key))
			return periods[i].name;
	return NULL;
}

/* ---- finishing a posting: salary ----------------------------------------------------------- */

static const char *const currency_codes[] = {
	"USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY",
};

/* A currency symbol at s: its code, and *n its length; NULL when there is none. */
static const char *
currency_symbol(const char *s, size_t *n)
{
	static const struct {
		const char *sym;
		const char *code;
	} syms[] = {
		{ "US$", "USD" }, { "CA$", "CAD" }, { "AU$", "AUD" }, { "C$", "CAD" },
		{ "A$", "AUD" }, { "$", "USD" }, { "\xE2\x82\xAC", "EUR" }, { "\xC2\xA3", "GBP" },
		{ "\xC2\xA5", "JPY" }, { "\xE2\x82\xB9", "INR" },
	};

	if (!strchr("UCA$\xE2\xC2", *s) || !*s)	/* most of a description: not a symbol */
		return NULL;
	for (size_t i = 0; i < sizeof(syms) / sizeof(syms[0]); i++) {
		size_t m = strlen(syms[i].sym);

		if (!strncmp(s, syms[i].sym, m)) {
			*n = m;
			return syms[i].code;
		}
	}
	return NULL;
}

/* A currency code (upper case, a whole word) at s. */
static const char *
currency_code(const char *s, size_t *n)
{
	if (*s < 'A' || *s > 'Z')
		return NULL;
	for (size_t i = 0; i < sizeof(currency_codes) / sizeof(currency_codes[0]); i++)
		if (!strncmp(s, currency_codes[i], 3) && !is_alnum(s[3])) {
			*n = 3;
			return currency_codes[i];
		}
	return NULL;
}

/* Skip spaces (and no-break spaces) at s. */
static const char *
skip_sp(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (!strncmp(s, "\xC2\xA0", 2) || !strncmp(s, "\xE2\x80\xAF", 3))
			s += *s == '\xC2' ? 2 : 3;
		else
			return s;
	}
}

/*
 * An amount at s: digits with optional thousands groups (",ddd") and decimals, then an
 * optional k. Sets *k, returns the end, or NULL when s holds no amount or the number runs on
 * into a word ("120M", "2nd").
 */
static const char *
amount(const char *s, double *v, bool *k)
{
	char num[32];
	size_t n = 0, ndig = 0;
	const char *p = s;
	char *end;

	*k = false;
	if (!is_digit(*p))
		return NULL;
	while (is_digit(*p) && n + 1 < sizeof(num)) {
		num[n++] = *p++;
		ndig++;
	}
	if (is_digit(*p))
		return NULL;
	while (*p == ',' && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && !is_digit(p[4])
	       && ndig <= 3) {
		if (n + 4 >= sizeof(num))
			return NULL;
		memcpy(num + n, p + 1, 3);
		n += 3;
		p += 4;
		if (*p != ',')
			break;
	}
	if (*p == '.' && is_digit(p[1])) {
		num[n++] = '.';
		for (p++; is_digit(*p) && n + 1 < sizeof(num); p++)
			num[n++] = *p;
		if (is_digit(*p))
			return NULL;
	}
	num[n] = '\0';
	if ((*p == 'k' || *p == 'K') && !is_alnum(p[1])) {
		*k = true;
		p++;
	} else if (is_alnum(*p) && !(*p == 'p' && (p[1] == 'a' || p[1] == 'h') &&
				      !is_alnum(p[2]))) {
		return NULL;
	}
	errno = 0;
	*v = strtod(num, &end);
	if (errno || *end)
		return NULL;
	if (*k)
		*v *= 1000;
	return p;
}

/* A range separator at s (spaces around it allowed): its end, or NULL. */
static const char *
range_sep(const char *s)
{
	static const char *const seps[] = {
		"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92", "-", "to ", "~",
	};
	const char *p = skip_sp(s);

	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		size_t m = strlen(seps[i]);

		if (!strncmp(p, seps[i], m)) {
			if (i == 4 && p == s)	/* "to" needs a space before it */
				return NULL;
			return skip_sp(p + m);
		}
	}
	return NULL;
}

/* A period after an amount ("/hour", " per annum", " a year", ...): its name, or NULL. */
static const char *
period_at(const char *s)
{
	static const struct {
		const char *text;
		const char *name;
	} periods[] = {
		{ "/hour", "hour" }, { "/hr", "hour" }, { "/h", "hour" }, { "per hour", "hour" },
		{ "an hour", "hour" }, { "a hour", "hour" }, { "hourly", "hour" },
		{ "ph", "hour" }, { "p/h", "hour" },
		{ "/day", "day" }, { "per day", "day" }, { "a day", "day" }, { "daily", "day" },
		{ "/week", "week" }, { "/wk", "week" }, { "per week", "week" },
		{ "a week", "week" }, { "weekly", "week" },
		{ "/month", "month" }, { "/mo", "month" }, { "per month", "month" },
		{ "a month", "month" }, { "monthly", "month" },
		{ "/year", "year" }, { "/yr", "year" }, { "/annum", "year" },
		{ "per year", "year" },
		{ "per annum", "year" }, { "a year", "year" }, { "p.a.", "year" }, { "pa", "year" },
		{ "annually", "year" }, { "yearly", "year" }, { "annual", "year" },
	};
	const char *p = skip_sp(s);

	if (*p == ',' || *p == '(')
		p = skip_sp(p + 1);
	for (size_t i = 0; i < sizeof(periods) / sizeof(periods[0]); i++) {
		size_t m = strlen(periods[i].text);

		if (ieq(p, periods[i].text, m) && strnlen(p, m) == m &&
		    (!is_alnum(p[m]) || periods[i].text[m - 1] == '.'))
			return periods[i].name;
	}
	return NULL;
}

/* Is v a believable amount per period? lone: one amount without a k suffix or period. */
static bool
plausible(double v, const char *period, bool lone)
{
	static const struct {
		const char *name;
		double lo, hi;
	} limits[] = {
		{ "hour", 3, 2000 }, { "day", 20, 20000 }, { "week", 100, 100000 },
		{ "month", 200, 2000000 }, { "year", 1000, 100000000 },
	};

	if (lone && v < 10000)
		return false;
	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++)
		if (!strcmp(period, limits[i].name))
			return v >= limits[i].lo && v <= limits[i].hi;
	return false;
}

/* A currency written after an amount ("150,000 USD", "75k €", "50$"): its code, or NULL. */
static const char *
currency_after(const char *p, const char **end)
{
	const char *q = skip_sp(p), *c;
	size_t n;

	if ((c = currency_code(q, &n)) || ((c = currency_symbol(q, &n)) && (*q != '$' || q == p))) {
		*end = q + n;
		return c;
	}
	return NULL;
}

/* Try a salary starting at s + i. */
static bool
salary_at(const char *s, size_t i, bool bare, struct feed_salary *out)
{
	const char *p = s + i, *cur, *c2, *q, *r, *period, *e;
	double lo, hi;
	bool k1, k2 = false, range = false;
	size_t n;

	if ((cur = currency_symbol(p, &n)) || (cur = currency_code(p, &n))) {
		if (is_alnum(*p) && i && is_alnum(s[i - 1]))
			return false;	/* a code must be a word of its own */
		p = skip_sp(p + n);
	} else if (i && (is_alnum(s[i - 1]) || strchr(".,-/+#", s[i - 1]))) {
		return false;	/* the middle of a number, a version or a word */
	}
	if (!(p = amount(p, &lo, &k1)))
		return false;
	hi = lo;
	if ((q = range_sep(p))) {
		r = q;
		if ((c2 = currency_symbol(r, &n)) || (c2 = currency_code(r, &n)))
			r = !cur || !strcmp(c2, cur) ? skip_sp(r + n) : NULL;
		if (r && (r = amount(r, &hi, &k2))) {
			double l = lo, h = hi;

			if (k2 && !k1 && l < 1000)
				l *= 1000;
			if (k1 && !k2 && h < 1000)
				h *= 1000;
			if (l > 0 && h >= l && h <= l * 10) {
				range = true;
				lo = l;
				hi = h;
				p = r;
				if (!cur && c2)
					cur = c2;
			}
		}
		if (!range)
			hi = lo;
	}
	if ((c2 = currency_after(p, &e)) && (!cur || !strcmp(c2, cur))) {
		cur = c2;
		p = e;
	}
	if (!cur && !bare && !(range && (k1 || k2)))
		return false;
	period = period_at(p);
	if (!plausible(lo, period ? period : "year", !range && !k1 && !period && !bare) ||
	    !plausible(hi, period ? period : "year", false))
		return false;
	out->min = lo;
	out->max = hi;
	out->currency = cur;
	out->period = period ? period : "year";
	return true;
}

bool
feed_salary_parse(const char *s, bool bare, struct feed_salary *out)
{
	if (!s)
		return false;
	for (size_t i = 0; s[i]; i++) {
		size_t n;

		if (!is_digit(s[i]) && !currency_symbol(s + i, &n) && !currency_code(s + i, &n))
			continue;
		if (salary_at(s, i, bare, out))
			return true;
		while (is_digit(s[i + 1]) || s[i + 1] == ',' || s[i + 1] == '.')
			i++;
	}
	return false;
}

/* ---- feed_emit ----------------------------------------------------------------------------- */

static void
finish(struct feed_sink *sink, struct job *job)
{
	bool remote = false, hybrid = false;
	struct feed_salary sal;
	const char *et;

	finish_line(&job->title, JOB_TITLE_MAX);
	finish_line(&job->company, JOB_FIELD_MAX);
	finish_line(&job->location, JOB_FIELD_MAX);
	finish_line(&job->salary_currency, JOB_FIELD_MAX);
	finish_line(&job->salary_period, JOB_FIELD_MAX);
	finish_line(&job->employment_type, JOB_FIELD_MAX);
	finish_tags(&job->tags);
	finish_url(&job->url, sink->url);
	finish_url(&job->apply_url, sink->url);
	finish_description(job);

	/* Remote words count in the title as the feed wrote it, before it is split. */
	feed_remote_words(job->title, &remote, &hybrid);
	if (feed_title_split(job)) {
		finish_line(&job->title, JOB_TITLE_MAX);
		finish_line(&job->company, JOB_FIELD_MAX);
		finish_line(&job->location, JOB_FIELD_MAX);
	}
	feed_remote_words(job->location, &remote, &hybrid);
	if (hybrid) {
		job->hybrid = true;
		remote = false;
	}
	if (remote || sink->remote_board)
		job->remote = true;

	if (job->employment_type) {
		et = feed_employment_type(job->employment_type);
		if (et) {
			set(&job->employment_type, xstrdup(et));
		} else {
			for (char *c = job->employment_type; *c; c++)
				*c = lower(*c);
		}
	}
	if (job->salary_period) {
		const char *p = feed_salary_period(job->salary_period);

		set(&job->salary_period, p ? xstrdup(p) : NULL);
	}
	if (job->salary_min < 0 || job->salary_min != job->salary_min)
		job->salary_min = 0;
	if (job->salary_max < 0 || job->salary_max != job->salary_max)
		job->salary_max = 0;
	if (job->salary_min <= 0 && job->salary_max <= 0) {
		if (feed_salary_parse(job->title, false, &sal) ||
		    feed_salary_parse(job->description_text, false, &sal)) {
			job->salary_min = sal.min;
			job->salary_max = sal.max;
			set(&job->salary_currency, sal.currency ? xstrdup(sal.currency) : NULL);
			set(&job->salary_period, xstrdup(sal.period));
		}
	} else if (job->salary_min > 0 && job->salary_max > 0 &&
		   job->salary_min > job->salary_max) {
		double t = job->salary_min;

		job->salary_min = job->salary_max;
		job->salary_max = t;
	}
	if (job->salary_currency) {
		size_t n;
		const char *code = currency_symbol(job->salary_currency, &n);

		if (code && !job->salary_currency[n])	/* "$" as a currency: USD */
			set(&job->salary_currency, xstrdup(code));
		for (char *c = job->salary_currency; *c; c++)
			if (*c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
	}

	if (job->guid) {
		char *g = clean_line(job->guid);

		if (g && strlen(g) > JOB_FIELD_MAX) {
			char *h = hash_id(g, "");

			free(g);
			g = h;
		}
		set(&job->guid, g);
	}
	if (!job->guid)
		job->guid = job->url ? xstrdup(job->url) : hash_id(job->title, job->company);
	if (job->apply_url && job->url && !strcmp(job->apply_url, job->url))
		set(&job->apply_url, NULL);
	if (!job->feed_url && sink->url)
		job->feed_url = xstrdup(sink->url);
}

enum jt_status
feed_emit(struct feed_sink *sink, struct job *job, struct jt_err *err)
{
	enum jt_status rc = JT_OK;

	if (sink->items >= FEED_ITEMS_MAX) {
		sink->skipped++;
		job_done(job);
		return JT_OK;
	}
	if (!sink->posting) {	/* only counting, to learn the next page: skip the work */
		sink->items++;
		job_done(job);
		return JT_OK;
	}
	finish(sink, job);
	if (!job->title && !job->url && !job->description_text) {
		sink->skipped++;	/* nothing to show */
		job_done(job);
		return JT_OK;
	}
	rc = sink->posting(sink, job, err);
	if (rc == JT_OK)
		sink->items++;
	job_done(job);
	return rc;
}
