/*
 * The help screen, generated from the action table and the key map.
 *
 * Owns only its scroll position. It must never list a key that is not bound, or an action
 * the key table does not have: the text comes from ACTION_INFO and the live key map alone.
 */
#include "config.h"
#include "tui/help.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store/strbuf.h"
#include "store/xmalloc.h"

#define KEYS_W		20	/* the keys column */
#define KEYS_W_NARROW	12	/* the same below 70 columns */

void
ui_help_open(struct ui_help *h)
{
	memset(h, 0, sizeof(*h));
	h->active = true;
}

static size_t
max_scroll(const struct ui_help *h)
{
	size_t page = (size_t)(h->height > 0 ? h->height : 1);

	return h->nlines > page ? h->nlines - page : 0;
}

void
ui_help_key(struct ui_help *h, const struct keymap *km, int key)
{
	size_t page = (size_t)(h->height > 1 ? h->height - 1 : 1);

	switch (ui_keymap_lookup(km, key)) {
	case ACT_DOWN:
		h->scroll++;
		break;
	case ACT_UP:
		if (h->scroll)
			h->scroll--;
		break;
	case ACT_PAGE_DOWN:
		h->scroll += page;
		break;
	case ACT_PAGE_UP:
		h->scroll = h->scroll > page ? h->scroll - page : 0;
		break;
	case ACT_FIRST:
		h->scroll = 0;
		break;
	case ACT_LAST:
		h->scroll = (size_t)-1 / 2;	/* ui_help_draw() brings it back to the end */
		break;
	default:
		h->active = false;
		return;
	}
	if (h->height > 0 && h->scroll > max_scroll(h))
		h->scroll = max_scroll(h);
}

/* The keys bound to action a, as "j, Down"; the caller frees it. */
static char *
keys_of(const struct keymap *km, enum action a)
{
	struct strbuf sb;
	char *s;

	strbuf_init(&sb, 0);
	for (size_t i = 0; i < km->n; i++) {
		char name[32];

		if (km->v[i].action != a)
			continue;
		ui_key_name(km->v[i].key, name, sizeof(name));
		if (*strbuf_str(&sb))
			strbuf_adds(&sb, ", ");
		strbuf_adds(&sb, name);
	}
	s = xstrdup(*strbuf_str(&sb) ? strbuf_str(&sb) : "(none)");
	strbuf_done(&sb);
	return s;
}

struct help_line {
	enum { LINE_BLANK, LINE_GROUP, LINE_KEY, LINE_NOTE } kind;
	const char *text;	/* group name, action help or note (static) */
	char *keys;		/* LINE_KEY: the keys (owned) */
};

static const char *const notes[] = {
	"Filters narrow the list as you type; the status line shows them.",
	"The mouse selects with a click and scrolls with the wheel.",
	"Keys and colours can be set in the config file (bind, color).",
	"In the pipeline (P) and the saved searches (L), Enter opens and q closes.",
};

#define HELP_LINES_MAX (3 * ACT_COUNT_ + 2 + sizeof(notes) / sizeof(notes[0]))

/* The help as lines, into v (HELP_LINES_MAX of them at most); returns how many. */
static size_t
lay_out(const struct keymap *km, struct help_line *v)
{
	const char *group = NULL;
	size_t n = 0;

	for (int a = 0; a < ACT_COUNT_; a++) {
		if (!group || strcmp(group, action_info[a].group)) {
			if (group)
				v[n++] = (struct help_line){ LINE_BLANK, NULL, NULL };
			group = action_info[a].group;
			v[n++] = (struct help_line){ LINE_GROUP, group, NULL };
		}
		v[n++] = (struct help_line){ LINE_KEY, action_info[a].help,
					     keys_of(km, (enum action)a) };
	}
	v[n++] = (struct help_line){ LINE_BLANK, NULL, NULL };
	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++)
		v[n++] = (struct help_line){ LINE_NOTE, notes[i], NULL };
	assert(n <= HELP_LINES_MAX);
	return n;
}

void
ui_help_draw(struct ui_help *h, const struct keymap *km, const struct theme *t, int y, int x,
	     int height, int w)
{
	attr_t head = ui_theme_attr(t, AREA_HEADER) | A_BOLD;
	attr_t normal = ui_theme_attr(t, AREA_NORMAL), key = ui_theme_attr(t, AREA_HELP_KEY);
	attr_t group = ui_theme_attr(t, AREA_TITLE);
	struct help_line v[HELP_LINES_MAX];
	int kw = w >= 70 ? KEYS_W : KEYS_W_NARROW;

	if (height <= 0 || w <= 0)
		return;
	h->height = height - 1;
	h->nlines = lay_out(km, v);
	if (h->scroll > max_scroll(h))
		h->scroll = max_scroll(h);
	ui_text_blank(y, x, w, head);
	ui_text_put_clean(y, x + 1, w - 1, "jobterm help: keys (the move keys scroll, any other key closes)", head, 0);
	for (int r = 1; r < height; r++) {
		size_t i = h->scroll + (size_t)r - 1;
		int ly = y + r;

		ui_text_blank(ly, x, w, normal);
		if (i >= h->nlines)
			continue;
		switch (v[i].kind) {
		case LINE_GROUP:
			ui_text_put_clean(ly, x + 1, w - 1, v[i].text, group, 0);
			break;
		case LINE_KEY:
			ui_text_put_clean(ly, x + 3, kw - 1, v[i].keys, key, 0);
			ui_text_put_clean(ly, x + 3 + kw, w - 3 - kw, v[i].text, normal, 0);
			break;
		case LINE_NOTE:
			ui_text_put_clean(ly, x + 1, w - 1, v[i].text, normal, 0);
			break;
		default:
			break;
		}
	}
	for (size_t i = 0; i < h->nlines; i++)
		free(v[i].keys);
}
