/*
 * The list pane: which postings match the filter, which one is selected, and drawing them.
 *
 * Only a window of rows around the selection is in memory, read from the store with keyset
 * pagination; the selection is a posting, so a refresh that adds postings above it does not
 * move it. Every function that reads the store returns JT_OK or the store's error (err says
 * why) and leaves the list usable. UI thread only.
 */
#ifndef TUI_LIST_H
#define TUI_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/job.h"
#include "store/status.h"
#include "store/store.h"
#include "tui/keys.h"

/* A position in the sort order: before the first posting, or just after `key`. */
struct list_cursor {
	bool start;		/* before the first posting (key unused) */
	struct job key;		/* only the sort-key fields and id are set (owned) */
	size_t n;		/* in the stack of marks: rows from here to the next mark */
};

struct ui_list {
	struct store *store;		/* borrowed */
	struct job_filter filter;	/* keyword, location, company point at the strings below */
	char *keyword;			/* owned; NULL = no keyword filter */
	char *location;			/* owned; NULL = no location filter */
	char *company;			/* owned; NULL = no company filter (saved searches) */
	struct job_list rows;		/* the window: consecutive matching postings, in order */
	struct list_cursor head;	/* the position just before rows.v[0] */
	struct list_cursor *marks;	/* earlier heads, a stack, to scroll back up cheaply */
	size_t nmarks, amarks;
	bool at_end;			/* the last row of the window is the last posting */
	size_t sel;			/* the selected row (index into rows; 0 when empty) */
	size_t top;			/* the first row shown */
	int height;			/* rows shown (without the header) */
	size_t line;			/* the selection's screen line, as the user left it */
	int64_t count;			/* postings that match the filter; -1 not known yet */
	int64_t total;			/* postings in all (hidden ones unless shown); 0 not known */
	bool count_due;			/* count (and total) are to be read: ui_list_count() */
};

/* An empty list over store s (borrowed for the list's life); nothing is read yet. */
void ui_list_init(struct ui_list *l, struct store *s);
void ui_list_done(struct ui_list *l);

/* Set the keyword or location filter text (NULL or "" clears it); ui_list_reload() next. */
void ui_list_set_keyword(struct ui_list *l, const char *text);
void ui_list_set_location(struct ui_list *l, const char *text);
void ui_list_set_company(struct ui_list *l, const char *text);
/* The next sort order (relevance only while there is a keyword); ui_list_reload() next. */
void ui_list_sort_next(struct ui_list *l);

/*
 * The filter changed: read the first screenful again; the count is unknown (-1) until
 * ui_list_count(). The selection stays on the same posting when it is among the first rows,
 * else it goes to the first posting.
 */
enum jt_status ui_list_reload(struct ui_list *l, struct jt_err *err);
/*
 * The postings changed (a refresh stored some, a flag changed): read the window again from
 * the same place, keeping the selected posting on the same screen line when it is still
 * there (else the row that took its place). The counts keep their old values until
 * ui_list_count().
 */
enum jt_status ui_list_refresh(struct ui_list *l, struct jt_err *err);
/*
 * Read the counts that are due (count_due). A count reads every match, which a screenful
 * does not, so the UI repaints the list first and counts when no key is waiting.
 */
enum jt_status ui_list_count(struct ui_list *l, struct jt_err *err);

/* Rows shown; keeps the selection on screen. */
enum jt_status ui_list_set_height(struct ui_list *l, int height, struct jt_err *err);
/* Move the selection by delta rows (clamped to the list). */
enum jt_status ui_list_move(struct ui_list *l, long delta, struct jt_err *err);
/* Scroll one screen down (dir > 0) or up, the selection with it. */
enum jt_status ui_list_page(struct ui_list *l, int dir, struct jt_err *err);
/* Select the first posting. */
enum jt_status ui_list_first(struct ui_list *l, struct jt_err *err);
/*
 * Select the last posting. The rows before the end are found by bisecting the sort key
 * (a bounded number of one-page queries), never by reading the whole list, except under
 * the company sort, whose text key cannot be bisected: it pages to the end.
 */
enum jt_status ui_list_last(struct ui_list *l, struct jt_err *err);
/* Select the posting on screen row `row` (0 = first row under the header); false if none. */
bool ui_list_click(struct ui_list *l, int row);

/* The selected posting (summary fields only), or NULL when the list is empty. Borrowed
 * until the next call that moves or reloads the list. */
const struct job *ui_list_selected(const struct ui_list *l);
/* Record a flag change of posting id in the rows held (the store is not touched). */
void ui_list_flag_note(struct ui_list *l, int64_t id, enum job_flag flag, bool on);

/* Draw the header and the rows into the h x w area at (y, x). now: for the age column. */
void ui_list_draw(const struct ui_list *l, const struct theme *t, int y, int x, int h, int w,
		  bool focused, int64_t now);

#endif
