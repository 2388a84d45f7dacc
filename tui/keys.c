/*
 * Keys, actions and colours, and the text primitive every view draws with.
 *
 * Owns the key map (defaults from ACTION_INFO, then `bind` lines), the theme (defaults from
 * AREA_INFO, then `color` lines, then NO_COLOR) and ui_text_put(), the only path by which a
 * string reaches curses. It must never draw a string that did not pass text_sanitize(),
 * and never call curses before initscr() except for the pure key-name functions.
 */
#include "config.h"
#include "tui/keys.h"

#include <assert.h>
#include <errno.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "store/text.h"
#include "store/xmalloc.h"

#define ACTION_ROW(id, name, keys, group, help) { name, keys, group, help },
const struct action_info action_info[] = {
	ACTION_INFO(ACTION_ROW)
};
#undef ACTION_ROW

#define AREA_NAME(id, name, fg, bg, attr, mono) name,
static const char *const area_names[] = {
	AREA_INFO(AREA_NAME)
};
#undef AREA_NAME

/* ---- key names ---------------------------------------------------------------------------- */

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Enter", KEYS_ENTER },
	{ "Tab", KEYS_TAB },
	{ "Esc", KEYS_ESC },
	{ "Space", ' ' },
	{ "Backspace", KEYS_BACKSPACE },
	{ "Up", KEYS_FN + KEY_UP },
	{ "Down", KEYS_FN + KEY_DOWN },
	{ "Left", KEYS_FN + KEY_LEFT },
	{ "Right", KEYS_FN + KEY_RIGHT },
	{ "PgUp", KEYS_FN + KEY_PPAGE },
	{ "PgDn", KEYS_FN + KEY_NPAGE },
	{ "PageUp", KEYS_FN + KEY_PPAGE },
	{ "PageDown", KEYS_FN + KEY_NPAGE },
	{ "Home", KEYS_FN + KEY_HOME },
	{ "End", KEYS_FN + KEY_END },
	{ "Insert", KEYS_FN + KEY_IC },
	{ "Delete", KEYS_FN + KEY_DC },
	{ "BackTab", KEYS_FN + KEY_BTAB },
};

int
ui_key_parse(const char *name)
{
	size_t len;
	uint32_t cp;

	if (!name || !*name)
		return KEYS_NONE;
	len = strlen(name);
	for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++)
		if (!strcasecmp(name, key_names[i].name))
			return key_names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3) {
		char *end;
		long n;

		errno = 0;
		n = strtol(name + 1, &end, 10);
		if (!errno && !*end && n >= 1 && n <= 12)
			return KEYS_FN + KEY_F(n);
	}
	if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
		int c = (unsigned char)name[2];

		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (c >= '@' && c <= '_')
			return KEYS_CTRL(c);
		return KEYS_NONE;
	}
	if (text_utf8_decode(name, len, &cp) != len || cp < 0x20 || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0) || (cp == 0xfffd && len == 1))
		return KEYS_NONE;
	return (int)cp;
}

void
ui_key_name(int key, char *out, size_t size)
{
	char utf8[5];
	size_t n;

	if (!size)
		return;
	for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++)
		if (key_names[i].key == key) {
			string_ncopy(out, size, key_names[i].name);
			return;
		}
	if (key >= KEYS_FN + KEY_F(1) && key <= KEYS_FN + KEY_F(12)) {
		snprintf(out, size, "F%d", key - KEYS_FN - KEY_F(0));
	} else if (key > 0 && key < 0x20) {
		snprintf(out, size, "C-%c", (char)(key + 'a' - 1));
	} else if (key >= 0x20 && key <= 0x10ffff && key != 0x7f) {
		n = text_utf8_encode((uint32_t)key, utf8);
		utf8[n] = '\0';
		string_ncopy(out, size, utf8);
	} else {
		snprintf(out, size, "key-%d", key);
	}
}

int
ui_key_from_curses(int rc, wint_t wch)
{
	if (rc == KEY_CODE_YES) {
		switch ((int)wch) {
		case KEY_ENTER:
			return KEYS_ENTER;
		case KEY_BACKSPACE:
			return KEYS_BACKSPACE;
		default:
			return KEYS_FN + (int)wch;
		}
	}
	switch ((int)wch) {
	case '\n':
	case '\r':
		return KEYS_ENTER;
	case 8:
	case 0x7f:
		return KEYS_BACKSPACE;
	default:
		return (int)wch;
	}
}

void
ui_keys_define_extra(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END },
	};

	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (key_defined(extra[i].seq) <= 0)
			define_key(extra[i].seq, extra[i].key);
}

/* ---- the key map -------------------------------------------------------------------------- */

