/*
 * The headless commands: fetch, list, show, fav, feeds, track, search and export. They are
 * the same user-facing layer as the curses views, without curses, and the contract that
 * scripts and the test suite rely on (see the man page). Every feed-derived string leaves
 * through text_sanitize() or, in JSON, through an escaper that escapes the same characters
 * (in Markdown, every punctuation character is escaped too; in OPML, XML's five); nothing
 * from a feed is ever used as a format string, and an imported feed list never adds a URL
 * that runs a command or reads a local file.
 */
#include "config.h"
#include "tui/cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "store/hunt.h"
#include "store/opml.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"
#include "tui/format.h"
#include "tui/net.h"

enum out_format {
	OUT_TABLE,
	OUT_JSON,
	OUT_CSV,
	OUT_TEXT,
	OUT_MARKDOWN,
};

/* ---- arguments ---------------------------------------------------------------------------- */

struct args {
	int argc;
	char **argv;
	int i;			/* next to read */
	const char *cmd;	/* for messages */
};

/* Say "jobterm: CMD: WHAT[: ARG]" and a hint on stderr; returns the usage exit status, 2. */
static int
usage_error(const char *cmd, const char *what, const char *arg)
{
	char *clean = text_sanitize(arg ? arg : "", 0);

	fprintf(stderr, "jobterm: %s: %s%s%s\nTry 'jobterm --help'.\n", cmd, what,
		arg ? ": " : "", clean);
	free(clean);
	return 2;
}

/*
 * Is argv[i] the option `name` (a flag, or with a value as "--name V" or "--name=V")? On a
 * match with a value, *value points at it. Returns 1 on a match, 0 when not this option,
 * -1 when the value is missing.
 */
static int
opt_match(struct args *a, const char *name, const char **value)
{
	const char *arg = a->argv[a->i];
	size_t n = strlen(name);

	if (strncmp(arg, name, n) || (arg[n] && arg[n] != '='))
		return 0;
	if (!value) {
		if (arg[n])
			return 0;
		a->i++;
		return 1;
	}
	if (arg[n] == '=') {
		*value = arg + n + 1;
		a->i++;
		return 1;
	}
	if (a->i + 1 >= a->argc)
		return -1;
	*value = a->argv[a->i + 1];
	a->i += 2;
	return 1;
}

static bool
parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static bool
parse_format(const char *s, unsigned allowed, enum out_format *out)
{
	static const char *const names[] = { "table", "json", "csv", "text", "markdown" };

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((allowed & (1u << i)) && !strcmp(s, names[i])) {
			*out = (enum out_format)i;
			return true;
		}
	return false;
}

/* ---- output ------------------------------------------------------------------------------- */

static void
put_clean(FILE *out, const char *s, unsigned flags)
{
	char *clean = text_sanitize(s ? s : "", flags);

	fputs(clean, out);
	free(clean);
}

/* A JSON string: escapes what JSON requires plus every character the sanitiser removes. */
static void
json_str(struct strbuf *sb, const char *s)
{
	size_t len;

	if (!s) {
		strbuf_adds(sb, "null");
		return;
	}
	len = strlen(s);
	strbuf_addc(sb, '"');
	while (len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s, len, &cp);

		if (cp == '"' || cp == '\\') {
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, (char)cp);
		} else if (cp == '\n') {
			strbuf_adds(sb, "\\n");
		} else if (cp == '\t') {
			strbuf_adds(sb, "\\t");
		} else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x61c || cp == 0xad ||
			   (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
			   (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff) {
			strbuf_addf(sb, "\\u%04x", (unsigned)cp);
		} else if (cp == 0xfffd && n == 1) {
			strbuf_adds(sb, TEXT_REPLACEMENT);	/* an invalid byte */
		} else {
			strbuf_add(sb, s, n);
		}
		s += n;
		len -= n;
	}
	strbuf_addc(sb, '"');
}

static void
json_key(struct strbuf *sb, const char *key, bool first)
{
	if (!first)
		strbuf_addc(sb, ',');
	strbuf_addf(sb, "\"%s\":", key);
}

static void
json_num(struct strbuf *sb, double v)
{
	if (v > 0 && isfinite(v))
		strbuf_addf(sb, "%.15g", v);
	else
		strbuf_adds(sb, "null");
}

static void
json_time(struct strbuf *sb, int64_t t)
{
	char iso[32];

	format_iso8601(t, iso, sizeof(iso));
	json_str(sb, *iso ? iso : NULL);
}

/* What the job hunt adds to a posting's JSON when it is known (show, export). */
static void
json_hunt(struct strbuf *sb, const struct hunt_info *info)
{
	json_key(sb, "status_changed", false);
	json_time(sb, info->status_changed);
	json_key(sb, "note", false);
	json_str(sb, info->note);
	json_key(sb, "history", false);
	strbuf_addc(sb, '[');
	for (size_t i = 0; i < info->nhistory; i++) {
		strbuf_adds(sb, i ? ",{" : "{");
		json_key(sb, "status", true);
		json_str(sb, hunt_status_name(info->history[i].status));
		json_key(sb, "at", false);
		json_time(sb, info->history[i].at);
		strbuf_addc(sb, '}');
	}
	strbuf_adds(sb, "]");
	json_key(sb, "source_urls", false);
	strbuf_addc(sb, '[');
	for (size_t i = 0; i < info->nsources; i++) {
		if (i)
			strbuf_addc(sb, ',');
		json_str(sb, info->sources[i].url);
	}
	strbuf_addc(sb, ']');
}

/* One posting as a JSON object; info (may be NULL) adds the job hunt's fields. */
static void
json_job(struct strbuf *sb, const struct job *j, const struct hunt_info *info,
	 bool with_description)
{
	strbuf_addc(sb, '{');
	json_key(sb, "id", true);
	strbuf_addf(sb, "%lld", (long long)j->id);
	json_key(sb, "title", false);
	json_str(sb, j->title);
	json_key(sb, "company", false);
	json_str(sb, j->company);
	json_key(sb, "location", false);
	json_str(sb, j->location);
	json_key(sb, "remote", false);
	strbuf_adds(sb, j->remote ? "true" : "false");
	json_key(sb, "hybrid", false);
	strbuf_adds(sb, j->hybrid ? "true" : "false");
	json_key(sb, "salary_min", false);
	json_num(sb, j->salary_min);
	json_key(sb, "salary_max", false);
	json_num(sb, j->salary_max);
	json_key(sb, "salary_currency", false);
	json_str(sb, j->salary_currency);
	json_key(sb, "salary_period", false);
	json_str(sb, j->salary_min > 0 || j->salary_max > 0
		     ? (j->salary_period ? j->salary_period : "year") : NULL);
	json_key(sb, "employment_type", false);
	json_str(sb, j->employment_type);
	json_key(sb, "posted", false);
	json_time(sb, j->posted);
	json_key(sb, "url", false);
	json_str(sb, j->url);
	json_key(sb, "apply_url", false);
	json_str(sb, j->apply_url ? j->apply_url : j->url);
	json_key(sb, "feed", false);
	json_str(sb, j->feed_url);
	json_key(sb, "feed_name", false);
	json_str(sb, j->feed_name);
	json_key(sb, "tags", false);
	strbuf_addc(sb, '[');
	if (j->tags && *j->tags) {
		const char *p = j->tags;
		bool first = true;

		while (*p) {
			const char *comma = strchr(p, ',');
			size_t n = comma ? (size_t)(comma - p) : strlen(p);
			char *tag = xstrndup(p, n), *trim = text_squeeze(tag);

			if (*trim) {
				if (!first)
					strbuf_addc(sb, ',');
				json_str(sb, trim);
				first = false;
			}
			free(tag);
			free(trim);
			p += n + (comma ? 1 : 0);
		}
	}
	strbuf_addc(sb, ']');
	json_key(sb, "first_seen", false);
	json_time(sb, j->first_seen);
	json_key(sb, "favourite", false);
	strbuf_adds(sb, j->favourite ? "true" : "false");
	json_key(sb, "read", false);
	strbuf_adds(sb, j->read ? "true" : "false");
	json_key(sb, "hidden", false);
	strbuf_adds(sb, j->hidden ? "true" : "false");
	json_key(sb, "status", false);
	json_str(sb, j->status != TRACK_NONE ? hunt_status_name(j->status) : NULL);
	json_key(sb, "sources", false);
	strbuf_addf(sb, "%d", j->sources > 0 ? j->sources : 1);
	if (info)
		json_hunt(sb, info);
	if (with_description) {
		json_key(sb, "description", false);
		json_str(sb, j->description_text);
	}
	strbuf_addc(sb, '}');
}

