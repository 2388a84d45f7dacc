/*
 * Unit tests of the remote job board parsers: RemoteOK, Remotive, Arbeitnow, Himalayas,
 * Jobicy, Hacker News "Who is hiring?" (Algolia and Firebase) and schema.org JobPosting
 * (JSON-LD in HTML pages). Every fixture under tests/fixtures/{remoteok,remotive,arbeitnow,
 * himalayas,jobicy,hackernews,jsonld} is detected and parsed through feed_parse() into a
 * collecting sink and the values of its postings are asserted; then detection from URLs and
 * first bytes, board page URLs turned into API URLs, refresh intervals, and hostile shapes.
 * The sink, fixtures and checks every parse gets are tests/unit/feedtest.h's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "net/feed.h"
#include "store/job.h"
#include "store/strbuf.h"
#include "tests/unit/check.h"
#include "tests/unit/feedtest.h"

/* ---- helpers ------------------------------------------------------------------------------- */

static const struct job *
nth(const struct parsed *r, size_t i)
{
	static struct job none;

	if (i < r->jobs.n)
		return &r->jobs.v[i];
	fprintf(stderr, "no posting %zu (of %zu)\n", i, r->jobs.n);
	job_init(&none);
	return &none;
}

static bool
ends_with(const char *s, const char *tail)
{
	size_t n = s ? strlen(s) : 0, m = strlen(tail);

	return s && n >= m && !strcmp(s + n - m, tail);
}

/* ---- RemoteOK ------------------------------------------------------------------------------ */

