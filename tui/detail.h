/*
 * The detail pane: one posting in full, its fields and then its description wrapped to the
 * pane's width by display width, scrolled on its own. The scroll position is remembered
 * per posting, so going back to a posting shows it where it was left. UI thread only.
 */
#ifndef TUI_DETAIL_H
#define TUI_DETAIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/hunt.h"
#include "store/job.h"
#include "store/status.h"
#include "store/store.h"
#include "tui/keys.h"

#define DETAIL_MEMO 64		/* postings whose scroll position is remembered */

struct detail_line {
	const char *label;	/* a field's label (static), or NULL */
	char *text;		/* sanitised, fits the width it was wrapped to (owned) */
	int indent;		/* columns before text */
	enum area area;
};

struct ui_detail {
	struct job job;			/* the posting shown, every field; id 0 = none */
	struct hunt_info hunt;		/* its status, history, note and duplicates */
	struct detail_line *lines;	/* job wrapped to `width` (owned) */
	size_t nlines, alloc;
	int width;			/* the width lines were wrapped to; 0 = not yet */
	size_t scroll;			/* the first line shown */
	int height;			/* lines shown (without the header) */
	struct {
		int64_t id;
		size_t scroll;
	} memo[DETAIL_MEMO];		/* scroll positions of postings shown before */
	size_t memo_next;
};

void ui_detail_init(struct ui_detail *d);
void ui_detail_done(struct ui_detail *d);

/*
 * Show posting id (0: nothing), read from s with every field and what the job hunt knows of
 * it. Showing the posting already shown does not read it again unless reread is true (a
 * refresh, a status or a note may have changed it); its scroll position stays.
 * JT_ERR_NOTFOUND when it is gone (nothing is shown then).
 */
enum jt_status ui_detail_show(struct ui_detail *d, struct store *s, int64_t id, bool reread,
			      struct jt_err *err);
/* The posting shown, or NULL. Borrowed until the next ui_detail_show(). */
const struct job *ui_detail_job(const struct ui_detail *d);
/* Record a flag change of posting id (when it is the one shown). */
void ui_detail_flag_note(struct ui_detail *d, int64_t id, enum job_flag flag, bool on);

/* Scroll by delta lines; by a screen (dir > 0 down); to the top; to the end. */
void ui_detail_scroll(struct ui_detail *d, long delta);
void ui_detail_page(struct ui_detail *d, int dir);
void ui_detail_home(struct ui_detail *d);
void ui_detail_end(struct ui_detail *d);

/* Draw a header line and the text into the h x w area at (y, x), wrapping again when w
 * changed. */
void ui_detail_draw(struct ui_detail *d, const struct theme *t, int y, int x, int h, int w,
		    bool focused);

#endif