/* One CSV cell: sanitised, quoted, and defused against spreadsheet formulas. */
static void
csv_cell_flags(FILE *out, const char *s, unsigned flags, bool last)
{
	char *clean = text_sanitize(s ? s : "", flags);

	fputc('"', out);
	if (strchr("=+-@", clean[0]) && clean[0])
		fputc('\'', out);
	for (const char *p = clean; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
	fputs(last ? "\r\n" : ",", out);
	free(clean);
}

static void
csv_cell(FILE *out, const char *s, bool last)
{
	csv_cell_flags(out, s, 0, last);
}

static void
csv_num(FILE *out, double v)
{
	if (v > 0 && isfinite(v))
		fprintf(out, "%.15g,", v);
	else
		fputc(',', out);
}

static void
csv_job(FILE *out, const struct job *j)
{
	char iso[32];

	fprintf(out, "%lld,", (long long)j->id);
	csv_cell(out, j->title, false);
	csv_cell(out, j->company, false);
	csv_cell(out, j->location, false);
	fputs(j->remote ? "true," : "false,", out);
	csv_num(out, j->salary_min);
	csv_num(out, j->salary_max);
	csv_cell(out, j->salary_currency, false);
	csv_cell(out, j->salary_min > 0 || j->salary_max > 0
		      ? (j->salary_period ? j->salary_period : "year") : NULL, false);
	format_iso8601(j->posted, iso, sizeof(iso));
	csv_cell(out, iso, false);
	csv_cell(out, j->url, false);
	csv_cell(out, j->feed_url, false);
	fputs(j->favourite ? "true," : "false,", out);
	csv_cell(out, j->status != TRACK_NONE ? hunt_status_name(j->status) : NULL, false);
	fprintf(out, "%d\r\n", j->sources > 0 ? j->sources : 1);
}

static int
terminal_columns(FILE *out)
{
	struct winsize ws;

	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col;
	return 120;
}

/* Write s sanitised and fitted into exactly cols columns (padded), then a gap. */
static void
table_cell(FILE *out, const char *s, int cols, bool right)
{
	char *clean = text_sanitize(s ? s : "", 0);
	int width;
	char *fit = text_fit(clean, cols, &width);

	if (right)
		fprintf(out, "%*s", cols - width, "");
	fputs(fit, out);
	if (!right)
		fprintf(out, "%*s", cols - width, "");
	fputs("  ", out);
	free(fit);
	free(clean);
}

struct table {
	int title, company, location;
};

static void
table_layout(struct table *t, int cols)
{
	/* id 6, mark 1, salary 14, age 4, and the gaps: the rest is shared out. */
	int rest = cols - (6 + 1 + 14 + 4 + 2 * 6);

	if (rest < 30)
		rest = 30;
	t->title = rest * 45 / 100;
	t->company = rest * 25 / 100;
	t->location = rest - t->title - t->company;
}

static void
table_header(FILE *out, const struct table *t)
{
	table_cell(out, "ID", 6, true);
	table_cell(out, "", 1, false);
	table_cell(out, "TITLE", t->title, false);
	table_cell(out, "COMPANY", t->company, false);
	table_cell(out, "LOCATION", t->location, false);
	table_cell(out, "SALARY", 14, false);
	fputs("AGE\n", out);
}

static void
table_row(FILE *out, const struct table *t, const struct job *j, int64_t now)
{
	char id[24], salary[64], age[16], *location, *title;

	snprintf(id, sizeof(id), "%lld", (long long)j->id);
	if (j->sources > 1) {
		/* The count of boards stays in view however long the title is. */
		char count[16], *clean = text_sanitize(j->title, 0), *fit;

		snprintf(count, sizeof(count), " \xC3\x97%d", j->sources);
		fit = text_fit(clean, t->title - text_width(count), NULL);
		title = xasprintf("%s%s", fit, count);
		free(fit);
		free(clean);
	} else {
		title = xstrdup(j->title ? j->title : "");
	}
	format_salary(j, salary, sizeof(salary));
	format_age(j->posted ? j->posted : j->first_seen, now, age, sizeof(age));
	location = xasprintf("%s%s", j->location ? j->location : "",
			     j->remote && !(j->location && strstr(j->location, "emote"))
			     ? (j->location && *j->location ? " (remote)" : "Remote") : "");
	table_cell(out, id, 6, true);
	table_cell(out, j->favourite ? "*" : "", 1, false);
	table_cell(out, title, t->title, false);
	table_cell(out, j->company, t->company, false);
	table_cell(out, location, t->location, false);
	table_cell(out, salary, 14, false);
	put_clean(out, age, 0);
	fputc('\n', out);
	free(location);
	free(title);
}

/* ---- commands ----------------------------------------------------------------------------- */

static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static int
open_store(struct app *app, struct store **s)
{
	struct jt_err err = { "" };

	if (app_store_open(app, s, &err) != JT_OK) {
		fputs("jobterm: ", stderr);
		put_clean(stderr, err.msg, 0);
		fputc('\n', stderr);
		return 1;
	}
	/* The config's blocked companies and words, as the config file says now. */
	if (hunt_blocks_sync(*s, &app->config, &err) != JT_OK) {
		fputs("jobterm: cannot apply the blocked companies and words: ", stderr);
		put_clean(stderr, err.msg, 0);
		fputc('\n', stderr);
	}
	return 0;
}

static void
report_error(const char *what, const struct jt_err *err)
{
	fputs("jobterm: ", stderr);
	if (what) {
		put_clean(stderr, what, 0);
		fputs(": ", stderr);
	}
	put_clean(stderr, err->msg, 0);
	fputc('\n', stderr);
}

/* The network module, or NULL after saying on stderr why it cannot be loaded. */
static const struct net_ops *
need_net(void)
{
	struct jt_err err = { "" };
	const struct net_ops *net = net_load(&err);

	if (!net)
		report_error(NULL, &err);
	return net;
}

struct fetch_report {
	bool progress;		/* stderr is a terminal: show "refreshing n/m" */
};

static void
fetch_event(void *ctx, const struct fetch_event *ev)
{
	struct fetch_report *r = ctx;

	if (ev->type == EV_FEED_DONE) {
		if (r->progress)
			fputs("\r\033[K", stderr);
		if (ev->status != JT_OK) {
			put_clean(stderr, ev->url, 0);
			fputs(": ", stderr);
			put_clean(stderr, ev->message ? ev->message : jt_status_str(ev->status), 0);
			fputc('\n', stderr);
		} else {
			char when[40];

			put_clean(stdout, ev->url, 0);
			format_date(ev->next_fetch, when, sizeof(when));
			if (ev->deferred) {
				fprintf(stdout, ": not refreshed before %s, as its board or server "
					"asks\n", when);
			} else if (ev->not_modified) {
				fputs(": not modified\n", stdout);
			} else {
				fprintf(stdout, ": %zu posting%s, %zu new", ev->postings,
					ev->postings == 1 ? "" : "s", ev->added);
				if (ev->pages > 1)
					fprintf(stdout, " from %d pages", ev->pages);
				if (ev->skipped)
					fprintf(stdout, " (%zu item%s unreadable)", ev->skipped,
						ev->skipped == 1 ? "" : "s");
				fputc('\n', stdout);
			}
			fflush(stdout);
		}
		if (r->progress && ev->done < ev->total)
			fprintf(stderr, "refreshing %d/%d", ev->done + 1, ev->total);
	} else if (ev->type == EV_REFRESH_START && r->progress && ev->total) {
		fprintf(stderr, "refreshing 1/%d", ev->total);
	} else if (ev->type == EV_REFRESH_DONE && r->progress) {
		fputs("\r\033[K", stderr);
	}
	fflush(stderr);
}

static char *feed_url(const struct net_ops *net, const char *arg, const char **why);

static void
free_urls(char **urls, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
}

static int
cmd_fetch(struct app *app, struct args *a)
{
	struct fetch_report report = { .progress = isatty(STDERR_FILENO) };
	const struct net_ops *net = need_net();
	struct jt_err err = { "" };
	struct store *s;
	struct sigaction sa;
	char **urls = NULL;
	size_t n = 0;
	int failed;

	if (!net)
		return 1;
	for (; a->i < a->argc; a->i++) {
		const char *why = NULL;
		char *url = NULL;

		if (a->argv[a->i][0] == '-')
			failed = usage_error(a->cmd, "unknown option", a->argv[a->i]);
		else if (!(url = feed_url(net, a->argv[a->i], &why)))
			failed = usage_error(a->cmd, why, a->argv[a->i]);
		else
			failed = 0;
		if (failed) {
			free_urls(urls, n);
			return failed;
		}
		urls = xreallocarray(urls, n + 1, sizeof(*urls));
		urls[n++] = url;
	}
	if (open_store(app, &s)) {
		free_urls(urls, n);
		return 1;
	}
	store_close(s);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	failed = app_refresh(app, (const char *const *)urls, n, fetch_event, &report,
			     (volatile const int *)&interrupted, &err);
	free_urls(urls, n);
	if (failed < 0) {
		report_error(NULL, &err);
		return 1;
	}
	if (interrupted) {
		fputs("jobterm: interrupted; unfinished feeds are unchanged\n", stderr);
		return 1;
	}
	return failed ? 1 : 0;
}

/* The options of list, export and search save. */
struct opts {
	struct job_filter f;		/* the saved search's filter, then the options' */
	enum out_format format;
	long limit;			/* -1: no limit */
	const char *search;		/* --search NAME */
	bool new_only;			/* --new */
	bool all;			/* --all */
	bool filtered;			/* a filter option was given */
	struct hunt_search saved;	/* the --search, once read */
};

enum {
	OPTS_LIMIT = 1 << 0,		/* --limit N */
	OPTS_SEARCH = 1 << 1,		/* --search NAME, --new */
	OPTS_ALL = 1 << 2,		/* --all */
};

static void
opts_init(struct opts *o, enum out_format format)
{
	memset(o, 0, sizeof(*o));
	job_filter_init(&o->f);
	o->format = format;
	o->limit = -1;
	hunt_search_init(&o->saved);
}

static void
opts_done(struct opts *o)
{
	hunt_search_done(&o->saved);
}

/* One filter option at a->argv[a->i] into f: 1 taken, 0 not one, -1 no value, 2 usage error. */
static int
filter_opt(struct args *a, struct job_filter *f)
{
	const char *v = NULL;
	enum track_status st;
	long num;
	int m;

	if ((m = opt_match(a, "--keyword", &v)) > 0)
		f->keyword = v;
	else if (m == 0 && (m = opt_match(a, "--location", &v)) > 0)
		f->location = v;
	else if (m == 0 && (m = opt_match(a, "--company", &v)) > 0)
		f->company = v;
	else if (m == 0 && (m = opt_match(a, "--remote", NULL)) > 0)
		f->remote_only = true;
	else if (m == 0 && (m = opt_match(a, "--favourites", NULL)) > 0)
		f->favourites_only = true;
	else if (m == 0 && (m = opt_match(a, "--favorites", NULL)) > 0)
		f->favourites_only = true;
	else if (m == 0 && (m = opt_match(a, "--unread", NULL)) > 0)
		f->unread_only = true;
	else if (m == 0 && (m = opt_match(a, "--hidden", NULL)) > 0)
		f->include_hidden = true;
	else if (m == 0 && (m = opt_match(a, "--blocked", NULL)) > 0)
		f->include_blocked = true;
	else if (m == 0 && (m = opt_match(a, "--no-group", NULL)) > 0)
		f->all_sources = true;
	else if (m == 0 && (m = opt_match(a, "--since", &v)) > 0) {
		if (!parse_long(v, 1, 36500, &num))
			return usage_error(a->cmd, "--since wants a number of days", v);
		f->since_days = (int)num;
	} else if (m == 0 && (m = opt_match(a, "--min-salary", &v)) > 0) {
		if (!parse_long(v, 0, 100000000, &num))
			return usage_error(a->cmd, "--min-salary wants a yearly amount", v);
		f->min_salary = (double)num;
	} else if (m == 0 && (m = opt_match(a, "--sort", &v)) > 0) {
		if (!job_sort_parse(v, &f->sort))
			return usage_error(a->cmd,
					   "--sort wants date, salary, relevance or company", v);
	} else if (m == 0 && (m = opt_match(a, "--status", &v)) > 0) {
		if (!strcmp(v, "tracked"))
			f->status = TRACK_ANY;
		else if (hunt_status_parse(v, &st) && st != TRACK_NONE)
			f->status = st;
		else
			return usage_error(a->cmd, "--status wants saved, applied, interviewing, "
					   "offer, rejected, withdrawn or tracked", v);
	}
	return m;
}

/*
 * Read the options from a->argv[a->i] on into o, over what o holds. formats: the
 * out_format bits --format may name (0: no --format), described by format_help. Returns 0,
 * or 2 after a usage error.
 */
static int
opts_parse(struct args *a, unsigned formats, const char *format_help, unsigned allowed,
	   struct opts *o)
{
	while (a->i < a->argc) {
		const char *v = NULL;
		int m = filter_opt(a, &o->f);

		if (m == 2)
			return 2;
		if (m > 0)
			o->filtered = true;
		else if (m == 0 && (allowed & OPTS_LIMIT) &&
			 (m = opt_match(a, "--limit", &v)) > 0) {
			if (!parse_long(v, 0, 100000000, &o->limit))
				return usage_error(a->cmd, "--limit wants a number", v);
		} else if (m == 0 && formats && (m = opt_match(a, "--format", &v)) > 0) {
			if (!parse_format(v, formats, &o->format))
				return usage_error(a->cmd, format_help, v);
		} else if (m == 0 && (allowed & OPTS_SEARCH) &&
			   (m = opt_match(a, "--search", &v)) > 0) {
			o->search = v;
		} else if (m == 0 && (allowed & OPTS_SEARCH) &&
			   (m = opt_match(a, "--new", NULL)) > 0) {
			o->new_only = true;
		} else if (m == 0 && (allowed & OPTS_ALL) &&
			   (m = opt_match(a, "--all", NULL)) > 0) {
			o->all = true;
		}
		if (m < 0)
			return usage_error(a->cmd, "missing value for option", a->argv[a->i]);
		if (m == 0)
			return usage_error(a->cmd, "unknown option", a->argv[a->i]);
	}
	if (o->new_only && !o->search)
		return usage_error(a->cmd, "--new goes with --search NAME", NULL);
	return 0;
}

/*
 * With --search: read the saved search into o, then the options (again, from `again`) over
 * its filter, so that what the command line says wins. Returns 0, or 1 after an error.
 */
static int
opts_search(struct store *s, struct args *again, unsigned formats, unsigned allowed,
	    struct opts *o)
{
	struct jt_err err = { "" };
	bool all;

	if (!o->search)
		return 0;
	if (hunt_search_get(s, o->search, &o->saved, &err) != JT_OK) {
		report_error(NULL, &err);
		return 1;
	}
	all = o->f.all_sources;	/* the config's default, which a search does not hold */
	o->f = o->saved.filter;
	o->f.all_sources = all;
	opts_parse(again, formats, "", allowed, o);
	if (o->new_only)
		o->f.seen_after = o->saved.opened;
	return 0;
}

static int
cmd_list(struct app *app, struct args *a)
{
	static const unsigned formats = 1 | 2 | 4, allowed = OPTS_LIMIT | OPTS_SEARCH;
	struct opts o;
	struct job_filter f;
	enum out_format format;
	long limit;
	struct store *s;
	struct job_list page;
	struct jt_err err = { "" };
	struct strbuf json;
	struct table t;
	struct args again = *a;
	int64_t now = (int64_t)time(NULL);
	size_t shown = 0;
	bool first = true;
	int rc = 0;

	opts_init(&o, OUT_TABLE);
	o.f.all_sources = !app->config.group_duplicates;
	if ((rc = opts_parse(a, formats, "--format wants table, json or csv", allowed, &o))) {
		opts_done(&o);
		return rc;
	}
	if (open_store(app, &s)) {
		opts_done(&o);
		return 1;
	}
	if (opts_search(s, &again, formats, allowed, &o)) {
		opts_done(&o);
		store_close(s);
		return 1;
	}
	f = o.f;
	format = o.format;
	limit = o.limit;

	strbuf_init(&json, 0);
	table_layout(&t, terminal_columns(stdout));
	if (format == OUT_TABLE)
		table_header(stdout, &t);
	else if (format == OUT_CSV)
		fputs("id,title,company,location,remote,salary_min,salary_max,salary_currency,"
		      "salary_period,posted,url,feed,favourite,status,sources\r\n", stdout);
	else
		fputc('[', stdout);
	job_list_init(&page);
	for (;;) {
		struct job last;
		size_t want = 500;

		if (limit >= 0 && (size_t)limit - shown < want)
			want = (size_t)limit - shown;
		if (!want)
			break;
		job_init(&last);
		if (page.n) {
			/* Keep the last row as the cursor of the next page. */
			last = page.v[page.n - 1];
			page.n--;
		}
		job_list_done(&page);
		rc = store_jobs_query(s, &f, last.id ? &last : NULL, want, &page, &err) != JT_OK;
		job_done(&last);
		if (rc) {
			report_error(NULL, &err);
			break;
		}
		for (size_t i = 0; i < page.n; i++) {
			if (format == OUT_TABLE) {
				table_row(stdout, &t, &page.v[i], now);
			} else if (format == OUT_CSV) {
				csv_job(stdout, &page.v[i]);
			} else {
				strbuf_reset(&json);
				if (!first)
					strbuf_addc(&json, ',');
				strbuf_addc(&json, '\n');
				json_job(&json, &page.v[i], NULL, false);
				fputs(strbuf_str(&json), stdout);
			}
			first = false;
		}
		shown += page.n;
		if (page.n < want)
			break;
	}
	if (format == OUT_JSON)
		fputs(first ? "]\n" : "\n]\n", stdout);
	job_list_done(&page);
	strbuf_done(&json);
	/* Listing a saved search opens it: what is new is counted from here on. */
	if (!rc && o.search && hunt_search_opened(s, o.saved.name, now, &err) != JT_OK) {
		report_error(NULL, &err);
		rc = 1;
	}
	opts_done(&o);
	store_close(s);
	return rc;
}

static bool
parse_id(const char *s, int64_t *id)
{
	long v;

	if (!parse_long(s, 1, LONG_MAX, &v))
		return false;
	*id = v;
	return true;
}

static void
show_field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("%-9s ", label);
	put_clean(stdout, value, 0);
	putchar('\n');
}