void
ui_keymap_bind(struct keymap *km, int key, enum action action)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->v[i].key == key) {
			if (action == ACT_NONE)
				km->v[i] = km->v[--km->n];
			else
				km->v[i].action = action;
			return;
		}
	if (action == ACT_NONE)
		return;
	if (km->n == km->alloc) {
		km->alloc = km->alloc ? km->alloc * 2 : 64;
		km->v = xreallocarray(km->v, km->alloc, sizeof(*km->v));
	}
	km->v[km->n].key = key;
	km->v[km->n].action = action;
	km->n++;
}

void
ui_keymap_init(struct keymap *km)
{
	memset(km, 0, sizeof(*km));
	for (int a = 0; a < ACT_COUNT_; a++) {
		const char *p = action_info[a].keys;

		while (*p) {
			char name[16];
			size_t n = strcspn(p, " ");
			int key;

			string_ncopy(name, n < sizeof(name) ? n + 1 : sizeof(name), p);
			key = ui_key_parse(name);
			assert(key != KEYS_NONE);
			ui_keymap_bind(km, key, (enum action)a);
			p += n;
			p += strspn(p, " ");
		}
	}
}

void
ui_keymap_done(struct keymap *km)
{
	free(km->v);
	memset(km, 0, sizeof(*km));
}

enum action
ui_keymap_lookup(const struct keymap *km, int key)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->v[i].key == key)
			return km->v[i].action;
	return ACT_NONE;
}

/* ---- colours ------------------------------------------------------------------------------ */

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char *name;
	attr_t attr;
} attr_names[] = {
	{ "normal", A_NORMAL },
	{ "bold", A_BOLD },
	{ "dim", A_DIM },
	{ "underline", A_UNDERLINE },
	{ "reverse", A_REVERSE },
	{ "blink", A_BLINK },
	{ "standout", A_STANDOUT },
	{ "italic", A_ITALIC },
};

/* A colour name or number into *out (-1 = default); false when it is neither. */
static bool
colour_parse(const char *s, short *out)
{
	const char *num = s;
	char *end;
	long n;

	if (!strcasecmp(s, "default")) {
		*out = -1;
		return true;
	}
	for (short i = 0; i < 8; i++) {
		if (!strcasecmp(s, colour_names[i])) {
			*out = i;
			return true;
		}
		if (!strncasecmp(s, "bright", 6) &&
		    !strcasecmp(s + 6 + (s[6] == '-'), colour_names[i])) {
			*out = (short)(i + 8);
			return true;
		}
	}
	if (!strncasecmp(s, "colour", 6))
		num = s + 6;
	else if (!strncasecmp(s, "color", 5))
		num = s + 5;
	if (*num < '0' || *num > '9')
		return false;
	errno = 0;
	n = strtol(num, &end, 10);
	if (errno || *end || n < 0 || n > 255)
		return false;
	*out = (short)n;
	return true;
}

