/*
 * The pieces the JSON parsers (JSON Feed and the job-board APIs) share: checking and
 * walking a large JSON document without handing it whole to cJSON, reading loosely typed
 * values; and the text, URL and sniffing helpers of every board parser.
 *
 * Owns no state and does no I/O beyond reading the input it is given. Must never recurse
 * over input structure (the scanner keeps its own stack on the heap), never give cJSON a
 * value nested deeper than BOARD_DEPTH_MAX, and never trust a JSON type.
 */
#include "config.h"
#include "net/board.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/date.h"
#include "store/text.h"
#include "store/xmalloc.h"

/* ---- the scanner --------------------------------------------------------------------------- */

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static const char *
skip_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* The end of the string starting at p (a '"'); NULL with *bad at the fault. Raw control
 * characters are let through, as cJSON does (real APIs send tabs and newlines unescaped). */
static const char *
string_end(const char *p, const char *e, const char **bad)
{
	for (p++; p < e; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"')
			return p + 1;
		if (c != '\\')
			continue;
		if (++p >= e)
			break;
		if (*p == 'u') {
			if (e - p < 5) {
				p = e;
				break;
			}
			for (int i = 1; i <= 4; i++)
				if (!is_hex(p[i])) {
					*bad = p + i;
					return NULL;
				}
			p += 4;
		} else if (!strchr("\"\\/bfnrt", *p) || !*p) {
			*bad = p;
			return NULL;
		}
	}
	*bad = e;
	return NULL;
}

static const char *
number_end(const char *p, const char *e)
{
	if (p < e && *p == '-')
		p++;
	if (p >= e || !is_digit(*p))
		return NULL;
	if (*p == '0')
		p++;
	else
		while (p < e && is_digit(*p))
			p++;
	if (p < e && *p == '.') {
		if (++p >= e || !is_digit(*p))
			return NULL;
		while (p < e && is_digit(*p))
			p++;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		if (++p < e && (*p == '+' || *p == '-'))
			p++;
		if (p >= e || !is_digit(*p))
			return NULL;
		while (p < e && is_digit(*p))
			p++;
	}
	return p;
}

static const char *
word_end(const char *p, const char *e, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(e - p) >= n && !memcmp(p, w, n) ? p + n : NULL;
}

/*
 * The end of the JSON value at p (no white space skipped before it), checked without
 * recursion; NULL with *bad at the fault. With limit > 0, a value nested deeper than limit
 * also gives NULL, with *deep set.
 */