/* Print text (sanitised, line breaks kept) with every line after the first indented. */
static void
put_lines(const char *text, int indent)
{
	char *clean = text_sanitize(text, TEXT_KEEP_NEWLINES);

	for (const char *p = clean; *p; p++) {
		putchar(*p);
		if (*p == '\n')
			printf("%*s", indent, "");
	}
	free(clean);
}

/* The job hunt's lines of `show`: status, history, sources and the note. */
static void
show_hunt(const struct hunt_info *info)
{
	char date[40], line[128];

	if (info->status != TRACK_NONE) {
		format_date(info->status_changed, date, sizeof(date));
		snprintf(line, sizeof(line), "%s since %s", hunt_status_name(info->status), date);
		show_field("Status:", line);
	}
	for (size_t i = 0; i < info->nhistory; i++) {
		format_date(info->history[i].at, date, sizeof(date));
		snprintf(line, sizeof(line), "%s %s", date,
			 hunt_status_name(info->history[i].status));
		printf("%-9s %s\n", i ? "" : "History:", line);
	}
	if (info->nsources > 1) {
		printf("%-9s %zu postings of the same job\n", "Sources:", info->nsources);
		for (size_t i = 0; i < info->nsources; i++) {
			const struct hunt_source *src = &info->sources[i];

			printf("%-9s ", "");
			put_clean(stdout, src->url ? src->url : "(no link)", 0);
			fputs(" (", stdout);
			put_clean(stdout, src->feed_name ? src->feed_name : src->feed_url, 0);
			printf(", #%lld)\n", (long long)src->id);
		}
	}
	if (info->note) {
		printf("%-9s ", "Note:");
		put_lines(info->note, 10);
		putchar('\n');
	}
}

