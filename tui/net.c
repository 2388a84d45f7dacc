/*
 * Loading the network module (see tui/net.h). It stays loaded until the process exits.
 */
#include "config.h"
#include "tui/net.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "tui/paths.h"

static const struct net_ops *loaded;

const struct net_ops *
net_load(struct jt_err *err)
{
	char *path;
	void *module;
	const struct net_ops *ops;

	if (loaded)
		return loaded;
	path = paths_net_module();
	if (!(module = dlopen(path, RTLD_NOW))) {
		jt_fail(err, JT_ERR_IO, "cannot load the network module: %s", dlerror());
	} else if (!(ops = dlsym(module, NET_OPS_SYMBOL)) || ops->size != sizeof(*ops) ||
		   strcmp(ops->version, PACKAGE_VERSION)) {
		jt_fail(err, JT_ERR_IO, "cannot load the network module: %s is not the one of "
			"jobterm " PACKAGE_VERSION, path);
		dlclose(module);
	} else {
		ops->fetch_global_init();
		loaded = ops;
	}
	free(path);
	return loaded;
}

void
net_done(void)
{
	if (loaded)
		loaded->fetch_global_cleanup();
}
