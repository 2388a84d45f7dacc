/*
 * libxml2 as jobterm uses it: the process-wide set-up (feed_xml_init), the quiet HTML parse,
 * and the streaming reader as the XML feed parsers use it: reading the input from memory or
 * a file with invalid UTF-8 repaired on the way in, one walk over the nodes for a parser's
 * handlers, libxml2's errors kept as a printable message, and the text collected into
 * capped buffers.
 *
 * Must never let libxml2 expand entities (no XML_PARSE_NOENT), load a DTD or anything else
 * (no DTDLOAD, DTDATTR, DTDVALID, XINCLUDE; NONET always), lift its size limits (no HUGE),
 * or print: errors go to a handler that keeps a sanitised message. Parsing is strict: a
 * document that is not well formed is an error (no RECOVER), so a cut download stores
 * nothing. Invalid UTF-8 is the one exception: the bytes are repaired to U+FFFD on the way
 * in, so one bad byte does not drop a feed. No I/O but reading the input; no globals.
 */
#include "config.h"
#include "net/xml.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/text.h"
#include "store/xmalloc.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
		     XML_PARSE_NOCDATA)

/* Bytes read from a file at a time: the first read is where the XML declaration is looked
 * for, so a document reads the same from memory as from a file. */
#define CHUNK_MAX	16384

/* The input as libxml2 reads it: memory or a file, with invalid UTF-8 repaired. */
struct src {
	const char *mem;	/* NULL: read fd */
	size_t len;
	int fd;
	off_t off;		/* next byte to read */
	bool seekable;
	bool eof;
	bool decided;		/* repair decided from the first bytes */
	bool repair;		/* the document is UTF-8: repair it */
	unsigned char pend[4];	/* the start of a sequence cut by the last read */
	size_t npend;
	char *out;		/* repaired bytes not yet handed to libxml2 */
	size_t outlen, outpos;
	char raw[CHUNK_MAX];
};

/* A walk in progress. */
struct reader {
	xmlTextReaderPtr r;
	struct src src;
	bool root_seen;
	char fatal[160];	/* the first fatal error libxml2 reported */
	int fatal_line;
	char error[160];	/* the first error of any kind */
	int error_line;
};

/* ---- set-up and quiet HTML ----------------------------------------------------------------- */

static xmlParserInputPtr
deny_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void
quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
quiet_structured(void *ctx, xmlErrorPtr error)
{
	(void)ctx;
	(void)error;
}

void
feed_xml_init(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_entity);
	/* Nothing libxml2 says may reach a terminal: this thread and every later one. */
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlThrDefSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	xmlThrDefSetStructuredErrorFunc(NULL, quiet_structured);
}

/* libxml2's reports to this thread, silenced and put back. */
struct quiet {
	xmlGenericErrorFunc generic;
	void *generic_ctx;
	xmlStructuredErrorFunc structured;
	void *structured_ctx;
};

