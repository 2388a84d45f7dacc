/*
 * net/ as a loadable module: jobterm-net.so exports one table, jobterm_net_ops, and exports
 * nothing else. The jobterm executable finds it with dlsym() on first use (tui/net.c), so
 * that libcurl, libxml2 and cJSON are loaded only when something needs them. The table's
 * first two members never move: a module of another version or build is refused by them.
 */
#ifndef NET_MODULE_H
#define NET_MODULE_H

#include <stdbool.h>
#include <stddef.h>

#include "net/fetch.h"
#include "store/status.h"

#define NET_OPS_SYMBOL "jobterm_net_ops"

/* The functions of net/fetch.h and net/feed.h that the program calls, under their names. */
struct net_ops {
	const char *version;		/* PACKAGE_VERSION of the module */
	size_t size;			/* sizeof(struct net_ops) of the module */
	void (*fetch_global_init)(void);
	void (*fetch_global_cleanup)(void);
	enum jt_status (*fetch_start)(const struct fetch_options *o, struct fetcher **out,
				      struct jt_err *err);
	void (*fetch_stop)(struct fetcher *f);
	void (*fetch_refresh)(struct fetcher *f, const char *const *urls, size_t n);
	int (*fetch_wake_fd)(const struct fetcher *f);
	bool (*fetch_event_next)(struct fetcher *f, struct fetch_event *ev);
	void (*fetch_event_done)(struct fetch_event *ev);
	bool (*fetch_url_openable)(const char *url, const char **why);
	bool (*feed_format_known)(const char *name);
	const char *const *feed_format_names;
};

extern const struct net_ops jobterm_net_ops;

#endif
