/*
 * Growable, capped byte buffers. Depends only on xmalloc.
 */
#include "config.h"
#include "store/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/xmalloc.h"

void
strbuf_init(struct strbuf *sb, size_t cap)
{
	memset(sb, 0, sizeof(*sb));
	sb->cap = cap;
}

void
strbuf_done(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb, sb->cap);
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->toobig = false;
	if (sb->buf)
		sb->buf[0] = '\0';
}

static bool
grow(struct strbuf *sb, size_t extra)
{
	size_t need;

	if (extra > (size_t)-1 - sb->len - 1 || (sb->cap && sb->len + extra > sb->cap)) {
		sb->toobig = true;
		return false;
	}
	need = sb->len + extra + 1;
	if (need > sb->alloc) {
		size_t alloc = sb->alloc ? sb->alloc : 64;

		while (alloc < need)
			alloc = alloc > (size_t)-1 / 2 ? need : alloc * 2;
		sb->buf = xrealloc(sb->buf, alloc);
		sb->alloc = alloc;
	}
	return true;
}

bool
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (!grow(sb, len))
		return false;
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
	return true;
}

bool
strbuf_adds(struct strbuf *sb, const char *s)
{
	return strbuf_add(sb, s, strlen(s));
}

bool
strbuf_addc(struct strbuf *sb, char c)
{
	return strbuf_add(sb, &c, 1);
}

bool
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !grow(sb, (size_t)n))
		return false;
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
	return true;
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *p = sb->buf ? sb->buf : xstrdup("");

	if (len)
		*len = sb->len;
	strbuf_init(sb, sb->cap);
	return p;
}

const char *
strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}