static void
quiet_begin(struct quiet *q)
{
	q->generic = xmlGenericError;
	q->generic_ctx = xmlGenericErrorContext;
	q->structured = xmlStructuredError;
	q->structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

static void
quiet_end(const struct quiet *q)
{
	xmlSetGenericErrorFunc(q->generic_ctx, q->generic);
	xmlSetStructuredErrorFunc(q->structured_ctx, q->structured);
}

htmlDocPtr
xml_html_read(const char *buf, size_t len, const char *encoding, int options)
{
	struct quiet q;
	htmlDocPtr doc;

	quiet_begin(&q);
	doc = htmlReadMemory(buf, (int)len, NULL, encoding, options);
	quiet_end(&q);
	return doc;
}

void
xml_html_sax(const char *buf, size_t len, int options, const htmlSAXHandler *sax, void *ctx)
{
	struct quiet q;
	htmlParserCtxtPtr c;

	quiet_begin(&q);
	c = htmlCreateMemoryParserCtxt(buf, (int)len);
	if (c) {
		/* The context owns its handler block: fill it in rather than replace it. */
		memcpy(c->sax, sax, sizeof(*sax));
		c->userData = ctx;
		xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
		htmlCtxtUseOptions(c, options);
		htmlParseDocument(c);
		if (c->myDoc)
			xmlFreeDoc(c->myDoc);
		htmlFreeParserCtxt(c);
	}
	quiet_end(&q);
}

/* ---- input --------------------------------------------------------------------------------- */

static ssize_t
src_raw(struct src *s, char *dst, size_t n)
{
	ssize_t r;

	if (s->mem) {
		size_t left = s->len - (size_t)s->off;

		if (n > left)
			n = left;
		memcpy(dst, s->mem + s->off, n);
		s->off += (off_t)n;
		return (ssize_t)n;
	}
	for (;;) {
		r = s->seekable ? pread(s->fd, dst, n, s->off) : read(s->fd, dst, n);
		if (r < 0 && s->seekable && errno == ESPIPE) {
			s->seekable = false;
			continue;
		}
		if (r < 0 && errno == EINTR)
			continue;
		if (r > 0)
			s->off += r;
		return r;
	}
}

bool
xml_encoding_foreign(const char *head, size_t n)
{
	const char *e, *end = head + (n < CHUNK_MAX ? n : CHUNK_MAX);
	char name[32];
	size_t k = 0, bom = n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3) ? 3 : 0;

	if (n >= 2 && ((head[0] == '\xFE' && head[1] == '\xFF') ||
		       (head[0] == '\xFF' && head[1] == '\xFE')))
		return true;
	if (n >= 4 && !memcmp(head, "\0\0\0<", 4))
		return true;
	if (n >= 2 && (head[0] == '\0' || head[1] == '\0'))
		return true;
	if (n < bom + 5 || memcmp(head + bom, "<?xml", 5))
		return false;
	for (e = head; e + 8 < end && *e != '>'; e++)
		if (!memcmp(e, "encoding", 8))
			break;
	if (e + 8 >= end || *e == '>')
		return false;
	for (e += 8; e < end && (*e == ' ' || *e == '=' || *e == '"' || *e == '\''); e++)
		;
	for (; e < end && *e != '"' && *e != '\'' && k + 1 < sizeof(name); e++)
		if (*e != '-' && *e != '_')
			name[k++] = (char)(*e >= 'A' && *e <= 'Z' ? *e - 'A' + 'a' : *e);
	name[k] = '\0';
	return strcmp(name, "utf8") != 0;
}

static void
out_add(struct src *s, const void *p, size_t n)
{
	memcpy(s->out + s->outlen, p, n);
	s->outlen += n;
}

/* Read the next raw chunk and repair it into s->out. False at the end or on an error. */
static bool
src_refill(struct src *s)
{
	size_t n = s->npend, i = 0;
	ssize_t r;

	memcpy(s->raw, s->pend, s->npend);
	s->npend = 0;
	s->outlen = s->outpos = 0;
	if (!s->eof) {
		r = src_raw(s, s->raw + n, sizeof(s->raw) - n);
		if (r < 0)
			return false;
		if (r == 0)
			s->eof = true;
		n += (size_t)r;
	}
	if (!n)
		return false;
	if (!s->decided) {
		s->decided = true;
		s->repair = !xml_encoding_foreign(s->raw, n);
	}
	if (!s->repair) {
		out_add(s, s->raw, n);
		return true;
	}
	while (i < n) {
		unsigned char c = (unsigned char)s->raw[i];
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		uint32_t cp;
		size_t used;

		if (c && c < 0x80) {	/* a run of ASCII, NUL aside, as it is */
			size_t j = i + 1;

			while (j < n && (unsigned char)s->raw[j] - 1u < 0x7Fu)
				j++;
			out_add(s, s->raw + i, j - i);
			i = j;
			continue;
		}
		if (need > 1 && i + need > n && !s->eof) {
			bool cut = true;

			for (size_t j = i + 1; j < n; j++)
				if (((unsigned char)s->raw[j] & 0xC0) != 0x80)
					cut = false;
			if (cut) {
				s->npend = n - i;
				memcpy(s->pend, s->raw + i, s->npend);
				break;
			}
		}
		used = c ? text_utf8_decode(s->raw + i, n - i, &cp) : 1;
		if (!c || (cp == 0xFFFD && memcmp(s->raw + i, TEXT_REPLACEMENT, 3)))
			out_add(s, TEXT_REPLACEMENT, 3);
		else
			out_add(s, s->raw + i, used);
		i += used;
	}
	return true;
}

