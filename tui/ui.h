/*
 * The terminal UI: list and detail panes over the cache, live filters, and a background
 * refresh. The only module that includes curses.h.
 */
#ifndef TUI_UI_H
#define TUI_UI_H

#include "tui/app.h"

/* Run the UI until the user quits; returns the exit status. Main thread. */
int ui_run(struct app *app);

#endif