static const char *
value_end(const char *p, const char *e, size_t limit, const char **bad, bool *deep)
{
	char small[BOARD_DEPTH_MAX + 1], *stack = small;
	size_t sp = 0, alloc = sizeof(small);
	const char *q;

	*deep = false;
	*bad = p;
value:
	p = skip_ws(p, e);
	if (p >= e)
		goto fail;
	switch (*p) {
	case '{':
	case '[':
		if (limit && sp >= limit) {
			*deep = true;
			goto fail;
		}
		if (sp == alloc) {
			char *grown = xmalloc(alloc * 2);

			memcpy(grown, stack, alloc);
			if (stack != small)
				free(stack);
			stack = grown;
			alloc *= 2;
		}
		stack[sp++] = *p == '{' ? '}' : ']';
		p = skip_ws(p + 1, e);
		if (p < e && *p == stack[sp - 1]) {
			sp--;
			p++;
			goto after;
		}
		if (stack[sp - 1] == '}')
			goto key;
		goto value;
	case '"':
		if (!(q = string_end(p, e, &p)))
			goto fail;
		break;
	case 't':
		q = word_end(p, e, "true");
		break;
	case 'f':
		q = word_end(p, e, "false");
		break;
	case 'n':
		q = word_end(p, e, "null");
		break;
	default:
		q = number_end(p, e);
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
	p = skip_ws(p, e);
	if (p >= e)
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
	p = skip_ws(p, e);
	if (p >= e || *p != '"' || !(q = string_end(p, e, &p)))
		goto fail;
	p = skip_ws(q, e);
	if (p >= e || *p != ':')
		goto fail;
	p++;
	goto value;
fail:
	if (stack != small)
		free(stack);
	*bad = p;
	return NULL;
}

/* The end of a value of a checked document. */
static const char *
end_of(const char *p, const char *e)
{
	const char *bad;
	bool deep;
	const char *q = value_end(p, e, 0, &bad, &deep);

	return q ? q : e;
}

static int
line_of(const char *buf, const char *p)
{
	int line = 1;

	for (const char *q = buf; q < p; q++)
		line += *q == '\n';
	return line;
}

enum jt_status
board_doc_open(struct board_doc *doc, const struct feed_input *in, struct jt_err *err)
{
	const char *buf, *p, *end, *q, *bad;
	size_t len;
	bool deep;
	enum jt_status rc;

	memset(doc, 0, sizeof(*doc));
	rc = feed_input_slurp(in, FEED_JSON_MAX, &buf, &len, &doc->owned, err);
	if (rc != JT_OK)
		return rc;
	p = buf;
	end = buf + len;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	p = skip_ws(p, end);
	if (p >= end) {
		rc = jt_fail(err, JT_ERR_PARSE, "empty document");
	} else if (!(q = value_end(p, end, 0, &bad, &deep))) {
		if (bad >= end)
			rc = jt_fail(err, JT_ERR_PARSE, "malformed JSON: the document ends early");
		else
			rc = jt_fail(err, JT_ERR_PARSE, "malformed JSON: line %d",
				     line_of(buf, bad));
	} else if (skip_ws(q, end) != end) {
		rc = jt_fail(err, JT_ERR_PARSE, "malformed JSON: line %d",
			     line_of(buf, skip_ws(q, end)));
	} else {
		doc->root.p = p;
		doc->root.e = q;
		return JT_OK;
	}
	free(doc->owned);
	doc->owned = NULL;
	return rc;
}

void
board_doc_done(struct board_doc *doc)
{
	free(doc->owned);
	memset(doc, 0, sizeof(*doc));
}

char
board_kind(struct board_val v)
{
	return v.p < v.e ? *v.p : '\0';
}

bool
board_member_next(struct board_val obj, const char **cur, struct board_val *key,
		  struct board_val *val)
{
	const char *p = *cur, *bad;

	if (board_kind(obj) != '{')
		return false;
	if (!p)
		p = obj.p + 1;
	p = skip_ws(p, obj.e);
	if (p >= obj.e || *p != '"')
		return false;
	key->p = p;
	key->e = string_end(p, obj.e, &bad);
	if (!key->e)
		return false;
	p = skip_ws(key->e, obj.e);
	if (p >= obj.e || *p != ':')
		return false;
	val->p = skip_ws(p + 1, obj.e);
	val->e = end_of(val->p, obj.e);
	p = skip_ws(val->e, obj.e);
	if (p < obj.e && *p == ',')
		p++;
	*cur = p;
	return true;
}

bool
board_element_next(struct board_val arr, const char **cur, struct board_val *val)
{
	const char *p = *cur;

	if (board_kind(arr) != '[')
		return false;
	if (!p)
		p = arr.p + 1;
	p = skip_ws(p, arr.e);
	if (p >= arr.e || *p == ']')
		return false;
	val->p = p;
	val->e = end_of(p, arr.e);
	p = skip_ws(val->e, arr.e);
	if (p < arr.e && *p == ',')
		p++;
	*cur = p;
	return true;
}

static int
hex4(const char *p)
{
	int v = 0;

	for (int i = 0; i < 4; i++)
		v = v * 16 + (is_digit(p[i]) ? p[i] - '0' : (p[i] | 0x20) - 'a' + 10);
	return v;
}

/*
 * A copy of the checked JSON text p[0..n) in which every UTF-16 surrogate escape that is
 * not part of a pair (cJSON refuses those) reads \uFFFD; NULL when there is none.
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
		    p[i + 7] == 'u' && hex4(p + i + 8) >= 0xDC00 && hex4(p + i + 8) <= 0xDFFF) {
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

/* cJSON's tree of the checked value v (shallow enough), repairing lone surrogates. */
static cJSON *
parse(struct board_val v)
{
	size_t n = (size_t)(v.e - v.p);
	cJSON *j = cJSON_ParseWithLength(v.p, n);
	char *fixed;

	if (j || !(fixed = fix_surrogates(v.p, n)))
		return j;
	j = cJSON_ParseWithLength(fixed, n);
	free(fixed);
	return j;
}

static bool
shallow(struct board_val v)
{
	const char *bad;
	bool deep;

	return value_end(v.p, v.e, BOARD_DEPTH_MAX, &bad, &deep) != NULL;
}

cJSON *
board_value(struct board_val v)
{
	return board_kind(v) && shallow(v) ? parse(v) : NULL;
}

char *
board_string(struct board_val v)
{
	const char *p;
	char *s;
	cJSON *j;

	if (board_kind(v) != '"')
		return NULL;
	for (p = v.p + 1; p < v.e - 1 && *p != '\\'; p++)
		;
	if (p >= v.e - 1)	/* no escapes: the bytes themselves */
		return xstrndup(v.p + 1, (size_t)(v.e - v.p - 2));
	j = parse(v);
	s = cJSON_IsString(j) && j->valuestring ? xstrdup(j->valuestring) : NULL;
	cJSON_Delete(j);
	return s;
}

/* Does the JSON string key (quotes included) spell name? */
static bool
key_is(struct board_val key, const char *name)
{
	size_t n = strlen(name);
	bool r;
	char *k;

	if ((size_t)(key.e - key.p) == n + 2 && !memcmp(key.p + 1, name, n))
		return true;
	if (!memchr(key.p, '\\', (size_t)(key.e - key.p)))
		return false;
	k = board_string(key);
	r = k && !strcmp(k, name);
	free(k);
	return r;
}

bool
board_member(struct board_val obj, const char *key, struct board_val *val)
{
	const char *cur = NULL;
	struct board_val k, v;

	while (board_member_next(obj, &cur, &k, &v))
		if (key_is(k, key)) {
			*val = v;
			return true;
		}
	return false;
}

cJSON *
board_object(struct board_val obj, const char *const *skip)
{
	const char *cur = NULL;
	struct board_val k, v;
	cJSON *o;

	if (board_kind(obj) != '{')
		return NULL;
	o = cJSON_CreateObject();
	if (!o)
		die("out of memory");
	while (board_member_next(obj, &cur, &k, &v)) {
		bool skipped = false;
		char *name;
		cJSON *m;

		for (size_t i = 0; skip && skip[i] && !skipped; i++)
			skipped = key_is(k, skip[i]);
		if (skipped || !(m = board_value(v)))
			continue;
		if (!(name = board_string(k))) {
			cJSON_Delete(m);
			continue;
		}
		cJSON_AddItemToObject(o, name, m);
		free(name);
	}
	return o;
}

enum jt_status
board_items(struct board_val arr, const char *const *skip, board_item_fn *fn,
	    const char *company, struct feed_sink *sink, struct jt_err *err)
{
	const char *cur = NULL;
	struct board_val v;
	enum jt_status rc = JT_OK;

	while (rc == JT_OK && board_element_next(arr, &cur, &v)) {
		cJSON *it = board_object(v, skip);

		if (it)
			rc = fn(it, company, sink, err);
		else
			sink->skipped++;
		cJSON_Delete(it);
	}
	return rc;
}

/* ---- loosely typed values ------------------------------------------------------------------ */

const char *
board_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;

	return cJSON_IsString(v) && v->valuestring && *v->valuestring ? v->valuestring : NULL;
}

