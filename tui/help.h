/*
 * The help screen: every action with the keys bound to it now, built from ACTION_INFO and
 * the live key map, so rebound keys show as they are. It covers the screen until a key
 * that does not scroll it closes it. UI thread only.
 */
#ifndef TUI_HELP_H
#define TUI_HELP_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/keys.h"

struct ui_help {
	bool active;
	size_t scroll;		/* first line shown */
	size_t nlines;		/* lines at the last draw */
	int height;		/* lines shown at the last draw */
};

void ui_help_open(struct ui_help *h);
/* Handle a key while open: the move actions scroll, any other key closes the screen. */
void ui_help_key(struct ui_help *h, const struct keymap *km, int key);
/* Draw over the h x w area at (y, x). */
void ui_help_draw(struct ui_help *h, const struct keymap *km, const struct theme *t, int y,
		  int x, int height, int w);

#endif
