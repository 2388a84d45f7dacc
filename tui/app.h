/*
 * What the terminal UI and the headless commands share: the paths, the config, opening the
 * store (with the bundled samples on a first run), and running a refresh to its end.
 */
#ifndef TUI_APP_H
#define TUI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "net/fetch.h"
#include "store/config.h"
#include "store/status.h"
#include "store/store.h"
#include "tui/paths.h"

struct app {
	struct paths paths;
	struct config config;
	bool config_found;	/* a config file was read */
	size_t warnings;	/* config lines skipped, by app_init and the UI's own */
	char first_warning[256];	/* the first of them ("FILE:LINE: why") */
};

/* A config warning: to stderr (prefixed "jobterm: "), and counted in app (ctx). */
void app_warn(void *ctx, const char *msg);

/*
 * Read the config file (warnings to stderr, prefixed "jobterm: "). A --config file that does
 * not exist or cannot be read is an error; a missing default one is not. Main thread, before
 * curses starts.
 */
enum jt_status app_init(struct app *app, const char *db, const char *config,
			struct jt_err *err);
void app_done(struct app *app);

/*
 * Open the database for the user's thread. On the very first run without a config file, the
 * bundled sample feeds are added and read (they are local files), so there is something to
 * browse offline at once.
 */
enum jt_status app_store_open(struct app *app, struct store **out, struct jt_err *err);

/* Fetcher options from the config. */
void app_fetch_options(const struct app *app, struct fetch_options *o);

/*
 * Refresh urls[0..n) (every feed when n is 0) and wait for the end, calling on_event (may be
 * NULL) for each event. Returns how many feeds failed, or -1 when the network module could
 * not be loaded or the fetcher could not start (err says why). Stops early, with the cache
 * unchanged for unfinished feeds, when *stop (may be NULL) becomes true.
 */
int app_refresh(struct app *app, const char *const *urls, size_t n,
		void (*on_event)(void *ctx, const struct fetch_event *ev), void *ctx,
		volatile const int *stop, struct jt_err *err);

#endif
