/*
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org), with jobterm's own "_job" extension object
 * (company, location, remote, hybrid, salary_min, salary_max, salary_currency, salary_period,
 * employment_type, apply_url).
 *
 * cJSON builds a tree many times the size of its input, so the document is never given to it
 * whole: a small scanner here checks the whole document's structure first (strictly, to any
 * depth, without recursion), then walks the top-level object and hands cJSON one item at a
 * time, refusing items nested deeper than JSON_DEPTH_MAX. Memory is the input plus one item.
 *
 * Must never trust a type: a field of the wrong type is skipped, an item that is not an
 * object is skipped and counted, and only a document that is not JSON at all (or not an
 * object with an "items" array) fails. No I/O but reading the input; no globals.
 */
#include "config.h"
#include "net/feed.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/date.h"
#include "store/strbuf.h"
#include "store/xmalloc.h"

/* Deepest nesting of an item given to cJSON (whose own limit, 1000 levels, is reached by
 * recursion); JSON Feed items need three or four. Deeper items are skipped and counted. */
#define JSON_DEPTH_MAX	64

/* ---- the structure scanner ----------------------------------------------------------------- */

static const char *
ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static bool
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The end of the string that starts at p (a '"'), or NULL with *stop at the byte that makes it
 * malformed (end when the document ends inside it). */
static const char *
string_end(const char *p, const char *end, const char **stop)
{
	for (p++; p < end; p++) {
		if (*p == '"')
			return p + 1;
		if (*p != '\\')
			continue;
		if (++p >= end)
			break;
		if (*p == 'u') {
			if (end - p < 5) {
				p = end;
				break;
			}
			if (!is_hex(p[1]) || !is_hex(p[2]) || !is_hex(p[3]) || !is_hex(p[4])) {
				*stop = p;
				return NULL;
			}
			p += 4;
		} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
			*stop = p;
			return NULL;
		}
	}
	*stop = end;
	return NULL;
}

/* The end of the number at p, or NULL (JSON's grammar: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?). */
static const char *
number_end(const char *p, const char *end)
{
	if (p < end && *p == '-')
		p++;
	if (p >= end || !is_digit(*p))
		return NULL;
	if (*p == '0')
		p++;
	else
		while (p < end && is_digit(*p))
			p++;
	if (p < end && *p == '.') {
		if (++p >= end || !is_digit(*p))
			return NULL;
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || !is_digit(*p))
			return NULL;
		while (p < end && is_digit(*p))
			p++;
	}
	return p;
}

static const char *
literal_end(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && !memcmp(p, word, n) ? p + n : NULL;
}

/*
 * The end of the JSON value at p, checking it without recursion. On a syntax error returns
 * NULL with *bad at the offending byte. When the value nests deeper than limit levels,
 * returns NULL with *deep set (limit 0: no limit; the stack then grows on the heap).
 */
static const char *
value_end(const char *p, const char *end, size_t limit, const char **bad, bool *deep)
{
	char small[JSON_DEPTH_MAX], *stack = small;
	size_t sp = 0, alloc = sizeof(small);
	const char *q;

	*deep = false;
value:
	p = ws(p, end);
	if (p >= end)
		goto fail;
	switch (*p) {
	case '{':
	case '[':
		if (limit && sp == limit) {
			*deep = true;
			goto fail;
		}
		if (sp == alloc) {
			char *grown = xreallocarray(stack == small ? NULL : stack, alloc, 2);

			if (stack == small)
				memcpy(grown, small, sizeof(small));
			stack = grown;
			alloc *= 2;
		}
		stack[sp++] = *p == '{' ? '}' : ']';
		p = ws(p + 1, end);
		if (p < end && *p == stack[sp - 1]) {
			sp--;
			p++;
			goto after;
		}
		if (stack[sp - 1] == '}')
			goto key;
		goto value;
	case '"':
		if (!(q = string_end(p, end, &p)))
			goto fail;
		break;
	case 't':
		q = literal_end(p, end, "true");
		break;
	case 'f':
		q = literal_end(p, end, "false");
		break;
	case 'n':
		q = literal_end(p, end, "null");
		break;
	default:
		q = number_end(p, end);
		break;
	}
	if (!q)
		goto fail;
	p = q;
after:
	if (!sp) {
		if (stack != small)
			free(stack);
		return p;
	}
	p = ws(p, end);
	if (p >= end)
		goto fail;
	if (*p == ',') {
		p++;
		if (stack[sp - 1] == '}')
			goto key;
		goto value;
	}
	if (*p != stack[sp - 1])
		goto fail;
	sp--;
	p++;
	goto after;
key:
	p = ws(p, end);
	if (p >= end || *p != '"' || !(q = string_end(p, end, &p)))
		goto fail;
	p = ws(q, end);
	if (p >= end || *p != ':')
		goto fail;
	p++;
	goto value;
fail:
	if (stack != small)
		free(stack);
	*bad = p;
	return NULL;
}