char *
board_dup(const cJSON *o, const char *key)
{
	const char *s = board_str(o, key);

	return s ? xstrdup(s) : NULL;
}

char *
board_text(const cJSON *v)
{
	char buf[64];
	double d;

	if (cJSON_IsString(v) && v->valuestring && *v->valuestring)
		return xstrdup(v->valuestring);
	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
		return NULL;
	d = v->valuedouble;
	if (d > -1e18 && d < 1e18 && d == (double)(int64_t)d)
		snprintf(buf, sizeof(buf), "%.0f", d);
	else
		snprintf(buf, sizeof(buf), "%.17g", d);
	return xstrdup(buf);
}

double
board_money(const cJSON *v)
{
	char buf[64];
	size_t n = 0;
	char *end;
	double d;

	if (cJSON_IsNumber(v))
		return isfinite(v->valuedouble) && v->valuedouble > 0 ? v->valuedouble : 0;
	if (!cJSON_IsString(v) || !v->valuestring)
		return 0;
	for (const char *s = v->valuestring; *s; s++) {
		if (*s == ',' || *s == ' ')
			continue;
		if (n + 1 >= sizeof(buf))
			return 0;
		buf[n++] = *s;
	}
	buf[n] = '\0';
	if (!n || !(is_digit(buf[0]) || buf[0] == '.'))
		return 0;
	errno = 0;
	d = strtod(buf, &end);
	if (errno || *end || !isfinite(d) || d <= 0)
		return 0;
	return d;
}

int64_t
board_date(const cJSON *v)
{
	int64_t t = 0;

	if (cJSON_IsNumber(v))
		t = date_from_epoch(v->valuedouble);
	else if (!cJSON_IsString(v) || !v->valuestring || !date_parse(v->valuestring, &t))
		t = 0;
	return t > 0 ? t : 0;	/* no job board predates 1970 */
}

bool
board_true(const cJSON *v)
{
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v);
	if (cJSON_IsNumber(v))
		return v->valuedouble == 1;
	return cJSON_IsString(v) && v->valuestring &&
	       (!strcmp(v->valuestring, "true") || !strcmp(v->valuestring, "1"));
}