static int
cmd_show(struct app *app, struct args *a)
{
	enum out_format format = OUT_TEXT;
	const char *idarg = NULL;
	int64_t id;
	struct store *s;
	struct job j;
	struct hunt_info info;
	struct jt_err err = { "" };
	int rc = 0;

	while (a->i < a->argc) {
		const char *v = NULL;
		int m = opt_match(a, "--format", &v);

		if (m < 0)
			return usage_error(a->cmd, "missing value for option", "--format");
		if (m > 0) {
			if (!parse_format(v, 2 | 8, &format))
				return usage_error(a->cmd, "--format wants text or json", v);
		} else if (a->argv[a->i][0] == '-' || idarg) {
			return usage_error(a->cmd, "unexpected argument", a->argv[a->i]);
		} else {
			idarg = a->argv[a->i++];
		}
	}
	if (!idarg)
		return usage_error(a->cmd, "which posting? (jobterm show ID)", NULL);
	if (!parse_id(idarg, &id))
		return usage_error(a->cmd, "not a posting id", idarg);
	if (open_store(app, &s))
		return 1;
	job_init(&j);
	hunt_info_init(&info);
	if (store_job_get(s, id, &j, &err) != JT_OK ||
	    hunt_info_get(s, id, &info, &err) != JT_OK) {
		report_error(NULL, &err);
		rc = 1;
	} else if (format == OUT_JSON) {
		struct strbuf json;

		strbuf_init(&json, 0);
		json_job(&json, &j, &info, true);
		fputs(strbuf_str(&json), stdout);
		fputc('\n', stdout);
		strbuf_done(&json);
	} else {
		char salary[64], date[40];
		char *where = xasprintf("%s%s%s", j.location ? j.location : "",
					j.location && *j.location && (j.remote || j.hybrid) ? ", " : "",
					j.remote ? "remote" : j.hybrid ? "hybrid" : "");

		format_salary(&j, salary, sizeof(salary));
		format_date(j.posted, date, sizeof(date));
		put_clean(stdout, j.title, 0);
		putchar('\n');
		show_field("Company:", j.company);
		show_field("Location:", where);
		show_field("Salary:", salary);
		show_field("Type:", j.employment_type);
		show_field("Posted:", date);
		show_field("Feed:", j.feed_name ? j.feed_name : j.feed_url);
		show_field("URL:", j.url);
		if (j.apply_url && (!j.url || strcmp(j.apply_url, j.url)))
			show_field("Apply:", j.apply_url);
		show_field("Tags:", j.tags);
		show_field("Starred:", j.favourite ? "yes" : NULL);
		show_hunt(&info);
		if (j.description_text && *j.description_text) {
			putchar('\n');
			put_clean(stdout, j.description_text, TEXT_KEEP_NEWLINES);
			putchar('\n');
		}
		free(where);
	}
	hunt_info_done(&info);
	job_done(&j);
	store_close(s);
	return rc;
}

