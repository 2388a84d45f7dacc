/*
 * Reading and writing OPML feed lists, without an XML library.
 *
 * Owns only the scanning of the markup. It must never expand an entity other than the five
 * predefined ones and character references, never follow a DTD or fetch anything, never read
 * past len, and never judge a URL (the caller does). Pure functions; any thread.
 */
#include "config.h"
#include "store/opml.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

#define ATTR_MAX	(64 * 1024)	/* bytes of one attribute value */

void
opml_feeds_init(struct opml_feeds *l)
{
	memset(l, 0, sizeof(*l));
}

void
opml_feeds_done(struct opml_feeds *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].url);
		free(l->v[i].title);
		free(l->v[i].format);
	}
	free(l->v);
	opml_feeds_init(l);
}

struct scan {
	const char *p, *end;
	const char *start;	/* for offsets in messages */
	struct jt_err *err;
	enum jt_status rc;	/* why scanning stopped */
};

static bool
name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == ':' || c == '.' || c == '-' || (unsigned char)c >= 0x80;
}

static bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Move past the first `close` at or after p; false (with err) when there is none. */
static bool
skip_past(struct scan *s, const char *close, const char *what)
{
	size_t n = strlen(close);

	for (const char *q = s->p; q + n <= s->end; q++)
		if (!memcmp(q, close, n)) {
			s->p = q + n;
			return true;
		}
	s->rc = jt_fail(s->err, JT_ERR_PARSE, "OPML: unterminated %s at byte %zu", what,
		(size_t)(s->p - s->start));
	return false;
}

/* <!DOCTYPE ...>, with an internal subset in brackets (skipped, never interpreted). */
static bool
skip_doctype(struct scan *s)
{
	int depth = 0;
	char quote = 0;

	for (; s->p < s->end; s->p++) {
		char c = *s->p;

		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '[') {
			depth++;
		} else if (c == ']' && depth) {
			depth--;
		} else if (c == '>' && !depth) {
			s->p++;
			return true;
		}
	}
	s->rc = jt_fail(s->err, JT_ERR_PARSE, "OPML: unterminated DOCTYPE");
	return false;
}

