/*
 * Keys, actions and colours: what the user can rebind and restyle, and the one function
 * that puts text on the screen.
 *
 * ACTION_INFO is the single table of actions: it gives the enum, the name used by `bind`
 * lines, the default keys and the help text, so parsing, defaults and the help screen all
 * come from it. AREA_INFO does the same for the coloured parts of the screen and `color`
 * lines. Everything here belongs to the UI thread.
 */
#ifndef TUI_KEYS_H
#define TUI_KEYS_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "store/config.h"

/*
 * Keys are ints: a Unicode code point for a character (control characters included: Tab is
 * 9, Esc is 27, Enter is always 13), or KEYS_FN + a curses KEY_ code for a special key.
 */
#define KEYS_FN		0x1000000
#define KEYS_CTRL(c)	((c) & 0x1f)
#define KEYS_ENTER	13
#define KEYS_ESC	27
#define KEYS_TAB	9
#define KEYS_BACKSPACE	(KEYS_FN + KEY_BACKSPACE)
#define KEYS_NONE	(-1)

/* enum, name in `bind` lines, default keys (space-separated key names), help group, help */
#define ACTION_INFO(_) \
	_(DOWN, "down", "j Down", "Move", \
	  "next posting, or scroll the detail down") \
	_(UP, "up", "k Up", "Move", \
	  "previous posting, or scroll the detail up") \
	_(PAGE_DOWN, "page-down", "PgDn C-f", "Move", \
	  "one screen down") \
	_(PAGE_UP, "page-up", "PgUp C-b", "Move", \
	  "one screen up") \
	_(FIRST, "first", "g Home", "Move", \
	  "first posting, or the top of the detail") \
	_(LAST, "last", "G End", "Move", \
	  "last posting, or the end of the detail") \
	_(OPEN, "open", "Enter", "Move", \
	  "open the posting in the detail pane (marks it read)") \
	_(BACK, "back", "Backspace", "Move", \
	  "back from the detail to the list") \
	_(FOCUS, "focus", "Tab", "Move", \
	  "switch focus between the list and the detail") \
	_(SEARCH, "search", "/", "Filter", \
	  "keyword filter, live as you type (Enter keeps, Esc cancels)") \
	_(LOCATION, "location", "l", "Filter", \
	  "location filter, live as you type") \
	_(REMOTE_ONLY, "remote-only", "R", "Filter", \
	  "remote postings only (toggle)") \
	_(FAVOURITES_ONLY, "favourites-only", "F", "Filter", \
	  "favourites only (toggle)") \
	_(UNREAD_ONLY, "unread-only", "u", "Filter", \
	  "unread postings only (toggle)") \
	_(SORT, "sort", "s", "Filter", \
	  "next sort order: date, salary, relevance, company") \
	_(CLEAR, "clear-filters", "c", "Filter", \
	  "clear every filter") \
	_(SHOW_BLOCKED, "show-blocked", "B", "Filter", \
	  "show blocked companies and words too (toggle)") \
	_(ALL_SOURCES, "all-sources", "D", "Filter", \
	  "every board's copy of a job, not one row (toggle)") \
	_(SHOW_HIDDEN, "show-hidden", "H", "Filter", \
	  "show hidden postings too (toggle)") \
	_(FAVOURITE, "favourite", "f", "Posting", \
	  "star or unstar (saved at once)") \
	_(BROWSE, "open-url", "o", "Posting", \
	  "open the apply link in the browser") \
	_(COPY, "copy-url", "y", "Posting", \
	  "copy the apply link (or show it)") \
	_(READ, "toggle-read", "m", "Posting", \
	  "mark read or unread") \
	_(HIDE, "hide", "x", "Posting", \
	  "hide the posting, or show a hidden one again") \
	_(TRACK, "set-status", "a", "Posting", \
	  "set the status: saved, applied, interviewing, ...") \
	_(NOTE, "edit-note", "n", "Posting", \
	  "edit the note ($EDITOR, else the status line)") \
	_(BLOCK, "block-company", "b", "Posting", \
	  "block the company, after asking (kept in the config)") \
	_(PIPELINE, "pipeline", "P", "Hunt", \
	  "the pipeline: tracked postings by status") \
	_(SAVE_SEARCH, "save-search", "S", "Hunt", \
	  "save the filters as a named search") \
	_(SEARCHES, "searches", "L", "Hunt", \
	  "saved searches and what is new in each") \
	_(REFRESH, "refresh", "r", "Other", \
	  "refresh every feed now") \
	_(HELP, "help", "?", "Other", \
	  "this help") \
	_(REDRAW, "redraw", "C-l", "Other", \
	  "redraw the screen") \
	_(QUIT, "quit", "q", "Other", \
	  "quit")

#define ACTION_ENUM(id, name, keys, group, help) ACT_##id,
enum action {
	ACT_NONE = -1,
	ACTION_INFO(ACTION_ENUM)
	ACT_COUNT_
};
#undef ACTION_ENUM

struct action_info {
	const char *name;	/* as in `bind` lines */
	const char *keys;	/* default keys, space-separated key names */
	const char *group;	/* help screen section */
	const char *help;
};

/* The action table, in ACTION_INFO order (ACT_COUNT_ entries). */
extern const struct action_info action_info[];