/* ---- reading an item ----------------------------------------------------------------------- */

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) && v->valuestring && *v->valuestring ? v->valuestring : NULL;
}

static char *
dup_str(const cJSON *o, const char *key)
{
	const char *s = str(o, key);

	return s ? xstrdup(s) : NULL;
}

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

/* A money amount given as a number or as a numeric string ("5250", "120,000.50"). */
static double
money(const cJSON *v)
{
	char buf[64];
	size_t n = 0;
	char *end;
	double d;

	if (cJSON_IsNumber(v))
		return isfinite(v->valuedouble) && v->valuedouble > 0 ? v->valuedouble : 0;
	if (!cJSON_IsString(v) || !v->valuestring)
		return 0;
	for (const char *s = v->valuestring; *s && n + 1 < sizeof(buf); s++)
		if (*s != ',' && *s != ' ')
			buf[n++] = *s;
	buf[n] = '\0';
	if (!n || !(is_digit(buf[0]) || buf[0] == '.'))
		return 0;
	errno = 0;
	d = strtod(buf, &end);
	if (errno || *end || !isfinite(d) || d <= 0)
		return 0;
	return d;
}

/* The name of an author given as {"name": ...} or, in hnrss's JSON Feed 1.0, as a string. */
static const char *
author_name(const cJSON *a)
{
	if (cJSON_IsString(a) && a->valuestring && *a->valuestring)
		return a->valuestring;
	if (cJSON_IsObject(a))
		return str(a, "name");
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
	if ((s = str(x, "company"))) {
		free(job->company);
		job->company = xstrdup(s);
	}
	if ((s = str(x, "location"))) {
		free(job->location);
		job->location = xstrdup(s);
	}
	v = cJSON_GetObjectItemCaseSensitive(x, "remote");
	if (cJSON_IsBool(v))
		job->remote = cJSON_IsTrue(v);
	v = cJSON_GetObjectItemCaseSensitive(x, "hybrid");
	if (cJSON_IsBool(v))
		job->hybrid = cJSON_IsTrue(v);
	job->salary_min = money(cJSON_GetObjectItemCaseSensitive(x, "salary_min"));
	job->salary_max = money(cJSON_GetObjectItemCaseSensitive(x, "salary_max"));
	if (job->salary_min > 0 || job->salary_max > 0) {
		s = str(x, "salary_currency");
		if (s && strlen(s) <= 8)
			job->salary_currency = xstrdup(s);
		job->salary_period = dup_str(x, "salary_period");
	}
	job->employment_type = dup_str(x, "employment_type");
	job->apply_url = dup_str(x, "apply_url");
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
	job.url = dup_str(it, "url");
	if (!job.url)
		job.url = dup_str(it, "external_url");
	job.title = dup_str(it, "title");
	job.description_html = dup_str(it, "content_html");
	if (!job.description_html)
		job.description_text = dup_str(it, "content_text");
	if (!job.description_html && !job.description_text)
		job.description_text = dup_str(it, "summary");
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

static int
hex4(const char *p)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];

		v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

/*
 * A copy of the (well-formed) JSON text p[0..n) whose lone UTF-16 surrogate escapes, which
 * cJSON refuses, are replaced by \uFFFD. NULL when there were none.
 */
static char *
fix_surrogates(const char *p, size_t n)
{
	char *c = NULL;

	for (size_t i = 0; i + 1 < n; i++) {
		int v;

		if (p[i] != '\\')
			continue;
		if (p[i + 1] != 'u' || i + 6 > n) {
			i++;
			continue;
		}
		v = hex4(p + i + 2);
		if (v >= 0xD800 && v <= 0xDBFF && i + 12 <= n && p[i + 6] == '\\' &&
		    p[i + 7] == 'u' && is_hex(p[i + 8]) && hex4(p + i + 8) >= 0xDC00 &&
		    hex4(p + i + 8) <= 0xDFFF) {
			i += 11;
			continue;
		}
		if (v >= 0xD800 && v <= 0xDFFF) {
			if (!c) {
				c = xmalloc(n + 1);
				memcpy(c, p, n);
				c[n] = '\0';
			}
			memcpy(c + i + 2, "FFFD", 4);
		}
		i += 5;
	}
	return c;
}

/* Parse one item with cJSON, repairing lone surrogates if it refuses them. */
static cJSON *
parse_item(const char *p, size_t n)
{
	cJSON *it = cJSON_ParseWithLength(p, n);
	char *fixed;

	if (it || !(fixed = fix_surrogates(p, n)))
		return it;
	it = cJSON_ParseWithLength(fixed, n);
	free(fixed);
	return it;
}