/* Decode an attribute value's entities and character references into valid UTF-8. */
static char *
decode(const char *v, size_t len)
{
	static const struct {
		const char *name;
		char c;
	} named[] = { { "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "quot", '"' },
		      { "apos", '\'' } };
	struct strbuf sb;
	char *out;

	strbuf_init(&sb, 0);
	strbuf_add(&sb, "", 0);
	for (size_t i = 0; i < len; i++) {
		const char *semi;
		size_t n;

		if (v[i] != '&' || !(semi = memchr(v + i, ';', len - i)) || semi - (v + i) > 12) {
			strbuf_addc(&sb, space(v[i]) ? ' ' : v[i]);
			continue;
		}
		n = (size_t)(semi - (v + i)) - 1;	/* between '&' and ';' */
		if (n >= 2 && v[i + 1] == '#') {
			bool hex = v[i + 2] == 'x' || v[i + 2] == 'X';
			uint32_t cp = 0;
			size_t k = i + (hex ? 3 : 2), digits = 0;
			char utf8[4];

			for (; v + k < semi; k++, digits++) {
				char c = v[k];
				int d = c >= '0' && c <= '9' ? c - '0'
				      : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
				      : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

				if (d < 0 || cp > 0x10FFFF) {
					cp = 0x110000;
					break;
				}
				cp = cp * (hex ? 16 : 10) + (uint32_t)d;
			}
			if (!digits || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
				cp = 0xFFFD;
			strbuf_add(&sb, utf8, text_utf8_encode(cp, utf8));
			i = (size_t)(semi - v);
			continue;
		}
		for (size_t e = 0; e < sizeof(named) / sizeof(named[0]); e++)
			if (strlen(named[e].name) == n && !memcmp(v + i + 1, named[e].name, n)) {
				strbuf_addc(&sb, named[e].c);
				i = (size_t)(semi - v);
				n = 0;
				break;
			}
		if (n)	/* an entity of a DTD: kept as written, never expanded */
			strbuf_addc(&sb, '&');
	}
	out = text_utf8_repair(strbuf_str(&sb), sb.len, NULL);
	strbuf_done(&sb);
	return out;
}

struct attrs {
	char *url, *title, *text, *format;
};

static void
attrs_done(struct attrs *a)
{
	free(a->url);
	free(a->title);
	free(a->text);
	free(a->format);
	memset(a, 0, sizeof(*a));
}

/* The attributes of a start tag, up to and past its '>'. */
static bool
read_attrs(struct scan *s, struct attrs *a)
{
	for (;;) {
		const char *name, *value;
		size_t nlen;
		char quote, **slot;

		while (s->p < s->end && space(*s->p))
			s->p++;
		if (s->p >= s->end)
			break;
		if (*s->p == '>') {
			s->p++;
			return true;
		}
		if (*s->p == '/' && s->p + 1 < s->end && s->p[1] == '>') {
			s->p += 2;
			return true;
		}
		name = s->p;
		while (s->p < s->end && name_char(*s->p))
			s->p++;
		nlen = (size_t)(s->p - name);
		while (s->p < s->end && space(*s->p))
			s->p++;
		if (!nlen || s->p >= s->end || *s->p != '=') {
			s->rc = jt_fail(s->err, JT_ERR_PARSE,
					"OPML: a malformed attribute at byte %zu",
				(size_t)(s->p - s->start));
			return false;
		}
		s->p++;
		while (s->p < s->end && space(*s->p))
			s->p++;
		if (s->p >= s->end || (*s->p != '"' && *s->p != '\'')) {
			s->rc = jt_fail(s->err, JT_ERR_PARSE,
					"OPML: an unquoted attribute at byte %zu",
				(size_t)(s->p - s->start));
			return false;
		}
		quote = *s->p++;
		value = s->p;
		while (s->p < s->end && *s->p != quote)
			s->p++;
		if (s->p >= s->end)
			break;
		if ((size_t)(s->p - value) > ATTR_MAX) {
			s->rc = jt_fail(s->err, JT_ERR_TOOBIG,
					"OPML: an attribute longer than 64 KB");
			return false;
		}
		slot = nlen == 6 && !strncasecmp(name, "xmlUrl", 6) ? &a->url
		     : nlen == 5 && !memcmp(name, "title", 5) ? &a->title
		     : nlen == 4 && !memcmp(name, "text", 4) ? &a->text
		     : nlen == 13 && !memcmp(name, "jobtermFormat", 13) ? &a->format : NULL;
		if (slot) {
			free(*slot);
			*slot = decode(value, (size_t)(s->p - value));
		}
		s->p++;
	}
	s->rc = jt_fail(s->err, JT_ERR_PARSE, "OPML: a tag is cut short");
	return false;
}

static char *
nonempty(char *s)
{
	char *t = text_squeeze(s);

	free(s);
	if (t && !*t) {
		free(t);
		return NULL;
	}
	return t;
}

enum jt_status
opml_parse(const char *text, size_t len, struct opml_feeds *out, struct jt_err *err)
{
	struct scan s = { text, text + len, text, err, JT_OK };
	struct opml_feeds got;
	bool root = false;

	if (len > OPML_MAX_BYTES)
		return jt_fail(err, JT_ERR_TOOBIG, "OPML: larger than %d MB",
			       OPML_MAX_BYTES / (1024 * 1024));
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		s.p += 3;
	opml_feeds_init(&got);
	while (s.p < s.end) {
		const char *lt = memchr(s.p, '<', (size_t)(s.end - s.p)), *name;
		size_t nlen, left;
		struct attrs a = { 0 };
		bool ok;

		if (!lt)
			break;
		s.p = lt;
		left = (size_t)(s.end - s.p);
		if (left >= 4 && !memcmp(s.p, "<!--", 4)) {
			s.p += 4;
			ok = skip_past(&s, "-->", "comment");
		} else if (left >= 9 && !memcmp(s.p, "<![CDATA[", 9)) {
			s.p += 9;
			ok = skip_past(&s, "]]>", "CDATA section");
		} else if (left >= 2 && s.p[1] == '!') {
			ok = skip_doctype(&s);
		} else if (left >= 2 && s.p[1] == '?') {
			ok = skip_past(&s, "?>", "processing instruction");
		} else if (left >= 2 && s.p[1] == '/') {
			ok = skip_past(&s, ">", "end tag");
		} else {
			s.p++;
			name = s.p;
			while (s.p < s.end && name_char(*s.p))
				s.p++;
			nlen = (size_t)(s.p - name);
			ok = read_attrs(&s, &a);
			if (ok && !root && !(nlen == 4 && !memcmp(name, "opml", 4))) {
				attrs_done(&a);
				opml_feeds_done(&got);
				return jt_fail(err, JT_ERR_FORMAT, "not an OPML document");
			}
			root = true;
			if (ok && nlen == 7 && !memcmp(name, "outline", 7) &&
			    a.url && *a.url) {
				struct opml_feed *f;

				if (got.n >= OPML_MAX_FEEDS) {
					attrs_done(&a);
					opml_feeds_done(&got);
					return jt_fail(err, JT_ERR_TOOBIG,
						       "OPML: more than %d feeds", OPML_MAX_FEEDS);
				}
				if (got.n == got.alloc) {
					got.alloc = got.alloc ? got.alloc * 2 : 16;
					got.v = xreallocarray(got.v, got.alloc, sizeof(*got.v));
				}
				f = &got.v[got.n++];
				f->url = a.url;
				f->title = nonempty(a.title ? a.title : a.text);
				if (a.title)
					free(a.text);
				f->format = nonempty(a.format);
				memset(&a, 0, sizeof(a));
			}
		}
		attrs_done(&a);
		if (!ok) {
			opml_feeds_done(&got);
			return s.rc;
		}
	}
	if (!root) {
		opml_feeds_done(&got);
		return jt_fail(err, JT_ERR_FORMAT, "not an OPML document");
	}
	for (size_t i = 0; i < got.n; i++) {
		if (out->n == out->alloc) {
			out->alloc = out->alloc ? out->alloc * 2 : 16;
			out->v = xreallocarray(out->v, out->alloc, sizeof(*out->v));
		}
		out->v[out->n++] = got.v[i];
	}
	free(got.v);
	return JT_OK;
}

/* s sanitised and escaped for a double-quoted XML attribute. */
static void
attr(struct strbuf *sb, const char *name, const char *s)
{
	char *clean;

	if (!s || !*s)
		return;
	clean = text_sanitize(s, 0);
	strbuf_addf(sb, " %s=\"", name);
	for (const char *p = clean; *p; p++) {
		switch (*p) {
		case '&':
			strbuf_adds(sb, "&amp;");
			break;
		case '<':
			strbuf_adds(sb, "&lt;");
			break;
		case '>':
			strbuf_adds(sb, "&gt;");
			break;
		case '"':
			strbuf_adds(sb, "&quot;");
			break;
		case '\'':
			strbuf_adds(sb, "&apos;");
			break;
		default:
			strbuf_addc(sb, *p);
			break;
		}
	}
	strbuf_addc(sb, '"');
	free(clean);
}

char *
opml_write(const struct feed_list *feeds)
{
	struct strbuf sb;

	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
		    "  <head>\n    <title>jobterm feeds</title>\n  </head>\n  <body>\n");
	for (size_t i = 0; i < feeds->n; i++) {
		const struct feed *f = &feeds->v[i];
		const char *name = f->name ? f->name : f->title ? f->title : f->url;

		strbuf_adds(&sb, "    <outline type=\"rss\"");
		attr(&sb, "text", name);
		attr(&sb, "title", name);
		attr(&sb, "xmlUrl", f->url);
		attr(&sb, "jobtermFormat", f->format);
		strbuf_adds(&sb, "/>\n");
	}
	strbuf_adds(&sb, "  </body>\n</opml>\n");
	return strbuf_detach(&sb, NULL);
}