static void
list_add_one(struct strbuf *sb, const char *s, bool split_commas)
{
	size_t start = sb->len;

	if (!s || !*s)
		return;
	if (sb->len && !strbuf_adds(sb, ","))
		return;
	if (!strbuf_adds(sb, s)) {
		if (start < sb->len) {	/* drop the lone comma */
			sb->len = start;
			sb->buf[start] = '\0';
		}
		return;
	}
	if (!split_commas)
		for (size_t i = start + (start ? 1 : 0); i < sb->len; i++)
			if (sb->buf[i] == ',')
				sb->buf[i] = ' ';
}

void
board_list_add(struct strbuf *sb, const cJSON *v, bool split_commas)
{
	const cJSON *e;
	size_t n = 0;

	if (cJSON_IsString(v)) {
		list_add_one(sb, v->valuestring, split_commas);
		return;
	}
	if (!cJSON_IsArray(v))
		return;
	cJSON_ArrayForEach(e, v) {
		if (cJSON_IsString(e))
			list_add_one(sb, e->valuestring, split_commas);
		else if (cJSON_IsObject(e))
			list_add_one(sb, board_str(e, "name"), split_commas);
		if (sb->toobig || ++n == BOARD_LIST_MAX)
			break;
	}
}

/* Append name to sb after sep unless it is empty or already there. */
static void
name_add(struct strbuf *sb, const char *name, const char *sep)
{
	const char *t = strbuf_str(sb);
	size_t n, m = strlen(sep);

	if (!name || !*name)
		return;
	n = strlen(name);
	while (*t) {
		if (!strncmp(t, name, n) && (!t[n] || !strncmp(t + n, sep, m)))
			return;
		t = strstr(t, sep);
		if (!t)
			break;
		t += m;
	}
	if (sb->len)
		strbuf_adds(sb, sep);
	strbuf_adds(sb, name);
}

char *
board_names(const cJSON *v, const char *sep)
{
	struct strbuf sb;
	const cJSON *e;
	char *r = NULL;

	strbuf_init(&sb, JOB_FIELD_MAX * 2);
	if (cJSON_IsString(v)) {
		name_add(&sb, v->valuestring, sep);
	} else if (cJSON_IsObject(v)) {
		name_add(&sb, board_str(v, "name"), sep);
	} else if (cJSON_IsArray(v)) {
		size_t n = 0;

		cJSON_ArrayForEach(e, v) {
			if (cJSON_IsString(e))
				name_add(&sb, e->valuestring, sep);
			else if (cJSON_IsObject(e))
				name_add(&sb, board_str(e, "name"), sep);
			if (sb.toobig || ++n == BOARD_LIST_MAX)
				break;
		}
	}
	if (sb.len)
		r = strbuf_detach(&sb, NULL);
	strbuf_done(&sb);
	return r;
}

void
board_place_add(struct strbuf *sb, const char *s)
{
	const char *t = strbuf_str(sb);
	size_t n;

	if (!s || !*s)
		return;
	n = strlen(s);
	while (*t) {
		if (!strncmp(t, s, n) && (!t[n] || !strncmp(t + n, "; ", 2)))
			return;
		t = strstr(t, "; ");
		if (!t)
			break;
		t += 2;
	}
	if (sb->len)
		strbuf_adds(sb, "; ");
	strbuf_adds(sb, s);
}

const char *
board_employment(const cJSON *v)
{
	const cJSON *e;
	const char *t;

	if (cJSON_IsString(v))
		return feed_employment_type(v->valuestring);
	if (!cJSON_IsArray(v))
		return NULL;
	cJSON_ArrayForEach(e, v)
		if (cJSON_IsString(e) && (t = feed_employment_type(e->valuestring)))
			return t;
	return NULL;
}

bool
board_salary_text(struct job *job, const char *s)
{
	struct feed_salary sal;

	if (!s || !feed_salary_parse(s, true, &sal))
		return false;
	job->salary_min = sal.min;
	job->salary_max = sal.max;
	free(job->salary_currency);
	job->salary_currency = sal.currency ? xstrdup(sal.currency) : NULL;
	free(job->salary_period);
	job->salary_period = xstrdup(sal.period);
	return true;
}

bool
board_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a | 0x20) != (*b | 0x20))
			return false;
	return !*a && !*b;
}

