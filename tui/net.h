/*
 * The network module: net/ (fetching and parsing, with libcurl, libxml2 and cJSON) is built
 * as jobterm-net.so and loaded on first use, so that what reads only the cache starts
 * without those libraries and their own dozens of dependencies.
 */
#ifndef TUI_NET_H
#define TUI_NET_H

#include "net/module.h"
#include "store/status.h"

/*
 * The module's functions, loading it on the first call (paths_net_module() says from where)
 * and running its process-wide set-up (fetch_global_init) once. NULL, with err saying why,
 * when it cannot be loaded or is of another version or build; the next call tries again.
 * Main thread, before any fetcher starts.
 */
const struct net_ops *net_load(struct jt_err *err);

/* The module's process-wide clean-up (fetch_global_cleanup), when it was loaded. At exit. */
void net_done(void);

#endif
