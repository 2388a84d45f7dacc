/*
 * Unit tests of the feed parsers: dates, the helpers every parser shares (salary, remote
 * words, title split, employment types), format detection, and every fixture under
 * tests/fixtures/{rss,atom,jsonfeed,hostile} parsed through feed_parse() into a collecting
 * sink with the values asserted. Large hostile inputs (a 500,000-deep JSON document, an 8 MB
 * field, 20,000 items read from a file) are built here at run time rather than committed.
 * The sink, fixtures and checks every parse gets are tests/unit/feedtest.h's.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/date.h"
#include "net/feed.h"
#include "store/job.h"
#include "store/strbuf.h"
#include "store/text.h"
#include "store/xmalloc.h"
#include "tests/unit/check.h"
#include "tests/unit/feedtest.h"

/* ---- helpers ------------------------------------------------------------------------------- */

/* True when no field of any posting contains needle. */
static bool
nowhere(struct parsed *p, const char *needle)
{
	if (contains(p->title, needle))
		return false;
	for (size_t i = 0; i < p->jobs.n; i++) {
		const struct job *j = &p->jobs.v[i];
		const char *f[] = {
			j->guid, j->title, j->company, j->location, j->url, j->description_html,
			j->description_text, j->tags,
		};

		for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++)
			if (contains(f[k], needle))
				return false;
	}
	return true;
}

/* ---- dates --------------------------------------------------------------------------------- */

static void
test_dates(void)
{
	static const struct {
		const char *s;
		int64_t t;
	} good[] = {
		{ "Thu, 10 Sep 2026 21:30:33 +0000", 1789075833 },
		{ "Tue, 02 May 2023 18:35:27 +0000", 1683052527 },
		{ "Tue, 24 Nov 2026 08:00:00 GMT", 1795507200 },
		{ "Wed, 25 Nov 2026 09:30:00 -0500", 1795617000 },
		{ "Mon, 02 May 2016 12:00:00 Z", 1462190400 },
		{ "\n  Thu, 10 Sep 2026 21:30:33 +0000\n ", 1789075833 },
		{ "10 Sep 2026 21:30:33 EST", 1789093833 },
		{ "2026-09-18T13:27:28Z", 1789738048 },
		{ "2026-09-18t13:27:28z", 1789738048 },
		{ "2026-09-18T13:27:28+02:00", 1789730848 },
		{ "2026-09-18T13:27:28-0400", 1789752448 },
		{ "2026-09-18T13:27:28-04", 1789752448 },
		{ "2026-09-18T13:27:28.158+00:00", 1789738048 },
		{ "2026-09-18T13:27:28.891Z", 1789738048 },
		{ "2026-09-18T13:27:28.000Z", 1789738048 },
		{ "2026-09-18T13:27:28.123456789+05:30", 1789718248 },
		{ "2026-09-18T13:27:28,5Z", 1789738048 },
		{ "2022-11-30T00:00:00.0000", 1669766400 },
		{ "2026-07-26T20:49:11", 1785098951 },
		{ "2017-03-18T00:00", 1489795200 },
		{ "2026-09-18", 1789689600 },
		{ "  2026-09-18  ", 1789689600 },
		{ "2026-09-18 13:27:28 UTC", 1789738048 },
		{ "2026-09-18 13:27:28", 1789738048 },
		{ "2026-09-18T24:00:00Z", 1789776000 },
		{ "1726500000", 1726500000 },
		{ "1726500000000", 1726500000 },
		{ "1726500000.75", 1726500000 },
		{ "1900-03-01", -2203891200LL },
		{ "2000-02-29", 951782400 },
		{ "2024-02-29", 1709164800 },
		{ "1969-12-31T23:59:59Z", -1 },
		{ "0001-01-01T00:00:00Z", -62135596800LL },
		{ "9999-12-31T23:59:59Z", 253402300799LL },
	};
	static const char *const bad[] = {
		"", "   ", "not a date", "2026", "12:00", "2026-13-01", "2026-00-10", "2026-02-30",
		"2026-02-29", "2026-09-18T25:00:00Z", "2026-09-18T13:60:00Z",
		"2026-09-18T13:27:28+25:00", "2026-09-18Tjunk", "2026-09-18T13", "2026-09-18 junk",
		"Posted 30+ Days Ago", "0000-01-01", "2026-9-18", "99999999999999999999",
		"2026-09-18T13:27:28.Z", "-1726500000",
	};
	int64_t t;

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		t = 42;
		CHECK(date_parse(good[i].s, &t));
		if (t != good[i].t)
			fprintf(stderr, "date_parse(\"%s\") = %lld, expected %lld\n", good[i].s,
				(long long)t, (long long)good[i].t);
		CHECK_INT(t, good[i].t);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		t = 42;
		if (date_parse(bad[i], &t))
			fprintf(stderr, "date_parse(\"%s\") accepted\n", bad[i]);
		CHECK_INT(t, 42);
	}
	CHECK(!date_parse(NULL, &t));
	CHECK_INT(date_from_epoch(1726500000), 1726500000);
	CHECK_INT(date_from_epoch(1726500000123.0), 1726500000);
	CHECK_INT(date_from_epoch(1726500000.9), 1726500000);
	CHECK_INT(date_from_epoch(NAN), 0);
	CHECK_INT(date_from_epoch(INFINITY), 0);
	CHECK_INT(date_from_epoch(1e300), 0);
	CHECK_INT(date_from_epoch(-1e300), 0);
}

/* ---- shared helpers ------------------------------------------------------------------------ */