bool
board_has_ci(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (; s && *s; s++) {
		size_t i = 0;

		while (i < n && s[i] && (s[i] | 0x20) == w[i])
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* ---- URLs and sniffing --------------------------------------------------------------------- */

/* Is the parameter at q (up to '&', '#' or the end) named name? */
static bool
param_is(const char *q, const char *name)
{
	size_t n = strlen(name);

	return !strncmp(q, name, n) && (q[n] == '=' || q[n] == '&' || q[n] == '#' || !q[n]);
}

/* Append name=value with value percent-encoded (RFC 3986 unreserved bytes stay). */
static void
add_param(struct strbuf *sb, const char *name, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";

	strbuf_addf(sb, "%s=", name);
	for (const unsigned char *v = (const unsigned char *)value; *v; v++)
		if ((*v >= 'A' && *v <= 'Z') || (*v >= 'a' && *v <= 'z') || is_digit((char)*v) ||
		    *v == '-' || *v == '.' || *v == '_' || *v == '~')
			strbuf_addc(sb, (char)*v);
		else
			strbuf_addf(sb, "%%%c%c", hex[*v >> 4], hex[*v & 15]);
}

char *
board_url_param(const char *url, const char *name, const char *value,
		const char *const *drop)
{
	struct strbuf sb;
	const char *q, *frag;
	bool set = false, first = true;

	if (!url || !*url || !value || !*value || !name || !*name)
		return NULL;
	frag = url + strcspn(url, "#");
	q = memchr(url, '?', (size_t)(frag - url));
	strbuf_init(&sb, 0);
	strbuf_add(&sb, url, (size_t)((q ? q : frag) - url));
	if (q)
		q++;
	while (q && q < frag) {
		size_t n = strcspn(q, "&#");
		bool gone = false;

		for (size_t i = 0; drop && drop[i] && !gone; i++)
			gone = param_is(q, drop[i]);
		if (param_is(q, name)) {
			gone = set;	/* a second one goes */
			if (!set) {
				strbuf_addc(&sb, first ? '?' : '&');
				first = false;
				add_param(&sb, name, value);
				set = true;
				gone = true;
			}
		}
		if (!gone && n) {
			strbuf_addc(&sb, first ? '?' : '&');
			first = false;
			strbuf_add(&sb, q, n);
		}
		q += n;
		if (*q == '&')
			q++;
		else
			break;
	}
	if (!set) {
		strbuf_addc(&sb, first ? '?' : '&');
		add_param(&sb, name, value);
	}
	strbuf_adds(&sb, frag);
	return strbuf_detach(&sb, NULL);
}

bool
board_url_path(const char *url, const char **path, size_t *n)
{
	const char *p = url ? strstr(url, "://") : NULL;

	if (!p || !p[3])
		return false;
	p += 3;
	p += strcspn(p, "/?#");
	*path = p;
	*n = *p == '/' ? strcspn(p, "?#") : 0;
	return true;
}

char *
board_url_segment(const char *url, int n)
{
	const char *path, *p, *end;
	size_t len;

	if (!board_url_path(url, &path, &len))
		return NULL;
	end = path + len;
	for (p = path; p < end;) {
		size_t m;

		while (p < end && *p == '/')
			p++;
		m = (size_t)(end - p);
		if (memchr(p, '/', m))
			m = (size_t)((const char *)memchr(p, '/', m) - p);
		if (!m)
			break;
		if (n-- == 0)
			return xstrndup(p, m);
		p += m;
	}
	return NULL;
}

char *
board_url_after(const char *url, const char *prefix)
{
	int i = 0;

	for (const char *p = prefix; *p; i++) {
		size_t n = strcspn(p, "/");
		char *seg = board_url_segment(url, i);
		bool same = seg && strlen(seg) == n && !memcmp(seg, p, n);

		free(seg);
		if (!same)
			return NULL;
		p += n + (p[n] == '/');
	}
	return board_url_segment(url, i);
}

char *
board_url_name(char *name, const char *also)
{
	static const char word[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				   "0123456789-_.";
	size_t n = 0;

	while (name && name[n] && (strchr(word, name[n]) || (also && strchr(also, name[n]))))
		n++;
	if (n && !name[n] && strcmp(name, ".") && strcmp(name, ".."))
		return name;
	free(name);
	return NULL;
}

char
board_head_first(const char *head, size_t len)
{
	size_t i = 0;

	if (!head)
		return '\0';
	if (len >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' ||
			   head[i] == '\r'))
		i++;
	return i < len ? head[i] : '\0';
}

bool
board_head_has(const char *head, size_t len, const char *needle)
{
	size_t n = strlen(needle);

	if (!head)
		return false;
	for (size_t i = 0; i + n <= len; i++)
		if (head[i] == needle[0] && !memcmp(head + i, needle, n))
			return true;
	return false;
}