/* ---- the document -------------------------------------------------------------------------- */

static int
line_of(const char *buf, const char *p)
{
	int line = 1;

	for (const char *q = buf; q < p; q++)
		line += *q == '\n';
	return line;
}

/* The key of the member at p (a '"'), decoded by cJSON; the caller frees it. */
static char *
member_key(const char *p, const char *end)
{
	cJSON *k = cJSON_ParseWithLength(p, (size_t)(end - p));
	char *s = cJSON_IsString(k) && k->valuestring ? xstrdup(k->valuestring) : NULL;

	cJSON_Delete(k);
	return s;
}

/* A top-level string member ("title", "next_url"). */
static char *
member_string(const char *p, const char *end)
{
	return member_key(p, end);
}

static enum jt_status
items(const char *p, const char *end, struct feed_sink *sink, bool author_is_user,
      struct jt_err *err)
{
	const char *bad;
	bool deep;
	enum jt_status rc = JT_OK;

	p = ws(p + 1, end);
	if (p < end && *p == ']')
		return JT_OK;
	while (rc == JT_OK && p < end) {
		const char *e = value_end(p, end, 0, &bad, &deep);

		if (!e)
			return jt_fail(err, JT_ERR_PARSE, "malformed JSON in items");
		if (*p == '{' && !value_end(p, e, JSON_DEPTH_MAX, &bad, &deep)) {
			sink->skipped++;	/* nested too deep for cJSON to be given it */
		} else if (*p == '{') {
			cJSON *it = parse_item(p, (size_t)(e - p));

			if (cJSON_IsObject(it))
				rc = item(it, sink, author_is_user, err);
			else
				sink->skipped++;
			cJSON_Delete(it);
		} else {
			sink->skipped++;
		}
		p = ws(e, end);
		if (p < end && *p == ',')
			p = ws(p + 1, end);
		else
			break;
	}
	return rc;
}

enum jt_status
feed_parse_jsonfeed(const struct feed_input *in, struct feed_sink *sink, struct jt_err *err)
{
	const char *buf, *p, *end, *bad, *e, *items_at = NULL;
	char *owned = NULL;
	size_t len;
	bool deep;
	enum jt_status rc;
	bool author_is_user = feed_url_host_is(sink->url, "hnrss.org");

	rc = feed_input_slurp(in, FEED_JSON_MAX, &buf, &len, &owned, err);
	if (rc != JT_OK)
		return rc;
	p = buf;
	end = buf + len;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	p = ws(p, end);
	if (p >= end) {
		rc = jt_fail(err, JT_ERR_PARSE, "empty document");
		goto out;
	}
	e = value_end(p, end, 0, &bad, &deep);
	if (!e || ws(e, end) != end) {
		if (!e && bad >= end)
			rc = jt_fail(err, JT_ERR_PARSE, "malformed JSON: the document ends early");
		else
			rc = jt_fail(err, JT_ERR_PARSE, "malformed JSON: line %d",
				     line_of(buf, e ? ws(e, end) : bad));
		goto out;
	}
	if (*p != '{') {
		rc = jt_fail(err, JT_ERR_FORMAT, "JSON that is not an object, so not a JSON Feed");
		goto out;
	}
	/* The document is well formed: walk the members of the top-level object. */
	p = ws(p + 1, end);
	while (*p == '"') {
		const char *k = p, *v, *ve;
		char *key;

		const char *ke = string_end(k, end, &bad);

		p = ws(ke, end) + 1;	/* past ':' */
		v = ws(p, end);
		ve = value_end(v, end, 0, &bad, &deep);
		key = member_key(k, ke);
		if (key && !strcmp(key, "items") && !items_at)
			items_at = v;
		else if (key && !strcmp(key, "title") && *v == '"' && !sink->title) {
			char *t = member_string(v, ve);

			sink->title = feed_line(t, JOB_TITLE_MAX);
			free(t);
		} else if (key && !strcmp(key, "next_url") && *v == '"' && !sink->next_url) {
			char *u = member_string(v, ve);

			if (u && *u && !(sink->url && !strcmp(u, sink->url)))
				sink->next_url = feed_line(u, JOB_FIELD_MAX);
			free(u);
		}
		free(key);
		p = ws(ve, end);
		if (*p == ',')
			p = ws(p + 1, end);
	}
	if (!items_at || *items_at != '[') {
		rc = jt_fail(err, JT_ERR_FORMAT,
			     "JSON without an \"items\" array, so not a JSON Feed");
		goto out;
	}
	rc = items(items_at, end, sink, author_is_user, err);
out:
	free(owned);
	return rc;
}