/* The one argument left, a posting id, and the store: 0, else the exit status. */
static int
open_for_id(struct app *app, struct args *a, int64_t *id, struct store **s)
{
	if (a->i + 1 != a->argc)
		return usage_error(a->cmd, "expected one posting id", NULL);
	if (!parse_id(a->argv[a->i], id))
		return usage_error(a->cmd, "not a posting id", a->argv[a->i]);
	return open_store(app, s) ? 1 : 0;
}

static int
cmd_fav(struct app *app, struct args *a)
{
	const char *sub = a->i < a->argc ? a->argv[a->i++] : NULL;
	bool on;
	int64_t id;
	struct store *s;
	struct jt_err err = { "" };
	int rc = 0;

	if (!sub || (strcmp(sub, "add") && strcmp(sub, "rm")))
		return usage_error(a->cmd, "expected: fav add ID | fav rm ID", NULL);
	on = !strcmp(sub, "add");
	if ((rc = open_for_id(app, a, &id, &s)))
		return rc;
	if (!on) {
		struct hunt_info info;

		/* A tracked posting, or one with a note, keeps its star: say how to let go. */
		hunt_info_init(&info);
		if (hunt_info_get(s, id, &info, NULL) == JT_OK && info.status != TRACK_NONE) {
			fprintf(stderr, "jobterm: posting %lld is tracked (%s) and stays starred; "
				"jobterm track %lld none stops tracking it\n", (long long)id,
				hunt_status_name(info.status), (long long)id);
			rc = 1;
		} else if (info.note) {
			fprintf(stderr, "jobterm: posting %lld has a note and stays starred; "
				"jobterm track %lld --note '' removes the note\n", (long long)id,
				(long long)id);
			rc = 1;
		}
		hunt_info_done(&info);
	}
	if (!rc && store_job_flag_set(s, id, JOB_FLAG_FAVOURITE, on, &err) != JT_OK) {
		report_error(NULL, &err);
		rc = 1;
	}
	store_close(s);
	return rc;
}

/* hide ID, unhide ID: leave a posting (and its duplicates) out of every list, or not. */
static int
cmd_hide(struct app *app, struct args *a)
{
	bool on = !strcmp(a->cmd, "hide");
	int64_t id;
	struct store *s;
	struct jt_err err = { "" };
	int rc;

	if ((rc = open_for_id(app, a, &id, &s)))
		return rc;
	if (store_job_flag_set(s, id, JOB_FLAG_HIDDEN, on, &err) != JT_OK) {
		report_error(NULL, &err);
		rc = 1;
	}
	store_close(s);
	return rc;
}

/* A file:// URL for the existing local file at path; NULL with *why if there is none. */
static char *
file_url(const char *path, const char **why)
{
	char *abs = realpath(path, NULL);
	char *url;

	if (!abs) {
		*why = "not a URL, and no such file";
		return NULL;
	}
	url = xasprintf("file://%s", abs);
	free(abs);
	if (strpbrk(url, " \t\r\n")) {
		*why = "the path has spaces; give it as a file:// URL with %20";
		free(url);
		return NULL;
	}
	return url;
}

/* A feed URL as given, or a file:// URL for an existing local file; NULL with *why if neither. */
static char *
feed_url(const struct net_ops *net, const char *arg, const char **why)
{
	if (!strncmp(arg, "file://", 7))
		return xstrdup(arg);
	if (!strstr(arg, "://"))
		return file_url(arg, why);
	if (strncasecmp(arg, "http://", 7) && strncasecmp(arg, "https://", 8)) {
		*why = "a feed is an http, https or file URL, or a file";
		return NULL;
	}
	return net->fetch_url_openable(arg, why) ? xstrdup(arg) : NULL;
}

static int
feeds_list(struct store *s, enum out_format format)
{
	struct feed_list feeds;
	struct jt_err err = { "" };
	int64_t now = (int64_t)time(NULL);

	feed_list_init(&feeds);
	if (store_feeds_list(s, &feeds, &err) != JT_OK) {
		report_error(NULL, &err);
		return 1;
	}
	if (format == OUT_JSON) {
		struct strbuf json;

		strbuf_init(&json, 0);
		strbuf_addc(&json, '[');
		for (size_t i = 0; i < feeds.n; i++) {
			const struct feed *f = &feeds.v[i];

			strbuf_adds(&json, i ? ",\n{" : "\n{");
			json_key(&json, "url", true);
			json_str(&json, f->url);
			json_key(&json, "name", false);
			json_str(&json, f->name);
			json_key(&json, "title", false);
			json_str(&json, f->title);
			json_key(&json, "format", false);
			json_str(&json, f->format);
			json_key(&json, "postings", false);
			strbuf_addf(&json, "%lld", (long long)f->postings);
			json_key(&json, "last_fetch", false);
			json_time(&json, f->last_fetch);
			json_key(&json, "last_ok", false);
			json_time(&json, f->last_ok);
			json_key(&json, "last_status", false);
			strbuf_addf(&json, "%d", f->last_status);
			json_key(&json, "last_error", false);
			json_str(&json, f->last_error);
			strbuf_addc(&json, '}');
		}
		strbuf_adds(&json, feeds.n ? "\n]\n" : "]\n");
		fputs(strbuf_str(&json), stdout);
		strbuf_done(&json);
	} else {
		for (size_t i = 0; i < feeds.n; i++) {
			const struct feed *f = &feeds.v[i];
			char age[16];

			format_age(f->last_fetch, now, age, sizeof(age));
			put_clean(stdout, f->url, 0);
			fputs("\n    ", stdout);
			put_clean(stdout, f->name ? f->name : f->title ? f->title : "(no name)", 0);
			printf(" · %lld posting%s", (long long)f->postings, f->postings == 1 ? "" : "s");
			if (f->format)
				printf(" · format %s", f->format);
			if (!f->last_fetch)
				fputs(" · never fetched", stdout);
			else if (!strcmp(age, "now"))
				fputs(" · fetched just now", stdout);
			else
				printf(" · fetched %s ago", age);
			if (f->last_error) {
				fputs(" · error: ", stdout);
				put_clean(stdout, f->last_error, 0);
			}
			fputc('\n', stdout);
		}
	}
	feed_list_done(&feeds);
	return 0;
}

/* Why a URL from someone else's feed list is not added, or NULL when it may be. */
static const char *
import_refusal(const struct net_ops *net, const char *url)
{
	static const struct {
		const char *prefix;
		const char *why;
	} refused[] = {
		{ "exec:", "exec: URLs run a command" },
		{ "filter:", "filter: URLs run a command over the feed" },
		{ "|", "a |command runs a command" },
		{ "file:", "file: URLs read local files (add one with jobterm feeds add PATH)" },
		{ "javascript:", "javascript: URLs are scripts, not feeds" },
	};
	const char *p = url, *why = NULL;

	while (*p == ' ' || *p == '\t')
		p++;
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (!strncasecmp(p, refused[i].prefix, strlen(refused[i].prefix)))
			return refused[i].why;
	if (!net->fetch_url_openable(url, &why))
		return why ? why : "not an http or https URL";
	return NULL;
}

