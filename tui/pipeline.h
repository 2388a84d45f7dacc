/*
 * The job hunt's two full-screen views: the pipeline (P), every tracked job grouped by
 * status with the days since its last change, and the picker of saved searches (L), each
 * with how many postings are new since it was last opened. Both read the store once when
 * opened (and again after a change the UI makes), hold what they show, and draw it over
 * the whole screen until closed. UI thread only.
 */
#ifndef TUI_PIPELINE_H
#define TUI_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/hunt.h"
#include "store/status.h"
#include "store/store.h"
#include "tui/keys.h"

struct ui_pipeline {
	bool active;
	struct hunt_items items;	/* tracked jobs, by status then latest change */
	size_t sel;			/* the selected item */
	size_t top;			/* the first screen line shown */
	int height;			/* lines shown at the last draw */
};

void ui_pipeline_init(struct ui_pipeline *p);
void ui_pipeline_done(struct ui_pipeline *p);
/*
 * Read the tracked jobs from s and show them; the selection stays on posting `keep` when it
 * is still tracked (0: the first). The view stays closed when reading fails.
 */
enum jt_status ui_pipeline_open(struct ui_pipeline *p, struct store *s, int64_t keep,
				struct jt_err *err);
void ui_pipeline_close(struct ui_pipeline *p);
/* Move the selection by delta items (clamped); INT32_MAX and -INT32_MAX go to the ends. */
void ui_pipeline_move(struct ui_pipeline *p, long delta);
/* The selected tracked job, or NULL. Borrowed until the view is read again or closed. */
const struct hunt_item *ui_pipeline_selected(const struct ui_pipeline *p);
/* Draw over the h x w area at (y, x). now: for the days since each change. */
void ui_pipeline_draw(struct ui_pipeline *p, const struct theme *t, int y, int x, int h, int w,
		      int64_t now);

struct ui_searches {
	bool active;
	struct hunt_searches all;	/* every saved search, by name, with its new count */
	size_t sel, top;
	int height;
};

void ui_searches_init(struct ui_searches *v);
void ui_searches_done(struct ui_searches *v);
/* Read the saved searches (and what is new in each) from s and show them. */
enum jt_status ui_searches_open(struct ui_searches *v, struct store *s, struct jt_err *err);
void ui_searches_close(struct ui_searches *v);
void ui_searches_move(struct ui_searches *v, long delta);
/* The selected saved search, or NULL. Borrowed until the view is read again or closed. */
const struct hunt_search *ui_searches_selected(const struct ui_searches *v);
void ui_searches_draw(struct ui_searches *v, const struct theme *t, int y, int x, int h, int w);

#endif