void
ui_theme_init(struct theme *t)
{
#define AREA_DEFAULT(id, name_, fg_, bg_, attr_, mono_) \
	colour_parse(fg_, &t->area[AREA_##id].fg); \
	colour_parse(bg_, &t->area[AREA_##id].bg); \
	t->area[AREA_##id].attr = (attr_); \
	t->area[AREA_##id].mono = (mono_); \
	t->area[AREA_##id].user = false;
	memset(t, 0, sizeof(*t));
	AREA_INFO(AREA_DEFAULT)
#undef AREA_DEFAULT
}

static void
warn_line(void (*warn)(void *ctx, const char *msg), void *ctx, const struct config_line *l,
	  const char *what, const char *word)
{
	char *clean = text_sanitize(word ? word : "", 0);
	char *file = text_sanitize(l->file, 0);
	char *msg = xasprintf("%s:%d: %s%s%s", file, l->lineno, what, word ? ": " : "", clean);

	if (warn)
		warn(ctx, msg);
	free(msg);
	free(file);
	free(clean);
}

static void
configure_bind(struct keymap *km, const struct config_line *l,
	       void (*warn)(void *ctx, const char *msg), void *ctx)
{
	enum action action = ACT_NONE;
	int key;

	if (l->argc != 3) {
		warn_line(warn, ctx, l, "bind wants a key and an action", NULL);
		return;
	}
	if ((key = ui_key_parse(l->argv[1])) == KEYS_NONE) {
		warn_line(warn, ctx, l, "unknown key", l->argv[1]);
		return;
	}
	if (strcmp(l->argv[2], "none")) {
		for (int a = 0; a < ACT_COUNT_ && action == ACT_NONE; a++)
			if (!strcmp(l->argv[2], action_info[a].name))
				action = (enum action)a;
		if (action == ACT_NONE) {
			warn_line(warn, ctx, l, "unknown action", l->argv[2]);
			return;
		}
	}
	ui_keymap_bind(km, key, action);
}

static void
configure_color(struct theme *t, const struct config_line *l,
		void (*warn)(void *ctx, const char *msg), void *ctx)
{
	struct colour c = { -1, -1, A_NORMAL, A_NORMAL, true };
	int area = -1;

	if (l->argc < 4) {
		warn_line(warn, ctx, l, "color wants an area, a foreground and a background",
			  NULL);
		return;
	}
	for (int i = 0; i < AREA_COUNT_ && area < 0; i++)
		if (!strcmp(l->argv[1], area_names[i]))
			area = i;
	if (area < 0) {
		warn_line(warn, ctx, l, "unknown colour area", l->argv[1]);
		return;
	}
	for (int i = 2; i < 4; i++)
		if (!colour_parse(l->argv[i], i == 2 ? &c.fg : &c.bg)) {
			warn_line(warn, ctx, l, "unknown colour", l->argv[i]);
			return;
		}
	for (int i = 4; i < l->argc; i++) {
		size_t j, n = sizeof(attr_names) / sizeof(attr_names[0]);

		for (j = 0; j < n && strcasecmp(l->argv[i], attr_names[j].name); j++)
			;
		if (j == n) {
			warn_line(warn, ctx, l, "unknown attribute", l->argv[i]);
			return;
		}
		c.attr |= attr_names[j].attr;
	}
	c.mono = t->area[area].mono | c.attr;
	t->area[area] = c;
}

void
ui_keys_configure(struct keymap *km, struct theme *t, const struct config *c,
		  void (*warn)(void *ctx, const char *msg), void *ctx)
{
	for (size_t i = 0; i < c->nlines; i++) {
		const struct config_line *l = &c->lines[i];

		if (!l->argc)
			continue;
		if (!strcmp(l->argv[0], "bind"))
			configure_bind(km, l, warn, ctx);
		else if (!strcmp(l->argv[0], "color"))
			configure_color(t, l, warn, ctx);
	}
}

static bool unicode = true;	/* the terminal's character set is UTF-8 */

void
ui_theme_start(struct theme *t)
{
	const char *no_colour = getenv("NO_COLOR");
	const char *codeset = nl_langinfo(CODESET);

	unicode = codeset && (!strcasecmp(codeset, "UTF-8") || !strcasecmp(codeset, "utf8"));
	t->use_colour = !(no_colour && *no_colour) && has_colors() &&
			start_color() == OK && COLOR_PAIRS > AREA_COUNT_;
	if (!t->use_colour)
		return;
	use_default_colors();
	for (int i = 0; i < AREA_COUNT_; i++) {
		short fg = t->area[i].fg < COLORS ? t->area[i].fg : -1;
		short bg = t->area[i].bg < COLORS ? t->area[i].bg : -1;

		init_pair((short)(i + 1), fg, bg);
	}
}

attr_t
ui_theme_attr(const struct theme *t, enum area area)
{
	if (t->use_colour)
		return t->area[area].attr | COLOR_PAIR(area + 1);
	return t->area[area].mono;
}

bool
ui_text_unicode(void)
{
	return unicode;
}

/* ---- text --------------------------------------------------------------------------------- */

void
ui_text_blank(int y, int x, int w, attr_t attr)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (w > COLS - x)
		w = COLS - x;
	if (w > 0)
		mvhline(y, x, (chtype)' ' | attr, w);
}

int
ui_text_put_clean(int y, int x, int w, const char *clean, attr_t attr, unsigned flags)
{
	char *fit;
	wchar_t *buf;
	size_t len, n = 0;
	int used = 0;

	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (w > COLS - x)
		w = COLS - x;
	if (w <= 0)
		return 0;
	fit = text_fit(clean ? clean : "", w, NULL);
	len = strlen(fit);
	buf = xcalloc(len + 1, sizeof(*buf));
	/* Count columns the way curses will, so the cell ends exactly where it should. */
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int cw;

		i += text_utf8_decode(fit + i, len - i, &cp);
		if (!unicode && cp > 0x7e)
			cp = '?';
		cw = wcwidth((wchar_t)cp);
		if (cw < 0) {
			if (text_cp_width(cp) == 0)
				continue;
			cp = unicode ? 0xfffd : '?';
			cw = 1;
		}
		if (used + cw > w)
			break;
		buf[n++] = (wchar_t)cp;
		used += cw;
	}
	if ((flags & TEXT_RIGHT) && used < w) {
		ui_text_blank(y, x, w - used, attr);
		x += w - used;
		flags &= ~(unsigned)TEXT_PAD;
	}
	attrset(attr);
	if (n)
		mvaddnwstr(y, x, buf, (int)n);
	attrset(A_NORMAL);
	if ((flags & TEXT_PAD) && used < w)
		ui_text_blank(y, x + used, w - used, attr);
	free(buf);
	free(fit);
	return (flags & TEXT_RIGHT) ? w : used;
}

int
ui_text_put(int y, int x, int w, const char *s, attr_t attr, unsigned flags)
{
	char *clean = text_sanitize(s, 0);
	int used = ui_text_put_clean(y, x, w, clean, attr, flags);

	free(clean);
	return used;
}
