/*
 * File locations: the XDG base directories, and finding the bundled assets and the network
 * module both in the build tree (so `./jobterm` works without being installed) and where
 * `make install` put them.
 */
#include "config.h"
#include "tui/paths.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/strbuf.h"
#include "store/xmalloc.h"

/* $var when it is an absolute path, else $HOME/fallback. */
static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	const char *home = getenv("HOME");

	if (v && v[0] == '/')
		return xstrdup(v);
	return xasprintf("%s/%s", home && *home ? home : ".", fallback);
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The directory holding the running binary, or NULL. */
static char *
exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if (!(slash = strrchr(buf, '/')))
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

static char *
find_datadir(void)
{
	const char *env = getenv("JOBTERM_DATADIR");
	char *dir;

	if (env && *env)
		return xstrdup(env);
	dir = exe_dir();
	if (dir) {
		char *real_build = realpath(JT_BUILDDIR, NULL);
		bool in_build_tree = real_build && !strcmp(real_build, dir);

		free(real_build);
		free(dir);
		if (in_build_tree && is_dir(JT_SRCDIR "/assets"))
			return xstrdup(JT_SRCDIR "/assets");
	}
	return xstrdup(JT_DATADIR);
}

char *
paths_net_module(void)
{
	char *dir = exe_dir();
	char *path = dir ? xasprintf("%s/jobterm-net.so", dir) : NULL;

	free(dir);
	if (path && access(path, F_OK) == 0)
		return path;
	free(path);
	return xstrdup(JT_PKGLIBDIR "/jobterm-net.so");
}

void
paths_init(struct paths *p, const char *db, const char *config)
{
	memset(p, 0, sizeof(*p));
	if (db) {
		p->db = xstrdup(db);
		p->db_given = true;
	} else {
		char *data = xdg_dir("XDG_DATA_HOME", ".local/share");

		p->db = xasprintf("%s/jobterm/jobterm.db", data);
		free(data);
	}
	if (config) {
		p->config = xstrdup(config);
		p->config_given = true;
	} else {
		char *conf = xdg_dir("XDG_CONFIG_HOME", ".config");

		p->config = xasprintf("%s/jobterm/config", conf);
		free(conf);
	}
	p->datadir = find_datadir();
}

void
paths_done(struct paths *p)
{
	free(p->db);
	free(p->config);
	free(p->datadir);
	memset(p, 0, sizeof(*p));
}

char *
paths_asset_url(const struct paths *p, const char *rel)
{
	static const char hex[] = "0123456789ABCDEF";
	char *abs = realpath(p->datadir, NULL);
	const char *dir = abs ? abs : p->datadir;
	struct strbuf url;

	strbuf_init(&url, 0);
	strbuf_adds(&url, "file://");
	for (const char *s = dir; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("/-._~", c)) {
			strbuf_addc(&url, (char)c);
		} else {
			strbuf_addc(&url, '%');
			strbuf_addc(&url, hex[c >> 4]);
			strbuf_addc(&url, hex[c & 15]);
		}
	}
	strbuf_addc(&url, '/');
	strbuf_adds(&url, rel);
	free(abs);
	return strbuf_detach(&url, NULL);
}