/* enum, name in `color` lines, colour fg, colour bg, attributes with colour, without */
#define AREA_INFO(_) \
	_(NORMAL,	"default",	"default", "default", A_NORMAL,	A_NORMAL) \
	_(HEADER,	"header",	"black",   "cyan",    A_NORMAL,	A_BOLD | A_UNDERLINE) \
	_(TITLE,	"title",	"yellow",  "default", A_BOLD,	A_BOLD) \
	_(LABEL,	"label",	"cyan",    "default", A_NORMAL,	A_BOLD) \
	_(SELECTED,	"selected",	"default", "default", A_REVERSE, A_REVERSE) \
	_(FAVOURITE,	"favourite",	"yellow",  "default", A_BOLD,	A_BOLD) \
	_(UNREAD,	"unread",	"default", "default", A_BOLD,	A_BOLD) \
	_(SALARY,	"salary",	"green",   "default", A_NORMAL,	A_NORMAL) \
	_(STATUS,	"status",	"white",   "blue",    A_NORMAL,	A_REVERSE) \
	_(ERROR,	"error",	"white",   "red",     A_BOLD,	A_BOLD | A_REVERSE) \
	_(PROMPT,	"prompt",	"default", "default", A_NORMAL,	A_NORMAL) \
	_(HELP_KEY,	"help-key",	"yellow",  "default", A_BOLD,	A_BOLD)

#define AREA_ENUM(id, name, fg, bg, attr, mono) AREA_##id,
enum area {
	AREA_INFO(AREA_ENUM)
	AREA_COUNT_
};
#undef AREA_ENUM

/* One binding per key; several keys may run one action. */
struct keymap {
	struct binding {
		int key;
		enum action action;
	} *v;			/* owned, n entries */
	size_t n;
	size_t alloc;
};

struct colour {
	short fg, bg;		/* colour numbers; -1 = the terminal's default */
	attr_t attr;		/* attributes when colours are used */
	attr_t mono;		/* attributes without colours */
	bool user;		/* set by a `color` line (its attributes apply in monochrome too) */
};

struct theme {
	struct colour area[AREA_COUNT_];
	bool use_colour;	/* decided by ui_theme_start() */
};

/* The default bindings of ACTION_INFO. Free with ui_keymap_done(). */
void ui_keymap_init(struct keymap *km);
void ui_keymap_done(struct keymap *km);
/* Bind key to action (ACT_NONE unbinds it), replacing what it did. */
void ui_keymap_bind(struct keymap *km, int key, enum action action);
/* The action bound to key, or ACT_NONE. */
enum action ui_keymap_lookup(const struct keymap *km, int key);

/* The default colours of AREA_INFO. */
void ui_theme_init(struct theme *t);

/*
 * Apply the config's `bind KEY ACTION` and `color AREA FG BG [ATTR...]` lines to km and t.
 * A bad line is skipped with a warning "FILE:LINE: message" to warn(ctx, msg). Before
 * curses starts (colour numbers are checked against the terminal by ui_theme_start()).
 */
void ui_keys_configure(struct keymap *km, struct theme *t, const struct config *c,
		       void (*warn)(void *ctx, const char *msg), void *ctx);

/*
 * After initscr(): use colours unless the terminal has none or NO_COLOR is set (to anything
 * but ""), in which case only attributes (bold, reverse, ...) are used.
 */
void ui_theme_start(struct theme *t);
/* The attributes (colour pair included) to draw area with. */
attr_t ui_theme_attr(const struct theme *t, enum area area);
/* True when the terminal takes UTF-8 (known after ui_theme_start()); else only ASCII shows. */
bool ui_text_unicode(void);

/*
 * Parse a key name: a single character ("j", "?", "é"), "C-x" for a control key, or one of
 * Enter, Tab, Esc, Space, Backspace, Up, Down, Left, Right, PgUp, PgDn (PageUp, PageDown),
 * Home, End, Insert, Delete, BackTab, F1-F12. KEYS_NONE when it is none of these.
 */
int ui_key_parse(const char *name);
/* The name of key in the form ui_key_parse() reads, into out (always terminated). */
void ui_key_name(int key, char *out, size_t size);
/*
 * A key from wget_wch()'s result (rc is OK or KEY_CODE_YES): Enter, Backspace and their
 * aliases are folded into one code each.
 */
int ui_key_from_curses(int rc, wint_t wch);
/* Teach curses the Home/End sequences that terminfo often leaves out. After initscr(). */
void ui_keys_define_extra(void);

enum {
	TEXT_PAD = 1 << 0,	/* fill the rest of the width with spaces */
	TEXT_RIGHT = 1 << 1,	/* align right within the width */
};

/*
 * Draw the UTF-8 string s at (y, x) in at most w columns with attributes attr: s is
 * sanitised (text_sanitize) and fitted with an ellipsis (text_fit) first, so this is the
 * one place where text reaches curses and nothing from a feed can move the cursor or reach
 * the terminal raw. Returns the columns drawn. NULL draws as "".
 */
int ui_text_put(int y, int x, int w, const char *s, attr_t attr, unsigned flags);
/* The same for text known to be clean already (from text_sanitize); no sanitising. */
int ui_text_put_clean(int y, int x, int w, const char *clean, attr_t attr, unsigned flags);
/* Fill w columns at (y, x) with spaces in attr. */
void ui_text_blank(int y, int x, int w, attr_t attr);

#endif
