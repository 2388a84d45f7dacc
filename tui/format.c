/*
 * Human forms of salaries, ages and dates. Pure functions; no curses.
 */
#include "config.h"
#include "tui/format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/hunt.h"

static const char *
currency_symbol(const char *code)
{
	static const struct {
		const char *code, *symbol;
	} symbols[] = {
		{ "USD", "$" }, { "EUR", "\xE2\x82\xAC" }, { "GBP", "\xC2\xA3" },
		{ "JPY", "\xC2\xA5" }, { "INR", "\xE2\x82\xB9" },
	};

	if (!code)
		return NULL;
	for (size_t i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++)
		if (!strcmp(code, symbols[i].code))
			return symbols[i].symbol;
	return NULL;
}

/* 120000 -> "120k", 1500000 -> "1.5M", 45 -> "45", 45.5 -> "45.50". */
static void
amount(double v, char *out, size_t size)
{
	if (v >= 1e6)
		snprintf(out, size, "%.3gM", v / 1e6);
	else if (v >= 10000)
		snprintf(out, size, "%.0fk", v / 1000);
	else if (v == floor(v))
		snprintf(out, size, "%.0f", v);
	else
		snprintf(out, size, "%.2f", v);
}

void
format_salary(const struct job *job, char *out, size_t size)
{
	static const struct {
		const char *period, *suffix;
	} suffixes[] = {
		{ "hour", "/h" }, { "day", "/day" }, { "week", "/wk" }, { "month", "/mo" },
	};
	const char *symbol = currency_symbol(job->salary_currency);
	const char *suffix = "";
	char lo[32] = "", hi[32] = "", prefix[16] = "";

	*out = '\0';
	if (job->salary_min <= 0 && job->salary_max <= 0)
		return;
	if (job->salary_period)
		for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
			if (!strcmp(job->salary_period, suffixes[i].period))
				suffix = suffixes[i].suffix;
	if (symbol)
		snprintf(prefix, sizeof(prefix), "%s", symbol);
	else if (job->salary_currency)
		snprintf(prefix, sizeof(prefix), "%.3s ", job->salary_currency);
	if (job->salary_min > 0)
		amount(job->salary_min, lo, sizeof(lo));
	if (job->salary_max > 0)
		amount(job->salary_max, hi, sizeof(hi));
	if (*lo && *hi && strcmp(lo, hi))
		snprintf(out, size, "%s%s\xE2\x80\x93%s%s", prefix, lo, hi, suffix);
	else if (*lo && !*hi)
		snprintf(out, size, "%s%s+%s", prefix, lo, suffix);
	else
		snprintf(out, size, "%s%s%s", prefix, *hi ? hi : lo, suffix);
}

void
format_age(int64_t t, int64_t now, char *out, size_t size)
{
	int64_t d = now - t;

	if (!t)
		*out = '\0';
	else if (d < 60)
		snprintf(out, size, "now");
	else if (d < 3600)
		snprintf(out, size, "%lldm", (long long)(d / 60));
	else if (d < 86400)
		snprintf(out, size, "%lldh", (long long)(d / 3600));
	else if (d < 14 * 86400)
		snprintf(out, size, "%lldd", (long long)(d / 86400));
	else if (d < 60 * 86400)
		snprintf(out, size, "%lldw", (long long)(d / (7 * 86400)));
	else if (d < 365 * 86400)
		snprintf(out, size, "%lldmo", (long long)(d / (30 * 86400)));
	else
		snprintf(out, size, "%lldy", (long long)(d / (365 * 86400)));
}

void
format_iso8601(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	*out = '\0';
	if (t && gmtime_r(&tt, &tm) && !strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		*out = '\0';
}

void
format_date(int64_t t, char *out, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	*out = '\0';
	if (t && gmtime_r(&tt, &tm) && !strftime(out, size, "%Y-%m-%d %H:%M UTC", &tm))
		*out = '\0';
}

void
format_filters(struct strbuf *sb, const struct job_filter *f)
{
	if (f->keyword)
		strbuf_addf(sb, "  /%s", f->keyword);
	if (f->location)
		strbuf_addf(sb, "  @%s", f->location);
	if (f->remote_only)
		strbuf_adds(sb, "  remote");
	if (f->favourites_only)
		strbuf_adds(sb, "  favourites");
	if (f->unread_only)
		strbuf_adds(sb, "  unread");
	if (f->company)
		strbuf_addf(sb, "  company:%s", f->company);
	if (f->status)
		strbuf_addf(sb, "  %s", f->status == TRACK_ANY ? "tracked"
			    : hunt_status_name((enum track_status)f->status));
	if (f->since_days)
		strbuf_addf(sb, "  %dd", f->since_days);
	if (f->min_salary > 0)
		strbuf_addf(sb, "  >=%.0f", f->min_salary);
	if (f->sort != SORT_DATE && !(f->sort == SORT_RELEVANCE && !f->keyword))
		strbuf_addf(sb, "  by %s", job_sort_name(f->sort));
}
