/*
 * The headless commands: fetch, list, show, fav and feeds. They are the same user-facing
 * layer as the curses views, without curses, and the contract that scripts and the test
 * suite rely on (see the man page). Every feed-derived string leaves through text_sanitize()
 * or, in JSON, through an escaper that escapes the same characters; nothing from a feed is
 * ever used as a format string.
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
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "net/feed.h"
#include "net/fetch.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"
#include "tui/format.h"

enum out_format {
	OUT_TABLE,
	OUT_JSON,
	OUT_CSV,
	OUT_TEXT,
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
	static const char *const names[] = { "table", "json", "csv", "text" };

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

static void
json_job(struct strbuf *sb, const struct job *j, bool with_description)
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
	if (with_description) {
		json_key(sb, "description", false);
		json_str(sb, j->description_text);
	}
	strbuf_addc(sb, '}');
}

/* One CSV cell: sanitised, quoted, and defused against spreadsheet formulas. */
static void
csv_cell(FILE *out, const char *s, bool last)
{
	char *clean = text_sanitize(s ? s : "", 0);

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
	fputs(j->favourite ? "true\r\n" : "false\r\n", out);
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
	char id[24], salary[64], age[16], *location;

	snprintf(id, sizeof(id), "%lld", (long long)j->id);
	format_salary(j, salary, sizeof(salary));
	format_age(j->posted ? j->posted : j->first_seen, now, age, sizeof(age));
	location = xasprintf("%s%s", j->location ? j->location : "",
			     j->remote && !(j->location && strstr(j->location, "emote"))
			     ? (j->location && *j->location ? " (remote)" : "Remote") : "");
	table_cell(out, id, 6, true);
	table_cell(out, j->favourite ? "*" : "", 1, false);
	table_cell(out, j->title, t->title, false);
	table_cell(out, j->company, t->company, false);
	table_cell(out, location, t->location, false);
	table_cell(out, salary, 14, false);
	put_clean(out, age, 0);
	fputc('\n', out);
	free(location);
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
				fprintf(stdout, ": %zu postings, %zu new", ev->postings, ev->added);
				if (ev->pages > 1)
					fprintf(stdout, " from %d pages", ev->pages);
				if (ev->skipped)
					fprintf(stdout, " (%zu items unreadable)", ev->skipped);
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

static int
cmd_fetch(struct app *app, struct args *a)
{
	struct fetch_report report = { .progress = isatty(STDERR_FILENO) };
	struct jt_err err = { "" };
	struct store *s;
	struct sigaction sa;
	const char **urls = NULL;
	size_t n = 0;
	int failed;

	for (; a->i < a->argc; a->i++) {
		const char *why;

		if (a->argv[a->i][0] == '-')
			return usage_error(a->cmd, "unknown option", a->argv[a->i]);
		if (strncmp(a->argv[a->i], "file:", 5) &&
		    !fetch_url_openable(a->argv[a->i], &why)) {
			free(urls);
			return usage_error(a->cmd, "not an http, https or file URL",
					   a->argv[a->i]);
		}
		urls = xreallocarray(urls, n + 1, sizeof(*urls));
		urls[n++] = a->argv[a->i];
	}
	if (open_store(app, &s)) {
		free(urls);
		return 1;
	}
	store_close(s);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	failed = app_refresh(app, urls, n, fetch_event, &report, (volatile const int *)&interrupted,
			     &err);
	free(urls);
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

static int
cmd_list(struct app *app, struct args *a)
{
	struct job_filter f;
	enum out_format format = OUT_TABLE;
	long limit = -1;
	struct store *s;
	struct job_list page;
	struct jt_err err = { "" };
	struct strbuf json;
	struct table t;
	int64_t now = (int64_t)time(NULL);
	size_t shown = 0;
	bool first = true;
	int rc = 0;

	job_filter_init(&f);
	while (a->i < a->argc) {
		const char *v = NULL;
		long num;
		int m;

		if ((m = opt_match(a, "--keyword", &v)) > 0)
			f.keyword = v;
		else if (m == 0 && (m = opt_match(a, "--location", &v)) > 0)
			f.location = v;
		else if (m == 0 && (m = opt_match(a, "--company", &v)) > 0)
			f.company = v;
		else if (m == 0 && (m = opt_match(a, "--remote", NULL)) > 0)
			f.remote_only = true;
		else if (m == 0 && (m = opt_match(a, "--favourites", NULL)) > 0)
			f.favourites_only = true;
		else if (m == 0 && (m = opt_match(a, "--favorites", NULL)) > 0)
			f.favourites_only = true;
		else if (m == 0 && (m = opt_match(a, "--unread", NULL)) > 0)
			f.unread_only = true;
		else if (m == 0 && (m = opt_match(a, "--hidden", NULL)) > 0)
			f.include_hidden = true;
		else if (m == 0 && (m = opt_match(a, "--since", &v)) > 0) {
			if (!parse_long(v, 1, 36500, &num))
				return usage_error(a->cmd, "--since wants a number of days", v);
			f.since_days = (int)num;
		} else if (m == 0 && (m = opt_match(a, "--min-salary", &v)) > 0) {
			if (!parse_long(v, 0, 100000000, &num))
				return usage_error(a->cmd, "--min-salary wants a yearly amount",
						   v);
			f.min_salary = (double)num;
		} else if (m == 0 && (m = opt_match(a, "--sort", &v)) > 0) {
			if (!job_sort_parse(v, &f.sort))
				return usage_error(a->cmd, "--sort wants date, salary, relevance or company",
						   v);
		} else if (m == 0 && (m = opt_match(a, "--limit", &v)) > 0) {
			if (!parse_long(v, 0, 100000000, &limit))
				return usage_error(a->cmd, "--limit wants a number", v);
		} else if (m == 0 && (m = opt_match(a, "--format", &v)) > 0) {
			if (!parse_format(v, 1 | 2 | 4, &format))
				return usage_error(a->cmd, "--format wants table, json or csv", v);
		}
		if (m < 0)
			return usage_error(a->cmd, "missing value for option", a->argv[a->i]);
		if (m == 0)
			return usage_error(a->cmd, "unknown option", a->argv[a->i]);
	}
	if (open_store(app, &s))
		return 1;

	strbuf_init(&json, 0);
	table_layout(&t, terminal_columns(stdout));
	if (format == OUT_TABLE)
		table_header(stdout, &t);
	else if (format == OUT_CSV)
		fputs("id,title,company,location,remote,salary_min,salary_max,salary_currency,"
		      "salary_period,posted,url,feed,favourite\r\n", stdout);
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
				json_job(&json, &page.v[i], false);
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

static int
cmd_show(struct app *app, struct args *a)
{
	enum out_format format = OUT_TEXT;
	const char *idarg = NULL;
	int64_t id;
	struct store *s;
	struct job j;
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
	if (store_job_get(s, id, &j, &err) != JT_OK) {
		report_error(NULL, &err);
		rc = 1;
	} else if (format == OUT_JSON) {
		struct strbuf json;

		strbuf_init(&json, 0);
		json_job(&json, &j, true);
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
		if (j.description_text && *j.description_text) {
			putchar('\n');
			put_clean(stdout, j.description_text, TEXT_KEEP_NEWLINES);
			putchar('\n');
		}
		free(where);
	}
	job_done(&j);
	store_close(s);
	return rc;
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
	if (a->i + 1 != a->argc)
		return usage_error(a->cmd, "expected one posting id", NULL);
	if (!parse_id(a->argv[a->i], &id))
		return usage_error(a->cmd, "not a posting id", a->argv[a->i]);
	if (open_store(app, &s))
		return 1;
	if (store_job_flag_set(s, id, JOB_FLAG_FAVOURITE, on, &err) != JT_OK) {
		report_error(NULL, &err);
		rc = 1;
	}
	store_close(s);
	return rc;
}

/* A feed URL as given, or a file:// URL for an existing local file; NULL with *why if neither. */
static char *
feed_url(const char *arg, const char **why)
{
	char *abs;
	char *url;

	if (!strncmp(arg, "file://", 7))
		return xstrdup(arg);
	if (strstr(arg, "://"))
		return fetch_url_openable(arg, why) ? xstrdup(arg) : NULL;
	if (!(abs = realpath(arg, NULL))) {
		*why = "not a URL, and no such file";
		return NULL;
	}
	url = xasprintf("file://%s", abs);
	free(abs);
	if (!fetch_url_openable(url, NULL) && strpbrk(url, " \t\r\n")) {
		*why = "the path has spaces; give it as a file:// URL with %20";
		free(url);
		return NULL;
	}
	return url;
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
			printf(" · %lld postings", (long long)f->postings);
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

static int
cmd_feeds(struct app *app, struct args *a)
{
	const char *sub = a->i < a->argc ? a->argv[a->i++] : "list";
	const char *name = NULL, *format_name = NULL, *target = NULL;
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
		if (a->argv[a->i][0] == '-' || target)
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
		char *url;

		if (!target)
			return usage_error(a->cmd,
					   "expected: feeds add URL [--name NAME] [--format FORMAT]", NULL);
		if (format_name && !feed_format_known(format_name)) {
			struct strbuf known;

			strbuf_init(&known, 0);
			for (size_t i = 0; feed_format_names[i]; i++)
				strbuf_addf(&known, "%s%s", i ? ", " : "", feed_format_names[i]);
			fprintf(stderr, "jobterm: feeds: unknown format ");
			put_clean(stderr, format_name, 0);
			fprintf(stderr, " (known: %s)\n", strbuf_str(&known));
			strbuf_done(&known);
			return 2;
		}
		if (!(url = feed_url(target, &why)))
			return usage_error(a->cmd, why ? why : "cannot add", target);
		if (open_store(app, &s)) {
			free(url);
			return 1;
		}
		if (store_feed_add(s, url, name, format_name, &err) != JT_OK) {
			report_error(NULL, &err);
			rc = 1;
		} else {
			fputs("added ", stdout);
			put_clean(stdout, url, 0);
			fputc('\n', stdout);
		}
		free(url);
	} else if (!strcmp(sub, "rm")) {
		if (!target || name || format_name)
			return usage_error(a->cmd, "expected: feeds rm URL", NULL);
		if (open_store(app, &s))
			return 1;
		if (store_feed_remove(s, target, &err) != JT_OK) {
			report_error(NULL, &err);
			rc = 1;
		}
	} else {
		return usage_error(a->cmd, "unknown feeds command (list, add, rm)", sub);
	}
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
	{ "feeds", cmd_feeds },
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