/* The whole of path ("-": standard input), at most cap bytes, NUL-terminated. */
static char *
read_all(const char *path, size_t cap, size_t *len, struct jt_err *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct strbuf sb;
	char buf[8192];
	size_t n;

	if (!f) {
		jt_fail(err, JT_ERR_IO, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	strbuf_init(&sb, cap);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (!strbuf_add(&sb, buf, n))
			break;
	if (ferror(f) || sb.toobig) {
		jt_fail(err, sb.toobig ? JT_ERR_TOOBIG : JT_ERR_IO, "cannot read %s: %s", path,
			sb.toobig ? "too large for a feed list" : strerror(errno));
		strbuf_done(&sb);
		if (f != stdin)
			fclose(f);
		return NULL;
	}
	if (f != stdin)
		fclose(f);
	return strbuf_detach(&sb, len);
}

static int
feeds_import(const struct net_ops *net, struct store *s, const char *path)
{
	struct opml_feeds list;
	struct jt_err err = { "" };
	size_t len, added = 0, kept = 0, refused = 0;
	char *text = read_all(path, OPML_MAX_BYTES, &len, &err);

	if (!text || (opml_feeds_init(&list), opml_parse(text, len, &list, &err)) != JT_OK) {
		report_error(path, &err);
		free(text);
		return 1;
	}
	for (size_t i = 0; i < list.n; i++) {
		const struct opml_feed *f = &list.v[i];
		char *url = text_squeeze(f->url);
		const char *why = import_refusal(net, url);
		struct feed old;

		if (why) {
			fputs("jobterm: feeds import: refused ", stderr);
			put_clean(stderr, url, 0);
			fputs(": ", stderr);
			put_clean(stderr, why, 0);
			fputc('\n', stderr);
			refused++;
			free(url);
			continue;
		}
		feed_init(&old);
		if (store_feed_get(s, url, &old, NULL) == JT_OK) {
			kept++;	/* already there: its name and format stay the user's */
		} else if (store_feed_add(s, url, f->title, f->format &&
					  net->feed_format_known(f->format) ? f->format : NULL, &err)
			   != JT_OK) {
			report_error(NULL, &err);
			feed_done(&old);
			free(url);
			opml_feeds_done(&list);
			free(text);
			return 1;
		} else {
			fputs("added ", stdout);
			put_clean(stdout, url, 0);
			fputc('\n', stdout);
			added++;
		}
		feed_done(&old);
		free(url);
	}
	printf("%zu feed%s added, %zu already there, %zu refused\n", added, added == 1 ? "" : "s",
	       kept, refused);
	opml_feeds_done(&list);
	free(text);
	return refused ? 1 : 0;
}

static int
feeds_export(struct store *s)
{
	struct feed_list feeds;
	struct jt_err err = { "" };
	char *doc;

	feed_list_init(&feeds);
	if (store_feeds_list(s, &feeds, &err) != JT_OK) {
		report_error(NULL, &err);
		feed_list_done(&feeds);
		return 1;
	}
	doc = opml_write(&feeds);
	fputs(doc, stdout);
	free(doc);
	feed_list_done(&feeds);
	return 0;
}

static int
cmd_feeds(struct app *app, struct args *a)
{
	const char *sub = a->i < a->argc ? a->argv[a->i++] : "list";
	const char *name = NULL, *format_name = NULL, *target = NULL;
	const struct net_ops *net;
	enum out_format format = OUT_TEXT;
	struct store *s;
	struct jt_err err = { "" };
	int rc = 0;

	while (a->i < a->argc) {
		const char *v = NULL;
		int m = opt_match(a, "--name", &v);

		if (m > 0)
			name = v;
		else if (m == 0 && (m = opt_match(a, "--format", &v)) > 0)
			format_name = v;
		if (m < 0)
			return usage_error(a->cmd, "missing value for option", a->argv[a->i]);
		if (m > 0)
			continue;
		/* "-" alone is a file name: standard input (feeds import -) */
		if ((a->argv[a->i][0] == '-' && a->argv[a->i][1]) || target)
			return usage_error(a->cmd, "unexpected argument", a->argv[a->i]);
		target = a->argv[a->i++];
	}
	if (!strcmp(sub, "list")) {
		if (target || name)
			return usage_error(a->cmd, "feeds list takes no arguments", NULL);
		if (format_name && !parse_format(format_name, 2 | 8, &format))
			return usage_error(a->cmd, "--format wants text or json", format_name);
		if (open_store(app, &s))
			return 1;
		rc = feeds_list(s, format);
	} else if (!strcmp(sub, "add")) {
		const char *why = NULL;
		struct feed old;
		bool there;
		char *url;

		if (!target)
			return usage_error(a->cmd,
					   "expected: feeds add URL [--name NAME] [--format FORMAT]", NULL);
		if (!(net = need_net()))
			return 1;
		if (format_name && !net->feed_format_known(format_name)) {
			const char *const *names = net->feed_format_names;
			struct strbuf known;

			strbuf_init(&known, 0);
			for (size_t i = 0; names[i]; i++)
				strbuf_addf(&known, "%s%s", i ? ", " : "", names[i]);
			fprintf(stderr, "jobterm: feeds: unknown format ");
			put_clean(stderr, format_name, 0);
			fprintf(stderr, " (known: %s)\n", strbuf_str(&known));
			strbuf_done(&known);
			return 2;
		}
		if (!(url = feed_url(net, target, &why)))
			return usage_error(a->cmd, why ? why : "cannot add", target);
		if (open_store(app, &s)) {
			free(url);
			return 1;
		}
		feed_init(&old);
		there = store_feed_get(s, url, &old, NULL) == JT_OK;
		feed_done(&old);
		if (store_feed_add(s, url, name, format_name, &err) != JT_OK) {
			report_error(NULL, &err);
			rc = 1;
		} else {
			fputs(!there ? "added " : name || format_name ? "updated " : "already there: ",
			      stdout);
			put_clean(stdout, url, 0);
			fputc('\n', stdout);
		}
		free(url);
	} else if (!strcmp(sub, "rm")) {
		const char *why = NULL;
		char *url;

		if (!target || name || format_name)
			return usage_error(a->cmd, "expected: feeds rm URL", NULL);
		/* A local file by the path it was added with, as feeds add takes it. */
		url = strstr(target, "://") ? NULL : file_url(target, &why);
		if (open_store(app, &s)) {
			free(url);
			return 1;
		}
		if (store_feed_remove(s, url ? url : target, &err) != JT_OK) {
			report_error(NULL, &err);
			rc = 1;
		}
		free(url);
	} else if (!strcmp(sub, "import")) {
		if (!target || name || format_name)
			return usage_error(a->cmd, "expected: feeds import FILE", NULL);
		if (!(net = need_net()) || open_store(app, &s))
			return 1;
		rc = feeds_import(net, s, target);
	} else if (!strcmp(sub, "export")) {
		if (target || name || format_name)
			return usage_error(a->cmd, "feeds export takes no arguments", NULL);
		if (open_store(app, &s))
			return 1;
		rc = feeds_export(s);
	} else {
		return usage_error(a->cmd, "unknown feeds command (list, add, rm, import, export)",
				   sub);
	}
	store_close(s);
	return rc;
}

/* ---- the job hunt ------------------------------------------------------------------------- */

static const char status_help[] =
	"a status is saved, applied, interviewing, offer, rejected, withdrawn or none";

static int
cmd_track(struct app *app, struct args *a)
{
	const char *idarg = NULL, *statusarg = NULL, *note = NULL;
	enum track_status status = TRACK_NONE;
	struct jt_err err = { "" };
	struct store *s;
	int64_t id;
	int rc = 0;

	while (a->i < a->argc) {
		const char *v = NULL;
		int m = opt_match(a, "--note", &v);

		if (m < 0)
			return usage_error(a->cmd, "missing value for option", "--note");
		if (m > 0) {
			note = v;
			continue;
		}
		if ((a->argv[a->i][0] == '-' && a->argv[a->i][1]) || (idarg && statusarg))
			return usage_error(a->cmd, "unexpected argument", a->argv[a->i]);
		if (!idarg)
			idarg = a->argv[a->i++];
		else
			statusarg = a->argv[a->i++];
	}
	if (!idarg || (!statusarg && !note))
		return usage_error(a->cmd, "expected: track ID STATUS [--note TEXT]", NULL);
	if (!parse_id(idarg, &id))
		return usage_error(a->cmd, "not a posting id", idarg);
	if (statusarg && !hunt_status_parse(statusarg, &status))
		return usage_error(a->cmd, status_help, statusarg);
	if (open_store(app, &s))
		return 1;
	if ((statusarg && hunt_track_set(s, id, status, &err) != JT_OK) ||
	    (note && hunt_note_set(s, id, note, &err) != JT_OK)) {
		report_error(NULL, &err);
		rc = 1;
	}
	store_close(s);
	return rc;
}

/* A filter as the options that select it ("--keyword rust --remote"), for people. */
static void
filter_args(struct strbuf *sb, const struct job_filter *f)
{
	const char *text[][2] = {
		{ "--keyword", f->keyword }, { "--location", f->location },
		{ "--company", f->company },
	};

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		if (text[i][1])
			strbuf_addf(sb, "%s%s %s%s%s", sb->len ? " " : "", text[i][0],
				    strchr(text[i][1], ' ') ? "\"" : "", text[i][1],
				    strchr(text[i][1], ' ') ? "\"" : "");
	if (f->remote_only)
		strbuf_adds(sb, sb->len ? " --remote" : "--remote");
	if (f->favourites_only)
		strbuf_adds(sb, sb->len ? " --favourites" : "--favourites");
	if (f->unread_only)
		strbuf_adds(sb, sb->len ? " --unread" : "--unread");
	if (f->since_days)
		strbuf_addf(sb, "%s--since %d", sb->len ? " " : "", f->since_days);
	if (f->min_salary > 0)
		strbuf_addf(sb, "%s--min-salary %.0f", sb->len ? " " : "", f->min_salary);
	if (f->status)
		strbuf_addf(sb, "%s--status %s", sb->len ? " " : "", f->status == TRACK_ANY
			    ? "tracked" : hunt_status_name((enum track_status)f->status));
	if (f->sort != SORT_DATE)
		strbuf_addf(sb, "%s--sort %s", sb->len ? " " : "", job_sort_name(f->sort));
}

static void
json_search(struct strbuf *sb, const struct hunt_search *h)
{
	const struct job_filter *f = &h->filter;

	strbuf_addc(sb, '{');
	json_key(sb, "name", true);
	json_str(sb, h->name);
	json_key(sb, "new", false);
	strbuf_addf(sb, "%lld", (long long)h->fresh);
	json_key(sb, "opened", false);
	json_time(sb, h->opened);
	json_key(sb, "keyword", false);
	json_str(sb, f->keyword);
	json_key(sb, "location", false);
	json_str(sb, f->location);
	json_key(sb, "company", false);
	json_str(sb, f->company);
	json_key(sb, "remote", false);
	strbuf_adds(sb, f->remote_only ? "true" : "false");
	json_key(sb, "favourites", false);
	strbuf_adds(sb, f->favourites_only ? "true" : "false");
	json_key(sb, "unread", false);
	strbuf_adds(sb, f->unread_only ? "true" : "false");
	json_key(sb, "since", false);
	json_num(sb, f->since_days);
	json_key(sb, "min_salary", false);
	json_num(sb, f->min_salary);
	json_key(sb, "status", false);
	json_str(sb, !f->status ? NULL : f->status == TRACK_ANY ? "tracked"
		 : hunt_status_name((enum track_status)f->status));
	json_key(sb, "sort", false);
	json_str(sb, job_sort_name(f->sort));
	strbuf_addc(sb, '}');
}

static int
searches_list(struct store *s, enum out_format format)
{
	struct hunt_searches all;
	struct jt_err err = { "" };
	struct strbuf sb;

	hunt_searches_init(&all);
	if (hunt_searches_list(s, &all, &err) != JT_OK) {
		report_error(NULL, &err);
		hunt_searches_done(&all);
		return 1;
	}
	strbuf_init(&sb, 0);
	if (format == OUT_JSON) {
		strbuf_addc(&sb, '[');
		for (size_t i = 0; i < all.n; i++) {
			strbuf_adds(&sb, i ? ",\n" : "\n");
			json_search(&sb, &all.v[i]);
		}
		strbuf_adds(&sb, all.n ? "\n]\n" : "]\n");
		fputs(strbuf_str(&sb), stdout);
	} else {
		for (size_t i = 0; i < all.n; i++) {
			strbuf_reset(&sb);
			filter_args(&sb, &all.v[i].filter);
			put_clean(stdout, all.v[i].name, 0);
			printf("\n    %lld new · ", (long long)all.v[i].fresh);
			put_clean(stdout, sb.len ? strbuf_str(&sb) : "every posting", 0);
			fputc('\n', stdout);
		}
	}
	strbuf_done(&sb);
	hunt_searches_done(&all);
	return 0;
}

static int
cmd_search(struct app *app, struct args *a)
{
	const char *sub = a->i < a->argc ? a->argv[a->i++] : "list";
	const char *name = NULL;
	struct jt_err err = { "" };
	struct store *s;
	struct opts o;
	enum jt_status status;
	bool replaced = false;
	int rc = 0;

	if (!strcmp(sub, "list")) {
		enum out_format format = OUT_TEXT;

		while (a->i < a->argc) {
			const char *v = NULL;
			int m = opt_match(a, "--format", &v);

			if (m < 0)
				return usage_error(a->cmd, "missing value for option", "--format");
			if (m == 0)
				return usage_error(a->cmd, "unexpected argument", a->argv[a->i]);
			if (!parse_format(v, 2 | 8, &format))
				return usage_error(a->cmd, "--format wants text or json", v);
		}
		if (open_store(app, &s))
			return 1;
		rc = searches_list(s, format);
		store_close(s);
		return rc;
	}
	if (strcmp(sub, "save") && strcmp(sub, "rm"))
		return usage_error(a->cmd, "unknown search command (list, save, rm)", sub);
	if (a->i >= a->argc || a->argv[a->i][0] == '-')
		return usage_error(a->cmd, "expected: search save NAME [FILTERS] | search rm NAME",
				   NULL);
	name = a->argv[a->i++];
	opts_init(&o, OUT_TEXT);
	if (!strcmp(sub, "rm") && a->i < a->argc)
		rc = usage_error(a->cmd, "unexpected argument", a->argv[a->i]);
	else if (!strcmp(sub, "save"))
		rc = opts_parse(a, 0, NULL, 0, &o);
	if (rc || open_store(app, &s)) {
		opts_done(&o);
		return rc ? rc : 1;
	}
	if (!strcmp(sub, "rm"))
		status = hunt_search_remove(s, name, &err);
	else
		status = hunt_search_save(s, name, &o.f, &replaced, &err);
	rc = status == JT_OK ? 0 : status == JT_ERR_USAGE ? 2 : 1;
	if (rc) {
		report_error(a->cmd, &err);
	} else if (!strcmp(sub, "save")) {
		fputs(replaced ? "replaced saved search " : "saved search ", stdout);
		put_clean(stdout, name, 0);
		fputc('\n', stdout);
	}
	opts_done(&o);
	store_close(s);
	return rc;
}

/* Markdown text: sanitised, with every character that Markdown (or HTML in it) may read as
 * markup escaped by a backslash. */
static void
md_text(FILE *out, const char *s)
{
	char *clean = text_sanitize(s ? s : "", 0);

	for (const char *p = clean; *p; p++) {
		if (strchr("\\`*_{}[]()<>#+-.!|~&$", *p))
			fputc('\\', out);
		fputc(*p, out);
	}
	free(clean);
}

/* A link: <url> when it is one a browser may open, else its escaped text. */
static void
md_link(const struct net_ops *net, FILE *out, const char *url)
{
	if (url && net->fetch_url_openable(url, NULL) && !strpbrk(url, "<>")) {
		fputc('<', out);
		fputs(url, out);
		fputc('>', out);
	} else {
		md_text(out, url);
	}
}

struct export {
	enum out_format format;
	const struct net_ops *net;	/* markdown: which links are links */
	struct strbuf json;
	size_t n;
	int64_t now;
};

static void
export_markdown(struct export *x, const struct job *j, const struct hunt_info *info)
{
	char buf[128];

	fputs("## ", stdout);
	md_text(stdout, j->title);
	if (j->company && *j->company) {
		fputs(" \xC2\xB7 ", stdout);
		md_text(stdout, j->company);
	}
	fputs("\n\n", stdout);
	if (info->status != TRACK_NONE) {
		format_date(info->status_changed, buf, sizeof(buf));
		printf("- Status: %s since %s\n", hunt_status_name(info->status), buf);
	}
	for (size_t i = 0; i < info->nhistory; i++) {
		format_date(info->history[i].at, buf, sizeof(buf));
		printf("%s%s %s", i ? ", " : "- History: ", buf,
		       hunt_status_name(info->history[i].status));
		if (i + 1 == info->nhistory)
			fputc('\n', stdout);
	}
	if ((j->location && *j->location) || j->remote) {
		fputs("- Location: ", stdout);
		md_text(stdout, j->location && *j->location ? j->location : "Remote");
		if (j->remote && j->location && *j->location && !strstr(j->location, "emote"))
			fputs(" \\(remote\\)", stdout);
		fputc('\n', stdout);
	}
	format_salary(j, buf, sizeof(buf));
	if (*buf) {
		fputs("- Salary: ", stdout);
		md_text(stdout, buf);
		fputc('\n', stdout);
	}
	format_date(j->posted, buf, sizeof(buf));
	if (*buf)
		printf("- Posted: %s\n", buf);
	fputs("- Links: ", stdout);
	if (info->nsources) {
		for (size_t i = 0; i < info->nsources; i++) {
			if (i)
				fputs(", ", stdout);
			md_link(x->net, stdout, info->sources[i].url);
		}
	} else {
		md_link(x->net, stdout, j->url);
	}
	fputc('\n', stdout);
	if (info->note) {
		char *clean = text_sanitize(info->note, TEXT_KEEP_NEWLINES);

		fputs("\n> ", stdout);
		for (char *p = clean, *nl; p; p = nl ? nl + 1 : NULL) {
			if ((nl = strchr(p, '\n')))
				*nl = '\0';
			md_text(stdout, p);
			if (nl)
				fputs("\n> ", stdout);
		}
		fputc('\n', stdout);
		free(clean);
	}
	fputc('\n', stdout);
	(void)x;
}

static void
export_csv(const struct job *j, const struct hunt_info *info)
{
	char iso[32];
	struct strbuf urls;

	fprintf(stdout, "%lld,", (long long)j->id);
	csv_cell(stdout, j->title, false);
	csv_cell(stdout, j->company, false);
	csv_cell(stdout, j->location, false);
	fputs(j->remote ? "true," : "false,", stdout);
	csv_num(stdout, j->salary_min);
	csv_num(stdout, j->salary_max);
	csv_cell(stdout, j->salary_currency, false);
	csv_cell(stdout, j->salary_min > 0 || j->salary_max > 0
		 ? (j->salary_period ? j->salary_period : "year") : NULL, false);
	format_iso8601(j->posted, iso, sizeof(iso));
	csv_cell(stdout, iso, false);
	csv_cell(stdout, j->url, false);
	csv_cell(stdout, j->apply_url ? j->apply_url : j->url, false);
	csv_cell(stdout, j->feed_url, false);
	fputs(j->favourite ? "true," : "false,", stdout);
	csv_cell(stdout, info->status != TRACK_NONE ? hunt_status_name(info->status) : NULL,
		 false);
	format_iso8601(info->status != TRACK_NONE ? info->status_changed : 0, iso, sizeof(iso));
	csv_cell(stdout, iso, false);
	fprintf(stdout, "%d,", j->sources > 0 ? j->sources : 1);
	strbuf_init(&urls, 0);
	for (size_t i = 0; i < info->nsources; i++)
		if (info->sources[i].url)
			strbuf_addf(&urls, "%s%s", urls.len ? " " : "", info->sources[i].url);
	csv_cell(stdout, info->nsources ? strbuf_str(&urls) : j->url, false);
	strbuf_done(&urls);
	csv_cell_flags(stdout, info->note, TEXT_KEEP_NEWLINES, true);
}

static enum jt_status
export_one(struct export *x, struct store *s, const struct job *j, struct jt_err *err)
{
	struct hunt_info info;
	enum jt_status rc = JT_OK;

	hunt_info_init(&info);
	/* Notes, statuses and other sources exist only for favourites and duplicates. */
	if (j->favourite || j->sources > 1)
		rc = hunt_info_get(s, j->id, &info, err);
	if (rc == JT_OK && x->format == OUT_JSON) {
		strbuf_reset(&x->json);
		strbuf_adds(&x->json, x->n ? ",\n" : "\n");
		json_job(&x->json, j, &info, false);
		fputs(strbuf_str(&x->json), stdout);
	} else if (rc == JT_OK && x->format == OUT_CSV) {
		export_csv(j, &info);
	} else if (rc == JT_OK) {
		export_markdown(x, j, &info);
	}
	hunt_info_done(&info);
	x->n++;
	return rc;
}

static int
cmd_export(struct app *app, struct args *a)
{
	static const unsigned formats = 2 | 4 | 16, allowed = OPTS_SEARCH | OPTS_ALL;
	struct args again = *a;
	struct export x = { .format = OUT_CSV, .now = (int64_t)time(NULL) };
	struct jt_err err = { "" };
	struct job_list page;
	struct job after;
	struct store *s;
	struct opts o;
	int rc;

	opts_init(&o, OUT_CSV);
	o.f.all_sources = !app->config.group_duplicates;
	if ((rc = opts_parse(a, formats, "--format wants csv, json or markdown", allowed, &o))) {
		opts_done(&o);
		return rc;
	}
	if (open_store(app, &s)) {
		opts_done(&o);
		return 1;
	}
	if (opts_search(s, &again, formats, allowed, &o)) {
		opts_done(&o);
		store_close(s);
		return 1;
	}
	/* Without a filter: the favourites, tracked postings among them. */
	if (!o.filtered && !o.search && !o.all)
		o.f.favourites_only = true;
	x.format = o.format;
	if (x.format == OUT_MARKDOWN && !(x.net = need_net())) {
		opts_done(&o);
		store_close(s);
		return 1;
	}
	strbuf_init(&x.json, 0);
	if (x.format == OUT_CSV)
		fputs("id,title,company,location,remote,salary_min,salary_max,salary_currency,"
		      "salary_period,posted,url,apply_url,feed,favourite,status,status_changed,"
		      "sources,source_urls,note\r\n", stdout);
	else if (x.format == OUT_JSON)
		fputc('[', stdout);
	else
		fputs("# jobterm export\n\n", stdout);
	job_init(&after);
	for (rc = 0; !rc;) {
		job_list_init(&page);
		rc = store_jobs_query(s, &o.f, after.id ? &after : NULL, 500, &page, &err) != JT_OK;
		for (size_t i = 0; !rc && i < page.n; i++)
			rc = export_one(&x, s, &page.v[i], &err) != JT_OK;
		if (rc)
			report_error(NULL, &err);
		if (rc || page.n < 500) {
			job_list_done(&page);
			break;
		}
		/* The last row is where the next page starts. */
		job_done(&after);
		after = page.v[page.n - 1];
		page.n--;
		job_list_done(&page);
	}
	job_done(&after);
	if (x.format == OUT_JSON)
		fputs(x.n ? "\n]\n" : "]\n", stdout);
	else if (x.format == OUT_MARKDOWN && !x.n)
		fputs("Nothing to export.\n", stdout);
	strbuf_done(&x.json);
	if (!rc && o.search && hunt_search_opened(s, o.saved.name, x.now, &err) != JT_OK) {
		report_error(NULL, &err);
		rc = 1;
	}
	opts_done(&o);
	store_close(s);
	return rc;
}

static const struct command {
	const char *name;
	int (*run)(struct app *app, struct args *a);
} commands[] = {
	{ "fetch", cmd_fetch },
	{ "list", cmd_list },
	{ "show", cmd_show },
	{ "fav", cmd_fav },
	{ "hide", cmd_hide },
	{ "unhide", cmd_hide },
	{ "feeds", cmd_feeds },
	{ "track", cmd_track },
	{ "search", cmd_search },
	{ "export", cmd_export },
};

bool
cli_is_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return true;
	return false;
}

int
cli_run(struct app *app, int argc, char **argv)
{
	struct args a = { .argc = argc, .argv = argv, .i = 1, .cmd = argv[0] };

	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, argv[0]))
			return commands[i].run(app, &a);
	return usage_error("jobterm", "unknown command", argv[0]);
}