static int
src_read(void *ctx, char *buf, int len)
{
	struct src *s = ctx;
	size_t n;

	if (len <= 0)
		return 0;
	while (s->outpos == s->outlen)
		if (!src_refill(s))
			return s->eof && !s->npend ? 0 : -1;
	n = s->outlen - s->outpos;
	if (n > (size_t)len)
		n = (size_t)len;
	memcpy(buf, s->out + s->outpos, n);
	s->outpos += n;
	return (int)n;
}

static int
src_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* ---- errors -------------------------------------------------------------------------------- */

static void
on_error(void *arg, xmlErrorPtr e)
{
	struct reader *x = arg;

	if (!e || e->level < XML_ERR_ERROR)
		return;
	if (!x->error[0]) {
		xml_printable(x->error, sizeof(x->error), e->message);
		x->error_line = e->line;
	}
	if (e->level == XML_ERR_FATAL && !x->fatal[0]) {
		xml_printable(x->fatal, sizeof(x->fatal), e->message);
		x->fatal_line = e->line;
	}
}

/* ---- the walk ------------------------------------------------------------------------------ */

static enum jt_status
walk(struct reader *x, const struct xml_handler *h, void *ctx, struct jt_err *err)
{
	enum jt_status rc = JT_OK;
	const char *s;
	int ret;

	while (rc == JT_OK && (ret = xmlTextReaderRead(x->r)) == 1) {
		int depth = xmlTextReaderDepth(x->r);

		switch (xmlTextReaderNodeType(x->r)) {
		case XML_READER_TYPE_ELEMENT:
			if ((s = (const char *)xmlTextReaderConstLocalName(x->r))) {
				x->root_seen = true;
				rc = h->start(ctx, x->r, s, depth, err);
			}
			break;
		case XML_READER_TYPE_END_ELEMENT:
			rc = h->end(ctx, x->r, depth, err);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if ((s = (const char *)xmlTextReaderConstValue(x->r)))
				h->text(ctx, s, depth);
			break;
		default:
			break;	/* entity references stay unexpanded; comments, PIs */
		}
	}
	if (rc != JT_OK)
		return rc;
	if (ret < 0) {
		if (x->fatal[0])
			return jt_fail(err, JT_ERR_PARSE, "malformed XML: line %d: %s",
				       x->fatal_line, x->fatal);
		if (x->error[0])
			return jt_fail(err, JT_ERR_PARSE, "malformed XML: line %d: %s",
				       x->error_line, x->error);
		return jt_fail(err, JT_ERR_PARSE, "malformed XML");
	}
	if (!x->root_seen)
		return jt_fail(err, JT_ERR_PARSE, "malformed XML: no root element");
	return JT_OK;
}

enum jt_status
xml_read(const struct feed_input *in, const struct xml_handler *h, void *ctx,
	 struct jt_err *err)
{
	struct reader *x = xcalloc(1, sizeof(*x));
	enum jt_status rc;

	x->src.fd = in->fd;
	x->src.seekable = true;
	if (in->buf && in->len <= INT_MAX &&
	    (xml_encoding_foreign(in->buf, in->len) || text_utf8_valid(in->buf, in->len))) {
		x->r = xmlReaderForMemory(in->buf, (int)in->len, NULL, NULL, XML_OPTIONS);
	} else {
		if (in->buf) {
			x->src.mem = in->buf;
			x->src.len = in->len;
		}
		x->src.out = xmalloc(3 * sizeof(x->src.raw) + 16);
		x->r = xmlReaderForIO(src_read, src_close, &x->src, NULL, NULL, XML_OPTIONS);
	}
	if (!x->r) {
		rc = jt_fail(err, JT_ERR_PARSE, "cannot start the XML reader");
	} else {
		xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
		rc = walk(x, h, ctx, err);
		xmlFreeTextReader(x->r);
	}
	free(x->src.out);
	free(x);
	return rc;
}

/* ---- text ---------------------------------------------------------------------------------- */

void
xml_text_add(struct strbuf *sb, const char *s, size_t n)
{
	size_t room = sb->cap > sb->len ? sb->cap - sb->len : 0;

	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		strbuf_add(sb, s, n);
}

void
xml_text_adds(struct strbuf *sb, const char *s)
{
	xml_text_add(sb, s, strlen(s));
}

void
xml_printable(char *dst, size_t size, const char *msg)
{
	size_t n = 0;

	for (; msg && *msg && n + 1 < size; msg++) {
		unsigned char c = (unsigned char)*msg;

		if (c == '\n')
			break;
		dst[n++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	dst[n] = '\0';
}

