/*
 * The table jobterm-net.so exports (see net/module.h).
 */
#include "config.h"
#include "net/module.h"

#include "net/feed.h"

const struct net_ops jobterm_net_ops = {
	.version = PACKAGE_VERSION,
	.size = sizeof(struct net_ops),
	.fetch_global_init = fetch_global_init,
	.fetch_global_cleanup = fetch_global_cleanup,
	.fetch_start = fetch_start,
	.fetch_stop = fetch_stop,
	.fetch_refresh = fetch_refresh,
	.fetch_wake_fd = fetch_wake_fd,
	.fetch_event_next = fetch_event_next,
	.fetch_event_done = fetch_event_done,
	.fetch_url_openable = fetch_url_openable,
	.feed_format_known = feed_format_known,
	.feed_format_names = feed_format_names,
};