static void
test_salary(void)
{
	static const struct {
		const char *s;
		bool bare;
		double min, max;	/* 0, 0: no salary */
		const char *currency;
		const char *period;
	} cases[] = {
		{ "$120k-$150k", false, 120000, 150000, "USD", "year" },
		{ "Pay: $120k - $150k plus equity", false, 120000, 150000, "USD", "year" },
		{ "$120,000 - 150,000 USD", false, 120000, 150000, "USD", "year" },
		{ "\xE2\x82\xAC" "75k\xE2\x80\x93" "110k", false, 75000, 110000, "EUR", "year" },
		{ "\xC2\xA3" "60,000 per annum", false, 60000, 60000, "GBP", "year" },
		{ "USD 45/hour", false, 45, 45, "USD", "hour" },
		{ "120-150k", false, 120000, 150000, NULL, "year" },
		{ "$50/hr", false, 50, 50, "USD", "hour" },
		{ "$50 per hour", false, 50, 50, "USD", "hour" },
		{ "$30 an hour", false, 30, 30, "USD", "hour" },
		{ "$95,000 a year", false, 95000, 95000, "USD", "year" },
		{ "$95k/yr", false, 95000, 95000, "USD", "year" },
		{ "\xE2\x82\xAC" "4.000 per month", false, 0, 0, NULL, NULL },
		{ "EUR 4,000 per month", false, 4000, 4000, "EUR", "month" },
		{ "CAD 600 per day", false, 600, 600, "CAD", "day" },
		{ "CHF 140k\xE2\x80\x93" "170k", false, 140000, 170000, "CHF", "year" },
		{ "AUD 100k to 120k", false, 100000, 120000, "AUD", "year" },
		{ "\xE2\x82\xB9" "12,00,000", false, 0, 0, NULL, NULL },
		{ "INR 1,200,000", false, 1200000, 1200000, "INR", "year" },
		{ "75,000 - 90,000 GBP", false, 75000, 90000, "GBP", "year" },
		{ "$130,000", false, 130000, 130000, "USD", "year" },
		{ "$120k-150", false, 120000, 150000, "USD", "year" },
		{ "Salary $100k - 5 years experience", false, 100000, 100000, "USD", "year" },
		{ "$2,000/week", false, 2000, 2000, "USD", "week" },
		{ "US$90k", false, 90000, 90000, "USD", "year" },
		/* Not salaries. */
		{ "Founded in 2026 with 150 people", false, 0, 0, NULL, NULL },
		{ "Call +1 555-123-4567", false, 0, 0, NULL, NULL },
		{ "Call 555-1234", false, 0, 0, NULL, NULL },
		{ "A 401k plan", false, 0, 0, NULL, NULL },
		{ "We raised $750 million", false, 0, 0, NULL, NULL },
		{ "$120M Series C", false, 0, 0, NULL, NULL },
		{ "A $1,000 signing bonus", false, 0, 0, NULL, NULL },
		{ "$50", false, 0, 0, NULL, NULL },
		{ "150k users", false, 0, 0, NULL, NULL },
		{ "version 2.120-150k", false, 0, 0, NULL, NULL },
		{ "$5000/hour", false, 0, 0, NULL, NULL },
		{ "ABCUSD 100k", false, 0, 0, NULL, NULL },
		{ "", false, 0, 0, NULL, NULL },
		/* A field holding nothing but a salary. */
		{ "85000", true, 85000, 85000, NULL, "year" },
		{ "60000 - 80000", true, 60000, 80000, NULL, "year" },
		{ "85000", false, 0, 0, NULL, NULL },
		{ "25/hour", true, 25, 25, NULL, "hour" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct feed_salary s = { 0, 0, NULL, NULL };
		bool ok = feed_salary_parse(cases[i].s, cases[i].bare, &s);

		if (ok != (cases[i].max > 0) || s.min != cases[i].min || s.max != cases[i].max)
			fprintf(stderr, "salary \"%s\": %d %.2f-%.2f %s %s\n", cases[i].s, ok,
				s.min, s.max, s.currency ? s.currency : "-",
				s.period ? s.period : "-");
		CHECK(ok == (cases[i].max > 0));
		if (!ok)
			continue;
		CHECK(s.min == cases[i].min);
		CHECK(s.max == cases[i].max);
		CHECK((!s.currency && !cases[i].currency) ||
		      (s.currency && cases[i].currency && !strcmp(s.currency, cases[i].currency)));
		CHECK_STR(s.period, cases[i].period);
	}
	CHECK(!feed_salary_parse(NULL, false, NULL));
}

static void
test_remote_words(void)
{
	static const struct {
		const char *s;
		bool remote, hybrid;
	} cases[] = {
		{ "Remote", true, false }, { "remote (US)", true, false },
		{ "Anywhere in the World", true, false }, { "Telecommute", true, false },
		{ "WFH", true, false }, { "Work from home", true, false },
		{ "work-from-home, EU", true, false }, { "Remote-first", true, false },
		{ "100% REMOTE", true, false }, { "Hybrid - London", false, true },
		{ "hybrid", false, true }, { "Remotely", false, false },
		{ "Remoteness", false, false }, { "Non-remote", false, false },
		{ "not remote", false, false }, { "Berlin", false, false },
		{ "Hybridisation", false, false }, { "Z\xC3\xBCrich", false, false },
		{ "\xC3\xA9remote", false, false }, { "Remote\xE2\x80\x93" "Europe", true, false },
		{ "", false, false },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool r = false, h = false;

		feed_remote_words(cases[i].s, &r, &h);
		if (r != cases[i].remote || h != cases[i].hybrid)
			fprintf(stderr, "remote words \"%s\": %d %d\n", cases[i].s, r, h);
		CHECK(r == cases[i].remote);
		CHECK(h == cases[i].hybrid);
	}
}

static void
test_title_split(void)
{
	static const struct {
		const char *title, *company, *location;	/* in */
		bool split;
		const char *t, *c, *l;				/* out */
	} cases[] = {
		{ "Senior Developer at Acme Corp (Berlin, Germany)", NULL, NULL, true,
		  "Senior Developer", "Acme Corp", "Berlin, Germany" },
		{ "Senior Developer at Acme Corp", NULL, NULL, true,
		  "Senior Developer", "Acme Corp", NULL },
		{ "Developer at Acme (Remote)", NULL, "Paris", true, "Developer", "Acme", "Paris" },
		{ "Engineer (Backend) at Initech", NULL, NULL, true,
		  "Engineer (Backend)", "Initech", NULL },
		{ "Firmware Engineer at Cyberdyne (Austin, TX)", "Cyberdyne", NULL, true,
		  "Firmware Engineer", "Cyberdyne", "Austin, TX" },
		{ "Firmware Engineer at Cyberdyne (Austin, TX)", "Skynet", NULL, false,
		  "Firmware Engineer at Cyberdyne (Austin, TX)", "Skynet", NULL },
		{ "Looking at the stars", NULL, NULL, false, "Looking at the stars", NULL, NULL },
		{ "Software Engineer (m/w/d)", NULL, NULL, false,
		  "Software Engineer (m/w/d)", NULL, NULL },
		{ "Head of Growth at Scale at Hooli", NULL, NULL, true,
		  "Head of Growth at Scale", "Hooli", NULL },
		{ "Dev @ Globex (NYC)", NULL, NULL, true, "Dev", "Globex", "NYC" },
		{ " at Acme", NULL, NULL, false, " at Acme", NULL, NULL },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct job j;

		job_init(&j);
		j.title = xstrdup(cases[i].title);
		j.company = xstrdup(cases[i].company);
		j.location = xstrdup(cases[i].location);
		CHECK(feed_title_split(&j) == cases[i].split);
		CHECK_STR(j.title, cases[i].t);
		CHECK(!j.company == !cases[i].c && (!j.company || !strcmp(j.company, cases[i].c)));
		CHECK(!j.location == !cases[i].l &&
		      (!j.location || !strcmp(j.location, cases[i].l)));
		job_done(&j);
	}
}

static void
test_helpers(void)
{
	CHECK_STR(feed_employment_type("Full Time"), "full-time");
	CHECK_STR(feed_employment_type("FULL_TIME"), "full-time");
	CHECK_STR(feed_employment_type("FullTime"), "full-time");
	CHECK_STR(feed_employment_type("part-time"), "part-time");
	CHECK_STR(feed_employment_type("Contractor"), "contract");
	CHECK_STR(feed_employment_type("Intern"), "internship");
	CHECK(!feed_employment_type("Product"));
	CHECK(!feed_employment_type(NULL));
	CHECK_STR(feed_salary_period("per-year-salary"), "year");
	CHECK_STR(feed_salary_period("1 YEAR"), "year");
	CHECK_STR(feed_salary_period("HOURLY"), "hour");
	CHECK_STR(feed_salary_period("month"), "month");
	CHECK(!feed_salary_period("fortnight"));
	CHECK(feed_url_host_is("https://weworkremotely.com/x.rss", "weworkremotely.com"));
	CHECK(feed_url_host_is("https://WWW.WeWorkRemotely.com:443/x", "weworkremotely.com"));
	CHECK(feed_url_host_is("https://user@hnrss.org/jobs", "hnrss.org"));
	CHECK(!feed_url_host_is("https://notweworkremotely.com/", "weworkremotely.com"));
	CHECK(!feed_url_host_is("https://evil.example/weworkremotely.com", "weworkremotely.com"));
	CHECK(!feed_url_host_is(NULL, "hnrss.org"));
	CHECK(!feed_url_host_is("hnrss.org", "hnrss.org"));
	CHECK(feed_format_known("rss"));
	CHECK(feed_format_known("atom"));
	CHECK(feed_format_known("jsonfeed"));
	CHECK(!feed_format_known("no-such-format"));
	CHECK(!feed_format_known(NULL));
	CHECK_STR(feed_format_names[0], "rss");
	{
		char *s = feed_line("  AT&amp;T \t jobs\n", 100);

		CHECK_STR(s, "AT&T jobs");
		free(s);
		CHECK(!feed_line("   ", 100));
		s = feed_line("abcdef\xC3\xA9", 7);
		CHECK_STR(s, "abcd" TEXT_ELLIPSIS);
		free(s);
	}
}

/* ---- detection ----------------------------------------------------------------------------- */

static void
test_detect(void)
{
	struct jt_err err = { "" };
	static const char rss[] = "\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<!-- c -->\n<rss>";
	static const char rdf[] = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">";
	static const char atom[] = "<?xml version='1.0'?><!DOCTYPE feed [ <!ENTITY a 'b'> ]>"
				   "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
	static const char json[] = " {\"version\": \"https://jsonfeed.org/version/1.1\", ";
	static const char other_json[] = "{\"jobs\": [{\"id\": 1}]}";
	static const char late_version[] = "{\"title\": \"t\", \"items\": [{\"id\": \"1\", "
					   "\"content_html\": \"<p>x</p>\"}], \"version\": \"x\"}";
	static const char html[] = "<!DOCTYPE html>\n<html><head><title>Login</title>";
	static const char html2[] = "<html lang=\"en\"><body>";
	static const char other_xml[] = "<?xml version=\"1.0\"?><wonderland><position>";
	static const char binary[] = "\x89PNG\r\n\x1a\n\x00\x00";

	CHECK_STR(feed_detect("atom", NULL, "", 0, &err), "atom");
	CHECK_STR(feed_detect("jsonfeed", "https://x.example/a.rss", json, sizeof(json) - 1, &err),
		  "jsonfeed");	/* the format given wins over the URL */
	CHECK(!feed_detect("jsonfeed", NULL, rss, sizeof(rss) - 1, &err));
	CHECK(contains(err.msg, "but it is XML or HTML"));
	CHECK(!feed_detect("no-such-format", NULL, rss, sizeof(rss) - 1, &err));
	CHECK(contains(err.msg, "unknown feed format"));
	CHECK_STR(feed_detect(NULL, NULL, rss, sizeof(rss) - 1, &err), "rss");
	CHECK_STR(feed_detect(NULL, NULL, rdf, sizeof(rdf) - 1, &err), "rss");
	CHECK_STR(feed_detect(NULL, NULL, atom, sizeof(atom) - 1, &err), "atom");
	CHECK_STR(feed_detect(NULL, NULL, json, sizeof(json) - 1, &err), "jsonfeed");
	CHECK_STR(feed_detect(NULL, NULL, late_version, sizeof(late_version) - 1, &err),
		  "jsonfeed");
	/* The URL decides when the content's family agrees. */
	CHECK_STR(feed_detect(NULL, "https://hnrss.org/whoishiring/jobs.jsonfeed", other_json,
			      sizeof(other_json) - 1, &err), "jsonfeed");
	CHECK_STR(feed_detect(NULL, "https://hnrss.org/whoishiring/jobs.atom", rss,
			      sizeof(rss) - 1, &err), "atom");
	CHECK_STR(feed_detect(NULL, "https://hnrss.org/whoishiring/jobs", atom, sizeof(atom) - 1,
			      &err), "rss");
	CHECK_STR(feed_detect(NULL, "https://example.com/feed.json?x=1", other_json,
			      sizeof(other_json) - 1, &err), "jsonfeed");
	CHECK_STR(feed_detect(NULL, "https://www.reddit.com/r/forhire/.rss", atom,
			      sizeof(atom) - 1, &err), "rss");
	/* ... and not when it disagrees: a .rss URL that returns JSON Feed. */
	CHECK_STR(feed_detect(NULL, "https://example.com/jobs.rss", json, sizeof(json) - 1, &err),
		  "jsonfeed");
	CHECK(!feed_detect(NULL, NULL, other_json, sizeof(other_json) - 1, &err));
	CHECK(contains(err.msg,
		       "not a feed jobterm can read (starts with \"{?jobs?: [{?id?: 1}]}"));
	/* An HTML page goes to the JSON-LD parser, which says when it holds no job data. */
	CHECK_STR(feed_detect(NULL, "https://example.com/jobs.rss", html, sizeof(html) - 1, &err),
		  "jsonld");
	CHECK_STR(feed_detect(NULL, NULL, html2, sizeof(html2) - 1, &err), "jsonld");
	CHECK(!feed_detect(NULL, NULL, "", 0, &err));
	CHECK_STR(err.msg, "empty document");
	CHECK(!feed_detect(NULL, "https://x.example/a.json", " \n\t ", 4, &err));
	CHECK_STR(err.msg, "empty document");
	CHECK(!feed_detect(NULL, NULL, NULL, 10, &err));
	CHECK_STR(err.msg, "empty document");
	CHECK(!feed_detect(NULL, NULL, other_xml, sizeof(other_xml) - 1, &err));
	CHECK(contains(err.msg, "starts with \"<?xml version=?1.0?\?><wo...\""));
	CHECK(!feed_detect(NULL, NULL, binary, sizeof(binary) - 1, &err));
	CHECK(contains(err.msg, "starts with \"?PNG\"") || contains(err.msg, "starts with \"?PNG"));
	for (const char *p = err.msg; *p; p++)
		CHECK((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
}

/* ---- real samples -------------------------------------------------------------------------- */

static void
test_wwr(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("rss/weworkremotely-programming-2026-09.rss",
		      "https://weworkremotely.com/categories/remote-programming-jobs.rss", NULL,
		      &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_STR(p.title,
		  "We Work Remotely: Remote jobs in design, programming, marketing and more");
	if (p.jobs.n == 1) {
		j = &p.jobs.v[0];
		CHECK_STR(j->title, "Power Platform Solutions Architect");
		CHECK_STR(j->company, "Toptal");
		CHECK_STR(j->location, "North America Only");
		CHECK(j->remote);	/* a remote-only board */
		CHECK(!j->hybrid);
		CHECK_INT(j->posted, 1789075833);
		CHECK_STR(j->url, "https://weworkremotely.com/remote-jobs/"
			  "toptal-power-platform-solutions-architect");
		CHECK_STR(j->guid, j->url);
		CHECK(!j->apply_url);
		CHECK_STR(j->tags, "Full-Stack Programming");
		CHECK(contains(j->description_html, "<strong>Headquarters:</strong>"));
		CHECK(contains(j->description_text, "Deep hands-on experience"));
		CHECK(!contains(j->description_text, "<p>"));
		CHECK(!contains(j->description_text, "&lt;"));
		CHECK(j->salary_min == 0 && j->salary_max == 0);
		CHECK_STR(j->feed_url,
			  "https://weworkremotely.com/categories/remote-programming-jobs.rss");
	}
	parsed_done(&p);

	/* The same document from elsewhere: the <region> element still means "Company: Role". */
	parse_fixture("rss/weworkremotely-programming-2026-09.rss", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	if (p.jobs.n == 1) {
		CHECK_STR(p.jobs.v[0].company, "Toptal");
		CHECK(!p.jobs.v[0].remote);
	}
	parsed_done(&p);
}

static void
test_jobspresso(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("rss/jobspresso-wp-job-manager-2026-08.rss",
		      "https://jobspresso.co/?feed=job_feed", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_STR(p.title, "Jobs Archive | Jobspresso");
	if (p.jobs.n == 1) {
		j = &p.jobs.v[0];
		CHECK_STR(j->title, "Principal Product Manager, Conversational AI");
		CHECK_STR(j->company, "Hopper");
		CHECK_STR(j->location, "Various US States");
		CHECK(j->remote);
		CHECK_INT(j->posted, 1787969532);
		CHECK_STR(j->url, "https://jobspresso.co/job/"
			  "principal-product-manager-conversational-ai/");
		CHECK_STR(j->guid, "https://jobspresso.co/?post_type=job_listing&p=163413");
		/* Jobspresso swaps job_type ("Product") and job_category ("Full Time"). */
		CHECK_STR(j->employment_type, "full-time");
		/* content:encoded wins over the description excerpt. */
		CHECK(contains(j->description_html,
			       "<strong>What would your day-to-day look like"));
		CHECK(contains(j->description_text, "Hopper\xE2\x80\x99s agentic AI assistant"));
		CHECK(contains(j->description_text, "Unlimited PTO"));
		/* "$750 million USD" and "$1 trillion" are not salaries. */
		CHECK(j->salary_min == 0 && j->salary_max == 0);
		CHECK(!j->salary_currency);
	}
	parsed_done(&p);
}

static void
test_hnrss(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("rss/hnrss-newest-2023.rss", "https://hnrss.org/newest", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_STR(p.title, "Hacker News: Newest");
	if (p.jobs.n == 1) {
		j = &p.jobs.v[0];
		CHECK_STR(j->title, "Smith's notes on Category Theory I updated");
		CHECK(!j->company);	/* dc:creator is the poster, not an employer */
		CHECK_INT(j->posted, 1683052527);
		CHECK_STR(j->url, "https://www.logicmatters.net/categories/");
		CHECK_STR(j->guid, "https://news.ycombinator.com/item?id=35792188");
		CHECK(contains(j->description_text, "Points: 1"));
		CHECK(!j->remote);
	}
	parsed_done(&p);

	/* Elsewhere, dc:creator is the company. */
	parse_fixture("rss/hnrss-newest-2023.rss", "https://example.com/newest.rss", NULL, &p);
	if (p.jobs.n == 1)
		CHECK_STR(p.jobs.v[0].company, "KurtGodelLives");
	parsed_done(&p);
}

static void
test_reddit_atom(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("atom/reddit-subreddit-2025-12.atom", "https://www.reddit.com/r/pics/.rss",
		      NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_STR(p.title, "Reddit Pics");
	if (p.jobs.n == 1) {
		j = &p.jobs.v[0];
		CHECK_STR(j->title, "(OC) The aspen trees of Colorado don\xE2\x80\x99t feel real");
		CHECK_STR(j->guid, "t3_1pz1lp2");
		CHECK_STR(j->url, "https://www.reddit.com/r/pics/comments/1pz1lp2/"
			  "oc_the_aspen_trees_of_colorado_dont_feel_real/");
		CHECK(!j->company);	/* "/u/..." is a user */
		CHECK_INT(j->posted, 1767050555);
		CHECK_STR(j->tags, "pics");
		CHECK(contains(j->description_text, "submitted by"));
		CHECK(!contains(j->description_text, "&#32;"));
		CHECK(!contains(j->description_text, "&amp;"));
	}
	parsed_done(&p);
}

static void
test_jsonfeed_samples(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("jsonfeed/jsonfeed-1.1-spec-simple-example.json",
		      "https://example.org/feed.json", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	CHECK_STR(p.title, "My Example Feed");
	CHECK(!p.next_url);
	if ((j = by_guid(&p, "2"))) {
		CHECK(!j->title);
		CHECK_STR(j->description_text, "This is a second item.");
		CHECK(!j->description_html);
		CHECK_STR(j->url, "https://example.org/second-item");
		CHECK_INT(j->posted, 0);
	}
	if ((j = by_guid(&p, "1"))) {
		CHECK_STR(j->description_html, "<p>Hello, world!</p>");
		CHECK(contains(j->description_text, "Hello, world!"));
	}
	parsed_done(&p);

	parse_fixture("jsonfeed/jsonfeed-org-own-feed-2020.json",
		      "https://www.jsonfeed.org/feed.json", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_STR(p.title, "JSON Feed");
	if (p.jobs.n == 1) {
		j = &p.jobs.v[0];
		CHECK_STR(j->title, "JSON Feed version 1.1");
		CHECK_STR(j->guid, "http://jsonfeed.micro.blog/2020/08/07/json-feed-version.html");
		CHECK_INT(j->posted, 1596818676);
		CHECK(contains(j->description_text, "We\xE2\x80\x99ve updated the spec"));
		CHECK(contains(j->description_text, "https://jsonfeed.org/version/1.1"));
	}
	parsed_done(&p);
}

/* ---- hand-made quirks ---------------------------------------------------------------------- */

static void
test_title_forms(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("rss/title-at-company.rss", "https://jobs.example.com/feed.rss", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 9);
	CHECK_INT(p.skipped, 0);
	CHECK_STR(p.title, "Example Jobs & Gigs");
	if ((j = by_guid(&p, "job-1"))) {
		CHECK_STR(j->title, "Senior Go Engineer");
		CHECK_STR(j->company, "Acme Corp");
		CHECK_STR(j->location, "Berlin, Germany");
		CHECK(!j->remote && !j->hybrid);
		CHECK_INT(j->posted, 1795442400);
		CHECK(j->salary_min == 120000 && j->salary_max == 150000);
		CHECK_STR(j->salary_currency, "USD");
		CHECK_STR(j->salary_period, "year");
		CHECK_STR(j->tags, "Go, Kubernetes");
	}
	if ((j = by_guid(&p, "job-2"))) {
		CHECK_STR(j->title, "Backend Developer");
		CHECK_STR(j->company, "Initech");
		CHECK_STR(j->location, "Remote (US)");	/* from the place-like category */
		CHECK(j->remote);
		CHECK_INT(j->posted, 1795507200);
		CHECK(j->salary_min == 75000 && j->salary_max == 110000);
		CHECK_STR(j->salary_currency, "EUR");
		CHECK_STR(j->tags, "Python, Remote (US)");
	}
	if ((j = by_guid(&p, "job-3"))) {
		CHECK_STR(j->company, "Globex");
		CHECK_STR(j->location, "Remote");
		CHECK(j->remote);
		CHECK_INT(j->posted, 1795617000);
		CHECK(j->salary_min == 60000 && j->salary_max == 60000);
		CHECK_STR(j->salary_currency, "GBP");
	}
	if ((j = by_guid(&p, "job-4"))) {
		CHECK_STR(j->title, "Looking at the stars");
		CHECK(!j->company);
		CHECK(!j->location);
		CHECK_INT(j->posted, 0);
	}
	if ((j = by_guid(&p, "job-5"))) {
		CHECK_STR(j->company, "Hooli");
		CHECK_STR(j->location, "Hybrid - London");
		CHECK(j->hybrid);
		/* Hybrid is not remote; "Remote days" in the body does not count. */
		CHECK(!j->remote);
		CHECK(j->salary_min == 45 && j->salary_max == 45);
		CHECK_STR(j->salary_currency, "USD");
		CHECK_STR(j->salary_period, "hour");
	}
	if ((j = by_guid(&p, "job-6"))) {
		CHECK_STR(j->location, "Raleigh, NC");
		CHECK(!j->remote);	/* "remote-friendly" is in the body only */
		CHECK(j->salary_min == 0 && j->salary_max == 0);
		CHECK(!j->salary_currency && !j->salary_period);
	}
	if ((j = by_guid(&p, "job-7"))) {
		CHECK_STR(j->title, "Support Agent (WFH)");
		CHECK_STR(j->company, "Wonka");
		CHECK(j->remote);
		CHECK(j->salary_min == 120000 && j->salary_max == 150000);
		CHECK(!j->salary_currency);
	}
	/* A relative link, resolved against the feed's URL, is also the id. */
	if ((j = by_guid(&p, "https://jobs.example.com/jobs/8"))) {
		CHECK_STR(j->url, "https://jobs.example.com/jobs/8");
		CHECK_STR(j->title, "Site Reliability Engineer");
		CHECK_STR(j->company, "Cyberdyne");
		CHECK_STR(j->location, "Austin, TX");
		CHECK(j->salary_min == 50 && j->salary_period && !strcmp(j->salary_period, "hour"));
	}
	/* No link, no guid: an id hashed from the title. */
	for (size_t i = 0; i < p.jobs.n; i++)
		if (p.jobs.v[i].title && !strcmp(p.jobs.v[i].title, "Night Shift Operator")) {
			CHECK(!strncmp(p.jobs.v[i].guid, "hash:", 5));
			CHECK(!p.jobs.v[i].url);
		}
	parsed_done(&p);
}

static void
test_wpjm_othersite(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("rss/wp-job-manager-othersite.rss", "https://jobs.example.org/?feed=job_feed",
		      NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	if ((j = by_guid(&p, "https://jobs.example.org/?post_type=job_listing&p=101"))) {
		CHECK_STR(j->title, "Senior Laravel Developer");
		CHECK_STR(j->company, "Vandelay Industries Ltd");	/* job_listing wins */
		CHECK_STR(j->location, "Europe");
		CHECK_STR(j->employment_type, "full-time");
		CHECK(j->salary_min == 60000 && j->salary_max == 80000);
		CHECK_STR(j->salary_currency, "USD");
		CHECK_STR(j->url, "https://jobs.example.org/job/senior-laravel-developer/");
		CHECK_INT(j->posted, 1795777200);
		CHECK(contains(j->description_text,
			       "We\xE2\x80\x99re hiring a Laravel developer."));
		CHECK(contains(j->description_text, "PHP 8"));
		CHECK(!contains(j->description_text, "Excerpt"));
	}
	if ((j = by_guid(&p, "https://jobs.example.org/?post_type=job_listing&p=102"))) {
		CHECK_STR(j->company, "Soylent");	/* from "Company<br>⚲&nbsp;Place" */
		CHECK_STR(j->location, "Toronto, Canada");
		CHECK_STR(j->employment_type, "part-time");	/* from the swapped category */
		CHECK(j->salary_min == 85000 && j->salary_max == 85000);
		CHECK(!j->salary_currency);
		CHECK_STR(j->description_text, "Lead our customer success team.");
	}
	parsed_done(&p);
}

static void
test_rss1(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("rss/rss1.rdf", "https://board.example.net/index.rdf", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	CHECK_STR(p.title, "RDF Job Board");
	if ((j = by_guid(&p, "https://board.example.net/jobs/42"))) {
		CHECK_STR(j->title, "Embedded C Developer");
		CHECK_STR(j->company, "Tyrell");
		CHECK_INT(j->posted, 1795166100);
		CHECK_STR(j->tags, "Embedded, C");
		CHECK(j->salary_min == 140000 && j->salary_max == 170000);
		CHECK_STR(j->salary_currency, "CHF");
	}
	if ((j = by_guid(&p, "https://board.example.net/jobs/43"))) {
		CHECK_STR(j->url, "https://board.example.net/jobs/43");	/* from rdf:about */
		CHECK_INT(j->posted, 1795219200);
	}
	parsed_done(&p);
}

static void
test_atom_xhtml(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("atom/xhtml-content.atom", "https://atom.example.com/jobs.atom", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 3);
	CHECK_STR(p.title, "Atom Jobs");
	if ((j = by_guid(&p, "urn:example:job:1"))) {
		CHECK_STR(j->title, "Rust Systems Programmer");
		CHECK_STR(j->url, "https://atom.example.com/jobs/1");
		CHECK_STR(j->company, "Stark Industries");
		CHECK_INT(j->posted, 1795588200);	/* published, not updated */
		CHECK_STR(j->tags, "rust, systems");
		CHECK(contains(j->description_html, "<em>fast</em> &amp; safe"));
		CHECK(contains(j->description_html,
			       "<a href=\"https://atom.example.com/apply/1\">"));
		CHECK(contains(j->description_text, "Write fast & safe code."));
		CHECK(contains(j->description_text, "https://atom.example.com/apply/1"));
	}
	if ((j = by_guid(&p, "urn:example:job:2"))) {
		CHECK_STR(j->title, "Go Platform Engineer");	/* type="html" title */
		CHECK_STR(j->url, "https://atom.example.com/jobs/2");
		CHECK_INT(j->posted, 1795521600);	/* updated when not published */
		CHECK(!j->description_html);
		CHECK_STR(j->description_text, "Plain summary: Kubernetes & Go, 3 days in office.");
	}
	if ((j = by_guid(&p, "urn:example:job:3"))) {
		CHECK(contains(j->description_text, "React & TypeScript."));
		CHECK(!contains(j->description_text, "alert"));
		CHECK(!j->remote);	/* "Remote anywhere" is in the body only */
		CHECK(!j->company);
	}
	parsed_done(&p);
}

static void
test_json_v1(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("jsonfeed/jsonfeed-1.0-string-author.json", "https://example.net/feed.json",
		      NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 3);
	CHECK_STR(p.title, "Hand-made JSON Feed 1.0");
	CHECK_STR(p.next_url, "https://example.net/feed.json?page=2");
	if ((j = by_guid(&p, "8556658002"))) {
		CHECK_STR(j->title, "Staff Engineer");
		CHECK_STR(j->company, "Hooli");
		CHECK_STR(j->location, "Remote");
		CHECK(j->remote);
		CHECK_INT(j->posted, 1794319200);
		CHECK_STR(j->tags, "go, distributed");
		CHECK(!j->description_html);
		CHECK_STR(j->description_text,
			  "Staff engineer, fully distributed team. \"Great\" benefits.");
	}
	if ((j = by_guid(&p, "a-2"))) {
		CHECK_STR(j->url, "https://example.net/jobs/a-2");	/* external_url */
		CHECK_STR(j->company, "Initech");
		CHECK_STR(j->description_html, "<p>Escaped HTML: PostgreSQL &amp; Oracle.</p>");
		CHECK(contains(j->description_text, "PostgreSQL & Oracle."));
		CHECK_INT(j->posted, 1794355200);	/* date_modified */
	}
	if ((j = by_guid(&p, "12.5"))) {
		CHECK_STR(j->company, "Globex");	/* first author with a name */
		CHECK_STR(j->description_text, "Summer internship.");
		CHECK_INT(j->posted, 1795442400);	/* milliseconds */
	}
	parsed_done(&p);
}

static void
test_json_extension(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("jsonfeed/job-extension.json", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 5);
	if ((j = by_guid(&p, "ext-5"))) {
		CHECK(j->salary_min == 18 && j->salary_max == 22);
		CHECK_STR(j->salary_currency, "EUR");
		CHECK_STR(j->salary_period, "hour");
	}
	if ((j = by_guid(&p, "ext-1"))) {
		CHECK_STR(j->company, "Massive Dynamic");
		CHECK_STR(j->location, "New York, NY");
		CHECK(!j->remote);
		CHECK(j->salary_min == 180000 && j->salary_max == 240000);
		CHECK_STR(j->salary_currency, "USD");
		CHECK_STR(j->salary_period, "year");
		CHECK_STR(j->employment_type, "full-time");
		CHECK_STR(j->apply_url, "https://apply.example.com/1");
		CHECK_INT(j->posted, 1793491200);
	}
	if ((j = by_guid(&p, "ext-2"))) {
		CHECK(!j->company);
		CHECK(!j->location);
		CHECK(!j->remote);
		CHECK(j->salary_min == 45 && j->salary_max == 55.5);
		CHECK(!j->salary_currency);
		CHECK_STR(j->salary_period, "hour");
		CHECK_STR(j->employment_type, "volunteer");
		CHECK(!j->apply_url);	/* the same as url */
	}
	if ((j = by_guid(&p, "ext-3"))) {
		CHECK_STR(j->title, "Designer");
		CHECK(!j->company);
	}
	if ((j = by_guid(&p, "ext-4"))) {
		CHECK(j->hybrid);
		CHECK(j->remote);	/* a structured flag is kept */
		CHECK(j->salary_min == 0 && j->salary_max == 0);
		CHECK(!j->salary_currency);
	}
	parsed_done(&p);
}

static void
test_salary_fixture(void)
{
	static const struct {
		double min, max;
		const char *currency, *period;
	} want[] = {
		{ 120000, 150000, "USD", "year" }, { 120000, 150000, "USD", "year" },
		{ 75000, 110000, "EUR", "year" }, { 60000, 60000, "GBP", "year" },
		{ 45, 45, "USD", "hour" }, { 120000, 150000, NULL, "year" },
		{ 50, 50, "USD", "hour" }, { 600, 600, "CAD", "day" },
		{ 2500, 2500, "EUR", "month" }, { 0, 0, NULL, NULL }, { 0, 0, NULL, NULL },
	};
	struct parsed p = { .stop_after = 0 };

	parse_fixture("rss/salary-phrasings.rss", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < p.jobs.n && i < sizeof(want) / sizeof(want[0]); i++) {
		const struct job *j = &p.jobs.v[i];

		if (j->salary_min != want[i].min || j->salary_max != want[i].max)
			fprintf(stderr, "salary item %zu: %.2f-%.2f\n", i, j->salary_min,
				j->salary_max);
		CHECK(j->salary_min == want[i].min);
		CHECK(j->salary_max == want[i].max);
		CHECK(!j->salary_currency == !want[i].currency);
		CHECK(!want[i].currency || !strcmp(j->salary_currency, want[i].currency));
		CHECK(!j->salary_period == !want[i].period);
		CHECK(!want[i].period || !strcmp(j->salary_period, want[i].period));
	}
	parsed_done(&p);
}

static void
test_remote_fixture(void)
{
	static const struct {
		bool remote, hybrid;
	} want[] = {
		{ true, false }, { true, false }, { true, false }, { true, false }, { true, false },
		{ false, true }, { false, true }, { false, false }, { false, false },
		{ false, false }, { false, false },
	};
	struct parsed p = { .stop_after = 0 };

	parse_fixture("rss/remote-words.rss", "https://remote.example.com/feed", NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < p.jobs.n && i < sizeof(want) / sizeof(want[0]); i++) {
		if (p.jobs.v[i].remote != want[i].remote || p.jobs.v[i].hybrid != want[i].hybrid)
			fprintf(stderr, "remote item %zu: %d %d\n", i, p.jobs.v[i].remote,
				p.jobs.v[i].hybrid);
		CHECK(p.jobs.v[i].remote == want[i].remote);
		CHECK(p.jobs.v[i].hybrid == want[i].hybrid);
	}
	parsed_done(&p);

	/* The same postings on a remote-only board are all remote (the hybrid ones too). */
	parse_fixture("rss/remote-words.rss", "https://weworkremotely.com/x.rss", NULL, &p);
	for (size_t i = 0; i < p.jobs.n; i++)
		CHECK(p.jobs.v[i].remote);
	parsed_done(&p);
}

/* ---- hostile input ------------------------------------------------------------------------- */

static void
test_xxe(void)
{
	struct parsed p = { .stop_after = 0 };

	parse_fixture("hostile/xxe.xml", "https://xxe.example/feed.xml", NULL, &p);
	CHECK_RC(p.rc, JT_OK);	/* well formed; the entity stays unexpanded */
	CHECK_INT(p.jobs.n, 1);
	CHECK(nowhere(&p, "root:"));
	CHECK(nowhere(&p, "/bin/"));
	if (p.jobs.n == 1) {
		CHECK_STR(p.jobs.v[0].title, "Leak here");
		CHECK_STR(p.jobs.v[0].description_text, "Body end");
	}
	parsed_done(&p);
}

static void
test_billion_laughs(void)
{
	struct parsed p = { .stop_after = 0 };

	parse_fixture("hostile/billion-laughs.xml", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	CHECK_INT(p.jobs.n, 0);
	CHECK(contains(p.err.msg, "malformed XML"));
	CHECK(nowhere(&p, "lollollol"));
	parsed_done(&p);
}

static void
test_malformed(void)
{
	struct parsed p = { .stop_after = 0 };
	size_t len;
	char *buf;
	struct jt_err err = { "" };

	parse_fixture("hostile/truncated.rss", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	CHECK(contains(p.err.msg, "malformed XML: line "));
	parsed_done(&p);

	parse_fixture("hostile/truncated.json", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	CHECK_INT(p.jobs.n, 0);	/* nothing is emitted before the whole document is checked */
	CHECK_STR(p.err.msg, "malformed JSON: the document ends early");
	parsed_done(&p);

	buf = slurp("hostile/empty.json", &len);
	CHECK_INT(len, 0);
	CHECK(!feed_detect(NULL, "https://x.example/feed.json", buf, len, &err));
	CHECK_STR(err.msg, "empty document");
	run("jsonfeed", NULL, buf, len, -1, &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	CHECK_STR(p.err.msg, "empty document");
	parsed_done(&p);
	run("rss", NULL, buf, len, -1, &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	parsed_done(&p);
	free(buf);

	buf = slurp("hostile/not-a-feed.html", &len);
	CHECK_STR(feed_detect(NULL, "https://careers.example.com/jobs.rss", buf, len, &err),
		  "jsonld");
	run("jsonld", NULL, buf, len, -1, &p);
	CHECK_RC(p.rc, JT_ERR_FORMAT);
	CHECK_STR(p.err.msg, "HTML page without JobPosting data");
	parsed_done(&p);
	run("rss", NULL, buf, len, -1, &p);	/* forced: the parser refuses it too */
	CHECK(p.rc == JT_ERR_PARSE || p.rc == JT_ERR_FORMAT);
	CHECK_INT(p.jobs.n, 0);
	parsed_done(&p);
	free(buf);

	/* Well-formed XML that is not a feed. */
	{
		static const char doc[] = "<?xml version=\"1.0\"?><workzag-jobs><position>"
					  "<name>Engineer</name></position></workzag-jobs>";

		run_str("rss", NULL, doc, &p);
		CHECK_RC(p.rc, JT_ERR_FORMAT);
		CHECK_STR(p.err.msg,
			  "an XML document whose root is <workzag-jobs>, not RSS or Atom");
		parsed_done(&p);
	}
	/* JSON that is not a JSON Feed. */
	{
		static const char arr[] = "[{\"id\": 1}]";
		static const char noitems[] = "{\"version\": \"https://jsonfeed.org/version/1.1\"}";
		static const char bad[] = "{\"items\": [1, 2,]}";
		static const char trailing[] = "{\"items\": []} x";

		run_str("jsonfeed", NULL, arr, &p);
		CHECK_RC(p.rc, JT_ERR_FORMAT);
		parsed_done(&p);
		run_str("jsonfeed", NULL, noitems, &p);
		CHECK_RC(p.rc, JT_ERR_FORMAT);
		CHECK(contains(p.err.msg, "\"items\""));
		parsed_done(&p);
		run_str("jsonfeed", NULL, bad, &p);
		CHECK_RC(p.rc, JT_ERR_PARSE);
		parsed_done(&p);
		run_str("jsonfeed", NULL, trailing, &p);
		CHECK_RC(p.rc, JT_ERR_PARSE);
		CHECK_STR(p.err.msg, "malformed JSON: line 1");
		parsed_done(&p);
	}
}

static void
test_deep_json(void)
{
	struct parsed p = { .stop_after = 0 };
	struct strbuf sb;
	size_t n = 500000;

	parse_fixture("hostile/deep-nesting.json", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_INT(p.skipped, 1);
	if (p.jobs.n == 1)
		CHECK_STR(p.jobs.v[0].guid, "fine");
	parsed_done(&p);

	/* 500,000 levels: no recursion anywhere, so no crash. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "{\"items\": [{\"id\": \"x\", \"_d\": ");
	for (size_t i = 0; i < n; i++)
		strbuf_addc(&sb, '[');
	for (size_t i = 0; i < n; i++)
		strbuf_addc(&sb, ']');
	strbuf_adds(&sb, "}, {\"id\": \"y\", \"title\": \"ok\"}], \"_top\": ");
	for (size_t i = 0; i < n; i++)
		strbuf_adds(&sb, "{\"a\":");
	strbuf_addc(&sb, '1');
	for (size_t i = 0; i < n; i++)
		strbuf_addc(&sb, '}');
	strbuf_addc(&sb, '}');
	run("jsonfeed", NULL, sb.buf, sb.len, -1, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 1);
	CHECK_INT(p.skipped, 1);
	parsed_done(&p);
	/* Cut in the middle of the nesting: malformed, not a crash. */
	run("jsonfeed", NULL, sb.buf, 40 + n, -1, &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	parsed_done(&p);
	strbuf_done(&sb);
}

static void
test_nul_and_types(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("hostile/nul-and-types.json", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK(!p.title);	/* a number */
	CHECK(!p.next_url);	/* an array */
	/* 5 non-objects skipped; the object with only wrong types has nothing to show. */
	CHECK_INT(p.jobs.n, 3);
	CHECK_INT(p.skipped, 6);
	if ((j = by_guid(&p, "ok-1"))) {
		CHECK_STR(j->title, "Valid");	/* cut at the NUL by cJSON */
		CHECK_INT(j->posted, 0);
		CHECK(!j->tags);
		CHECK(!j->company);
		CHECK_STR(j->description_text, "text");
	}
	if ((j = by_guid(&p, "bad-surrogate")))
		CHECK_STR(j->url, "https://types.example/3");
	if ((j = by_guid(&p, "ok-2")))
		CHECK_STR(j->description_text, "Fine.");
	parsed_done(&p);
}

static void
test_invalid_utf8(void)
{
	struct parsed p = { .stop_after = 0 };

	parse_fixture("hostile/invalid-utf8.xml", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	CHECK(p.title && contains(p.title, "Bad bytes " TEXT_REPLACEMENT " here"));
	if (p.jobs.n == 2) {
		CHECK(contains(p.jobs.v[0].title, "Caf" TEXT_REPLACEMENT " " TEXT_REPLACEMENT
			       TEXT_REPLACEMENT " Barista " TEXT_REPLACEMENT));
		CHECK(contains(p.jobs.v[0].description_text, "na" TEXT_REPLACEMENT "ve"));
		CHECK_STR(p.jobs.v[1].title, "Rust Engineer");
		CHECK_STR(p.jobs.v[1].company, "Foo AG");
		CHECK_STR(p.jobs.v[1].location, "Z\xC3\xBCrich");
		CHECK(contains(p.jobs.v[1].description_text, "\xE6\xA0\xAA engineer"));
	}
	parsed_done(&p);
}

/* Does s, sanitised for a terminal, still hold anything a terminal would act on? */
static bool
unsafe_after_sanitize(const char *s)
{
	char *t;
	bool bad = false;

	if (!s)
		return false;
	t = text_sanitize(s, TEXT_KEEP_NEWLINES);
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (*p == 0x1b || *p == 0x07 || (*p < 0x20 && *p != '\n'))
			bad = true;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			bad = true;
		if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE)
			bad = true;
		if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
			bad = true;
	}
	free(t);
	return bad;
}

static void
check_escapes(struct parsed *p)
{
	CHECK(!unsafe_after_sanitize(p->title));
	for (size_t i = 0; i < p->jobs.n; i++) {
		const struct job *j = &p->jobs.v[i];

		CHECK(!unsafe_after_sanitize(j->title));
		CHECK(!unsafe_after_sanitize(j->company));
		CHECK(!unsafe_after_sanitize(j->location));
		CHECK(!unsafe_after_sanitize(j->tags));
		CHECK(!unsafe_after_sanitize(j->guid));
		CHECK(!unsafe_after_sanitize(j->url));
		CHECK(!unsafe_after_sanitize(j->apply_url));
		CHECK(!unsafe_after_sanitize(j->description_text));
		CHECK(!unsafe_after_sanitize(j->employment_type));
		CHECK(!unsafe_after_sanitize(j->salary_currency));
		CHECK(!contains(j->description_text, "alert"));
	}
}

static void
test_escape_injection(void)
{
	struct parsed p = { .stop_after = 0 };
	struct job *j;

	parse_fixture("hostile/escape-injection.json", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	check_escapes(&p);
	if ((j = by_guid(&p, "esc-2")))
		CHECK(contains(j->description_text, "escaped"));
	/* The parsers keep what the feed said (the display sanitises it): nothing is lost. */
	CHECK(p.jobs.n < 1 || contains(p.jobs.v[0].title, "\x1b[31m"));
	parsed_done(&p);

	parse_fixture("hostile/escape-injection.rss", NULL, NULL, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	check_escapes(&p);
	CHECK(p.jobs.n < 1 || contains(p.jobs.v[0].title, "\xE2\x80\xAE"));
	parsed_done(&p);

	/* Found by fuzz_rss: a byte order mark and too few bytes after it for a declaration. */
	{
		static const char doc[] = "\xEF\xBB\xBF" "b\0\0";

		run("rss", NULL, doc, sizeof(doc) - 1, -1, &p);
		CHECK_RC(p.rc, JT_ERR_PARSE);
		parsed_done(&p);
	}
	/* Raw ESC in XML is not well formed: an error whose message has no raw bytes. */
	{
		static const char doc[] = "<rss><channel><item><title>\x1b]0;pwned\x07</title>"
					  "</item></channel></rss>";

		run_str("rss", NULL, doc, &p);
		CHECK_RC(p.rc, JT_ERR_PARSE);
		for (const char *c = p.err.msg; *c; c++)
			CHECK((unsigned char)*c >= 0x20 && (unsigned char)*c < 0x7f);
		parsed_done(&p);
	}
}

static void
test_huge_fields(void)
{
	size_t big = 8u << 20;
	struct strbuf sb;
	struct parsed p = { .stop_after = 0 };

	/* huge-field.json: an 8 MB title and an 8 MB description, then a normal item. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
		    "[{\"id\": \"huge\", \"title\": \"");
	for (size_t i = 0; i < big / 2; i++)
		strbuf_add(&sb, "\xC3\xA9", 2);
	strbuf_adds(&sb, "\", \"content_text\": \"");
	for (size_t i = 0; i < big; i++)
		strbuf_addc(&sb, 'x');
	strbuf_adds(&sb, "\", \"_job\": {\"company\": \"");
	for (size_t i = 0; i < big / 8; i++)
		strbuf_addc(&sb, 'c');
	strbuf_adds(&sb, "\"}}, {\"id\": \"second\", \"title\": \"Second\"}]}");
	run("jsonfeed", NULL, sb.buf, sb.len, -1, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	if (p.jobs.n == 2) {
		const struct job *j = &p.jobs.v[0];
		size_t n = strlen(j->title);

		CHECK(n <= JOB_TITLE_MAX && n > JOB_TITLE_MAX - 8);
		CHECK(!strcmp(j->title + n - 3, TEXT_ELLIPSIS));
		CHECK(strlen(j->company) <= JOB_FIELD_MAX);
		CHECK(strlen(j->description_text) <= JOB_HTML_MAX);
		CHECK_STR(p.jobs.v[1].title, "Second");
	}
	parsed_done(&p);
	strbuf_done(&sb);

	/* The same in RSS, through the streaming reader. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "<rss><channel><item><title>");
	for (size_t i = 0; i < big; i++)
		strbuf_addc(&sb, 'T');
	strbuf_adds(&sb, "</title><description>");
	for (size_t i = 0; i < big; i++)
		strbuf_addc(&sb, 'd');
	strbuf_adds(&sb, "</description><category>");
	for (size_t i = 0; i < big / 8; i++)
		strbuf_addc(&sb, 'c');
	strbuf_adds(&sb, "</category><link>https://big.example/1</link></item>"
		    "<item><title>Second</title><link>https://big.example/2</link></item>"
		    "</channel></rss>");
	run("rss", NULL, sb.buf, sb.len, -1, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, 2);
	if (p.jobs.n == 2) {
		CHECK(strlen(p.jobs.v[0].title) <= JOB_TITLE_MAX);
		CHECK(contains(p.jobs.v[0].title, TEXT_ELLIPSIS));
		CHECK(strlen(p.jobs.v[0].description_html) <= JOB_HTML_MAX);
		CHECK_STR(p.jobs.v[0].url, "https://big.example/1");
		CHECK_STR(p.jobs.v[1].title, "Second");
	}
	parsed_done(&p);
	strbuf_done(&sb);
}

/* Many items through a file descriptor, and a sink that stops the parse. */
static void
test_stream_and_stop(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/jt-feed-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	struct strbuf sb;
	struct parsed p = { .stop_after = 0 };
	size_t n = 20000;

	CHECK(fd >= 0);
	if (fd < 0) {
		free(path);
		return;
	}
	unlink(path);
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss><channel>"
		    "<title>Stream</title>\n");
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "<item><title>Job %zu at Acme (Z\xC3\xBCrich)</title>"
			    "<guid>g%zu</guid><description>&lt;p&gt;Body %zu&lt;/p&gt;"
			    "</description></item>\n", i, i, i);
	strbuf_adds(&sb, "</channel></rss>\n");
	CHECK(write(fd, sb.buf, sb.len) == (ssize_t)sb.len);
	lseek(fd, 17, SEEK_SET);	/* the parser reads from the start whatever the offset */
	run("rss", NULL, NULL, 0, fd, &p);
	CHECK_RC(p.rc, JT_OK);
	CHECK_INT(p.jobs.n, n);
	if (p.jobs.n == n) {
		CHECK_STR(p.jobs.v[n - 1].guid, "g19999");
		CHECK_STR(p.jobs.v[n - 1].title, "Job 19999");
		CHECK_STR(p.jobs.v[n - 1].location, "Z\xC3\xBCrich");
	}
	parsed_done(&p);

	p.stop_after = 3;
	run("rss", NULL, sb.buf, sb.len, -1, &p);
	CHECK_RC(p.rc, JT_ERR_ABORTED);
	CHECK_INT(p.jobs.n, 3);
	CHECK_INT(p.items, 3);
	CHECK_STR(p.err.msg, "stopped by the sink");
	parsed_done(&p);

	/* A file that is cut short. */
	CHECK(ftruncate(fd, (off_t)(sb.len / 2)) == 0);
	run("rss", NULL, NULL, 0, fd, &p);
	CHECK_RC(p.rc, JT_ERR_PARSE);
	parsed_done(&p);
	close(fd);
	strbuf_done(&sb);
	free(path);

	/* feed_input_slurp refuses more than its cap. */
	{
		struct feed_input in = { .buf = "0123456789", .len = 10, .fd = -1 };
		const char *b;
		size_t len;
		char *owned;
		struct jt_err err = { "" };

		CHECK_RC(feed_input_slurp(&in, 9, &b, &len, &owned, &err), JT_ERR_TOOBIG);
		CHECK_RC(feed_input_slurp(&in, 10, &b, &len, &owned, &err), JT_OK);
		CHECK(b == in.buf && len == 10 && !owned);
		in.buf = NULL;
		in.fd = -1;
		CHECK_RC(feed_input_slurp(&in, 10, &b, &len, &owned, &err), JT_ERR_IO);
	}
}

int
main(void)
{
	feedtest_init();
	RUN(test_dates);
	RUN(test_salary);
	RUN(test_remote_words);
	RUN(test_title_split);
	RUN(test_helpers);
	RUN(test_detect);
	RUN(test_wwr);
	RUN(test_jobspresso);
	RUN(test_hnrss);
	RUN(test_reddit_atom);
	RUN(test_jsonfeed_samples);
	RUN(test_title_forms);
	RUN(test_wpjm_othersite);
	RUN(test_rss1);
	RUN(test_atom_xhtml);
	RUN(test_json_v1);
	RUN(test_json_extension);
	RUN(test_salary_fixture);
	RUN(test_remote_fixture);
	RUN(test_xxe);
	RUN(test_billion_laughs);
	RUN(test_malformed);
	RUN(test_deep_json);
	RUN(test_nul_and_types);
	RUN(test_invalid_utf8);
	RUN(test_escape_injection);
	RUN(test_huge_fields);
	RUN(test_stream_and_stop);
	return CHECK_DONE();
}
