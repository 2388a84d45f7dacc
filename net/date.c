/*
 * Feed dates to UTC epoch seconds. Owns the RFC 3339 / ISO 8601 reader and the calendar
 * arithmetic (days from a civil date, so neither TZ nor the locale matters); RFC 822 dates go
 * to libcurl's curl_getdate. Must never call mktime, timegm, strptime or anything else that
 * reads the environment, and never keeps state between calls.
 */
#include "config.h"
#include "net/date.h"

#include <curl/curl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Years jobterm accepts: 0001-01-01 to 9999-12-31, in seconds. */
#define DATE_MIN	(-62135596800LL)
#define DATE_MAX	253402300799LL

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Read exactly n digits at *p into *out and advance. */
static bool
digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!is_digit((*p)[i]))
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool
word(const char **p, const char *w)
{
	size_t n = strlen(w);

	for (size_t i = 0; i < n; i++) {
		char c = (*p)[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c != w[i])
			return false;
	}
	if (is_alpha((*p)[n]))
		return false;
	*p += n;
	return true;
}

/* A zone after a time: Z, +HH, +HHMM, +HH:MM, UTC or GMT (the last two after a space). */
static bool
zone(const char **p, int *offset)
{
	const char *s = *p;
	int sign, hh, mm = 0;

	*offset = 0;
	if (*s == 'Z' || *s == 'z') {
		*p = s + 1;
		return true;
	}
	if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		s++;
		if (!digits(&s, 2, &hh))
			return false;
		if (*s == ':')
			s++;
		if (is_digit(*s) && !digits(&s, 2, &mm))
			return false;
		if (hh > 23 || mm > 59)
			return false;
		*offset = sign * (hh * 3600 + mm * 60);
		*p = s;
		return true;
	}
	while (*s == ' ')
		s++;
	if (word(&s, "UTC") || word(&s, "GMT")) {
		*p = s;
		return true;
	}
	return false;
}

/*
 * YYYY-MM-DD, then optionally [T or space]HH:MM[:SS[.fraction]], then optionally a zone.
 * Leading and trailing white space is allowed; anything else after the date is not.
 */
static bool
parse_iso(const char *s, int64_t *t)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, offset = 0;
	int64_t v;

	while (is_space(*s))
		s++;
	if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) || *s++ != '-' ||
	    !digits(&s, 2, &d))
		return false;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || y < 1)
		return false;
	if ((*s == 'T' || *s == 't' || *s == ' ') && is_digit(s[1])) {
		s++;
		if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
			return false;
		if (*s == ':') {
			s++;
			if (!digits(&s, 2, &sec))
				return false;
			if ((*s == '.' || *s == ',') && is_digit(s[1]))
				for (s++; is_digit(*s); s++)
					;	/* the fraction: any number of digits, dropped */
		}
		if (h > 24 || mi > 59 || sec > 60 || (h == 24 && (mi || sec)))
			return false;
		if (*s && !is_space(*s) && !zone(&s, &offset))
			return false;
		if (is_space(*s)) {
			const char *z = s;

			while (*z == ' ')
				z++;
			if (*z && zone(&z, &offset))
				s = z;
		}
	}
	while (is_space(*s))
		s++;
	if (*s)
		return false;
	v = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
	*t = v;
	return true;
}

/* An epoch number written as a string: digits with an optional fraction. */
static bool
parse_epoch(const char *s, int64_t *t)
{
	const char *p;
	char *end;
	double v;
	size_t n = 0;

	while (is_space(*s))
		s++;
	for (p = s; is_digit(*p); p++)
		n++;
	if (n < 9 || n > 16)	/* 9 digits reach back to 1973; fewer are not a timestamp */
		return false;
	if (*p == '.')
		for (p++; is_digit(*p); p++)
			;
	while (is_space(*p))
		p++;
	if (*p)
		return false;
	v = strtod(s, &end);
	if (end == s || !isfinite(v))
		return false;
	*t = date_from_epoch(v);
	return true;
}

/* True when s names a month in English, as every RFC 822 date does. */
static bool
has_month(const char *s)
{
	static const char *const months[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
	};

	for (; *s; s++) {
		char w[3];

		if (!is_alpha(s[0]) || !is_alpha(s[1]) || !is_alpha(s[2]))
			continue;
		for (int i = 0; i < 3; i++)
			w[i] = (char)(s[i] | 0x20);
		for (size_t i = 0; i < sizeof(months) / sizeof(months[0]); i++)
			if (!memcmp(w, months[i], 3))
				return true;
	}
	return false;
}

int64_t
date_from_epoch(double v)
{
	if (!isfinite(v))
		return 0;
	if (v > 1e11 || v < -1e11)
		v /= 1000;
	if (v < (double)DATE_MIN || v > (double)DATE_MAX)
		return 0;
	return (int64_t)v;
}

bool
date_parse(const char *s, int64_t *t)
{
	int64_t v;
	time_t ct;

	if (!s || strlen(s) > 100)
		return false;
	if (parse_iso(s, &v) || parse_epoch(s, &v)) {
		if (v < DATE_MIN || v > DATE_MAX)
			return false;
		*t = v;
		return true;
	}
	if (!has_month(s))
		return false;
	ct = curl_getdate(s, NULL);
	if (ct == (time_t)-1)
		return false;
	*t = (int64_t)ct;
	return true;
}
