/*
 * The one-line input used by the live filters.
 *
 * Owns the text being edited. It must never insert a character that the sanitiser would
 * remove (controls, escape sequences, bidi overrides), so what is typed, shown and queried
 * is the same text; it never touches the store itself, only calls back.
 */
#include "config.h"
#include "tui/prompt.h"

#include <stdlib.h>
#include <string.h>

#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"

void
ui_prompt_init(struct ui_prompt *p)
{
	memset(p, 0, sizeof(*p));
}

void
ui_prompt_done(struct ui_prompt *p)
{
	free(p->initial);
	memset(p, 0, sizeof(*p));
}

/* Would this character survive text_sanitize()? */
static bool
insertable(uint32_t cp)
{
	char utf8[5], *clean;
	size_t n;
	bool ok;

	if (cp < 0x20 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	n = text_utf8_encode(cp, utf8);
	utf8[n] = '\0';
	clean = text_sanitize(utf8, 0);
	ok = !strcmp(clean, utf8);
	free(clean);
	return ok;
}

static void
insert(struct ui_prompt *p, uint32_t cp)
{
	if (p->len >= PROMPT_MAX || !insertable(cp))
		return;
	memmove(p->buf + p->pos + 1, p->buf + p->pos, (p->len - p->pos) * sizeof(*p->buf));
	p->buf[p->pos++] = cp;
	p->len++;
}

/* Delete the characters [from, to). */
static void
cut(struct ui_prompt *p, size_t from, size_t to)
{
	if (from >= to || to > p->len)
		return;
	memmove(p->buf + from, p->buf + to, (p->len - to) * sizeof(*p->buf));
	p->len -= to - from;
	if (p->pos >= to)
		p->pos -= to - from;
	else if (p->pos > from)
		p->pos = from;
}

char *
ui_prompt_text(const struct ui_prompt *p)
{
	struct strbuf sb;
	char *s;

	strbuf_init(&sb, 0);
	for (size_t i = 0; i < p->len; i++) {
		char utf8[4];
		size_t n = text_utf8_encode(p->buf[i], utf8);

		strbuf_add(&sb, utf8, n);
	}
	s = xstrdup(strbuf_str(&sb));
	strbuf_done(&sb);
	return s;
}

void
ui_prompt_start(struct ui_prompt *p, const char *label, const char *initial,
		void (*on_change)(void *ctx, const char *text),
		void (*on_done)(void *ctx, const char *text, bool keep), void *ctx)
{
	const char *s = initial ? initial : "";
	size_t len = strlen(s);

	free(p->initial);
	memset(p, 0, sizeof(*p));
	string_copy(p->label, label);
	p->initial = xstrdup(s);
	while (len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s, len, &cp);

		insert(p, cp);
		s += n;
		len -= n;
	}
	p->on_change = on_change;
	p->on_done = on_done;
	p->ctx = ctx;
	p->active = true;
}

static void
finish(struct ui_prompt *p, bool keep)
{
	char *text = keep ? ui_prompt_text(p) : xstrdup(p->initial);

	p->active = false;
	if (p->on_done)
		p->on_done(p->ctx, text, keep);
	free(text);
}

void
ui_prompt_key(struct ui_prompt *p, int key)
{
	size_t old_len = p->len, i;
	bool changed;
	uint32_t before[PROMPT_MAX];

	if (!p->active)
		return;
	memcpy(before, p->buf, p->len * sizeof(*p->buf));
	switch (key) {
	case KEYS_ENTER:
		finish(p, true);
		return;
	case KEYS_ESC:
	case KEYS_CTRL('G'):
		finish(p, false);
		return;
	case KEYS_BACKSPACE:
		if (p->pos)
			cut(p, p->pos - 1, p->pos);
		break;
	case KEYS_FN + KEY_DC:
	case KEYS_CTRL('D'):
		cut(p, p->pos, p->pos + 1);
		break;
	case KEYS_CTRL('U'):
		cut(p, 0, p->pos);
		break;
	case KEYS_CTRL('K'):
		cut(p, p->pos, p->len);
		break;
	case KEYS_CTRL('W'):
		i = p->pos;
		while (i && p->buf[i - 1] == ' ')
			i--;
		while (i && p->buf[i - 1] != ' ')
			i--;
		cut(p, i, p->pos);
		break;
	case KEYS_FN + KEY_LEFT:
	case KEYS_CTRL('B'):
		if (p->pos)
			p->pos--;
		break;
	case KEYS_FN + KEY_RIGHT:
	case KEYS_CTRL('F'):
		if (p->pos < p->len)
			p->pos++;
		break;
	case KEYS_FN + KEY_HOME:
	case KEYS_CTRL('A'):
		p->pos = 0;
		break;
	case KEYS_FN + KEY_END:
	case KEYS_CTRL('E'):
		p->pos = p->len;
		break;
	default:
		if (key >= 0x20 && key < KEYS_FN)
			insert(p, (uint32_t)key);
		break;
	}
	changed = p->len != old_len || memcmp(before, p->buf, p->len * sizeof(*p->buf));
	if (changed && p->on_change) {
		char *text = ui_prompt_text(p);

		p->on_change(p->ctx, text);
		free(text);
	}
}

static int
cols(const uint32_t *v, size_t from, size_t to)
{
	int w = 0;

	for (size_t i = from; i < to; i++)
		w += text_cp_width(v[i]);
	return w;
}

void
ui_prompt_draw(struct ui_prompt *p, const struct theme *t, int y, int x, int w)
{
	attr_t attr = ui_theme_attr(t, AREA_PROMPT);
	int lw = text_width(p->label), avail = w - lw - 1;
	struct strbuf sb;
	size_t end;

	ui_text_blank(y, x, w, attr);
	ui_text_put_clean(y, x, w, p->label, attr | A_BOLD, 0);
	p->cursor_x = x + lw;
	if (avail < 1)
		return;
	/* Scroll sideways so the cursor stays in view. */
	if (p->first > p->pos)
		p->first = p->pos;
	while (p->first < p->pos && cols(p->buf, p->first, p->pos) > avail)
		p->first++;
	end = p->first;
	while (end < p->len && cols(p->buf, p->first, end + 1) <= avail)
		end++;
	strbuf_init(&sb, 0);
	for (size_t i = p->first; i < end; i++) {
		char utf8[4];

		strbuf_add(&sb, utf8, text_utf8_encode(p->buf[i], utf8));
	}
	ui_text_put_clean(y, x + lw, avail, strbuf_str(&sb), attr, 0);
	strbuf_done(&sb);
	p->cursor_x = x + lw + cols(p->buf, p->first, p->pos);
}