static void
test_remoteok_raw(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("remoteok/remoteok-api-raw-2026-10.json", "https://remoteok.com/api",
		      "remoteok", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_INT(r.skipped, 0);	/* the legal notice is no item */
	CHECK_STR(r.title, "Remote OK");
	CHECK_NULL(r.next_url);
	j = nth(&r, 0);
	CHECK_STR(j->guid, "1137461");
	CHECK_STR(j->title, "Head of Operations");
	CHECK_STR(j->company, "Leverage Live Local");
	CHECK_NULL(j->location);
	CHECK(j->remote);
	CHECK(!j->hybrid);
	CHECK_SALARY(j, 170000, 350000, "USD", "year");
	CHECK_NULL(j->employment_type);
	CHECK_INT(j->posted, 1791058832);
	CHECK_STR(j->url, "https://remoteOK.com/remote-jobs/"
		  "remote-head-of-operations-leverage-live-local-1137461");
	CHECK_NULL(j->apply_url);	/* the same page */
	CHECK_STR(j->tags, "non tech, ops, exec");
	CHECK(contains(j->description_text, "Legal deadlines are 100 percent from day one."));
	CHECK(!contains(j->description_text, "Please mention the word"));
	CHECK(!contains(j->description_html, "HOMAGE"));
	CHECK(!contains(j->description_html, "RMTkyLjAuMi4x"));
	CHECK(ends_with(j->description_html, "exercise with a deadline.</p>"));
	CHECK_STR(j->feed_url, "https://remoteok.com/api");

	j = nth(&r, 1);
	CHECK_STR(j->guid, "1137460");
	CHECK_STR(j->title, "Junior Crypto Analyst & Trader");
	CHECK_STR(j->company, "Empire Assets");
	CHECK_STR(j->employment_type, "part-time");	/* the first type among the tags */
	CHECK_SALARY(j, 60000, 80000, "USD", "year");
	CHECK_INT(j->posted, 1790945581);
	/* Mojibake repaired: \u00e2\u0080\u0094 is an em dash, \u00c2\u00a0 a no-break space. */
	CHECK(contains(j->description_text,
		       "Remote format \xE2\x80\x94 you can work from anywhere"));
	CHECK(contains(j->description_html, "looking for a\xC2\xA0<strong>"));
	CHECK(!contains(j->description_html, "\xC3\xA2\xC2\x80"));
	CHECK(!contains(j->description_html, "\xC3\x82"));
	CHECK(!contains(j->description_text, "OUTSTANDINGLY"));
	CHECK(ends_with(j->description_html, "</div>"));
	CHECK(contains(j->tags, "work from home, Anywhere, junior"));
	parsed_done(&r);
}

static void
test_remoteok_reserialized(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("remoteok/remoteok-api-reserialized-2026-09.json", NULL, "remoteok", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_INT(r.skipped, 0);
	j = nth(&r, 0);
	CHECK_STR(j->guid, "1137431");
	CHECK_SALARY(j, 0, 0, NULL, NULL);	/* 0 means unknown */
	CHECK_NULL(j->location);		/* "" is none */
	CHECK(!j->remote);			/* no URL: not known to be RemoteOK */
	CHECK_INT(j->posted, 1790265606);
	j = nth(&r, 1);
	CHECK_STR(j->title, "Mec\xC3\xA1nico Automotriz Diagn\xC3\xB3stico y Presupuestos");
	CHECK_STR(j->company, "Workana");
	CHECK_NULL(j->tags);
	CHECK(contains(j->description_text, "Buscamos un/a Mec\xC3\xA1nico/a Automotriz"));
	CHECK(contains(j->description_text, "veh\xC3\xAD" "culos multimarca"));
	/* The description was cut in the middle of a character: that half stays as it was. */
	CHECK(ends_with(j->description_html, "veh\xC3\x83"));
	parsed_done(&r);

	parse_fixture("remoteok/remoteok-api-reserialized-2026-09.json",
		      "https://remoteok.io/api", "remoteok", &r);
	CHECK(nth(&r, 0)->remote);
	parsed_done(&r);
}

static void
test_remoteok_quirks(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("remoteok/quirks-handmade.json", "https://remoteok.com/api?tag=dev",
		      "remoteok", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_INT(r.skipped, 2);	/* a string and an object without id or position */
	j = by_guid(&r, "7001");
	CHECK_STR(j->title, "Ingeniero Mec\xC3\xA1nico \xE2\x80\x94 Senior");
	CHECK_STR(j->company, "F\xC3\xA1" "brica SA");
	CHECK_STR(j->location, "M\xC3\xBCnchen, Germany");
	CHECK_STR(j->tags, "full time, dev, caf\xC3\xA9");
	CHECK_STR(j->employment_type, "full-time");
	CHECK_SALARY(j, 90000, 0, "USD", "year");
	CHECK_INT(j->posted, 1790000000);
	CHECK_STR(j->apply_url, "https://fabrica.example/apply");
	CHECK(contains(j->description_html, "A real \xC3\xA9 stays"));
	CHECK(contains(j->description_html, "the mojibake M\xC3\xBCnchen is repaired"));
	CHECK_STR(j->description_html,
		  "<p>A real \xC3\xA9 stays, the mojibake M\xC3\xBCnchen is repaired.</p>");
	j = by_guid(&r, "7002");	/* a numeric id */
	CHECK_STR(j->title, "Support Engineer");
	CHECK_NULL(j->location);
	CHECK_STR(j->tags, "python, go");
	CHECK_INT(j->posted, 1790265606);	/* from "date" when "epoch" is missing */
	CHECK_STR(j->description_html, "<p>Hello</p>");
	CHECK_NULL(j->apply_url);
	CHECK_SALARY(j, 0, 0, NULL, NULL);
	parsed_done(&r);

	/* The anti-spam paragraph without the word "tag", and a description that only
	 * mentions the sentence in its middle. */
	run_str("remoteok", NULL, "[{\"id\": \"1\", \"position\": \"A\", \"description\": "
		  "\"<p>Body</p><p>Please mention the word **FOX** when applying.</p>\"}, "
		  "{\"id\": \"2\", \"position\": \"B\", \"description\": \"<p>We said: "
		  "please mention the word of the day.</p><p>More text follows here and it goes "
		  "on.</p>\"}]", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_STR(by_guid(&r, "1")->description_html, "<p>Body</p>");
	CHECK(contains(by_guid(&r, "2")->description_html, "More text follows"));
	parsed_done(&r);

	/* A tag query with no match: just the notice. */
	parse_fixture("remoteok/legal-notice-only.json", "https://remoteok.com/api?tag=cobol",
		      "remoteok", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 0);
	CHECK_INT(r.skipped, 0);
	parsed_done(&r);

	run_str("remoteok", NULL, "{\"jobs\": []}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "JSON that is not an array, so not a RemoteOK API response");
	parsed_done(&r);
	run_str("remoteok", NULL, "[{\"id\": \"1\", \"position\": \"x\"}, {\"id\":", &r);
	CHECK_RC(r.rc, JT_ERR_PARSE);
	CHECK_STR(r.err.msg, "malformed JSON: the document ends early");
	CHECK_INT(r.jobs.n, 0);	/* nothing before the whole document is checked */
	parsed_done(&r);
	run_str("remoteok", NULL, "[1,\n2,\n}", &r);
	CHECK_RC(r.rc, JT_ERR_PARSE);
	CHECK_STR(r.err.msg, "malformed JSON: line 3");
	parsed_done(&r);
	run_str("remoteok", NULL, " \n", &r);
	CHECK_RC(r.rc, JT_ERR_PARSE);
	CHECK_STR(r.err.msg, "empty document");
	parsed_done(&r);
}

/* ---- Remotive ------------------------------------------------------------------------------ */

static void
test_remotive(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("remotive/remotive-api-2026-07.json",
		      "https://remotive.com/api/remote-jobs?limit=50", "remotive", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_STR(r.title, "Remotive");
	j = nth(&r, 0);
	CHECK_STR(j->guid, "2090903");
	CHECK_STR(j->title, "Data Labeling Specialists");
	CHECK_STR(j->company, "Workada");
	CHECK_STR(j->location, "USA");
	CHECK(j->remote);
	CHECK_SALARY(j, 18, 22, "USD", "hour");
	CHECK_STR(j->employment_type, "freelance");
	CHECK_INT(j->posted, 1785098951);	/* no zone: UTC */
	CHECK_STR(j->url,
		  "https://remotive.com/remote-jobs/data/data-labeling-specialists-2090903");
	CHECK_NULL(j->apply_url);
	CHECK_STR(j->tags, "research, digital content, spreadsheets, Data and Analytics");
	CHECK(!contains(j->description_html, "blank.gif"));
	CHECK(!contains(j->description_html, "<img"));
	CHECK(ends_with(j->description_html, "the way technology performs.</p>"));
	CHECK(contains(j->description_text, "Compensation is $18- $22 an hour"));
	CHECK(contains(j->description_text, "Strong character matters \xE2\x80\x94 we value"));
	parsed_done(&r);

	parse_fixture("remotive/remotive-api-2026-09-truncated.json",
		      "https://remotive.com/api/remote-jobs", "remotive", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	j = by_guid(&r, "2091144");
	CHECK_SALARY(j, 0, 0, NULL, NULL);	/* salary "" */
	CHECK_STR(j->employment_type, "part-time");
	CHECK_INT(j->posted, 1789995311);
	CHECK_STR(j->tags, "android, ios, social media, AI/ML, All others");
	j = by_guid(&r, "2091141");
	CHECK_STR(j->title, "Frontend Web Application Developer");
	CHECK_STR(j->company, "KoboToolbox");
	CHECK_STR(j->location, "USA, Canada, Argentina, Mexico, Peru");
	CHECK_SALARY(j, 90000, 105000, "USD", "year");
	CHECK_STR(j->employment_type, "full-time");
	CHECK(ends_with(j->tags, "documentation, Typescript, Design"));
	CHECK(contains(j->description_text, "KoboToolbox [1] has an immediate opening"));
	parsed_done(&r);
}

static void
test_remotive_quirks(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("remotive/quirks-handmade.json", "https://remotive.com/api/remote-jobs",
		      "remotive", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_INT(r.skipped, 1);
	j = by_guid(&r, "3001");
	CHECK_STR(j->title, "Backend Engineer \xF0\x9F\x9A\x80");	/* a surrogate pair */
	CHECK_SALARY(j, 50000, 60000, "EUR", "year");
	CHECK_STR(j->employment_type, "contract");
	CHECK_STR(j->location, "Europe");
	CHECK_INT(j->posted, 1789749802);
	CHECK_STR(j->tags, "go, postgres, Go, Software Development");
	CHECK(!contains(j->description_html, "blank.gif"));	/* upper-case IMG too */
	CHECK(contains(j->description_html, "<img src=\"https://cdn.example/team.png\""));
	CHECK(contains(j->description_html, "Build things." TEXT_REPLACEMENT));	/* lone surrogate */
	j = by_guid(&r, "3002");
	CHECK_NULL(j->employment_type);	/* "other" */
	CHECK_SALARY(j, 0, 0, NULL, NULL);	/* null */
	CHECK_STR(j->location, "Worldwide");
	CHECK_INT(j->posted, 1789804800);
	parsed_done(&r);

	run_str("remotive", NULL, "{\"jobs\": {}}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "JSON without a \"jobs\" array, so not a Remotive API response");
	parsed_done(&r);
	run_str("remotive", NULL, "[]", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	parsed_done(&r);
}

/* ---- Arbeitnow ----------------------------------------------------------------------------- */

static void
test_arbeitnow(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("arbeitnow/arbeitnow-envelope-page1-trimmed.json",
		      "https://www.arbeitnow.com/api/job-board-api", "arbeitnow", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_STR(r.title, "Arbeitnow");
	CHECK_STR(r.next_url, "https://www.arbeitnow.com/api/job-board-api?page=2");
	j = nth(&r, 0);
	CHECK_STR(j->guid, "studentische-hilfskraft-potsdam-377838");
	CHECK_STR(j->title, "Studentische Hilfskraft");
	CHECK_STR(j->company, "MCH Ventures");
	CHECK_STR(j->location, "Potsdam");
	CHECK(j->remote);
	CHECK_INT(j->posted, 1791477053);
	CHECK_NULL(j->employment_type);
	CHECK_STR(j->tags, "Remote, Business Consulting, Working student, berufseinstieg");
	CHECK_STR(j->url, "https://www.arbeitnow.com/jobs/companies/mch-ventures/"
		  "studentische-hilfskraft-potsdam-377838");
	CHECK_STR(j->description_text, "Wir sind eine spezialisierte Beratung \xE2\x80\xA6");
	parsed_done(&r);

	/* Page 2 asks for itself as the next page: no loop. */
	parse_fixture("arbeitnow/arbeitnow-envelope-page1-trimmed.json",
		      "https://www.arbeitnow.com/api/job-board-api?page=2", "arbeitnow", &r);
	CHECK_NULL(r.next_url);
	parsed_done(&r);

	parse_fixture("arbeitnow/arbeitnow-escaped-html-2026-09.json",
		      "https://www.arbeitnow.com/api/job-board-api?page=1", "arbeitnow", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	j = nth(&r, 0);
	CHECK_STR(j->title, "Werkstudent Customer Success (x/f/m)");
	CHECK_STR(j->company, "Doctolib");
	CHECK_STR(j->location, "Berlin, Berlin");
	CHECK(!j->remote);
	CHECK_NULL(j->employment_type);
	CHECK_STR(j->tags, "Operations");
	CHECK_INT(j->posted, 1790412915);
	CHECK(!strncmp(j->description_html ? j->description_html : "", "<h2 class=", 10));
	CHECK(contains(j->description_text, "Gemeinsam gestalten wir die Gesundheitsversorgung"));
	CHECK(!contains(j->description_text, "&lt;"));
	CHECK(!contains(j->description_text, "&nbsp;"));
	parsed_done(&r);

	parse_fixture("arbeitnow/arbeitnow-plain-text-2026-09.json", NULL, "arbeitnow", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 3);
	j = nth(&r, 0);
	CHECK_NULL(j->description_html);	/* plain text stays text */
	CHECK(!strncmp(j->description_text ? j->description_text : "",
		       "Im Auftrag unseres Partnerunternehmens", 38));
	CHECK(contains(j->description_text, "Projektmanagement & Bau\xC3\xBC" "berwachung"));
	j = nth(&r, 1);
	CHECK_STR(j->company, "1KOMMA5\xCB\x9A");
	CHECK_STR(j->tags, "Remote, Software Development, professional / experienced");
	CHECK(j->remote);
	j = nth(&r, 2);
	CHECK_STR(j->location, "D\xC3\xBCsseldorf");
	CHECK_INT(j->posted, 1789142426);
	parsed_done(&r);
}

static void
test_arbeitnow_quirks(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("arbeitnow/quirks-handmade.json",
		      "https://www.arbeitnow.com/api/job-board-api?page=3", "arbeitnow", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_INT(r.skipped, 1);	/* null */
	CHECK_NULL(r.next_url);		/* the last page */
	j = by_guid(&r, "backend-entwickler-hamburg-1");
	CHECK(j->remote);		/* "true" */
	CHECK_STR(j->employment_type, "full-time");	/* Vollzeit */
	CHECK_STR(j->tags, "IT, Werkstudent");
	CHECK_INT(j->posted, 1789000000);	/* a string */
	CHECK_STR(j->description_text, "Wir suchen Dich.");
	j = by_guid(&r, "praktikum-marketing-2");
	CHECK(!j->remote);
	CHECK_STR(j->employment_type, "internship");	/* a string, not an array */
	CHECK_STR(j->company, "S\xC3\xBC" "d AG");
	CHECK_STR(j->description_text, "Plain text\nwith a line break & an ampersand");
	CHECK_NULL(j->description_html);
	parsed_done(&r);

	run_str("arbeitnow", NULL, "{\"links\": {}, \"meta\": {}}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "JSON without a \"data\" array, so not an Arbeitnow API response");
	parsed_done(&r);
}

/* ---- Himalayas ----------------------------------------------------------------------------- */

static void
test_himalayas(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("himalayas/himalayas-jobs-api-2026-09.json",
		      "https://himalayas.app/jobs/api?limit=2&offset=0", "himalayas", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_STR(r.title, "Himalayas");
	/* The cursor replaces the deprecated offset. */
	CHECK_STR(r.next_url, "https://himalayas.app/jobs/api?limit=2"
		  "&cursor=MjAyNi0wOS0yNlQwNDozMToyMC42NTI3MzJafDIyODM1MTg");
	j = nth(&r, 0);
	CHECK_STR(j->guid, "https://himalayas.app/companies/micro1/jobs/"
		  "gmail-google-calendar-ai-assistant-evaluator");
	CHECK_STR(j->url, j->guid);
	CHECK_NULL(j->apply_url);	/* applicationLink is the same page */
	CHECK_STR(j->title, "Gmail & Google Calendar AI Assistant Evaluator");
	CHECK_STR(j->company, "micro1");
	CHECK_STR(j->location, "United States");
	CHECK(j->remote);
	CHECK_SALARY(j, 15, 30, "USD", "hour");	/* "hourly" */
	CHECK_STR(j->employment_type, "contract");	/* "Contractor" */
	CHECK_INT(j->posted, 1790401136);
	CHECK(!strncmp(j->tags ? j->tags : "", "Data Science, Entry-level, AI Evaluator, "
		       "AI Chatbot Evaluator", 61));
	CHECK(contains(j->description_text, "Role Type: Contractor, Remote"));
	j = nth(&r, 1);
	CHECK_STR(j->title, "IT Operations Specialist");
	CHECK_SALARY(j, 100000, 115000, "USD", "year");	/* "annual" */
	CHECK_STR(j->employment_type, "full-time");
	CHECK_INT(j->posted, 1790397080);
	parsed_done(&r);
}

static void
test_himalayas_quirks(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("himalayas/quirks-handmade.json",
		      "https://himalayas.app/jobs/api?cursor=old&limit=2&offset=20", "himalayas",
		      &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_INT(r.skipped, 1);
	CHECK_STR(r.next_url, "https://himalayas.app/jobs/api?cursor=a%2Bb%2Fc%3D&limit=2");
	j = nth(&r, 0);
	CHECK_STR(j->title, "Data Engineer");
	CHECK_NULL(j->description_html);
	CHECK_STR(j->description_text, "Move data & more.");	/* the excerpt */
	CHECK_STR(j->location, "Germany, Austria");	/* objects, a repeat dropped */
	CHECK_STR(j->employment_type, "part-time");
	CHECK_SALARY(j, 0, 0, NULL, NULL);	/* null amounts: no currency either */
	CHECK_INT(j->posted, 1790401136);	/* milliseconds */
	CHECK_STR(j->apply_url, "https://streamly.example/apply/9");
	CHECK_STR(j->tags, "Data Engineer");
	j = nth(&r, 1);
	CHECK_STR(j->guid, "hm-2");
	CHECK_STR(j->url, "https://openmentors.example/jobs/2");	/* guid is no URL */
	CHECK_NULL(j->apply_url);
	CHECK_SALARY(j, 55000, 70000, "GBP", "year");
	CHECK_NULL(j->employment_type);	/* "Other" */
	CHECK_STR(j->location, "United Kingdom");
	parsed_done(&r);

	run_str("himalayas", "https://himalayas.app/jobs/api",
		  "{\"totalCount\": 0, \"nextCursor\": null, \"jobs\": []}", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_NULL(r.next_url);
	parsed_done(&r);
	run_str("himalayas", NULL, "{\"totalCount\": 0}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "JSON without a \"jobs\" array, so not a Himalayas API response");
	parsed_done(&r);
}

/* ---- Jobicy -------------------------------------------------------------------------------- */

static void
test_jobicy(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("jobicy/jobicy-remote-jobs-v2-2026-09.json",
		      "https://jobicy.com/api/v2/remote-jobs?count=2&industry=engineering",
		      "jobicy", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_STR(r.title, "Jobicy");
	CHECK_NULL(r.next_url);	/* 2.2.16: no cursor */
	j = nth(&r, 0);
	CHECK_STR(j->guid, "154087");
	CHECK_STR(j->title, "OrioleDB Developer (AMER)");
	CHECK_STR(j->company, "Supabase");
	CHECK_STR(j->location, "LATAM, Canada, USA");
	CHECK(j->remote);
	CHECK_STR(j->employment_type, "full-time");
	CHECK_SALARY(j, 0, 0, NULL, NULL);	/* keys absent */
	CHECK_INT(j->posted, 1790369647);
	CHECK_STR(j->url, "https://jobicy.com/jobs/154087-orioledb-developer-amer");
	CHECK_STR(j->tags, "Software Engineering");	/* jobLevel "Any" says nothing */
	CHECK(contains(j->description_text, "Supabase is the Postgres development platform"));
	j = nth(&r, 1);
	CHECK_STR(j->title, "Staff Engineer, Full Stack (Trust, Safety & Risk)");
	CHECK_STR(j->location, "EMEA, LATAM, Canada, USA");
	CHECK_SALARY(j, 200000, 250000, "USD", "year");
	CHECK_STR(j->tags, "Software Engineering, Senior");
	CHECK_INT(j->posted, 1790369634);
	parsed_done(&r);

	parse_fixture("jobicy/jobicy-openapi-example-2.2.18.json",
		      "https://jobicy.com/api/v2/remote-jobs?geo=usa", "jobicy", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_NULL(r.next_url);	/* nextCursor null, hasMore false */
	j = nth(&r, 0);
	CHECK_STR(j->guid, "123456");
	CHECK_SALARY(j, 90000, 125000, "USD", "year");
	CHECK_INT(j->posted, 1790769600);
	CHECK_STR(j->description_html,
		  "<p>Build remote collaboration tools with a distributed engineering team.</p>");
	parsed_done(&r);
}

static void
test_jobicy_quirks(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("jobicy/quirks-handmade.json",
		      "https://jobicy.com/api/v2/remote-jobs?count=2", "jobicy", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);
	CHECK_STR(r.next_url,
		  "https://jobicy.com/api/v2/remote-jobs?count=2&cursor=eyJpZCI6MTUwMDAwfQ%3D%3D");
	j = by_guid(&r, "150001");
	CHECK_STR(j->company, "Testers & Co");
	CHECK_STR(j->location, "Anywhere");
	CHECK_STR(j->employment_type, "part-time");	/* a string, not an array */
	CHECK_STR(j->description_text, "Find bugs\xE2\x80\xA6");	/* &hellip; */
	CHECK_INT(j->posted, 1789912800);	/* -04:00 */
	CHECK_SALARY(j, 40, 55, "USD", "hour");
	CHECK_STR(j->tags, "QA");
	j = by_guid(&r, "150002");
	CHECK_STR(j->employment_type, "internship");
	CHECK_STR(j->tags, "Junior");
	CHECK_INT(j->posted, 1789979400);
	parsed_done(&r);

	run_str("jobicy", "https://jobicy.com/api/v2/remote-jobs",
		  "{\"nextCursor\": \"abc\", \"hasMore\": false, \"jobs\": []}", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_NULL(r.next_url);
	parsed_done(&r);
	run_str("jobicy", NULL, "{\"success\": false, \"message\": \"bad tag\"}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "JSON without a \"jobs\" array, so not a Jobicy API response");
	parsed_done(&r);
}

/* ---- Hacker News --------------------------------------------------------------------------- */

static void
test_hn_thread(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("hackernews/hn-algolia-item-whoishiring-2026-09-trimmed.json",
		      "https://news.ycombinator.com/item?id=49522897", "hackernews", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 4);
	CHECK_INT(r.skipped, 0);
	CHECK_STR(r.title, "Ask HN: Who is hiring? (September 2026)");
	j = nth(&r, 0);
	CHECK_STR(j->guid, "49522903");
	CHECK_STR(j->title, "Senior Product Engineer");
	CHECK_STR(j->company, "Modash.io");
	CHECK_STR(j->location, "Remote (Europe)");
	CHECK(j->remote);
	CHECK(!j->hybrid);
	CHECK_SALARY(j, 75000, 110000, "EUR", "year");
	CHECK_STR(j->employment_type, "full-time");
	CHECK_INT(j->posted, 1788274914);
	CHECK_STR(j->url, "https://news.ycombinator.com/item?id=49522903");
	CHECK_STR(j->apply_url, "https://modash.io");
	CHECK(contains(j->description_html, "https:&#x2F;&#x2F;modash.io"));	/* as sent */
	CHECK(contains(j->description_text,
		       "\n\nModash helps brands find, manage, and pay creators"));
	CHECK(contains(j->description_text, "We're looking for Senior Product Engineers"));

	j = nth(&r, 1);
	CHECK_STR(j->title, "Fullstack SWE");
	CHECK_STR(j->company, "Quill");
	CHECK(j->remote);
	CHECK_SALARY(j, 150000, 210000, "USD", "year");
	CHECK_STR(j->employment_type, "full-time");
	CHECK_STR(j->apply_url, "https://quill.co/");

	j = nth(&r, 2);
	CHECK_STR(j->company, "Open Education Applications / Neon");
	CHECK_STR(j->title, "Senior/Lead Platform & DevOps Engineer, Senior Frontend Engineer, "
		  "Senior Full-Stack Engineer");
	CHECK_STR(j->location, "Utrecht, The Netherlands");
	CHECK(j->hybrid);
	CHECK(!j->remote);
	CHECK_NULL(j->apply_url);
	CHECK_SALARY(j, 0, 0, NULL, NULL);

	j = nth(&r, 3);
	CHECK_STR(j->company, "We The Flywheel");
	CHECK_STR(j->title, "AI-Native Engineers & Operators");
	CHECK(j->remote);
	CHECK_STR(j->employment_type, "contract");
	CHECK_NULL(j->location);	/* "REMOTE (worldwide)" names no place */
	CHECK_INT(j->posted, 1788274987);
	parsed_done(&r);
}

static void
test_hn_handmade(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("hackernews/thread-handmade.json",
		      "https://hn.algolia.com/api/v1/items/50000000", "hackernews", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 3);
	CHECK_INT(r.skipped, 2);	/* a deleted comment and a string; replies are not items */
	CHECK_STR(r.title, "Ask HN: Who is hiring? (October 2026)");
	for (size_t i = 0; i < r.jobs.n; i++)
		CHECK(strcmp(r.jobs.v[i].guid, "50000002") && strcmp(r.jobs.v[i].guid, "50000006")
		      && strcmp(r.jobs.v[i].guid, "50000007"));
	j = by_guid(&r, "50000001");
	CHECK_STR(j->company, "Acme Robotics");
	CHECK_STR(j->title, "Senior Backend Engineer");
	CHECK_STR(j->location, "Berlin, Germany");
	CHECK(!j->remote);		/* ONSITE */
	CHECK_SALARY(j, 120000, 150000, "USD", "year");
	CHECK_STR(j->apply_url, "https://acme.example/careers/backend-engineer-2026");
	CHECK_INT(j->posted, 1790780460);
	j = by_guid(&r, "50000004");	/* no "|": the first line is the title */
	CHECK_STR(j->title,
		  "We're hiring a designer in Lisbon, email me at hi@solo.example (no agencies)");
	CHECK_NULL(j->company);
	CHECK_STR(j->apply_url, "https://solo.example/jobs");	/* a URL in the text */
	j = by_guid(&r, "50000005");
	CHECK_STR(j->company, "HybridCo");
	CHECK_STR(j->title, "Staff SRE");
	CHECK_STR(j->location, "Hybrid (NYC)");
	CHECK(j->hybrid);
	CHECK_STR(j->employment_type, "full-time");
	CHECK_SALARY(j, 180000, 220000, NULL, "year");
	CHECK_INT(j->posted, 1790780640);
	parsed_done(&r);

	parse_fixture("hackernews/search-handmade.json",
		      "https://hn.algolia.com/api/v1/search?tags=comment,story_50000000"
		      "&hitsPerPage=3", "hackernews", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 2);	/* the reply is no posting */
	CHECK_INT(r.skipped, 0);
	CHECK_STR(r.title, "Ask HN: Who is hiring? (October 2026)");
	CHECK_STR(r.next_url, "https://hn.algolia.com/api/v1/search?tags=comment,story_50000000"
		  "&hitsPerPage=3&page=1");
	j = by_guid(&r, "50000001");
	CHECK_STR(j->title, "Backend Engineer");
	CHECK_STR(j->company, "Acme");
	CHECK_STR(j->location, "Remote (US)");
	CHECK(j->remote);
	CHECK_SALARY(j, 150000, 150000, "USD", "year");
	j = by_guid(&r, "192327");	/* a job story among the hits */
	CHECK_STR(j->title, "Justin.tv (YC W07) is hiring");
	CHECK_STR(j->company, "Justin.tv");
	CHECK_STR(j->description_text, "Come work with us");
	CHECK_INT(j->posted, 1210981217);
	parsed_done(&r);
}

static void
test_hn_firebase(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("hackernews/hn-firebase-item-job-192327.json",
		      "https://hacker-news.firebaseio.com/v0/item/192327.json", "hackernews", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	j = nth(&r, 0);
	CHECK_STR(j->guid, "192327");
	CHECK_STR(j->title, "Justin.tv is looking for a Lead Flash Engineer!");
	CHECK_STR(j->company, "Justin.tv");
	CHECK_INT(j->posted, 1210981217);
	CHECK_STR(j->url, "https://news.ycombinator.com/item?id=192327");
	CHECK_STR(j->apply_url, "http://www.justin.tv/problems/bml");	/* url is "" */
	CHECK(contains(j->description_text, "* Contribute to product design"));
	parsed_done(&r);

	parse_fixture("hackernews/firebase-comment-handmade.json",
		      "https://hacker-news.firebaseio.com/v0/item/50000010.json", "hackernews", &r);
	CHECK_RC(r.rc, JT_OK);
	j = nth(&r, 0);
	CHECK_STR(j->title, "Rust Engineer");
	CHECK_STR(j->company, "DevCo");
	CHECK(j->remote);
	CHECK_STR(j->employment_type, "full-time");
	CHECK_INT(j->posted, 1790780900);
	parsed_done(&r);

	run_str("hackernews", NULL, "{\"by\": \"whoishiring\", \"id\": 50000000, \"kids\": "
		  "[1, 2], \"time\": 1790780400, \"title\": \"Ask HN: Who is hiring?\", "
		  "\"type\": \"story\"}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK(contains(r.err.msg, "https://hn.algolia.com/api/v1/items/"));
	parsed_done(&r);
	run_str("hackernews", NULL, "{\"id\": 5, \"deleted\": true, \"type\": \"comment\", "
		  "\"time\": 1790780400}", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 0);
	CHECK_INT(r.skipped, 1);
	parsed_done(&r);
	/* A comment that opens with an empty paragraph, and one whose author is gone. */
	run_str("hackernews", NULL, "{\"id\": 1, \"children\": [{\"id\": 2, \"text\": "
		  "\"<p>\\n<p>Acme | Cook | Paris<p>Body\", \"author\": null}]}", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_STR(nth(&r, 0)->title, "Cook");
	CHECK_STR(nth(&r, 0)->location, "Paris");
	parsed_done(&r);
	run_str("hackernews", NULL, "[1, 2]", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	parsed_done(&r);
	run_str("hackernews", NULL, "{\"jobs\": []}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "JSON that is not a Hacker News item or search result");
	parsed_done(&r);
}

/* First lines in their many forms. */
static void
test_hn_first_lines(void)
{
	static const struct {
		const char *line;
		const char *title, *company, *location, *type;
		bool remote, hybrid;
		double min, max;
	} cases[] = {
		{ "Acme | Backend Engineer | NYC | Full-time", "Backend Engineer", "Acme", "NYC",
		  "full-time", false, false, 0, 0 },
		{ "Acme | London, UK | Data Scientist | $90k-$120k | REMOTE OK", "Data Scientist",
		  "Acme", "London, UK", NULL, true, false, 90000, 120000 },
		{ "Acme (YC S21) | Founding Engineer | SF or Remote (US) | Full Time | "
		  "https://acme.example/jobs", "Founding Engineer", "Acme (YC S21)",
		  "SF or Remote (US)", "full-time", true, false, 0, 0 },
		{ "Acme | Intern | Onsite | Berlin", "Intern", "Acme", "Berlin", "internship",
		  false, false, 0, 0 },
		{ "Acme | REMOTE | Contract", "Acme | REMOTE | Contract", "Acme", NULL, "contract",
		  true, false, 0, 0 },
		{ "Acme Corp is hiring engineers in Paris",
		  "Acme Corp is hiring engineers in Paris", NULL, NULL, NULL, false, false, 0, 0 },
		{ "Acme || Sr. Designer | | Hybrid | \xE2\x82\xAC" "60k", "Sr. Designer", "Acme",
		  NULL, NULL, false, true, 60000, 60000 },
	};
	char doc[2048];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct parsed r;
		const struct job *j;
		int before = check_failed;

		snprintf(doc, sizeof(doc), "{\"id\": 1, \"children\": [{\"id\": %zu, \"author\": "
			 "\"a\", \"created_at_i\": 1790780400, \"text\": \"%s<p>Body.\"}]}",
			 100 + i, cases[i].line);
		run_str("hackernews", NULL, doc, &r);
		CHECK_RC(r.rc, JT_OK);
		j = nth(&r, 0);
		CHECK_STR(j->title, cases[i].title);
		if (cases[i].company)
			CHECK_STR(j->company, cases[i].company);
		else
			CHECK_NULL(j->company);
		if (cases[i].location)
			CHECK_STR(j->location, cases[i].location);
		else
			CHECK_NULL(j->location);
		if (cases[i].type)
			CHECK_STR(j->employment_type, cases[i].type);
		else
			CHECK_NULL(j->employment_type);
		CHECK_INT(j->remote, cases[i].remote);
		CHECK_INT(j->hybrid, cases[i].hybrid);
		CHECK(j->salary_min == cases[i].min && j->salary_max == cases[i].max);
		if (check_failed != before)
			fprintf(stderr, "  (first line %zu: %s)\n", i, cases[i].line);
		parsed_done(&r);
	}
}

/* ---- JSON-LD ------------------------------------------------------------------------------- */

static void
test_jsonld_pages(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("jsonld/icims-gdms-jobposting-page.html",
		      "https://careers-gdms.icims.com/jobs/75243/job", "jsonld", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_STR(r.title, "Find a Job - General Dynamics Mission Systems");
	j = nth(&r, 0);
	CHECK_STR(j->title, "Sr. Advanced Field Support Specialist (TS/SCI Clearance Required)");
	CHECK_STR(j->company, "General Dynamics Mission Systems, Inc");
	CHECK_STR(j->location, "Annapolis Junction, MD, US; VA, US");	/* UNAVAILABLE dropped */
	CHECK(!j->remote);
	CHECK_NULL(j->employment_type);	/* OTHER */
	CHECK_INT(j->posted, 1791086400);
	CHECK_STR(j->url, "https://careers-gdms.icims.com/jobs/75243/"
		  "sr.-advanced-field-support-specialist-%28ts-sci-clearance-required%29/job");
	CHECK_STR(j->guid, j->url);
	CHECK_STR(j->tags, "Technicians/Technical Support");
	CHECK(contains(j->description_html, "<h2>Basic Qualifications </h2>"));
	CHECK(contains(j->description_text, "CLEARANCE REQUIREMENTS:Department of Defense"));
	CHECK(!contains(j->description_text, "Please Enable Cookies"));
	parsed_done(&r);

	parse_fixture("jsonld/gupy-memed-jobposting-page.html",
		      "https://memed.gupy.io/jobs/123", "jsonld", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	j = nth(&r, 0);
	CHECK_STR(j->title, "Frontend Engineer S\xC3\xAAnior \xE2\x80\x93 React");
	CHECK_STR(j->company, "Memed");
	CHECK_STR(j->location, "Brasil");
	CHECK(j->remote);	/* additionalProperty TELECOMMUTE */
	CHECK_INT(j->posted, 1773100800);
	CHECK_STR(j->url, "https://memed.gupy.io/jobs/123");	/* the page itself */
	CHECK_STR(j->guid, "https://memed.gupy.io/jobs/123");
	CHECK_STR(j->description_html, "<p>A Memed \xC3\xA9 healthtech.</p>");	/* unescaped */
	CHECK_STR(j->description_text, "A Memed \xC3\xA9 healthtech.");
	parsed_done(&r);
}

static void
test_jsonld_documents(void)
{
	struct parsed r;
	const struct job *j;
	size_t len;
	char *buf = slurp("jsonld/google-docs-jobposting-standard.json", &len);

	run("jsonld", "https://careers.google.example/jobs/1234567", buf, len, -1, &r);
	free(buf);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	j = nth(&r, 0);
	CHECK_STR(j->guid, "1234567");	/* identifier.value */
	CHECK_STR(j->title, "Software Engineer");
	CHECK_STR(j->company, "Google");
	CHECK_STR(j->location, "Mountain View, CA, US");
	CHECK(!j->remote);
	CHECK_SALARY(j, 40, 40, "USD", "hour");
	CHECK_STR(j->employment_type, "contract");
	CHECK_INT(j->posted, 1484697600);
	CHECK_STR(j->url, "https://careers.google.example/jobs/1234567");
	parsed_done(&r);

	buf = slurp("jsonld/google-docs-jobposting-remote.json", &len);
	run("jsonld", NULL, buf, len, -1, &r);
	free(buf);
	CHECK_RC(r.rc, JT_OK);
	j = nth(&r, 0);
	CHECK(j->remote);
	CHECK_STR(j->location, "USA");	/* applicantLocationRequirements */
	CHECK_STR(j->employment_type, "full-time");
	parsed_done(&r);

	run_str("jsonld", NULL, "{\"@type\": \"Organization\", \"name\": \"x\"}", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "JSON-LD without JobPosting data");
	parsed_done(&r);
	run_str("jsonld", NULL, "{\"@type\": \"JobPosting\", ", &r);
	CHECK_RC(r.rc, JT_ERR_PARSE);
	CHECK_STR(r.err.msg, "malformed JSON-LD");
	parsed_done(&r);
}

static void
test_jsonld_handmade(void)
{
	struct parsed r;
	const struct job *j;

	parse_fixture("jsonld/graph-handmade.html", "https://careers.example.com/jobs/page",
		      "jsonld", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 3);
	CHECK_INT(r.skipped, 1);	/* the broken block */
	CHECK_STR(r.title, "Careers & Jobs at Nordwind");
	j = by_guid(&r, "42");		/* @graph -> WebPage.mainEntity, @type an array */
	CHECK_STR(j->title, "Platform Engineer");
	CHECK_STR(j->company, "Nordwind GmbH");
	CHECK_STR(j->url, "https://careers.example.com/jobs/42");	/* relative */
	CHECK_STR(j->location, "Hamburg, Germany");	/* a Country object; a repeat dropped */
	CHECK_SALARY(j, 5000, 6500, "EUR", "month");
	CHECK_STR(j->employment_type, "temporary");
	CHECK_INT(j->posted, 1788246000);
	CHECK_STR(j->tags, "15-1252.00 Software Developers");
	j = by_guid(&r, "https://careers.example.com/jobs/page#2");
	CHECK_STR(j->title, "Remote Support Lead");
	CHECK_STR(j->company, "Plain Org");
	CHECK(j->remote);
	CHECK_STR(j->location, "USA, Canada");
	CHECK_SALARY(j, 100000, 100000, "USD", "year");	/* "$100,000" */
	CHECK_STR(j->employment_type, "part-time");	/* "PART_TIME, FULL_TIME" */
	CHECK_INT(j->posted, 1788307200);
	CHECK_STR(j->description_text, "Escaped & fine");
	j = by_guid(&r, "77");		/* an ItemList */
	CHECK_STR(j->title, "Listed Job");
	CHECK_STR(j->url, "https://careers.example.com/jobs/77");
	for (size_t i = 0; i < r.jobs.n; i++)
		CHECK(strcmp(r.jobs.v[i].title, "Not JSON-LD") && strcmp(r.jobs.v[i].title,
									  "Broken"));
	parsed_done(&r);

	parse_fixture("jsonld/no-jobposting-handmade.html", "https://nordwind.example/about",
		      "jsonld", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	CHECK_STR(r.err.msg, "HTML page without JobPosting data");
	CHECK_INT(r.jobs.n, 0);
	parsed_done(&r);

	parse_fixture("jsonld/latin1-handmade.html", "https://bruecke.example/jobs/1", "jsonld",
		      &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_STR(r.title, "Stellen \xC3\xBC" "bersicht");
	j = nth(&r, 0);
	CHECK_STR(j->title, "Ing\xC3\xA9nieur (m/w/d)");
	CHECK_STR(j->company, "Br\xC3\xBC" "cke AG");
	CHECK_STR(j->location, "Z\xC3\xBCrich");	/* an address given as text */
	CHECK_STR(j->description_text, "Gr\xC3\xBC\xC3\x9F" "e");
	CHECK_INT(j->posted, 1788134400);
	parsed_done(&r);

	/* A page that is only the malformed block: a parse error, not "no job data". */
	run_str("jsonld", NULL, "<html><script type=application/ld+json>{\"@type\": "
		  "\"JobPosting\", </script></html>", &r);
	CHECK_RC(r.rc, JT_ERR_PARSE);
	CHECK_STR(r.err.msg, "HTML page with malformed JobPosting data");
	parsed_done(&r);
	run_str("jsonld", NULL, "", &r);
	CHECK_RC(r.rc, JT_ERR_PARSE);
	CHECK_STR(r.err.msg, "empty document");
	parsed_done(&r);
	run_str("jsonld", NULL, "plain text, no markup", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);
	parsed_done(&r);
}

/* ---- detection, URLs and intervals --------------------------------------------------------- */

/* The format feed_detect() gives a fixture's first KB with url. */
static const char *
detect_fixture(const char *rel, const char *url, struct jt_err *err)
{
	size_t len = 0;
	char *buf = slurp(rel, &len);
	const char *f;

	if (!buf)
		return NULL;
	f = feed_detect(NULL, url, buf, len < 1024 ? len : 1024, err);
	free(buf);
	return f;
}

static void
test_detect(void)
{
	struct jt_err err = { "" };
	static const char rss[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>";
	static const char jsonfeed[] = "{\"version\": \"https://jsonfeed.org/version/1.1\", "
				       "\"items\": []}";

	/* From the first bytes alone. */
	CHECK_STR(detect_fixture("remoteok/remoteok-api-raw-2026-10.json", NULL, &err),
		  "remoteok");
	CHECK_STR(detect_fixture("remoteok/remoteok-api-reserialized-2026-09.json", NULL, &err),
		  "remoteok");
	CHECK_STR(detect_fixture("remotive/remotive-api-2026-07.json", NULL, &err), "remotive");
	CHECK_STR(detect_fixture("remotive/remotive-api-2026-09-truncated.json", NULL, &err),
		  "remotive");
	CHECK_STR(detect_fixture("arbeitnow/arbeitnow-escaped-html-2026-09.json", NULL, &err),
		  "arbeitnow");
	CHECK_STR(detect_fixture("arbeitnow/arbeitnow-envelope-page1-trimmed.json", NULL, &err),
		  "arbeitnow");
	CHECK_STR(detect_fixture("himalayas/himalayas-jobs-api-2026-09.json", NULL, &err),
		  "himalayas");
	CHECK_STR(detect_fixture("jobicy/jobicy-remote-jobs-v2-2026-09.json", NULL, &err),
		  "jobicy");
	CHECK_STR(detect_fixture("jobicy/jobicy-openapi-example-2.2.18.json", NULL, &err),
		  "jobicy");
	CHECK_STR(detect_fixture("hackernews/hn-algolia-item-whoishiring-2026-09-trimmed.json",
				 NULL, &err), "hackernews");
	CHECK_STR(detect_fixture("hackernews/search-handmade.json", NULL, &err), "hackernews");
	CHECK_STR(detect_fixture("hackernews/firebase-comment-handmade.json", NULL, &err),
		  "hackernews");
	CHECK_STR(detect_fixture("jsonld/icims-gdms-jobposting-page.html", NULL, &err), "jsonld");
	CHECK_STR(detect_fixture("jsonld/gupy-memed-jobposting-page.html", NULL, &err),
		  "jsonld");
	CHECK_STR(detect_fixture("hostile/not-a-feed.html", NULL, &err), "jsonld");

	/* The Firebase item's text is long: its URL tells, and its .json is not JSON Feed. */
	CHECK_STR(detect_fixture("hackernews/hn-firebase-item-job-192327.json",
				 "https://hacker-news.firebaseio.com/v0/item/192327.json", &err),
		  "hackernews");
	CHECK_STR(detect_fixture("remotive/quirks-handmade.json",
				 "https://remotive.com/api/remote-jobs?limit=5", &err), "remotive");
	/* An HTML page is jsonld wherever it comes from. */
	CHECK_STR(detect_fixture("jsonld/graph-handmade.html", "https://remoteok.com/", &err),
		  "jsonld");
	CHECK_STR(detect_fixture("jsonld/graph-handmade.html", "https://x.example/jobs.rss",
				 &err), "jsonld");

	/* The boards' RSS feeds stay RSS. */
	CHECK_STR(feed_detect(NULL, "https://jobicy.com/jobs/feed", rss, sizeof(rss) - 1, &err),
		  "rss");
	CHECK_STR(feed_detect(NULL, "https://jobicy.com/?feed=job_feed", rss, sizeof(rss) - 1,
			      &err), "rss");
	CHECK_STR(feed_detect(NULL, "https://himalayas.app/jobs/rss", rss, sizeof(rss) - 1, &err),
		  "rss");
	CHECK_STR(feed_detect(NULL, "https://remotive.com/remote-jobs/software-dev/feed", rss,
			      sizeof(rss) - 1, &err), "rss");
	CHECK_STR(feed_detect(NULL, "https://remoteok.com/remote-jobs.rss", rss, sizeof(rss) - 1,
			      &err), "rss");
	CHECK_STR(feed_detect(NULL, "https://hnrss.org/whoishiring/jobs", rss, sizeof(rss) - 1,
			      &err), "rss");
	/* JSON Feed elsewhere is still JSON Feed. */
	CHECK_STR(feed_detect(NULL, "https://example.com/feed.json", jsonfeed,
			      sizeof(jsonfeed) - 1, &err), "jsonfeed");
	CHECK_STR(feed_detect(NULL, "https://hnrss.org/whoishiring/jobs.jsonfeed", jsonfeed,
			      sizeof(jsonfeed) - 1, &err), "jsonfeed");
	/* A forced format wins. */
	CHECK_STR(feed_detect("jsonld", NULL, jsonfeed, sizeof(jsonfeed) - 1, &err), "jsonld");

	/* The URL alone. */
	CHECK_STR(feed_detect_url("https://news.ycombinator.com/item?id=49522897"), "hackernews");
	CHECK_STR(feed_detect_url("https://remoteok.com/remote-python-jobs"), "remoteok");
	CHECK_STR(feed_detect_url("https://www.arbeitnow.com/"), "arbeitnow");
	CHECK_STR(feed_detect_url("https://himalayas.app/jobs"), "himalayas");
	CHECK_STR(feed_detect_url("https://remotive.com/"), "remotive");
	CHECK_STR(feed_detect_url("https://jobicy.com/"), "jobicy");
	CHECK_NULL(feed_detect_url("https://example.com/jobs"));

	for (const char *const *n = (const char *const[]){ "remoteok", "remotive", "arbeitnow",
		"himalayas", "jobicy", "hackernews", "jsonld", NULL }; *n; n++)
		CHECK(feed_format_known(*n));
}

static void
check_fetch_url(const char *format, const char *url, const char *want)
{
	char *got = feed_fetch_url(format, url);

	CHECK_STR(got, want);
	if (got && strcmp(got, want))
		fprintf(stderr, "  (for %s)\n", url);
	free(got);
}

static void
test_fetch_urls(void)
{
	check_fetch_url(NULL, "https://news.ycombinator.com/item?id=49522897",
			"https://hn.algolia.com/api/v1/items/49522897");
	check_fetch_url(NULL, "https://news.ycombinator.com/item?p=2&id=49522897#x",
			"https://hn.algolia.com/api/v1/items/49522897");
	check_fetch_url("hackernews", "https://news.ycombinator.com/item?id=42",
			"https://hn.algolia.com/api/v1/items/42");
	check_fetch_url(NULL, "https://news.ycombinator.com/item?id=abc",
			"https://news.ycombinator.com/item?id=abc");
	check_fetch_url(NULL, "https://news.ycombinator.com/item?id=12x",
			"https://news.ycombinator.com/item?id=12x");
	check_fetch_url(NULL, "https://news.ycombinator.com/jobs",
			"https://news.ycombinator.com/jobs");
	check_fetch_url(NULL, "https://hn.algolia.com/api/v1/items/42",
			"https://hn.algolia.com/api/v1/items/42");
	check_fetch_url(NULL, "https://hacker-news.firebaseio.com/v0/item/192327.json",
			"https://hacker-news.firebaseio.com/v0/item/192327.json");

	check_fetch_url(NULL, "https://remoteok.com/", "https://remoteok.com/api");
	check_fetch_url(NULL, "https://remoteok.com", "https://remoteok.com/api");
	check_fetch_url(NULL, "https://remoteok.com/remote-python-jobs",
			"https://remoteok.com/api?tag=python");
	check_fetch_url(NULL, "https://remoteok.com/api?tag=go", "https://remoteok.com/api?tag=go");
	check_fetch_url(NULL, "https://remoteok.com/remote-jobs.rss",
			"https://remoteok.com/remote-jobs.rss");
	check_fetch_url("remoteok", "https://mirror.example/", "https://mirror.example/");

	check_fetch_url(NULL, "https://remotive.com/remote-jobs",
			"https://remotive.com/api/remote-jobs");
	check_fetch_url(NULL, "https://remotive.com/remote-jobs/software-dev",
			"https://remotive.com/api/remote-jobs?category=software-dev");
	check_fetch_url(NULL, "https://remotive.com/remote-jobs/software-dev/feed",
			"https://remotive.com/remote-jobs/software-dev/feed");
	check_fetch_url(NULL, "https://remotive.com/api/remote-jobs?search=rust",
			"https://remotive.com/api/remote-jobs?search=rust");

	check_fetch_url(NULL, "https://www.arbeitnow.com/",
			"https://www.arbeitnow.com/api/job-board-api");
	check_fetch_url(NULL, "https://www.arbeitnow.com/api/job-board-api?page=2",
			"https://www.arbeitnow.com/api/job-board-api?page=2");
	check_fetch_url(NULL, "https://himalayas.app/jobs", "https://himalayas.app/jobs/api");
	check_fetch_url(NULL, "https://himalayas.app/jobs/rss", "https://himalayas.app/jobs/rss");
	check_fetch_url(NULL, "https://jobicy.com/", "https://jobicy.com/api/v2/remote-jobs");
	check_fetch_url(NULL, "https://jobicy.com/jobs/feed", "https://jobicy.com/jobs/feed");
	check_fetch_url(NULL, "https://jobicy.com/api/v2/remote-jobs?count=20&geo=usa",
			"https://jobicy.com/api/v2/remote-jobs?count=20&geo=usa");
}

static void
test_intervals(void)
{
	CHECK_INT(feed_min_interval("remotive"), 6 * 3600);	/* at most ~4 a day */
	CHECK_INT(feed_min_interval("jobicy"), 3600);		/* at most hourly */
	CHECK_INT(feed_min_interval("remoteok"), 0);
	CHECK_INT(feed_min_interval("hackernews"), 0);
	CHECK_INT(feed_min_interval("jsonld"), 0);
}

/* ---- hostile shapes ------------------------------------------------------------------------ */

static void
test_hostile(void)
{
	struct parsed r;
	struct strbuf sb;
	size_t depth = 200000;

	/* A document nested far deeper than cJSON's limit: checked without recursion, the
	 * deep element skipped, the job next to it kept. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "[{\"id\": \"1\", \"position\": \"Kept\"}, ");
	for (size_t i = 0; i < depth; i++)
		strbuf_addc(&sb, '[');
	for (size_t i = 0; i < depth; i++)
		strbuf_addc(&sb, ']');
	strbuf_adds(&sb, "]");
	run("remoteok", NULL, sb.buf, sb.len, -1, &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_INT(r.skipped, 1);
	parsed_done(&r);
	strbuf_done(&sb);

	/* A deep member is dropped, not its item. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "{\"jobs\": [{\"id\": 1, \"title\": \"Deep\", \"tags\": ");
	for (size_t i = 0; i < 100; i++)
		strbuf_addc(&sb, '[');
	for (size_t i = 0; i < 100; i++)
		strbuf_addc(&sb, ']');
	strbuf_adds(&sb, "}]}");
	run("remotive", NULL, sb.buf, sb.len, -1, &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_STR(nth(&r, 0)->title, "Deep");
	CHECK_NULL(nth(&r, 0)->tags);
	parsed_done(&r);
	strbuf_done(&sb);

	/* Replies nested deep under a comment are never looked at. */
	strbuf_init(&sb, 0);
	strbuf_adds(&sb, "{\"id\": 1, \"children\": [{\"id\": 2, \"author\": \"a\", \"text\": "
		    "\"Acme | Engineer\", \"children\": ");
	for (size_t i = 0; i < 5000; i++)
		strbuf_adds(&sb, "[{\"id\": 3, \"author\": \"b\", \"text\": \"r\", \"children\": ");
	strbuf_adds(&sb, "[]");
	for (size_t i = 0; i < 5000; i++)
		strbuf_adds(&sb, "}]");
	strbuf_adds(&sb, "}]}");
	run("hackernews", NULL, sb.buf, sb.len, -1, &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_STR(nth(&r, 0)->title, "Engineer");
	parsed_done(&r);
	strbuf_done(&sb);

	/* Wrong types everywhere. */
	run_str("remoteok", NULL, "[{\"id\": [], \"position\": 5, \"company\": {}, \"tags\": "
		  "7, \"salary_min\": \"lots\", \"salary_max\": -5, \"epoch\": \"soon\", "
		  "\"description\": null, \"url\": true}, {\"id\": \"2\", \"position\": "
		  "\"Ok\\u0000Job\"}]", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);	/* the first has nothing to show */
	CHECK_INT(r.skipped, 1);
	CHECK_STR(nth(&r, 0)->title, "Ok");
	parsed_done(&r);
	run_str("jobicy", NULL, "{\"jobs\": [null, 1, \"x\", [], {\"id\": 1e400, "
		  "\"jobTitle\": \"Big id\"}]}", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.skipped, 4);
	CHECK_INT(r.jobs.n, 1);
	parsed_done(&r);
	run_str("himalayas", NULL, "{\"jobs\": [{\"title\": \"T\", \"locationRestrictions\": "
		  "[1, null, {\"name\": 2}, {\"name\": \"Chile\"}], \"minSalary\": 1e308, "
		  "\"maxSalary\": \"1e999\", \"pubDate\": -1}]}", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_STR(nth(&r, 0)->location, "Chile");
	CHECK_INT(nth(&r, 0)->posted, 0);
	parsed_done(&r);
	run_str("jsonld", NULL, "<html><script type='application/ld+json'>[[[[[[[[[[[[{"
		  "\"@type\": \"JobPosting\", \"title\": \"Too far\"}]]]]]]]]]]]], {\"@type\": "
		  "[1, {}], \"jobLocation\": 5}]</script></html>", &r);
	CHECK_RC(r.rc, JT_ERR_FORMAT);	/* beyond the hops looked through */
	parsed_done(&r);
	run_str("jsonld", NULL, "{\"@type\": \"JobPosting\", \"title\": 5, \"jobLocation\": "
		  "[null, 1, {\"address\": [7]}], \"baseSalary\": {\"value\": {\"minValue\": "
		  "\"x\"}}, \"identifier\": {\"value\": {}}, \"hiringOrganization\": [\"Org\"], "
		  "\"employmentType\": [3, \"INTERN\"], \"description\": \"<p>Body</p>\"}", &r);
	CHECK_RC(r.rc, JT_OK);
	CHECK_INT(r.jobs.n, 1);
	CHECK_STR(nth(&r, 0)->company, "Org");
	CHECK_STR(nth(&r, 0)->employment_type, "internship");
	CHECK_NULL(nth(&r, 0)->location);
	parsed_done(&r);
}

int
main(void)
{
	feedtest_init();
	RUN(test_remoteok_raw);
	RUN(test_remoteok_reserialized);
	RUN(test_remoteok_quirks);
	RUN(test_remotive);
	RUN(test_remotive_quirks);
	RUN(test_arbeitnow);
	RUN(test_arbeitnow_quirks);
	RUN(test_himalayas);
	RUN(test_himalayas_quirks);
	RUN(test_jobicy);
	RUN(test_jobicy_quirks);
	RUN(test_hn_thread);
	RUN(test_hn_handmade);
	RUN(test_hn_firebase);
	RUN(test_hn_first_lines);
	RUN(test_jsonld_pages);
	RUN(test_jsonld_documents);
	RUN(test_jsonld_handmade);
	RUN(test_detect);
	RUN(test_fetch_urls);
	RUN(test_intervals);
	RUN(test_hostile);
	return CHECK_DONE();
}
