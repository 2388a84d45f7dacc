/*
 * Start-up shared by every command: config, database, first-run samples, waiting refreshes.
 */
#include "config.h"
#include "tui/app.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/xmalloc.h"
#include "tui/net.h"

/* The bundled sample feeds, under the data directory. */
static const struct {
	const char *file;
	const char *name;
} samples[] = {
	{ "samples/jobs.json", "Sample jobs (JSON Feed)" },
	{ "samples/jobs.rss", "Sample jobs (RSS)" },
	{ "samples/jobs.atom", "Sample jobs (Atom)" },
};

void
app_warn(void *ctx, const char *msg)
{
	struct app *app = ctx;

	fprintf(stderr, "jobterm: %s\n", msg);
	if (!app->warnings++)
		string_copy(app->first_warning, msg);
}

enum jt_status
app_init(struct app *app, const char *db, const char *config, struct jt_err *err)
{
	enum jt_status rc;

	memset(app, 0, sizeof(*app));
	paths_init(&app->paths, db, config);
	config_init(&app->config);
	rc = config_load(&app->config, app->paths.config, app_warn, app, err);
	if (rc == JT_OK) {
		app->config_found = true;
	} else if (rc != JT_ERR_NOTFOUND || app->paths.config_given) {
		app_done(app);
		return rc;
	}
	jt_err_clear(err);
	return JT_OK;
}

void
app_done(struct app *app)
{
	paths_done(&app->paths);
	config_done(&app->config);
}

void
app_fetch_options(const struct app *app, struct fetch_options *o)
{
	const struct config *c = &app->config;

	memset(o, 0, sizeof(*o));
	o->db_path = app->paths.db;
	o->connect_timeout = c->connect_timeout;
	o->timeout = c->timeout;
	o->stall_timeout = c->stall_timeout;
	o->max_bytes = (size_t)c->max_download_mb * 1024 * 1024;
	o->max_redirs = c->max_redirects;
	o->max_parallel = c->max_parallel;
	o->max_per_host = c->max_per_host;
	o->max_pages = c->max_pages;
	o->prune_days = c->prune_days;
}

int
app_refresh(struct app *app, const char *const *urls, size_t n,
	    void (*on_event)(void *ctx, const struct fetch_event *ev), void *ctx,
	    volatile const int *stop, struct jt_err *err)
{
	const struct net_ops *net = net_load(err);
	struct fetch_options o;
	struct fetcher *f;
	int failed = 0;
	bool done = false;

	app_fetch_options(app, &o);
	if (!net || net->fetch_start(&o, &f, err) != JT_OK)
		return -1;
	net->fetch_refresh(f, urls, n);
	while (!done && !(stop && *stop)) {
		struct pollfd pfd = { .fd = net->fetch_wake_fd(f), .events = POLLIN };
		struct fetch_event ev;

		if (poll(&pfd, 1, 250) < 0 && errno != EINTR)
			break;
		while (net->fetch_event_next(f, &ev)) {
			if (on_event)
				on_event(ctx, &ev);
			if (ev.type == EV_REFRESH_DONE) {
				done = true;
				failed = ev.status != JT_OK ? -1 : ev.failed;
				if (ev.status != JT_OK)
					jt_fail(err, ev.status, "%s", ev.message ? ev.message : "");
			}
			net->fetch_event_done(&ev);
		}
	}
	net->fetch_stop(f);
	return failed;
}

static enum jt_status
add_samples(struct app *app, struct store *s, struct jt_err *err)
{
	const char *urls[sizeof(samples) / sizeof(samples[0])];
	char *owned[sizeof(samples) / sizeof(samples[0])];
	size_t n = sizeof(samples) / sizeof(samples[0]);
	enum jt_status rc = JT_OK;

	for (size_t i = 0; i < n; i++) {
		urls[i] = owned[i] = paths_asset_url(&app->paths, samples[i].file);
		if (rc == JT_OK)
			rc = store_feed_add(s, urls[i], samples[i].name, NULL, err);
	}
	if (rc == JT_OK && app_refresh(app, urls, n, NULL, NULL, NULL, err) < 0)
		rc = JT_ERR_IO;
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	return rc;
}

/* The directory of a --db file must exist: a typo would otherwise make a new, empty cache. */
static enum jt_status
db_dir_check(const struct paths *p, struct jt_err *err)
{
	const char *slash = strrchr(p->db, '/');
	char *dir;
	struct stat st;
	enum jt_status rc = JT_OK;

	if (p->db_given && !*p->db)
		return jt_fail(err, JT_ERR_IO, "--db: an empty file name");
	if (!p->db_given || !slash)
		return JT_OK;
	dir = slash == p->db ? xstrdup("/") : xstrndup(p->db, (size_t)(slash - p->db));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		rc = jt_fail(err, JT_ERR_IO, "%s: no such directory for the database %s", dir,
			     p->db);
	free(dir);
	return rc;
}

enum jt_status
app_store_open(struct app *app, struct store **out, struct jt_err *err)
{
	enum jt_status rc = db_dir_check(&app->paths, err);

	*out = NULL;
	if (rc == JT_OK)
		rc = store_open(app->paths.db, STORE_USER, out, err);

	if (rc == JT_OK && store_created(*out) && !app->config_found) {
		struct jt_err why = { "" };

		/* The samples are a courtesy: a failure to read them is not fatal. */
		if (add_samples(app, *out, &why) != JT_OK)
			fprintf(stderr, "jobterm: cannot read the bundled sample feeds: %s\n",
				why.msg);
	}
	return rc;
}
