/*
 * Where jobterm keeps things: the database, the config file, and its bundled assets.
 */
#ifndef TUI_PATHS_H
#define TUI_PATHS_H

#include <stdbool.h>

struct paths {
	char *db;		/* --db, else $XDG_DATA_HOME/jobterm/jobterm.db */
	bool db_given;		/* --db was given (so its directory must exist) */
	char *config;		/* --config, else $XDG_CONFIG_HOME/jobterm/config */
	bool config_given;	/* --config was given (so it must exist) */
	char *datadir;		/* bundled assets: $JOBTERM_DATADIR, the source tree when run
				 * from the build tree, else the installed data directory */
};

/* Fill p from the options (either may be NULL) and the environment. Main thread. */
void paths_init(struct paths *p, const char *db, const char *config);
void paths_done(struct paths *p);

/* The network module to load (tui/net.c): jobterm-net.so next to the running binary when
 * there is one, else the installed one. The caller frees it. */
char *paths_net_module(void);

/* A file:// URL for the bundled asset at datadir/rel (percent-encoding what needs it). */
char *paths_asset_url(const struct paths *p, const char *rel);

#endif
